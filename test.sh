#!/usr/bin/env bash
# Builds fhebench and runs every test. Installs what it needs first (Debian and npm packages).
#   ./test.sh              all tests
#   ./test.sh -R Protocol  only tests matching a regex (passed to ctest)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps --test
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default "$@"
