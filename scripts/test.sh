#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
# Tests that need ../shared or the test bed (scripts/testbed) skip with a printed reason
# locally and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Go (>= 1.26, with the module proxy) builds the engine (scripts/testbed); make and perl to build the OpenSSL that libgit2's HTTPS and SSH link
# statically (git2's vendored-openssl), pkg-config, git for
# the test Git servers (git http-backend), OpenSSH's sshd and ssh-keygen for the SSH tests, fish
# and zsh to load the completion scripts in the real shells, curl, xz and Ruby for the release
# tests (the installer, the archives, the Homebrew formula).
need=()
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v make >/dev/null || need+=(make)
command -v perl >/dev/null || need+=(perl)
command -v git >/dev/null || need+=(git)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v fish >/dev/null || need+=(fish)
command -v zsh >/dev/null || need+=(zsh)
command -v curl >/dev/null || need+=(curl)
command -v xz >/dev/null || need+=(xz-utils)
command -v ruby >/dev/null || need+=(ruby)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "==> apt-get install ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || true
fi

# Cargo's build outputs are kept under ~/.cache, keyed by the compiler's version, so a run on a
# fresh clone compiles only what changed (cargo itself decides what is stale).
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  rustc_key=$(rustc -V | sed -e "s/[^A-Za-z0-9.]\{1,\}/-/g" -e "s/-$//")
  export CARGO_TARGET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/floe-cargo/$rustc_key"
  echo "==> cargo builds in $CARGO_TARGET_DIR"
fi

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

echo "==> test bed (Kubernetes 1.36 and Flux 2.9.4's controllers and CLI from their Go modules; built once, cached)"
if ! scripts/testbed build; then
  if [ "${CI:-}" = true ]; then
    echo "the test bed could not be built, and CI=true requires it" >&2
    exit 1
  fi
  echo "the test bed could not be built here: the cluster tests will skip with this reason" >&2
fi

echo "==> Gitea (scripts/gitea build; built once, cached)"
if ! scripts/gitea build >/dev/null; then
  echo "Gitea could not be built: its tests will say so" >&2
fi

echo "==> release artefacts (scripts/release.sh --fast; cargo-dist and actionlint built once, cached)"
# tests/offline/release.rs installs from them; they fail under CI=true when these are missing.
tools="${XDG_CACHE_HOME:-$HOME/.cache}/floe-tools"
actionlint_version=v1.7.12
if [ ! -x "$tools/actionlint-$actionlint_version/actionlint" ]; then
  GOBIN="$tools/actionlint-$actionlint_version" GOFLAGS=-mod=mod \
    go install "github.com/rhysd/actionlint/cmd/actionlint@$actionlint_version" || true
fi
[ -x "$tools/actionlint-$actionlint_version/actionlint" ] && export FLOE_ACTIONLINT="$tools/actionlint-$actionlint_version/actionlint"
release_dir=$(mktemp -d)
trap 'rm -rf "$release_dir"' EXIT
if scripts/release.sh --fast --out "$release_dir" >/dev/null; then
  export FLOE_RELEASE_DIR="$release_dir"
else
  echo "the release artefacts could not be built: the release tests will say so" >&2
fi
dist_version=$(sed -n 's/^cargo-dist-version = "\(.*\)"$/\1/p' Cargo.toml)
[ -x "$tools/cargo-dist-$dist_version/bin/dist" ] && export FLOE_DIST="$tools/cargo-dist-$dist_version/bin/dist"

echo "==> cargo test"
# Snapshots are never written by the test run: a mismatch fails (review with cargo insta).
INSTA_UPDATE=no cargo test --all-targets --no-fail-fast
