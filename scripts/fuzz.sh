#!/usr/bin/env bash
# Fuzzes floe's kubeconfig parsing and its YAML emitter with cargo-fuzz (libFuzzer) for a
# bounded time each (FUZZ_SECONDS, default 60). Not part of scripts/test.sh: run it by hand or
# on a schedule. Needs a nightly toolchain (rustup toolchain install nightly); cargo-fuzz is
# installed once under ~/.cache, keyed by its version.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}"
version=0.13.2
tool="$cache/cargo-fuzz-$version"
if [ ! -x "$tool/bin/cargo-fuzz" ]; then
  cargo install cargo-fuzz --version "$version" --locked --root "$tool"
fi
export PATH="$tool/bin:$PATH"
export CARGO_TARGET_DIR="$cache/floe-fuzz"
corpus="$cache/floe-fuzz-corpus"
for target in kubeconfig yaml_emitter; do
  mkdir -p "$corpus/$target"
  echo "==> fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run --fuzz-dir tests/fuzz "$target" "$corpus/$target" "tests/fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=4096
done
