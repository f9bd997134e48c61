"""The month chooser that replaces "YYYY-MM" text fields (issue 28)."""
from __future__ import annotations

import pytest

from riskdesk.ui.month_picker import MonthPicker, parse_month


def test_month_picker_reads_sets_and_signals(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = MonthPicker("2026-11")
    qtbot.addWidget(picker)
    assert picker.month() == picker.text() == "2026-11"
    seen: list[str] = []
    picker.monthChanged.connect(seen.append)
    picker.month_box.setCurrentIndex(picker.month_box.findData(3))
    assert picker.month() == "2026-03"
    picker.year_box.setCurrentIndex(picker.year_box.findData(2025))
    assert seen == ["2026-03", "2025-03"]
    picker.set_month("2024-12")
    assert picker.month() == "2024-12" and seen[-1] == "2024-12"


def test_month_picker_range_clamps(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = MonthPicker("2026-11")
    qtbot.addWidget(picker)
    picker.set_range("2025-02", "2026-10")
    assert picker.month() == "2026-10"
    assert picker.year_box.count() == 2
    picker.set_month("2019-05")
    assert picker.month() == "2025-02"
    picker.year_box.setCurrentIndex(picker.year_box.findData(2025))
    picker.month_box.setCurrentIndex(picker.month_box.findData(1))
    assert picker.month() == "2025-02"  # January 2025 is before the first month


def test_parse_month_refuses_free_text() -> None:
    assert parse_month("2026-01") == (2026, 1)
    for bad in ("2026", "2026-13", "26-01", "abc", ""):
        with pytest.raises(ValueError):
            parse_month(bad)
