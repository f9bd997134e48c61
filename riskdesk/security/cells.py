"""Formula-safe cells for every CSV and Excel file the app writes (issue 25, item 5).

OWASP's CSV-injection guidance: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is a formula (or starts one) to Excel, LibreOffice and Sheets, so it is
written with a leading ``'``. Excel cells are written with the text type, never as formulas.

Only text is changed. A genuine number (``int``, ``float``, ``Decimal``) stays a number, so an
amount of -5 is written as the number -5 (harmless: a number is never evaluated); the text
"-5" becomes "'-5". Writers therefore keep amounts as numbers and everything else as text.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(TRIGGERS) else value


def safe_cell(value: Any) -> Any:
    """Numbers, dates and empty cells as they are; anything else as formula-safe text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, datetime, date)):
        return value
    return safe_text(str(value))


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row for an openpyxl write-only sheet: text cells typed as strings (``data_type`` "s",
    so openpyxl never stores a leading "=" as a formula), numbers as numbers."""
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for value in safe_row(values):
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(value)
    return out


def safe_frame(frame: Any) -> Any:
    """A copy of a pandas frame with every text cell (and header) formula-safe."""
    out = frame.copy()
    out.columns = [safe_text(str(c)) for c in out.columns]
    for name in out.columns:
        column = out[name]
        if getattr(column.dtype, "kind", "O") not in "biufcmM":  # text of any dtype
            out[name] = column.astype(object).map(safe_cell)
    return out
