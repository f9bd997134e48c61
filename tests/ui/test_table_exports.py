"""Every table exports from its context menu (issue 28, item 4): each QTableView on every tab
of the main window, and in the windows of their own (users, evidence, import problems); the
queue through its own service export, the others through export_table (audited)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtWidgets import QTableView
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import handling
from riskdesk.services.intake.applications import ImportResult
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.admin import AdminDialog
from riskdesk.ui.evidence import EvidencePanel
from riskdesk.ui.import_problems import ImportProblemsDialog
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.table_tools import export_action
from tests.ui.fakes import FakeDialogs

EXPORT = "Export to Excel/CSV..."


def _tables(widget: Any) -> list[QTableView]:
    return widget.findChildren(QTableView)


def test_every_table_has_the_export_in_its_context_menu(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """issue 28: queue, post-loan, partners, loan window, users, evidence, import problems
    and decision feed tables had no export."""
    dialogs = FakeDialogs()
    backend = Backend(sqlite_engine, sqlite_actors["compliance"])
    window = MainWindow(backend, dialogs)
    qtbot.addWidget(window)
    seen: dict[str, int] = {}
    for i in range(window.tabs.count()):
        page = window.tabs.widget(i)
        for view in _tables(page):
            action = export_action(view)
            assert action is not None and action.text() == EXPORT, (
                window.tabs.tabText(i), view.objectName() or type(view).__name__)
            seen[window.tabs.tabText(i)] = seen.get(window.tabs.tabText(i), 0) + 1
    for tab in ("Case queue", "Applications", "Complaints", "Post-loan", "Reports",
                "Partners", "Audit findings", "Decision feed"):
        assert seen.get(tab), (tab, seen)
    queue = export_action(window.cases_table)
    assert queue is not None and queue.isEnabled()  # compliance may export the queue

    with unit_of_work(sqlite_engine) as s:
        complaint = handling.register(s, sqlite_actors["officer"], channel="phone",
                                      category="service_quality", description="slow reply",
                                      complainant_name="张三")
    admin = Backend(sqlite_engine, sqlite_actors["admin"])
    users = AdminDialog(admin, dialogs)
    evidence = EvidencePanel(backend, dialogs, complaint_id=complaint.id)
    problems = ImportProblemsDialog(ImportResult(
        "refused", None, "a.csv", "", "csv", 2, rejected=1,
        problems=pd.DataFrame([{"row": 2, "column": "amount", "value": "=1+1", "reason": "x"}])),
        window)
    for widget in (users, evidence, problems):
        qtbot.addWidget(widget)
        assert _tables(widget) and all(export_action(v) for v in _tables(widget)), widget

    # a plain table widget (the users list) writes what it shows, audited
    dialogs.export_path = tmp_path / "users.csv"
    action = export_action(users.table)
    assert action is not None
    action.trigger()
    with dialogs.export_path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == users.table.rowCount() + 1 and "admin" in {r[0] for r in rows}
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                 "'table.export'")).scalar_one() == 1
