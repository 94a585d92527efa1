#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
# Tests that need ../shared/flux-crds skip with a printed reason locally and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

echo "==> cargo test"
# Snapshots are never written by the test run: a mismatch fails (review with cargo insta).
INSTA_UPDATE=no cargo test --all-targets
