#!/usr/bin/env bash
# Runs a build command and fails if the compiler warned about the project's own code
# (dependencies' warnings are theirs). "No warnings left behind" holds on every CI run.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
root=$(pwd)
if grep -E "^$root/(Sources|Tests|Benchmarks)/[^:]+:[0-9]+:[0-9]+: warning:" "$log" | sort -u | grep .; then
  echo "build: the warnings above are in the project's own code; fix them" >&2
  exit 1
fi
