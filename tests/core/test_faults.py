"""Faults survived (issue 9): a process killed in the middle of an import, a scoring run or a
note save; a database server that drops the connection; a full disk; two people deciding one
case at once; a SQLite file another program holds. Each leaves the data whole and says why."""
from __future__ import annotations

import json
import multiprocessing
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from riskdesk.errors import DatabaseUnavailable, StaleVersion
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import work as cases
from riskdesk.services.intake.applications import import_file
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import actor_json, count_rows, intact, kill_half_way, sample, write_csv

# A child process that does one piece of work and, half way through (inside its transaction),
# writes a flag file and waits to be killed.










def test_sigkill_during_import_leaves_no_partial_batch(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    csv = write_csv(sample(3000, seed=9), tmp_path / "big.csv")
    reached = kill_half_way("import", sqlite_path, sqlite_actors["officer"], str(csv),
                            tmp_path, 0.7)
    assert reached == "Writing applications", reached
    intact(sqlite_path)
    assert (count_rows(sqlite_engine, "application"), count_rows(sqlite_engine, "import_batch")) == (0, 0)
    again = import_file(sqlite_engine, sqlite_actors["officer"], path=csv, score=False)
    assert again.inserted == 3000  # the file goes in whole afterwards


def test_sigkill_during_scoring_leaves_no_partial_decisions(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    csv = write_csv(sample(2000, seed=10), tmp_path / "apps.csv")
    import_file(sqlite_engine, sqlite_actors["officer"], path=csv, score=False)
    reached = kill_half_way("score", sqlite_path, sqlite_actors["officer"], "", tmp_path, 0.9)
    assert reached == "Opening cases", reached  # after scores and decisions were written
    intact(sqlite_path)
    assert [count_rows(sqlite_engine, t) for t in ("score", "decision_record", "review_case")] == [
        0, 0, 0]




def test_a_full_disk_refuses_the_import_and_changes_nothing(
        sqlite_path: Path, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    import_file(sqlite_engine, sqlite_actors["officer"],
                path=write_csv(sample(20, seed=1, prefix="A"), tmp_path / "a.csv"), score=False)
    before = count_rows(sqlite_engine, "application")
    pages = sqlite3.connect(sqlite_path).execute("PRAGMA page_count").fetchone()[0]
    small = make_engine(str(sqlite_path))

    @event.listens_for(small, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:  # the disk fills after a few pages
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")

    with pytest.raises(DatabaseUnavailable, match="full"):
        import_file(small, sqlite_actors["officer"],
                    path=write_csv(sample(3000, seed=2, prefix="B"), tmp_path / "b.csv"),
                    score=False)
    small.dispose()
    assert count_rows(sqlite_engine, "application") == before
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
            audit.append(session, sqlite_actors["admin"], action="test.event", entity_type="thing",
                         entity_id=1)
    assert time.monotonic() - started >= 0.35  # it waited first
    holder.execute("ROLLBACK")
    holder.close()
    with unit_of_work(engine) as session:  # free again: the same write goes through
        audit.append(session, sqlite_actors["admin"], action="test.event", entity_type="thing",
                     entity_id=1)
    engine.dispose()
    intact(sqlite_path)


def _decide(url: str, who: str, case_id: int, version: int, decision: str,
            barrier: Any, out: Any) -> None:
    from riskdesk.services.admin.users import sign_in
    from tests.conftest import PASSWORD

    engine = make_engine(url)
    with unit_of_work(engine) as session:  # signed in: a decision is signed (issue 24)
        actor = sign_in(session, username=json.loads(who)["name"], password=PASSWORD,
                        channel="test")
    assert actor is not None
    barrier.wait()
    try:
        with unit_of_work(engine) as session:
            cases.decide(session, actor, case_id=case_id, version=version, decision=decision,
                         reason=f"{decision} by process")
        out.put("won")
    except StaleVersion as exc:
        out.put(f"conflict: {exc}")
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        out.put(f"error: {exc!r}")
    finally:
        engine.dispose()


def test_two_processes_deciding_one_case_exactly_one_wins(
        engine: Engine, actors: dict[str, Actor], db_url: str, scored: tuple[int, int]) -> None:

    _, case_id = scored
    officer = actors["officer"]
    with unit_of_work(engine) as session:
        case = cases.claim(session, officer, case_id=case_id,
                           version=cases.get_case(session, case_id=case_id).version)
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_decide, args=(db_url, actor_json(officer), case_id, case.version,
                                                  decision, barrier, out))
               for decision in ("approve", "decline")]
    for w in workers:
        w.start()
    results = sorted(out.get(timeout=120) for _ in workers)
    for w in workers:
        w.join(timeout=60)
    assert results[1] == "won" and results[0].startswith("conflict:"), results
    with unit_of_work(engine, write=False) as session:
        final = cases.get_case(session, case_id=case_id)
        assert final.version == case.version + 1 and final.decision in ("approve", "decline")
        assert audit.verify(session).ok


