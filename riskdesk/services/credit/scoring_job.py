"""The scoring job: features -> PD and points -> rules -> decision records -> cases.

One transaction per job. Applications that already have a decision under the same model,
rule-set and policy versions are left alone, so running the job twice adds nothing. A score
is kept per application and model; reasons (exact contributions) are computed here for every
flagged application and, for the others, on first request
(:func:`riskdesk.services.credit.explanations.reasons_for`).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Connection,
    Float,
    and_,
    case,
    cast,
    exists,
    func,
    select,
    type_coerce,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import SQLModel

from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import (
    SEVERITY_RANK,
    Band,
    CaseKind,
    DecisionOutcome,
    Severity,
)
from riskdesk.domain.partners import Partner
from riskdesk.domain.rules import RuleHit
from riskdesk.domain.scoring import (
    DecisionRecord,
    ModelVersion,
    PolicyVersion,
    Score,
    ScoreReason,
    ScoreRun,
)
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.rules.evaluate import RuleInput, Setting, evaluate
from riskdesk.scoring import calibration
from riskdesk.scoring.features import matrix
from riskdesk.scoring.scorecard import points as to_points
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit import rule_inputs as inputs
from riskdesk.services.credit import run_cases, run_decisions
from riskdesk.services.credit.explanations import NUMERIC, Explainer, booster_of, insert_reasons
from riskdesk.services.credit.registry import active, meta_of
from riskdesk.services.credit.rulesets import current_policy, current_rule_set
from riskdesk.services.credit.shadow import bands_at, challenger, extra_features, score_beside
from riskdesk.services.feed import run_records
from riskdesk.services.lists import entries as lists
from riskdesk.services.permissions import Action, require
from riskdesk.services.rings import detect as rings
from riskdesk.storage import planner
from riskdesk.storage.bulk import (
    bulk_cache,
    bulk_load_bind,
    collector_paused,
    consecutive_ids,
    deferred_foreign_keys,
    deferred_sqlite_indexes,
    frame_of,
    insert_columns,
    is_empty,
    next_ids,
    scalar_value,
    select_in,
)
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.storage.unique_keys import deferred_unique_keys
from riskdesk.tasks import TaskState

READ_CHUNK = 100_000  # applications read, predicted and sent to be explained at a time
A, P, F = table_of(Application).c, table_of(Applicant).c, table_of(ApplicationFeatures).c
S, D, H = table_of(Score).c, table_of(DecisionRecord).c, table_of(RuleHit).c
C, R = table_of(Case).c, table_of(ScoreReason).c


@dataclass
class _Tally:
    """A run's ids and counts as its steps write them; the caller gets them frozen, as a
    :class:`ScoreResult`."""
    run_id: int
    model_version_id: int
    rule_set_id: int
    policy_version_id: int
    decisions: int = 0
    scores: int = 0
    flagged: int = 0
    rule_hits: int = 0
    reasons: int = 0
    cases: int = 0


@dataclass(frozen=True)
class ScoreResult:
    """What a scoring run did (a read model: frozen)."""
    run_id: int
    model_version_id: int
    rule_set_id: int
    policy_version_id: int
    decisions: int
    scores: int
    flagged: int
    rule_hits: int
    reasons: int
    cases: int

    def summary(self) -> str:
        return translate("Scoring", "{d} decisions ({f} flagged), {s} new scores, {h} rule hits, "
                         "{r} reason codes, {c} new cases (model {m}, rule set {rs}, policy "
                         "{p})").format(d=self.decisions, f=self.flagged, s=self.scores,
                                       h=self.rule_hits, r=self.reasons, c=self.cases,
                                       m=self.model_version_id, rs=self.rule_set_id,
                                       p=self.policy_version_id)


class NoActiveModel(InvalidInput):
    pass


def band_of(pd_: np.ndarray, policy: PolicyVersion) -> np.ndarray:
    return bands_at(pd_, policy.approve_below, policy.decline_from)


def score_applications(engine: Any, actor: Actor, *, scope: str = "all",
                       batch_id: int | None = None,
                       state: TaskState | None = None) -> ScoreResult:
    """``scope``: ``all`` (every application not yet decided under the versions in force) or
    ``unscored`` (only applications never decided); ``batch_id`` narrows to one import."""
    require(actor, Action.SCORE_RUN)
    state = state or TaskState()
    # No cyclic collection while the job holds a million rows' values (as the import): the
    # collector walked them 22,000 times, 6.8 s of a 1,000,000-application run (issue 35).
    with collector_paused(), bulk_load_bind(engine, _in_scope(engine, batch_id)) as bind, \
            unit_of_work(bind) as session:
        model = active(session)
        if model is None:
            raise NoActiveModel(translate(
                "Scoring", "No model is active: an admin proposes one and compliance or a "
                "senior officer approves it (riskdesk model propose / approve)."))
        rule_set, settings = current_rule_set(session, actor)
        policy = current_policy(session, actor)
        now, contender = utcnow(session), challenger(session)
        evaluated = {"triggers": ["PD_BAND", *sorted(c for c, s in settings.items()
                                                      if s.enabled)],
                     "pd_bands": [policy.approve_below, policy.decline_from]}
        run = ScoreRun(model_version_id=model.id or 0, rule_set_id=rule_set.id or 0,
                       policy_version_id=policy.id or 0, started_at=now,
                       evaluated=json.dumps(evaluated, sort_keys=True, separators=(",", ":")),
                       username=actor.username, scope=scope if batch_id is None
                       else f"batch {batch_id}")
        session.add(run)
        session.flush()
        result = _Tally(run.id or 0, model.id or 0, rule_set.id or 0, policy.id or 0)
        conn = session.connection()
        state.progress(0.05, translate("Scoring", "Reading applications"))
        undecided = _undecided(result, scope)
        with_ids = "ID_CHECKSUM" in settings and settings["ID_CHECKSUM"].enabled
        explainer = Explainer(model)
        fill_after, decided = False, []
        try:
            deciding = _unscored(conn, batch_id)
            with bulk_cache(conn), deferred_foreign_keys(  # a first run on PostgreSQL
                    conn, WRITTEN, rows_added=deciding) as first, deferred_foreign_keys(
                    conn, ["review_case"], rows_added=deciding if first else 0,
                    pointing_at=CASES_POINT_AT), deferred_unique_keys(
                    conn, KEYED, rows_added=deciding if first and _none_decided(conn) else 0):
                read = _read_and_predict(conn, result, undecided, batch_id, with_ids, model,
                                         policy, settings, explainer, state,
                                         extra_features(session, champion=model))
                if len(read.frame):
                    if with_ids:
                        read.frame["id_checksum_ok"] = inputs.checksums(session, frame=read.frame)
                    lists.add_device_keys(session, frame=read.frame)  # devices on a list (issue 30)
                    _run(conn, model, settings, policy, read, explainer, result, now,
                         undecided, state)
                    if contender is not None:  # the challenger in shadow (issue 32)
                        score_beside(session, actor, model=contender, run=run, frame=read.frame,
                                     policy=policy, now=now)
                    lists.log_silenced(session, actor, silenced=read.silenced, run_id=run.id)
                    # The link store and the rings these applications are in (issue 33); a
                    # new database's first run fills the store after it commits (issue 35).
                    decided = read.frame["id"].tolist()
                    fill_after = rings.fills_store_after(session, application_ids=decided)
                    if not fill_after:
                        rings.after_scoring(session, actor, application_ids=decided,
                                            settings=settings, now=now)
        finally:
            explainer.close()
        run.finished_at = utcnow(session)
        run.scored, run.flagged = result.decisions, result.flagged
        run.rule_hits, run.cases = result.rule_hits, result.cases
        event = audit.append(session, actor, action="score.run", entity_type="score_run",
                             entity_id=run.id or 0, after={
            "model_version": result.model_version_id, "rule_set": result.rule_set_id,
            "policy_version": result.policy_version_id, "scope": run.scope,
            "decisions": result.decisions, "flagged": result.flagged,
            "scores": result.scores, "rule_hits": result.rule_hits,
            "reasons": result.reasons, "cases": result.cases})
        # The run's automatic approvals and flags, final now: to origination (issue 29). Under
        # the bulk cache: with the workstation's, the run's dirty pages were spilled to the
        # file to make room for the pages this reads (at a million applications the records
        # and the commit 8.7 -> 7.8 s of CPU).
        with bulk_cache(conn):
            run_records.record_scoring_run(session, run_id=run.id or 0,
                                           decided_by=actor.username,
                                           audit_seq=event.seq or None)
    if fill_after:  # committed: no longer cancellable (see rings.fill_store)
        state.report(0.95, translate("Scoring", "Linking applications for fraud rings"))
        try:
            rings.fill_store(engine, actor, application_ids=decided)
        except rings.RingsNotLinked as exc:
            exc.scored = ScoreResult(**asdict(result))
            raise
    state.report(1.0, translate("Scoring", "Done"))
    return ScoreResult(**asdict(result))


# What a run writes in bulk: on PostgreSQL their foreign keys are checked once after a first
# run's writes instead of row by row (storage.bulk.deferred_foreign_keys, issue 34).
WRITTEN = ["score", "decision_record", "rule_hit", "score_reason", "link_edge"]
# The cases' keys to what the run reads or writes, likewise, on a first run alone (the
# written tables' keys set aside; the cases themselves are too few to judge by: a later run
# over every application would always "double" them): two triggers per case were 1.3 s of a
# first 200,000-application run's 3.2 s cases' INSERT. Their keys to the users stay, so
# sign-ins, which read the users, do not wait for the run.
CASES_POINT_AT = ["application", "decision_record"]
# On a database's very first run (no decision yet) also the written tables' primary and
# unique keys, built once after the rows (storage.unique_keys; a duplicate still fails the
# run when its key is added back). The decisions' primary key stays: the challengers' shadow
# scores point at it. 200,000 applications: the decisions' INSERT 0.78-1.20 s with their
# keys, 0.36-0.52 s without (issue 34). Not on a later run that merely outnumbers what is
# there: clearing the current decisions and refreshing the open cases look rows up by these
# keys (40,000 current decisions cleared in 0.46 s with them, 4.2-5.0 s without).
KEYED = ["score", "score_reason", "rule_hit", "decision_record"]


def _none_decided(conn: Connection) -> bool:
    return is_empty(conn, table_of(DecisionRecord))


def _in_scope(engine: Any, batch_id: int | None) -> int:
    """At most how many applications a run on a SQLite file decides (the applications in
    scope): from 50,000 on the run is written with a rollback journal where nobody else has
    the file open (``bulk_load_bind``; the WAL's second copy of every page was 0.4 s of CPU per
    100,000 applications at commit). Elsewhere not counted."""
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as conn:
        return _counted(conn, batch_id)


def _counted(conn: Connection, batch_id: int | None) -> int:
    query = select(func.count()).select_from(table_of(Application))
    return int(conn.execute(query if batch_id is None else query.where(
        A.batch_id == batch_id)).scalar() or 0)


def _unscored(conn: Connection, batch_id: int | None) -> int:
    """At most how many applications this run decides (the applications in scope)."""
    if conn.dialect.name != "postgresql":
        return 0  # only PostgreSQL defers its foreign keys
    return _counted(conn, batch_id)


def _undecided(result: _Tally, scope: str) -> ColumnElement[bool]:
    if scope == "unscored":
        return ~exists().where(D.application_id == A.id)
    if scope != "all":
        raise InvalidInput(translate("Scoring", "Scope must be all or unscored."))
    return ~exists().where(and_(D.application_id == A.id,
                                D.model_version_id == result.model_version_id,
                                D.rule_set_id == result.rule_set_id,
                                D.policy_version_id == result.policy_version_id))


@dataclass
class _Read:
    """The applications in scope with their margins."""
    frame: pd.DataFrame
    margin: np.ndarray
    silenced: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)


def _read_and_predict(conn: Connection, result: _Tally, undecided: ColumnElement[bool],
                      batch_id: int | None, with_ids: bool, model: ModelVersion,
                      policy: PolicyVersion, settings: dict[str, Setting],
                      explainer: Explainer, state: TaskState, extra: list[str]) -> _Read:
    """Reads the scope in parts and predicts each part as it arrives; the exact
    contributions of a part's band-flagged rows start while the next part is read, so the
    slowest step of the job begins in its first seconds. ``extra``: columns a challenger reads."""
    meta = meta_of(model)
    booster = booster_of(model.artefact_sha256, model.artefact)
    query = _scope_query(conn, result, undecided, batch_id, with_ids, meta["features"] + extra,
                         settings)
    parts: list[pd.DataFrame] = []
    margins: list[np.ndarray] = []
    offset, last = 0, 0
    while True:
        part = _typed(frame_of(conn, query.where(A.id > last).limit(READ_CHUNK)))
        if len(part) == 0 and parts:
            break
        x = matrix(part, meta["features"], meta["categories"])
        margin = booster.inplace_predict(x, predict_type="margin") if len(part) \
            else np.empty(0)
        todo = (band_of(_probability(margin, meta), policy) != Band.APPROVE.value) \
            & ~part["has_reasons"].to_numpy(dtype=bool)
        if todo.any():
            explainer.submit(offset + np.flatnonzero(todo), x[todo], meta["features"])
        parts.append(part)
        margins.append(margin)
        offset += len(part)
        state.progress(0.05 + 0.3 * min(1.0, offset / max(1, offset + READ_CHUNK)),
                       translate("Scoring", "Scoring {n} applications").format(n=offset))
        state.check()
        if len(part) < READ_CHUNK:
            break
        last = int(part["id"].iloc[-1])
    frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return _Read(frame, np.concatenate(margins).astype(float))


def _probability(margin: np.ndarray, meta: dict[str, Any]) -> np.ndarray:
    """The PD the job decides on: through the model's calibration map when it is a
    recalibrated version (issue 32), whose reasons still come from its booster."""
    return calibration.pd_of(meta, margin)


def _scope_query(conn: Connection, result: _Tally, undecided: ColumnElement[bool],
                 batch_id: int | None, with_ids: bool, features: list[str],
                 settings: dict[str, Setting]) -> Any:
    """The columns the model and the enabled rules read, and no others (each column costs
    about a second per million applications to read)."""
    wanted = set(features) | {"annual_income", "total_bal_il"}  # the model's + the rules'
    feature_cols = [c for c in F if c.name in wanted]
    cols: list[Any] = [
        A.id, A.applicant_id, A.submitted_at, A.device_id, A.phone_hash, A.card_hash,
        *[_as_float(conn, A[n]).label(n) for n in NUMERIC],
        A.term_months, A.repayment_type, A.stated_age,
        *[A[n] for n in ("product", "channel", "purpose") if n in wanted],
        # Rules read the ID number's hash only to find it on the blacklist.
        case((P.id_no_hash.in_(lists.listed_keys("id_no")), P.id_no_hash)).label("id_no_hash"),
        P.birth_date, *feature_cols,
    ]
    partner = settings.get("PARTNER_SUSPENDED")
    if partner is not None and partner.enabled:  # the partner's status and code (issue 30)
        pt = table_of(Partner).c
        cols += [select(c).where(pt.id == A.partner_id).scalar_subquery().label(name)
                 for c, name in ((pt.status, "partner_status"), (pt.code, "partner_code"))]
    regions = settings.get("OUTSIDE_REGION")
    if regions is not None and regions.enabled and regions.params.get("licensed_prefixes"):
        cols.append(P.region_code)
    # What earlier runs left: a column only where its table holds rows (a first run reads
    # none of them, see _typed).
    marks: dict[str, tuple[type[SQLModel], ColumnElement[bool]]] = {
        "has_reasons": (ScoreReason, R.score_id == S.id),
        "has_hits": (RuleHit, and_(H.application_id == A.id,
                                   H.rule_set_id == result.rule_set_id)),
        "had_current": (DecisionRecord, and_(D.application_id == A.id, D.current_slot == 1)),
        "has_case": (Case, and_(C.application_id == A.id, C.kind == CaseKind.PRE_LOAN.value))}
    scored = not is_empty(conn, table_of(Score))
    if scored:
        cols.append(S.id.label("score_id"))
    cols += [exists().where(where).label(name) for name, (model, where) in marks.items()
             if not is_empty(conn, table_of(model))]
    if with_ids:  # the ID number only where its check digit was not tested when written
        cols += [P.id_checksum_ok.label("checksum_stored"),
                 case((P.id_checksum_ok.is_(None), P.id_no_enc)).label("id_no_enc")]
    q = (select(*cols)
         .join_from(table_of(Application), table_of(Applicant), P.id == A.applicant_id)
         .outerjoin(table_of(ApplicationFeatures), F.application_id == A.id)
         .where(undecided).order_by(A.id))
    if scored:
        q = q.outerjoin(table_of(Score), and_(S.application_id == A.id,
                                              S.model_version_id == result.model_version_id))
    if batch_id is not None:
        q = q.where(A.batch_id == batch_id)
    return q


def _as_float(conn: Connection, column: Any) -> Any:
    """A money column as the job computes with it: PostgreSQL converts its ``numeric`` to a
    double itself (a million ``Decimal`` objects made by the driver and converted one by one
    took 0.4-0.7 s of each 200,000 rows read, against 0.08-0.11 s, issue 34); the value is the
    same (both round the decimal to the nearest double). MariaDB's driver still hands over
    ``Decimal`` (SQLAlchemy writes no CAST there), converted in :func:`_typed`."""
    if conn.dialect.name == "postgresql":
        return cast(column, Float)
    return type_coerce(column, Float)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    if "score_id" not in frame:
        frame["score_id"] = pd.Series(None, index=frame.index, dtype=object)
    for name in ("has_reasons", "has_hits", "had_current", "has_case"):
        frame[name] = frame[name].astype(bool) if name in frame else False
    if len(frame):
        frame["submitted_at"] = pd.to_datetime(frame["submitted_at"])
        for name in NUMERIC:  # server drivers hand over Decimal
            frame[name] = frame[name].astype(float)
    return frame


def _context(conn: Connection, frame: pd.DataFrame, settings: dict[str, Setting],
             undecided: ColumnElement[bool]) -> pd.DataFrame:
    """The scope itself plus the already decided applications in the windows' reach."""
    days = max([float(s.params.get("days", 0)) for s in settings.values() if s.enabled] + [0])
    lo = frame["submitted_at"].min() - timedelta(days=days)
    hi = frame["submitted_at"].max()
    q = select(*[A[c] for c in inputs.CONTEXT]).where(
        A.submitted_at >= lo.to_pydatetime(), A.submitted_at <= hi.to_pydatetime(), ~undecided)
    others = frame_of(conn, q)
    parts = [frame[inputs.CONTEXT]]
    if len(others):
        others["submitted_at"] = pd.to_datetime(others["submitted_at"])
        others["amount"] = others["amount"].astype(float)
        parts.append(others[~others["id"].isin(frame["id"])])
    return pd.concat(parts, ignore_index=True)


