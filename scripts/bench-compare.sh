#!/usr/bin/env bash
# Times `unattend lint` beside `xmllint --noout` (well-formedness only) and
# Python's xml.etree on the same answer files, in one run, and prints ratios.
#
#   scripts/bench-compare.sh [CORPUS_DIR]     (default: ../shared/corpus/public)
#
# Installs xmllint (Debian's libxml2-utils) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/public}"
if [ ! -d "$corpus" ]; then
  echo "no corpus at $corpus (pass a folder of answer files)" >&2
  exit 2
fi
if ! command -v xmllint >/dev/null 2>&1; then
  echo "installing xmllint (libxml2-utils)…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq libxml2-utils >/dev/null; fi
fi
cargo build --release --quiet --bin unattend
exec python3 scripts/bench_compare.py "$corpus" target/release/unattend
