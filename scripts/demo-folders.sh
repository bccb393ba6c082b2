#!/usr/bin/env bash
# Prints what the demo keeps on disk (every .delivery-demo folder of the checkout: the local
# GitOps repository and the golden path's service repositories): each git repository's branch
# head and uncommitted changes, and every other file with its checksum. scripts/test.sh compares
# it before and after the unit tests, which must leave the demo as they found it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find . -name node_modules -prune -o -type d -name .delivery-demo -print | sort | while read -r demo; do
  echo "$demo"
  find "$demo" -name .git -prune -o -type f -print0 | sort -z | xargs -0 -r sha1sum
  find "$demo" -type d -name .git -prune -print | sort | while read -r dotgit; do
    repository="$(dirname "$dotgit")"
    echo "$repository at $(git -C "$repository" rev-parse HEAD 2>/dev/null || echo 'no commit')"
    git -C "$repository" status --porcelain
  done
done
