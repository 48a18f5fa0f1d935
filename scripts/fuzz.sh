#!/usr/bin/env bash
# Fuzzes the domain parsers (fuzz/fuzz_targets/parsers.rs) with libFuzzer.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
#
# Needs neither nightly nor cargo-fuzz: the instrumentation flags cargo-fuzz would
# pass are given to the stable compiler directly, and libfuzzer-sys builds libFuzzer
# with the system C++ compiler. `--target` is explicit so that the flags apply to
# the fuzzed code only, not to build scripts and proc macros (which cannot load
# the coverage symbols).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds="${1:-60}"
target="parsers"
export CARGO_TARGET_DIR="$MUTAKHIR_CACHE/fuzz-target"
host="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
-Cdebug-assertions -Coverflow-checks \
--cfg fuzzing"

cargo build --manifest-path fuzz/Cargo.toml --release --target "$host" --bin "$target"

# New inputs go to a corpus outside the clone, so the committed seeds stay a small,
# readable set while every run builds on the previous ones.
corpus="$MUTAKHIR_CACHE/fuzz-corpus/$target"
artifacts="fuzz/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
"$CARGO_TARGET_DIR/$host/release/$target" \
  -max_total_time="$seconds" \
  -artifact_prefix="$artifacts/" \
  "$corpus" "fuzz/corpus/$target"
