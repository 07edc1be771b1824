#!/usr/bin/env bash
# Mail benchmark (issue 7): drains 10,000 queued mails from the outbox on the tests' embedded PostgreSQL into a
# real SMTP server (GreenMail); prints mails per second and memory. Takes about a minute.
# Usage: bench/mail.sh [number of mails] [SMTP connections]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=MailBenchmark -Dexcluded.groups=none -Dbench.mails="${1:-10000}" \
  -Dipc.mail.concurrency="${2:-4}" -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/mail.txt
