#!/usr/bin/env bash
# The step of the floe GitHub Action (action.yml): downloads the release archive for the
# runner's OS and architecture, checks it against the release's SHA-256 checksum, installs
# the executable and adds its directory to GITHUB_PATH.
#
# Inputs (environment): FLOE_VERSION (`latest`, `0.1.0` or `v0.1.0`), FLOE_INSTALL_DIR (empty:
# $RUNNER_TEMP/floe/<version>/bin), and what the runner sets: RUNNER_OS, RUNNER_ARCH,
# RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT. FLOE_RELEASES_URL replaces
# https://github.com/floe-cli/floe/releases for a mirror (and the tests).
set -euo pipefail

fail() {
  echo "::error title=Set up floe::$*"
  exit 1
}

releases="${FLOE_RELEASES_URL:-https://github.com/floe-cli/floe/releases}"
releases="${releases%/}"
version="${FLOE_VERSION:-latest}"

case "${RUNNER_OS:-}" in
  Linux) os=unknown-linux-gnu ;;
  macOS) os=apple-darwin ;;
  *) fail "floe has no release for RUNNER_OS='${RUNNER_OS:-}': Linux and macOS runners are supported" ;;
esac
case "${RUNNER_ARCH:-}" in
  X64) arch=x86_64 ;;
  ARM64) arch=aarch64 ;;
  *) fail "floe has no release for RUNNER_ARCH='${RUNNER_ARCH:-}': X64 and ARM64 runners are supported" ;;
esac
archive="floe-${arch}-${os}.tar.xz"

[[ "$version" =~ ^(latest|v?[0-9][0-9A-Za-z.+-]*)$ ]] || fail "version '$version' is not a release: give latest, 0.1.0 or v0.1.0"
case "$version" in
  latest) base="$releases/latest/download" ;;
  v*) base="$releases/download/$version" ;;
  *) version="v$version"; base="$releases/download/$version" ;;
esac

: "${RUNNER_TEMP:?RUNNER_TEMP is set by the runner}"
work=$(mktemp -d "$RUNNER_TEMP/floe-download.XXXXXX")
trap 'rm -rf "$work"' EXIT

download() {
  curl --fail --silent --show-error --location --retry 3 --proto '=https,http' \
    --output "$work/$1" "$base/$1" || fail "cannot download $base/$1: check the version input and that the release has an archive for this runner"
}
download "$archive"
download "$archive.sha256"

want=$(awk '{ print $1; exit }' "$work/$archive.sha256")
if command -v sha256sum >/dev/null; then
  got=$(sha256sum "$work/$archive" | awk '{ print $1 }')
else
  got=$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')
fi
[ "$want" = "$got" ] || fail "$archive does not match its published SHA-256 checksum (want $want, got $got): the download was altered or truncated; nothing was installed"

tar -xJf "$work/$archive" -C "$work"
binary=$(find "$work" -type f -name floe -perm -u+x | head -n 1)
[ -n "$binary" ] || fail "$archive holds no floe executable"

installed=$("$binary" version --client -o json | sed -n 's/^ *"floe": *"\(v[^"]*\)".*/\1/p')
[ -n "$installed" ] || fail "the floe in $archive does not run on this runner"
dir="${FLOE_INSTALL_DIR:-$RUNNER_TEMP/floe/$installed/bin}"
mkdir -p "$dir"
install -m 0755 "$binary" "$dir/floe"

echo "$dir" >> "${GITHUB_PATH:?GITHUB_PATH is set by the runner}"
{
  echo "version=$installed"
  echo "path=$dir/floe"
} >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is set by the runner}"
echo "floe $installed installed in $dir"
