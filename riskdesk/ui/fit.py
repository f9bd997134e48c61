"""Keep a combo box wide enough for its text when a crowded row squeezes it.

Chinese and English labels differ in width, so fixed pixel sizes clip one language or waste
room in the other; the width is measured with the style, as Qt measures a size hint.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


def combo_width_for(box: QComboBox, text: str) -> int:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    metrics = box.fontMetrics()
    inner = QSize(metrics.horizontalAdvance(text), metrics.height())
    return box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, inner,
                                        box).width()


def keep_first_item_whole(box: QComboBox) -> None:
    """A filter's resting text ("Band: any") is never cut; a longer choice may be elided."""
    box.setMinimumWidth(combo_width_for(box, box.itemText(0)))


def keep_items_whole(box: QComboBox) -> None:
    """For a short list (a status): every choice fits."""
    box.setMinimumWidth(max(combo_width_for(box, box.itemText(i)) for i in range(box.count())))


def fit_combos(*boxes: QComboBox) -> None:
    """Each box at least as wide as its widest item (a month picker's "十一月", "2026"), so no
    choice is cut whichever is current (issue 28)."""
    for box in boxes:
        box.setMinimumWidth(max((combo_width_for(box, box.itemText(i))
                                 for i in range(box.count())), default=0))
