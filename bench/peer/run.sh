#!/usr/bin/env bash
# One measurement of the peer (bench/peer/README.md): Camunda 7.24 in Spring Boot with the REST starter, on a
# PostgreSQL 15 cluster of its own, loaded with wrk; then pgbench on the same cluster as the database's ceiling.
#
#   bench/peer/run.sh                    (as root, or as a user who may run PostgreSQL)
#   PG_OPTS='-c fsync=off -c synchronous_commit=off' bench/peer/run.sh
#
# Steps: build the jar on first use (the repository's ./mvnw); start its PostgreSQL cluster (PG_DIR, made on first
# use and then kept, as the earlier measurements kept theirs: a cluster made anew for each run measured the process
# starts 20-30 % slower here) with fresh databases; start the peer on the empty database (it creates the schema and
# deploys the process) and again on the existing schema (ready = until GET /engine-rest/engine answers 200; this
# second instance takes the load); WARMUP + DURATION seconds of process starts; COMPLETE_WARMUP + COMPLETE_DURATION
# seconds of task completions over the open tasks' ids; the peer's RSS; stop the peer; pgbench -i -s 10 and
# pgbench -N for PGBENCH_T seconds. CPU is read from /proc over each measured phase: the peer's JVM, PostgreSQL
# (postmaster and backends), wrk and the whole machine.
# Output: bench/peer/target/results/<RUN_ID>/ (logs, wrk output, summary.txt). Exits non-zero if a check fails
# (a non-2xx answer, or tasks in the database that do not match the answers). Everything it starts it stops by PID.
#
# Environment (defaults in brackets): PG_OPTS [none], JAVA [java], JAVA_OPTS [none], CONNS [16] and THREADS [2]
# (wrk's connections and threads, also pgbench's -c and -j), WARMUP [10], DURATION [30], COMPLETE_WARMUP [5],
# COMPLETE_DURATION [20], PGBENCH_T [30] (seconds), RUN_ID [date], PG_BIN [/usr/lib/postgresql/15/bin],
# PG_DIR [/tmp/ipc-peer-pg], PG_PORT [55436], PEER_HTTP_PORT [18280].
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55436}
PG_DIR=${PG_DIR:-${TMPDIR:-/tmp}/ipc-peer-pg}
PG_OPTS=${PG_OPTS:-}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
CONNS=${CONNS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
COMPLETE_WARMUP=${COMPLETE_WARMUP:-5}
COMPLETE_DURATION=${COMPLETE_DURATION:-20}
PGBENCH_T=${PGBENCH_T:-30}
RUN_ID=${RUN_ID:-$(date +%Y%m%d-%H%M%S)}
export PEER_HTTP_PORT=${PEER_HTTP_PORT:-18280} PEER_PG_PORT=$PG_PORT
URL=http://127.0.0.1:$PEER_HTTP_PORT
JAR=$HERE/target/camunda-rest-peer.jar
OUT=$HERE/target/results/$RUN_ID
DUE="2026-12-01 17:00:00"   # the due date wrk/peer.lua sends, as the peer (run in UTC) stores it

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*"; exit 1; }
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" psql pgbench curl; do
  command -v "$tool" >/dev/null || fail "$tool missing (Debian: postgresql-15, postgresql-client, curl)"
done
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "wrk missing (Debian: wrk)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f "$JAR" ]; then
  say "building $JAR"
  MVN=$REPO/mvnw; [ -x "$MVN" ] || MVN=mvn   # the repository's wrapper; Maven itself for a copy elsewhere
  "$MVN" -B -q -f "$HERE/pom.xml" -DskipTests package
fi
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1

# --- PostgreSQL: a cluster of its own in PG_DIR, made on first use and kept; fresh databases on every run. ----------
# PostgreSQL refuses to run as root: then as nobody.
if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u nobody -- "$@"; }; else as_pg() { "$@"; }; fi
PEER_PID= PG_PID=
stop_pid() {   # stop_pid PID SIGNAL: signal, wait up to 30 s, then kill
  kill "-$2" "$1" 2>/dev/null || return 0
  for _ in $(seq 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true   # the peer is our child: collect it
}
finish() {
  [ -z "$PEER_PID" ] || stop_pid "$PEER_PID" TERM
  [ -z "$PG_PID" ] || stop_pid "$PG_PID" INT   # PostgreSQL's fast shutdown
}
trap finish EXIT
trap 'exit 130' INT TERM

if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
  mkdir -p "$PG_DIR"; [ "$(id -u)" != 0 ] || chown nobody "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log"
fi
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null && fail "PostgreSQL already runs on $PG_DIR (another run?)"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR $PG_OPTS" start >/dev/null
PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
sql() {   # sql STATEMENT: one statement in the database DB (default peer), unaligned output
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -d "${DB:-peer}" -c "$1"
}
for db in peer pgbench; do
  DB=postgres sql "drop database if exists $db with (force)"
  DB=postgres sql "create database $db"
done
say "PostgreSQL $(sql 'show server_version') (pid $PG_PID, port $PG_PORT): fsync=$(sql 'show fsync')," \
  "synchronous_commit=$(sql 'show synchronous_commit'), shared_buffers=$(sql 'show shared_buffers')"

# --- the peer: first start on the empty database, second on the existing schema --------------------------------
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }   # MiB
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
start_peer() {   # start_peer LOG: starts the peer, waits until it answers, sets PEER_PID and READY_MS
  local t0; t0=$(now_ms)
  # shellcheck disable=SC2086
  TZ=UTC "$JAVA" $JAVA_OPTS -XX:+PrintCommandLineFlags -jar "$JAR" >"$1" 2>&1 &
  PEER_PID=$!
  until [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$URL/engine-rest/engine")" = 200 ]; do
    kill -0 "$PEER_PID" 2>/dev/null || { tail -30 "$1"; fail "the peer stopped, see $1"; }
    [ $(( $(now_ms) - t0 )) -lt 180000 ] || fail "the peer was not ready in 180 s"
    sleep 0.05
  done
  READY_MS=$(( $(now_ms) - t0 ))
}
start_peer "$OUT/peer-empty-database.log"
READY_EMPTY_MS=$READY_MS
stop_pid "$PEER_PID" TERM; PEER_PID=
start_peer "$OUT/peer.log"
sleep 2
RSS_START=$(rss "$PEER_PID")
say "ready in $READY_EMPTY_MS ms on the empty database, $READY_MS ms on the existing schema;" \
  "RSS $RSS_START MiB 2 s later; $("$JAVA" -version 2>&1 | head -1), JAVA_OPTS='$JAVA_OPTS'"

