#!/usr/bin/env bash
# The GitHub Action's diff step (action.yml): for each answer file the pull
# request (or push) changed under INPUT_PATHS, `unattend diff` of the base
# and the checked-out version, as Markdown in the job summary. Files that
# are not answer files are skipped; a file added or deleted is compared
# with an empty answer file.
# Environment: UNATTEND (the binary), BASE_SHA, INPUT_PATHS.
set -uo pipefail
bin="${UNATTEND:-unattend}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
base="${BASE_SHA:-}"
if [ -z "$base" ] || [ "$base" = 0000000000000000000000000000000000000000 ]; then
  echo "no base commit to compare with; skipping the answer-file diff"
  exit 0
fi
if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  git fetch --quiet --no-tags --depth=1 origin "$base" || {
    echo "::warning title=unattend::cannot fetch the base commit $base; skipping the answer-file diff"
    exit 0
  }
fi
read -r -a paths <<<"${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
work="$(mktemp -d)"
printf '%s\n' '<?xml version="1.0" encoding="utf-8"?>' '<unattend xmlns="urn:schemas-microsoft-com:unattend"/>' >"$work/empty.xml"

shown=0
report="$work/report.md"
: >"$report"
while IFS= read -r -d '' file; do
  case "$file" in *.xml | *.XML | *nattend*) ;; *) continue ;; esac
  old="$work/empty.xml"
  new="$work/empty.xml"
  if git cat-file -e "$base:$file" 2>/dev/null; then
    git show "$base:$file" >"$work/old"
    old="$work/old"
  fi
  if [ -f "$file" ]; then new="$file"; fi
  "$bin" diff --quiet --output-format markdown --label "$file" "$old" "$new" >"$work/one.md" 2>/dev/null
  case $? in
    0 | 1)
      cat "$work/one.md" >>"$report"
      shown=$((shown + 1))
      ;;
    *) ;; # not an answer file (or unreadable): not ours to show
  esac
done < <(git diff -z --name-only --no-renames "$base" -- "${paths[@]}")

if [ "$shown" -gt 0 ]; then
  {
    echo "### Answer-file changes"
    echo
    echo "Settings added, removed or changed since \`${base:0:12}\` (layout, comments and order ignored; secrets hidden)."
    echo
    cat "$report"
  } >>"$summary"
fi
echo "compared $shown answer file(s)"
rm -rf "$work"
