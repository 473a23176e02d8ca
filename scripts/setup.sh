#!/usr/bin/env bash
# Installs what JustManage needs on a fresh Debian machine: system packages
# (redis-server, chromium) and the npm workspaces. Safe to run again: it only does what
# is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
# the browser tests drive Debian's chromium through playwright-core
[[ -x /usr/bin/chromium ]] || missing+=(chromium)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  # Debian starts services on install; the machine already runs its own Redis
  # on 6379, so keep apt from starting another one.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# redis 6.0.16, the bookworm build of 7.0.15 and valkey 8.0.1 beside the system's redis.
bash scripts/install-engines.sh

# npm dependencies: reinstall only when the lock file changed.
stamp=node_modules/.justmanage-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: npm install (first time takes a few minutes)"
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
echo "setup: ready ($(redis-server --version | cut -d' ' -f1-3))"
