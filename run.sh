#!/usr/bin/env bash
# Installs what fhebench needs, builds it, and runs `fhebench run` on every tool available
# here with the given options (see ./build/fhebench run --help).
#   ./run.sh                       every available tool, every benchmark, 10 repetitions
#   ./run.sh --tools SEAL-wasm --benchmarks cardio --size patients=1,64
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
cmake --preset default >/dev/null
cmake --build --preset default --target fhebench
exec ./build/fhebench run "$@"
