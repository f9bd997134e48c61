#!/usr/bin/env bash
# Extract every tr()/translate() string into resources/i18n/riskdesk_zh_CN.ts, fill the Chinese
# from tools/zh_CN.py, and compile the .qm. Run after adding or changing visible strings.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(dirname "$(command -v python)")"
files=$(find riskdesk -name '*.py' | sort)
"$BIN/pyside6-lupdate" -no-obsolete $files -ts resources/i18n/riskdesk_zh_CN.ts
python tools/zh_CN.py resources/i18n/riskdesk_zh_CN.ts
"$BIN/pyside6-lrelease" -silent resources/i18n/riskdesk_zh_CN.ts -qm resources/i18n/riskdesk_zh_CN.qm
