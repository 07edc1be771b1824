#!/usr/bin/env bash
# Inbox benchmark (issue 16): 1,000,000 open tasks in 50 queues on the tests' embedded PostgreSQL, seeded by SQL in
# bulk into Camunda's tables and our read model alike; prints p50/p99 of the default and filtered inbox views and of
# the claim over HTTP, beside Camunda's own TaskQuery for the same views. Takes about ten minutes.
# Usage: bench/inbox.sh [number of tasks] [HTTP samples per view] [TaskQuery samples per view]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=InboxBenchmark -Dexcluded.groups=none -Dbench.tasks="${1:-1000000}" \
  -Dbench.samples="${2:-300}" -Dbench.engine-samples="${3:-20}" -Dsurefire.failIfNoSpecifiedTests=false \
  ${TEST_PORT:+-Dquarkus.http.test-port=$TEST_PORT}
cat target/bench/inbox.txt
