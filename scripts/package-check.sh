#!/usr/bin/env bash
# Packages the library as it would be published and runs its tests and
# doctests from the unpacked package, so a test that reads files outside the
# crate (the workspace README, examples/, ../shared) fails here, not for
# crates.io users. Reuses the workspace's target directory for dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}

cargo package -p unattend --locked --no-verify --allow-dirty -q
version=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="unattend"))')
crate="$target/package/unattend-$version.crate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$crate" -C "$work"
echo "== tests of the packaged unattend $version (from $crate)"
(cd "$work/unattend-$version" && CARGO_TARGET_DIR="$target/package-test" cargo test --locked -q)
