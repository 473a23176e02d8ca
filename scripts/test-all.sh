#!/usr/bin/env bash
# Runs every test: unit and component tests of each package and the
# integration tests in test/ (jest) against real redis-server processes,
# SQLite and the machine's PostgreSQL; then the browser tests in test/e2e
# against the example app in Debian's chromium; then the secrets sweep
# (issue 16): no password or private key any test obtained or any backend
# held is in a backend's log or database. Ends with one "N passed, N failed"
# line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

# Backstage's TestDatabases would try a container engine under CI=true;
# point it at the PostgreSQL that runs on this machine instead.
# (Debian bookworm's PostgreSQL is 15; the tests ask for POSTGRES_15.)
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
export DBAAS_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432

mkdir -p var
# Every test backend leaves its log, its database and the secrets it
# handed out or held here, for the sweep at the end.
export JUSTMANAGE_SWEEP_DIR="$PWD/var/sweep"
rm -rf "$JUSTMANAGE_SWEEP_DIR" var/sweep-result.json

results=var/jest-results.json
rm -f "$results"
npx backstage-cli repo test --ci --json --outputFile="$results" "$@"
status=$?

rm -f var/e2e.tap
bash scripts/test-e2e.sh || status=1

# test/src and plugins/dbaas-backend/src/users alone recorded 154 secrets
# of every kind (2026-12-06); a whole run records more, so fewer than 100
# means the recording broke. A run of some tests only (arguments) needs one.
if [[ $# -eq 0 ]]; then
  sweep_minimum=(--min-secrets 100 --require-kinds 'password,admin password,private key')
else
  sweep_minimum=(--min-secrets 1)
fi
(cd test && node --require @backstage/cli-node/config/nodeTransform.cjs \
  src/sweep/main.ts --dir ../var/sweep --result ../var/sweep-result.json \
  "${sweep_minimum[@]}") || status=1

node scripts/summarize-results.js "$results" var/e2e.tap var/sweep-result.json || status=1
exit $status
