"""The bulk write path on every database (issue 34): COPY on PostgreSQL, multi-row INSERT
batches on MariaDB, the driver's executemany on SQLite. A file stopped half-way through the
bulk writes, or whose audit event fails, leaves no row behind; a committed one has its audit
event; a constraint broken inside a bulk write is SQLAlchemy's IntegrityError everywhere."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    exc,
    func,
    select,
    text,
)
from sqlalchemy.dialects import mysql

from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures, ImportBatch
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.tables import table_of
from riskdesk.errors import Cancelled
from riskdesk.services.intake import applications as service
from riskdesk.services.intake.applications import import_file
from riskdesk.storage import bulk, mysql_keys, mysql_load, unique_keys
from riskdesk.storage.bulk import bound_columns, insert_columns, scalar_value
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState
from tests.helpers import sample, write_csv

TABLES = (Applicant, Application, ApplicationFeatures, ImportBatch)
# MariaDB's own bulk path (LOAD DATA, keys checked once): these tests run there alone
ON_MARIADB = pytest.mark.parametrize(
    "db_url", [pytest.param("mariadb", marks=pytest.mark.server)], indirect=True)


def _counts(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine, write=False) as session:
        counts = {t.__name__: int(session.scalar(select(func.count()).select_from(t)) or 0)
                  for t in TABLES}
        counts["import.commit"] = int(session.scalar(
            select(func.count()).select_from(AuditEvent)
            .where(AuditEvent.action == "import.commit")) or 0)
    return counts


def test_a_stopped_or_unaudited_bulk_write_leaves_no_row(
        engine: Engine, actors: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34: on the server bulk paths too, the whole file or nothing, and the audit event
    in the same transaction as the rows."""
    officer = actors["officer"]
    # the first-load tricks (indexes and, on PostgreSQL, foreign keys set aside and checked
    # after the load) at a test's size
    for name in ("deferred_foreign_keys", "deferred_sqlite_indexes"):
        monkeypatch.setattr(service, name, functools.partial(getattr(bulk, name), minimum=1))
    # and MariaDB's: rows by LOAD DATA LOCAL from memory, foreign keys checked once
    monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1)
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    frame = sample(40, seed=34)
    path = write_csv(frame, tmp_path / "bulk.csv")
    empty = _counts(engine)
    assert empty == dict.fromkeys(empty, 0)

    # Stopped inside the second table's bulk write, the applicants already written.
    calls: list[str] = []

    def cancel_on_second_write(_fraction: float, message: str) -> None:
        calls.append(message)
        if calls.count("Writing applications") == 2:
            state.cancel()

    state = TaskState(cancel_on_second_write)
    with pytest.raises(Cancelled):
        import_file(engine, officer, path=path, score=False, state=state)
    assert calls.count("Writing applications") == 2
    assert _counts(engine) == empty

    # The audit event fails after every bulk write: nothing stays either.
    def broken_append(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("audit trail unavailable")

    with monkeypatch.context() as patch:
        patch.setattr(service.audit, "append", broken_append)
        with pytest.raises(RuntimeError, match="audit trail unavailable"):
            import_file(engine, officer, path=path, score=False)
    assert _counts(engine) == empty

    # Committed: the rows and their one audit event, naming the batch the rows point at.
    result = import_file(engine, officer, path=path, score=False)
    assert (result.inserted, result.refused) == (40, False)
    assert _counts(engine) == {"Applicant": frame["id_no"].nunique(), "Application": 40, "ApplicationFeatures": 40,
                               "ImportBatch": 1, "import.commit": 1}
    with unit_of_work(engine, write=False) as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "import.commit")).one()
        batches = set(session.scalars(select(Application.batch_id)))
    assert batches == {result.batch_id} and event.entity_id == str(result.batch_id)
    # Each application points at its own applicant and features, however the ids were known
    # (drawn before the insert, or read from MariaDB's multi-row inserts).
    with engine.connect() as conn:
        stored = {tuple(r) for r in conn.execute(text(
            "SELECT a.application_no, p.name, f.application_id FROM application a "
            "JOIN applicant p ON p.id = a.applicant_id "
            "JOIN application_features f ON f.application_id = a.id"))}
    assert {(no, name) for no, name, _ in stored} == set(zip(
        frame["application_no"], frame["name"], strict=True)) and len(stored) == 40

    # A constraint broken inside one bulk write: IntegrityError, and the write rolled back.
    batch = table_of(ImportBatch)
    row = {"file_name": "dup.csv", "sha256": "0" * 64, "rows_total": 1, "rows_inserted": 0,
           "rows_present": 0, "rows_conflict": 0, "rows_rejected": 0, "username": "x",
           "outcome": "committed", "message": ""}
    with pytest.raises(exc.IntegrityError), unit_of_work(engine) as session:
        conn = session.connection()
        stamp = scalar_value(conn, datetime(2026, 11, 25, 4, 0))
        insert_columns(conn, batch, {"id": [10**6, 10**6], **{k: [v, v] for k, v in row.items()},
                                     "started_at": [stamp, stamp]})
    assert _counts(engine)["ImportBatch"] == 1

    # Foreign keys set aside for a load are checked when they come back: a row pointing
    # nowhere fails the load as its INSERT would have, and the keys are there after.
    features = table_of(ApplicationFeatures)
    for _ in range(2):
        with pytest.raises(exc.IntegrityError), unit_of_work(engine) as session:
            conn = session.connection()
            with bulk.deferred_foreign_keys(conn, [features.name], rows_added=10**6, minimum=1):
                insert_columns(conn, features, {"application_id": [10**7]})
    assert _counts(engine)["ApplicationFeatures"] == 40


