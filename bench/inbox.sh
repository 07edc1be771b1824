#!/usr/bin/env bash
# Inbox benchmark (issue 6): 100,000 open tasks in 50 queues on the tests' embedded PostgreSQL; prints the
# default inbox query's and the claim's p50/p99 without and with our indexes. Takes a few minutes.
# Usage: bench/inbox.sh [number of tasks]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=InboxBenchmark -Dexcluded.groups=none -Dbench.tasks="${1:-100000}" \
  -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/inbox.txt
