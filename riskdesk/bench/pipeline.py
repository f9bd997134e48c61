"""Benchmarks: performance goals are measured here, never in timed unit tests.

``bench import``: our import of an N-row demo CSV into a fresh SQLite database (validation,
encryption, keyed hashes, three tables, audit), against a raw floor: ``pandas.read_csv`` plus
``sqlite3`` executemany of the same rows into one table in one transaction.
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xgboost as xgb
from sqlalchemy import Engine

from riskdesk.bench.servers import kind_label, scratch_database
from riskdesk.demo.frame import demo_frame
from riskdesk.domain.applications import ImportBatch
from riskdesk.domain.enums import Role
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor
from riskdesk.services.admin.signing_keys import countersign
from riskdesk.services.admin.users import create_user, sign_in
from riskdesk.services.intake.applications import TABLES, import_file, import_frame
from riskdesk.storage import migrate
from riskdesk.storage.bulk import (
    bulk_cache,
    bulk_load_bind,
    collector_paused,
    deferred_sqlite_indexes,
    insert_columns,
)
from riskdesk.storage.engine import make_engine, redact_url
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

BATCHES = table_of(ImportBatch)


def _bench_database(path: Path | str) -> tuple[Engine, Actor, Actor]:
    """A migrated SQLite file (or an empty server database's URL) with the bench's
    admin-officer and its compliance approver."""
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    with unit_of_work(engine) as session:
        admin = create_user(session, None, username="bench", password="bench-password",
                            roles=["admin", "officer"])
        approver = create_user(session, Actor(admin.id or 0, "bench", frozenset({Role.ADMIN})),
                               username="bench-compliance", password="bench-password",
                               roles=["compliance"])
    # both sign in (the approval is signed): the admin's key is the root, the approver's
    # countersigned by the admin
    with unit_of_work(engine) as session:
        bench = sign_in(session, username="bench", password="bench-password", channel="bench")
        compliance = sign_in(session, username="bench-compliance", password="bench-password",
                             channel="bench")
    assert bench is not None and compliance is not None and compliance.signer is not None
    with unit_of_work(engine) as session:
        countersign(session, bench, user_id=approver.id or 0,
                    fingerprint=compliance.signer.fingerprint)
    return engine, bench, compliance


def _activate_default_model(engine: Engine, admin: Actor, compliance: Actor) -> Any:
    """The shipped model, proposed by the admin, validated and approved by compliance (two
    people; a cheap report without bootstrap: the bench times the pipeline, not validation)."""
    from riskdesk.services.credit import registry as models
    from riskdesk.services.credit.validation import validate_and_approve

    with unit_of_work(engine) as session:
        mv = models.register(session, admin, model=models.default_model(), name="bench")
        models.propose(session, admin, model_id=mv.id or 0)
        model_id = mv.id or 0
    return validate_and_approve(engine, compliance, model_id=model_id, bootstrap=0,
                                findings="bench: the bundled model")


def _raw_floor(csv: Path, db: Path) -> float:
    start = time.perf_counter()
    frame = pd.read_csv(csv)
    con = sqlite3.connect(db)
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.execute(f"CREATE TABLE raw ({cols})")
    marks = ", ".join("?" for _ in frame.columns)
    with con:
        con.executemany(f"INSERT INTO raw VALUES ({marks})",
                        frame.astype(object).where(frame.notna(), None).itertuples(
                            index=False, name=None))
    con.close()
    return time.perf_counter() - start


def _write_demo_csv(rows: int, csv: Path) -> float:
    start = time.perf_counter()
    demo_frame(rows, seed=1).to_csv(csv, index=False)
    return time.perf_counter() - start


def _our_import(csv: Path, db: Path | str
                ) -> tuple[float, int, list[str], list[tuple[str, float]]]:
    """Our import as ``riskdesk import`` runs it: a fresh process, a migrated file. Also the
    time spent under each progress message (its stages), in order."""
    engine, actor, _ = _bench_database(db)
    marks: list[tuple[str, float]] = []

    def mark(_fraction: float, message: str) -> None:
        if not marks or marks[-1][0] != message:
            marks.append((message, time.perf_counter()))

    start = time.perf_counter()
    result = import_file(engine, actor, path=csv, score=False, state=TaskState(mark))
    end = time.perf_counter()
    engine.dispose()
    stages = [(message, (marks[i + 1][1] if i + 1 < len(marks) else end) - at)
              for i, (message, at) in enumerate(marks)]
    return (end - start, (0 if result.refused else result.inserted), result.problem_lines(5),
            stages)


def _write_alone(ours: Path, db: Path) -> tuple[float, int]:
    with collector_paused():  # as the import pauses it: millions of live values to walk
        return _write_stored_rows(ours, db)


def _write_stored_rows(ours: Path, db: Path) -> tuple[float, int]:
    """The least any import into our schema costs: the three tables' rows exactly as our
    import stored them, already built in Python, written into a fresh file the way the import
    writes them (same journal, cache, index rebuild, constraints and foreign keys checked)."""
    engine, _, _ = _bench_database(db)
    src = sqlite3.connect(ours)
    try:
        tables = {t.name: _stored_columns(src, t.name) for t in (BATCHES, *TABLES)}
    finally:
        src.close()
    batches = tables.pop(BATCHES.name)
    with unit_of_work(engine) as session:  # the batch row the foreign keys point at
        insert_columns(session.connection(), BATCHES, batches)
    rows = len(next(iter(tables[TABLES[1].name].values())))
    start = time.perf_counter()
    with bulk_load_bind(engine, rows) as bind, unit_of_work(bind) as session:
        conn = session.connection()
        with bulk_cache(conn), deferred_sqlite_indexes(conn, list(tables), rows_added=rows):
            for table in TABLES:
                columns = tables.pop(table.name)
                same = {k: v[0] for k, v in columns.items() if _one_plain_value(v)}
                insert_columns(conn, table, {k: v for k, v in columns.items()
                                             if k not in same}, same=same)
                del columns  # as the import's are: holding them slows the commit by half
    seconds = time.perf_counter() - start
    with engine.connect() as conn:
        written = int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {TABLES[1].name}").scalar()
                      or 0)
    engine.dispose()
    return seconds, written


def _stored_columns(con: sqlite3.Connection, table: str) -> dict[str, list[Any]]:
    cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return {name: [r[i] for r in rows] for i, name in enumerate(names)}


def _one_plain_value(values: list[Any]) -> bool:
    """One value throughout: written into the statement once, as the import writes its batch
    id, key id and time stamp (here also a fee column that happens to be zero in every row)."""
    first = values[0] if values else None
    return (isinstance(first, int | str) and not isinstance(first, bool)
            and all(v == first for v in values))


def _in_fresh_process(fn: Any, *args: Any) -> Any:
    """Each measurement in its own process: generating a million-row CSV (or the other side's
    run) leaves a heap of freed memory behind that slows whatever runs next in that process
    by up to a fifth, which would favour whichever side runs first. Where there is a fork
    server (Linux, macOS), each is forked from one that imported this module and did nothing
    else, so the 2-3 s of imports are paid once, not per measurement; elsewhere, spawned."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_fresh_context()) as pool:
        return pool.submit(fn, *args).result()


def _fresh_context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # no effect once the server runs: imports then
    return context


def _stages(stages: list[tuple[str, float]]) -> str:
    return "; ".join(f"{message} {seconds:.2f} s" for message, seconds in stages)


def _import_on_server(rows: int, csv: Path, base: Path, db: str, head: str) -> str:
    """The same file imported into a fresh database on the server and into a fresh SQLite
    file, each in a fresh process; the last line is the ratio of the two (issue 34)."""
    with scratch_database(db) as url:
        server, n_server, problems, server_stages = _in_fresh_process(_our_import, csv, url)
    if n_server != rows:
        raise RuntimeError(f"bench import did not load all rows on the server: {problems}")
    ours, inserted, problems, stages = _in_fresh_process(_our_import, csv, base / "ours.sqlite")
    if inserted != rows:
        raise RuntimeError(f"bench import did not load all rows: {problems}")
    kind = kind_label(db)
    return "\n".join([
        head + f" on {kind} ({redact_url(db)}, in a database of its own, dropped after)",
        f"  riskdesk import, {kind:<10}: {server:7.2f} s  {rows / server:>10,.0f} rows/s",
        f"  riskdesk import, SQLite    : {ours:7.2f} s  {rows / ours:>10,.0f} rows/s  "
        "(validate, encrypt, hash, 3 tables, audit; one transaction; each in a fresh process)",
        f"  stages, {kind:<10}: " + _stages(server_stages),
        "  stages, SQLite    : " + _stages(stages),
        f"ratio to SQLite: {server / ours:.2f}",
    ])


def bench_import(rows: int, *, workdir: Path | None = None, db: str | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="riskdesk-bench-", dir=workdir) as tmp:
        base = Path(tmp)
        csv = base / "applications.csv"
        generated = _in_fresh_process(_write_demo_csv, rows, csv)
        if db is not None:
            mb = csv.stat().st_size / 1e6
            return _import_on_server(rows, csv, base, db, f"bench import: {rows:,} rows ({mb:.0f}"
                                     f" MB CSV, generated in {generated:.1f} s)")
        ours, inserted, problems, stages = _in_fresh_process(_our_import, csv,
                                                             base / "ours.sqlite")
        if inserted != rows:
            raise RuntimeError(f"bench import did not load all rows: {problems}")
        floor = _in_fresh_process(_raw_floor, csv, base / "raw.sqlite")
        alone, written = _in_fresh_process(_write_alone, base / "ours.sqlite",
                                           base / "alone.sqlite")
        if written != rows:
            raise RuntimeError(f"bench import's write alone wrote {written} of {rows} rows")
        mb = csv.stat().st_size / 1e6
    ratio = ours / floor
    return "\n".join([
        f"bench import: {rows:,} rows ({mb:.0f} MB CSV, generated in {generated:.1f} s)",
        f"  riskdesk import : {ours:7.2f} s  {rows / ours:>10,.0f} rows/s  "
        "(validate, encrypt, hash, 3 tables, audit; one transaction)",
        f"  raw floor       : {floor:7.2f} s  {rows / floor:>10,.0f} rows/s  "
        "(pandas.read_csv + sqlite3 executemany, one table, one transaction)",
        f"  ratio           : {ratio:7.2f}  (goal <= 2, limit 3; each side in a fresh process)",
        f"  write alone     : {alone:7.2f} s  {alone / floor:>10.2f} x floor  (our three tables' "
        "rows as stored, already built, written as the import writes them)",
        "  our stages      : " + _stages(stages),
    ])


def _score_floor(engine_path: Path, x: pd.DataFrame, booster: Any, flagged: np.ndarray,
                 db: Path) -> float:
    start = time.perf_counter()
    pd_ = booster.inplace_predict(x)
    contribs_rows = int(flagged.sum())
    if contribs_rows:
        booster.predict(xgb.DMatrix(x[flagged], enable_categorical=True), pred_contribs=True)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE score (application_id INTEGER, pd REAL)")
    with con:
        con.executemany("INSERT INTO score VALUES (?, ?)",
                        zip(range(len(pd_)), pd_.tolist(), strict=True))
    con.close()
    return time.perf_counter() - start


def _scored(target: Path | str, rows: int,
            challenger: bool = False) -> tuple[Engine, Any, float, float, Any]:
    """An N-row demo database imported and scored (with ``challenger``, a model in shadow
    beside the active one, issue 32): the engine, the model version, the seconds to build
    and to score, and the scoring job's result."""
    from riskdesk.services.credit.scoring_job import score_applications

    engine, actor, compliance = _bench_database(target)
    t0 = time.perf_counter()
    frame = demo_frame(rows, seed=1)
    result = import_frame(engine, actor, frame=frame, file_name="bench", sha256="0" * 64,
                          score=False)
    loaded = time.perf_counter() - t0
    if result.refused:
        raise RuntimeError("bench data did not load")
    del frame
    mv = _activate_default_model(engine, actor, compliance)
    if challenger:
        from riskdesk.bench.challenger import add_challenger

        add_challenger(engine, actor, compliance)
    start = time.perf_counter()
    scored = score_applications(engine, actor, scope="all")
    return engine, mv, loaded, time.perf_counter() - start, scored


def _score_side(target: Path | str, rows: int,
                challenger: bool = False) -> tuple[float, float, int]:
    engine, _, loaded, seconds, scored = _scored(target, rows, challenger)
    engine.dispose()
    return loaded, seconds, scored.flagged


def _score_on_server(rows: int, base: Path, db: str, challenger: bool = False) -> str:
    """The same scoring job on a fresh server database and a fresh SQLite file, each built
    and scored in a fresh process; the last line is the ratio of the two (issue 34)."""
    with scratch_database(db) as url:
        built, server, flagged = _in_fresh_process(_score_side, url, rows, challenger)
    built_sqlite, ours, _ = _in_fresh_process(_score_side, base / "ours.sqlite", rows,
                                              challenger)
    kind = kind_label(db)
    return "\n".join([
        f"bench score: {rows:,} applications ({flagged:,} flagged) on {kind} "
        f"({redact_url(db)}, in a database of its own, dropped after)"
        + (", a challenger scoring in shadow" if challenger else ""),
        f"  riskdesk score, {kind:<10}: {server:7.2f} s  {rows / server:>10,.0f} "
        f"applications/s  (database built in {built:.1f} s)",
        f"  riskdesk score, SQLite    : {ours:7.2f} s  {rows / ours:>10,.0f} applications/s  "
        f"(database built in {built_sqlite:.1f} s; each side in a fresh process)",
        f"ratio to SQLite: {server / ours:.2f}",
    ])


def bench_score(rows: int, *, workdir: Path | None = None, db: str | None = None,
                challenger: bool = False) -> str:
    """Our whole scoring job on an N-row demo database against a floor of bare prediction,
    contributions for the same flagged rows, and an executemany of the scores (with ``db``:
    against the same job on SQLite). ``challenger``: a second model scores in shadow beside
    the active one (issue 32); the floor stays the active model's alone."""
    from riskdesk.scoring.features import matrix
    from riskdesk.services.credit import registry as models
    from riskdesk.services.credit.explanations import booster_of

    with tempfile.TemporaryDirectory(prefix="riskdesk-bench-", dir=workdir) as tmp:
        base = Path(tmp)
        if db is not None:
            return _score_on_server(rows, base, db, challenger)
        engine, mv, loaded, ours, scored = _scored(base / "ours.sqlite", rows, challenger)
        meta, booster = models.meta_of(mv), booster_of(mv.artefact_sha256, mv.artefact)

        with unit_of_work(engine, write=False) as session:
            conn = session.connection()
            feats = pd.read_sql_query(
                "SELECT a.id, a.amount, a.term_months, f.* FROM application a "
                "LEFT JOIN application_features f ON f.application_id = a.id ORDER BY a.id",
                conn)
            flagged_ids = {r[0] for r in conn.exec_driver_sql(
                "SELECT application_id FROM decision_record WHERE outcome = 'flagged'")}
        engine.dispose()
        x = matrix(feats, meta["features"], meta["categories"])
        flagged = feats["id"].isin(flagged_ids).to_numpy()
        floor = _score_floor(base, x, booster, flagged, base / "raw.sqlite")
    ratio = ours / floor
    return "\n".join([
        f"bench score: {rows:,} applications ({scored.flagged:,} flagged; database built in "
        f"{loaded:.1f} s)",
        f"  riskdesk score  : {ours:7.2f} s  {rows / ours:>10,.0f} applications/s  (features, "
        "predict, reasons for flagged, rules, decisions, cases, writes; one transaction"
        + ("; a challenger scoring in shadow beside the active model)" if challenger else ")"),
        f"  floor           : {floor:7.2f} s  {rows / floor:>10,.0f} applications/s  (bare "
        "inplace_predict + pred_contribs on the flagged + sqlite3 executemany of the scores)",
        f"  ratio           : {ratio:7.2f}  (goal: under 1.5 at 1,000,000, issue 35)",
    ])


def bench_report(cases: int, *, workdir: Path | None = None) -> str:
    """The monthly compliance report over a month with ``cases`` scored applications (all
    submitted in the previous local month, scored, flagged ones as cases), goal < 10 s."""
    from riskdesk.config import SOURCE_TIMEZONE
    from riskdesk.services.credit.scoring_job import score_applications
    from riskdesk.services.periods import current_month, period
    from riskdesk.services.reporting import archive as reports

    with tempfile.TemporaryDirectory(prefix="riskdesk-bench-", dir=workdir) as tmp:
        engine, actor, compliance = _bench_database(Path(tmp) / "report.sqlite")
        with unit_of_work(engine, write=False) as session:
            last = current_month(session, back=1)
            bounds = period(session, month=last)
        start, end = bounds.start, bounds.end
        frame = demo_frame(cases, seed=2)
        spread = np.random.default_rng(2).integers(0, int((end - start).total_seconds()), cases)
        local = (pd.Timestamp(start) + pd.to_timedelta(spread, unit="s")).tz_localize(
            "UTC").tz_convert(SOURCE_TIMEZONE)
        frame["submitted_at"] = local.strftime("%Y-%m-%d %H:%M:%S")
        t0 = time.perf_counter()
        if import_frame(engine, actor, frame=frame, file_name="bench", sha256="1" * 64,
                        score=False).refused:
            raise RuntimeError("bench data did not load")
        _activate_default_model(engine, actor, compliance)
        scored = score_applications(engine, actor, scope="all")
        built = time.perf_counter() - t0
        start_t = time.perf_counter()
        issued = reports.monthly_report(engine, compliance, month=last, language="en")
        took = time.perf_counter() - start_t
        engine.dispose()
    return "\n".join([
        f"bench report: monthly report for {last} over {cases:,} applications "
        f"({scored.flagged:,} flagged as cases; database built in {built:.1f} s)",
        f"  riskdesk report monthly : {took:7.2f} s  ({issued.report.size:,} bytes, "
        f"{'ok' if took < 10 else 'OVER 10 s'}; goal < 10 s)",
    ])
