#!/usr/bin/env bash
# The install step of the coditect-audit GitHub Action (action.yml): `npm install` of the released package
# into its own folder, unless the cache step restored it there. No install script runs, the workspace's own
# package.json and node_modules are never touched. Output: bin, the scanner's entry point.
set -euo pipefail

bin="$INSTALL_DIR/node_modules/coditect-audit/dist/bin.js"
if [ -f "$bin" ]; then
  echo "coditect-audit restored from the cache: $INSTALL_DIR"
else
  mkdir -p "$INSTALL_DIR"
  [ -f "$INSTALL_DIR/package.json" ] || echo '{ "name": "coditect-audit-action", "private": true }' >"$INSTALL_DIR/package.json"
  echo "npm install $PACKAGE_SPEC"
  npm install --prefix "$INSTALL_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error "$PACKAGE_SPEC"
fi
node "$bin" --version
echo "bin=$bin" >>"${GITHUB_OUTPUT:-/dev/null}"
