#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
# Tests that need ../shared or the test bed (scripts/testbed) skip with a printed reason
# locally and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

# sshd for the SSH deploy-key tests (Debian's openssh-server; the service itself stays off).
if [ ! -x /usr/sbin/sshd ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server >/dev/null || true
fi

echo "==> test bed (a real kube-apiserver for the cluster tests; built once, cached)"
if ! scripts/testbed build; then
  if [ "${CI:-}" = true ]; then
    echo "the test bed could not be built, and CI=true requires it" >&2
    exit 1
  fi
  echo "the test bed could not be built here: the cluster tests will skip with this reason" >&2
fi

echo "==> cargo test"
# Snapshots are never written by the test run: a mismatch fails (review with cargo insta).
INSTA_UPDATE=no cargo test --all-targets
