#!/usr/bin/env bash
# Payments benchmark (on demand, never in CI): notifications per second with exactly-once effects,
# and the checkout page's requests per second and latency. Runs the app in-process on the test
# configuration (embedded H2 by default; set SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD for
# PostgreSQL) and drives it over real HTTP. Needs wrk.
#
#   bench/payments.sh [-Dbench.orders=2000] [-Dbench.senders=16] [-Dbench.wrk.duration=30s]
#
# The report is printed and written to target/bench/payments.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
./mvnw -B -q test -Dtest=PaymentsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.redirectTestOutputToFile=false "$@"
cat target/bench/payments.md
