#!/usr/bin/env bash
# Proves the pre-commit hooks as users write them: the script clones this
# repository's committed HEAD (a clean clone, as `repo:` + `rev:` gives
# users), and `pre-commit try-repo` installs the hooks from that clone with
# pre-commit's Rust support (`cargo install --bins --path .` at the root) and
# runs them on a scratch repository holding a broken answer file and a clean
# one. Then the same clone is configured as users write it
# (`.pre-commit-config.yaml` with repo + rev + ids) and both hooks run from
# one cached install. try-repo always installs into a throwaway store, so
# `unattend` is built twice in all.
#
#   scripts/pre-commit-try-repo.sh
#
# Expected: unattend-lint fails on the broken file and shows its finding
# (UA201), passes on the clean one; unattend-fmt passes on the clean file.
# Installs pre-commit from PyPI into a virtual environment under the
# scratch folder; PRE_COMMIT_HOME is fresh too, so the time printed at the
# end includes the hook's first install (a release build of `unattend`).
# Needs git, python3 (with venv) and cargo.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/unattend-try-repo.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
start=$SECONDS

echo "== installing pre-commit from PyPI"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check 'pre-commit>=4,<5'
pre_commit="$scratch/venv/bin/pre-commit"
"$pre_commit" --version
export PRE_COMMIT_HOME="$scratch/pre-commit-home"

echo "== clean clone of $(git -C "$repo" rev-parse --short HEAD) (committed changes only)"
clone="$scratch/clone"
git clone -q --no-local "$repo" "$clone"

echo "== scratch repository"
work="$scratch/work"
mkdir -p "$work/broken" "$work/clean"
cp "$repo/examples/answer-files/generalize-oobe.xml" "$work/clean/Unattend.xml"
# RunSynchronous is not processed in oobeSystem: an error (UA201).
cat >"$work/broken/Unattend.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <RunSynchronous>
        <RunSynchronousCommand>
          <Order>1</Order>
          <Path>cmd /c exit 0</Path>
        </RunSynchronousCommand>
      </RunSynchronous>
    </component>
  </settings>
</unattend>
XML
git -C "$work" init -q
git -C "$work" add .
git -C "$work" -c user.name=try -c user.email=try@example.invalid commit -q -m scratch

failures=0
cd "$work"

echo "== try-repo: unattend-lint on the broken file (must fail and show UA201)"
set +e
out="$("$pre_commit" try-repo "$clone" unattend-lint --files broken/Unattend.xml 2>&1)"
code=$?
set -e
printf '%s\n' "$out"
if [ "$code" -eq 0 ] || ! grep -q 'UA201' <<<"$out"; then
  echo "FAIL: expected the hook to fail with UA201 (exit $code)" >&2
  failures=$((failures + 1))
fi
first=$SECONDS
echo "== first hook result after $((first - start)) s"

# try-repo installs into a throwaway store on every call, so the rest runs
# the hooks the way users configure them (repo + rev + id): one install in
# PRE_COMMIT_HOME, shared by both hooks.
rev="$(git -C "$clone" rev-parse HEAD)"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $clone
    rev: $rev
    hooks:
      - id: unattend-lint
      - id: unattend-fmt
YAML
# pre-commit refuses to run from an unstaged configuration.
git add .pre-commit-config.yaml

echo "== .pre-commit-config.yaml: both hooks on the clean file (must pass; fmt changes nothing)"
if ! "$pre_commit" run --files clean/Unattend.xml; then
  echo "FAIL: the clean file did not pass unattend-lint and unattend-fmt" >&2
  failures=$((failures + 1))
fi
second=$SECONDS

echo "== .pre-commit-config.yaml: unattend-lint on the broken file (must fail with UA201)"
set +e
out="$("$pre_commit" run unattend-lint --files broken/Unattend.xml 2>&1)"
code=$?
set -e
printf '%s\n' "$out"
if [ "$code" -eq 0 ] || ! grep -q 'UA201' <<<"$out"; then
  echo "FAIL: expected the configured hook to fail with UA201 (exit $code)" >&2
  failures=$((failures + 1))
fi

echo "== time: $((first - start)) s to the first hook result (pre-commit install, clone, try-repo build, run); $((second - first)) s for the configured hooks' install and run; $((SECONDS - second)) s for a cached run; $((SECONDS - start)) s in all"
if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
