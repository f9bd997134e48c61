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


def test_an_administrator_sets_the_feed_folder_and_warning_in_settings(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    """Issue 29, item 4: the feed folder is set in Settings by an administrator (audited in the
    service); compliance sees it but cannot change it."""
    from PySide6.QtCore import QSettings

    from riskdesk.ui.main_window import MainWindow
    from riskdesk.ui.settings_dialog import DB_KEY, LANGUAGE_KEY
    from tests.ui.fakes import FakeDialogs

    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["admin"]), dialogs)
    qtbot.addWidget(window)
    d = window.open_settings()
    assert d.feed_folder.text() == "" and d.feed_hours.value() == 2
    d.feed_folder.setText(str(tmp_path / "feed"))
    d.feed_hours.setValue(4)
    d.save()
    assert not dialogs.errors
    with unit_of_work(sqlite_engine, write=False) as s:
        assert files.feed_folder(s) == tmp_path / "feed" and files.warn_hours(s) == 4
    with sqlite_engine.connect() as conn:
        after = conn.execute(text("SELECT after FROM audit_event WHERE action = "
                                  "'setting.change' AND entity_id = 'feed'")).scalar_one()
    assert '"warn_hours":4' in after
    other = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), FakeDialogs())
    qtbot.addWidget(other)
    shown = other.open_settings()
    assert shown.feed_folder.text() == str(tmp_path / "feed")
    assert not shown.feed_folder.isEnabled() and not shown.feed_hours.isEnabled()
    QSettings().remove(DB_KEY)
    QSettings().remove(LANGUAGE_KEY)
