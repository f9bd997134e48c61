"""A calendar month chooser (issue 28): a year and a month combo instead of a "YYYY-MM" text
field, used wherever a tab or report asks for a month (reports, complaint figures, post-loan,
partners).

``month()`` (and ``text()``, so it drops in where a QLineEdit was read) gives "YYYY-MM";
``set_month("YYYY-MM")`` sets it; ``monthChanged(str)`` fires once per change. The months
offered can be bounded (``set_range``): a month outside the range cannot be picked."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) of "YYYY-MM"; ValueError for anything else."""
    year_text, sep, month_text = text.strip().partition("-")
    if not sep or len(year_text) != 4 or not 1 <= len(month_text) <= 2:
        raise ValueError(text)
    year, month = int(year_text), int(month_text)
    if not 1 <= month <= 12:
        raise ValueError(text)
    return year, month


class MonthPicker(QWidget):
    monthChanged = Signal(str)

    def __init__(self, month: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first, self._last = (FIRST_YEAR, 1), (LAST_YEAR, 12)
        self.year_box, self.month_box = QComboBox(self), QComboBox(self)
        self.year_box.setObjectName("month_picker_year")
        self.month_box.setObjectName("month_picker_month")
        locale = QLocale()
        for m in range(1, 13):
            # the locale's own month names: "一月" ... "十二月", "January" ... "December"
            self.month_box.addItem(locale.standaloneMonthName(m, QLocale.FormatType.LongFormat),
                                   m)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.year_box)
        layout.addWidget(self.month_box)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._fill_years()
        self.year_box.currentIndexChanged.connect(self._changed)
        self.month_box.currentIndexChanged.connect(self._changed)
        self._last_sent = ""
        if month:
            self.set_month(month)
        self._last_sent = self.month()

    def _fill_years(self) -> None:
        from riskdesk.ui.fit import keep_items_whole

        keep = self.year_box.currentData()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in range(self._first[0], self._last[0] + 1):
            self.year_box.addItem(self.tr("{year}").format(year=year), year)
        index = self.year_box.findData(keep)
        self.year_box.setCurrentIndex(index if index >= 0 else self.year_box.count() - 1)
        self.year_box.blockSignals(False)
        keep_items_whole(self.year_box)  # every year and month reads whole in either language
        keep_items_whole(self.month_box)

    def set_range(self, first: str, last: str) -> None:
        """Only months from ``first`` to ``last`` ("YYYY-MM", both included) can be chosen."""
        current = self.month()
        self._first, self._last = parse_month(first), parse_month(last)
        self._fill_years()
        self.set_month(current)

    def month(self) -> str:
        year, month = self.year_box.currentData(), self.month_box.currentData()
        if year is None or month is None:
            return ""
        return f"{int(year):04d}-{int(month):02d}"

    def text(self) -> str:
        """Same as month(): lets code written for a QLineEdit read the picker."""
        return self.month()

    def set_month(self, text: str) -> None:
        year, month = parse_month(text)
        year, month = max(self._first, min(self._last, (year, month)))
        self.year_box.blockSignals(True)
        self.month_box.blockSignals(True)
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.month_box.setCurrentIndex(self.month_box.findData(month))
        self.year_box.blockSignals(False)
        self.month_box.blockSignals(False)
        self._changed()

    setText = set_month  # noqa: N815 - the QLineEdit name, for drop-in use

    def _changed(self, *_: object) -> None:
        year, month = self.year_box.currentData(), self.month_box.currentData()
        if year is not None and month is not None:
            clamped = max(self._first, min(self._last, (int(year), int(month))))
            if clamped != (year, month):
                self.month_box.blockSignals(True)
                self.month_box.setCurrentIndex(self.month_box.findData(clamped[1]))
                self.month_box.blockSignals(False)
        value = self.month()
        if value and value != getattr(self, "_last_sent", None):
            self._last_sent = value
            self.monthChanged.emit(value)
