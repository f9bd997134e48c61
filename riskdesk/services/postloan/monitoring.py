"""The daily post-loan monitoring run: days past due and the five-category floor of every loan,
a snapshot for the month, and the early-warning rules over repayments and fund flows. Each new
hit raises (or adds to) the loan's open post-loan case with its evidence; a loan longer than a
year gets an annual re-review case when one is due.

Set-based: one aggregate query over the repayments, one over the outgoing flows, the rules in
pandas, and bulk writes. A hit is keyed by its cause (an overdue episode, a flow, a day), so a
second run on the same day finds nothing new and raises nothing twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    case,
    delete,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlmodel import Session, col

from riskdesk.config import SOURCE_TIMEZONE
from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseKind, label
from riskdesk.domain.loans import (
    FundFlow,
    Loan,
    LoanAction,
    LoanAlert,
    LoanSnapshot,
    MonitoringRun,
    Repayment,
)
from riskdesk.domain.reports import Report
from riskdesk.domain.tables import table_of
from riskdesk.i18n import QT_TRANSLATE_NOOP, chinese, translate
from riskdesk.rules.catalog import rule_name
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.opening import NewCase, open_listed
from riskdesk.services.periods import local_day as local_day_of
from riskdesk.services.permissions import Action, require
from riskdesk.services.postloan.mcc import mcc_text
from riskdesk.services.postloan.policy import CATEGORIES, current, params
from riskdesk.storage.bulk import frame_of, insert_columns
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.storage.sqltime import local_day, plus_hours
from riskdesk.tasks import TaskState

# code -> (severity, sentence). The sentence is filled from the alert's evidence.
ALERTS: dict[str, tuple[str, str]] = {
    "FIRST_PAYMENT_MISSED": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "First instalment due {due} not paid")),
    "DPD": ("medium", QT_TRANSLATE_NOOP(
        "PostLoan", "{dpd} days past due (crossed {threshold}); {overdue} overdue since {due}")),
    "PARTIAL_PAYMENTS": ("medium", QT_TRANSLATE_NOOP(
        "PostLoan", "{count} instalments paid only in part")),
    "PROCEEDS_OUT": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "{amount} ({share}) of the proceeds moved to one account {account} within "
        "{hours} h of disbursement")),
    "OTHER_CREDIT": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "{amount} paid to {kind} {account} on {at}, {days} days after "
        "disbursement")),
    "BANNED_USE": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "{amount} spent on a banned use ({kind}, MCC {mcc}) on {at}")),
    "ROUND_TRIP": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "{amount} moved to the borrower's own other account {account} on {at}")),
    "LARGE_VALUE": ("medium", QT_TRANSLATE_NOOP(
        "PostLoan", "{amount} out by {channel} on {day}: at or above the large-value "
        "threshold {threshold}")),
    "JOINT_SHARE": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "Jointly funded with {partner}, whose share is {share} % (at least {minimum} "
        "% required)")),
    "PROMISE_BROKEN": ("high", QT_TRANSLATE_NOOP(
        "PostLoan", "Promise to pay by {promised} (contact on {contacted}) not kept: {overdue} "
        "still overdue, {dpd} days past due")),
    "ANNUAL_REVIEW": ("low", QT_TRANSLATE_NOOP(
        "PostLoan", "Loan over one year: credit re-review {n} due since {due}")),
}
PRIORITY = {"high": 1, "medium": 2, "low": 3}
RANK = {"low": 1, "medium": 2, "high": 3}


def _priority(rank: Any) -> int:
    """A case's priority from the highest severity rank among its alerts."""
    return PRIORITY[{v: k for k, v in RANK.items()}[int(rank)]]


def alert_name(code: str) -> str:
    return rule_name(code)


def alert_sentence(code: str, detail: str) -> str:
    evidence = json.loads(detail or "{}")
    template = translate("PostLoan", ALERTS[code][1]) if code in ALERTS else code
    for key in ("kind", "channel"):  # a counterparty type, a channel: the reader's words
        if evidence.get(key):
            evidence[key] = label(str(evidence[key]))
    if evidence.get("mcc") not in (None, "", "-"):  # "6513 Real estate agents", not "6513"
        evidence["mcc"] = mcc_text(str(evidence["mcc"]), chinese())
    try:
        return template.format(**evidence)
    except (KeyError, IndexError):
        return f"{alert_name(code)}: {detail}"


