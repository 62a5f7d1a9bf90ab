#!/usr/bin/env bash
# The scan step of the coditect-audit GitHub Action (action.yml). Inputs arrive as INPUT_* environment
# variables (never interpolated into this script, so no input can inject shell). It runs the installed
# release's `coditect-audit scan` (CODITECT_AUDIT_BIN, from the install step), appends the Markdown report to
# $GITHUB_STEP_SUMMARY, writes the step outputs to $GITHUB_OUTPUT and exits with the scanner's exit code,
# which fails the job by the gate.
#
# test/action.test.ts runs the whole action in a simulated runner against the packed release.
set -uo pipefail

bin="${CODITECT_AUDIT_BIN:-}"
# GitHub rejects a step summary over 1 MiB; the Markdown reporter already stays under it with a margin.
summary_limit=$((1024 * 1024))

error() { echo "::error title=coditect-audit::$1"; }

is_true() {
  case "$1" in
    true | True | TRUE) return 0 ;;
    false | False | FALSE | '') return 1 ;;
    *)
      error "input $2 must be true or false, not \"$1\""
      exit 3
      ;;
  esac
}

output() {
  [ -n "${GITHUB_OUTPUT:-}" ] && printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  return 0
}

summary() {
  [ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat >>"$GITHUB_STEP_SUMMARY"
  return 0
}

output_dir="${INPUT_OUTPUT_DIR:-coditect-audit-report}"
formats="${INPUT_FORMATS:-console,sarif,junit,markdown}"
formats="${formats// /}"
# The step summary needs the Markdown report and the sarif-file output the SARIF one, whatever was asked.
case ",$formats," in *,markdown,*) ;; *) formats="$formats,markdown" ;; esac
case ",$formats," in *,sarif,*) ;; *) formats="$formats,sarif" ;; esac
formats="${formats#,}"

args=(scan --format "$formats" --output-dir "$output_dir" --quiet)
[ -n "${INPUT_ENVIRONMENT:-}" ] && args+=(--env "$INPUT_ENVIRONMENT")
[ -n "${INPUT_LAYERS:-}" ] && args+=(--layers "${INPUT_LAYERS// /}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_DIR:-}" ] && args+=(--dir "$INPUT_DIR")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
is_true "${INPUT_TRUST_REPO_CONFIG:-false}" trust-repo-config && args+=(--trust-repo-config)
is_true "${INPUT_ALLOW_INCOMPLETE:-false}" allow-incomplete && args+=(--allow-incomplete)
is_true "${INPUT_STRICT:-false}" strict && args+=(--strict)
is_true "${INPUT_SARIF_INCLUDE_SUPPRESSED:-false}" sarif-include-suppressed && args+=(--sarif-include-suppressed)

if [ -z "$bin" ] || [ ! -f "$bin" ]; then
  error "the scanner is not installed (CODITECT_AUDIT_BIN=$bin); the action's install step must run first"
  exit 4
fi

sarif="$output_dir/coditect-audit.sarif"
markdown="$output_dir/coditect-audit.md"
junit="$output_dir/coditect-audit.junit.xml"
json="$output_dir/coditect-audit.json"
html="$output_dir/coditect-audit.html"
# Reports of an earlier scan in the same workspace must not pass for this one's.
rm -f "$sarif" "$markdown" "$junit" "$json" "$html"

echo "coditect-audit ${args[*]}"
stderr_file="$(mktemp)"
trap 'rm -f "$stderr_file"' EXIT
node "$bin" "${args[@]}" 2>"$stderr_file"
code=$?
cat "$stderr_file" >&2

case "$code" in
  0) gate=passed ;;
  1) gate=failed ;;
  2) gate=incomplete ;;
  *) gate=error ;;
esac

output exit-code "$code"
output gate "$gate"
output report-dir "$output_dir"
output sarif-file "$([ -f "$sarif" ] && echo "$sarif")"
output markdown-file "$([ -f "$markdown" ] && echo "$markdown")"
output junit-file "$([ -f "$junit" ] && echo "$junit")"
output json-file "$([ -f "$json" ] && echo "$json")"
output html-file "$([ -f "$html" ] && echo "$html")"
# The code scanning category: the input, else the report's own automationDetails.id (GitHub keeps that one).
category="${INPUT_SARIF_CATEGORY:-}"
if [ -z "$category" ] && [ -f "$sarif" ]; then
  category="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs?.[0]?.automationDetails?.id ?? "")' "$sarif" 2>/dev/null || true)"
fi
output sarif-category "${category:-coditect-audit}"

if [ -f "$markdown" ]; then
  size=$(wc -c <"$markdown")
  if [ "$size" -le "$summary_limit" ]; then
    summary <"$markdown"
  else
    printf '## coditect-audit\n\nThe report (%s bytes) is over the 1 MiB job summary limit; it is in `%s`.\n' \
      "$size" "$markdown" | summary
  fi
else
  # No report: the scanner could not run (a configuration or usage error, exit 3; internal error, exit 4).
  {
    printf '## coditect-audit could not run (exit %s)\n\n' "$code"
    printf '~~~~text\n'
    tail -c 16384 "$stderr_file"
    printf '~~~~\n'
  } | summary
fi

case "$gate" in
  failed) error "gate failed: findings at or above the fail-on priority (exit 1); see the job summary" ;;
  incomplete) error "scan incomplete: something a gating rule needs could not be checked (exit 2); see the job summary" ;;
  error) error "the scan could not run (exit $code): $(tail -n 1 "$stderr_file")" ;;
esac
exit "$code"
