#!/usr/bin/env bash
# Installs the extra engine builds the local driver runs side by side with the
# machine's redis-server: redis 6.0.16 (Debian bullseye), the bookworm build of
# redis 7.0.15 (an older Debian revision than bookworm-security's) and valkey
# 8.0.1 (bookworm-backports).
#
# Nothing is installed through apt: a private apt configuration (its own
# sources file, lists and cache under $APT_DIR) downloads the .deb files, which
# are unpacked with `dpkg -x` into one folder per build, e.g.
#   /opt/justmanage/engines/redis-6.0.16+deb11u2/
#     usr/...                    the packages' files, libraries included
#     var/lib/dpkg/status        the packages' control data (name, version)
#     bin/redis-server           runs usr/bin/redis-server with the folder's libraries
# The machine's apt never sees these suites, so it can neither upgrade nor
# install anything from them. Never add trixie or newer here: the builds must
# run on this machine's C library.
#
# Safe to run again: a build whose folder answers --version is skipped without
# touching the network.
set -euo pipefail

ENGINES_DIR=${JUSTMANAGE_ENGINES_DIR:-/opt/justmanage/engines}
APT_DIR=${JUSTMANAGE_APT_DIR:-/opt/justmanage/apt}
MIRROR=${JUSTMANAGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# name | server binary | packages as name/suite (the server's package first)
ENGINES=(
  "redis-6.0.16|redis-server|redis-server/bullseye redis-tools/bullseye libssl1.1/bullseye liblua5.1-0/bullseye lua-bitop/bullseye lua-cjson/bullseye libjemalloc2/bullseye liblzf1/bullseye"
  "redis-7.0.15|redis-server|redis-server/bookworm redis-tools/bookworm libjemalloc2/bookworm liblzf1/bookworm"
  "valkey-8.0.1|valkey-server|valkey-server/bookworm-backports valkey-tools/bookworm-backports libjemalloc2/bookworm liblzf1/bookworm"
)

# The folder of an installed build whose server answers, if there is one.
installed() {
  local name=$1 server=$2 dir
  for dir in "$ENGINES_DIR/$name"+*; do
    if [[ -x $dir/bin/$server ]] && "$dir/bin/$server" --version >/dev/null 2>&1; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# "5:6.0.16-1+deb11u2" -> "6.0.16+deb11u2"; "8.0.1+dfsg1-1~bpo12+1" -> "8.0.1+bpo12.1".
# The local driver reads versions the same way (src/drivers/local/debianBuild.ts).
build_version() {
  local full=${1#*:}
  local upstream=${full%-*} revision=${full##*-}
  upstream=${upstream%%[+~]*}
  local build
  if [[ $revision =~ [~+](.+)$ ]]; then
    build=${BASH_REMATCH[1]//+/.}
  else
    build="debian.$revision"
  fi
  echo "$upstream+$build"
}

missing=()
for spec in "${ENGINES[@]}"; do
  IFS='|' read -r name server _ <<<"$spec"
  if dir=$(installed "$name" "$server"); then
    echo "engines: $(basename "$dir") ready"
  else
    missing+=("$spec")
  fi
done
((${#missing[@]})) || exit 0

mkdir -p "$APT_DIR/sources" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" \
  "$APT_DIR/preferences" "$ENGINES_DIR"
cat >"$APT_DIR/sources/engines.sources" <<EOF
# Written by scripts/install-engines.sh; read only by its private apt calls.
Types: deb
URIs: $MIRROR
Suites: bullseye bookworm bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt_private=(
  -o "Dir::Etc::SourceList=/dev/null"
  -o "Dir::Etc::SourceParts=$APT_DIR/sources"
  -o "Dir::Etc::Preferences=/dev/null"
  -o "Dir::Etc::PreferencesParts=$APT_DIR/preferences"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "APT::Sandbox::User=root"
  -o "Acquire::Languages=none"
)
echo "engines: reading the package lists of bullseye, bookworm and bookworm-backports"
apt-get "${apt_private[@]}" update -qq

for spec in "${missing[@]}"; do
  IFS='|' read -r name server packages <<<"$spec"
  work=$(mktemp -d "$ENGINES_DIR/.download-XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # shellcheck disable=SC2086 # one word per package
  (cd "$work" && apt-get "${apt_private[@]}" download -qq $packages)
  first=${packages%% *}
  server_deb=$(ls "$work/${first%%/*}"_*.deb)
  version=$(build_version "$(dpkg-deb -f "$server_deb" Version)")
  target="$ENGINES_DIR/${name%%-*}-$version"
  staging="$work/root"
  mkdir -p "$staging/var/lib/dpkg" "$staging/bin"
  for deb in "$work"/*.deb; do
    dpkg -x "$deb" "$staging"
    { dpkg-deb -f "$deb"; echo; } >>"$staging/var/lib/dpkg/status"
  done
  libs=$(find "$staging" -name 'lib*.so*' -printf '%h\n' | sort -u |
    sed "s|^$staging|$target|" | paste -sd:)
  # Debian's redis 6 loads Lua's cjson and bit modules through require().
  lua=$(find "$staging" -path '*/lua/5.1/*.so' -printf '%h/?.so\n' | sort -u |
    sed "s|^$staging|$target|" | paste -sd';')
  lua_env=""
  [[ -z $lua ]] || lua_env="LUA_CPATH='$lua' "
  cat >"$staging/bin/$server" <<EOF
#!/bin/sh
# Written by scripts/install-engines.sh: the Debian build in this folder, with its own libraries.
LD_LIBRARY_PATH='$libs' ${lua_env}exec '$target/usr/bin/$server' "\$@"
EOF
  chmod 755 "$staging/bin/$server"
  rm -rf "$target"
  mv "$staging" "$target"
  rm -rf "$work"
  trap - EXIT
  echo "engines: $("$target/bin/$server" --version | cut -d' ' -f1-3) installed in $target"
done
