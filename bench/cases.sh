#!/usr/bin/env bash
# Case throughput benchmark (issue 9): packages the service, then on the tests' embedded PostgreSQL starts the
# packaged jar, submits cases through the portal and completes their intake tasks through the inbox with a fixed
# number of concurrent clients, runs pgbench (simple-update, same clients) against the same PostgreSQL, and starts
# the same process through Camunda's API in-process. Prints one table (also in target/bench/cases.txt).
# Needs pgbench (Debian package postgresql-client). Takes a few minutes.
#
# Usage: bench/cases.sh [cases] [clients] [pgbench seconds]
# Environment:
#   BENCH_JVM      the service's JVM flags (default: the recommended production flags, see docs/performance.md)
#   BENCH_ENV      extra environment for the service, NAME=value separated by spaces
#   BENCH_WARMUP   warm-up cases before measuring (default 200)
#   BENCH_LABEL    a label printed in the table's title
#   BENCH_SKIP_PACKAGE=1   use the jar already in target/quarkus-app
#   BENCH_PACKAGE_FLAGS    extra flags for the package build (e.g. -Dquarkus.package.jar.appcds.enabled=false)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-10000}"
CLIENTS="${2:-16}"
PGBENCH_SECONDS="${3:-30}"
JVM="${BENCH_JVM--Xmx256m}"
command -v "${PGBENCH:-pgbench}" >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
if [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ]; then
  ./mvnw -q package -DskipTests ${BENCH_PACKAGE_FLAGS:-}
fi
./mvnw -q test -Dtest=CaseThroughputBenchmark -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dquarkus.http.test-port="${TEST_PORT:-28081}" \
  -Dbench.cases="$CASES" -Dbench.clients="$CLIENTS" -Dbench.pgbench.seconds="$PGBENCH_SECONDS" \
  -Dbench.warmup="${BENCH_WARMUP:-200}" -Dbench.jvm="$JVM" -Dbench.env="${BENCH_ENV:-}" \
  -Dbench.label="${BENCH_LABEL:-}" -Dbench.pgbench="${PGBENCH:-pgbench}"
cat target/bench/cases.txt
