#!/bin/sh
# Headless Chromium for tests/test_review_browser.py (skipped when /usr/bin/chromium is absent).
set -eu
if [ ! -x /usr/bin/chromium ]; then
    apt-get update
    apt-get install -y chromium chromium-driver
fi
/usr/bin/chromium --version
