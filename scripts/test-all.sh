#!/usr/bin/env bash
# Runs every test: unit and component tests of each package, then the
# integration tests in test/ against real redis-server processes, SQLite and
# the machine's PostgreSQL. Ends with one "N passed, N failed" line.
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

node scripts/summarize-jest.js "$results" || status=1
exit $status
