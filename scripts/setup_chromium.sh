#!/usr/bin/env bash
# Installs Debian's headless-capable chromium, which tests/report/test_report_browser.py uses to
# render the compliance report and check that its charts drew. phiwarden itself never runs a
# browser. Called (best effort) by `scripts/setup.sh --dev` as root; by hand: sudo bash this.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(chromium --version 2>/dev/null | head -n1)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Another apt run on this machine holds the lock for a while: wait for it, not fail.
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core
chromium --version 2>/dev/null | head -n1
