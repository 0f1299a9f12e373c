#!/usr/bin/env bash
# End-to-end check of `unattend server` in a real editor: headless Neovim
# attaches the server to a copy of a broken answer file and must show the
# same findings as `unattend lint --output-format json` (code, line, column,
# severity), a catalog hover on a setting and pass-aware completion.
#
# Usage: scripts/lsp-neovim-e2e.sh [--install] [UNATTEND_BINARY]
#   UNATTEND_BINARY  defaults to target/debug/unattend (build it first:
#                    cargo build -p unattend-cli)
#   --install        install Debian's neovim with apt-get when nvim is missing
#                    (root only); without it nothing is installed.
# Exit codes: 0 all matched, 1 mismatch, 2 the run failed, 3 no nvim.
set -euo pipefail

install=no
bin=""
for arg in "$@"; do
  case "$arg" in
    --install) install=yes ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    /*) bin="$arg" ;;
    *) bin="$PWD/$arg" ;;
  esac
done
cd "$(dirname "$0")/.."
[ -n "$bin" ] || bin="$PWD/target/debug/unattend"

if ! command -v nvim >/dev/null 2>&1 && [ "$install" = yes ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing neovim with apt-get"
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq neovim >/dev/null || true
  fi
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "lsp-neovim-e2e: nvim is not installed (run with --install as root, or apt-get install neovim)" >&2
  exit 3
fi
if [ ! -x "$bin" ]; then
  echo "lsp-neovim-e2e: $bin is not an executable; build it with: cargo build -p unattend-cli" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/Unattend.xml"
cp scripts/lsp-neovim-e2e/Unattend.xml "$file"

# lint exits 1 when it finds errors, as this file has.
status=0
"$bin" lint --output-format json "$file" >"$work/lint.json" 2>/dev/null || status=$?
if [ "$status" -gt 1 ]; then
  echo "lsp-neovim-e2e: unattend lint failed (exit $status)" >&2
  exit 2
fi
"$bin" catalog Microsoft-Windows-Shell-Setup/TimeZone --format json >"$work/catalog.json"

echo "$(nvim --version | head -n 1): attaching $bin server to a copy of scripts/lsp-neovim-e2e/Unattend.xml"
start=$(date +%s%N)
status=0
UNATTEND_BIN="$bin" E2E_FILE="$file" E2E_LINT_JSON="$work/lint.json" \
  E2E_CATALOG_JSON="$work/catalog.json" E2E_OUT="$work/nvim-diagnostics.json" \
  timeout 120 nvim --headless --clean -u scripts/lsp-neovim-e2e/check.lua || status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ "$status" -ne 0 ]; then
  if [ -f "$work/nvim-diagnostics.json" ]; then
    echo "Neovim showed: $(cat "$work/nvim-diagnostics.json")" >&2
  fi
  echo "lsp-neovim-e2e: FAILED (exit $status) after ${elapsed_ms} ms" >&2
  [ "$status" -eq 1 ] && exit 1
  exit 2
fi
echo "lsp-neovim-e2e: passed in ${elapsed_ms} ms"
