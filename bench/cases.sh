#!/usr/bin/env bash
# Case throughput benchmark (issue 9): packages the service, then on the tests' embedded PostgreSQL starts the
# packaged jar, submits cases through the portal and completes their intake tasks through the inbox with a fixed
# number of concurrent clients, runs pgbench (simple-update, same clients) against the same PostgreSQL, and starts
# the same process through Camunda's API in-process, and measures two floors (the cheapest authenticated call, an
# empty process). Prints one table (also in target/bench/cases.txt; rows per table in rows-per-case.txt).
# Also submits BENCH_LATENCY_CASES cases from 4 clients (two per core) for the submission latency below saturation,
# and writes the figures as name=value lines to target/bench/cases.properties (bench/side-by-side.sh reads them).
# Needs pgbench (Debian package postgresql-client). Not part of ./mvnw verify. 10,000 cases take about 10 minutes
# on a 2-core machine; 1,000 about 4.
#
# Usage: bench/cases.sh [cases] [clients] [pgbench seconds]          (defaults: 10000 16 30)
# Environment:
#   BENCH_JVM      the service's JVM flags (default: JAVA_OPTS_APPEND of k8s/ipc-coordination.yaml)
#   BENCH_ENV      the service's extra environment, NAME=value separated by spaces (default MALLOC_ARENA_MAX=2)
#   BENCH_APPCDS=1 package with an AppCDS archive and start the service with it
#   BENCH_WARMUP   warm-up cases (submitted and completed) before measuring (default 200)
#   BENCH_ENGINE_CASES  process starts for the engine-alone figure (default: min(cases, 2000))
#   BENCH_LABEL    a label printed in the table's title
#   BENCH_SKIP_PACKAGE=1  use the jar already in target/quarkus-app
#   BENCH_LATENCY_CASES   cases submitted from 4 clients for the latency below saturation (default: min(cases, 1000))
#   PG_OPTS        extra PostgreSQL server settings, pg_ctl form ('-c fsync=off -c synchronous_commit=off'); the
#                  embedded server already runs fsync=off (and synchronous_commit=off, the embedded library's default)
#   TEST_PORT      the benchmark's own @QuarkusTest port (default 28081)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-10000}"
CLIENTS="${2:-16}"
PGBENCH_SECONDS="${3:-30}"
# default: the flags the deployment sets (JAVA_OPTS_APPEND in k8s/), so the benchmark runs what production runs
JVM="${BENCH_JVM-$(sed -n '/name: JAVA_OPTS_APPEND/{n;s/.*value: "\(.*\)"/\1/p}' k8s/ipc-coordination.yaml)}"
ENV="${BENCH_ENV-MALLOC_ARENA_MAX=2}"
ENGINE_CASES="${BENCH_ENGINE_CASES:-$(( CASES < 2000 ? CASES : 2000 ))}"
command -v "${PGBENCH:-pgbench}" >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
PACKAGE_FLAGS=""
if [ "${BENCH_APPCDS:-0}" = 1 ]; then
  PACKAGE_FLAGS="-Dquarkus.package.jar.appcds.enabled=true"
  JVM="$JVM -XX:SharedArchiveFile=app-cds.jsa -Xshare:on"
fi
if [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ]; then
  ./mvnw -q package -DskipTests $PACKAGE_FLAGS
fi
./mvnw -q test -Dtest=CaseThroughputBenchmark -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dquarkus.http.test-port="${TEST_PORT:-28081}" \
  -Dbench.cases="$CASES" -Dbench.clients="$CLIENTS" -Dbench.pgbench.seconds="$PGBENCH_SECONDS" \
  -Dbench.warmup="${BENCH_WARMUP:-200}" -Dbench.engine.cases="$ENGINE_CASES" -Dbench.jvm="$JVM" -Dbench.env="$ENV" \
  -Dbench.label="${BENCH_LABEL:-}" -Dbench.pgbench="${PGBENCH:-pgbench}" \
  -Dbench.latency.cases="${BENCH_LATENCY_CASES:-$(( CASES < 1000 ? CASES : 1000 ))}" -Dipc.test.pg-opts="${PG_OPTS:-}"
cat target/bench/cases.txt
