#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, generated docs up to date, every vitest test.
# Ends with the line "N passed, N failed" (CI reads that line, not vitest's own summary).
set -uo pipefail
cd "$(dirname "$0")/.."
PNPM="${PNPM:-pnpm}"
mkdir -p .tmp
status=0

# Real services for the probe tests (PostgreSQL, Redis, a registry, an HTTPS server) and the browser for
# the HTML report tests, installed from the machine's package manager and started on 127.0.0.1.
if [ -x scripts/services.sh ]; then
  scripts/services.sh start || status=1
  trap 'scripts/services.sh stop' EXIT
fi
if [ -x scripts/install-browser.sh ]; then scripts/install-browser.sh || status=1; fi

echo "› lint (biome)"
"$PNPM" exec biome check . || status=1

echo "› vitest"
"$PNPM" exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
vstatus=$?
[ $vstatus -ne 0 ] && status=1

if [ -f .tmp/vitest.json ]; then
  # A test file that fails before its tests run (a failed beforeAll, an import error) counts as one failure:
  # its tests are only "skipped" in vitest's counts, and must not read as a pass here.
  node -e '
    const r = require("./.tmp/vitest.json");
    const lint = Number(process.argv[1]);
    const fileErrors = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + fileErrors + lint} failed`);
  ' "$([ $status -ne 0 ] && [ $vstatus -eq 0 ] && echo 1 || echo 0)"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
