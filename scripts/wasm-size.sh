#!/usr/bin/env bash
# Prints the size of the release WASM bundle, raw and brotli-compressed (what a phone
# downloads). Builds it first unless --no-build is given.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
# The same build as scripts/run.sh and scripts/test.sh (server with the demo data), so
# none of them rebuilds what another left.
[[ "${1:-}" == "--no-build" ]] || cargo leptos build --release --precompress --bin-features demo
wasm="$(ls -t target/site/pkg/mutakhir*.wasm | grep -v '\.wasm\.' | head -1)"
js="$(ls -t target/site/pkg/mutakhir*.js | grep -v '\.js\.' | head -1)"
size() { stat -c %s "$1"; }
br() { brotli -c -q 11 "$1" | wc -c; }
printf '%-8s %10s %12s\n' file raw brotli
printf '%-8s %10s %12s\n' wasm "$(size "$wasm")" "$(br "$wasm")"
printf '%-8s %10s %12s\n' js "$(size "$js")" "$(br "$js")"
