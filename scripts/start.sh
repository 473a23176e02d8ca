#!/usr/bin/env bash
# Sets up and starts the example app: the Backstage frontend on
# http://localhost:3000 and its backend on http://localhost:7007, with SQLite
# and the local driver.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

root=$(pwd)
mkdir -p var/example
# A per-checkout encryption key for stored instance passwords, kept out of git.
if [[ ! -s var/encryption-key ]]; then
  (umask 077; head -c 48 /dev/urandom | base64 -w0 > var/encryption-key)
fi
export DBAAS_ENCRYPTION_KEY=$(cat var/encryption-key)
# And one for backups: a backup cannot be restored without the key it was taken with.
if [[ ! -s var/backups-encryption-key ]]; then
  (umask 077; head -c 48 /dev/urandom | base64 -w0 > var/backups-encryption-key)
fi
export DBAAS_BACKUPS_ENCRYPTION_KEY=${DBAAS_BACKUPS_ENCRYPTION_KEY:-$(cat var/backups-encryption-key)}
export DBAAS_EXAMPLE_DATA_DIR="$root/var/example"

# BROWSER=none: a fresh machine may have no desktop to open a browser on.
export BROWSER=none
exec npx backstage-cli repo start app backend --config "$root/examples/app/app-config.yaml"
