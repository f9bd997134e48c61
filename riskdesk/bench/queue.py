"""``bench queue``'s database: N cases (10 million by default), measured by
:mod:`riskdesk.ui.bench_queue` through the Qt model the main window uses. Also the base of
``bench monitor``'s loan book.

The database is built once per size by a child process (so its memory does not count) and
reused: applicants and applications with encrypted, keyed-hash PII as the import writes them,
and one pre-loan case per application carrying its score in the queue's columns. No decision
or score rows are written: the queue reads none. Officers' statuses, assignees and due dates
follow a working bank's mix (most cases decided, a few percent open).
"""
from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

CHUNK = 250_000
OFFICERS = 20
NOW = datetime(2026, 11, 24, 9, 0, 0)
STATUSES = (["decided", "closed", "new", "in_review", "pending_info", "escalated",
             "awaiting_check"], [90.0, 3.0, 3.0, 2.0, 0.5, 0.5, 1.0])


def default_path(rows: int, workdir: Path | None, bench: str = "queue") -> Path:
    from platformdirs import user_cache_dir

    base = workdir or Path(user_cache_dir("riskdesk", appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base / f"bench-{bench}-{rows}.sqlite"


def done_mark(bench: str = "queue") -> str:
    """Names the schema the database was built with: a newer schema means a rebuild."""
    from riskdesk.storage.migrate import head_revision

    return f"bench-{bench}-complete:{head_revision()}"


def is_complete(path: Path, bench: str = "queue") -> bool:
    if not path.exists():
        return False
    con = sqlite3.connect(path)
    try:
        found = con.execute("SELECT 1 FROM import_batch WHERE file_name = ?",
                            (done_mark(bench),)).fetchone()
    except sqlite3.Error:
        found = None
    con.close()
    return found is not None


def build_once(path: Path, size: int, build_fn: Callable[[Path, int], None],
               bench: str, lines: list[str], what: str = "database") -> None:
    """Build the database in a child process (its memory does not count), unless a complete
    one for this schema is there already; says which in ``lines``."""
    if is_complete(path, bench):
        lines.append(f"reusing the {what} built earlier")
        return
    start = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(target=build_fn, args=(path, size))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"building {path} failed (exit code {child.exitcode})")
    lines.append(f"built in {time.perf_counter() - start:.0f} s "
                 f"({path.stat().st_size / 2**30:.2f} GiB)")


def build(path: Path, rows: int) -> None:
    """Schema by the migrations, users by the service, bulk rows straight through sqlite3
    with the secondary indexes dropped and rebuilt after (sorted builds, not random inserts)."""
    import numpy as np

    from riskdesk.demo.frame import _id_numbers, _names
    from riskdesk.domain.enums import Role
    from riskdesk.security.datakey import load_cipher
    from riskdesk.services.admin.users import create_user
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    with unit_of_work(engine) as session:
        admin = create_user(session, None, username="bench-admin", password="bench-password",
                            roles=["admin"])
        from riskdesk.services.actor import Actor
        actor = Actor(admin.id, "bench-admin", frozenset({Role.ADMIN}))
        for i in range(1, OFFICERS + 1):
            create_user(session, actor, username=f"officer{i:02d}", password="bench-password",
                        roles=["officer"])
        cipher = load_cipher(session)
    engine.dispose()

    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000000",
                   "temp_store=MEMORY", "foreign_keys=OFF"):
        con.execute(f"PRAGMA {pragma}")
    officer_ids = [r[0] for r in con.execute(
        "SELECT id FROM app_user WHERE username LIKE 'officer%' ORDER BY id")]
    indexes = drop_indexes(con, ("applicant", "application", "review_case"))
    stamp = NOW.strftime("%Y-%m-%d %H:%M:%S")
    con.execute("BEGIN")
    batch = _batch_row(con, "bench-queue", rows, stamp)
    rng = np.random.default_rng(20261124)
    all_ids = _id_numbers(rng, rows)
    for start in range(0, rows, CHUNK):
        n = min(CHUNK, rows - start)
        _write_chunk(con, cipher, rng, start, n, all_ids[start:start + n], _names(rng, n),
                     officer_ids, batch, stamp)
        print(f"  built {start + n:,} / {rows:,} cases", file=sys.stderr, flush=True)
    con.execute("COMMIT")
    for name, sql in indexes:
        con.execute(sql)
        print(f"  index {name}", file=sys.stderr, flush=True)
    from riskdesk.services.cases.tally import RECOUNT_SQL

    for sql in RECOUNT_SQL:  # the queue's tallies of the cases written around the services
        con.execute(sql)
    con.execute("ANALYZE")
    _batch_row(con, done_mark(), 0, stamp)
    con.close()


