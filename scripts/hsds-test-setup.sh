#!/usr/bin/env bash
# Installs the JSON Schema validator the HSDS tests check exports with, into .venv-hsds
# (safe to run again): jsonschema, with the packages its "uri" and "date-time" format checks need.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-hsds
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import jsonschema, rfc3987, rfc3339_validator' 2>/dev/null; then
  echo "hsds-test-setup: installing jsonschema into $venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema rfc3987 rfc3339-validator
fi
