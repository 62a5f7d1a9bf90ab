#!/usr/bin/env bash
# The first step of the coditect-audit GitHub Action (action.yml): which release to run and where it is
# installed. The version is the input, else this action's own (packages/cli/package.json at the action's
# ref, which the release workflow keeps equal to the tag). The package comes from the npm registry, or from
# CODITECT_AUDIT_PACKAGE (a tarball path; the tests run the packed release that way). It runs on the
# runner's node, which must be 20.19 or later: the action never installs or changes Node.js.
#
# Outputs: package (what npm installs), install-dir, cache-key.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
error() { echo "::error title=coditect-audit::$1"; }

if ! command -v node >/dev/null 2>&1; then
  error "no node on PATH: coditect-audit needs Node.js 20.19 or later (GitHub's hosted runners have it; on a self-hosted runner install it, or run the container image)"
  exit 3
fi
node_version="$(node -p 'process.versions.node')"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  error "node $node_version on PATH is older than 20.19, which coditect-audit needs; set up a newer Node.js before this step"
  exit 3
fi

version="${INPUT_VERSION:-}"
[ -n "$version" ] || version="$(node -p "require('$here/../../packages/cli/package.json').version")"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  error "input version must be a release version such as 1.2.3, not \"$version\""
  exit 3
fi

package="coditect-audit@$version"
key_source="$version"
if [ -n "${CODITECT_AUDIT_PACKAGE:-}" ]; then
  package="$CODITECT_AUDIT_PACKAGE"
  # A local tarball: the cache is keyed by its content, never mistaken for the registry's release.
  key_source="$version-$(sha256sum "$package" | cut -c1-16)"
fi

tool_cache="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}"
install_dir="$tool_cache/coditect-audit/$key_source"

{
  echo "package=$package"
  echo "install-dir=$install_dir"
  echo "cache-key=coditect-audit-$key_source-${RUNNER_OS:-$(uname -s)}-node$(node -p 'process.versions.node.split(".")[0]')"
} >>"${GITHUB_OUTPUT:-/dev/null}"
echo "coditect-audit $version ($package) on node $node_version, installed in $install_dir"
