#!/usr/bin/env bash
# Builds this machine's share of a floe release, as the release workflow
# (.github/workflows/release.yml) builds every platform's, into DIR (default: the cargo target
# directory's distrib/), and prints DIR:
#   floe-<target>.tar.xz        floe, completions/, man/, README.md, LICENSE
#   floe-<target>.tar.xz.sha256 its SHA-256
#   sha256.sum                  every file's SHA-256
#   floe-installer.sh           the one-line installer (the archive's SHA-256 inside)
#   floe.rb                     the Homebrew formula (scripts/formula.sh)
#   dist-manifest.json          what was built, as cargo-dist describes it
# Everything but floe.rb comes from cargo-dist, configured in Cargo.toml
# ([workspace.metadata.dist]) and built once from crates.io into ~/.cache/floe-tools.
#
#   scripts/release.sh [--fast] [--out DIR] [--base-url URL]
#     --fast      an unoptimised build (the tests: same files, same layout, minutes less)
#     --base-url  where the formula's archives are downloaded from
#                 (default https://github.com/floe-cli/floe/releases/download/v<version>)
set -euo pipefail
cd "$(dirname "$0")/.."

fast=false out="" base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=true ;;
    --out) out="${2:?--out takes a directory}"; shift ;;
    --base-url) base="${2:?--base-url takes a URL}"; shift ;;
    *) echo "unknown argument '$1': scripts/release.sh [--fast] [--out DIR] [--base-url URL]" >&2; exit 2 ;;
  esac
  shift
done

cache="${XDG_CACHE_HOME:-$HOME/.cache}/floe-tools"
dist_version=$(sed -n 's/^cargo-dist-version = "\(.*\)"$/\1/p' Cargo.toml)
dist="$cache/cargo-dist-$dist_version/bin/dist"
if [ ! -x "$dist" ]; then
  echo "==> building cargo-dist $dist_version from crates.io (once, into $cache)" >&2
  CARGO_TARGET_DIR="$cache/target" cargo install --quiet --locked cargo-dist \
    --version "$dist_version" --root "$cache/cargo-dist-$dist_version" >&2
  rm -rf "$cache/target"
fi

host=$(rustc -vV | sed -n 's/^host: //p')
# Linux executables link glibc statically, as the release workflow builds them
# (.github/release-build-setup.yml): no dynamic loading at every start (docs/performance.md).
# RUSTFLAGS, because cargo-dist sets it for every build (so a target's rustflags would be
# ignored); it names --target, so build scripts and proc-macros do not get these flags.
case "$host" in
  *-linux-gnu) export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C target-feature=+crt-static -C relocation-model=static" ;;
esac
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if [ "$fast" = true ]; then
  # The dist profile without its optimisation: the same artefacts, for the tests.
  export CARGO_PROFILE_DIST_OPT_LEVEL=0 CARGO_PROFILE_DIST_LTO=off \
    CARGO_PROFILE_DIST_CODEGEN_UNITS=256 CARGO_PROFILE_DIST_INCREMENTAL=false
fi
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
built="$target_dir/distrib"
rm -rf "$built"
echo "==> dist build: floe $version for $host" >&2
"$dist" build --artifacts=all --target "$host" >&2 || {
  echo "the release build failed: see the cargo-dist output above" >&2
  exit 1
}
# Written beside, then moved: dist reads a dist-manifest.json it finds in distrib/.
"$dist" manifest --artifacts=all --target "$host" --output-format=json > "$target_dir/dist-manifest.json"
mv "$target_dir/dist-manifest.json" "$built/dist-manifest.json"
base="${base:-https://github.com/floe-cli/floe/releases/download/v$version}"
scripts/formula.sh "$version" "$base" "$built/sha256.sum" > "$built/floe.rb"
# The source tarball is GitHub's to serve; the release workflow uploads cargo-dist's copy.
if [ -n "$out" ] && [ "$out" != "$built" ]; then
  mkdir -p "$out"
  cp "$built"/floe-*.tar.xz "$built"/floe-*.tar.xz.sha256 "$built"/sha256.sum \
    "$built"/floe-installer.sh "$built"/floe.rb "$built"/dist-manifest.json "$out"/
  built="$out"
fi
echo "$built"