def _rule_input(conn: Connection, frame: pd.DataFrame, settings: dict[str, Setting],
                undecided: ColumnElement[bool], at: datetime | None = None) -> RuleInput:
    """``at``: the lists in force then (now by default; an expired entry no longer counts)."""
    return inputs.rule_input(conn, frame=frame, context=_context(conn, frame, settings, undecided),
                             at=at or utcnow())


def _run(conn: Connection, model: ModelVersion, settings: dict[str, Setting],
         policy: PolicyVersion, read: _Read, explainer: Explainer, result: _Tally,
         now: datetime, undecided: ColumnElement[bool], state: TaskState) -> None:
    frame, margin = read.frame, read.margin
    meta = meta_of(model)
    pd_ = _probability(margin, meta)
    pts = to_points(pd_)
    bands = band_of(pd_, policy)
    unexplained = ~frame["has_reasons"].to_numpy()
    by_band = (bands != Band.APPROVE.value) & unexplained
    state.progress(0.4, translate("Scoring", "Checking rules"))
    data = _rule_input(conn, frame, settings, undecided, now)
    hits = evaluate(data, settings)
    read.silenced = data.silenced_hits()
    sev = hits.assign(rank=hits["severity"].map(SEVERITY_RANK).astype(float)) \
        .groupby("application_id")["rank"].max()
    codes = inputs.fired_codes(hits)
    app_ids = frame["id"].to_numpy()
    max_rank = pd.Series(app_ids).map(sev).fillna(0).to_numpy()
    flagged = (bands != Band.APPROVE.value) | (max_rank >= SEVERITY_RANK[Severity.MEDIUM])
    state.check()
    by_rule = flagged & unexplained & ~by_band  # flagged only by a rule: explained now
    if by_rule.any():
        x = matrix(frame[by_rule], meta["features"], meta["categories"])
        explainer.submit(np.flatnonzero(by_rule), x, meta["features"])
    _write_outcomes(conn, frame, result, now, policy, margin, pd_, pts, bands, hits, codes,
                    max_rank, flagged, explainer, state)


