"""The import use case: a file lands whole or not at all.

Default: any invalid row or conflict refuses the file; nothing but the refusal (an ImportBatch
row and an audit event) is written. With ``skip_invalid`` the good rows go in and the others
go to a rejects file (personal data masked). Re-importing the same content is idempotent;
different content under a known application number is a conflict, never an overwrite.
"""
from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Connection, Engine, Table
from sqlalchemy.orm import Session

from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures, ImportBatch
from riskdesk.domain.enums import ImportOutcome
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput, RiskdeskError
from riskdesk.i18n import translate
from riskdesk.security.cells import safe_frame
from riskdesk.security.datakey import DataCipher, load_cipher
from riskdesk.security.masking import mask_name
from riskdesk.security.redact import mask_field, redact
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.intake import cells
from riskdesk.services.intake import stored_columns as stored
from riskdesk.services.intake.columns import COLUMNS, FEATURE_COLUMNS
from riskdesk.services.intake.content import (
    PII_FIELDS,
    content_hashes,
    frame_strings,
    stored_strings,
)
from riskdesk.services.intake.reader import read_table
from riskdesk.services.intake.validate import (
    FIRST_DATA_ROW,
    PROBLEM_COLUMNS,
    Validated,
    validate,
)
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import (
    bulk_cache,
    bulk_load_bind,
    collector_paused,
    consecutive_ids,
    deferred_foreign_keys,
    deferred_sqlite_indexes,
    insert_columns,
    next_ids,
    prepared_alongside,
    scalar_value,
    select_in,
)
from riskdesk.storage.clock import utcnow
from riskdesk.storage.planner import analyzed_after
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

SHOWN_PROBLEMS = 50
# Where each stage starts on the progress bar (scoring the new rows takes 0.9 to 1.0).
WRITING, INDEXES, SAVING = 0.3, 0.75, 0.85
DISPLAY_MASKS: dict[str, Any] = {
    "id_no": lambda v: mask_field("id_no", v), "phone": lambda v: mask_field("phone", v),
    "card_no": lambda v: mask_field("card", v), "name": mask_name,
    "contact_phone": lambda v: mask_field("phone", v)}


@dataclass(frozen=True)
class ImportResult:
    outcome: str
    batch_id: int | None
    file_name: str
    sha256: str
    file_format: str
    rows_total: int
    inserted: int = 0
    present: int = 0
    conflicts: int = 0
    rejected: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))
    unknown_columns: list[str] = field(default_factory=list)
    rejects_path: Path | None = None
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> as in the file
    scoring: Any = None  # ScoreResult when the new applications were scored
    scoring_note: str = ""

    def header(self, column: str) -> str:
        """A column as the file named it, so a problem points at what the officer sees."""
        return self.headers.get(column, column)

    @property
    def refused(self) -> bool:
        return self.outcome == ImportOutcome.REFUSED

    @property
    def flagged(self) -> int | None:
        """How many of the new applications the scoring flagged; None when they were not
        scored (nothing new, or no active model: ``scoring_note`` says why)."""
        return None if self.scoring is None else int(self.scoring.flagged)

    @property
    def cases_opened(self) -> int | None:
        """The pre-loan cases the scoring opened for them; None when not scored."""
        return None if self.scoring is None else int(self.scoring.cases)

    def problem_lines(self, limit: int = SHOWN_PROBLEMS) -> list[str]:
        tmpl = translate("Import", "row {row}, column {column}, value \"{value}\": {reason}")
        lines = [redact(tmpl.format(row=r.row, column=self.header(str(r.column)),
                                    value=r.value, reason=r.reason))
                 for r in self.problems.head(limit).itertuples(index=False)]
        if len(self.problems) > limit:
            lines.append(translate("Import", "... and {n} more problems").format(
                n=len(self.problems) - limit))
        return lines


class _Refusal(Exception):
    def __init__(self, problems: pd.DataFrame) -> None:
        super().__init__("refused")
        self.problems = problems


