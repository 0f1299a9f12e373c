#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): puts `unattend` in
# $RUNNER_TEMP/unattend-action/bin and prints its path as the step output
# `bin`. In order:
#   1. a binary restored by actions/cache (an earlier run of this version),
#   2. the release binary for this runner and the action's version
#      (github.com/OWNER/REPO/releases/download/REF/unattend-TARGET.tar.gz),
#      checked against the release's SHA256SUMS (a mismatch stops the job),
#   3. `cargo install --locked` from the action's own source (slow; cached
#      by the step before this one for the next run).
# Environment: ACTION_PATH (required), ACTION_REF, ACTION_REPOSITORY,
# INPUT_VERSION (a release tag that overrides the action's ref), RUNNER_*.
set -euo pipefail
: "${ACTION_PATH:?ACTION_PATH is not set}"
root="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/unattend-action"
bin_dir="$root/bin"
exe=unattend
if [ "${RUNNER_OS:-}" = Windows ]; then exe=unattend.exe; fi
mkdir -p "$bin_dir"

finish() {
  "$bin_dir/$exe" --version
  echo "bin=$bin_dir/$exe" >>"${GITHUB_OUTPUT:-/dev/null}"
  echo "$bin_dir" >>"${GITHUB_PATH:-/dev/null}"
  exit 0
}

if [ -x "$bin_dir/$exe" ]; then
  echo "unattend restored from the cache"
  finish
fi

# The action's ref and repository. github.action_ref is empty inside some
# composite actions; the action's folder is …/_actions/OWNER/REPO/REF.
ref="${INPUT_VERSION:-${ACTION_REF:-}}"
repo="${ACTION_REPOSITORY:-}"
parent="$(dirname "$ACTION_PATH")"
if [ -z "$ref" ]; then ref="$(basename "$ACTION_PATH")"; fi
if [ -z "$repo" ]; then repo="$(basename "$(dirname "$parent")")/$(basename "$parent")"; fi

case "${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}" in
  Linux-X64 | Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64 | Linux-aarch64) target=aarch64-unknown-linux-musl ;;
  macOS-ARM64 | Darwin-arm64) target=aarch64-apple-darwin ;;
  macOS-X64 | Darwin-x86_64) target=x86_64-apple-darwin ;;
  # Windows on Arm runs the x64 build.
  Windows-X64 | Windows-ARM64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# 0: installed; 1: no such release or asset (fall back to building).
download() {
  [ -n "$target" ] || return 1
  # A local action (`uses: ./`) or a branch has no release.
  case "$ref" in v[0-9]*) ;; *) return 1 ;; esac
  local tmp archive base expected actual
  tmp="$(mktemp -d)"
  archive="unattend-$target.tar.gz"
  base="https://github.com/$repo/releases/download/$ref"
  echo "downloading $base/$archive"
  curl -fsSL --retry 3 -o "$tmp/$archive" "$base/$archive" || return 1
  if ! curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$base/SHA256SUMS"; then
    echo "::warning title=unattend::release $ref has no SHA256SUMS; building from source instead"
    return 1
  fi
  expected="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")"
  actual="$(sha256 "$tmp/$archive")"
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "::error title=unattend::checksum of $archive does not match SHA256SUMS of release $ref (expected '${expected}', got '$actual')"
    exit 1
  fi
  echo "checksum verified: $actual"
  tar -xzf "$tmp/$archive" -C "$tmp"
  cp "$tmp/unattend-$target/$exe" "$bin_dir/$exe"
  chmod +x "$bin_dir/$exe"
  rm -rf "$tmp"
}

if download; then
  finish
fi

echo "::notice title=unattend::no release binary for ${ref:-this ref} (${target:-this runner}); building from source (cached for the next run)"
cargo install --locked --quiet --path "$ACTION_PATH" --bin unattend --root "$root"
finish
