"""Faults met in the window: a killed note save keeps its draft; a server dropping its connections."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.storage.engine import make_engine
from tests.helpers import count_rows, intact, kill_half_way


def test_sigkill_during_a_note_save_keeps_the_draft(
        qtbot: Any, sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path, sqlite_scored: tuple[int, int]) -> None:
    from riskdesk.ui.cases.detail import CaseDialog
    from tests.ui.fakes import FakeDialogs

    case_id, _ = sqlite_scored
    officer = sqlite_actors["officer"]
    kill_half_way("note", sqlite_path, officer, str(case_id), tmp_path)
    intact(sqlite_path)
    assert count_rows(sqlite_engine, "investigation_note") == 0  # the note never landed ...
    dialog = CaseDialog(Backend(sqlite_engine, officer), case_id, FakeDialogs())
    qtbot.addWidget(dialog)
    assert dialog.note_text.toPlainText() == "called the applicant: confirmed"  # ... its draft did


@pytest.mark.server
def test_the_gui_survives_the_server_dropping_its_connections(qtbot: Any) -> None:
    from sqlalchemy import create_engine

    from riskdesk.storage import migrate
    from riskdesk.ui.main_window import MainWindow
    from tests.conftest import PG_ADMIN, add_users, server_database
    from tests.helpers import scored_cases
    from tests.ui.fakes import FakeDialogs

    for url in server_database("postgresql"):
        engine = make_engine(url)
        migrate.upgrade(engine)
        actors = add_users(engine)
        case_id, _ = scored_cases(engine, actors)
        dialogs = FakeDialogs()
        window = MainWindow(Backend(engine, actors["officer"]), dialogs)
        qtbot.addWidget(window)
        d = window.open_case_id(case_id)
        d.note_text.setPlainText("typed before the server dropped us")
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:  # the server ends every session of this database
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                ":db AND pid <> pg_backend_pid()"), {"db": engine.url.database}).scalar_one()
        admin.dispose()
        assert killed >= 1
        d.add_note()  # the next action reconnects and saves what was typed
        assert not dialogs.errors, dialogs.errors
        assert count_rows(engine, "investigation_note") == 1
        window.refresh()
        assert window.cases_model.rowCount() > 0
        # a server that is gone altogether: a clear message, and the text stays typed
        d.note_text.setPlainText("second note, server down")
        d.backend = Backend(make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nowhere"),
                            actors["officer"])
        d.add_note()
        assert dialogs.errors and "database" in dialogs.errors[-1][1].lower()
        assert d.note_text.toPlainText() == "second note, server down"
        d.backend = window.backend
        d.close()
        window.close()
        engine.dispose()
