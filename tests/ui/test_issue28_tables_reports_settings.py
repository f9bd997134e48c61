"""Issue 28 (item 1 and 4): a list that was empty when its tab opened sizes its columns from
the rows that come (no "TS-2…"); every table exports what it shows, formula-safe and masked by
role; the Reports tab picks the month with a month chooser and fits its preview to the pane;
compliance sees and changes the bank's time zone in Settings (audited), others only see it."""
from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import handling
from riskdesk.services.periods import business_zone
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.complaints.tab import ComplaintsTab
from riskdesk.ui.month_picker import MonthPicker
from riskdesk.ui.reports import ReportsTab
from riskdesk.ui.settings_dialog import SettingsDialog
from riskdesk.ui.table_tools import export_view
from tests.ui.fakes import FakeDialogs


def _register(engine: Engine, actor: Actor, name: str) -> int:
    with unit_of_work(engine) as s:
        c = handling.register(s, actor, channel="phone", category="service_quality",
                              description="=HYPERLINK(\"x\")", complainant_name=name,
                              received_at=utcnow(s) - timedelta(days=1))
        return c.id or 0


def test_columns_follow_rows_that_come_after_an_empty_start(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """issue 28: with an empty list, registering a complaint left every column at its
    header's width ("TS-2…")."""
    officer = sqlite_actors["officer"]
    tab = ComplaintsTab(Backend(sqlite_engine, officer), FakeDialogs(), open_case=lambda _: None)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    assert tab.model.rowCount() == 0
    _register(sqlite_engine, officer, "张三")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.columnWidth(0) >= tab.table.sizeHintForColumn(0))
    assert tab.model.rowCount() == 1
    number = tab.model.index(0, 0).data()
    width = tab.table.fontMetrics().horizontalAdvance(number)
    assert tab.table.columnWidth(0) > width  # the whole number shows


def test_a_table_exports_what_it_shows_masked_and_formula_safe(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    _register(sqlite_engine, sqlite_actors["officer"], "=张三丰")
    dialogs = FakeDialogs()
    auditor = sqlite_actors["auditor"]
    tab = ComplaintsTab(Backend(sqlite_engine, auditor), dialogs, open_case=lambda _: None)
    qtbot.addWidget(tab)
    dialogs.export_path = tmp_path / "complaints.csv"
    assert export_view(tab.table, tab.backend, dialogs, "complaints") == 1
    with dialogs.export_path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == tab.model.headerData(0, Qt.Orientation.Horizontal)
    shown = tab.model.index(0, 4).data()  # the complainant as the auditor sees it
    assert "三丰" not in shown  # masked for an auditor (issue 25)
    assert rows[1][4] == ("'" + shown if shown.startswith("=") else shown)
    assert not any(cell.startswith("=") for row in rows for cell in row)
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                 "'table.export'")).scalar_one() == 1


def test_reports_tab_month_chooser_and_preview_fits(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    tab = ReportsTab(Backend(sqlite_engine, sqlite_actors["compliance"]), FakeDialogs())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    assert isinstance(tab.month, MonthPicker) and len(tab.month.month()) == 7
    tab.issue_monthly()
    qtbot.waitUntil(lambda: tab.pages_layout.count() > 0, timeout=60000)
    page = tab.pages_layout.itemAt(0).widget()
    assert page.width() <= tab.preview_area.viewport().width()  # not cut on the right
    qtbot.waitUntil(lambda: tab.preview_area.horizontalScrollBar().maximum() == 0)
    tab.zoom.setCurrentIndex(tab.zoom.findData(2.0))
    wide = tab.pages_layout.itemAt(0).widget()
    assert wide.width() > tab.preview_area.viewport().width()  # zoomed in: it scrolls


def test_settings_show_the_zone_compliance_changes_it_audited(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    officer = SettingsDialog(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer)
    assert officer.zone.currentText() == "Asia/Shanghai" and not officer.zone.isEnabled()
    dialogs = FakeDialogs()
    compliance = SettingsDialog(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(compliance)
    assert compliance.zone.isEnabled()
    compliance.zone.setCurrentText("Asia/Hong_Kong")
    compliance.save()
    assert not dialogs.errors, dialogs.errors
    with unit_of_work(sqlite_engine, write=False) as s:
        assert business_zone(s) == "Asia/Hong_Kong"
    with sqlite_engine.connect() as conn:
        assert conn.execute(text(
            "SELECT actor FROM audit_event WHERE action = 'setting.change' AND entity_id = "
            "'report.time_zone' ORDER BY seq DESC")).first()[0] == "compliance"
