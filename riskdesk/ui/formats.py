"""Numbers, money, dates and times written the way the interface language's locale writes them.

`install_translators` sets QLocale's default with the language, so a Chinese window reads
2026/11/26 and ¥40,250.00 and an English one 11/26/2026 and CNY 40,250.00. Amounts are always
yuan, whatever the language; only how they are written changes. Stored times are naive UTC and
are shown in the workstation's zone. Years always have four digits (a bank's dates are never
"26").
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def clock_now() -> QDateTime:
    """Now by the application's one clock, in the workstation's zone (for date pickers'
    defaults); never Qt's own ``currentDateTime``."""
    from riskdesk.storage.clock import utcnow

    return QDateTime.fromMSecsSinceEpoch(
        int(utcnow().replace(tzinfo=UTC).timestamp() * 1000))


def clock_today() -> QDate:
    return clock_now().date()


def local_today() -> date:
    """Today in the workstation's zone by the application's clock."""
    d = clock_today()
    return date(d.year(), d.month(), d.day())


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def date_format() -> str:
    """The locale's short date pattern with a four-digit year and two-digit month and day
    (fixed width, so a table's date column lines up); also for QDateEdit.setDisplayFormat."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    fmt = re.sub(r"(?<!M)M(?!M)", "MM", fmt)
    return re.sub(r"(?<!d)d(?!d)", "dd", fmt)


def datetime_format() -> str:
    return f"{date_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"


def date_text(d: date | None) -> str:
    if d is None:
        return ""
    return QLocale().toString(QDate(d.year, d.month, d.day), date_format())


def datetime_text(at: datetime | None) -> str:
    """A stored (naive UTC) time in the workstation's zone."""
    if at is None:
        return ""
    local = at.replace(tzinfo=UTC).astimezone() if at.tzinfo is None else at
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute, local.second))
    return QLocale().toString(moment, datetime_format())


def number(value: Any, decimals: int = 0) -> str:
    if value is None:
        return ""
    if decimals == 0:
        return QLocale().toString(int(round(float(value))))
    return QLocale().toString(float(value), "f", decimals)


def money(value: Any) -> str:
    """An amount in yuan with its currency: ¥ in Chinese, CNY in English (where $ would mislead)."""
    if value is None:
        return ""
    amount = float(value)
    text = QLocale().toCurrencyString(abs(amount), "¥" if _chinese() else "CNY ", 2)
    return f"-{text}" if amount < 0 else text  # a minus sign, not accounting brackets


def percent(fraction: Any, decimals: int = 1) -> str:
    """A share (0.123) as the locale writes a percentage: 12.3% in Chinese, 12.3 % in English."""
    if fraction is None:
        return "-"
    text = number(100 * float(fraction), decimals)
    return f"{text}%" if _chinese() else f"{text} %"


def list_sep() -> str:
    """Between the items of a short list: the enumeration comma in Chinese."""
    return "、" if _chinese() else ", "
