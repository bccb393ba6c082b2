#!/usr/bin/env bash
# Prints the bytes the delivery plugin adds to the app's initial JavaScript; see measure.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node bench/bundle/measure.js "$@"