def import_file(engine: Engine, actor: Actor, *, path: Path, skip_invalid: bool = False,
                rejects_path: Path | None = None, state: TaskState | None = None,
                score: bool = True) -> ImportResult:
    require(actor, Action.APPLICATION_IMPORT)
    state = state or TaskState()
    state.progress(0.0, translate("Import", "Reading {file}").format(file=path.name))
    try:
        table = read_table(path)
    except InvalidInput as exc:
        _record_refusal(engine, actor, path.name, "", 0, 0, str(exc))
        raise
    return import_frame(engine, actor, frame=table.frame, file_name=path.name, sha256=table.sha256,
                        file_format=table.file_format, unknown_columns=table.unknown_columns,
                        headers=table.headers, skip_invalid=skip_invalid,
                        rejects_path=rejects_path, state=state, score=score,
                        cell_problems=table.problems)


def import_frame(engine: Engine, actor: Actor, *, frame: pd.DataFrame, file_name: str,
                 sha256: str, file_format: str = "frame", unknown_columns: Iterable[str] = (),
                 headers: dict[str, str] | None = None,
                 skip_invalid: bool = False, rejects_path: Path | None = None,
                 state: TaskState | None = None, score: bool = True,
                 cell_problems: pd.DataFrame | None = None) -> ImportResult:
    """``cell_problems``: cells the reader refused (row, column, value, reason), such as
    numbers in an Excel ID column; they replace whatever validation says of those cells."""
    require(actor, Action.APPLICATION_IMPORT)
    with collector_paused():
        return _import_frame(engine, actor, frame, file_name=file_name, sha256=sha256,
                             file_format=file_format, unknown_columns=unknown_columns,
                             headers=headers, skip_invalid=skip_invalid,
                             rejects_path=rejects_path, state=state or TaskState(), score=score,
                             cell_problems=cell_problems)


def _with_cell_problems(checked: Validated, cell_problems: pd.DataFrame | None) -> None:
    if cell_problems is None or not len(cell_problems):
        return
    cells_ = set(zip(cell_problems["row"].tolist(), cell_problems["column"].tolist(),
                     strict=True))
    rest = checked.problems[[(r, c) not in cells_ for r, c in zip(
        checked.problems["row"].tolist(), checked.problems["column"].tolist(), strict=True)]]
    checked.problems = _concat([rest, cell_problems])
    checked.bad.loc[cell_problems["row"].to_numpy(dtype=np.int64) - FIRST_DATA_ROW] = True


def _import_frame(engine: Engine, actor: Actor, frame: pd.DataFrame, *, file_name: str,
                  sha256: str, file_format: str, unknown_columns: Iterable[str],
                  headers: dict[str, str] | None, skip_invalid: bool,
                  rejects_path: Path | None, state: TaskState, score: bool,
                  cell_problems: pd.DataFrame | None = None) -> ImportResult:
    state.progress(0.05, translate("Import", "Checking {n} rows").format(n=len(frame)))
    checked = validate(frame)
    _with_cell_problems(checked, cell_problems)
    with unit_of_work(engine) as session:  # creates the data key on a new database
        load_cipher(session)
    result = ImportResult(ImportOutcome.COMMITTED, None, file_name, sha256, file_format,
                          rows_total=len(frame), unknown_columns=list(unknown_columns),
                          headers=dict(headers or {}))
    try:
        with bulk_load_bind(engine, len(frame)) as bind, unit_of_work(bind) as session:
            cipher = load_cipher(session, create=False)
            state.progress(0.2, translate("Import", "Comparing with stored applications"))
            valid = checked.clean[~checked.bad]
            strings, digests = frame_strings(valid, cipher)
            hashes = pd.Series(content_hashes(strings), index=valid.index, dtype=object)
            present, conflicts, applicant_ids = _compare(session, valid, strings, hashes,
                                                         digests["id_no"])
            unknown = _partner_ids(session, valid)
            problems = _concat([checked.problems, conflicts, unknown])
            if len(problems) and not skip_invalid:
                raise _Refusal(problems)
            state.check()
            bad_rows = set((problems["row"] - FIRST_DATA_ROW).tolist())
            new = valid.index[~valid.index.isin(present) & ~valid.index.isin(list(bad_rows))]
            result = replace(
                result, present=len(present), problems=problems, rejected=len(bad_rows),
                conflicts=len(set(conflicts["row"].tolist())) if len(conflicts) else 0)
            keep = valid.index.isin(new)
            everything = bool(keep.all())
            batch_id, inserted = _write(
                session, actor, cipher, valid if everything else valid[keep],
                hashes if everything else hashes[keep], applicant_ids,
                {k: pd.Series(v, index=valid.index, dtype=object)[keep]
                 for k, v in digests.items()}, result, state)
            result = replace(result, batch_id=batch_id, inserted=inserted)
            state.progress(SAVING, translate("Import", "Saving"))
    except _Refusal as refusal:
        conflict_rows = refusal.problems[refusal.problems["reason"].str.startswith(
            _conflict_prefix())]
        rejected = int(refusal.problems["row"].nunique())
        result = replace(
            result, outcome=ImportOutcome.REFUSED, problems=refusal.problems,
            conflicts=conflict_rows["row"].nunique(), rejected=rejected,
            batch_id=_record_refusal(
                engine, actor, file_name, sha256, len(frame), rejected,
                translate("Import", "{n} problems in {rows} rows").format(
                    n=len(refusal.problems), rows=rejected)))
        _log(result)
        return result
    if skip_invalid and rejects_path is not None and result.rejected:
        result = replace(result, rejects_path=write_rejects(frame, result.problems,
                                                            rejects_path))
    if score and result.inserted and result.batch_id is not None:
        result = _score_batch(engine, actor, result, state)
    state.progress(1.0, translate("Import", "Done"))
    _log(result)
    return result


