#!/usr/bin/env bash
# The top methods of a JFR recording's execution samples, by self and by total (inclusive) share, optionally only
# the samples between two times of day (the benchmark's phases, target/bench/phases.txt) and of some threads.
# Needs the JDK's `jfr` tool (next to `java`) and awk.
#
# Usage: bench/jfr-top.sh RECORDING.jfr [top N=25] [from HH:MM:SS] [to HH:MM:SS]
#   THREADS  regex of thread names to keep (default: all threads)
#   AREAS=1 also print shares by area (token check, engine, Hibernate, JDBC, HTTP, JSON, mail templates, ...)
set -euo pipefail
REC=$1; TOP=${2:-25}; FROM=${3:-00:00:00}; TO=${4:-99:99:99}
JFR=${JFR:-$(dirname "$(readlink -f "$(command -v java)")")/jfr}
"$JFR" print --events jdk.ExecutionSample --stack-depth 96 "$REC" | awk -v top="$TOP" -v from="$FROM" -v to="$TO" \
  -v threads="${THREADS:-.}" -v groups="${AREAS:-0}" '
  function area(f) {
    if (f ~ /^(java\.math\.BigInteger|sun\.security\.rsa|sun\.security\.provider|org\.jose4j|io\.smallrye\.jwt|io\.quarkus\.oidc|java\.security\.Signature)/) return "token check (JWT signature, claims)"
    if (f ~ /^org\.camunda/) return "Camunda engine"
    if (f ~ /^org\.apache\.ibatis/) return "MyBatis (Camunda persistence)"
    if (f ~ /^org\.hibernate/) return "Hibernate"
    if (f ~ /^org\.postgresql/) return "PostgreSQL JDBC driver"
    if (f ~ /^io\.agroal|^com\.arjuna|^io\.quarkus\.narayana/) return "pool and transactions"
    if (f ~ /^io\.quarkus\.qute/) return "Qute templates (mail)"
    if (f ~ /^com\.fasterxml/) return "JSON"
    if (f ~ /^(io\.netty|io\.vertx|org\.jboss\.resteasy)/) return "HTTP (Netty, Vert.x, RESTEasy)"
    if (f ~ /^org\.ipc/) return "ours (org.ipc)"
    if (f ~ /^(io\.quarkus|io\.smallrye|org\.jboss|io\.micrometer)/) return "Quarkus, CDI, metrics"
    return "JDK and other"
  }
  /^jdk\.ExecutionSample/ { inev = 1; keep = 0; n = 0; delete seen; delete seenArea; next }
  inev && /startTime = / { t = $3; sub(/\..*/, "", t); keep = (t >= from && t <= to) }
  inev && /sampledThread = / { if (!match($0, threads)) keep = 0 }
  inev && /stackTrace = \[/ { instack = 1; next }
  instack && /^[ \t]*\]/ { instack = 0; next }
  instack {
    f = $0; sub(/^[ \t]+/, "", f); sub(/\(.*/, "", f); sub(/[ \t]+line:.*/, "", f)
    if (f == "..." || f == "") next
    if (keep) {
      if (n == 0) { self[f]++; selfArea[area(f)]++ }
      if (!(f in seen)) { total[f]++; seen[f] = 1 }
      a = area(f); if (!(a in seenArea)) { totalArea[a]++; seenArea[a] = 1 }
    }
    n++; next
  }
  /^}/ { if (inev && keep) samples++; inev = 0 }
  END {
    printf "%d samples (%s to %s, threads /%s/)\n\nself (top of stack):\n", samples, from, to, threads
    cmd = "sort -t\"\t\" -k1,1nr | head -" top
    for (f in self) printf "%5.1f %%\t%s\n", 100 * self[f] / samples, f | cmd
    close(cmd)
    print "\ntotal (on the stack):"
    for (f in total) printf "%5.1f %%\t%s\n", 100 * total[f] / samples, f | cmd
    close(cmd)
    if (groups == 1) {
      print "\nby area, self (where the CPU is spent) and total (what is on the stack):"
      for (a in totalArea) printf "%5.1f %%\t%5.1f %%\t%s\n", 100 * selfArea[a] / samples, 100 * totalArea[a] / samples, a | "sort -t\"\t\" -k1,1nr"
      close("sort -t\"\t\" -k1,1nr")
    }
  }'
