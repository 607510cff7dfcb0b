"""The document font: Times New Roman where the machine has it, else the bundled Liberation Serif,
which has the same metrics and covers Vietnamese. Both are embedded (subset) in every PDF."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontFace

from ..paths import resource_path

try:  # ReportLab's C accelerator (package rl-accel): reportlab finds it by itself, but by a name
    # in a string, so it is named here too for the PyInstaller build to bundle it.
    import _rl_accel  # type: ignore[import-not-found]  # noqa: F401  # a C module without stubs
except ImportError:  # pragma: no cover - a missing accelerator only makes printing slower
    pass

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


class _SubsetCachingFace(TTFontFace):
    """A face that builds each distinct glyph subset once per process, already compressed.

    Every PDF embeds the subsets of the characters it uses, and documents of one kind use the
    same characters in the same order (the heading, the labels), so a batch asked ReportLab to
    cut and deflate the same few subsets hundreds of times (about a fifth of a dossier's time).
    The stream written is byte for byte what :class:`TTFontFace` writes (tests/reports)."""

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:  # reportlab's name
        compressed = bool(doc.compression)
        content, length = _subset_stream(self, tuple(subset), compressed)
        font_file = pdfdoc.PDFStream()
        font_file.content = content
        font_file.dictionary["Length1"] = length
        if compressed:  # already deflated: the stream writes it as it is and names the filter
            font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor", "Ascent": self.ascent, "CapHeight": self.capHeight,
            "Descent": self.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(self.bbox),
            "FontName": pdfdoc.PDFName(fontname), "ItalicAngle": self.italicAngle, "StemV": self.stemV,
            "FontFile2": font_file_ref, "MissingWidth": self.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


@lru_cache(maxsize=256)  # a few subsets per face and document kind; each some 20 KB
def _subset_stream(face: TTFontFace, subset: tuple[int, ...], compressed: bool) -> tuple[bytes, int]:
    """The subset's font file as the PDF stream carries it, and its uncompressed length."""
    raw: bytes = face.makeSubset(list(subset))
    return (pdfdoc.PDFZCompress.encode(raw) if compressed else raw), len(raw)


def _font(face: str, path: Path) -> TTFont:
    font = TTFont(face, str(path))
    # The face's class only gains the cache above (no state of its own), so it is swapped in
    # rather than parsing the font file a second time through a constructor.
    font.face.__class__ = _SubsetCachingFace
    return font


_registered: FontChoice | None = None


def register_fonts(choice: FontChoice | None = None) -> FontChoice:
    """Register the four faces once per process under one family name, so <b> and <i> work.
    ``choice``: the faces to register (a batch's worker process takes its parent's, so every
    document of the batch carries the same font); by default :func:`choose_font`."""
    global _registered
    if _registered is not None:
        return _registered
    choice = choice or choose_font()
    for face, path in zip((REGULAR, BOLD, ITALIC, BOLD_ITALIC), choice.files, strict=True):
        pdfmetrics.registerFont(_font(face, path))
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
