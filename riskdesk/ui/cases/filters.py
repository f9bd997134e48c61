"""The queue's filter bar: kind, status, assignee, band, rule, product, channel and the
submission date range. Each choice narrows the current view; the database does the work."""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from riskdesk.domain.enums import Band, CaseKind, CaseStatus, Channel, Product, label
from riskdesk.rules.catalog import BY_CODE, rule_name
from riskdesk.ui.fit import keep_first_item_whole
from riskdesk.ui.formats import clock_today, date_format


def _local_midnight_utc(day: QDate) -> datetime:
    """The start of a local calendar day, as the naive UTC the database stores."""
    local = datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)


class FilterBar(QWidget):
    changed = Signal(dict)  # CaseFilter field -> value

    def __init__(self, assignees: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The date range sits in the window's first row (``dates``), to keep this row narrow.
        self.dates = QWidget(self)
        date_layout = QHBoxLayout(self.dates)
        date_layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QComboBox] = {}
        choices: list[tuple[str, str, list[tuple[Any, str]]]] = [
            ("kinds", self.tr("Kind"), [(k.value, label(k)) for k in CaseKind]),
            ("statuses", self.tr("Status"), [(s.value, label(s)) for s in CaseStatus]),
            ("assignee_id", self.tr("Assignee"), [(uid, name) for uid, name in assignees]),
            ("bands", self.tr("Band"), [(b.value, label(b)) for b in Band]),
            ("rule", self.tr("Rule"), [(code, rule_name(code)) for code in BY_CODE]),
            ("products", self.tr("Product"), [(p.value, label(p)) for p in Product]),
            ("channels", self.tr("Channel"), [(c.value, label(c)) for c in Channel]),
        ]
        for key, title, items in choices:
            box = QComboBox(self)
            box.setToolTip(title)
            box.addItem(self.tr("{what}: any").format(what=title), None)
            for value, text in items:  # a choice keeps the filter's name (issue 27)
                box.addItem(self.tr("{what}: {value}").format(what=title, value=text), value)
            box.setMaximumWidth(170)
            keep_first_item_whole(box)
            box.currentIndexChanged.connect(self._emit)
            self.boxes[key] = box
            layout.addWidget(box)
        self.dated = QCheckBox(self.tr("Submitted"), self.dates)
        self.date_from = QDateEdit(clock_today().addMonths(-1), self.dates)
        self.date_to = QDateEdit(clock_today(), self.dates)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.dateChanged.connect(self._emit)
        self.dated.toggled.connect(self._emit)
        date_layout.addWidget(self.dated)
        date_layout.addWidget(self.date_from)
        date_layout.addWidget(QLabel("-", self.dates))
        date_layout.addWidget(self.date_to)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, box in self.boxes.items():
            value = box.currentData()
            if key in ("kinds", "statuses", "bands", "products", "channels"):
                out[key] = (value,) if value is not None else ()
            else:
                out[key] = value
        on = self.dated.isChecked()
        out["submitted_from"] = _local_midnight_utc(self.date_from.date()) if on else None
        out["submitted_to"] = _local_midnight_utc(self.date_to.date().addDays(1)) if on else None
        return out

    def described(self) -> list[str]:
        """Each active filter as its box shows it ("Band: Review"), and the date range."""
        out = [box.currentText() for box in self.boxes.values() if box.currentIndex() > 0]
        if self.dated.isChecked():
            out.append(self.tr("submitted {start} to {end}").format(
                start=self.date_from.text(), end=self.date_to.text()))
        return out

    def select(self, key: str, value: Any) -> None:
        """Choose ``value`` in one filter (as a click on the combo box would)."""
        box = self.boxes[key]
        box.setCurrentIndex(box.findData(value))

    def clear(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.dated.blockSignals(True)
        self.dated.setChecked(False)
        self.dated.blockSignals(False)
        self._emit()

    def _emit(self, *_: Any) -> None:
        self.changed.emit(self.values())
