"""The Post-loan tab's charts with their drill-down to a loan, and the Partners tab's
threshold highlights and banner (issue 28)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.partners import register as partners
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.loans.loan_list import LoanListDialog
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.partners import CAPITAL, LEVEL_COLORS, LOWEST_SHARE, NEAR, OVER
from riskdesk.ui.table_tools import export_action
from tests.helpers import Book, approved, register_partner
from tests.ui.fakes import FakeDialogs

START = date(2026, 4, 1)


def _book(engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """"a" stops paying in September, "b" and "c" in October, "d" in November (normal in
    October, special mention in November: the one loan of that roll-rate cell)."""
    register_partner(engine, actors, "P1")
    register_partner(engine, actors, "P2")
    b = Book(approved(engine, actors, 8))
    b.loan("a", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(5, 13)})
    b.loan("b", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(6, 13)})
    b.loan("c", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(6, 13)})
    b.loan("d", start=START, paid={k: (None, 0) for k in range(7, 13)})
    for i in range(3):
        b.loan(f"ok{i}", start=START, partner="P1", share=40)
    b.loan("thin", start=START, partner="P2", share=20)  # below the 30 % minimum
    b.load(engine, actors["officer"], tmp_path)
    run_monitoring(engine, actors["officer"], as_of=date(2026, 10, 25))
    run_monitoring(engine, actors["officer"], as_of=date(2026, 11, 20))


def _cell_centre(table: Any, row: int, column: int) -> QPoint:
    return table.visualItemRect(table.item(row, column)).center()


def test_roll_rate_cell_lists_its_loans_and_a_loan_opens_its_window(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """Issue 28: clicking the normal -> special mention cell of November's roll-rate matrix
    lists the one loan that moved; double-clicking it opens the loan's window."""
    _book(sqlite_engine, sqlite_actors, tmp_path)
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window.show()
    tab = window.postloan
    window.tabs.setCurrentWidget(tab)
    tab.month.setText("2026-11")
    assert tab.charts is not None and tab.charts.month == "2026-11"
    assert tab.roll_rows == ["normal", "special_mention"]
    moved = tab.roll.item(0, 2)  # from normal (row) to special mention (column 2)
    assert moved.text() != "0.0 %"
    # coloured by rate: moving worse is red, the bigger the share the deeper
    assert moved.background().color().red() > moved.background().color().blue()
    qtbot.mouseClick(tab.roll.viewport(), Qt.MouseButton.LeftButton,
                     pos=_cell_centre(tab.roll, 0, 2))
    listed = tab.loan_list
    assert isinstance(listed, LoanListDialog) and not dialogs.errors
    assert [x.loan_no for x in listed.loans] == ["LN-d"]
    assert listed.table.rowCount() == 1 and listed.table.item(0, 0).text() == "LN-d"
    where = _cell_centre(listed.table, 0, 0)
    qtbot.mouseClick(listed.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert listed.loan_window is None  # one click selects
    qtbot.mouseDClick(listed.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    loan = listed.loan_window
    assert loan is not None and loan.view.loan.loan_no == "LN-d"
    assert "LN-d" in loan.windowTitle() and loan.history.rowCount() == 2
    # the loan list and every table of the loan window export (issue 28)
    assert export_action(listed.table) is not None
    assert all(export_action(t) for t in (loan.schedule, loan.history, loan.flows, loan.alerts))
    # an overdue bucket bar lists its loans too
    window.resize(1280, 800)
    window.activateWindow()
    tab.bucket_chart.update()
    qtbot.waitUntil(lambda: bool(tab.bucket_chart.hits))
    rect, _, _ = next(h for h in tab.bucket_chart.hits if h[1] == 1)  # 31-60 days
    qtbot.mouseClick(tab.bucket_chart, Qt.MouseButton.LeftButton,
                     pos=rect.center().toPoint())
    assert sorted(x.loan_no for x in tab.loan_list.loans) == ["LN-b", "LN-c"]


def test_a_month_without_figures_is_refused_in_the_tab(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """Issue 28: a future month says there is no data instead of showing zeros."""
    _book(sqlite_engine, sqlite_actors, tmp_path)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    tab = window.postloan
    tab.month.setText("2026-11")
    assert tab.categories.rowCount() == 5
    tab.month.setText("2027-02")
    assert "no post-loan figures for 2027-02" in tab.summary.text()
    assert "2026-10 to 2026-11" in tab.summary.text()
    assert tab.categories.rowCount() == 0 and tab.roll.rowCount() == 0 and tab.charts is None


def test_partner_thresholds_highlighted_with_a_banner(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """Issue 28: a partner funding less than 30 % of a joint loan is marked red, one at 80 %
    of the 25 % tier-1 capital limit amber, and the banner says so; the trend is drawn."""
    _book(sqlite_engine, sqlite_actors, tmp_path)
    compliance = sqlite_actors["compliance"]
    window = MainWindow(Backend(sqlite_engine, compliance), FakeDialogs())
    qtbot.addWidget(window)
    tab = window.partners
    tab.month.setText("2026-11")
    assert tab.position is not None
    rows = {p.row.code: r for r, p in enumerate(tab.position.partners)}
    thin = tab.performance_table.item(rows["P2"], LOWEST_SHARE)
    assert thin.background().color() == LEVEL_COLORS[OVER]
    fine = tab.performance_table.item(rows["P1"], LOWEST_SHARE)
    assert fine.background().color() not in LEVEL_COLORS.values()
    assert tab.banner.isVisibleTo(tab) and "P2" in tab.banner.text()
    assert tab.trend_chart.series and tab.trend_chart.labels[-1] == "2026-11"
    bank = float(tab.position.joint.by_partner["P1"])
    with unit_of_work(sqlite_engine) as s:  # P1 at 22 % of tier-1 capital: near the limit
        partners.set_capital(s, compliance, effective=date(2026, 1, 1), tier1=f"{bank / 0.22:.2f}",
                             balance=f"{bank * 100:.2f}")
    tab.reload()
    near = tab.performance_table.item(rows["P1"], CAPITAL)
    assert near.background().color() == LEVEL_COLORS[NEAR]
    assert "tier-1" in near.toolTip()
