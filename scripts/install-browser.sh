#!/usr/bin/env bash
# Installs headless Chromium and its driver for the website's browser tests (Debian packages; needs
# root on a fresh machine). Does nothing when Chromium is already installed.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: Chromium is missing; run as root: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
chromium --version
