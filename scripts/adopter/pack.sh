#!/usr/bin/env bash
# Builds the published packages as their release would and packs each into OUT_DIR as
# <folder>.tgz, the files the npm registry would serve (workspace: ranges replaced by versions).
# Usage: pack.sh OUT_DIR   (run from the repository root, toolchain on PATH)
set -euo pipefail
out_dir="$1"
mkdir -p "$out_dir"

# dist-types, which `backstage-cli package build` reads for the packages' type declarations.
yarn tsc

grep -v '^#' scripts/adopter/published-packages.txt | while read -r dir name; do
  echo "[pack] $name"
  (cd "$dir" && yarn backstage-cli package build && yarn pack --out "$out_dir/$(basename "$dir").tgz")
done
