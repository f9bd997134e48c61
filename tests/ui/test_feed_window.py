"""The Decision feed tab and its status-bar warning (issue 29, item 5): compliance sees the last
sequence, exported and acknowledged up to, the unacknowledged records (the overdue ones in
red) and the warning once records wait longer than the warning time; an officer has neither."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.feed import files
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.storage.session import unit_of_work


def test_feed_tab_shows_progress_and_unacknowledged_records(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],  # type: ignore[no-untyped-def]
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    from riskdesk.ui.feed import SEQ, FeedTab
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    with sqlite_engine.connect() as conn:
        total = int(conn.execute(text("SELECT count(*) FROM decision_feed")).scalar_one())
    with unit_of_work(sqlite_engine) as s:
        files.export(s, sqlite_actors["compliance"], out=tmp_path / "f.csv", since=0)
    acks = tmp_path / "acks.txt"
    acks.write_text("\n".join(str(i) for i in range(1, 6)))
    with unit_of_work(sqlite_engine) as s:
        files.acknowledge(s, sqlite_actors["compliance"], path=acks)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), FakeDialogs())
    qtbot.addWidget(window)
    tab = window.feed
    assert isinstance(tab, FeedTab)
    assert window.tabs.indexOf(tab) >= 0
    summary = tab.summary.text()
    assert f"Last sequence: {total}" in summary and f"Exported up to: {total}" in summary
    assert "Acknowledged up to: 5" in summary and tab.model.rowCount() == total - 5
    assert tab.model.index(0, SEQ).data() == "6" and not tab.warning.text()
    assert window.feed_label.text() == ""
    assert tab.model.index(0, SEQ).data(Qt.ItemDataRole.ForegroundRole) is None
    with shifted(utcnow() + timedelta(hours=3)):
        later = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), FakeDialogs())
        qtbot.addWidget(later)
        assert later.feed is not None
        assert f"{total - 5} record(s) not acknowledged within 2 hours" in \
            later.feed.warning.text()
        assert str(total - 5) in later.feed_label.text()
        assert later.feed.model.index(0, SEQ).data(Qt.ItemDataRole.ForegroundRole) is not None
        officer = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
        qtbot.addWidget(officer)
        assert officer.feed is None and officer.feed_label.text() == ""
