"""Faults survived (issue 9): a process killed in the middle of an import, a scoring run or a
note save; a database server that drops the connection; a full disk; two people deciding one
case at once; a SQLite file another program holds. Each leaves the data whole and says why."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from riskdesk.errors import DatabaseUnavailable, StaleVersion
from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import work as cases
from riskdesk.services.intake.applications import import_file
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import ROOT, sample, write_csv

# A child process that does one piece of work and, half way through (inside its transaction),
# writes a flag file and waits to be killed.
CHILD = r"""
import json, sys, time
from pathlib import Path
from riskdesk.services.actor import Actor
from riskdesk.storage.engine import make_engine
from riskdesk.tasks import TaskState
job, db, flag, who, arg = sys.argv[1], sys.argv[2], Path(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
at = float(sys.argv[6])
actor = Actor(who["id"], who["name"], frozenset(who["roles"]))
engine = make_engine(db)

def stall(fraction, message=""):
    if fraction >= at and not flag.exists():
        flag.write_text(message or "stalled")
        time.sleep(120)

state = TaskState(stall)
if job == "import":
    from riskdesk.services.intake.applications import import_file
    import_file(engine, actor, Path(arg), state=state, score=False)
elif job == "score":
    from riskdesk.services.credit.scoring_job import score_applications
    score_applications(engine, actor, scope="all", state=state)
else:
    from riskdesk.services.cases import work as cases
    from riskdesk.storage.session import unit_of_work
    with unit_of_work(engine) as s:
        cases.save_draft(s, actor, int(arg), kind="phone", outcome="verified",
                         text="called the applicant: confirmed")
    with unit_of_work(engine) as s:
        cases.add_note(s, actor, int(arg), kind="phone", outcome="verified",
                       text="called the applicant: confirmed")
        stall(1.0, "note flushed, not committed")
"""


def _who(actor: Actor) -> str:
    return json.dumps({"id": actor.user_id, "name": actor.username, "roles": sorted(actor.roles)})


def kill_half_way(job: str, db: Path, actor: Actor, arg: str, tmp_path: Path,
                  at: float = 1.0) -> str:
    """Kill -9 the job once its progress reaches ``at`` (its writes under way, inside the
    transaction); returns the progress message it had reached."""
    flag = tmp_path / f"{job}.flag"
    child = subprocess.Popen([sys.executable, "-c", CHILD, job, str(db), str(flag), _who(actor),
                              arg, str(at)], cwd=ROOT, env=dict(os.environ),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not flag.exists():
        if child.poll() is not None:
            raise AssertionError(f"{job} ended before the kill: {child.stderr.read()!r}")
        assert time.monotonic() < deadline, f"{job} never reached half way"
        time.sleep(0.05)
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return flag.read_text()


def intact(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    engine = make_engine(str(db))
    with unit_of_work(engine, write=False) as session:
        assert audit.verify(session).ok
    engine.dispose()


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_sigkill_during_import_leaves_no_partial_batch(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    csv = write_csv(sample(3000, seed=9), tmp_path / "big.csv")
    reached = kill_half_way("import", sqlite_path, sqlite_actors["officer"], str(csv),
                            tmp_path, 0.7)
    assert reached == "Writing applications", reached
    intact(sqlite_path)
    assert (count(sqlite_engine, "application"), count(sqlite_engine, "import_batch")) == (0, 0)
    again = import_file(sqlite_engine, sqlite_actors["officer"], csv, score=False)
    assert again.inserted == 3000  # the file goes in whole afterwards


def test_sigkill_during_scoring_leaves_no_partial_decisions(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    from tests.test_scoring import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    csv = write_csv(sample(2000, seed=10), tmp_path / "apps.csv")
    import_file(sqlite_engine, sqlite_actors["officer"], csv, score=False)
    reached = kill_half_way("score", sqlite_path, sqlite_actors["officer"], "", tmp_path, 0.9)
    assert reached == "Opening cases", reached  # after scores and decisions were written
    intact(sqlite_path)
    assert [count(sqlite_engine, t) for t in ("score", "decision_record", "review_case")] == [
        0, 0, 0]


def test_sigkill_during_a_note_save_keeps_the_draft(
        qtbot: Any, sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    from riskdesk.ui.cases.detail import CaseDialog
    from tests.test_cases import scored_cases
    from tests.test_gui import FakeDialogs

    case_id, _ = scored_cases(sqlite_engine, sqlite_actors)
    officer = sqlite_actors["officer"]
    kill_half_way("note", sqlite_path, officer, str(case_id), tmp_path)
    intact(sqlite_path)
    assert count(sqlite_engine, "investigation_note") == 0  # the note never landed ...
    dialog = CaseDialog(Backend(sqlite_engine, officer), case_id, FakeDialogs())
    qtbot.addWidget(dialog)
    assert dialog.note_text.toPlainText() == "called the applicant: confirmed"  # ... its draft did


def test_a_full_disk_refuses_the_import_and_changes_nothing(
        sqlite_path: Path, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    import_file(sqlite_engine, sqlite_actors["officer"],
                write_csv(sample(20, seed=1, prefix="A"), tmp_path / "a.csv"), score=False)
    before = count(sqlite_engine, "application")
    pages = sqlite3.connect(sqlite_path).execute("PRAGMA page_count").fetchone()[0]
    small = make_engine(str(sqlite_path))

    @event.listens_for(small, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:  # the disk fills after a few pages
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")

    with pytest.raises(DatabaseUnavailable, match="full"):
        import_file(small, sqlite_actors["officer"],
                    write_csv(sample(3000, seed=2, prefix="B"), tmp_path / "b.csv"), score=False)
    small.dispose()
    assert count(sqlite_engine, "application") == before
    intact(sqlite_path)


def test_a_locked_sqlite_file_waits_then_says_so(
        sqlite_path: Path, sqlite_actors: dict[str, Actor], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.setenv("RISKDESK_SQLITE_BUSY_MS", "400")
    engine = make_engine(str(sqlite_path))
    holder = sqlite3.connect(sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writes and does not let go
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable, match="locked by another program"):
        with unit_of_work(engine) as session:
            audit.append(session, sqlite_actors["admin"], "test.event", "thing", 1)
    assert time.monotonic() - started >= 0.35  # it waited first
    holder.execute("ROLLBACK")
    holder.close()
    with unit_of_work(engine) as session:  # free again: the same write goes through
        audit.append(session, sqlite_actors["admin"], "test.event", "thing", 1)
    engine.dispose()
    intact(sqlite_path)


def _decide(url: str, who: str, case_id: int, version: int, decision: str,
            barrier: Any, out: Any) -> None:
    engine = make_engine(url)
    actor_data = json.loads(who)
    actor = Actor(actor_data["id"], actor_data["name"], frozenset(actor_data["roles"]))
    barrier.wait()
    try:
        with unit_of_work(engine) as session:
            cases.decide(session, actor, case_id, version, decision, f"{decision} by process")
        out.put("won")
    except StaleVersion as exc:
        out.put(f"conflict: {exc}")
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        out.put(f"error: {exc!r}")
    finally:
        engine.dispose()


def test_two_processes_deciding_one_case_exactly_one_wins(
        engine: Engine, actors: dict[str, Actor], db_url: str) -> None:
    from tests.test_cases import scored_cases

    _, case_id = scored_cases(engine, actors)
    officer = actors["officer"]
    with unit_of_work(engine) as session:
        case = cases.claim(session, officer, case_id, cases.get_case(session, case_id).version)
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_decide, args=(db_url, _who(officer), case_id, case.version,
                                                  decision, barrier, out))
               for decision in ("approve", "decline")]
    for w in workers:
        w.start()
    results = sorted(out.get(timeout=120) for _ in workers)
    for w in workers:
        w.join(timeout=60)
    assert results[1] == "won" and results[0].startswith("conflict:"), results
    with unit_of_work(engine, write=False) as session:
        final = cases.get_case(session, case_id)
        assert final.version == case.version + 1 and final.decision in ("approve", "decline")
        assert audit.verify(session).ok


@pytest.mark.server
def test_the_gui_survives_the_server_dropping_its_connections(qtbot: Any) -> None:
    from sqlalchemy import create_engine

    from riskdesk.storage import migrate
    from riskdesk.ui.main_window import MainWindow
    from tests.conftest import PG_ADMIN, add_users, server_database
    from tests.test_cases import scored_cases
    from tests.test_gui import FakeDialogs

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
        assert count(engine, "investigation_note") == 1
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
