"""Export of a queue view to CSV or Excel: masked, audited, written whole or not at all.
Every text cell is formula-safe and Excel cells are typed text (security/cells.py); amounts,
PD and points stay numbers.

Rows stream by keyset pages, so a view of millions exports in bounded memory. The file is
written beside its target and renamed into place in the transaction that records the export;
a failure or a cancel leaves no file and no audit entry.
"""
from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from riskdesk.domain.enums import label
from riskdesk.errors import InvalidInput
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.security.cells import safe_row, xlsx_row
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.queue import CaseFilter, CaseRow, count_cases, export_rows
from riskdesk.services.permissions import Action, require
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

COLUMNS: list[tuple[str, str]] = [
    ("id", QT_TRANSLATE_NOOP("QueueExport", "Case")),
    ("application_no", QT_TRANSLATE_NOOP("QueueExport", "Application no.")),
    ("kind", QT_TRANSLATE_NOOP("QueueExport", "Kind")),
    ("status", QT_TRANSLATE_NOOP("QueueExport", "Status")),
    ("priority", QT_TRANSLATE_NOOP("QueueExport", "Priority")),
    ("due_at", QT_TRANSLATE_NOOP("QueueExport", "Due (UTC)")),
    ("name", QT_TRANSLATE_NOOP("QueueExport", "Applicant (masked)")),
    ("id_no_masked", QT_TRANSLATE_NOOP("QueueExport", "ID number (masked)")),
    ("product", QT_TRANSLATE_NOOP("QueueExport", "Product")),
    ("channel", QT_TRANSLATE_NOOP("QueueExport", "Channel")),
    ("amount", QT_TRANSLATE_NOOP("QueueExport", "Amount (CNY)")),
    ("pd", QT_TRANSLATE_NOOP("QueueExport", "PD")),
    ("points", QT_TRANSLATE_NOOP("QueueExport", "Points")),
    ("band", QT_TRANSLATE_NOOP("QueueExport", "Band")),
    ("flags", QT_TRANSLATE_NOOP("QueueExport", "Rule hits")),
    ("assignee", QT_TRANSLATE_NOOP("QueueExport", "Assignee")),
]
LABELLED = {"kind", "status", "product", "channel", "band"}
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows, less the header


def _cells(row: CaseRow) -> list[Any]:
    out: list[Any] = []
    for name, _ in COLUMNS:
        value = getattr(row, name)
        if name == "name":
            value = mask_name(value)
        elif name in LABELLED:
            value = label(value) if value else ""
        elif name in ("pd", "points", "amount") and value is not None and float(value) < 0:
            value = None  # "none" in the read model
        elif name == "amount" and value is not None:
            value = float(value)
        elif name == "due_at":
            value = value.strftime("%Y-%m-%d %H:%M")
        out.append(value)
    return out


def export_view(engine: Engine, actor: Actor, *, f: CaseFilter, path: Path, sort: str = "pd",
                descending: bool = True, state: TaskState | None = None) -> int:
    """Writes the view to ``path`` (.csv UTF-8 with BOM for Excel, or .xlsx); returns rows."""
    require(actor, Action.QUEUE_EXPORT)
    state = state or TaskState()
    kind = path.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise InvalidInput(translate("QueueExport", "Export to a .csv or .xlsx file, not {name}.")
                           .format(name=path.name))
    headers = [translate("QueueExport", text) for _, text in COLUMNS]
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with unit_of_work(engine, write=False) as session:
            total = count_cases(session, actor, f=f)
            if kind == ".xlsx" and total > EXCEL_MAX_ROWS:
                raise InvalidInput(translate(
                    "QueueExport", "{n} rows do not fit in one Excel sheet; export to CSV or "
                    "narrow the view.").format(n=f"{total:,}"))
            rows = _progress(export_rows(session, actor, f=f, sort=sort, descending=descending),
                             total, state)
            written = (_write_csv if kind == ".csv" else _write_xlsx)(tmp, headers, rows)
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        with unit_of_work(engine) as session:
            audit.append(session, actor, action="queue.export", entity_type="queue",
                         entity_id=f.view, after={
                "file": path.name, "rows": written, "sha256": digest, "sort": sort,
                "descending": descending,
                "filter": {k: v for k, v in asdict(f).items()
                           if v not in (None, (), "") and k not in ("id_no", "phone")},
                "searched_by_id_or_phone": bool(f.id_no or f.phone)})
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return written


def _progress(rows: Iterator[CaseRow], total: int, state: TaskState) -> Iterator[CaseRow]:
    for i, row in enumerate(rows):
        if i % 5000 == 0:
            state.progress(i / max(total, 1), translate("QueueExport", "{n} of {total} rows")
                           .format(n=f"{i:,}", total=f"{total:,}"))
        yield row


def _write_csv(path: Path, headers: list[str], rows: Iterator[CaseRow]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(safe_row(headers))
        for row in rows:
            writer.writerow(safe_row(_cells(row)))
            n += 1
    return n


def _write_xlsx(path: Path, headers: list[str], rows: Iterator[CaseRow]) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("QueueExport", "Cases"))
    sheet.append(xlsx_row(sheet, headers))
    n = 0
    for row in rows:
        sheet.append(xlsx_row(sheet, _cells(row)))
        n += 1
    book.save(path)
    return n
