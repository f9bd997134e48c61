"""Render resources/icons/riskdesk.svg to the PNG the window uses and the multi-size ICO the
Windows build and installer use. Run after changing the SVG; both outputs are committed."""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "riskdesk.svg")).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    big = render(256)
    big.save(ICONS / "riskdesk.png")
    big.save(ICONS / "riskdesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(f"wrote {ICONS / 'riskdesk.png'} and {ICONS / 'riskdesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