def _score_batch(engine: Engine, actor: Actor, result: ImportResult,
                 state: TaskState) -> ImportResult:
    """Same job, own transaction: the import stands even if no model is active yet; the
    result with the scoring's outcome."""
    from riskdesk.services.credit.scoring_job import (
        NoActiveModel,
        ScoreResult,
        score_applications,
    )
    from riskdesk.services.rings.detect import RingsNotLinked

    state.progress(0.9, translate("Import", "Scoring the new applications"))
    try:
        scoring = score_applications(engine, actor, batch_id=result.batch_id,
                                     state=state.sub(0.9, 1.0))
    except NoActiveModel as exc:
        return replace(result, scoring_note=str(exc))
    except RingsNotLinked as exc:  # the import and the run stand; the rings wait
        done = exc.scored if isinstance(exc.scored, ScoreResult) else None
        return replace(result, scoring=done,
                       scoring_note=(done.summary() + " " if done else "") + str(exc))
    return replace(result, scoring=scoring, scoring_note=scoring.summary())


def _partner_ids(session: Session, valid: pd.DataFrame) -> pd.DataFrame:
    """The partner codes, as the register knows them (set as ``partner_id``); the rows naming
    an unknown partner as problems."""
    from riskdesk.services.partners.register import by_code

    codes = valid["partner_code"].fillna("").astype(str).str.strip()
    known = by_code(session) if (codes != "").any() else {}  # type: ignore[arg-type]
    valid["partner_id"] = codes.map(known).astype(object).where(codes.isin(known), None)
    bad = (codes != "") & ~codes.isin(known)
    return pd.DataFrame({"row": (valid.index[bad] + FIRST_DATA_ROW).tolist(),
                         "column": ["partner_code"] * int(bad.sum()),
                         "value": [cells.shown(c) for c in codes[bad].tolist()],
                         "reason": [translate("Import", "no such partner in the register")]
                         * int(bad.sum())}, columns=PROBLEM_COLUMNS)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [f for f in frames if len(f)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
    return pd.concat(parts, ignore_index=True).sort_values(["row", "column"], kind="stable") \
        .reset_index(drop=True)


def _conflict_prefix() -> str:
    return translate("Import", "conflict:")


TABLES: tuple[Table, Table, Table] = (
    table_of(Applicant), table_of(Application), table_of(ApplicationFeatures))


def _compare(session: Session, valid: pd.DataFrame, strings: dict[str, pa.Array],
             hashes: pd.Series, id_digests: list[str],
             ) -> tuple[pd.Index, pd.DataFrame, dict[str, int]]:
    """Rows already stored with the same content, conflicts naming the differing fields, and
    the ids of already stored applicants (by ID-number hash) for the rows to write."""
    stored: dict[str, tuple[int, str]] = {
        no: (i, h) for no, i, h in select_in(session.connection(), table_of(Application),
                                             "application_no", ["id", "content_hash"],
                                             valid["application_no"].tolist())}
    problems: list[dict[str, Any]] = []
    if not stored:
        present = pd.Index([])
    else:
        known = valid["application_no"].map(lambda no: stored.get(no, (None, None))[1])
        same = known.notna() & (known == hashes)
        present = valid.index[same.to_numpy()]
        differ = valid.index[(known.notna() & ~same).to_numpy()]
        also_present = []
        for idx in differ:
            app_no = str(valid.at[idx, "application_no"])
            old = stored_strings(_stored_values(session, stored[app_no][0]))
            pos = valid.index.get_loc(idx)
            new = {name: str(strings[name][pos].as_py()) for name in old}
            changed = [n for n in old if old[n] != new[n]]
            if not changed:  # stored before a column was added: same content, older hash
                also_present.append(idx)
            for name in changed:
                problems.append(_conflict(idx, name, app_no, old[name], new[name]))
        present = present.append(pd.Index(also_present, dtype=present.dtype))
    name_problems, applicant_ids = _name_conflicts(session, valid, id_digests, present)
    problems.extend(name_problems)
    return present, pd.DataFrame(problems, columns=PROBLEM_COLUMNS), applicant_ids


def _conflict(idx: int, name: str, app_no: str, old: str, new: str) -> dict[str, Any]:
    if name in PII_FIELDS:
        shown = translate("Import", "stored and file values differ")
    else:
        shown = cells.shown(f"{old} -> {new}")
    return {"row": idx + FIRST_DATA_ROW, "column": name, "value": shown[:60],
            "reason": _conflict_prefix() + " " + translate(
                "Import", "application {no} is already stored with a different {field}").format(
                no=app_no, field=name)}


def _name_conflicts(session: Session, valid: pd.DataFrame, id_digests: list[str],
                    present: pd.Index) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """A known ID number under another name is a conflict, not a silent rename. Also returns
    the stored applicants' ids, so the writer need not look them up again."""
    rest = valid.index[~valid.index.isin(present)]
    id_hashes = pd.Series(id_digests, index=valid.index, dtype=object)[rest]
    stored_people = {h: (i, n) for h, i, n in select_in(
        session.connection(), table_of(Applicant), "id_no_hash", ["id", "name"],
        id_hashes.tolist())}
    names = {h: n for h, (_, n) in stored_people.items()}
    out = []
    for idx, h in zip(id_hashes.index, id_hashes.tolist(), strict=True):
        stored = names.get(h)
        if stored is None:  # the common case: skip the per-row frame lookup
            continue
        given = str(valid.at[idx, "name"])
        if stored != given:
            out.append({"row": int(idx) + FIRST_DATA_ROW, "column": "name",
                        "value": f"{mask_name(stored)} -> {mask_name(given)}",
                        "reason": _conflict_prefix() + " " + translate(
                            "Import", "this ID number is stored under a different name")})
    return out, {h: i for h, (i, _) in stored_people.items()}


def _stored_values(session: Session, application_id: int) -> dict[str, Any]:
    app = session.get(Application, application_id)
    assert app is not None
    person = session.get(Applicant, app.applicant_id)
    feats = session.get(ApplicationFeatures, application_id)
    values: dict[str, Any] = {c.name: getattr(app, c.name, None) for c in COLUMNS
                              if c.target == "application"}
    values.update({"name": person.name if person else None,
                   "id_no": person.id_no_hash if person else None,
                   "phone": app.phone_hash, "card_no": app.card_hash})
    for name in FEATURE_COLUMNS:
        values[name] = getattr(feats, name, None) if feats else None
    return values


def _write(session: Session, actor: Actor, cipher: DataCipher, rows: pd.DataFrame,
           hashes: pd.Series, applicant_ids: dict[str, int], digests: dict[str, pd.Series],
           result: ImportResult, state: TaskState) -> tuple[int, int]:
    now = utcnow(session)
    batch = ImportBatch(file_name=result.file_name[:255], sha256=result.sha256,
                        rows_total=result.rows_total, user_id=actor.user_id,
                        username=actor.username, started_at=now, outcome=ImportOutcome.COMMITTED)
    session.add(batch)
    session.flush()
    assert batch.id is not None
    conn = session.connection()
    written = [t.name for t in TABLES]
    # (PostgreSQL: the planner's statistics of the rows written, once the indexes and keys
    # are back, in this transaction)
    with analyzed_after(conn, written, rows_added=len(rows)), bulk_cache(conn), \
            deferred_foreign_keys(conn, written, rows_added=len(rows)), \
            deferred_sqlite_indexes(conn, written, rows_added=len(rows)) as deferred:
        m = _insert_rows(conn, cipher, batch.id, now, rows, hashes, applicant_ids, digests,
                         state)
        if deferred:  # recreated when this block ends: seconds at a million rows
            state.progress(INDEXES, translate("Import", "Rebuilding the indexes"))
    n = len(rows)
    batch.rows_inserted, batch.rows_present = n, result.present
    batch.rows_conflict, batch.rows_rejected = result.conflicts, result.rejected
    batch.finished_at = utcnow(session)
    batch.message = translate("Import", "{n} new, {p} already present, {r} rejected").format(
        n=n, p=result.present, r=result.rejected)
    audit.append(session, actor, action="import.commit", entity_type="import_batch",
                 entity_id=batch.id, after={
        "file": result.file_name, "sha256": result.sha256, "format": result.file_format,
        "rows": result.rows_total, "inserted": n, "present": result.present,
        "conflicts": result.conflicts, "rejected": result.rejected, "new_applicants": m})
    return batch.id, n


def _insert_rows(conn: Connection, cipher: DataCipher, batch_id: int, now: datetime,
                 rows: pd.DataFrame, hashes: pd.Series, known: dict[str, int],
                 digests: dict[str, pd.Series], state: TaskState) -> int:
    """Applicants (new ID numbers only; ``known`` maps stored ones to their ids),
    applications, features; returns how many applicants were new.

    One table after the other. On SQLite inserting on a second thread while the next table
    was prepared measured no faster (the driver's binding and the preparation both need the
    GIL); on MariaDB, where the server does the loading, the next table's columns are built
    while this one's load runs (``bulk.prepared_alongside``)."""
    applicants, applications, features = TABLES
    n = len(rows)
    if n == 0:
        return 0
    total_work = max(1, 3 * n)

    def progress(base: int) -> Any:
        return lambda done: state.progress(
            WRITING + (INDEXES - WRITING) * (base + done) / total_work,
            translate("Import", "Writing applications"))

    progress(0)(0)  # the stage starts with building the columns, before the first chunk

    stamp = scalar_value(conn, now)
    id_hash = digests["id_no"]
    known = dict(known)
    first = ~id_hash.duplicated(keep="first") & ~id_hash.isin(known.keys())
    m = int(first.sum())
    person_ids = next_ids(conn, applicants, m)
    app_ids = next_ids(conn, applications, n)
    # New applicants in the order of their ID-number hash, numbered in that order: the unique
    # hash index then grows at its end instead of at a million random places (half the cost).
    people = rows.loc[first.to_numpy(), ["name", "id_no", "birth_from_id"]]
    people_hash = id_hash[first]
    order = pc.sort_indices(pa.array(people_hash.tolist(), type=pa.string())).to_numpy()
    people, people_hash = people.iloc[order], people_hash.iloc[order]
    with prepared_alongside(conn) as alongside:
        person_cols = stored.applicant_columns(conn, cipher, people, people_hash.tolist())
        if person_ids is not None:
            person_cols["id"] = person_ids
        numbered: list[int] | None = [] if person_ids is None and consecutive_ids(conn) \
            else None
        # each next table's columns built while this one loads, where that overlaps (MariaDB)
        app_cols_later = alongside.submit(functools.partial(
            stored.application_columns, conn, cipher, rows, hashes, digests))
        insert_columns(conn, applicants, person_cols, check=progress(0), same={
            "key_id": cipher.key_id, "first_batch_id": batch_id, "created_at": stamp},
            ids=numbered)
        person_ids = person_ids if numbered is None else numbered  # MariaDB: from the inserts
        if person_ids is not None:
            known.update(zip(person_cols["id_no_hash"], person_ids, strict=True))
        else:  # a server database numbered them: look the new ones up
            known.update(select_in(conn, applicants, "id_no_hash", ["id"],
                                   person_cols["id_no_hash"]))
        del person_cols  # each table's values freed once written: a smaller heap writes faster
        app_cols = app_cols_later()
        feat_cols_later = alongside.submit(functools.partial(stored.feature_columns, conn, rows))
        app_cols["applicant_id"] = [known[h] for h in id_hash.tolist()]
        if app_ids is not None:
            app_cols["id"] = app_ids
        numbered = [] if app_ids is None and consecutive_ids(conn) else None
        insert_columns(conn, applications, app_cols, check=progress(n), same={
            "batch_id": batch_id, "key_id": cipher.key_id, "created_at": stamp}, ids=numbered)
        app_ids = app_ids if numbered is None else numbered
        if app_ids is None:
            found = dict(select_in(conn, applications, "application_no", ["id"],
                                   app_cols["application_no"]))
            app_ids = [found[a] for a in app_cols["application_no"]]
        del app_cols
        feat_cols = feat_cols_later()
        feat_cols["application_id"] = app_ids
        insert_columns(conn, features, feat_cols, check=progress(2 * n))
    return m


def _record_refusal(engine: Engine, actor: Actor, file_name: str, sha256: str, rows: int,
                    bad_rows: int, message: str) -> int | None:
    """A refused file leaves a trace for the auditor, and nothing else."""
    try:
        with unit_of_work(engine) as session:
            now = utcnow(session)
            batch = ImportBatch(file_name=file_name[:255], sha256=sha256, rows_total=rows,
                                rows_rejected=bad_rows, user_id=actor.user_id,
                                username=actor.username, started_at=now, finished_at=now,
                                outcome=ImportOutcome.REFUSED, message=message[:2000])
            session.add(batch)
            session.flush()
            audit.append(session, actor, action="import.refused", entity_type="import_batch",
                         entity_id=batch.id or 0,
                         after={"file": file_name, "sha256": sha256, "rows": rows,
                                "rows_with_problems": bad_rows})
            return batch.id
    except RiskdeskError:
        return None


def write_rejects(frame: pd.DataFrame, problems: pd.DataFrame, path: Path) -> Path:
    """Rejected rows with their reasons, personal data masked; written atomically."""
    rows = (problems["column"].astype(str) + ": " + problems["reason"].astype(str)).groupby(
        problems["row"], sort=True).agg("; ".join)
    out = frame.loc[rows.index - FIRST_DATA_ROW].copy()
    for name, mask in DISPLAY_MASKS.items():
        if name in out:
            out[name] = out[name].astype(str).map(lambda v, m=mask: m(v) if v else v)
    # every other column too: an ID number in the birth-date column is masked all the same,
    # control characters are named, and no cell starts a formula (issue 25)
    for name in out.columns:
        out[name] = cells.shown_series(out[name].astype(object).where(out[name].notna(), ""),
                                       limit=10**6)
    out.insert(0, "row", rows.index)
    out.insert(1, "reasons", cells.shown_series(pd.Series(rows.to_numpy()), limit=10**6)
               .to_numpy())
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".rejects-", suffix=".csv", dir=path.parent or ".")
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
        safe_frame(out).to_csv(fh, index=False)
    os.replace(tmp, path)
    return path


def _log(result: ImportResult) -> None:
    import logging

    logging.getLogger(__name__).info(
        "import %s: %s rows, %s inserted, %s already present, outcome %s", result.file_name,
        result.rows_total, result.inserted, result.present, result.outcome)
