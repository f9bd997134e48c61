"""Feed records (issue 29): every final decision gets the next feed sequence in the same
transaction that makes it final, through :func:`record_final` (a scoring run's many through
``run_records.record_scoring_run``, which builds the same records a column at a time under the
same locked head).

Callers: the scoring job (automatic approvals and flags, ``services/feed/run_records.py``;
the records :func:`scoring_decisions` describes, as the migration's backfill writes them), a case
decided or confirmed (:func:`record_case`, from ``services/cases/work.py``; a hard-stop decline
is a decline whose rule codes carry the hard-stop rules), a post-loan action that is final
(:func:`record_loan_action`, from ``services/cases/postloan_actions.py``). A ring confirmation
(issue 33) calls :func:`record_final` with ``source="ring"``. A decision awaiting its check gets
no record until it is confirmed.

Sequences come from the one ``feed_head`` row, locked until the transaction ends (``SELECT ...
FOR UPDATE``; SQLite's write transaction), so they commit in order and a reader that saw
sequence N never later finds a smaller one appear. No personal data is recorded: application
and loan numbers, codes, versions and staff user names.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlmodel import col

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent, AuditHead
from riskdesk.domain.cases import Case
from riskdesk.domain.feed import FeedHead, FeedRecord
from riskdesk.domain.scoring import DecisionRecord, ScoreReason
from riskdesk.domain.users import User
from riskdesk.storage.bulk import bound_columns, insert_columns
from riskdesk.storage.clock import utcnow

if TYPE_CHECKING:  # the loan tables load with a post-loan decision, not with the queue (issue 35)
    from riskdesk.domain.loans import LoanAction

TOP_REASONS = 3
# Post-loan actions origination must learn of once final; contact, documents and monitoring
# notes stay on the desk. Freeze and call are urgent (also written to the feed folder).
POSTLOAN_FEED = frozenset({"freeze_line", "call_early", "reclassify", "suspicious"})
URGENT = frozenset({"freeze_line", "call_early"})


@dataclass(frozen=True)
class FinalDecision:
    """What one feed record says; the sequence is given by :func:`record_final`."""
    source: str
    source_id: int
    decision: str
    final_at: datetime
    application_no: str = ""
    loan_no: str = ""
    rule_codes: str = ""
    feature_codes: str = ""
    model_version_id: int | None = None
    rule_set_id: int | None = None
    policy_version_id: int | None = None
    decided_by: str = ""
    checked_by: str = ""
    audit_seq: int | None = None
    signature: str | None = None


def _locked_head(session: Session) -> FeedHead:
    head = session.execute(select(FeedHead).where(col(FeedHead.id) == 1).with_for_update()
                           .execution_options(populate_existing=True)).scalar_one_or_none()
    if head is None:  # a database made by create_all in a throwaway fixture
        head = FeedHead(id=1, seq=0, exported_to=0)
        session.add(head)
        session.flush()
    return head


def record_final(session: Session, *, decisions: Sequence[FinalDecision],
                 urgent: bool = True) -> list[int]:
    """The one way a final decision enters the feed: numbered in order, in this transaction.
    Returns the sequences given. ``urgent``: hand freezes and calls to the feed folder's hook
    (the migration's backfill does not)."""
    if not decisions:
        return []
    head = _locked_head(session)
    first = head.seq + 1
    rows = [{"seq": first + i, **{k: getattr(d, k) for k in FinalDecision.__dataclass_fields__}}
            for i, d in enumerate(decisions)]
    # The bulk path (COPY on PostgreSQL, issue 34): a scoring run's records were a tenth of
    # its time on PostgreSQL through executemany.
    conn, table = session.connection(), FeedRecord.__table__  # type: ignore[attr-defined]
    insert_columns(conn, table, bound_columns(conn, table, rows))
    head.seq = first + len(rows) - 1
    session.flush()
    pressing = [FeedRecord(**r) for r in rows
                if r["source"] == "postloan" and r["decision"] in URGENT]
    if urgent and pressing:
        from riskdesk.services.feed.urgent import write_after_commit

        write_after_commit(session, records=pressing)
    return [r["seq"] for r in rows]


def _codes(values: Sequence[str]) -> str:
    return ";".join(v for v in values if v)[:255]


def _rule_codes(flags: str, extra: Sequence[str] = ()) -> str:
    codes = [c.strip() for c in flags.split(",") if c.strip()]
    return _codes(list(dict.fromkeys([*codes, *extra])))


def _features(session: Session, which: ColumnElement[bool]) -> dict[int, str]:
    """The top reasons' features of the scores ``which`` selects, by score id. One condition,
    one query: a run's scores are named by a semi-join on the run, not by their ids 900 at a
    time (112 queries for 100,000 applications were 8 s of a run on PostgreSQL)."""
    found: dict[int, list[str]] = {}
    for sid, feature in session.execute(
            select(col(ScoreReason.score_id), col(ScoreReason.feature)).where(which)
            .order_by(col(ScoreReason.score_id), col(ScoreReason.rank))):
        got = found.setdefault(sid, [])
        if len(got) < TOP_REASONS:
            got.append(feature)
    return {k: _codes(v) for k, v in found.items()}


def _last_event(session: Session) -> AuditEvent | None:
    """The audit event this transaction appended last (the one making the decision final)."""
    head = session.get(AuditHead, 1)
    if head is None or head.seq == 0:
        return None
    return session.execute(select(AuditEvent).where(col(AuditEvent.seq) == head.seq)
                           ).scalar_one_or_none()


def scoring_decisions(session: Session, *, run_id: int, decided_by: str, final_at: datetime,
                      audit_seq: int | None) -> list[FinalDecision]:
    """The automatic approvals and flags one scoring run recorded, by application."""
    rows = session.execute(
        select(col(DecisionRecord.id), col(DecisionRecord.score_id),
               col(DecisionRecord.outcome), col(DecisionRecord.flags),
               col(DecisionRecord.model_version_id), col(DecisionRecord.rule_set_id),
               col(DecisionRecord.policy_version_id), col(Application.application_no))
        .join(Application, col(Application.id) == col(DecisionRecord.application_id))
        .where(col(DecisionRecord.run_id) == run_id)
        .order_by(col(DecisionRecord.application_id))).all()
    features = _features(session, col(ScoreReason.score_id).in_(
        select(col(DecisionRecord.score_id)).where(col(DecisionRecord.run_id) == run_id)))
    return [FinalDecision(
        source="score", source_id=r.id, decision=r.outcome, final_at=final_at,
        application_no=r.application_no, rule_codes=_rule_codes(r.flags or ""),
        feature_codes=features.get(r.score_id, ""), model_version_id=r.model_version_id,
        rule_set_id=r.rule_set_id, policy_version_id=r.policy_version_id,
        decided_by=decided_by, audit_seq=audit_seq) for r in rows]


def _username(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.username if user is not None else ""


def _case_basis(session: Session, case: Case) -> dict[str, Any]:
    basis: dict[str, Any] = {"application_no": case.application_no}
    rec = session.get(DecisionRecord, case.decision_record_id) \
        if case.decision_record_id is not None else None
    if rec is not None:
        from riskdesk.services.cases.hard_stops import hard_stops_of

        stops = [s.code for s in hard_stops_of(
            session, application_id=case.application_id)]  # type: ignore[arg-type]
        basis.update(rule_codes=_rule_codes(rec.flags or "", stops),
                     feature_codes=_features(session, col(ScoreReason.score_id) == rec.score_id
                                               ).get(rec.score_id, ""),
                     model_version_id=rec.model_version_id, rule_set_id=rec.rule_set_id,
                     policy_version_id=rec.policy_version_id)
    if case.application_id is not None and not basis["application_no"]:
        app = session.get(Application, case.application_id)
        basis["application_no"] = app.application_no if app is not None else ""
    return basis


def case_decision(session: Session, *, case: Case, event: AuditEvent | None) -> FinalDecision:
    return FinalDecision(
        source="case", source_id=case.id or 0, decision=str(case.decision or ""),
        final_at=event.at if event is not None else utcnow(session),
        decided_by=_username(session, case.decided_by_id),
        checked_by=_username(session, case.checked_by_id),
        audit_seq=event.seq if event is not None else None,
        signature=event.signature if event is not None else None,
        **_case_basis(session, case))


def record_case(session: Session, *, case: Case) -> int | None:
    """A pre-loan case just made final (decided, or its approval confirmed): its record,
    signed with the signature of the event that made it final. None if not final."""
    if str(case.status) != "decided":
        return None
    return record_final(session, decisions=[case_decision(session, case=case,
                                                          event=_last_event(session))])[0]


def loan_action_decision(session: Session, *, row: LoanAction,
                         event: AuditEvent | None) -> FinalDecision:
    from riskdesk.domain.loans import Loan

    loan = session.get(Loan, row.loan_id)
    app = session.get(Application, loan.application_id) if loan is not None else None
    case = session.get(Case, row.case_id)
    basis = _case_basis(session, case) if case is not None else {}
    basis["application_no"] = app.application_no if app is not None else \
        basis.get("application_no", "")
    return FinalDecision(
        source="postloan", source_id=row.id or 0, decision=row.action,
        final_at=event.at if event is not None else utcnow(session),
        loan_no=loan.loan_no if loan is not None else "", decided_by=row.maker,
        checked_by=row.checker, audit_seq=event.seq if event is not None else None,
        signature=event.signature if event is not None else None, **basis)


def record_loan_action(session: Session, *, row: LoanAction) -> int | None:
    """A post-loan action just made final (done, or confirmed by its checker)."""
    if row.action not in POSTLOAN_FEED or row.status not in ("done", "confirmed"):
        return None
    return record_final(session, decisions=[loan_action_decision(session, row=row,
                                                                 event=_last_event(session))])[0]


FINALISING = ("case.decide", "case.check.confirm", "case.postloan", "case.postloan.confirm")


def backfill(session: Session) -> int:
    """Feed records for the final decisions made before the feed existed (migration 0014), in
    the order they became final by the audit trail: a scoring run's decisions at its
    ``score.run`` event (by application), a case at the event that decided or confirmed it,
    a post-loan action at the event that did or confirmed it."""
    import json

    from riskdesk.domain.loans import LoanAction

    keyed: list[tuple[int, int, FinalDecision]] = []
    runs = {int(e.entity_id): e for e in session.execute(
        select(AuditEvent).where(col(AuditEvent.action) == "score.run")).scalars()}
    run_ids = [r for (r,) in session.execute(select(col(DecisionRecord.run_id)).distinct())]
    for run_id in sorted(run_ids, key=lambda r: (runs[r].seq if r in runs else 0, r)):
        ev = runs.get(run_id)
        user = ev.actor if ev is not None else ""
        for d in scoring_decisions(session, run_id=run_id, decided_by=user,
                                   final_at=ev.at if ev is not None else utcnow(session),
                                   audit_seq=ev.seq if ev is not None else None):
            keyed.append((ev.seq if ev is not None else 0, len(keyed), d))
    last_case: dict[int, AuditEvent] = {}
    by_action: dict[int, AuditEvent] = {}
    for ev in session.execute(select(AuditEvent).where(
            col(AuditEvent.action).in_(FINALISING), col(AuditEvent.entity_type) == "case")
            .order_by(col(AuditEvent.seq))).scalars():
        last_case[int(ev.entity_id)] = ev
        if ev.action in ("case.postloan", "case.postloan.confirm") and ev.after:
            made = json.loads(ev.after).get("loan_action")
            if made is not None:
                by_action[int(made)] = ev
    for case in session.execute(select(Case).where(col(Case.status) == "decided")).scalars():
        ev = last_case.get(case.id or 0)
        if ev is None or ev.action not in ("case.decide", "case.check.confirm"):
            continue
        keyed.append((ev.seq, 0, case_decision(session, case=case, event=ev)))
    for row in session.execute(select(LoanAction).where(
            col(LoanAction.action).in_(sorted(POSTLOAN_FEED)),
            col(LoanAction.status).in_(("done", "confirmed")))).scalars():
        ev = by_action.get(row.id or 0)
        keyed.append((ev.seq if ev is not None else 0, 0,
                      loan_action_decision(session, row=row, event=ev)))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return len(record_final(session, decisions=[k[2] for k in keyed], urgent=False))
