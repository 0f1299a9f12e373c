#!/usr/bin/env bash
# Packages the published crates (unattend, unattend-lsp, unattend-cli) as
# crates.io would receive them and tests them from the unpacked packages, so
# a test that reads files outside its crate (the workspace README, examples/,
# ../shared) fails here, not for crates.io users.
#
# unattend's tests and doctests all run. The command line's dependencies are
# not on crates.io yet: the unpacked CLI builds against the unpacked library
# and language server through `[patch.crates-io]`, and runs every test target
# that does not read the workspace (the corpus, examples/: those are listed as
# skipped). Reuses target/package-test between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}

# Packaging the three together lets cargo resolve the CLI's unpublished
# dependencies against the other two packages.
cargo package -p unattend -p unattend-lsp -p unattend-cli --locked --no-verify --allow-dirty -q
id=$(cargo pkgid -p unattend)
version=${id##*[@#]}
# A fixed place, fresh each run: test binaries keep the source path they
# were built from (insta finds snapshots through it), and extracting with
# new modification times (-m) makes cargo rebuild the packaged crates
# while their dependencies stay cached.
work="$target/package-src"
rm -rf "$work"
mkdir -p "$work"
for name in unattend unattend-lsp unattend-cli; do
    tar xzmf "$target/package/$name-$version.crate" -C "$work"
    # Named as in the workspace, so `../unattend/tests/fixtures` resolves
    # from the CLI's tests as it does in the repository.
    mv "$work/$name-$version" "$work/$name"
    # target/ is inside the workspace: each package is its own workspace.
    printf '\n[workspace]\n' >>"$work/$name/Cargo.toml"
done
export CARGO_TARGET_DIR="$target/package-test"

echo "== tests of the packaged unattend $version"
(cd "$work/unattend" && cargo test --locked -q)

echo "== tests of the packaged unattend-cli $version (against the packaged library)"
mkdir -p "$work/unattend-cli/.cargo"
cat >"$work/unattend-cli/.cargo/config.toml" <<EOF
[patch.crates-io]
unattend = { path = "$work/unattend" }
unattend-lsp = { path = "$work/unattend-lsp" }
EOF
cd "$work/unattend-cli"
tests=()
for file in tests/*.rs; do
    name=$(basename "$file" .rs)
    # unattend-e2e (the workspace's test support) is not published; nor are
    # the corpus and examples/ it and include_str! read.
    if grep -Eq 'unattend_e2e|\.\./\.\./' "$file"; then
        echo "skipped (reads the workspace): tests/$name.rs"
    else
        tests+=(--test "$name")
    fi
done
# No --locked: the patch replaces the lock file's registry entries for the
# two unpublished crates; every other version stays as locked.
cargo test -q --lib --bins "${tests[@]}"