def _write_outcomes(conn: Connection, frame: pd.DataFrame, result: _Tally, now: datetime,
                    policy: PolicyVersion, margin: np.ndarray, pd_: np.ndarray, pts: np.ndarray,
                    bands: np.ndarray, hits: pd.DataFrame, codes: pd.Series,
                    max_rank: np.ndarray, flagged: np.ndarray, explainer: Explainer,
                    state: TaskState) -> None:
    app_ids = frame["id"].to_numpy()
    n = len(frame)
    stamp = scalar_value(conn, now)
    # Scores: new ones for applications this model has not scored yet.
    new_score = frame["score_id"].isna().to_numpy()
    score_ids = frame["score_id"].to_numpy(dtype=object).copy()
    k = int(new_score.sum())
    if k:
        cols: dict[str, list[Any]] = {
            "application_id": app_ids[new_score].tolist(),
            "pd": pd_[new_score].tolist(), "margin": margin[new_score].tolist(),
            "points": pts[new_score].tolist(), "band": bands[new_score].tolist()}
        ids = next_ids(conn, table_of(Score), k)
        if ids is not None:
            cols["id"] = ids
        numbered: list[int] | None = [] if ids is None and consecutive_ids(conn) else None
        insert_columns(conn, table_of(Score), cols, same={
            "model_version_id": result.model_version_id, "run_id": result.run_id,
            "scored_at": stamp}, ids=numbered)
        ids = ids if numbered is None else numbered  # MariaDB: from its multi-row inserts
        if ids is None:
            found = dict(select_in(conn, table_of(Score), "application_id", ["id"],
                                   cols["application_id"],
                                   where={"model_version_id": result.model_version_id}))
            ids = [found[a] for a in cols["application_id"]]
        score_ids[new_score] = ids
        result.scores = k
    score_ids = score_ids.astype(np.int64)
    state.check()
    _store_reasons(conn, explainer, score_ids, result)

    new_hits = hits[~hits["application_id"].isin(frame.loc[frame["has_hits"], "id"])]
    if len(new_hits):
        m = len(new_hits)
        insert_columns(conn, table_of(RuleHit), {
            "application_id": new_hits["application_id"].tolist(),
            "code": new_hits["code"].tolist(), "severity": new_hits["severity"].tolist(),
            "detail": new_hits["detail"].str.slice(0, 500).tolist()},
            same={"rule_set_id": result.rule_set_id, "run_id": result.run_id})
        result.rule_hits = m
    _store_reasons(conn, explainer, score_ids, result)

    state.progress(0.75, translate("Scoring", "Recording decisions"))
    _clear_current(conn, frame.loc[frame["had_current"], "id"].tolist())
    outcome = np.where(flagged, DecisionOutcome.FLAGGED.value,
                       DecisionOutcome.AUTO_APPROVE.value)
    reused = ~new_score
    run_decisions.insert_decisions(conn, run_id=result.run_id, versions={
        "model_version_id": result.model_version_id, "rule_set_id": result.rule_set_id,
        "policy_version_id": result.policy_version_id}, now=now, reused={
        "application_id": app_ids[reused].tolist(), "score_id": score_ids[reused].tolist(),
        "band": bands[reused].tolist(), "pd": pd_[reused].tolist(),
        "points": pts[reused].tolist(), "outcome": outcome[reused].tolist()},
        marks=run_decisions.rule_marks(app_ids, codes, max_rank, outcome))
    # read back next by the cases and the feed records (PostgreSQL: see planner.analyzed)
    planner.analyzed(conn, [table_of(DecisionRecord).name], rows_added=n)
    result.decisions, result.flagged = n, int(flagged.sum())
    _store_reasons(conn, explainer, score_ids, result)

    state.progress(0.9, translate("Scoring", "Opening cases"))
    c = int((flagged & ~frame["has_case"].to_numpy()).sum())
    if c:
        with deferred_sqlite_indexes(conn, [table_of(Case).name], rows_added=c, minimum=5_000):
            run_cases.open_flagged(conn, run_id=result.run_id, now=now,
                                   due=now + timedelta(hours=policy.review_sla_hours))
        result.cases = c
    run_cases.refresh_open(conn, frame=frame)
    if explainer.pending:
        state.progress(0.95, translate("Scoring", "Explaining flagged applications"))
    _store_reasons(conn, explainer, score_ids, result, wait=True)


def _store_reasons(conn: Connection, explainer: Explainer, score_ids: np.ndarray,
                   result: _Tally, *, wait: bool = False) -> None:
    """Writes the top reasons computed so far (all of them with ``wait``), in the order they
    were asked for, so the last write after the final contributions is a small one."""
    pending = explainer.pending
    while pending and (wait or pending[0][1].done()):
        rows, reasons = pending.pop(0)
        result.reasons += insert_reasons(conn, top=reasons.result(), score_ids=score_ids[rows])


def _clear_current(conn: Connection, ids: list[int]) -> None:
    for start in range(0, len(ids), 900):
        conn.execute(table_of(DecisionRecord).update()
                     .where(D.application_id.in_(ids[start:start + 900]), D.current_slot == 1)
                     .values(current_slot=None))
