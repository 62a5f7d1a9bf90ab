#!/usr/bin/env bash
# The install step of the coditect-audit GitHub Action (action.yml): builds the scanner from the action's
# own checkout, as scripts/bootstrap.mjs does for `npm test`: pnpm at the version pinned in package.json
# ("packageManager") into .tools/, the locked dependencies, then the CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

version="$(node -p "require('./package.json').packageManager.replace(/^pnpm@/, '')")"
pnpm=.tools/node_modules/.bin/pnpm
if [ ! -x "$pnpm" ] || [ "$("$pnpm" --version)" != "$version" ]; then
  echo "› installing pnpm $version"
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "pnpm@$version"
fi
echo "› pnpm install --frozen-lockfile"
"$pnpm" install --frozen-lockfile --reporter=append-only
echo "› building the CLI"
"$pnpm" exec tsc -b packages/cli
node packages/cli/dist/bin.js --version
