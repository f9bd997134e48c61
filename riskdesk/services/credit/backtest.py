"""Backtest a rule or policy change before it is approved (issue 30): the applications
submitted in the last N days (by the app's clock) judged by the rules and policy in force and
by the proposed ones, writing nothing.

Both sides are evaluated now, on the same data (the applications, the windows' context, the
blacklist, the LPR table) and the PDs of the applications' current decisions, so every
difference comes from the change alone. The rules the change leaves as they are are evaluated
once and their hits shared by both sides; the whole of it is set-based (pandas / NumPy, the
scoring job's own evaluation), never a loop per application.

Known outcomes: the import's outcome column where given, else the loan book (a loan whose
monthly class ever reached substandard, doubtful or loss is bad; one with a class but never
those, good). "Approved" means auto-approved (not flagged): the flagged go to an officer.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Float, and_, case, func, literal_column, select, type_coerce
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures
from riskdesk.domain.enums import SEVERITY_RANK, Band, Severity
from riskdesk.domain.loans import Loan, LoanSnapshot
from riskdesk.domain.partners import Partner
from riskdesk.domain.rules import RuleSet
from riskdesk.domain.scoring import DecisionRecord, PolicyVersion
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.rules.catalog import RULES
from riskdesk.rules.evaluate import HIT_COLUMNS, RuleInput, Setting, evaluate
from riskdesk.services.actor import Actor
from riskdesk.services.credit import proposals
from riskdesk.services.credit.explanations import NUMERIC

# The scoring job's own steps, so a backtest judges exactly as a scoring run would.
from riskdesk.services.credit.rule_inputs import CONTEXT, checksums, fired_codes, rule_input
from riskdesk.services.credit.rulesets import DEFAULT_POLICY, settings_of
from riskdesk.services.lists import entries as lists
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import frame_of, select_in
from riskdesk.storage.clock import utcnow

A, P, F = table_of(Application).c, table_of(Applicant).c, table_of(ApplicationFeatures).c
D = table_of(DecisionRecord).c
BAD_CLASSES = ("substandard", "doubtful", "loss")
MAX_DAYS = 3650
CHANGED_COLUMNS = ["application_no", "submitted_at", "pd", "band_before", "band_after",
                   "before", "after", "rules_before", "rules_after", "outcome"]


@dataclass(frozen=True)
class Side:
    """One side's figures over the window."""

    flagged: int
    approval_rate: float  # auto-approved / applications
    cases_per_day: float  # flagged / days
    bad_rate_approved: float | None  # bads among the approved with a known outcome
    bads_caught: float | None  # flagged bads / known bads


@dataclass(frozen=True)
class BacktestResult:
    days: int
    since: datetime
    until: datetime
    applications: int  # judged (submitted in the window and scored)
    unscored: int  # submitted in the window without a decision: not judged
    known: int  # with a known outcome
    bads: int
    before: Side
    after: Side
    changed: pd.DataFrame  # CHANGED_COLUMNS, one row per application whose verdict changes
    changes: list[str]
    seconds: float


