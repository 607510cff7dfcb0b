"""The document font: Times New Roman where the machine has it, else the bundled Liberation Serif,
which has the same metrics and covers Vietnamese. Both are embedded (subset) in every PDF."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource_path

FAMILY = "DocSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-BoldItalic"

_BUNDLED = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
            "LiberationSerif-BoldItalic.ttf")
_TIMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_TIMES_LINUX = ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
                "Times_New_Roman_Bold_Italic.ttf")


@dataclass(frozen=True)
class FontChoice:
    name: str  # what the About box and the benchmark print
    files: tuple[Path, Path, Path, Path]


def _faces(folder: Path, names: tuple[str, str, str, str]) -> tuple[Path, Path, Path, Path]:
    """The regular, bold, italic and bold italic files in ``folder``."""
    regular, bold, italic, bold_italic = names
    return folder / regular, folder / bold, folder / italic, folder / bold_italic


def _system_times() -> tuple[Path, Path, Path, Path] | None:
    candidates: list[tuple[Path, tuple[str, str, str, str]]] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        candidates.append((windir / "Fonts", _TIMES))
    candidates += [(Path("/usr/share/fonts/truetype/msttcorefonts"), _TIMES_LINUX),
                   (Path("/usr/share/fonts/truetype/msttcorefonts"), _TIMES),
                   (Path("/Library/Fonts"), ("Times New Roman.ttf", "Times New Roman Bold.ttf",
                                             "Times New Roman Italic.ttf", "Times New Roman Bold Italic.ttf"))]
    for folder, names in candidates:
        files = _faces(folder, names)
        if all(f.is_file() for f in files):
            return files
    return None


def choose_font() -> FontChoice:
    """``THIDUA_DOC_FONT=bundled`` forces the bundled font (tests and reproducible renders)."""
    if os.environ.get("THIDUA_DOC_FONT", "").lower() != "bundled":
        system = _system_times()
        if system:
            return FontChoice("Times New Roman", system)
    folder = resource_path("fonts")
    return FontChoice("Liberation Serif", _faces(folder, _BUNDLED))


_registered: FontChoice | None = None


def register_fonts() -> FontChoice:
    """Register the four faces once per process under one family name, so <b> and <i> work."""
    global _registered
    if _registered is not None:
        return _registered
    choice = choose_font()
    for face, path in zip((REGULAR, BOLD, ITALIC, BOLD_ITALIC), choice.files, strict=True):
        pdfmetrics.registerFont(TTFont(face, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    faces: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC))
    for bold, italic, face in faces:
        addMapping(FAMILY, bold, italic, face)
    _registered = choice
    return choice


def text_width(text: str, face: str = REGULAR, size: float = 13) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, face, size)
