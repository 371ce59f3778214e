#!/usr/bin/env bash
# Installs everything entente needs to build and test: Debian's packages, then the npm packages
# of report/package-lock.json (the chart library `entente report` embeds, and the browser-test
# driver) into report/node_modules.
# Run as root on Debian 12 (bookworm) or later. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake git pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev sqlite3 python3
  libgmp-dev  # exact decimal coefficients (src/core/decimal28.h)
  chromium  # the browser test of `entente report` (tests/browser/)
  libopenmpi-dev openmpi-bin
  pybind11-dev python3-dev python3-numpy python3-pandas python3-pytest
  clang-14 libclang-rt-14-dev  # the asan-ubsan preset: sanitizers and libFuzzer (fuzz/)
)
# Node.js and npm: from Debian unless a node is already installed.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages already installed"
else
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked; skipped when the installed tree matches the lock file.
stamp=report/node_modules/.entente-installed-lock
if cmp -s report/package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: npm packages of report/package-lock.json already installed"
else
  echo "setup: npm ci in report/"
  (cd report && npm ci --no-audit --no-fund --loglevel=error)
  cp report/package-lock.json "$stamp"
fi
