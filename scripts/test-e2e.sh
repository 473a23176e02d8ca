#!/usr/bin/env bash
# The browser tests (test/e2e): builds the example app's frontend when its
# sources changed, then runs every *.e2e.ts with node's test runner against
# real backend processes and Debian's chromium. Writes TAP to var/e2e.tap.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p var

# Rebuild the bundle only when a frontend source is newer than it.
bundle=examples/app/packages/app/dist/index.html
if [[ ! -f $bundle ]] || [[ -n $(find examples/app/packages/app/src examples/app/packages/app/public \
    plugins/dbaas/src plugins/dbaas-common/src -newer "$bundle" -type f -print -quit) ]]; then
  echo "e2e: building the frontend bundle"
  # the config tells the build which plugin packages to discover (app.packages)
  (cd examples/app/packages/app && npx backstage-cli package build --config ../../app-config.yaml) || exit 1
fi

# One browser run at a time on a machine: they share the example app's ports.
exec 9>/tmp/justmanage-e2e.lock
flock 9

cd test
node --require @backstage/cli-node/config/nodeTransform.cjs \
  --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=../var/e2e.tap \
  e2e/*.e2e.ts