@dataclass(frozen=True)
class MonitorResult:
    run_id: int
    as_of: date
    loans: int = 0
    alerts: int = 0
    cases_opened: int = 0
    cases_updated: int = 0
    by_code: dict[str, int] | None = None
    by_category: dict[str, int] | None = None
    snapshot: bool = True  # False: the month's report was issued, its snapshot is closed


def run_monitoring(engine: Engine, actor: Actor, *, as_of: date | None = None,
                   state: TaskState | None = None) -> MonitorResult:
    """Monitor every loan as of ``as_of`` (today in the bank's time zone by default)."""
    require(actor, Action.LOAN_MONITOR)
    state = state or TaskState()
    with unit_of_work(engine) as session:
        now = utcnow(session)
        day = as_of or local_day_of(session, instant=now)
        policy = current(session)
        p = params(policy)
        run = MonitoringRun(as_of=day, policy_id=policy.id or 0, started_at=now,
                            started_by=actor.username)
        session.add(run)
        session.flush()
        conn = session.connection()
        state.progress(0.05, translate("PostLoan", "Reading repayments"))
        standing = _standing(conn, day, p)
        state.check()
        state.progress(0.35, translate("PostLoan", "Writing the month's snapshot"))
        snapshot = _snapshot(conn, standing, day)
        state.check()
        state.progress(0.5, translate("PostLoan", "Checking fund flows"))
        hits = pd.concat([_repayment_hits(standing, p), _flow_hits(conn, day, p),
                          _annual_hits(conn, day, p), _joint_hits(conn, day, p),
                          _promise_hits(conn, day, standing)],
                         ignore_index=True)
        state.check()
        state.progress(0.8, translate("PostLoan", "Raising cases"))
        fresh = _new_only(conn, hits)
        opened, updated = _raise_cases(session, actor, fresh, run, now, p) \
            if len(fresh) else (0, 0)
        result = MonitorResult(
            run.id or 0, day, loans=len(standing), alerts=len(fresh), cases_opened=opened,
            cases_updated=updated,
            by_code={str(k): int(v) for k, v in
                     fresh["code"].value_counts().items()} if len(fresh) else {},
            by_category={str(c): int(n) for c, n in standing["category"].value_counts().items()},
            snapshot=snapshot)
        run.loans, run.alerts = result.loans, result.alerts
        run.cases_opened, run.cases_updated = result.cases_opened, result.cases_updated
        run.finished_at = utcnow(session)
        session.add(run)
        audit.append(session, actor, action="loan.monitor", entity_type="monitoring_run",
                     entity_id=run.id or 0, after={
            "as_of": day.isoformat(), "policy": policy.id, "loans": result.loans,
            "alerts": result.alerts, "cases_opened": result.cases_opened,
            "cases_updated": result.cases_updated, "by_code": result.by_code,
            "by_category": result.by_category, "snapshot_written": result.snapshot})
    import logging

    logging.getLogger(__name__).info(
        "monitoring run %s as of %s by %s: %s loans, %s alerts, %s cases opened, %s updated",
        result.run_id, day, actor.username, result.loans, result.alerts, result.cases_opened,
        result.cases_updated)
    return result




