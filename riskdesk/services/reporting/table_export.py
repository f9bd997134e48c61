"""Any table the window shows, written to a CSV or Excel file (issue 28).

The rows are what the table's view model shows the user: those come from read-model services
that already mask by role (issue 25), so an export never holds more than the screen. Every cell
goes through :mod:`riskdesk.security.cells` (formula-safe); each export is audited with the
file's name, rows and SHA-256, like the queue's own export (services/cases/export.py)."""
from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.cells import safe_row, xlsx_row
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require

EXCEL_MAX_ROWS = 1_048_575  # one sheet, below its header


def write_table(path: Path, title: str, headers: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> int:
    """``path`` (.csv: UTF-8 with BOM for Excel; .xlsx), written whole or not at all."""
    kind = path.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise InvalidInput(translate("TableExport", "Export to a .csv or .xlsx file, not {name}.")
                           .format(name=path.name))
    if kind == ".xlsx" and len(rows) > EXCEL_MAX_ROWS:
        raise InvalidInput(translate("TableExport", "{n} rows do not fit in one Excel sheet; "
                                     "export to CSV.").format(n=len(rows)))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if kind == ".csv":
            with tmp.open("w", newline="", encoding="utf-8-sig") as out:
                writer = csv.writer(out)
                writer.writerow(safe_row(headers))
                for row in rows:
                    writer.writerow(safe_row(row))
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            # a sheet title is at most 31 characters and has no []:*?/\
            name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
            sheet = book.create_sheet(name)
            sheet.append(xlsx_row(sheet, headers))
            for row in rows:
                sheet.append(xlsx_row(sheet, row))
            book.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def export_table(session: Session, actor: Actor, *, path: Path, title: str,
                 headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Writes the shown table to ``path`` and records it in the audit trail; returns rows.
    Whoever can see the table may export what they see (the rows are as shown to them)."""
    require(actor, Action.APPLICATION_VIEW)
    written = write_table(path, title, headers, rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    audit.append(session, actor, action="table.export", entity_type="table", entity_id=title[:60],
                 after={
        "file": path.name, "rows": written, "sha256": digest})
    return written
