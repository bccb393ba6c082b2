#!/usr/bin/env bash
# The demo command (README): installs everything and starts the demo portal, frontend on
# http://localhost:3000 and backend on http://localhost:7007, with SQLite and example data.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"
bash scripts/install.sh
exec yarn start
