"""The signed-in main window starts without the heavy numeric packages (issue 35)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from riskdesk.bench.start import HEAVY, start_once
from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from tests.conftest import PASSWORD


def test_signed_in_window_loads_none_of_the_heavy_packages(
        sqlite_engine: Engine, sqlite_scored: tuple[int, int], sqlite_path: Path) -> None:
    """Issue 35: built and shown in a fresh process (this one has imported them all), the
    officer's main window on a scored database has loaded none of XGBoost, scikit-learn,
    SciPy and pandas: they load on first use, not before the first window."""
    sqlite_engine.dispose()
    start = start_once("signed-in", db=str(sqlite_path), user="officer",
                       env={"RISKDESK_PASSWORD": PASSWORD})
    assert start.phases and start.seconds > 0 and start.peak_mib > 0
    assert set(HEAVY) == {"xgboost", "sklearn", "scipy", "pandas"}
    assert start.heavy == (), f"loaded before the window showed: {start.heavy}"
    # a database at this riskdesk's schema is opened without Alembic (part 2)
    assert start.schema_tools == (), f"loaded to open the database: {start.schema_tools}"


def test_the_main_window_reads_each_table_once_in_the_order_it_shows(
        qtbot: Any, sqlite_engine: Engine, sqlite_scored: tuple[int, int],
        sqlite_actors: dict[str, Actor], monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 35: setting up the queue and the applications table sorts several times (Qt
    sorts on setSortingEnabled and on each sort indicator, a saved header sorts again); the
    count and first page are read once per table, and once more only for a saved header's
    other order, which the rows then follow."""
    from PySide6.QtCore import QSettings, Qt

    from riskdesk.ui.cases.model import FIELDS
    from riskdesk.ui.cases.queue_view import header_key, save_header
    from riskdesk.ui.main_window import MainWindow
    from riskdesk.ui.paged_model import PagedTableModel
    from tests.ui.fakes import FakeDialogs

    reads: list[str] = []
    read = PagedTableModel.reload

    def counted(model: PagedTableModel) -> None:
        reads.append(type(model).__name__)
        read(model)

    monkeypatch.setattr(PagedTableModel, "reload", counted)
    officer = sqlite_actors["officer"]
    QSettings().remove(header_key(officer.username, "queue"))
    window = MainWindow(Backend(sqlite_engine, officer), FakeDialogs())
    qtbot.addWidget(window)
    assert sorted(reads) == ["ApplicationsModel", "CasesModel"]
    queue = window.cases_model
    assert queue.rowCount() > 1
    priorities = [queue.row_at(i).priority for i in range(queue.rowCount())]
    assert priorities == sorted(priorities)  # the header's priority order
    # the roles a cell answers, the others none (data() returns early for them)
    amount = queue.index(0, FIELDS.index("amount"))
    assert queue.data(amount, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert queue.data(queue.index(0, FIELDS.index("kind")),
                      Qt.ItemDataRole.TextAlignmentRole) is None
    assert queue.data(amount, Qt.ItemDataRole.DisplayRole)
    assert queue.data(amount, Qt.ItemDataRole.FontRole) is None
    assert queue.headerData(FIELDS.index("amount"), Qt.Orientation.Horizontal) == "Amount (CNY)"
    assert queue.headerData(0, Qt.Orientation.Vertical) is None
    header = window.cases_table.horizontalHeader()
    header.setSortIndicator(FIELDS.index("pd"), Qt.SortOrder.DescendingOrder)
    save_header(header, officer.username, "queue")
    try:
        reads.clear()
        again = MainWindow(Backend(sqlite_engine, officer), FakeDialogs())
        qtbot.addWidget(again)
        assert sorted(reads) == ["ApplicationsModel", "CasesModel", "CasesModel"]
        pds = [again.cases_model.row_at(i).pd for i in range(again.cases_model.rowCount())]
        assert pds == sorted(pds, reverse=True) and pds[0] != pds[-1]
    finally:
        QSettings().remove(header_key(officer.username, "queue"))