# --- load, with the CPU each process used meanwhile --------------------------------------------------------------
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }   # utime + stime of one process
pg_ticks() { local t=0 p; for p in "$PG_PID" $(pgrep -P "$PG_PID"); do t=$(( t + $(ticks "$p") )); done; echo "$t"; }
machine() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat; }   # busy and idle ticks, all cores
pct() { awk -v t="$1" -v s="$2" -v hz="$HZ" 'BEGIN {printf "%.1f", 100 * t / hz / s}'; }   # ticks in s -> % of a core
field() { grep -o " $1=[^ ]*" "$2" | head -1 | cut -d= -f2; }   # field NAME FILE: from wrk's RESULT line
load() {   # load NAME SECONDS ARGS...: wrk with peer.lua; sets JVM_PCT, PG_PCT and CPU, a line that says it all
  local name=$1 secs=$2 busy0 idle0 busy1 idle1 jvm0 pg0 wrk_pct TIMEFORMAT='WRK_CPU %U %S'; shift 2
  read -r busy0 idle0 < <(machine); jvm0=$(ticks "$PEER_PID"); pg0=$(pg_ticks)
  { time timeout $(( secs + 60 )) wrk -t "$THREADS" -c "$CONNS" -d "${secs}s" --timeout 10s \
      -s "$HERE/wrk/peer.lua" "$URL" -- "$@" >"$OUT/wrk-$name.txt" 2>&1; } 2>>"$OUT/wrk-$name.txt"
  read -r busy1 idle1 < <(machine)
  JVM_PCT=$(pct $(( $(ticks "$PEER_PID") - jvm0 )) "$secs")
  PG_PCT=$(pct $(( $(pg_ticks) - pg0 )) "$secs")
  wrk_pct=$(awk -v s="$secs" '/^WRK_CPU/ {printf "%.1f", 100 * ($2 + $3) / s}' "$OUT/wrk-$name.txt")
  CPU="machine $(( 100 * (busy1 - busy0) / (busy1 - busy0 + idle1 - idle0) ))% busy (of $(nproc) cores);"
  CPU="$CPU % of one core: peer JVM $JVM_PCT, PostgreSQL $PG_PCT, wrk $wrk_pct"
  say "  $name: $(grep ^RESULT "$OUT/wrk-$name.txt" | cut -d' ' -f2-)"
  grep -h ^FIRST_ERROR "$OUT/wrk-$name.txt" || true
}
cpu_ms() { awk -v pct="$1" -v rate="$2" 'BEGIN {printf "%.2f", pct * 10 / rate}'; }   # % of a core, per s -> ms each
CHECKS=PASS
check() {   # check DESCRIPTION 1|0
  if [ "$2" = 1 ]; then say "  check passed: $1"; else say "  CHECK FAILED: $1"; CHECKS=FAIL; fi
}

say "process starts: ${WARMUP} s warm-up, ${DURATION} s measured; $CONNS connections, $THREADS threads"
load starts-warmup "$WARMUP" start "$RUN_ID-warmup"
load starts "$DURATION" start "$RUN_ID"
STARTS_CPU=$CPU STARTS_JVM=$JVM_PCT STARTS_PG=$PG_PCT
say "  CPU: $STARTS_CPU"
sleep 2   # requests in flight when wrk stopped finish in the peer
W=$OUT/wrk-starts-warmup.txt S=$OUT/wrk-starts.txt
OK=$(( $(field ok "$W") + $(field ok "$S") ))
SENT=$(( $(field sent "$W") + $(field sent "$S") ))
BAD=$(( $(field non2xx "$W") + $(field non2xx "$S") ))
TASKS=$(sql "select count(*) from act_ru_task")
INSTANCES=$(sql "select count(*) from act_hi_procinst where business_key_ like '$RUN_ID-%'")
WRONG=$(sql "select count(*) from act_ru_task t where due_date_ is distinct from timestamp '$DUE'
  or not exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.group_id_ = 'coordinator-es')")
