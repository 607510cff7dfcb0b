"""Paragraphs laid out and drawn once per process, not once per document.

A batch prints the same fixed wording hundreds of times: the section headings, the field labels,
the table headers, the signature titles, the national heading, and data that repeats from one
nominee to the next ("Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ", the years). Each time,
ReportLab parsed the markup (its HTML parser), broke the text into lines (measuring every word)
and wrote the page operators, together about half of a dossier's CPU. All three depend only on
the text, the style's values and the width the frame or cell offers (the operators also on the
fonts' names and character codes in the document), so :class:`KeptParagraph` keeps them:

* the parse (ReportLab's "frags") by text and style values;
* the line breaks (ReportLab's ``blPara``, and the frags the breaking leaves) by text, style
  values, available width and the frags it started from;
* the operators drawn, by the same key, reused only where the document's font names and codes
  agree (:class:`_Drawn`).

Everything is handed to ReportLab exactly as it would have computed it, and nothing downstream
changes it (drawing reads it; splitting a paragraph across pages copies what it needs into new
paragraphs, which are ordinary ones), so a document comes out byte for byte the same whether its
paragraphs were computed here or taken from the caches, whatever was printed before
(tests/reports/test_kept_paragraphs.py; the 503 files of the benchmark batch compared too). The
caches are bounded: a batch's one-off texts (a name, an address) age out first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from contextlib import suppress
from operator import itemgetter
from typing import Any, cast
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Paragraph
from reportlab.rl_config import _FUZZ

from .fonts import FIXED_CODES, codes_fixed

# Entries kept: a batch's fixed wording is a few hundred paragraphs, each in one or two widths.
# The least recently used go first: one-off texts (a nominee list's few thousand cells).
PARSED_ENTRIES = 2048
WRAPPED_ENTRIES = 4096

_style_keys: WeakKeyDictionary[ParagraphStyle, str] = WeakKeyDictionary()
# (text, style key) -> (the cleaned text, the parsed frags)
_parsed: OrderedDict[tuple[str, str], tuple[str, list[Any]]] = OrderedDict()
# A wrap's key: the text, the style key, the available width, and where the paragraph's frags
# came from (see KeptParagraph.wrap): "parsed", or the key of the wrap that left them.
WrapKey = tuple[str, str, float, Any]
# wrap key -> (blPara, the line widths, height, the frags after, the widest line)
_wrapped: OrderedDict[WrapKey, tuple[Any, list[float], float, list[Any], Any]] = OrderedDict()
# wrap key -> (the page operators drawn, what they assumed: see _Drawn)
_drawn: OrderedDict[WrapKey, _Drawn] = OrderedDict()
DRAWN_ENTRIES = 4096
# A paragraph whose frags were rebound by more wraps than this is left to ReportLab (the key
# carries that history).
WRAP_HISTORY = 4


def style_key(style: ParagraphStyle) -> str:
    """Every value of a style but its name and parent, as text: two styles built alike (a report
    builds its line style afresh for each field) lay text out alike. ReportLab copies a parent's
    values into the style when it is made, so the style's own values are all there is; the key is
    worked out once per style object (styles are not changed after they are made here)."""
    key = _style_keys.get(style)
    if key is None:
        values = sorted(((k, v) for k, v in vars(style).items() if k not in ("name", "parent")), key=itemgetter(0))
        key = repr(values)
        _style_keys[style] = key
    return key


def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any, limit: int) -> None:
    cache[key] = value
    if len(cache) > limit:
        with suppress(KeyError):  # another thread printing at the same time emptied it first
            cache.popitem(last=False)


def _touch(cache: OrderedDict[Any, Any], key: Any) -> None:
    """Mark an entry as recently used (the GUI may draw a preview while a batch prints: an entry
    just found may have been dropped by the other thread since)."""
    with suppress(KeyError):
        cache.move_to_end(key)


class KeptParagraph(Paragraph):
    """A :class:`Paragraph` taking its parse and line breaks from the per-process caches above.

    Only a paragraph made from text with a style (as ``blocks.para`` makes them) is kept; the
    parts ReportLab makes when it splits a paragraph over two pages (from frags) and a paragraph
    with a bullet go ReportLab's own way."""

    _kept_key: tuple[str, str] | None = None
    _parsed_frags: Sequence[Any] = ()
    _frags_from: Any = "parsed"  # where self.frags came from: the parse, or the wrap key that left them
    _rebinds = 0  # wraps that rebound the frags: the length of the history in the key
    _draw_key: WrapKey | None = None  # the kept line breaks last wrapped to
    blPara: Any  # set by Paragraph.wrap
    _wrapWidths: list[float]

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, bulletText: Any = None,
                 frags: list[Any] | None = None, caseSensitive: int = 1, encoding: str = "utf8") -> None:
        if (text is None or style is None or frags is not None or bulletText is not None or caseSensitive != 1
                or getattr(style, "bulletText", None) is not None):
            super().__init__(cast(str, text), style, bulletText, frags, caseSensitive, encoding)  # None: from frags
            return
        key = (text, style_key(style))
        hit = _parsed.get(key)
        if hit is None:
            super().__init__(text, style, None, None, caseSensitive, encoding)
            # Kept only when the parse kept the style as given and found no bullet (a <para>
            # tag with attributes makes a new style; <bullet> makes bullet frags).
            if self.style is style and self.bulletText is None:
                _remember(_parsed, key, (self.text, self.frags), PARSED_ENTRIES)
                self._kept_key = key
                self._parsed_frags = self.frags
            return
        _touch(_parsed, key)
        self.caseSensitive = caseSensitive
        self.encoding = encoding
        cleaned, kept_frags = hit
        # What Paragraph._setup sets after parsing, with the parse's results.
        self.text = cleaned
        self.frags = kept_frags
        self.style = style
        self.bulletText = None
        self.debug = 0
        self._kept_key = key
        self._parsed_frags = kept_frags  # the text's pieces with their fonts (wrapping rebinds self.frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # ReportLab's names
        """ReportLab's wrap, or what it gave for the same text, style, width and frags before.

        Breaking a paragraph with markup rebinds its frags to the "frag words" it worked out (the
        next wrap starts from those, and splitting the paragraph over two pages indexes into
        them), and notes its widest line: both are kept with the line breaks and handed back, so
        the paragraph is left just as ReportLab would have left it. The frags' history is part of
        the key, so a paragraph wrapped at two widths finds the second wrap that started from the
        first."""
        key = self._kept_key
        if key is None or availWidth < _FUZZ or "autoLeading" in vars(self) or self._rebinds > WRAP_HISTORY:
            self._draw_key = self._kept_key = None  # ReportLab's own way from now on
            return super().wrap(availWidth, availHeight)
        wrap_key: WrapKey = (*key, availWidth, self._frags_from)
        self._draw_key = wrap_key
        hit = _wrapped.get(wrap_key)
        if hit is None:
            before = self.frags
            width, height = super().wrap(availWidth, availHeight)
            _remember(_wrapped, wrap_key, (self.blPara, self._wrapWidths, height, self.frags,
                                           vars(self).get("_width_max")), WRAPPED_ENTRIES)
            if self.frags is not before:
                self._frags_from = wrap_key
                self._rebinds += 1
            return width, height
        _touch(_wrapped, wrap_key)
        self.width = availWidth
        before = self.frags
        self.blPara, self._wrapWidths, self.height, self.frags, widest = hit
        if widest is not None:
            self._width_max = widest
        if self.frags is not before:
            self._frags_from = wrap_key
            self._rebinds += 1
        return availWidth, self.height

    def draw(self) -> None:
        """Append the page operators this text drew last time, when nothing they assumed has
        changed; else draw as ReportLab does and keep what was drawn (see :class:`_Drawn`)."""
        key = self._draw_key
        canvas: Any = self.canv  # the canvas's operator list and document are ReportLab's privates
        if key is None or self.debug:
            super().draw()
            return
        hit = _drawn.get(key)
        if hit is not None and hit.holds(canvas._doc):
            _touch(_drawn, key)
            canvas._code.extend(hit.code)
            return
        start = len(canvas._code)
        super().draw()
        drawn = _Drawn.record(self._parsed_frags, canvas._doc, canvas._code[start:])
        if drawn is not None:
            _remember(_drawn, key, drawn, DRAWN_ENTRIES)