def backtest(session: Session, actor: Actor, *, changes: dict[str, Any] | None = None,
             proposal_id: int | None = None, days: int = 90) -> BacktestResult:
    """The change (``changes``, a proposal's, or both: the proposal's first) over the last
    ``days`` days. Reads only: no decision, hit, case or audit record is written."""
    if not proposals.may_backtest(actor):
        require(actor, Action.RULE_APPROVE)  # raises, naming the roles
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(translate("Rules", "--days must be between 1 and {n}, not {d}.")
                           .format(n=MAX_DAYS, d=days))
    started = time.perf_counter()
    merged: dict[str, Any] = {}
    if proposal_id is not None:
        merged = _merge(merged, proposals.get_proposal(session, actor,
                                                       proposal_id=proposal_id).changes)
    merged = _merge(merged, changes or {})
    now = utcnow(session)
    before, policy = in_force(session, now=now)
    after, after_values = proposals.apply_changes(before, policy, merged)
    since = now - timedelta(days=days)
    conn = session.connection()
    frame = _scope(conn, since, now, before, after)
    scored = frame["pd"].notna().to_numpy()
    unscored = int((~scored).sum())
    frame = frame[scored].reset_index(drop=True)
    if len(frame):
        frame["id_checksum_ok"] = checksums(session, frame=frame)
        frame["outcome"] = _outcomes(conn, frame, since, now)
    data = _rule_input(conn, frame, [*before.values(), *after.values()], since, now) \
        if len(frame) else None
    hits_before = _hits(data, before)
    moved = {c: s for c, s in after.items() if before.get(c) != s}
    hits_after = pd.concat([hits_before[~hits_before["code"].isin(list(moved))],
                            _hits(data, moved)], ignore_index=True)
    pd_ = frame["pd"].to_numpy(dtype=float)
    bands_before = _bands(pd_, policy.approve_below, policy.decline_from)
    bands_after = _bands(pd_, after_values["approve_below"], after_values["decline_from"])
    ids = frame["id"].to_numpy()
    flag_before, codes_before = _flagged(ids, hits_before, bands_before)
    flag_after, codes_after = _flagged(ids, hits_after, bands_after)
    outcome = frame["outcome"].to_numpy(dtype=object) if len(frame) else np.empty(0, object)
    differs = (flag_before != flag_after) | (codes_before != codes_after) \
        | (bands_before != bands_after)
    verdict = {True: "flagged", False: "approved"}
    changed = pd.DataFrame({
        "application_no": _numbers(conn, ids[differs]),
        "submitted_at": frame["submitted_at"].to_numpy()[differs],
        "pd": pd_[differs].round(4), "band_before": bands_before[differs],
        "band_after": bands_after[differs],
        "before": [verdict[bool(x)] for x in flag_before[differs]],
        "after": [verdict[bool(x)] for x in flag_after[differs]],
        "rules_before": codes_before[differs], "rules_after": codes_after[differs],
        "outcome": outcome[differs]}, columns=CHANGED_COLUMNS)
    known = np.isin(outcome, ["good", "bad"])
    bad = outcome == "bad"
    return BacktestResult(
        days, since, now, len(frame), unscored, int(known.sum()), int(bad.sum()),
        _side(flag_before, known, bad, days), _side(flag_after, known, bad, days), changed,
        proposals.summary(merged), time.perf_counter() - started)


def _rule_input(conn: Any, frame: pd.DataFrame, settings: list[Setting], since: datetime,
                at: datetime) -> RuleInput:
    """As the scoring job builds it (the lists in force at ``at``, the LPR table), with the
    windows' context made of the scope itself and the applications of the days before it:
    the window's rows are read once, not twice."""
    days = max([float(s.params.get("days", 0)) for s in settings if s.enabled] + [0])
    earlier = frame_of(conn, select(*[A[c] for c in CONTEXT]).where(
        A.submitted_at > since - timedelta(days=days), A.submitted_at <= since))
    parts = [frame[CONTEXT]]
    if len(earlier):
        earlier["submitted_at"] = _times(earlier["submitted_at"])
        earlier["amount"] = earlier["amount"].astype(float)
        parts.append(earlier)
    return rule_input(conn, frame=frame, context=pd.concat(parts, ignore_index=True), at=at)


def _times(values: pd.Series) -> pd.Series:
    """Stored times as datetimes: SQLite hands over text in one fixed layout (parsed by that
    layout, several times faster than guessing), server drivers datetimes."""
    if values.dtype == object and len(values) and isinstance(values.iloc[0], str):
        return pd.to_datetime(values, format="ISO8601")
    return pd.to_datetime(values)


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    rules = {code: dict(entry) for code, entry in (a.get("rules") or {}).items()}
    for code, entry in (b.get("rules") or {}).items():
        mine = rules.setdefault(code, {})
        params = {**(mine.get("params") or {}), **(entry.get("params") or {})}
        mine.update(entry)
        if params:
            mine["params"] = params
    policy = {**(a.get("policy") or {}), **(b.get("policy") or {})}
    return {k: v for k, v in (("rules", rules), ("policy", policy)) if v}


