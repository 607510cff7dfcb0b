"""Every visible string of the GUI has a finished Vietnamese translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]


def test_every_tr_string_has_a_finished_vietnamese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "thidua_vi.ts"
    shutil.copy(ROOT / "i18n" / "thidua_vi.ts", ts)
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in (ROOT / "thidua_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-silent"], check=True)
    problems = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        texts = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
        if translation.get("type") in ("unfinished", "vanished") or not any(t.strip() for t in texts):
            problems.append(source)
    assert problems == [], f"untranslated: {problems}"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in ET.parse(ts).iter("context") for message in context.iter("message")}


def _extracted(tmp_path: Path) -> Path:
    """The committed catalog brought up to date with the tr() calls of the code (as the merge does)."""
    ts = tmp_path / "thidua_vi.ts"
    shutil.copy(ROOT / "i18n" / "thidua_vi.ts", ts)
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in (ROOT / "thidua_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-silent"], check=True)
    return ts


def test_the_catalog_has_no_missing_obsolete_or_unfinished_entry(tmp_path: Path) -> None:
    """Either language complete: every tr() source is in the committed catalog with its Vietnamese,
    and the catalog holds nothing the code no longer asks for."""
    committed = _messages(ROOT / "i18n" / "thidua_vi.ts")
    current = _messages(_extracted(tmp_path))
    assert sorted(set(current) - set(committed)) == [], "in tr() but missing from i18n/thidua_vi.ts"
    assert sorted(set(committed) - set(current)) == [], "obsolete: in the catalog, no longer in tr()"
    stale = [key for key, message in committed.items()
             if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert stale == []


# Letters only Vietnamese uses (English sources carry Vietnamese only as quoted terms and examples).
_VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
# Words kept in Vietnamese on purpose: in brackets or quotes, after "e.g.", and the product's name.
_QUOTED = re.compile(r"\([^)]*\)|“[^”]*”|\"[^\"]*\"|e\.g\..*|ThiĐua")
_PLACEHOLDER = re.compile(r"\b(TODO|FIXME|XXX|TBD|lorem|TextLabel|PushButton|CheckBox)\b", re.IGNORECASE)


def test_every_english_source_is_real_english(tmp_path: Path) -> None:
    """English is the source language: no empty or placeholder text, and no Vietnamese sentence
    left in a tr() (which the English interface would then show in Vietnamese)."""
    problems = []
    for (context, source), _message in _messages(_extracted(tmp_path)).items():
        words = re.findall(r"[^\W\d_]+", re.sub(r"%\d+|%n", "", source))
        if not any(len(word) > 1 for word in words) and source.strip() not in ("e.g. 192.168.1.10",):
            problems.append((context, source, "no words"))
            continue
        if _PLACEHOLDER.search(source):
            problems.append((context, source, "placeholder"))
        plain = re.findall(r"[^\W\d_]+", _QUOTED.sub("", source))
        vietnamese = [word for word in plain if _VIETNAMESE.search(word)]
        if plain and len(vietnamese) > len(plain) / 3:
            problems.append((context, source, "Vietnamese"))
    assert problems == []


def test_the_english_check_catches_a_vietnamese_source() -> None:
    plain = re.findall(r"[^\W\d_]+", _QUOTED.sub("", "Lưu hồ sơ đề nghị"))
    assert len([w for w in plain if _VIETNAMESE.search(w)]) > len(plain) / 3
    plain = re.findall(r"[^\W\d_]+", _QUOTED.sub("", "Residential group (tổ dân phố)"))
    assert not [w for w in plain if _VIETNAMESE.search(w)]
