#!/usr/bin/env bash
# One run, both services (issue 20): our case benchmark (bench/cases.sh) and, right after it on the same machine,
# the stock Camunda 7 Spring Boot REST peer (bench/peer/run.sh, or PEER_DIR), both
# PostgreSQL servers with the same extra settings (PG_OPTS). Prints our table, the peer's summary and the ratios
# the issue's targets are written in: our cases/s : peer starts/s, our CPU per case : peer CPU per start (service +
# PostgreSQL both sides), our submission p50/p99 at 4 clients, ready time and RSS; with `uptime` before each half,
# because on a shared machine absolute figures move with the load. Output: target/bench/side-by-side.md.
#
# Needs: pgbench (Debian postgresql-client), what bench/cases.sh needs (./mvnw, Java 17); for the peer: PostgreSQL 15
# from /usr/lib/postgresql/15/bin (Debian postgresql-15; as root its run.sh runs it as `nobody`), wrk (Debian wrk;
# run.sh installs it if missing and root) and psql; the peer's first run builds it with ./mvnw -f bench/peer/pom.xml.
# About 10 minutes for 3,000 cases.
#
# Usage: bench/side-by-side.sh [cases] [clients] [pgbench seconds]     (defaults: 3000 16 30)
# Environment: every knob of bench/cases.sh (BENCH_JVM, BENCH_WARMUP, BENCH_LATENCY_CASES, TEST_PORT, ...), and
#   PG_OPTS    PostgreSQL settings for both servers (default '-c fsync=off -c synchronous_commit=off': what the
#              tests' embedded server runs with)
#   PEER_DIR   the peer's folder (default bench/peer); its run.sh leaves target/results/<run id>/summary.txt
#   PEER_COPY  where another PEER_DIR is copied to build and run, so that it is never written to (default
#              /tmp/peer-camunda-springboot-rest)
#   PEER_ENV   extra environment for the peer's run.sh, NAME=value separated by spaces (e.g. JAVA_OPTS=-Xmx256m)
#   SKIP_OURS=1 / SKIP_PEER=1  reuse the last target/bench/cases.properties / peer summary (PEER_SUMMARY=path)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-3000}"
CLIENTS="${2:-16}"
PGBENCH_SECONDS="${3:-30}"
export PG_OPTS="${PG_OPTS--c fsync=off -c synchronous_commit=off}"
PEER_DIR="${PEER_DIR:-bench/peer}"
OUT=target/bench
mkdir -p "$OUT"
RUN_ID="side-$(date -u +%Y%m%d-%H%M%S)"
prop() { sed -n "s/^$1=//p" "$2" | head -1; }

UPTIME_OURS=$(uptime)
if [ "${SKIP_OURS:-0}" != 1 ]; then
  echo "== ours: bench/cases.sh $CASES $CLIENTS $PGBENCH_SECONDS (PG_OPTS='$PG_OPTS'); $UPTIME_OURS"
  bench/cases.sh "$CASES" "$CLIENTS" "$PGBENCH_SECONDS"
fi
OURS=$OUT/cases.properties
[ -f "$OURS" ] || { echo "no $OURS: run without SKIP_OURS" >&2; exit 1; }

UPTIME_PEER=$(uptime)
if [ "${SKIP_PEER:-0}" != 1 ]; then
  echo "== peer: $PEER_DIR/run.sh (PG_OPTS='$PG_OPTS', PGBENCH_T=$PGBENCH_SECONDS, CONNS=$CLIENTS); $UPTIME_PEER"
  RUN_DIR=$PEER_DIR
  if [ "$(cd "$PEER_DIR" && pwd)" != "$(pwd)/bench/peer" ]; then
    # another peer folder (PEER_DIR) is never written to (it may be read-only, and `test -w` says yes to root):
    # its run.sh builds and runs in a copy
    RUN_DIR=${PEER_COPY:-${TMPDIR:-/tmp}/peer-camunda-springboot-rest}
    mkdir -p "$RUN_DIR" && (cd "$PEER_DIR" && tar --exclude=./target -cf - .) | (cd "$RUN_DIR" && tar -xf -)
    chmod -R u+w "$RUN_DIR"
  fi
  # shellcheck disable=SC2086
  env ${PEER_ENV:-} RUN_ID="$RUN_ID" PGBENCH_T="$PGBENCH_SECONDS" CONNS="$CLIENTS" "$RUN_DIR/run.sh" \
    | tee "$OUT/peer-run.log" || { echo "the peer's run failed its checks; see $OUT/peer-run.log" >&2; exit 1; }
  PEER_SUMMARY=$RUN_DIR/target/results/$RUN_ID/summary.txt
fi
PEER="${PEER_SUMMARY:-}"
[ -n "$PEER" ] && [ -f "$PEER" ] || { echo "no peer summary (PEER_SUMMARY=$PEER)" >&2; exit 1; }

