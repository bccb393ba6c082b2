#!/usr/bin/env bash
# The adopter test: installs the published packages into a fresh Backstage app by following only
# their READMEs' titled steps (scripts/adopter/), then pushes a deployment event as CI would and
# sees it on the example component's Deployments tab in Chromium.
#   ADOPTER_KEEP_APP=1        keep the temporary folder (app, tarballs, logs) for debugging
#   ADOPTER_FRONTEND_PORT, ADOPTER_BACKEND_PORT, ADOPTER_REGISTRY_PORT   default 3100, 7100, 7190
#   ADOPTER_WORK_ROOT         where the temporary folder goes (default /dev/shm when it has room)
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

# The app's node_modules hold some 150,000 files: on a disk mounted with online discard, as this
# project's machines are, deleting them took about 4 minutes, against seconds in memory. So the
# app lives in /dev/shm when it has room for it (about 2 GB), unless ADOPTER_WORK_ROOT says where.
work_root="${ADOPTER_WORK_ROOT:-}"
if [ -z "$work_root" ]; then
  shm_free_kb="$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 { print $4 }')"
  if [ "${shm_free_kb:-0}" -gt $((6 * 1024 * 1024)) ]; then work_root=/dev/shm; else work_root="${TMPDIR:-/tmp}"; fi
fi
work="$(mktemp -d "$work_root/adopter-test.XXXXXX")"
app="$work/app"
registry_port="${ADOPTER_REGISTRY_PORT:-7190}"
pids=()
durations=()
phase_name=""
phase_start=0

phase() {
  finish_phase
  phase_name="$1"
  phase_start=$SECONDS
  echo
  echo "=== adopter test: $phase_name ($(date -u +%H:%M:%S))"
}
finish_phase() {
  if [ -n "$phase_name" ]; then
    durations+=("$(printf '%-34s %4d s' "$phase_name" $((SECONDS - phase_start)))")
  fi
  phase_name=""
}
# Runs a command with its output in $work/<log>; shows the output's end when it fails.
logged() {
  local log="$work/$1"
  shift
  if ! "$@" >>"$log" 2>&1; then
    echo "--- failed: $* (last lines of $log)"
    tail -n 60 "$log"
    return 1
  fi
}
cleanup() {
  local status=$?
  phase "stop and remove the app"
  # Stops only what this script started: the process groups it created with setsid (their pid
  # is the group's id), which hold the registry stand-in and the app's backend and frontend.
  for pid in "${pids[@]}"; do
    kill -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "${ADOPTER_KEEP_APP:-}" = 1 ]; then
    echo "kept $work"
  else
    # The packed packages Yarn copied into its global cache are of no use after this run.
    if [ -f "$app/package.json" ]; then
      cache="$(cd "$app" && yarn config get cacheFolder 2>/dev/null || true)"
      [ -d "$cache" ] && rm -f "$cache"/@domain-delivery-backstage-plugin-*.zip
    fi
    rm -rf "$work"
  fi
  finish_phase
  echo
  echo "=== adopter test: durations"
  printf '  %s\n' "${durations[@]}"
  [ $status -eq 0 ] && echo "=== adopter test passed" || echo "=== adopter test FAILED"
  exit $status
}
trap cleanup EXIT
# Interrupted: exit through cleanup with the signal's status, so that it reports a failure.
trap 'exit 130' INT
trap 'exit 143' TERM

phase "build and pack the packages"
logged pack.log bash scripts/adopter/pack.sh "$work/packages"
ls "$work/packages"

phase "create the app"
setsid node scripts/adopter/registry.mjs "$work/packages" "$registry_port" >"$work/registry.log" 2>&1 &
pids+=($!)
logged create-app.log bash scripts/adopter/createApp.sh "$app" "http://127.0.0.1:$registry_port"
cat "$work/registry.log"

phase "follow the READMEs' steps"
node scripts/adopter/applySteps.mjs "$ROOT" "$app" "$work/install.log" || {
  echo "--- last lines of $work/install.log"; tail -n 60 "$work/install.log"; exit 1;
}

phase "check the install"
node scripts/adopter/checkInstall.mjs "$ROOT" "$app" "$work/install.log"

phase "start the app and see a deployment"
node scripts/adopter/testSetup.mjs "$app"
# The value of the CI token that the READMEs' app-config reads from the environment.
DELIVERY_EVENTS_TOKEN="$(node -p 'require("crypto").randomBytes(24).toString("hex")')"
export DELIVERY_EVENTS_TOKEN
setsid bash -c 'cd "$1" && exec yarn start' _ "$app" >"$work/app.log" 2>&1 &
pids+=($!)
node scripts/adopter/checkDelivery.mjs "$app" "$work/deployments-tab.png" || {
  echo "--- last lines of $work/app.log"; tail -n 80 "$work/app.log"; exit 1;
}
finish_phase
