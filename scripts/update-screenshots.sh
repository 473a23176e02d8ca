#!/usr/bin/env bash
# Copies the screenshots the browser tests took in their last run
# (var/e2e-screenshots) over the ones the README and docs show
# (docs/screenshots). Run it after `bash scripts/test-all.sh`; only files the
# docs already use are copied, so a failure screenshot never lands there.
set -euo pipefail
cd "$(dirname "$0")/.."
copied=0
for shown in docs/screenshots/*.png; do
  taken="var/e2e-screenshots/$(basename "$shown")"
  if [[ -f $taken && $taken -nt $shown ]]; then
    cp "$taken" "$shown"
    copied=$((copied + 1))
  fi
done
echo "screenshots: $copied updated in docs/screenshots"