def _standing(conn: Connection, day: date, p: dict[str, Any]) -> pd.DataFrame:
    """Per loan: days past due, category floor, overdue amount, principal balance, partial
    payments, whether the first instalment is missed; one aggregate over the repayments."""
    r = Repayment
    paid_by = and_(col(r.paid_date).is_not(None), col(r.paid_date) <= day)
    settled = and_(paid_by, col(r.paid_amount) >= col(r.due_amount))
    late = and_(col(r.due_date) < day, ~settled)
    paid_part = case((paid_by, col(r.paid_amount)), else_=literal(0))
    q: Any = (select(
        col(r.loan_id).label("loan_id"),
        func.min(case((late, col(r.due_date)))).label("first_late"),
        func.sum(case((late, col(r.due_amount) - paid_part), else_=literal(0))).label("overdue"),
        func.sum(case((settled, col(r.due_principal)),
                      (paid_by, col(r.due_principal) * col(r.paid_amount) / col(r.due_amount)),
                      else_=literal(0))).label("repaid"),
        func.sum(case((and_(paid_by, col(r.paid_amount) > 0,
                            col(r.paid_amount) < col(r.due_amount)), 1),
                      else_=literal(0))).label("partials"),
        func.max(case((and_(col(r.instalment_no) == 1, late), 1), else_=literal(0)))
        .label("first_missed"))
        .group_by(col(r.loan_id)))
    agg = frame_of(conn, q)
    loans = frame_of(conn, select(col(Loan.id).label("loan_id"), col(Loan.principal),
                                  col(Loan.start_date), col(Loan.category_override))
                     .where(col(Loan.start_date) <= day))
    out = loans.merge(agg, on="loan_id", how="left")
    first_late = pd.to_datetime(out["first_late"], errors="coerce")
    dpd = (pd.Timestamp(day) - first_late).dt.days
    out["dpd"] = dpd.fillna(0).astype(np.int64).clip(lower=0)
    out["first_late"] = first_late
    for name in ("overdue", "repaid", "principal"):
        out[name] = pd.to_numeric(out[name], errors="coerce").astype(float).fillna(0.0)
    out["partials"] = pd.to_numeric(out["partials"]).fillna(0).astype(np.int64)
    out["first_missed"] = pd.to_numeric(out["first_missed"]).fillna(0).astype(np.int64)
    out["balance"] = (out["principal"] - out["repaid"]).clip(lower=0).round(2)
    out["overdue"] = out["overdue"].clip(lower=0).round(2)
    floors = p["category_from_dpd"]
    bins = [-1] + [int(floors[c]) - 1 for c in CATEGORIES[1:]] + [np.iinfo(np.int64).max]
    out["category"] = pd.cut(out["dpd"], bins=bins, labels=list(CATEGORIES)).astype(str)
    # A class a senior confirmed above the floor (services/cases/postloan_actions.py) holds
    # while it is worse than the floor.
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    # as numbers: an empty book's columns stay text after map() (pandas 3)
    override = pd.to_numeric(out["category_override"].map(rank), errors="coerce").fillna(-1)
    above = override > pd.to_numeric(out["category"].map(rank), errors="coerce").fillna(-1)
    out.loc[above, "category"] = out.loc[above, "category_override"]
    return out.drop(columns="category_override")


def _snapshot(conn: Connection, standing: pd.DataFrame, day: date) -> bool:
    """The month's row per loan is the latest run's: a later run in the month replaces it,
    until the month's compliance report is issued. Then the month is closed and its snapshot
    stays as reported (a reissue must show the same figures). Returns whether it was written."""
    month = f"{day:%Y-%m}"
    closed = conn.execute(select(col(Report.id)).where(
        col(Report.kind) == "monthly", col(Report.subject) == month).limit(1)).first()
    if closed is not None:
        return False
    conn.execute(delete(LoanSnapshot).where(col(LoanSnapshot.month) == month))
    n = len(standing)
    if n:
        insert_columns(conn, table_of(LoanSnapshot), {
            "loan_id": standing["loan_id"].tolist(),
            "as_of": [day] * n, "dpd": standing["dpd"].tolist(),
            "category": standing["category"].tolist(),
            "balance": standing["balance"].tolist(),
            "overdue_amount": standing["overdue"].tolist()}, same={"month": month})
    return True


HIT_COLUMNS = ["loan_id", "code", "trigger_key", "severity", "detail"]


def _hits(loan_ids: Any, code: str, keys: Any, details: list[dict[str, Any]],
          severity: str | None = None) -> pd.DataFrame:
    n = len(details)
    return pd.DataFrame({
        "loan_id": list(loan_ids), "code": [code] * n, "trigger_key": list(keys),
        "severity": [severity or ALERTS[code][0]] * n,
        "detail": [json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)
                   for d in details]}, columns=HIT_COLUMNS)


def _money(v: float) -> str:
    return f"{v:,.2f}"


