#!/usr/bin/env bash
# Installs what building, running and testing dos needs on a fresh Debian machine.
# Safe to run again: it only calls apt-get when a package is missing.
set -euo pipefail

packages=(
  pkg-config           # SwiftPM finds the C libraries through it
  libncursesw5-dev     # the console
  librdkafka-dev       # the Kafka backend (and `dos doctor` reports its version)
  libsqlite3-dev       # the embedded event log, through GRDB
  sqlite3              # the reference the log benchmark compares against
  tmux                 # real-terminal tests
  kcat                 # Kafka reference tool
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "setup: swift is at /opt/swift/usr/bin but not on PATH; add it: export PATH=/opt/swift/usr/bin:\$PATH" >&2
  else
    echo "setup: Swift 6.1 or newer is required (https://www.swift.org/install/linux/)" >&2
  fi
  exit 1
fi
