#!/bin/sh
# Headless Chromium and its WebDriver for tests/test_review_browser.py (skipped, saying why, when absent).
set -eu
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get update
    apt-get install -y chromium chromium-driver
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
