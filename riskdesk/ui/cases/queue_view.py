"""Pieces of the queue tab (issue 27): the note an empty result shows (why, and a way to clear
the filters), column widths and order kept per user, and walking the view case by case."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from riskdesk.i18n import join_clauses


class EmptyNote(QWidget):
    """Shown in place of a blank table: which view, filters and search found nothing, and a
    button that clears the filters and the search."""

    def __init__(self, clear: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-note")
        self.setStyleSheet("#empty-note { background: #f3f6fa; border: 1px solid #c9d4e3; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters and search"), self)
        self.clear_button.clicked.connect(clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_for(self, view: str, narrowed: list[str]) -> None:
        """``view``: the view's name; ``narrowed``: each active filter or search as shown."""
        if narrowed:
            self.label.setText(self.tr("No cases in \u201c{view}\u201d match {what}.").format(
                view=view, what=join_clauses(narrowed)))
        else:
            self.label.setText(self.tr("There are no cases in \u201c{view}\u201d.").format(
                view=view))
        self.clear_button.setVisible(bool(narrowed))
        self.show()


def header_key(username: str, table: str) -> str:
    """Per user and per language: a width that fits a Chinese label cuts the English one."""
    return f"users/{username}/{table}/header/{QLocale().name()}"


def restore_header(header: QHeaderView, username: str, table: str) -> bool:
    """The user's own column widths and order, kept from the last time (QSettings)."""
    state = QSettings().value(header_key(username, table))
    return bool(state is not None and header.restoreState(state))


def save_header(header: QHeaderView, username: str, table: str) -> None:
    QSettings().setValue(header_key(username, table), header.saveState())


def neighbour(model: Any, case_id: int, row: int, step: int) -> tuple[int, int] | None:
    """The (row, case id) ``step`` rows from case ``case_id`` in the view's loaded rows (more
    fetched at the end); ``row``: where the case was, for when it has left the view (a decided
    case leaves "My cases": the next one has taken its row). None at either end."""
    ids = [model.row_at(i).id for i in range(model.rowCount())]
    if case_id in ids:
        target = ids.index(case_id) + step
    else:
        target = row if step > 0 else row - 1
    while target >= model.rowCount() and model.canFetchMore():
        model.fetchMore()
    if not 0 <= target < model.rowCount():
        return None
    return target, model.row_at(target).id
