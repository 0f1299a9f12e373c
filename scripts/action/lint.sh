#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): SARIF when asked, annotations
# on the pull request's lines, and the counts in the job summary.
# Environment: UNATTEND (the binary), INPUT_PATHS (space-separated),
# INPUT_FAIL_LEVEL, INPUT_SARIF_FILE, INPUT_SUMMARY (true/false).
set -uo pipefail
bin="${UNATTEND:-unattend}"
read -r -a paths <<<"${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
work="$(mktemp -d)"

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  "$bin" lint --output-format sarif --exit-zero -o "$INPUT_SARIF_FILE" "${paths[@]}" || exit 2
fi

# One concise run for the counts (and the summary's list) …
"$bin" lint --output-format concise --exit-zero -o "$work/findings.txt" "${paths[@]}" 2>"$work/stderr.txt"
code=$?
if [ "$code" -ne 0 ]; then
  cat "$work/stderr.txt" >&2
  exit "$code"
fi
count() { grep -cE ": UA[0-9]+ \\[$1\\] " "$work/findings.txt" || true; }
errors="$(count error)"
warnings="$(count warning)"
infos="$(count info)"
# … one for the annotations and the step's result.
"$bin" lint --output-format github --fail-level "${INPUT_FAIL_LEVEL:-error}" "${paths[@]}"
code=$?

if [ "${INPUT_SUMMARY:-true}" = true ]; then
  {
    echo "### unattend lint"
    echo
    tail -n 1 "$work/stderr.txt"
    echo
    echo "| errors | warnings | info | fails at |"
    echo "|---:|---:|---:|---|"
    echo "| $errors | $warnings | $infos | ${INPUT_FAIL_LEVEL:-error} |"
    if [ -s "$work/findings.txt" ]; then
      echo
      echo "<details><summary>Findings</summary>"
      echo
      echo '```text'
      head -n 200 "$work/findings.txt"
      echo '```'
      echo "</details>"
    fi
    echo
  } >>"$summary"
fi
{
  echo "errors=$errors"
  echo "warnings=$warnings"
  echo "infos=$infos"
} >>"${GITHUB_OUTPUT:-/dev/null}"
rm -rf "$work"
exit "$code"
