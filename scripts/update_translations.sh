#!/usr/bin/env bash
# Re-extract the tr() strings of the GUI into i18n/thidua_vi.ts (existing translations are kept).
# New strings arrive marked unfinished; translate them (Qt Linguist: .venv/bin/pyside6-linguist)
# until tests/ui/test_translations.py passes.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find thidua_desktop/ui -name '*.py' | sort) -ts i18n/thidua_vi.ts \
  -source-language en -target-language vi -no-obsolete -locations none
