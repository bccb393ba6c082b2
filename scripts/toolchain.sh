# Sourced by the other scripts: puts a Node that this Backstage release accepts, and a `yarn`,
# on PATH, obtaining both from the npm registry when the machine lacks them (no other host
# is needed). Cached under $DELIVERY_CACHE, but always rebuilt when the cache is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DELIVERY_CACHE="${DELIVERY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/domain-delivery}"
NODE_MAJOR=22

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" != 22 ] && [ "$(node_major)" != 24 ]; then
  platform="$(node -p 'process.platform + "-" + process.arch')"
  node_dir="$DELIVERY_CACHE/node-$NODE_MAJOR"
  node_pkg="$node_dir/node_modules/node-$platform"
  if [ ! -x "$node_pkg/bin/node" ]; then
    echo "[toolchain] Node $NODE_MAJOR not found; installing node-$platform@$NODE_MAJOR from the npm registry"
    mkdir -p "$node_dir"
    npm install --prefix "$node_dir" --no-save --no-audit --no-fund "node-$platform@$NODE_MAJOR" >/dev/null
  fi
  export PATH="$node_pkg/bin:$PATH"
  # node-gyp would otherwise download headers from nodejs.org, which cannot be reached.
  export npm_config_nodedir="$node_pkg"
fi

# The repository ships its Yarn release (.yarnrc.yml yarnPath); a tiny shim makes `yarn`
# resolve to it for our scripts and for tools that spawn `yarn` themselves.
shim_dir="$ROOT/.cache/bin"
mkdir -p "$shim_dir"
yarn_release="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n1)"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_release" >"$shim_dir/yarn"
chmod +x "$shim_dir/yarn"
export PATH="$shim_dir:$PATH"

echo "[toolchain] node $(node --version), yarn $(yarn --version)"