check "no non-2xx answer to $SENT starts" $(( BAD == 0 ))
check "$TASKS open tasks and $INSTANCES process instances for $OK answered and $SENT sent starts" \
  $(( OK <= TASKS && TASKS <= SENT && TASKS == INSTANCES ))
check "every task has the due date and the candidate group coordinator-es ($WRONG wrong)" $(( WRONG == 0 ))

IDS=$OUT/task-ids.txt
sql "select id_ from act_ru_task" >"$IDS"
N_IDS=$(wc -l <"$IDS") N_WARM=$(( $(wc -l <"$IDS") / 5 ))
head -n "$N_WARM" "$IDS" >"$OUT/task-ids-warmup.txt"
tail -n +$(( N_WARM + 1 )) "$IDS" >"$OUT/task-ids-measured.txt"
say "task completions over $N_IDS open tasks: ${COMPLETE_WARMUP} s warm-up ($N_WARM ids)," \
  "${COMPLETE_DURATION} s measured"
load completions-warmup "$COMPLETE_WARMUP" complete "$OUT/task-ids-warmup.txt" "$THREADS"
load completions "$COMPLETE_DURATION" complete "$OUT/task-ids-measured.txt" "$THREADS"
COMPLETIONS_CPU=$CPU
say "  CPU: $COMPLETIONS_CPU"
sleep 2
W=$OUT/wrk-completions-warmup.txt C=$OUT/wrk-completions.txt
C_OK=$(( $(field ok "$W") + $(field ok "$C") ))
C_SENT=$(( $(field sent "$W") + $(field sent "$C") ))
C_BAD=$(( $(field non2xx "$W") + $(field non2xx "$C") ))
ENDED=$(sql "select count(*) from act_hi_procinst where end_time_ is not null")
LEFT=$(sql "select count(*) from act_ru_task")
check "no non-2xx answer to $C_SENT completions, and ids enough" $(( C_BAD == 0 && $(field overrun "$C") == 0 ))
check "$ENDED processes ended and $LEFT tasks left of $N_IDS for $C_OK answered and $C_SENT sent completions" \
  $(( C_OK <= ENDED && ENDED <= C_SENT && ENDED + LEFT == N_IDS ))

RSS=$(rss "$PEER_PID")
say "peer RSS after the load: $RSS MiB; stopping it for pgbench"
stop_pid "$PEER_PID" TERM; PEER_PID=

# --- pgbench on the same cluster, the peer stopped -----------------------------------------------------------------
pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q pgbench >"$OUT/pgbench-init.txt" 2>&1
timeout $(( PGBENCH_T + 120 )) pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c "$CONNS" -j "$THREADS" \
  -T "$PGBENCH_T" pgbench >"$OUT/pgbench.txt" 2>&1
TPS=$(awk '/^tps = / {printf "%.0f", $3; exit}' "$OUT/pgbench.txt")
say "pgbench -N, $CONNS clients, $PGBENCH_T s: $TPS TPS"

STARTS_PER_S=$(field ok_per_s "$S")
cat >"$OUT/summary.txt" <<EOF
run_id=$RUN_ID
java=$("$JAVA" -version 2>&1 | head -1)
java_opts=$JAVA_OPTS
jvm_flags=$(grep -m1 -- '-XX:' "$OUT/peer.log" || true)
pg_opts=$PG_OPTS
ready_empty_database_ms=$READY_EMPTY_MS
ready_ms=$READY_MS
rss_start_mib=$RSS_START
starts_per_s=$STARTS_PER_S
start_p50_ms=$(field p50_ms "$S")
start_p90_ms=$(field p90_ms "$S")
start_p99_ms=$(field p99_ms "$S")
cpu_starts=$STARTS_CPU
cpu_per_start_jvm_ms=$(cpu_ms "$STARTS_JVM" "$STARTS_PER_S")
cpu_per_start_postgres_ms=$(cpu_ms "$STARTS_PG" "$STARTS_PER_S")
completion_open_tasks=$N_IDS
completions_per_s=$(field ok_per_s "$C")
completion_p50_ms=$(field p50_ms "$C")
completion_p99_ms=$(field p99_ms "$C")
cpu_completions=$COMPLETIONS_CPU
rss_after_load_mib=$RSS
pgbench_tps=$TPS
checks=$CHECKS
EOF
say "summary: $OUT/summary.txt"
sed 's/^/  /' "$OUT/summary.txt"
[ "$CHECKS" = PASS ]
