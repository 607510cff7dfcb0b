"""Re-extract the GUI's tr() strings into i18n/thidua_vi.ts, then fill translations from the
JSON files in i18n/pending/ ({"English source": "Vietnamese"}, optionally grouped by context),
which are deleted once merged.

    .venv/bin/python scripts/merge_translations.py [NAME ...]

Strings still untranslated are listed; tests/ui/test_translations.py fails until none are left."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "i18n" / "thidua_vi.ts"
PENDING = ROOT / "i18n" / "pending"


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "thidua_desktop" / "ui").rglob("*.py"))
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(TS), "-source-language", "en", "-target-language", "vi",
                    "-no-obsolete", "-locations", "none", "-silent"], check=True)
    # Grouped entries apply to their own context only; flat ones to any message still untranslated.
    # Neither overwrites a finished translation elsewhere: the same English word ("Received", "Number")
    # means different things on different screens.
    pending: dict[str, str] = {}
    by_context: dict[tuple[str, str], str] = {}
    names = set(sys.argv[1:])  # optional: merge only these pending files (by stem)
    files = sorted(p for p in PENDING.glob("*.json") if not names or p.stem in names) if PENDING.exists() else []
    for file in files:
        # {"English": "Vietnamese"}, or grouped by Qt context: {"Context": {"English": "Vietnamese"}}.
        for key, value in json.loads(file.read_text(encoding="utf-8")).items():
            if isinstance(value, dict):
                by_context.update({(key, source): text for source, text in value.items()})
            else:
                pending[key] = value
    tree = ET.parse(TS)
    missing = []
    messages = [(context.findtext("name") or "", message) for context in tree.iter("context")
                for message in context.iter("message")]
    for context_name, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        done = translation.get("type") is None and ((translation.text or "").strip() or any(
            (n.text or "").strip() for n in translation.iter("numerusform")))
        text = by_context.get((context_name, source)) or (None if done else pending.get(source))
        if text is not None:
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
        elif not done:
            missing.append(source)
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for file in files:
        file.unlink()
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
