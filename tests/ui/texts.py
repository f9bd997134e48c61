"""What a reader sees in a window, and the translation catalogue: shared by the language and
screenshot tests."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.helpers import ROOT

TS = ROOT / "resources" / "i18n" / "riskdesk_zh_CN.ts"


ALLOWED_SAME = {"riskdesk", "APR %", ""}


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


def every_text(root: QWidget) -> list[str]:
    """What a person can read in a window: labels, buttons, tabs, table headers, combo items,
    placeholders, group titles, actions and menus."""
    from PySide6.QtWidgets import (
        QComboBox,
        QGroupBox,
        QLineEdit,
        QTableWidget,
        QTabWidget,
        QTextEdit,
    )

    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount())
                      if w.horizontalHeaderItem(i) is not None]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTextEdit) and w.isReadOnly():  # headings of a case or complaint view
            texts += [line.strip() for line in w.toPlainText().splitlines()]
    texts += [a.text() for a in root.findChildren(QAction)]
    return [t for t in texts if t]
