#!/usr/bin/env bash
# The test command (README): from a fresh clone, installs what is missing and runs every test:
# type-check, lint, unit and store tests (SQLite and PostgreSQL), the browser tests, and the
# adopter test (the packed packages installed into a fresh app by following their READMEs).
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
source "$ROOT/scripts/system-deps.sh"
cd "$ROOT"

step() { echo; echo "=== $* ($(date -u +%H:%M:%S))"; }

step "install"
bash scripts/install.sh

step "PostgreSQL for the store tests"
# TestDatabases would try Docker in CI; point it at our own server instead so the PostgreSQL
# variants of the store tests really run.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
echo "using $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"

step "type-check"
yarn tsc

step "lint"
yarn lint:all
yarn prettier:check

step "API reports up to date"
# Reads the declarations the type-check wrote to dist-types.
yarn build:api-reports:only --ci

step "knip reports up to date"
yarn build:knip-reports --ci

step "unit, component and store tests"
demo_before="$(bash scripts/demo-folders.sh)"
CI=true yarn test
# The tests write to temporary folders only: the demo the next start shows is as it was.
demo_after="$(bash scripts/demo-folders.sh)"
if [ "$demo_before" != "$demo_after" ]; then
  diff <(echo "$demo_before") <(echo "$demo_after") || true
  echo "The unit tests changed the demo's folders (above: < before, > after)" >&2
  exit 1
fi

step "browser tests (Debian Chromium)"
ensure_chromium
yarn test:e2e

step "adopter test: the packed packages in a fresh app, following the READMEs"
bash scripts/adopter-test.sh

step "all tests passed"
