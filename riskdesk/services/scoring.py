"""The scoring job: features -> PD and points -> rules -> decision records -> cases.

One transaction per job. Applications that already have a decision under the same model,
rule-set and policy versions are left alone, so running the job twice adds nothing. A score
is kept per application and model; reasons (exact contributions) are computed here for every
flagged application and, for the others, on first request (:func:`reasons_for`).
"""
from __future__ import annotations

import functools
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
import xgboost as xgb
from sqlalchemy import (
    Connection,
    Float,
    and_,
    bindparam,
    exists,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from riskdesk.config import compute_threads
from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import (
    CLOSED_STATUSES,
    SEVERITY_RANK,
    Band,
    CaseKind,
    CaseStatus,
    DecisionOutcome,
    Severity,
)
from riskdesk.domain.identity import ID_PATTERN, id_checksum_ok
from riskdesk.domain.rules import BlacklistEntry, LprRate, RuleHit
from riskdesk.domain.scoring import (
    DecisionRecord,
    ModelVersion,
    PolicyVersion,
    Score,
    ScoreReason,
    ScoreRun,
)
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput, NotFound
from riskdesk.i18n import translate
from riskdesk.rules.evaluate import RuleInput, Setting, evaluate
from riskdesk.scoring import reasons as reason_codes
from riskdesk.scoring.features import matrix
from riskdesk.scoring.scorecard import points as to_points
from riskdesk.security.datakey import load_cipher
from riskdesk.services import audit
from riskdesk.services.actor import Actor
from riskdesk.services.models import active, meta_of
from riskdesk.services.permissions import Action, require
from riskdesk.services.rulesets import current_policy, current_rule_set
from riskdesk.storage.bulk import (
    bulk_cache,
    column_values,
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
from riskdesk.tasks import TaskState

PREDICT_CHUNK = 200_000
A, P, F = table_of(Application).c, table_of(Applicant).c, table_of(ApplicationFeatures).c
S, D, H = table_of(Score).c, table_of(DecisionRecord).c, table_of(RuleHit).c
C, R = table_of(Case).c, table_of(ScoreReason).c
NUMERIC = ("amount", "apr", "upfront_fee", "monthly_fee", "other_fees")


@dataclass
class ScoreResult:
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

    def summary(self) -> str:
        return translate("Scoring", "{d} decisions ({f} flagged), {s} new scores, {h} rule hits, "
                         "{r} reason codes, {c} new cases (model {m}, rule set {rs}, policy "
                         "{p})").format(d=self.decisions, f=self.flagged, s=self.scores,
                                       h=self.rule_hits, r=self.reasons, c=self.cases,
                                       m=self.model_version_id, rs=self.rule_set_id,
                                       p=self.policy_version_id)


class NoActiveModel(InvalidInput):
    pass


@functools.lru_cache(maxsize=4)
def booster_of(sha256: str, artefact: bytes) -> xgb.Booster:
    booster = xgb.Booster()
    booster.load_model(bytearray(artefact))
    booster.set_param({"nthread": compute_threads()})
    return booster


def band_of(pd_: np.ndarray, policy: PolicyVersion) -> np.ndarray:
    return np.where(pd_ < policy.approve_below, Band.APPROVE.value,
                    np.where(pd_ >= policy.decline_from, Band.DECLINE.value, Band.REVIEW.value))


def score_applications(engine: Any, actor: Actor, *, scope: str = "all",
                       batch_id: int | None = None,
                       state: TaskState | None = None) -> ScoreResult:
    """``scope``: ``all`` (every application not yet decided under the versions in force) or
    ``unscored`` (only applications never decided); ``batch_id`` narrows to one import."""
    require(actor, Action.SCORE_RUN)
    state = state or TaskState()
    with unit_of_work(engine) as session:
        model = active(session)
        if model is None:
            raise NoActiveModel(translate(
                "Scoring", "No model is active: an admin proposes one and compliance or a "
                "senior officer approves it (riskdesk model propose / approve)."))
        rule_set, settings = current_rule_set(session, actor)
        policy = current_policy(session, actor)
        now = utcnow(session)
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
        result = ScoreResult(run.id or 0, model.id or 0, rule_set.id or 0, policy.id or 0)
        conn = session.connection()
        state.progress(0.05, translate("Scoring", "Reading applications"))
        undecided = _undecided(result, scope)
        frame = _load(conn, result, undecided, batch_id, "ID_CHECKSUM" in settings
                      and settings["ID_CHECKSUM"].enabled, meta_of(model)["features"])
        if len(frame):
            if "ID_CHECKSUM" in settings and settings["ID_CHECKSUM"].enabled:
                frame["id_checksum_ok"] = _checksums(session, frame)
            with bulk_cache(conn):
                _run(session, conn, model, settings, policy, frame, result, now, undecided,
                     state)
        run.finished_at = utcnow(session)
        run.scored, run.flagged = result.decisions, result.flagged
        run.rule_hits, run.cases = result.rule_hits, result.cases
        audit.append(session, actor, "score.run", "score_run", run.id or 0, after={
            "model_version": result.model_version_id, "rule_set": result.rule_set_id,
            "policy_version": result.policy_version_id, "scope": run.scope,
            "decisions": result.decisions, "flagged": result.flagged,
            "scores": result.scores, "rule_hits": result.rule_hits,
            "reasons": result.reasons, "cases": result.cases})
    state.progress(1.0, translate("Scoring", "Done"))
    return result


def _undecided(result: ScoreResult, scope: str) -> ColumnElement[bool]:
    if scope == "unscored":
        return ~exists().where(D.application_id == A.id)
    if scope != "all":
        raise InvalidInput(translate("Scoring", "Scope must be all or unscored."))
    return ~exists().where(and_(D.application_id == A.id,
                                D.model_version_id == result.model_version_id,
                                D.rule_set_id == result.rule_set_id,
                                D.policy_version_id == result.policy_version_id))


def _load(conn: Connection, result: ScoreResult, undecided: ColumnElement[bool],
          batch_id: int | None, with_ids: bool, features: list[str]) -> pd.DataFrame:
    wanted = set(features) | {"annual_income", "total_bal_il"}  # the model's + the rules'
    feature_cols = [c for c in F if c.name in wanted]
    cols: list[Any] = [
        A.id, A.applicant_id, A.application_no, A.submitted_at, A.device_id, A.phone_hash,
        A.card_hash, P.name, P.id_no_masked,
        *[type_coerce(A[n], Float).label(n) for n in NUMERIC],
        A.term_months, A.repayment_type, A.product, A.channel, A.purpose, A.stated_age,
        P.id_no_hash, P.birth_date, P.region_code, *feature_cols,
        S.id.label("score_id"),
        _exists_unless_empty(conn, ScoreReason, R.score_id == S.id).label("has_reasons"),
        _exists_unless_empty(conn, RuleHit, and_(H.application_id == A.id,
                                                 H.rule_set_id == result.rule_set_id))
        .label("has_hits"),
        _exists_unless_empty(conn, DecisionRecord, and_(D.application_id == A.id,
                                                        D.current_slot == 1))
        .label("had_current"),
        _exists_unless_empty(conn, Case, and_(C.application_id == A.id,
                                              C.kind == CaseKind.PRE_LOAN.value))
        .label("has_case"),
    ]
    if with_ids:
        cols.append(P.id_no_enc)
    q = (select(*cols)
         .join_from(table_of(Application), table_of(Applicant), P.id == A.applicant_id)
         .outerjoin(table_of(ApplicationFeatures), F.application_id == A.id)
         .outerjoin(table_of(Score), and_(S.application_id == A.id,
                                          S.model_version_id == result.model_version_id))
         .where(undecided).order_by(A.id))
    if batch_id is not None:
        q = q.where(A.batch_id == batch_id)
    frame = frame_of(conn, q)
    if len(frame):
        frame["submitted_at"] = pd.to_datetime(frame["submitted_at"])
        for name in ("has_reasons", "has_hits", "had_current", "has_case"):
            frame[name] = frame[name].astype(bool)
        for name in NUMERIC:  # server drivers hand over Decimal
            frame[name] = frame[name].astype(float)
    return frame


def _exists_unless_empty(conn: Connection, model: Any, where: ColumnElement[bool]) -> Any:
    """EXISTS(...) per row, or a constant false when the table is still empty (first run)."""
    if is_empty(conn, table_of(model)):
        return literal(0)
    return exists().where(where)


def _checksums(session: Session, frame: pd.DataFrame) -> pd.Series:
    """The ID numbers are re-read (decrypted per applicant, never kept) to re-check them."""
    cipher = load_cipher(session, create=False)
    people = frame.drop_duplicates("applicant_id")
    ids = pd.Series([cipher.decrypt("id_no", b) for b in people["id_no_enc"]],
                    index=people["applicant_id"].to_numpy())
    ok = ids.str.fullmatch(ID_PATTERN.pattern)
    good = pd.Series(False, index=ids.index)
    good[ok] = id_checksum_ok(ids[ok])
    return frame["applicant_id"].map(good).astype(bool)


CONTEXT = ["id", "applicant_id", "submitted_at", "device_id", "phone_hash", "card_hash",
           "amount"]


def _context(conn: Connection, frame: pd.DataFrame, settings: dict[str, Setting],
             undecided: ColumnElement[bool]) -> pd.DataFrame:
    """The scope itself plus the already decided applications in the windows' reach."""
    days = max([float(s.params.get("days", 0)) for s in settings.values() if s.enabled] + [0])
    lo = frame["submitted_at"].min() - timedelta(days=days)
    hi = frame["submitted_at"].max()
    q = select(*[A[c] for c in CONTEXT]).where(
        A.submitted_at >= lo.to_pydatetime(), A.submitted_at <= hi.to_pydatetime(), ~undecided)
    others = frame_of(conn, q)
    parts = [frame[CONTEXT]]
    if len(others):
        others["submitted_at"] = pd.to_datetime(others["submitted_at"])
        others["amount"] = others["amount"].astype(float)
        parts.append(others[~others["id"].isin(frame["id"])])
    return pd.concat(parts, ignore_index=True)


def _rule_input(conn: Connection, frame: pd.DataFrame, settings: dict[str, Setting],
                undecided: ColumnElement[bool]) -> RuleInput:
    lpr = conn.execute(select(table_of(LprRate).c.effective_date,
                              type_coerce(table_of(LprRate).c.one_year_pct, Float)))
    bl = conn.execute(select(table_of(BlacklistEntry).c.kind,
                             table_of(BlacklistEntry).c.value_key))
    return RuleInput(frame, _context(conn, frame, settings, undecided),
                     pd.DataFrame(lpr.fetchall(), columns=["effective_date", "one_year_pct"]),
                     pd.DataFrame(bl.fetchall(), columns=["kind", "value_key"]))


def _run(session: Session, conn: Connection, model: ModelVersion, settings: dict[str, Setting],
         policy: PolicyVersion, frame: pd.DataFrame, result: ScoreResult, now: datetime,
         undecided: ColumnElement[bool], state: TaskState) -> None:
    meta = meta_of(model)
    booster = booster_of(model.artefact_sha256, model.artefact)
    x = matrix(frame, meta["features"], meta["categories"])
    n = len(frame)
    state.progress(0.15, translate("Scoring", "Scoring {n} applications").format(n=n))
    margin = np.empty(n)
    for start in range(0, n, PREDICT_CHUNK):
        margin[start:start + PREDICT_CHUNK] = booster.inplace_predict(
            x.iloc[start:start + PREDICT_CHUNK], predict_type="margin")
        state.check()
    pd_ = 1.0 / (1.0 + np.exp(-margin))
    pts = to_points(pd_)
    bands = band_of(pd_, policy)

    # Exact contributions (XGBoost releases the GIL) run beside the rules and the writes
    # below: those flagged by their band at once, those flagged only by a rule once known.
    unexplained = ~frame["has_reasons"].to_numpy()
    by_band = (bands != Band.APPROVE.value) & unexplained
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskdesk-reasons")
    explained: list[tuple[np.ndarray, Future[pd.DataFrame]]] = []
    try:
        if by_band.any():
            explained.append((by_band, pool.submit(_explain, booster, x[by_band],
                                                   meta["features"])))
        state.progress(0.4, translate("Scoring", "Checking rules"))
        hits = evaluate(_rule_input(conn, frame, settings, undecided), settings)
        sev = hits.assign(rank=hits["severity"].map(SEVERITY_RANK).astype(float)) \
            .groupby("application_id")["rank"].max()
        codes = _fired_codes(hits)
        app_ids = frame["id"].to_numpy()
        max_rank = pd.Series(app_ids).map(sev).fillna(0).to_numpy()
        flagged = (bands != Band.APPROVE.value) | (max_rank >= SEVERITY_RANK[Severity.MEDIUM])
        state.check()
        by_rule = flagged & unexplained & ~by_band
        if by_rule.any():
            explained.append((by_rule, pool.submit(_explain, booster, x[by_rule],
                                                   meta["features"])))
        _write_outcomes(conn, frame, result, now, policy, margin, pd_, pts, bands, hits, codes,
                        max_rank, flagged, explained, state)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _fired_codes(hits: pd.DataFrame) -> pd.Series:
    """Each application's fired rule codes, sorted and comma-joined. One bit per code summed
    per application (a vectorised group sum), then each distinct set spelled once: a Python
    join per application took seconds at a million."""
    if hits.empty:
        return pd.Series(dtype=object)
    pairs = hits[["application_id", "code"]].drop_duplicates()
    names = sorted(pairs["code"].unique())
    bits = pairs["code"].map({c: 1 << i for i, c in enumerate(names)}).astype(np.int64)
    masks = bits.groupby(pairs["application_id"].to_numpy()).sum()
    spelled = {int(m): ",".join(n for i, n in enumerate(names) if int(m) >> i & 1)
               for m in masks.unique()}
    return masks.map(spelled)


def _write_outcomes(conn: Connection, frame: pd.DataFrame, result: ScoreResult, now: datetime,
                    policy: PolicyVersion, margin: np.ndarray, pd_: np.ndarray, pts: np.ndarray,
                    bands: np.ndarray, hits: pd.DataFrame, codes: pd.Series,
                    max_rank: np.ndarray, flagged: np.ndarray,
                    explained: list[tuple[np.ndarray, Future[pd.DataFrame]]],
                    state: TaskState) -> None:
    """``explained``: (which rows, their top reasons being computed) pairs."""
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
            "model_version_id": [result.model_version_id] * k, "run_id": [result.run_id] * k,
            "pd": pd_[new_score].tolist(), "margin": margin[new_score].tolist(),
            "points": pts[new_score].tolist(), "band": bands[new_score].tolist(),
            "scored_at": [stamp] * k}
        ids = next_ids(conn, table_of(Score), k)
        if ids is not None:
            cols["id"] = ids
        insert_columns(conn, table_of(Score), cols)
        if ids is None:
            found = dict(select_in(conn, table_of(Score), "application_id", ["id"],
                                   cols["application_id"],
                                   where={"model_version_id": result.model_version_id}))
            ids = [found[a] for a in cols["application_id"]]
        score_ids[new_score] = ids
        result.scores = k
    score_ids = score_ids.astype(np.int64)
    state.check()

    state.progress(0.6, translate("Scoring", "Explaining flagged applications"))

    new_hits = hits[~hits["application_id"].isin(frame.loc[frame["has_hits"], "id"])]
    if len(new_hits):
        m = len(new_hits)
        insert_columns(conn, table_of(RuleHit), {
            "application_id": new_hits["application_id"].tolist(),
            "rule_set_id": [result.rule_set_id] * m, "run_id": [result.run_id] * m,
            "code": new_hits["code"].tolist(), "severity": new_hits["severity"].tolist(),
            "detail": new_hits["detail"].str.slice(0, 500).tolist()})
        result.rule_hits = m

    state.progress(0.75, translate("Scoring", "Recording decisions"))
    _clear_current(conn, frame.loc[frame["had_current"], "id"].tolist())
    # The triggers evaluated are the run's (rule set + policy bands, stored on the run);
    # each decision records its band and the rule triggers that fired (flags).
    fired = pd.Series(app_ids).map(codes)
    fired = fired.astype(object).where(fired.notna(), "").astype(str)
    sev_names = {v: k.value for k, v in SEVERITY_RANK.items()}
    outcome = np.where(flagged, DecisionOutcome.FLAGGED.value, DecisionOutcome.AUTO_APPROVE.value)
    dec_cols: dict[str, list[Any]] = {
        "application_id": app_ids.tolist(), "score_id": score_ids.tolist(),
        "model_version_id": [result.model_version_id] * n,
        "rule_set_id": [result.rule_set_id] * n,
        "policy_version_id": [result.policy_version_id] * n, "run_id": [result.run_id] * n,
        "outcome": outcome.tolist(), "band": bands.tolist(), "pd": pd_.tolist(),
        "points": pts.tolist(), "flags": fired.str.slice(0, 255).tolist(),
        "current_slot": [1] * n,
        "max_severity": [sev_names.get(int(r)) for r in max_rank.tolist()],
        "decided_at": [stamp] * n}
    dec_ids = next_ids(conn, table_of(DecisionRecord), n)
    if dec_ids is not None:
        dec_cols["id"] = dec_ids
    insert_columns(conn, table_of(DecisionRecord), dec_cols)
    result.decisions, result.flagged = n, int(flagged.sum())

    state.progress(0.9, translate("Scoring", "Opening cases"))
    open_case = flagged & ~frame["has_case"].to_numpy()
    c = int(open_case.sum())
    if c:
        if dec_ids is None:
            found = dict(select_in(conn, table_of(DecisionRecord), "application_id", ["id"],
                                   app_ids[open_case].tolist(),
                                   where={"current_slot": 1}))
            case_dec = [found[a] for a in app_ids[open_case].tolist()]
        else:
            case_dec = np.asarray(dec_ids)[open_case].tolist()
        priority = _priority(bands[open_case], max_rank[open_case])
        due = scalar_value(conn, now + timedelta(hours=policy.review_sla_hours))
        picked = frame.loc[open_case]
        with deferred_sqlite_indexes(conn, [table_of(Case).name], rows_added=c, minimum=5_000):
            _insert_cases(conn, picked, dec_cols, open_case, app_ids, priority, due, stamp,
                          case_dec, c)
        result.cases = c
    _refresh_open_cases(conn, frame, dec_cols, dec_ids)
    if explained:
        state.progress(0.95, translate("Scoring", "Explaining flagged applications"))
    for rows, reasons in explained:
        result.reasons += _insert_reasons(conn, reasons.result(), score_ids[rows])


def _insert_cases(conn: Connection, picked: pd.DataFrame, dec_cols: dict[str, list[Any]],
                  open_case: np.ndarray, app_ids: np.ndarray, priority: np.ndarray, due: Any,
                  stamp: Any, case_dec: list[Any], c: int) -> None:
    """The flagged applications' pre-loan cases, with the queue's columns (see Case)."""
    insert_columns(conn, table_of(Case), {
        "kind": [CaseKind.PRE_LOAN.value] * c,
        "application_id": app_ids[open_case].tolist(),
        "dedupe_key": [f"pre_loan:{a}" for a in app_ids[open_case].tolist()],
        "status": [CaseStatus.NEW.value] * c, "is_open": [True] * c,
        "priority": priority.tolist(),
        "due_at": [due] * c, "reason": [""] * c, "decision_record_id": case_dec,
        "created_at": [stamp] * c, "updated_at": [stamp] * c, "version": [1] * c,
        **_queue_columns(conn, picked, dec_cols, open_case)})


def _queue_columns(conn: Connection, picked: pd.DataFrame, dec_cols: dict[str, list[Any]],
                   rows: np.ndarray) -> dict[str, list[Any]]:
    """The queue's copy of the application and its decision (see Case)."""
    def decided(name: str) -> list[Any]:
        return list(np.asarray(dec_cols[name], dtype=object)[rows].tolist())

    return {
        "application_no": picked["application_no"].tolist(),
        "applicant_name": picked["name"].tolist(),
        "id_no_masked": picked["id_no_masked"].tolist(),
        "product": picked["product"].tolist(), "channel": picked["channel"].tolist(),
        "amount": column_values(conn, picked["amount"].round(2)),
        "submitted_at": column_values(conn, picked["submitted_at"]),
        "pd": decided("pd"), "points": decided("points"), "band": decided("band"),
        "flags": decided("flags")}


def _refresh_open_cases(conn: Connection, frame: pd.DataFrame, dec_cols: dict[str, list[Any]],
                        dec_ids: list[int] | None) -> None:
    """Open cases of re-scored applications show (and are checked against) the new decision;
    a decided case keeps the one it was decided on."""
    had = frame["has_case"].to_numpy()
    if not had.any():
        return
    app_ids = frame["id"].to_numpy()[had].tolist()
    if dec_ids is None:
        found = dict(select_in(conn, table_of(DecisionRecord), "application_id", ["id"],
                               app_ids, where={"current_slot": 1}))
        record = [found[a] for a in app_ids]
    else:
        record = np.asarray(dec_ids)[had].tolist()
    take = {k: np.asarray(dec_cols[k], dtype=object)[had].tolist()
            for k in ("pd", "points", "band", "flags")}
    statement = (table_of(Case).update()
                 .where(C.application_id == bindparam("app"),
                        C.kind == CaseKind.PRE_LOAN.value,
                        *(C.status != closed for closed in CLOSED_STATUSES))
                 .values(pd=bindparam("pd_"), points=bindparam("points_"),
                         band=bindparam("band_"), flags=bindparam("flags_"),
                         decision_record_id=bindparam("record")))
    conn.execute(statement, [
        {"app": a, "pd_": p, "points_": q, "band_": b, "flags_": f, "record": r}
        for a, p, q, b, f, r in zip(app_ids, take["pd"], take["points"], take["band"],
                                    take["flags"], record, strict=True)])


def _clear_current(conn: Connection, ids: list[int]) -> None:
    for start in range(0, len(ids), 900):
        conn.execute(table_of(DecisionRecord).update()
                     .where(D.application_id.in_(ids[start:start + 900]), D.current_slot == 1)
                     .values(current_slot=None))


def _priority(bands: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """1: decline band or a high-severity hit; 2: review band with a medium hit; 3: review
    band or a medium hit alone; 4: the rest."""
    decline, review = bands == Band.DECLINE.value, bands == Band.REVIEW.value
    high, medium = rank >= 3, rank >= 2
    return np.where(decline | high, 1, np.where(review & medium, 2,
                                                 np.where(review | medium, 3, 4)))


def _explain(booster: xgb.Booster, x: pd.DataFrame, features: list[str]) -> pd.DataFrame:
    """Top reasons of each row of ``x`` (``row`` = position in ``x``), in chunks."""
    parts = []
    for start in range(0, len(x), 20_000):
        chunk = x.iloc[start:start + 20_000]
        top = reason_codes.top_reasons(reason_codes.contributions(booster, chunk), chunk,
                                       features)
        top["row"] += start
        parts.append(top)
    return pd.concat(parts, ignore_index=True)


def _write_reasons(conn: Connection, booster: xgb.Booster, x: pd.DataFrame,
                   features: list[str], score_ids: np.ndarray) -> int:
    return _insert_reasons(conn, _explain(booster, x, features), score_ids)


def _insert_reasons(conn: Connection, top: pd.DataFrame, score_ids: np.ndarray) -> int:
    top = top.assign(score_id=score_ids[top["row"].to_numpy()])
    insert_columns(conn, table_of(ScoreReason), {
        "score_id": top["score_id"].astype(np.int64).tolist(), "rank": top["rank"].tolist(),
        "feature": top["feature"].tolist(), "value": top["value"].tolist(),
        "contribution": column_values(conn, top["contribution"])})
    return len(top)


def reasons_for(session: Session, actor: Actor, application_id: int) -> list[dict[str, Any]]:
    """The current decision's reason codes; computed and stored on first request."""
    require(actor, Action.APPLICATION_VIEW)
    conn = session.connection()
    row = conn.execute(select(D.score_id, S.model_version_id).join_from(
        table_of(DecisionRecord), table_of(Score), S.id == D.score_id).where(
        D.application_id == application_id, D.current_slot == 1)).first()
    if row is None:
        raise NotFound(translate("Scoring", "Application {id} has not been scored.").format(
            id=application_id))
    score_id, model_id = row
    stored = conn.execute(select(R.rank, R.feature, R.value, R.contribution).where(
        R.score_id == score_id).order_by(R.rank)).fetchall()
    if not stored:
        model = session.get(ModelVersion, model_id)
        assert model is not None
        meta = meta_of(model)
        frame = load_features(conn, [application_id])
        x = matrix(frame, meta["features"], meta["categories"])
        _write_reasons(conn, booster_of(model.artefact_sha256, model.artefact), x,
                       meta["features"], np.asarray([score_id]))
        stored = conn.execute(select(R.rank, R.feature, R.value, R.contribution).where(
            R.score_id == score_id).order_by(R.rank)).fetchall()
    return reason_codes.as_dicts(pd.DataFrame(stored, columns=["rank", "feature", "value",
                                                               "contribution"]))


def load_features(conn: Connection, ids: list[int]) -> pd.DataFrame:
    """Model inputs of the given applications, in the order given."""
    cols = [c for c in F if c.name != "application_id"]
    parts = []
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        q = select(A.id, *[A[n] for n in NUMERIC], A.term_months, A.repayment_type, A.product,
                   A.channel, A.purpose, A.stated_age, *cols) \
            .outerjoin(table_of(ApplicationFeatures), F.application_id == A.id) \
            .where(A.id.in_(part))
        parts.append(frame_of(conn, q))
    if not parts:
        return pd.DataFrame()
    frame = pd.concat(parts, ignore_index=True).set_index("id").loc[ids].reset_index()
    for name in NUMERIC:
        frame[name] = frame[name].astype(float)
    return frame


def count_by_outcome(session: Session) -> dict[str, int]:
    rows = session.connection().execute(
        select(D.outcome, func.count()).where(D.current_slot == 1).group_by(D.outcome))
    return {str(o): int(c) for o, c in rows}
