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
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

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

    Every PDF embeds the subsets of the characters it uses. Documents of one kind use the same
    characters in the same order (the heading, the labels), and the faces that print names number
    the whole alphabet first (:class:`_AlphabetFont`), so a batch asked ReportLab to cut and
    deflate the same few subsets hundreds of times (about a fifth of a dossier's time). The stream
    written is byte for byte what :class:`TTFontFace` writes (tests/reports)."""

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


# Every precomposed Vietnamese letter (NFC: "ạ", "Ư", "ữ" …), then the typographic marks the
# wording uses, in code point order. See _AlphabetFont.
VIETNAMESE = "".join(sorted({*(chr(c) for c in range(0x1EA0, 0x1EFA)),
                             *"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂăĐđĨĩŨũƠơƯư"})) + "“”‘’–—…•"
# The faces that print the data (names, units, addresses in regular; the signer's name, a heading
# unit in bold): their subsets differed in every document. Italic and bold italic print fixed
# notes and dates, whose subset is already the same from one document to the next.
ALPHABET_FACES = (REGULAR, BOLD)


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already written out (numbers are written the same in every document)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


@lru_cache(maxsize=64)
def _widths(face: Any, subset: tuple[int, ...]) -> _Formatted:  # a TTFontFace; getCharWidth is untyped
    return _Formatted(pdfdoc.PDFArray([face.getCharWidth(code) for code in subset]).format(None))


@lru_cache(maxsize=64)
def _to_unicode(name: str, subset: tuple[int, ...], compressed: bool) -> str | bytes:
    content: str = makeToUnicodeCMap(name, list(subset))
    return pdfdoc.PDFZCompress.encode(content) if compressed else content


class _CachingFont(TTFont):
    """A font whose subsets' dictionaries take what does not depend on the document (the glyph
    widths, the ToUnicode map, deflated) from per-process caches: :meth:`TTFont.addObjects` with
    those two parts kept, the objects written byte for byte as ReportLab writes them
    (tests/reports/test_font_subsets.py)."""

    def addObjects(self, doc: Any) -> None:  # reportlab's name
        try:
            state = self.state[doc]
        except KeyError:  # as ReportLab: a font named but never drawn with
            state = self.state[doc] = TTFont.State(getattr(self, "_asciiReadable", 1))
        state.frozen = 1
        compressed = bool(doc.compression)
        face: Any = self.face  # a TTFontFace; the stubs do not declare subfontNameX
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            key = tuple(subset)
            font: Any = pdfdoc.PDFTrueTypeFont()  # attributes set one by one, as ReportLab does
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _widths(face, key)
            cmap = pdfdoc.PDFStream()
            cmap.content = _to_unicode(base_name, key, compressed)
            if compressed:  # already deflated: written as it is, with the filter named
                cmap.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


class _AlphabetFont(_CachingFont):
    """A face whose first subset in every PDF holds the whole Vietnamese alphabet, in one order.

    ReportLab numbers a document's characters in the order it first meets them, and embeds the
    glyphs of those it met. Every document's names use different letters in a different order, so
    each one embedded a subset of its own, cut from the font file and deflated anew (a sixth of a
    dossier's CPU), though most of it is ASCII and the same letters. With the alphabet numbered
    first, in code point order, every document whose text is ASCII and Vietnamese gets the same
    subset, which :class:`_SubsetCachingFace` then builds once per process. The text, the glyphs
    and their places on the page are the same; the file carries the glyphs of the letters it does
    not use as well, about 2.5 KB more for each of these faces (docs/benchmarks.md)."""

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # reportlab's
        if doc not in self.state:
            TTFont.splitString(self, VIETNAMESE, doc)
            self.state[doc].alphabet_first = True  # type: ignore[attr-defined]  # our mark on ReportLab's state
        return TTFont.splitString(self, text, doc, encoding)


# The characters whose codes are the same in every document an _AlphabetFont numbers: ASCII
# (ReportLab's first subset keeps it in place) and the alphabet.
FIXED_CODES = frozenset(range(32, 127)) | frozenset(map(ord, VIETNAMESE))


def codes_fixed(font: Any, doc: Any) -> bool:
    """Whether ``font`` numbered the alphabet first in ``doc``: then every character of
    :data:`FIXED_CODES` has the code it has in any other such document."""
    state = font.state.get(doc) if isinstance(font, _AlphabetFont) else None
    return state is not None and getattr(state, "alphabet_first", False)


def _font(face: str, path: Path) -> TTFont:
    font = TTFont(face, str(path))
    # The face's class only gains the cache above (no state of its own), so it is swapped in
    # rather than parsing the font file a second time through a constructor; likewise the font's.
    font.face.__class__ = _SubsetCachingFace
    font.__class__ = _AlphabetFont if face in ALPHABET_FACES else _CachingFont
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
