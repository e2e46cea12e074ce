#!/usr/bin/env bash
# Makes sure a headless-capable Chromium exists at /usr/bin/chromium for the portability suite
# (packages/openrouter-core/test/portable). Installs Debian's `chromium` package with apt-get when it
# is missing and we are root; never downloads a browser build of its own (playwright-core is given
# this executable). Idempotent: a no-op when /usr/bin/chromium is already there.
#
# Exit status: 0 when Chromium is available afterwards, 1 when it is missing and could not be
# installed (not root, no apt-get, or apt failed). `--check` only reports, never installs.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "install-browser: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "${1:-}" = "--check" ]; then
  echo "install-browser: $CHROMIUM missing" >&2
  exit 1
fi

if [ "$(id -u)" != "0" ]; then
  echo "install-browser: $CHROMIUM missing and not root; install Debian's chromium package (apt-get install -y chromium)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: $CHROMIUM missing and apt-get is not available" >&2
  exit 1
fi

echo "install-browser: installing chromium with apt-get (one-off; takes a minute or two)"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser: apt-get installed chromium, but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null) in $(($(date +%s) - start))s"