def in_force(session: Session, *, now: datetime) -> tuple[dict[str, Setting], PolicyVersion]:
    """The rules and policy in force, read only (the defaults where none was ever written;
    they become version 1 at the first scoring run, not here)."""
    rs = session.exec(sm_select(RuleSet).where(col(RuleSet.effective_from) <= now)
                      .order_by(col(RuleSet.effective_from).desc(), col(RuleSet.id).desc())
                      ).first()
    settings = settings_of(session, rule_set_id=rs.id or 0) if rs is not None else {
        r.code: Setting(r.code, r.severity, r.enabled, dict(r.params), r.hard_stop)
        for r in RULES}
    pv = session.exec(sm_select(PolicyVersion).where(col(PolicyVersion.effective_from) <= now)
                      .order_by(col(PolicyVersion.effective_from).desc(),
                                col(PolicyVersion.id).desc())).first()
    if pv is None:  # not added to the session: nothing is written
        pv = PolicyVersion(**DEFAULT_POLICY, effective_from=now, created_at=now,
                           created_by="", note="")
    return settings, pv


def _scope(conn: Any, since: datetime, until: datetime, before: dict[str, Setting],
           after: dict[str, Setting]) -> pd.DataFrame:
    """The window's applications with what the rules read and their current decision's PD."""
    both = [*before.values(), *after.values()]
    regions = any(s.enabled and s.params.get("licensed_prefixes") for s in both
                  if s.code == "OUTSIDE_REGION")
    partners = any(s.enabled for s in both if s.code == "PARTNER_SUSPENDED")
    pt = table_of(Partner).c
    # The window's rows read in id order (they were imported together), the time tested on
    # each: on SQLite the submitted-at index would visit them scattered, over half again as
    # slow at 100,000 rows.
    lo, hi = conn.execute(select(func.min(A.id), func.max(A.id)).where(
        A.submitted_at > since, A.submitted_at <= until)).one()
    when: Any = A.submitted_at
    if conn.dialect.name == "sqlite":  # "+column": compared, not searched by its index
        when = literal_column(f"+{table_of(Application).name}.submitted_at",
                              A.submitted_at.type)
    q = (select(A.id, A.applicant_id, A.submitted_at, A.device_id,
                A.phone_hash, A.card_hash, *[type_coerce(A[n], Float).label(n) for n in NUMERIC],
                A.term_months, A.repayment_type, A.stated_age, A.outcome, A.partner_id,
                case((P.id_no_hash.in_(lists.listed_keys("id_no")), P.id_no_hash)).label("id_no_hash"),
                P.birth_date, *([P.region_code] if regions else []),
                P.id_checksum_ok.label("checksum_stored"),
                case((P.id_checksum_ok.is_(None), P.id_no_enc)).label("id_no_enc"),
                F.annual_income, F.total_bal_il, D.pd,
                *([pt.status.label("partner_status"), pt.code.label("partner_code")]
                  if partners else []))
         .join_from(table_of(Application), table_of(Applicant), P.id == A.applicant_id)
         .outerjoin(table_of(ApplicationFeatures), F.application_id == A.id)
         .outerjoin(table_of(DecisionRecord), and_(D.application_id == A.id,
                                                   D.current_slot == 1))
         .where(A.id.between(lo, hi), when > since, when <= until))  # no ORDER BY: a sort
    # of the whole window in the database cost seconds; the frame is sorted by id below
    if partners:  # the partner's status and code (PARTNER_SUSPENDED)
        q = q.outerjoin(table_of(Partner), pt.id == A.partner_id)
    frame = frame_of(conn, q)
    frame = frame.sort_values("id", ignore_index=True)
    frame["submitted_at"] = _times(frame["submitted_at"])
    for name in (*NUMERIC, "pd", "annual_income", "total_bal_il"):
        frame[name] = frame[name].astype(float)
    return frame


