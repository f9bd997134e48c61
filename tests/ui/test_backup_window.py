"""Backups the window makes (issue 12)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.storage.session import unit_of_work
from tests.helpers import audit_events_in


def test_closing_the_window_makes_a_backup(qtbot, sqlite_engine: Engine,  # type: ignore[no-untyped-def]
                                           sqlite_actors: dict[str, Actor],
                                           tmp_path: Path) -> None:
    from riskdesk.services.admin import settings
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    with unit_of_work(sqlite_engine) as session:
        settings.set_backups(session, sqlite_actors["admin"], keep=2,
                             folder=str(tmp_path / "auto"))
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                 "'setting.change'")).scalar_one() == 1
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    window.close()
    files = list((tmp_path / "auto").glob("riskdesk-backup-*.sqlite"))
    assert len(files) == 1 and audit_events_in(files[0]) >= 1