def _repayment_hits(s: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    parts = []
    first = s[s["first_missed"] == 1]
    parts.append(_hits(first["loan_id"], "FIRST_PAYMENT_MISSED", ["1"] * len(first),
                       [{"due": f"{d:%Y-%m-%d}"} for d in first["first_late"]]))
    thresholds = sorted(int(t) for t in p["dpd_alerts"])
    late = s[s["dpd"] >= thresholds[0]] if thresholds else s.iloc[0:0]
    if len(late):
        # The highest threshold crossed in this overdue episode (keyed by its first late due
        # date): a loan that cures and falls behind again warns again.
        crossed = np.array(thresholds)[np.searchsorted(thresholds, late["dpd"], side="right") - 1]
        due = late["first_late"].dt.strftime("%Y-%m-%d")
        severity = np.where(crossed >= 60, "high", np.where(crossed >= 30, "medium", "low"))
        frame = _hits(late["loan_id"], "DPD", [f"{t}:{d}" for t, d in zip(crossed, due,
                                                                           strict=True)],
                      [{"dpd": int(d), "threshold": int(t), "overdue": _money(o), "due": f}
                       for d, t, o, f in zip(late["dpd"], crossed, late["overdue"], due,
                                             strict=True)])
        frame["severity"] = severity
        parts.append(frame)
    need = int(p["partial_payments"])
    partial = s[s["partials"] >= need]
    parts.append(_hits(partial["loan_id"], "PARTIAL_PAYMENTS", [str(need)] * len(partial),
                       [{"count": int(c)} for c in partial["partials"]]))
    return pd.concat(parts, ignore_index=True)


def _flow_hits(conn: Connection, day: date, p: dict[str, Any]) -> pd.DataFrame:
    """The fund-flow rules, each one query that returns only the flows it is about: a book
    of a million loans and five million flows never comes into memory whole."""
    f, loan = FundFlow, Loan
    dialect = conn.dialect.name
    end = datetime.combine(day + timedelta(days=1), datetime.min.time())
    out_by = and_(col(f.direction) == "out", col(f.at) < end)
    base = (col(f.id), col(f.loan_id), col(f.at), col(f.amount), col(f.counterparty_masked),
            col(f.counterparty_type), col(f.mcc), col(loan.disbursed_at))

    def flows(*where: Any) -> pd.DataFrame:
        q = select(*base).join(loan, col(loan.id) == col(f.loan_id)).where(out_by, *where)
        frame = frame_of(conn, q)
        for name in ("at", "disbursed_at"):
            frame[name] = pd.to_datetime(frame[name])
        frame["amount"] = pd.to_numeric(frame["amount"]).astype(float)
        return frame

    parts: list[pd.DataFrame] = []

    def per_flow(picked: pd.DataFrame, code: str, extra: Any) -> None:
        if len(picked):
            parts.append(_hits(picked["loan_id"], code, "flow:" + picked["id"].astype(str),
                               [extra(r) for r in picked.itertuples()]))

    # Proceeds moved at once: per account within N hours of disbursement, over the share.
    hours = float(p["proceeds_out_hours"])
    fast = frame_of(conn, select(
        col(f.loan_id), col(f.counterparty_hash), func.sum(col(f.amount)).label("amount"),
        func.max(col(f.counterparty_masked)).label("masked"),
        func.max(col(loan.principal)).label("principal"))
        .join(loan, col(loan.id) == col(f.loan_id))
        .where(out_by, col(f.at) <= plus_hours(dialect, col(loan.disbursed_at), hours))
        .group_by(col(f.loan_id), col(f.counterparty_hash))
        .having(func.sum(col(f.amount))
                >= float(p["proceeds_out_share"]) * func.max(col(loan.principal))))
    if len(fast):
        amount = pd.to_numeric(fast["amount"]).astype(float)
        principal = pd.to_numeric(fast["principal"]).astype(float)
        parts.append(_hits(fast["loan_id"], "PROCEEDS_OUT", fast["counterparty_hash"].str[:32], [
            {"amount": _money(a), "share": f"{100 * a / pr:.0f} %", "account": m,
             "hours": p["proceeds_out_hours"]}
            for a, pr, m in zip(amount, principal, fast["masked"], strict=True)]))

    credit = flows(col(f.counterparty_type).in_(list(p["credit_types"])),
                   col(f.at) <= plus_hours(dialect, col(loan.disbursed_at),
                                           24 * float(p["other_credit_days"])))
    per_flow(credit, "OTHER_CREDIT",
             lambda r: {"amount": _money(r.amount), "kind": r.counterparty_type,
                        "account": r.counterparty_masked, "at": f"{r.at:%Y-%m-%d %H:%M}",
                        "days": (r.at - r.disbursed_at).days})
    banned = flows(or_(col(f.counterparty_type).in_(list(p["banned_types"])),
                       col(f.mcc).in_(list(p["banned_mcc"]))))
    per_flow(banned, "BANNED_USE",
             lambda r: {"amount": _money(r.amount), "kind": r.counterparty_type,
                        "mcc": r.mcc or "-", "at": f"{r.at:%Y-%m-%d %H:%M}"})
    # To the borrower's own other account: typed so by the core system, or a card the same
    # borrower gave on another application (matched on keyed hashes).
    mine, other = Application.__table__.alias("mine"), Application.__table__.alias("other")  # type: ignore[attr-defined]
    own_ids = select(col(f.id)).join(loan, col(loan.id) == col(f.loan_id)) \
        .join(mine, mine.c.id == col(loan.application_id)) \
        .join(other, and_(other.c.card_hash == col(f.counterparty_hash),
                          other.c.applicant_id == mine.c.applicant_id,
                          other.c.id != mine.c.id)) \
        .where(out_by, col(f.counterparty_hash) != "")
    own = flows(or_(col(f.counterparty_type).in_(list(p["own_account_types"])),
                    col(f.id).in_(own_ids)))
    per_flow(own, "ROUND_TRIP",
             lambda r: {"amount": _money(r.amount), "account": r.counterparty_masked,
                        "at": f"{r.at:%Y-%m-%d %H:%M}"})
    # Same-day totals by channel at or above the large-value thresholds (local days).
    limits = {k: float(v) for k, v in p["large_value"].items()}
    offset = _utc_offset_hours()
    local = local_day(dialect, col(f.at), offset).label("day")
    totals = frame_of(conn, select(col(f.loan_id), local, col(f.channel),
                                   func.sum(col(f.amount)).label("amount"))
                      .where(out_by, col(f.channel).in_(list(limits)))
                      .group_by(col(f.loan_id), local, col(f.channel))
                      .having(func.sum(col(f.amount)) >= min(limits.values())))
    if len(totals):
        totals["amount"] = pd.to_numeric(totals["amount"]).astype(float)
        totals["day"] = pd.to_datetime(totals["day"]).dt.strftime("%Y-%m-%d")
        totals = totals[totals["amount"] >= totals["channel"].map(limits)]
        parts.append(_hits(totals["loan_id"], "LARGE_VALUE",
                           totals["day"] + ":" + totals["channel"],
                           [{"amount": _money(a), "channel": c, "day": d,
                             "threshold": _money(limits[c])}
                            for a, c, d in zip(totals["amount"], totals["channel"],
                                               totals["day"], strict=True)]))
    parts = [x for x in parts if len(x)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=HIT_COLUMNS)


def _utc_offset_hours() -> float:
    """The source zone's offset now, by the one clock (fund flows' times are the core
    system's local times)."""
    from zoneinfo import ZoneInfo

    offset = utcnow().replace(tzinfo=UTC).astimezone(ZoneInfo(SOURCE_TIMEZONE)).utcoffset()
    return offset.total_seconds() / 3600 if offset else 0.0


def _joint_hits(conn: Connection, day: date, p: dict[str, Any]) -> pd.DataFrame:
    """A jointly funded loan whose partner funds less than the regulator's minimum share."""
    from riskdesk.domain.partners import Partner

    minimum = float(p["joint_min_partner_share"])
    low = frame_of(conn, select(col(Loan.id).label("loan_id"), col(Loan.partner_share),
                                col(Partner.code)).join(Partner, col(Partner.id) == col(
                                    Loan.partner_id)).where(
        col(Loan.partner_share).is_not(None), col(Loan.partner_share) < minimum,
        col(Loan.start_date) <= day))
    if low.empty:
        return pd.DataFrame(columns=HIT_COLUMNS)
    return _hits(low["loan_id"], "JOINT_SHARE", [str(int(minimum))] * len(low), [
        {"partner": code, "share": f"{float(share):g}", "minimum": f"{minimum:g}"}
        for share, code in zip(low["partner_share"], low["code"], strict=True)])


def _annual_hits(conn: Connection, day: date, p: dict[str, Any]) -> pd.DataFrame:
    months = int(p["annual_review_after_months"])
    loans = frame_of(conn, select(col(Loan.id).label("loan_id"), col(Loan.start_date),
                                  col(Loan.term_months)).where(col(Loan.term_months) > months,
                                                               col(Loan.start_date) <= day))
    if loans.empty:
        return pd.DataFrame(columns=HIT_COLUMNS)
    start = pd.to_datetime(loans["start_date"])
    elapsed = (day.year - start.dt.year) * 12 + (day.month - start.dt.month) \
        - (day.day < start.dt.day).astype(int)
    n = elapsed // months
    due = loans[(n >= 1) & (n * months < loans["term_months"])]
    n = n[due.index]
    when = [(s + pd.DateOffset(months=int(k) * months)).strftime("%Y-%m-%d")
            for s, k in zip(start[due.index], n, strict=True)]
    return _hits(due["loan_id"], "ANNUAL_REVIEW", n.astype(str).tolist(),
                 [{"n": int(k), "due": w} for k, w in zip(n, when, strict=True)])


def _promise_hits(conn: Connection, day: date, standing: pd.DataFrame) -> pd.DataFrame:
    """A borrower's promise to pay (a contact recorded on the loan's case) whose date has passed
    with the loan still overdue: a reminder on the loan's case, once per promise."""
    promises = frame_of(conn, select(
        col(LoanAction.id), col(LoanAction.loan_id), col(LoanAction.promise_date),
        col(LoanAction.made_at)).where(col(LoanAction.action) == "contact",
                                       col(LoanAction.promise_date).is_not(None),
                                       col(LoanAction.promise_date) < day))
    if promises.empty or standing.empty:
        return pd.DataFrame(columns=HIT_COLUMNS)
    promises["loan_id"] = promises["loan_id"].astype(np.int64)
    m = promises.merge(standing[["loan_id", "overdue", "dpd"]], on="loan_id")
    m = m[m["overdue"] > 0]
    return _hits(m["loan_id"], "PROMISE_BROKEN", [f"ptp:{int(i)}" for i in m["id"]],
                 [{"promised": str(pd.Timestamp(d).date()),
                   "contacted": str(pd.Timestamp(at).date()), "overdue": _money(o),
                   "dpd": int(n)}
                  for d, at, o, n in zip(m["promise_date"], m["made_at"], m["overdue"],
                                         m["dpd"], strict=True)])


def _new_only(conn: Connection, hits: pd.DataFrame) -> pd.DataFrame:
    if hits.empty:
        return hits
    hits = hits.drop_duplicates(["loan_id", "code", "trigger_key"])
    seen = frame_of(conn, select(col(LoanAlert.loan_id), col(LoanAlert.code),
                                 col(LoanAlert.trigger_key)))
    if seen.empty:
        return hits.reset_index(drop=True)
    seen["loan_id"] = seen["loan_id"].astype(np.int64)
    m = hits.merge(seen, on=["loan_id", "code", "trigger_key"], how="left", indicator=True)
    return m[m["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)


def _raise_cases(session: Session, actor: Actor, fresh: pd.DataFrame, run: MonitoringRun,
                 now: datetime, p: dict[str, Any]) -> tuple[int, int]:
    """Open a case per new (application, kind) and fold new alerts into open ones; returns
    (cases opened, cases updated) for the run's result."""
    conn = session.connection()
    fresh = fresh.copy()
    fresh["loan_id"] = fresh["loan_id"].astype(np.int64)
    fresh["kind"] = np.where(fresh["code"] == "ANNUAL_REVIEW", CaseKind.ANNUAL_REVIEW.value,
                             CaseKind.POST_LOAN.value)
    loans = _loan_applications(conn, fresh["loan_id"].unique().tolist())
    fresh = fresh.merge(loans, on="loan_id", how="left")
    open_cases = frame_of(conn, select(
        col(Case.id).label("case_id"), col(Case.application_id), col(Case.kind),
        col(Case.flags).label("case_flags"), col(Case.priority).label("case_priority"),
        col(Case.version)).where(
        col(Case.kind).in_([CaseKind.POST_LOAN.value, CaseKind.ANNUAL_REVIEW.value]),
        col(Case.is_open).is_(True),
        col(Case.application_id).in_(fresh["application_id"].unique().tolist())))
    if not open_cases.empty:
        open_cases = open_cases.sort_values("case_id").drop_duplicates(
            ["application_id", "kind"], keep="last")
        open_cases["application_id"] = open_cases["application_id"].astype(np.int64)
    fresh["rank"] = fresh["severity"].map(RANK)
    groups = fresh.groupby(["application_id", "kind"], sort=True)
    summary = groups.agg(codes=("code", lambda c: ",".join(sorted(set(c)))),
                         rank=("rank", "max"), loan_id=("loan_id", "first")).reset_index()
    merged = summary.merge(open_cases, on=["application_id", "kind"], how="left") \
        if not open_cases.empty else summary.assign(case_id=np.nan)
    to_open = merged[merged["case_id"].isna()]
    to_update = merged[merged["case_id"].notna()]
    updated_items: list[tuple[str | int, dict[str, Any]]] = []
    case_of: dict[tuple[int, str], int] = {}
    if len(to_open):
        principal = loans.set_index("loan_id")["principal"]
        due = now + timedelta(hours=float(p["case_sla_hours"]))
        opened = open_listed(session, actor, cases=[NewCase(
            kind=row.kind, priority=_priority(row.rank), due_at=due,
            application_id=int(row.application_id),
            queue={"amount": float(principal[row.loan_id]), "flags": row.codes[:255]},
            audit={"loan": int(row.loan_id), "alerts": row.codes, "run": run.id})
            for row in _rows(to_open)], now=now)
        for row, case_id in zip(_rows(to_open), opened, strict=True):
            case_of[(int(row.application_id), row.kind)] = case_id
    updates = []
    for row in _rows(to_update):
        case_id = int(row.case_id)
        case_of[(int(row.application_id), row.kind)] = case_id
        flags = ",".join(sorted(set(filter(None, str(row.case_flags or "").split(",")))
                                | set(row.codes.split(","))))[:255]
        priority = min(int(row.case_priority), _priority(row.rank))
        updates.append({"cid": case_id, "flags_": flags, "priority_": priority, "now": now})
        updated_items.append((case_id, {"loan": int(row.loan_id), "new_alerts": row.codes,
                                      "flags": flags, "priority": priority, "run": run.id}))
    if updates:
        conn.execute(update(table_of(Case)).where(table_of(Case).c.id == bindparam("cid"))
                     .values(flags=bindparam("flags_"), priority=bindparam("priority_"),
                             updated_at=bindparam("now"),
                             version=table_of(Case).c.version + 1), updates)
    fresh["case_id"] = [case_of.get((int(a), k)) for a, k in zip(
        fresh["application_id"], fresh["kind"], strict=True)]
    n = len(fresh)
    insert_columns(conn, table_of(LoanAlert), {
        "loan_id": fresh["loan_id"].tolist(), "code": fresh["code"].tolist(),
        "trigger_key": fresh["trigger_key"].tolist(), "severity": fresh["severity"].tolist(),
        "detected_on": [run.as_of] * n, "detail": fresh["detail"].tolist(),
        "case_id": fresh["case_id"].tolist()}, same={"run_id": run.id})
    audit.append_many(session, actor, action="case.alert", entity_type="case", items=updated_items)
    return len(to_open), len(updates)


def _rows(frame: pd.DataFrame) -> list[Any]:
    return list(frame.itertuples())


def _loan_applications(conn: Connection, loan_ids: list[int]) -> pd.DataFrame:
    """Each loan's application and principal (a new case's amount)."""
    rows = []
    for start in range(0, len(loan_ids), 900):
        part = loan_ids[start:start + 900]
        rows.append(frame_of(conn, select(
            col(Loan.id).label("loan_id"), col(Loan.principal), col(Loan.application_id))
            .where(col(Loan.id).in_(part))))
    out = pd.concat(rows, ignore_index=True)
    out["loan_id"] = out["loan_id"].astype(np.int64)
    out["application_id"] = out["application_id"].astype(np.int64)
    return out