def _numbers(conn: Any, ids: np.ndarray) -> list[str]:
    """The application numbers of ``ids`` (only the changed ones are read: a text column
    for the whole window cost a second at 100,000)."""
    found = dict(select_in(conn, table_of(Application), "id", ["application_no"],
                           [int(i) for i in ids]))
    return [str(found.get(int(i), "")) for i in ids]


def _outcomes(conn: Any, frame: pd.DataFrame, since: datetime, until: datetime) -> pd.Series:
    """The import's outcome, else the loan book's (see the module's note)."""
    L, S = table_of(Loan).c, table_of(LoanSnapshot).c
    worst = frame_of(conn, select(L.application_id, func.max(case(
        (S.category.in_(BAD_CLASSES), 1), else_=0)).label("bad"))
        .join_from(table_of(Loan), table_of(LoanSnapshot), S.loan_id == L.id)
        .join(table_of(Application), A.id == L.application_id)
        .where(A.submitted_at > since, A.submitted_at <= until).group_by(L.application_id))
    book = pd.Series(np.where(worst["bad"].astype(int) > 0, "bad", "good"),
                     index=worst["application_id"].to_numpy(), dtype=object)
    given = frame["outcome"].where(frame["outcome"].isin(["good", "bad"]))
    return given.fillna(frame["id"].map(book)).astype(object)


def _hits(data: Any, settings: dict[str, Setting]) -> pd.DataFrame:
    if data is None or not settings:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in HIT_COLUMNS})
    return evaluate(data, settings)


def _bands(pd_: np.ndarray, approve_below: float, decline_from: float) -> np.ndarray:
    return np.where(pd_ < approve_below, Band.APPROVE.value,
                    np.where(pd_ >= decline_from, Band.DECLINE.value, Band.REVIEW.value))


def _flagged(ids: np.ndarray, hits: pd.DataFrame,
             bands: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """As the scoring job decides: outside the approve band, or a hit of medium severity or
    more; and each application's fired rule codes (comma-joined, "" for none)."""
    if len(hits):
        rank = hits["severity"].map(SEVERITY_RANK).astype(float)
        top = rank.groupby(hits["application_id"].to_numpy()).max()
        codes = fired_codes(hits)
    else:
        top, codes = pd.Series(dtype=float), pd.Series(dtype=object)
    s = pd.Series(ids)
    max_rank = s.map(top).fillna(0).to_numpy()
    flagged = (bands != Band.APPROVE.value) | (max_rank >= SEVERITY_RANK[Severity.MEDIUM])
    return flagged, s.map(codes).fillna("").astype(str).to_numpy()


def _side(flagged: np.ndarray, known: np.ndarray, bad: np.ndarray, days: int) -> Side:
    n = len(flagged)
    approved = ~flagged
    judged = approved & known
    return Side(int(flagged.sum()), float(approved.sum() / n) if n else 0.0,
                float(flagged.sum() / days),
                float((bad & judged).sum() / judged.sum()) if judged.any() else None,
                float((bad & flagged).sum() / bad.sum()) if bad.any() else None)


def changed_rows(result: BacktestResult) -> list[dict[str, Any]]:
    """The changed applications as plain Python values (a window's rows: datetimes, floats,
    text, None for an unknown outcome)."""
    rows = []
    for row in result.changed.to_dict("records"):
        plain = {str(k): v for k, v in row.items()}
        plain["submitted_at"] = pd.Timestamp(plain["submitted_at"]).to_pydatetime()
        plain["pd"] = float(plain["pd"])
        plain["outcome"] = plain["outcome"] if isinstance(plain["outcome"], str) else None
        rows.append(plain)
    return rows


def changed_table(result: BacktestResult) -> pd.DataFrame:
    """The changed applications for export (times as text, no personal data: application
    numbers, PDs, bands, rule codes)."""
    out = result.changed.copy()
    out["submitted_at"] = pd.to_datetime(out["submitted_at"]).dt.strftime("%Y-%m-%d %H:%M:%S")
    return out


