#!/usr/bin/env bash
# Metrics benchmark (issue 15): 100,000 cases, 100,000 open tasks, 200,000 outbox mails and 20,000 engine jobs
# seeded with SQL on the tests' embedded PostgreSQL; prints the cost of counting the office gauges and of a
# /q/metrics scrape. Takes a few minutes.
# Usage: bench/metrics.sh [number of cases]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=MetricsBenchmark -Dexcluded.groups=none -Dbench.cases="${1:-100000}" \
  -Dsurefire.failIfNoSpecifiedTests=false "${@:2}"
cat target/bench/metrics.txt