def drop_indexes(con: sqlite3.Connection, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """Drops the secondary indexes of ``tables`` before a bulk build; returns each one's name
    and SQL, to create them again after it (sorted builds, not random inserts)."""
    indexes = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(tables))})", tables).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    return [(str(name), str(sql)) for name, sql in indexes]


def _batch_row(con: sqlite3.Connection, name: str, rows: int, stamp: str) -> int:
    cur = con.execute(
        "INSERT INTO import_batch (file_name, sha256, rows_total, rows_inserted, rows_present, "
        "rows_conflict, rows_rejected, username, started_at, finished_at, outcome, message) "
        "VALUES (?, ?, ?, ?, 0, 0, 0, 'bench-admin', ?, ?, 'imported', '')",
        (name, "0" * 64, rows, rows, stamp, stamp))
    return int(cur.lastrowid or 0)


def _write_chunk(con: sqlite3.Connection, cipher: Any, rng: np.random.Generator, start: int,
                 n: int, id_nos: np.ndarray, names: np.ndarray, officers: list[int],
                 batch: int, stamp: str) -> None:
    import numpy as np
    import pandas as pd

    ids = np.arange(start + 1, start + n + 1)
    id_list = [str(v) for v in id_nos]
    birth = pd.to_datetime(pd.Series(id_list).str.slice(6, 14), format="%Y%m%d")
    masked = [v[:6] + "********" + v[-4:] for v in id_list]
    con.executemany(
        "INSERT INTO applicant (id, name, id_no_enc, id_no_hash, id_no_masked, birth_date, "
        "gender, region_code, key_id, first_batch_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        zip(ids.tolist(), names.tolist(), cipher.encrypt_many("id_no", id_list),
            cipher.digest_many("id_no", id_list), masked,
            birth.dt.strftime("%Y-%m-%d").tolist(),
            ["M" if int(v[16]) % 2 else "F" for v in id_list], [v[:6] for v in id_list],
            [cipher.key_id] * n, [batch] * n, [stamp] * n, strict=True))
    phones = (14_100_000_000 + (ids * 7_919_317) % 10**8).astype(str).tolist()
    product = np.asarray(["cash_loan", "instalment", "credit_card"])[
        rng.choice(3, n, p=[0.55, 0.30, 0.15])]
    channel = np.asarray(["own_app", "partner"])[rng.choice(2, n, p=[0.6, 0.4])]
    amount = (rng.integers(10, 400, n) * 500).astype(float)
    # Three years of applications, newest last.
    submitted = NOW - pd.to_timedelta(
        (3 * 365 * 86400 * (1 - ids / (ids[-1] + 1e9))).astype(np.int64)
        + rng.integers(0, 86400, n), unit="s")
    sub_text = submitted.strftime("%Y-%m-%d %H:%M:%S").tolist()
    app_no = [f"B{i:09d}" for i in ids.tolist()]
    con.executemany(
        "INSERT INTO application (id, application_no, applicant_id, batch_id, product, channel, "
        "amount, term_months, apr, upfront_fee, monthly_fee, other_fees, repayment_type, "
        "purpose, submitted_at, phone_enc, phone_hash, phone_masked, content_hash, key_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 12, 18.5, 0, 0, 0, 'equal_instalment', "
        "'consumption', ?, ?, ?, ?, ?, ?, ?)",
        zip(ids.tolist(), app_no, ids.tolist(), [batch] * n, product.tolist(),
            channel.tolist(), amount.tolist(), sub_text, cipher.encrypt_many("phone", phones),
            cipher.digest_many("phone", phones), [p[:3] + "****" + p[7:] for p in phones],
            [hashlib.sha256(a.encode()).hexdigest() for a in app_no], [cipher.key_id] * n,
            [stamp] * n, strict=True))
    pd_ = np.clip(rng.beta(1.2, 9.0, n), 0.0005, 0.9995)
    points = np.round(600 - 20 / np.log(2) * np.log(pd_ / (1 - pd_) * 50)).astype(int)
    band = np.where(pd_ >= 0.15, "decline", np.where(pd_ >= 0.05, "review", "approve"))
    names_s, weights = STATUSES
    status = np.asarray(names_s)[rng.choice(len(names_s), n, p=np.asarray(weights) / 100)]
    open_ = ~np.isin(status, ["decided", "closed"])
    assignee = np.asarray(officers, dtype=object)[rng.integers(0, len(officers), n)]
    assignee[(status == "new") & (rng.random(n) < 0.6)] = None
    created = submitted + pd.to_timedelta(rng.integers(60, 3600, n), unit="s")
    due = created + timedelta(hours=24)
    # Open cases are recent: the backlog is the last weeks' work.
    recent = NOW - pd.to_timedelta(rng.integers(0, 21 * 86400, n), unit="s") + timedelta(hours=24)
    due = np.where(open_, recent, due)
    priority = np.where(band == "decline", 1, np.where(band == "review", 3, 4))
    flags = np.where(rng.random(n) < 0.2, "SHARED_DEVICE", "")
    con.executemany(
        "INSERT INTO review_case (id, kind, application_id, dedupe_key, status, is_open, priority, "
        "due_at, assignee_id, reason, created_at, updated_at, version, application_no, "
        "applicant_name, id_no_masked, product, channel, amount, submitted_at, pd, points, "
        "band, flags) VALUES (?, 'pre_loan', ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 1, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?)",
        zip(ids.tolist(), ids.tolist(), [f"pre_loan:{i}" for i in ids.tolist()],
            status.tolist(), open_.astype(int).tolist(), priority.tolist(),
            pd.DatetimeIndex(due).strftime("%Y-%m-%d %H:%M:%S.%f").tolist(), assignee.tolist(),
            created.strftime("%Y-%m-%d %H:%M:%S").tolist(),
            created.strftime("%Y-%m-%d %H:%M:%S").tolist(), app_no, names.tolist(), masked,
            product.tolist(), channel.tolist(), amount.tolist(), sub_text, pd_.tolist(),
            points.tolist(), band.tolist(), flags.tolist(), strict=True))


