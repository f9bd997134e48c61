"""The Applications tab (issue 27): one search box read as the queue's (application or loan
number, ID number, a masked ID copied from a grid, phone with spaces, dashes or +86, name),
filters that keep their names, and Enter or a double-click opens the application's case."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import Band, Channel, Outcome, Product, label
from riskdesk.i18n import join_clauses
from riskdesk.services.cases.applications import ApplicationFilter
from riskdesk.services.cases.search import parse_search
from riskdesk.ui.applications.model import ApplicationsModel
from riskdesk.ui.fit import keep_first_item_whole

# (application id, application number) -> the window opened, if any
Opener = Callable[[int, str], Any]


class ApplicationsTab(QWidget):
    def __init__(self, model: ApplicationsModel, table: QTableView, open_application: Opener,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.table, self.open_application = model, table, open_application
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr(
            "Search: application or loan no., ID number (also masked), phone or name"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.search_box.returnPressed.connect(self.apply)
        self.boxes: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        for key, title, items in (
                ("products", self.tr("Product"), [(p.value, label(p)) for p in Product]),
                ("channels", self.tr("Channel"), [(c.value, label(c)) for c in Channel]),
                ("bands", self.tr("Band"), [(b.value, label(b)) for b in Band]),
                ("outcomes", self.tr("Known outcome"), [(o.value, label(o)) for o in Outcome])):
            box = QComboBox(self)
            box.setToolTip(title)
            box.addItem(self.tr("{what}: any").format(what=title), None)
            for value, text in items:
                box.addItem(self.tr("{what}: {value}").format(what=title, value=text), value)
            keep_first_item_whole(box)
            box.currentIndexChanged.connect(lambda _=0: self.apply())
            self.boxes[key] = box
            row.addWidget(box)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.search_box, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.hint = QLabel(self.tr("Enter or a double-click opens the application with its "
                                   "case."), self)
        table.setParent(self)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.activated.connect(self.open_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(table, 1)
        layout.addWidget(self.hint)
        model.modelReset.connect(self._update_empty)

    def current_filter(self) -> ApplicationFilter:
        chosen: dict[str, Any] = {
            key: (box.currentData(),) if box.currentData() is not None else ()
            for key, box in self.boxes.items()}
        return ApplicationFilter(**parse_search(self.search_box.text()), **chosen)

    def apply(self) -> None:
        self.model.set_filter(self.current_filter())

    def clear(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search_box.clear()
        self.apply()

    def open_row(self, index: Any) -> Any:
        row = self.model.row_at(index.row())
        return self.open_application(row.id, row.application_no)

    def _update_empty(self) -> None:
        narrowed = [b.currentText() for b in self.boxes.values() if b.currentIndex() > 0]
        if self.search_box.text().strip():
            narrowed.append(self.tr("the search \u201c{text}\u201d").format(
                text=self.search_box.text().strip()))
        self.empty.setText(self.tr("No applications match {what}: clear the filters or the "
                                   "search to see them all.").format(what=join_clauses(narrowed))
                           if narrowed else self.tr("No applications yet: import a file "
                                                    "(Ctrl+I)."))
        self.empty.setVisible(self.model.total == 0)
