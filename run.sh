#!/usr/bin/env bash
# Installs what fhebench needs, builds it, and runs `fhebench run` on every tool available
# here with the given options (see ./build/fhebench run --help).
#   ./run.sh                       every available tool, every benchmark, 10 repetitions
#   ./run.sh --tools SEAL-wasm --benchmarks cardio --size patients=1,64
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
# The `run` preset shares ./build with `default` but leaves out the tests, whose packages
# (GoogleTest, ...) only `scripts/install-deps --test` installs.
cmake --preset run >/dev/null
cmake --build --preset run
exec ./build/fhebench run "$@"