def test_bulk_values_come_back_as_written(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                          ) -> None:
    """Every kind of value the bulk path writes comes back as given: on MariaDB its literals
    are built a column at a time by Arrow (text escaped as the driver escapes it, whatever
    the server's backslash mode), the rows split over several statements and their ids read
    from them in row order."""
    monkeypatch.setattr(bulk, "MYSQL_STATEMENT_BYTES", 2_000)  # several statements per chunk
    monkeypatch.setattr(bulk, "CHUNK", 70)
    meta = MetaData()
    table = Table("bulk_values", meta, Column("id", Integer, primary_key=True),
                  Column("s", String(200)), Column("f", Double), Column("b", Boolean),
                  Column("i", BigInteger), Column("d", Date),
                  Column("t", DateTime().with_variant(mysql.DATETIME(fsp=6), "mariadb", "mysql")),
                  Column("x", LargeBinary), Column("m", Numeric(20, 2)), Column("z", String(5)))
    meta.create_all(engine)
    special = "\\'\"\0\n\r\x1a%_ 王秀英😀\t"
    if engine.dialect.name == "postgresql":  # its text holds no NUL character
        special = special.replace("\0", "?")
    rows = [{"s": None if k % 7 == 0 else special[k % 15:] + str(k) + special[:k % 15],
             "f": None if k % 5 == 0 else (k - 100) * 10.0 ** (k % 30 - 15),
             "b": None if k % 6 == 0 else k % 2 == 0,
             "i": None if k % 8 == 0 else (k * 7919 - 10**6) * (2**40 if k % 3 else 1),
             "t": None if k % 9 == 0 else datetime(2026, 1, 1) + timedelta(
                 seconds=k * 86_413, microseconds=0 if k % 4 else k * 997),
             "d": None if k % 10 == 0 else date(2000, 1, 1) + timedelta(days=k * 37),
             "x": None if k % 11 == 0 else bytes(range(k % 40)) + b"\0'\\",
             "m": None if k % 12 == 0 else Decimal(k * 1013 - 50_000) / 100, "z": None}
            for k in range(200)]
    loads = _spy_loads(monkeypatch)
    # On MariaDB by multi-row INSERTs, then by LOAD DATA LOCAL from memory, in both modes.
    for loading, backslash in ((False, True), (False, False), (True, True), (True, False)):
        monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1 if loading else 10**9)
        with unit_of_work(engine) as session:
            conn = session.connection()
            kind = conn.dialect.name
            if not backslash or loading:
                if kind not in ("mysql", "mariadb"):
                    break
            if not backslash:
                conn.exec_driver_sql("SET SESSION sql_mode = "
                                     "CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
            conn.execute(table.delete())
            ids: list[int] | None = [] if bulk.consecutive_ids(conn) else None
            before = len(loads)
            insert_columns(conn, table, bound_columns(conn, table, rows), ids=ids)
            assert (len(loads) > before) == loading  # the path meant
            back = conn.execute(select(table).order_by(table.c.id)).mappings().all()
            if ids is not None:
                assert ids == [r["id"] for r in back]
        assert [{k: v for k, v in r.items() if k != "id"} for r in back] == rows, backslash

    # Updated in bulk (on the servers through a temporary table and one joined UPDATE), in the
    # unit of work's transaction: an error after it leaves the rows as they were.
    ids = [r["id"] for r in back]
    changed = [{"id": i, "s": None if k % 3 else f"{special}{k}", "i": k, "b": k % 2 == 1}
               for k, i in enumerate(ids)]
    with pytest.raises(RuntimeError, match="after the update"), \
            unit_of_work(engine) as session:
        conn = session.connection()
        bulk.update_columns(conn, table, bound_columns(conn, table, changed), keys=["id"])
        raise RuntimeError("after the update")
    with engine.connect() as conn:
        assert [dict(r) for r in conn.execute(select(table).order_by(table.c.id))
                .mappings()] == [dict(r) for r in back]
    with unit_of_work(engine) as session:
        conn = session.connection()
        assert bulk.update_columns(conn, table, bound_columns(conn, table, changed),
                                   keys=["id"]) == len(ids)
    with engine.connect() as conn:
        now = conn.execute(select(table).order_by(table.c.id)).mappings().all()
    assert [{**r, **c} for r, c in zip(back, changed, strict=True)] == [dict(r) for r in now]
    # A key given twice: the last row's values, as row-by-row updates leave them.
    twice = [*changed, {"id": ids[0], "s": "last", "i": -1, "b": None}]
    with unit_of_work(engine) as session:
        conn = session.connection()
        bulk.update_columns(conn, table, bound_columns(conn, table, twice), keys=["id"])
        first = conn.execute(select(table.c.s, table.c.i, table.c.b)
                             .where(table.c.id == ids[0])).one()
    assert tuple(first) == ("last", -1, None)


def test_a_statement_failing_mid_stream_rolls_back_every_statement(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unique key broken in a late statement of a many-statement bulk write (on MariaDB
    the next statement is being built while the driver runs this one on its thread): the
    write raises IntegrityError, no row of any statement is left, and the connection works
    on."""
    monkeypatch.setattr(bulk, "MYSQL_STATEMENT_BYTES", 1_000)  # many statements
    monkeypatch.setattr(bulk, "CHUNK", 90)
    meta = MetaData()
    table = Table("bulk_unique", meta, Column("id", Integer, primary_key=True),
                  Column("u", String(40), unique=True))
    meta.create_all(engine)
    values = [f"value-{k:05d}" for k in range(400)]
    values[371] = values[12]  # the late statement's duplicate
    with pytest.raises(exc.IntegrityError), unit_of_work(engine) as session:
        insert_columns(session.connection(), table, {"u": values})
    with unit_of_work(engine) as session:
        conn = session.connection()
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        insert_columns(conn, table, {"u": values[:12] + values[13:]})
    with unit_of_work(engine, write=False) as session:
        assert session.connection().execute(
            select(func.count()).select_from(table)).scalar_one() == 399


def _spy_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The row counts of the LOAD DATA statements MariaDB's bulk path sends from now on."""
    loads: list[int] = []
    real = mysql_load.load

    def spy(cursor: Any, sql: str, data: Any, rows: int, ids: list[int] | None) -> None:
        loads.append(rows)
        real(cursor, sql, data, rows, ids)

    monkeypatch.setattr(mysql_load, "load", spy)
    return loads


def _checks(conn: Any) -> int:
    return int(conn.exec_driver_sql("SELECT @@foreign_key_checks").scalar())


def test_foreign_keys_checked_once_fail_as_the_servers_own(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34: on MariaDB a bulk write's foreign keys are checked once by reading the parent
    rows (share-locked), the server's per-row checks off while the rows go in. A value with
    no parent row still fails the write with IntegrityError (naming table, column and value)
    and leaves no row; the session's checks are on again after every bulk write, a failed
    one too."""
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    monkeypatch.setattr(bulk, "CHUNK", 50)
    meta = MetaData()
    parent = Table("bulk_parent", meta, Column("id", Integer, primary_key=True))
    child = Table("bulk_child", meta, Column("id", Integer, primary_key=True),
                  Column("parent_id", Integer, ForeignKey("bulk_parent.id"), nullable=True),
                  Column("other_id", Integer, ForeignKey("bulk_parent.id"), nullable=True))
    meta.create_all(engine)
    mariadb = engine.dialect.name in ("mysql", "mariadb")
    checked: list[tuple[str, int]] = []
    real = mysql_keys._check_parents

    def spy(conn: Any, table: Table, key: Any, values: list[int]) -> None:
        checked.append((key.column, len(values)))
        real(conn, table, key, values)

    monkeypatch.setattr(mysql_keys, "_check_parents", spy)
    with unit_of_work(engine) as session:
        insert_columns(session.connection(), parent, {"id": list(range(1, 301))})
    good = [None if k % 7 == 0 else 1 + (k * 37) % 300 for k in range(240)]
    with engine.connect() as conn:
        # a value with no parent among scattered ones (read in IN lists), one at the end of
        # a run of consecutive ones (read as a range), and a duplicate id (the server's)
        for wrong, values in ((10_000, [*good[:200], 10_000, *good[200:]]),
                              (301, list(range(1, 302))), (None, good)):
            ids = list(range(1, len(values) + 1)) if wrong else [1, *range(1, len(values))]
            with pytest.raises(exc.IntegrityError) as caught, conn.begin():
                insert_columns(conn, child, {"id": ids, "parent_id": values})
            if mariadb:  # ours (a missing parent) or the server's (a duplicate id)
                assert _checks(conn) == 1
                if wrong:
                    assert "bulk_child" in str(caught.value) and f"parent_id = {wrong}" in str(
                        caught.value)
            assert conn.execute(select(func.count()).select_from(child)).scalar_one() == 0
            conn.rollback()
        with conn.begin():
            insert_columns(conn, child, {"id": list(range(1, 241)), "parent_id": good})
            if mariadb:
                assert _checks(conn) == 1
        assert conn.execute(select(func.count()).select_from(child)).scalar_one() == 240
    if mariadb:  # each key of the written columns read once, its distinct values
        distinct = len(set(good) - {None})
        assert checked == [("parent_id", distinct + 1), ("parent_id", 301),
                           ("parent_id", distinct), ("parent_id", distinct)]
    else:
        return
    # The checks are off while the rows go in (as each statement's job sees them) and on
    # again after a write failing inside it: a duplicate id in the second chunk, or a cancel
    # between chunks; by INSERT and by LOAD DATA alike.
    seen: list[int] = []

    def seen_in_job(real: Any) -> Any:
        def job(cursor: Any, *args: Any) -> None:
            cursor.execute("SELECT @@SESSION.foreign_key_checks")
            seen.append(int(cursor.fetchone()[0]))
            real(cursor, *args)
        return job

    def cancel(done: int) -> None:
        if done >= 100:
            raise Cancelled("stopped")

    monkeypatch.setattr(bulk, "_execute_numbered", seen_in_job(bulk._execute_numbered))
    monkeypatch.setattr(mysql_load, "load", seen_in_job(mysql_load.load))
    ids = list(range(1001, 1241))
    ids[60] = 1001  # the second chunk's
    with engine.connect() as conn:
        for rows in (10**9, 1):  # by INSERT, then by LOAD DATA
            monkeypatch.setattr(mysql_load, "LOAD_ROWS", rows)
            cases: list[tuple[type[Exception], list[int], Any]] = [
                (exc.IntegrityError, ids, None), (Cancelled, list(range(1001, 1241)), cancel)]
            for raised, written, check in cases:
                seen.clear()
                with pytest.raises(raised), conn.begin():
                    insert_columns(conn, child, {"id": written, "parent_id": good},
                                   check=check)
                assert len(seen) >= 2 and set(seen) == {0}, (rows, raised)
                assert _checks(conn) == 1
                assert conn.execute(select(func.count()).select_from(child)
                                    .where(child.c.id > 1000)).scalar_one() == 0
                conn.rollback()


def test_a_load_with_a_duplicate_key_leaves_no_row_and_other_files_are_refused(
        engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 34: MariaDB's LOAD DATA LOCAL skips a duplicate row with a warning; the bulk path
    raises IntegrityError for it and the unit of work leaves no row (on the other databases
    the same write fails as their own bulk paths do). The driver serves only the buffer it
    registered for that statement: a server asking for any other file is refused, with or
    without a load of ours under way, and the connection works on."""
    monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1)
    monkeypatch.setattr(bulk, "CHUNK", 90)
    loads = _spy_loads(monkeypatch)
    meta = MetaData()
    table = Table("bulk_loaded", meta, Column("id", Integer, primary_key=True),
                  Column("u", String(40), unique=True))
    noted = Table("bulk_noted", meta, Column("id", Integer, primary_key=True),
                  Column("m", Numeric(10, 2)), Column("s", String(3)))
    meta.create_all(engine)
    values = [f"value-{k:05d}" for k in range(400)]
    values[371] = values[12]
    with pytest.raises(exc.IntegrityError) as caught, unit_of_work(engine) as session:
        insert_columns(session.connection(), table, {"u": values})
    mariadb = engine.dialect.name in ("mysql", "mariadb")
    if mariadb:  # the server's warning, as its INSERT's error would have said
        assert "Duplicate entry 'value-00012'" in str(caught.value)
    assert loads == ([90, 90, 90, 90, 40] if mariadb else [])
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
    if not mariadb:
        return
    secret = tmp_path / "secret.tsv"
    secret.write_text("1\tsecret\n")
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        asked = f"LOAD DATA LOCAL INFILE '{secret}' INTO TABLE bulk_loaded"
        with pytest.raises(Exception, match="refused"):
            cursor.execute(asked)  # a statement of the server's choosing: no buffer offered
        with pytest.raises(Exception, match="refused"):  # ours offered, another name asked
            mysql_load.load(cursor, asked, memoryview(b"2\tours\n"), 1, None)
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        conn.rollback()
        with conn.begin():
            insert_columns(conn, table, {"u": values[:12] + values[13:]})
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 399
    # A load's notes alone pass, as an INSERT's do (a decimal rounded to its column's scale);
    # a warning (text cut to its column's length) fails it as the INSERT's error would.
    with unit_of_work(engine) as session:
        insert_columns(session.connection(), noted, {"m": [Decimal("1.2345")] * 3})
    with pytest.raises(exc.DataError, match="Data truncated for column 's'"), \
            unit_of_work(engine) as session:
        insert_columns(session.connection(), noted, {"s": ["abc", "abcd"]})
    with engine.connect() as conn:
        assert conn.execute(select(noted.c.m, noted.c.s)).all() == [(Decimal("1.23"), None)] * 3


@ON_MARIADB
def test_an_unwritten_key_that_could_get_a_value_is_left_to_the_server(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34 (review): a NOT NULL key column the write leaves out shows NULL as its default
    too, yet a non-strict ``sql_mode`` fills it with 0; its parent is not checked by us, so the
    server's per-row checks stay on and the write fails as its INSERT does, by INSERT and by
    LOAD DATA alike. A nullable one, NULL by default, needs no check."""
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    meta = MetaData()
    parent = Table("bulk_pa", meta, Column("id", Integer, primary_key=True))
    child = Table("bulk_ch", meta, Column("id", Integer, primary_key=True),
                  Column("a", Integer, ForeignKey("bulk_pa.id"), nullable=False),
                  Column("b", Integer, ForeignKey("bulk_pa.id"), nullable=False),
                  Column("c", Integer, ForeignKey("bulk_pa.id"), nullable=True))
    meta.create_all(engine)
    with unit_of_work(engine) as session:
        insert_columns(session.connection(), parent, {"id": [1, 2]})
    with engine.connect() as conn:
        mode = conn.exec_driver_sql("SELECT @@SESSION.sql_mode").scalar()
        conn.exec_driver_sql("SET SESSION sql_mode = ''")
        try:
            assert mysql_keys.foreign_keys(conn, child, ["id", "a"]) is None
            assert [k.column for k in mysql_keys.foreign_keys(
                conn, child, ["id", "a", "b"]) or []] == ["a", "b"]
            conn.rollback()
            for rows in (10**9, 1):  # by INSERT, then by LOAD DATA
                monkeypatch.setattr(mysql_load, "LOAD_ROWS", rows)
                with pytest.raises(exc.IntegrityError), conn.begin():
                    insert_columns(conn, child, {"id": [1, 2], "a": [1, 2]})
                assert _checks(conn) == 1
                assert conn.execute(select(func.count()).select_from(child)).scalar_one() == 0
                conn.rollback()
        finally:
            conn.exec_driver_sql("SET SESSION sql_mode = %s", (mode,))


def _parent_and_child(engine: Engine, prefix: str) -> tuple[Table, Table]:
    """Two new tables, ``{prefix}parent`` and ``{prefix}child`` whose ``parent_id`` points at it."""
    meta = MetaData()
    parent = Table(f"{prefix}parent", meta, Column("id", Integer, primary_key=True))
    child = Table(f"{prefix}child", meta, Column("id", Integer, primary_key=True),
                  Column("parent_id", Integer, ForeignKey(f"{prefix}parent.id")))
    meta.create_all(engine)
    return parent, child


@ON_MARIADB
def test_on_a_galera_node_the_server_checks_the_keys(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34 (review): on a Galera node (``wsrep_on``) the parent rows' share locks are this
    node's alone and, with the checks off, the parent keys are not in the certified write-set:
    the bulk write keeps the server's per-row checks (and fails as its INSERT does)."""
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    parent, child = _parent_and_child(engine, "bulk_g")
    checked: list[str] = []
    monkeypatch.setattr(mysql_keys, "_check_parents", lambda *a: checked.append("ours"))
    with engine.connect() as conn:
        assert mysql_keys._galera(conn) is False  # this test server: no cluster
        conn.rollback()
        monkeypatch.setattr(mysql_keys, "_galera", lambda _conn: True)
        with conn.begin():
            insert_columns(conn, parent, {"id": [1, 2]})
        with pytest.raises(exc.IntegrityError, match="1452"), conn.begin():
            insert_columns(conn, child, {"id": [1, 2], "parent_id": [1, 3]})
        assert checked == [] and _checks(conn) == 1


@ON_MARIADB
def test_a_load_with_more_notes_than_the_servers_list_passes(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34 (review): SHOW WARNINGS lists ``max_error_count`` conditions (64 by default);
    a load with more notes than that (decimals rounded to their scale) passes as its INSERT
    does, the session's limit raised for the load alone and set back after it, a failed one
    too."""
    monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1)
    monkeypatch.setattr(bulk, "CHUNK", 150)
    loads = _spy_loads(monkeypatch)
    meta = MetaData()
    table = Table("bulk_rounded", meta, Column("id", Integer, primary_key=True),
                  Column("m", Numeric(12, 2)))
    meta.create_all(engine)
    with engine.connect() as conn:
        limit = conn.exec_driver_sql("SELECT @@SESSION.max_error_count").scalar()
        conn.rollback()
        with conn.begin():
            insert_columns(conn, table, {"m": [Decimal("1.234")] * 200})
        assert loads == [150, 50]
        assert conn.execute(select(table.c.m).distinct()).all() == [(Decimal("1.23"),)]
        assert conn.exec_driver_sql("SELECT @@SESSION.max_error_count").scalar() == limit
        conn.rollback()
        with pytest.raises(exc.IntegrityError), conn.begin():
            insert_columns(conn, table, {"id": [1], "m": [Decimal("1.234")]})
        assert conn.exec_driver_sql("SELECT @@SESSION.max_error_count").scalar() == limit


@ON_MARIADB
def test_a_load_keeps_null_apart_from_empty_and_leaves_no_row_data_behind(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34 (review): through LOAD DATA the exact strings ``\\N`` and ``""`` come back as
    written, not as NULL, and NULL bytes apart from ``b""``; the load's user variables (the
    last row's bytes, as hex) are NULL on the pooled connection after it, a failed one too."""
    monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1)
    loads = _spy_loads(monkeypatch)
    meta = MetaData()
    table = Table("bulk_edges", meta, Column("id", Integer, primary_key=True),
                  Column("x", LargeBinary), Column("s", String(10)))
    meta.create_all(engine)
    strings = ["\\N", "", None, "\\", "N", "a\\Nb", "\\\\N", "NULL"]
    blobs = [b"", None, b"\\N", b"\0", b"", None, b"N", b"\\"]
    with engine.connect() as conn:
        with conn.begin():
            insert_columns(conn, table, {"x": blobs, "s": strings})
            insert_columns(conn, table, {"s": ["", None, "\\N"]})  # one field: an empty line
        assert loads == [8, 3]
        assert conn.exec_driver_sql("SELECT @v0").scalar() is None
        back = conn.execute(select(table.c.x, table.c.s).order_by(table.c.id)).all()
        assert [tuple(r) for r in back] == [*zip(blobs, strings, strict=True),
                                            (None, ""), (None, None), (None, "\\N")]
        conn.rollback()
        with pytest.raises(exc.IntegrityError), conn.begin():
            insert_columns(conn, table, {"x": [b"secret", b"secret"], "id": [99, 1]})
        assert conn.exec_driver_sql("SELECT @v0").scalar() is None


def test_local_infile_only_where_riskdesks_sender_serves_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34 (review): the connections allow LOAD DATA LOCAL only through pymysql, whose
    file sender riskdesk replaces (another driver's own sends any file a server asks for),
    never against a URL's own ``local_infile=0``, and not at all unless the replacement
    demonstrably takes effect (the driver's handler calls the sender by the name replaced)."""
    from pymysql.connections import MySQLResult

    from riskdesk.storage import engine as engine_module

    made: list[dict[str, Any]] = []

    def create_engine(url: Any, **kwargs: Any) -> Any:  # no driver loaded, no connection
        made.append({"url": url, **kwargs})
        return SimpleNamespace(dialect=SimpleNamespace(name=url.get_backend_name()))

    monkeypatch.setattr(engine_module, "create_engine", create_engine)
    monkeypatch.setattr(engine_module, "_password_from_keyring", lambda url: url)

    def infile(target: str) -> Any:
        engine_module.make_engine(target)
        return made[-1].get("connect_args", {}).get("local_infile")

    assert infile("mysql://root@127.0.0.1:3306/test") is True
    assert infile("mariadb+pymysql://root@127.0.0.1:3306/test") is True
    assert infile("mysql+pymysql://root@127.0.0.1:3306/test?local_infile=0") is None
    assert made[-1]["url"].query["local_infile"] == "0"
    assert infile("mysql+mysqldb://root@127.0.0.1:3306/test") is None
    assert infile("mariadb+mariadbconnector://root@127.0.0.1:3306/test") is None
    assert mysql_load.install() is True
    # a driver whose handler no longer calls the sender by that name: fail closed
    monkeypatch.setattr(MySQLResult, "_read_load_local_packet", lambda self, packet: None)
    assert mysql_load.install() is False
    assert infile("mysql://root@127.0.0.1:3306/test") is None


@ON_MARIADB
def test_a_table_with_an_insert_trigger_keeps_the_servers_checks(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34: an INSERT trigger may set a key column (or write rows of its own) after the
    values were checked: with the checks off its orphans would stay; the server checks."""
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    parent, child = _parent_and_child(engine, "bulk_t")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER bulk_tchild_moved BEFORE INSERT ON bulk_tchild "
                             "FOR EACH ROW SET NEW.parent_id = NEW.parent_id + 100")
        insert_columns(conn, parent, {"id": [1, 2]})
        assert mysql_keys.foreign_keys(conn, child, ["id", "parent_id"]) is None
    for rows in (10**9, 1):  # by INSERT, then by LOAD DATA
        monkeypatch.setattr(mysql_load, "LOAD_ROWS", rows)
        with pytest.raises(exc.IntegrityError), unit_of_work(engine) as session:
            insert_columns(session.connection(), child, {"id": [1, 2], "parent_id": [1, 2]})
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(child)).scalar_one() == 0


def test_columns_prepared_alongside_a_load(engine: Engine) -> None:
    """``bulk.prepared_alongside``: on MariaDB the work runs on a thread of its own (while the
    server loads), its error raised where its result is asked for, and it is waited for on
    the way out; elsewhere it runs on the caller's thread when asked for, as before."""
    import threading
    import time

    mariadb = engine.dialect.name in ("mysql", "mariadb")
    seen: list[str] = []

    def work() -> int:
        seen.append(threading.current_thread().name)
        return 42

    def broken() -> int:
        raise ValueError("column 7 cannot be built")

    with engine.connect() as conn, bulk.prepared_alongside(conn) as alongside:
        later = alongside.submit(work)
        if not mariadb:
            assert seen == []  # nothing runs before its result is asked for
        assert later() == 42
        failing = alongside.submit(broken)
        with pytest.raises(ValueError, match="column 7"):
            failing()
    assert len(seen) == 1
    assert seen[0].startswith("riskdesk-columns") == mariadb

    # the caller failing while the work still runs: the work is waited for, and the error
    # raised is the caller's
    done = threading.Event()

    def slow() -> int:
        time.sleep(0.3)
        done.set()
        return 1

    with pytest.raises(RuntimeError, match="the load failed"), engine.connect() as conn, \
            bulk.prepared_alongside(conn) as alongside:
        alongside.submit(slow)
        raise RuntimeError("the load failed")
    assert done.is_set() == mariadb  # elsewhere never asked for, so never run


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_only_a_first_run_sets_the_cases_keys_aside(
        engine: Engine, actors: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cases' keys are set aside with the written tables' on a first run only: a later run
    over every application always outnumbers the cases, and setting their keys aside then
    would lock the queue and the applications for the whole run (found in review)."""
    from riskdesk.services.credit import scoring_job
    from tests.helpers import activate_default

    set_aside = _set_aside_spy(monkeypatch, scoring_job, "deferred_foreign_keys",
                               bulk.deferred_foreign_keys)
    keys_aside = _set_aside_spy(monkeypatch, scoring_job, "deferred_unique_keys",
                                unique_keys.deferred_unique_keys)
    with engine.connect() as conn:
        keys_before = {table: _unique_keys(conn, table) for table in scoring_job.KEYED}
    assert all(keys_before.values())
    activate_default(engine, actors)
    for seed in (1, 2):
        import_file(engine, actors["officer"], score=False,
                    path=write_csv(sample(40, seed=seed, prefix=f"F{seed}"),
                                   tmp_path / f"{seed}.csv"))
        result = scoring_job.score_applications(engine, actors["officer"], scope="all")
        assert result.decisions == 40 and result.cases > 0
    written = tuple(scoring_job.WRITTEN)
    assert set_aside == [(written, True), (("review_case",), True),
                         (written, False), (("review_case",), False)]
    with engine.connect() as conn:
        assert {t for _, t in _keys_of(conn, "review_case")} == {
            "app_user", "application", "decision_record"}
        # the written tables' own keys set aside on the first run alone (the decisions'
        # primary key kept: the shadow scores point at it), and back after it
        assert [done for _, done in keys_aside] == [True, False]
        for table in scoring_job.KEYED:
            assert _unique_keys(conn, table) == keys_before[table], table


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_a_run_over_existing_decisions_keeps_their_keys(
        engine: Engine, actors: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that outnumbers the decisions already there still sets their foreign keys aside,
    but not their own keys: clearing the current decisions and refreshing the open cases look
    rows up by them (found in review: a scan per 900 ids without them)."""
    from riskdesk.services.credit import scoring_job
    from tests.helpers import activate_default

    fk_aside = _set_aside_spy(monkeypatch, scoring_job, "deferred_foreign_keys",
                              bulk.deferred_foreign_keys)
    keys_aside = _set_aside_spy(monkeypatch, scoring_job, "deferred_unique_keys",
                                unique_keys.deferred_unique_keys)
    activate_default(engine, actors)
    for seed, rows in ((1, 10), (2, 120)):
        import_file(engine, actors["officer"], score=False,
                    path=write_csv(sample(rows, seed=seed, prefix=f"E{seed}"),
                                   tmp_path / f"{seed}.csv"))
        scoring_job.score_applications(engine, actors["officer"], scope="all")
    written = tuple(scoring_job.WRITTEN)
    assert [done for tables, done in fk_aside if tables == written] == [True, True]
    assert [done for _, done in keys_aside] == [True, False]


def _set_aside_spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
                   real: Any) -> list[tuple[tuple[str, ...], bool]]:
    """``module.name`` (a ``deferred_...`` context manager) replaced by ``real`` with no
    minimum row count (the tests' runs are small), each call's tables and answer recorded."""
    calls: list[tuple[tuple[str, ...], bool]] = []

    @contextmanager
    def spy(conn: Any, tables: Any, **kw: Any) -> Iterator[bool]:
        with real(conn, tables, **{**kw, "minimum": 1}) as done:
            calls.append((tuple(tables), done))
            yield done

    monkeypatch.setattr(module, name, spy)
    return calls


def _unique_keys(conn: Any, table: str) -> set[tuple[str, str]]:
    """PostgreSQL: ``table``'s primary and unique keys, each with its definition."""
    return {(str(n), str(d)) for n, d in conn.exec_driver_sql(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype IN ('p', 'u') AND conrelid = %s::regclass", (table,))}


def _keys_of(conn: Any, table: str) -> set[tuple[str, str]]:
    """PostgreSQL: ``table``'s foreign keys, each with the table it points at."""
    return {(str(n), str(t)) for n, t in conn.exec_driver_sql(
        "SELECT conname, confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid = %s::regclass", (table,))}


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_keys_set_aside_only_where_they_point(engine: Engine) -> None:
    """A first scoring run sets aside the cases' keys to the applications and decisions only:
    their keys to the users stay, so a sign-in (which reads the users) does not wait for the
    run, while a reader of the applications does; every key is back after the load."""
    with unit_of_work(engine) as session:
        conn = session.connection()
        before = _keys_of(conn, "review_case")
        with bulk.deferred_foreign_keys(
                conn, ["review_case"], rows_added=10**6, minimum=1,
                pointing_at=["application", "decision_record"]) as set_aside:
            assert set_aside
            during = _keys_of(conn, "review_case")
            with engine.connect() as other:
                other.exec_driver_sql("SET lock_timeout = '300ms'")
                assert other.exec_driver_sql("SELECT COUNT(*) FROM app_user").scalar_one() >= 0
                with pytest.raises(exc.OperationalError, match="lock timeout"):
                    other.exec_driver_sql("SELECT COUNT(*) FROM application").scalar_one()
        assert _keys_of(conn, "review_case") == before
    assert {t for _, t in before - during} == {"application", "decision_record"}
    assert {t for _, t in during} == {"app_user"}


def test_rows_derived_from_locked_ones_skip_the_per_row_checks_on_mariadb_alone(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scoring run's decisions and cases (``mysql_keys.derived_rows``): on MariaDB the
    session's checks are off for the statement and on again after it, an error too; on a
    Galera node, and on the other databases, nothing changes."""
    mariadb = engine.dialect.name in ("mysql", "mariadb")
    with engine.connect() as conn:
        with mysql_keys.derived_rows(conn):
            if mariadb:
                assert _checks(conn) == 0
        with pytest.raises(RuntimeError, match="in the statement"), \
                mysql_keys.derived_rows(conn):
            raise RuntimeError("in the statement")
        if not mariadb:
            return
        assert _checks(conn) == 1
        monkeypatch.setattr(mysql_keys, "_galera", lambda _conn: True)
        with mysql_keys.derived_rows(conn):
            assert _checks(conn) == 1


def _unique_checks(conn: Any) -> int:
    return int(conn.exec_driver_sql("SELECT @@SESSION.unique_checks").scalar_one())


@ON_MARIADB
def test_a_bulk_load_into_an_empty_table_loses_no_row_unnoticed(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mysql_keys.insert_into_empty`` (a first ring store fill's edges, issue 34): MariaDB's
    bulk load into an empty table, asked for by ``unique_checks`` off with the key checks,
    drops a load with a duplicate key without a word (10.11.19: the statement reports every
    row and the commit succeeds without them); the rows counted back make that an error, so
    the transaction is not committed short. The switch is on again after the statement,
    whether it failed or not, and never off on a Galera node."""
    meta = MetaData()
    table = Table("bulk_empty", meta, Column("id", Integer, primary_key=True),
                  Column("v", Integer, nullable=False))
    meta.create_all(engine)
    into = "INSERT INTO bulk_empty (id, v) "
    duplicate = into + "SELECT 1, 1 UNION ALL SELECT 2, 2 UNION ALL SELECT 1, 3"
    with engine.connect() as conn:
        try:  # the server's own behaviour: no error on 10.11.19, and no row either
            with conn.begin(), mysql_keys.checks_off(conn):
                conn.exec_driver_sql("SET SESSION unique_checks = 0")
                try:
                    conn.exec_driver_sql(duplicate)
                finally:
                    conn.exec_driver_sql("SET SESSION unique_checks = 1")
        except exc.IntegrityError:
            pass  # a server that refuses the load, as it should
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        conn.rollback()
        with pytest.raises(RuntimeError, match="kept 0 of 3 rows"), conn.begin(), \
                mysql_keys.checks_off(conn):
            mysql_keys.insert_into_empty(conn, "bulk_empty", duplicate)
        assert (_unique_checks(conn), _checks(conn)) == (1, 1)
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        conn.rollback()
        with conn.begin(), mysql_keys.checks_off(conn):
            assert mysql_keys.insert_into_empty(
                conn, "bulk_empty", into + "SELECT 2, 2 UNION ALL SELECT 1, 1 ORDER BY 1") == 2
            assert _unique_checks(conn) == 1
        assert [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))] == [
            (1, 1), (2, 2)]
        conn.rollback()
        seen: list[int] = []
        monkeypatch.setattr(mysql_keys, "_galera", lambda _conn: True)
        real = conn.exec_driver_sql

        def spy(statement: str, *args: Any) -> Any:
            if statement.startswith("INSERT"):
                seen.append(_unique_checks(conn))
            return real(statement, *args)

        monkeypatch.setattr(conn, "exec_driver_sql", spy)
        with pytest.raises(exc.IntegrityError, match="1062"), conn.begin():
            mysql_keys.insert_into_empty(conn, "bulk_empty", into + "SELECT 1, 1")
        assert seen == [1]


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_unique_keys_built_after_a_first_load_still_refuse_a_duplicate(engine: Engine) -> None:
    """``unique_keys.deferred_unique_keys`` (a first ring store fill's link keys): the keys
    are dropped for the load and added back after it, so a duplicate fails the load there
    and rolls it all back; a table the load does not double keeps them, and a key another
    table's foreign key points at stays while the others go."""
    from riskdesk.storage.unique_keys import deferred_unique_keys

    meta = MetaData()
    table = Table("bulk_uk", meta, Column("id", Integer, primary_key=True),
                  Column("k", String(8), nullable=False, unique=True))
    meta.create_all(engine)

    def constraints(conn: Any) -> int:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'bulk_uk'::regclass "
            "AND contype IN ('p', 'u')").scalar_one())

    with engine.connect() as conn:
        with pytest.raises(exc.IntegrityError, match="bulk_uk_k_key"), conn.begin(), \
                deferred_unique_keys(conn, ["bulk_uk"], rows_added=3, minimum=1) as done:
            assert done and constraints(conn) == 0
            conn.exec_driver_sql("INSERT INTO bulk_uk (id, k) VALUES (1, 'a'), (2, 'b'), "
                                 "(3, 'a')")
        assert constraints(conn) == 2
        assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        conn.rollback()
        with conn.begin(), deferred_unique_keys(conn, ["bulk_uk"], rows_added=2,
                                                minimum=1) as done:
            assert done
            conn.exec_driver_sql("INSERT INTO bulk_uk (id, k) VALUES (1, 'a'), (2, 'b')")
        assert constraints(conn) == 2
        conn.rollback()
        with conn.begin(), deferred_unique_keys(conn, ["bulk_uk"], rows_added=1,
                                                minimum=1) as done:
            assert not done  # 1 row does not double 2
        conn.exec_driver_sql("CREATE TABLE bulk_uk_child (id INT PRIMARY KEY, "
                             "uk_id INT REFERENCES bulk_uk (id))")
        conn.commit()
        with conn.begin(), deferred_unique_keys(conn, ["bulk_uk"], rows_added=10,
                                                minimum=1) as done:
            assert done and constraints(conn) == 1  # the primary key the child points at
            assert conn.exec_driver_sql(
                "SELECT contype FROM pg_constraint WHERE conrelid = 'bulk_uk'::regclass "
                "AND contype IN ('p', 'u')").scalar_one() == "p"
        assert constraints(conn) == 2


def test_a_temporary_table_leaves_the_transaction_whole(engine: Engine) -> None:
    """``temporary.temporary_table`` (a scoring run's rule marks, the ring store's device
    keys) is made and dropped inside the caller's transaction, which a rollback still undoes
    whole: MariaDB commits the open transaction on a plain ``DROP TABLE``, even of a
    temporary table, as SQLAlchemy's ``Table.drop`` sends it (a failed run kept its
    decisions without their cases). A failed block's error is the one raised, and on MariaDB
    a copy left on the connection is replaced."""
    from riskdesk.storage.temporary import temporary_table

    meta = MetaData()
    kept = Table("bulk_kept", meta, Column("id", Integer, primary_key=True,
                                           autoincrement=False))
    meta.create_all(engine)
    temp = Table("rd_test_temporary", MetaData(),
                 Column("id", Integer, primary_key=True, autoincrement=False),
                 prefixes=["TEMPORARY"])

    def rows(conn: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(kept)).scalar_one())

    with engine.connect() as conn:
        with conn.begin() as transaction:
            conn.execute(kept.insert().values(id=1))
            with temporary_table(conn, temp):
                conn.execute(temp.insert().values(id=1))
            transaction.rollback()
        assert rows(conn) == 0
        conn.rollback()
        with pytest.raises(RuntimeError, match="in the block"), conn.begin():
            conn.execute(kept.insert().values(id=2))
            with temporary_table(conn, temp):
                raise RuntimeError("in the block")
        assert rows(conn) == 0
        conn.rollback()
        if engine.dialect.name in ("mysql", "mariadb"):  # kept through a rollback there
            with conn.begin():
                temp.create(conn)
            with conn.begin(), temporary_table(conn, temp):
                conn.execute(temp.insert().values(id=3))
