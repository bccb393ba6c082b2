#!/usr/bin/env bash
# Creates a fresh Backstage app with the create-app release that matches backstage.json, as a
# platform team would, and prepares what this machine needs to install it.
# Usage: createApp.sh APP_DIR REGISTRY_URL   (run from the repository root, toolchain on PATH)
set -euo pipefail
app_dir="$1"
registry_url="$2"

release="$(node -p 'require("./backstage.json").version')"
case "$release" in
  1.55.0) create_app_version=0.9.2 ;;
  *) echo "[create-app] no create-app version known for Backstage $release" >&2; exit 1 ;;
esac

BACKSTAGE_APP_NAME=adopter-app npx -y "@backstage/create-app@$create_app_version" \
  --skip-install --path "$app_dir" </dev/null

# create-app downloads a yarn.lock seed from a host this machine cannot reach; without it the
# install resolves newer, mismatched packages. This repository's lockfile is of the same release.
cp yarn.lock "$app_dir/yarn.lock"

# Our packages are not on the npm registry: scripts/adopter/registry.mjs serves the packed
# tarballs for the @domain-delivery scope. The registry's age gate would hold back versions
# packed minutes ago, so the scope is pre-approved, as Backstage's own packages are.
cat >>"$app_dir/.yarnrc.yml" <<YARNRC

# Added by the adopter test: the stand-in registry for the @domain-delivery packages.
npmScopes:
  domain-delivery:
    npmRegistryServer: "$registry_url"
unsafeHttpWhitelist:
  - 127.0.0.1
YARNRC
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const text = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, text.replace(/npmPreapprovedPackages:\n/, "$&  - \"@domain-delivery/*\"\n"));
' "$app_dir/.yarnrc.yml"
grep -q '@domain-delivery/\*' "$app_dir/.yarnrc.yml"
