#!/usr/bin/env bash
# Installs the browser the HTML report tests drive: Debian's chromium (/usr/bin/chromium), from the
# machine's package manager. Never a browser downloaded by a test tool. Does nothing when it is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "› installing Debian chromium for the HTML report browser tests"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser.sh: /usr/bin/chromium is missing and this user cannot run apt-get (not root, no sudo)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