class _Drawn:
    """The operators a paragraph appended to its page, and the font facts they depend on.

    A paragraph draws inside its own coordinates (Flowable.drawOn translates to its place first),
    so with the same text, style and width it appends the same operators on any page of any
    document, except in two respects, both checked before they are reused: the font's name in
    this document ("/F1+0" is the first font the document used), and the code each character got
    in the font's subset (ReportLab numbers characters as a document first meets them; the faces
    fonts.py gives the whole alphabet first have the same codes for ASCII and the alphabet in every
    document, so only that is checked for them). Every character must already have its code in
    this document, so reusing the operators never leaves a glyph out of the embedded subset. Only
    plain text is reused: no links, underlines, backgrounds or inline images, whose drawing has
    effects beyond the operators."""

    __slots__ = ("code", "facts")

    def __init__(self, code: list[str],
                 facts: tuple[tuple[Any, str, tuple[int, ...] | None, tuple[Any, ...] | None], ...]) -> None:
        self.code = code
        self.facts = facts

    @staticmethod
    def _chars(frags: Sequence[Any]) -> dict[str, set[int]] | None:
        """The characters each font draws, as ReportLab looks them up (a no-break space is a space)."""
        by_font: dict[str, set[int]] = {}
        for frag in frags:
            text = getattr(frag, "text", None)
            if (not isinstance(text, str) or getattr(frag, "link", None) or getattr(frag, "us_lines", None)
                    or getattr(frag, "backColor", None) or hasattr(frag, "cbDefn")):
                return None
            by_font.setdefault(frag.fontName, set()).update(32 if c == 0xA0 else c for c in map(ord, text))
        return by_font

    @classmethod
    def record(cls, frags: Sequence[Any], doc: Any, code: list[str]) -> _Drawn | None:
        by_font = cls._chars(frags)
        if by_font is None:
            return None
        facts: list[tuple[Any, str, tuple[int, ...] | None, tuple[Any, ...] | None]] = []
        for name, chars in by_font.items():
            font = getFont(name)
            state = getattr(font, "state", {}).get(doc)
            mapped = doc.fontMapping.get(name)
            if state is None or mapped is None or not getattr(font, "_dynamicFont", 0):
                return None  # a font without per-document codes (none here): drawn each time
            if chars <= FIXED_CODES and codes_fixed(font, doc):
                facts.append((font, mapped, None, None))  # codes the same in every such document
                continue
            ordered = tuple(sorted(chars))
            codes = tuple(map(state.assignments.get, ordered))
            if None in codes:
                return None  # a character the font lacks: drawn each time
            facts.append((font, mapped, ordered, codes))
        return cls(code, tuple(facts))

    def holds(self, doc: Any) -> bool:
        for font, mapped, chars, codes in self.facts:
            if doc.fontMapping.get(font.fontName) != mapped:
                return False
            if chars is None:
                if not codes_fixed(font, doc):
                    return False
                continue
            state = font.state.get(doc)
            if state is None or tuple(map(state.assignments.get, chars)) != codes:
                return False
        return True


def clear() -> None:
    """Forget every kept paragraph (tests)."""
    _parsed.clear()
    _wrapped.clear()
    _drawn.clear()
