#!/usr/bin/env bash
# Runs every test: unit and component tests of each package and the
# integration tests in test/ (jest) against real redis-server processes,
# SQLite and the machine's PostgreSQL; then the browser tests in test/e2e
# against the example app in Debian's chromium. Ends with one
# "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

# Backstage's TestDatabases would try a container engine under CI=true;
# point it at the PostgreSQL that runs on this machine instead.
# (Debian bookworm's PostgreSQL is 15; the tests ask for POSTGRES_15.)
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
export DBAAS_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432

mkdir -p var
results=var/jest-results.json
rm -f "$results"
npx backstage-cli repo test --ci --json --outputFile="$results" "$@"
status=$?

rm -f var/e2e.tap
bash scripts/test-e2e.sh || status=1

node scripts/summarize-results.js "$results" var/e2e.tap || status=1
exit $status
