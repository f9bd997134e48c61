"""Dates, numbers and money follow the interface language's locale (issue 12)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from riskdesk.ui import formats

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def locale(qapp: Any) -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_chinese_writes_year_first_and_yuan(locale: None) -> None:
    QLocale.setDefault(CHINESE)
    assert formats.date_text(date(2026, 1, 5)) == "2026/01/05"
    assert formats.number(1234567) == "1,234,567"
    assert formats.number(40250, 2) == "40,250.00"
    assert formats.money(40250.5) == "¥40,250.50"
    assert formats.money(-3) == "-¥3.00"
    assert formats.percent(0.1234) == "12.3%"
    assert formats.percent(None) == "-"


def test_english_writes_month_first_and_cny_not_dollars(locale: None) -> None:
    QLocale.setDefault(ENGLISH)
    assert formats.date_text(date(2026, 1, 5)) == "01/05/2026"
    assert formats.money(40250.5) == "CNY 40,250.50"
    assert "$" not in formats.money(1)
    assert formats.percent(0.5, 0) == "50 %"
    assert formats.date_format() == "MM/dd/yyyy"


def test_stored_utc_times_are_shown_in_the_workstations_zone(locale: None) -> None:
    QLocale.setDefault(CHINESE)
    stored = datetime(2026, 3, 1, 23, 30)  # naive UTC, as the database keeps it
    local = stored.replace(tzinfo=UTC).astimezone()
    assert formats.datetime_text(stored) == f"{local:%Y/%m/%d %H:%M}"
    assert formats.datetime_text(None) == "" and formats.date_text(None) == ""
