#!/usr/bin/env bash
# Installs the workspace's dependencies with the committed lockfile (a no-op when up to date).
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"
if [ -n "${CI:-}" ]; then
  yarn install --immutable
else
  yarn install
fi