# the peer's CPU line: "... % of one core: peer JVM 115 (JIT threads ..), PostgreSQL 80, wrk 20"
CPU_LINE=$(prop cpu_starts "$PEER")
PEER_JVM_PCT=$(sed -n 's/.*peer JVM \([0-9.]*\).*/\1/p' <<<"$CPU_LINE")
PEER_PG_PCT=$(sed -n 's/.*PostgreSQL \([0-9.]*\).*/\1/p' <<<"$CPU_LINE")
PEER_STARTS=$(prop starts_per_s "$PEER")

awk -v cases="$(prop cases "$OURS")" -v clients="$(prop clients "$OURS")" -v ours_cps="$(prop cases_per_s "$OURS")" \
  -v ours_svc="$(prop cpu_per_case_service_ms "$OURS")" -v ours_pg="$(prop cpu_per_case_postgres_ms "$OURS")" \
  -v ours_p50="$(prop submit_p50_ms "$OURS")" -v ours_p99="$(prop submit_p99_ms "$OURS")" \
  -v lat_clients="$(prop latency_clients "$OURS")" -v lat_cases="$(prop latency_cases "$OURS")" \
  -v lat_p50="$(prop latency_p50_ms "$OURS")" -v lat_p99="$(prop latency_p99_ms "$OURS")" \
  -v ours_ready="$(prop ready_ms "$OURS")" -v ours_rss="$(prop rss_mb "$OURS")" \
  -v ours_rss_cases="$(prop rss_after_cases "$OURS")" -v ours_tps="$(prop pgbench_tps "$OURS")" \
  -v peer_sps="$PEER_STARTS" -v peer_jvm="$PEER_JVM_PCT" -v peer_pgc="$PEER_PG_PCT" \
  -v peer_p50="$(prop start_p50_ms "$PEER")" -v peer_p99="$(prop start_p99_ms "$PEER")" \
  -v peer_ready="$(prop ready_ms "$PEER")" -v peer_rss="$(prop rss_after_load_mib "$PEER")" \
  -v peer_tps="$(prop pgbench_tps "$PEER")" -v pg_ours="$(prop postgres_settings "$OURS")" -v pg_opts="$PG_OPTS" \
  -v jvm="$(prop jvm_flags "$OURS")" -v up_ours="$UPTIME_OURS" -v up_peer="$UPTIME_PEER" -v run="$RUN_ID" '
  function met(ok) { return ok ? "met" : "**missed**" }
  BEGIN {
    peer_svc = peer_jvm * 10 / peer_sps; peer_pg = peer_pgc * 10 / peer_sps   # % of a core / starts per s -> ms
    ours_cpu = ours_svc + ours_pg; peer_cpu = peer_svc + peer_pg
    printf "Side by side (%s): ours %d cases at %d clients, then the peer (%d connections); PG_OPTS=%s\n", run, cases, clients, clients, pg_opts
    printf "our PostgreSQL: %s; our JVM flags: %s\n", pg_ours, jvm
    printf "uptime before ours: %s\nuptime before the peer: %s\n\n", up_ours, up_peer
    print "| figure | peer (bare start, one task) | ours (whole case) | ours : peer | target |"
    print "| --- | ---: | ---: | ---: | --- |"
    printf "| throughput, %d clients | %.1f starts/s | %.1f cases/s | %.2f | >= 0.6 %s |\n", clients, peer_sps, ours_cps, ours_cps / peer_sps, met(ours_cps / peer_sps >= 0.6)
    printf "| CPU per start or case, service + PostgreSQL | %.1f ms (%.1f + %.1f) | %.1f ms (%.1f + %.1f) | %.2f | <= 1.5 %s |\n", peer_cpu, peer_svc, peer_pg, ours_cpu, ours_svc, ours_pg, ours_cpu / peer_cpu, met(ours_cpu / peer_cpu <= 1.5)
    printf "| start or submission p50 / p99, %d clients | %s / %s ms | %.1f / %.1f ms | | |\n", clients, peer_p50, peer_p99, ours_p50, ours_p99
    printf "| submission p50 / p99, %d clients (%d cases) | | %.1f / %.1f ms | | p99 < 40 ms %s |\n", lat_clients, lat_cases, lat_p50, lat_p99, met(lat_p99 < 40)
    printf "| ready after start, existing schema | %.1f s | %.1f s | %.2f | <= 3 s %s |\n", peer_ready / 1000, ours_ready / 1000, ours_ready / peer_ready, met(ours_ready <= 3000)
    printf "| RSS after load | %s MiB | %.0f MiB (after %d cases) | | <= 300 MiB %s |\n", peer_rss, ours_rss, ours_rss_cases, met(ours_rss <= 300)
    printf "| pgbench simple-update, %d clients | %s TPS | %.0f TPS | | |\n", clients, peer_tps, ours_tps
  }' | tee "$OUT/side-by-side.md"
echo
echo "(our full table: $OUT/cases.txt; the peer's summary: $PEER)"
