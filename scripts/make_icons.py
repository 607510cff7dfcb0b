"""Render the app's icon, resources/icons/thidua.svg, into the PNGs the window uses and the .ico
that the Windows program file and its installer carry.

    .venv/bin/python scripts/make_icons.py [--out resources/icons]

Writes thidua-<size>.png for each of SIZES and thidua.ico holding all of them. Run it after
changing the SVG and commit what it wrote: the app and the build read the PNGs and the .ico, never
the SVG (the build leaves Qt's SVG module out, installer/thidua.spec).

At 16, 24 and 32 pixels the SVG's elements of class "detail" (the wreath, the inner frame, the
smaller star) are left out and those of class "small" (a bigger star, hidden in the SVG itself)
shown: a wreath of one-pixel leaves only blurs a taskbar icon.

The .ico is written here rather than by an image library: it is a six-byte header, one
16-byte entry per image and the PNG files themselves, which Windows reads since Vista (and
NSIS and PyInstaller copy as they are). PySide6, already a dependency, draws the PNGs."""

from __future__ import annotations

import argparse
import os
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "thidua.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 32  # sizes up to this one draw the "small" variant
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"


def variant(svg_text: str, small: bool) -> bytes:
    """The SVG as drawn at one size: for a small size without its "detail" elements and with its
    "small" ones shown; otherwise without the "small" ones (they are hidden anyway)."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg_text)
    dropped = "detail" if small else "small"
    for parent in list(root.iter()):
        for child in list(parent):
            classes = (child.get("class") or "").split()
            if dropped in classes:
                parent.remove(child)
            elif small and "small" in classes:
                child.attrib.pop("display", None)
    return ET.tostring(root, encoding="utf-8")


def render(svg: bytes, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An .ico file holding each (size, PNG bytes) image: ICONDIR (reserved 0, type 1, count),
    then one ICONDIRENTRY per image (width and height, 0 meaning 256; no palette; 1 plane;
    32 bits a pixel; the payload's length and offset), then the payloads."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payloads = [], []
    for size, png in images:
        if not 1 <= size <= 256:
            raise ValueError(f"an .ico image is 1 to 256 pixels wide, not {size}")
        side = 0 if size == 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        payloads.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(payloads)


def make(out: Path, svg_path: Path = SVG) -> list[Path]:
    """Write the PNGs and the .ico into ``out``; the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt's painting wants one
    text = svg_path.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    images: list[tuple[int, bytes]] = []
    for size in SIZES:
        path = out / f"thidua-{size}.png"
        if not render(variant(text, small=size <= SMALL_UP_TO), size).save(str(path)):  # PNG, from the name
            raise SystemExit(f"could not write {path}")
        written.append(path)
        images.append((size, path.read_bytes()))
    path = out / "thidua.ico"
    path.write_bytes(ico(images))
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--out", type=Path, default=SVG.parent)
    args = parser.parse_args(argv)
    for path in make(args.out):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