def officer_backend(path: Path | str, username: str = "officer01") -> Any:
    """A backend on the queue database (a file, or a server database's URL) for its officer,
    without sign-in (the benchmark measures the queue's Qt model through it); the caller
    closes it."""
    from sqlalchemy import text

    from riskdesk.services.actor import Actor
    from riskdesk.services.admin.backend import demo_backend
    from riskdesk.services.admin.users import roles_of
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(str(path))
    with unit_of_work(engine, write=False) as session:
        officer_id = int(session.execute(text("SELECT id FROM app_user WHERE username = :u"),
                                         {"u": username}).scalar_one())
        actor = Actor(officer_id, username, roles_of(session, user_id=officer_id))
    return demo_backend(engine, actor)


def middle_id_number(path: Path | str) -> str:
    """An ID number to look for, decrypted like the case screen would (the middle applicant)."""
    from sqlalchemy import text

    from riskdesk.security.datakey import load_cipher
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(str(path))
    with unit_of_work(engine, write=False) as session:
        total = int(session.execute(text("SELECT max(id) FROM applicant")).scalar_one())
        blob = session.execute(text("SELECT id_no_enc FROM applicant WHERE id = :i"),
                               {"i": total // 2}).scalar_one()
        value = load_cipher(session, create=False).decrypt("id_no", blob)
    engine.dispose()
    return str(value)
