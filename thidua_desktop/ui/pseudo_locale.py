"""A development-time pseudo-locale and a detector of clipped text.

``PseudoTranslator`` answers every tr() with its English source stretched by about 40% and written
with accented letters ("Save" -> "[Šàvé~~]"): longer than English, as long as most Vietnamese, and
easy to tell from a string that skipped tr(). Placeholders (%1, %n), mnemonics (&), HTML tags and
entities are kept, so every screen still works.

``find_clipped`` walks a window and lists the widgets whose text does not fit: a label, button,
check box, tab, group box title or table header wider (or, wrapped, taller) than the room it has.
scripts/pseudo_screens.py and tests/ui/test_pseudo_locale.py use both."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionGroupBox,
    QTabBar,
    QWidget,
)

_ACCENTED = str.maketrans(
    "abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ",
    "àƀçđéĝĥíķĺñöŕšţüýžÀƁÇĐÉĜĤÍĶĹÑÖŔŠŢÜÝŽ")
# Kept whole: Qt placeholders (%1, %n, %L1), HTML tags and entities, escapes a mnemonic may mark.
_KEEP = re.compile(r"%L?\d+|%n|<[^>]*>|&[a-zA-Z]+;|&&|\n")
STRETCH = 1.4


def pseudo(source: str) -> str:
    """The English ``source`` accented and padded to ``STRETCH`` times its length, in brackets."""
    if not source.strip():
        return source
    parts, last = [], 0
    for match in _KEEP.finditer(source):
        parts.append(source[last:match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(source[last:].translate(_ACCENTED))
    visible = len(_KEEP.sub("", source))
    padding = max(1, math.ceil(visible * (STRETCH - 1)) - 2)  # the brackets count toward the 40%
    lines = "".join(parts).split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += "~" * padding  # a multi-line text stretches its longest line
    return "[" + "\n".join(lines) + "]"


class PseudoTranslator(QTranslator):
    """Every message of every context, ours and Qt's, in the pseudo-locale."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if context == "Language":  # ops.current_lang() asks this one; the pseudo-locale is English
            return source
        return pseudo(source)


def install_pseudo() -> PseudoTranslator:
    """Switch the running app to the pseudo-locale (English numbers and dates), replacing any
    installed catalog; ``i18n.install`` switches back."""
    from . import i18n

    i18n.install("en")
    app = QCoreApplication.instance()
    assert app is not None
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    i18n._installed.append(translator)  # removed by the next i18n.install, like a real catalog
    return translator


def _where(widget: QWidget) -> str:
    """The widget's class and its named ancestors, read now: the report outlives the widgets."""
    names: list[str] = []
    node: QWidget | None = widget
    while node is not None and len(names) < 4:
        names.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return " < ".join(names)


@dataclass(frozen=True, init=False)
class Clipped:
    where: str
    text: str
    needed: int
    room: int

    def __init__(self, widget: QWidget, text: str, needed: int, room: int) -> None:
        object.__setattr__(self, "where", _where(widget))
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "needed", needed)
        object.__setattr__(self, "room", room)

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} needs {self.needed}px, has {self.room}px"


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label(label: QLabel) -> Clipped | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return Clipped(label, text, needed, label.height()) if needed > label.height() + 1 else None
    needed = label.sizeHint().width()
    return Clipped(label, text, needed, label.width()) if needed > label.width() + 1 else None


def _button(button: QAbstractButton) -> Clipped | None:
    text = button.text()
    if not text.strip():
        return None
    needed = button.sizeHint().width()
    return Clipped(button, text, needed, button.width()) if needed > button.width() + 1 else None


def _group_box(box: QGroupBox) -> Clipped | None:
    if not box.title().strip():
        return None
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    title = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                       QStyle.SubControl.SC_GroupBoxLabel, box)
    needed = title.left() + box.fontMetrics().horizontalAdvance(box.title().replace("&", "")) + 8
    return Clipped(box, box.title(), needed, box.width()) if needed > box.width() else None


def _tab_bar(bar: QTabBar) -> list[Clipped]:
    if bar.count() == 0:
        return []
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    room = bar.width()
    if needed <= room + 1:
        return []
    return [Clipped(bar, " | ".join(bar.tabText(i) for i in range(bar.count())), needed, room)]


def _header(header: QHeaderView) -> list[Clipped]:
    """Header sections narrower than their title (Qt elides it with "…")."""
    model = header.model()
    if model is None or header.orientation().name != "Horizontal":
        return []
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, header.orientation()) or "")
        if not title.strip():
            continue
        size = header.sectionSize(section)
        needed = header.sectionSizeFromContents(section).width()
        stretch_last = header.stretchLastSection() and section == header.count() - 1
        if needed > size + 1 and not stretch_last:
            found.append(Clipped(header, title, needed, size))
    return found


def find_clipped(root: QWidget, headers: bool = True) -> list[Clipped]:
    """Every visible widget under ``root`` (itself included) whose text does not fit its room."""
    found: list[Clipped] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            hit = _label(widget)
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            hit = _button(widget)
        elif isinstance(widget, QGroupBox):
            hit = _group_box(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_tab_bar(widget))
            continue
        elif isinstance(widget, QHeaderView) and headers:
            found.extend(_header(widget))
            continue
        else:
            continue
        if hit is not None:
            found.append(hit)
    return found
