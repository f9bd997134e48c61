"""Post-loan actions on a loan's case (issue 26): what an officer does about an early warning.

- ``monitor``: continue monitoring (the case is decided and closes);
- ``contact``: the borrower was contacted: channel, outcome and, when they promise to pay, the
  date; a promise that passes with the loan still overdue raises the ``PROMISE_BROKEN`` warning
  in the next monitoring run (``services.postloan.monitoring``), on the loan's case in the queue;
- ``request_docs``: documents on the use of funds asked for (the case waits for them);
- ``freeze_line``: the undrawn line frozen (kept on the loan);
- ``call_early``: the loan called early, and ``reclassify``: the loan's five-category class set
  above its days-past-due floor; both wait (``awaiting_check``) for a senior officer who is not
  the maker (four-eyes), who confirms or sends them back with a reason; a confirmed
  reclassification is listed as an exception in the monthly report;
- ``suspicious``: suspicious activity reported.

Each is a decision with a reason, in its own row (``loan_action``) and as a signed audit event on
the case (``case.postloan``, ``case.postloan.confirm``, ``case.postloan.send_back``), written
with the case's optimistic-lock version in the same transaction. The pre-loan decisions
(approve, decline, request information) are refused on a post-loan case
(``services.cases.work.decide``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseKind, CaseStatus, label
from riskdesk.domain.loans import Loan, LoanAction, LoanSnapshot
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.i18n import join_list, translate
from riskdesk.services.actor import Actor
from riskdesk.services.cases.work import OPEN, assignee_overridden, get_case
from riskdesk.services.cases.work import check_version as _stale
from riskdesk.services.cases.work import reason_as_stored as _reason
from riskdesk.services.cases.work import save as _save
from riskdesk.services.feed import records as feed
from riskdesk.services.periods import local_day
from riskdesk.services.permissions import Action, require
from riskdesk.services.postloan.book import AlertRow, case_alerts
from riskdesk.services.postloan.policy import CATEGORIES, category_of, current, params
from riskdesk.storage.clock import utcnow

ACTIONS = ("monitor", "contact", "request_docs", "freeze_line", "call_early", "reclassify",
           "suspicious")
FOUR_EYES = frozenset({"call_early", "reclassify"})
CHANNELS = ("phone", "sms", "visit", "letter")
OUTCOMES = ("promised_to_pay", "refused_to_pay", "disputes_debt", "not_reached")
POST_LOAN_KINDS = frozenset({CaseKind.POST_LOAN.value})


@dataclass(frozen=True)
class ActionRow:
    id: int
    action: str
    status: str  # done / awaiting_check / confirmed / sent_back
    maker: str
    made_at: datetime
    reason: str
    channel: str
    outcome: str
    promise_date: date | None
    category: str  # the class asked for (reclassify)
    floor: str  # the DPD floor it was asked above
    checker: str
    checked_at: datetime | None
    check_reason: str


@dataclass(frozen=True)
class PostLoanView:
    """What the post-loan case window leads with: the loan, its standing and warnings, the
    actions taken and the one waiting for its check."""

    case_id: int
    case_version: int
    case_status: str
    loan_id: int
    loan_no: str
    principal: Decimal
    balance: Decimal | None  # from the latest monitoring snapshot (None: never monitored)
    overdue: Decimal | None
    dpd: int | None
    as_of: date | None
    floor: str  # the class its days past due give
    category: str  # the class in force (the floor, or a confirmed class above it)
    line_frozen_at: datetime | None
    called_at: datetime | None
    alerts: tuple[AlertRow, ...]
    actions: tuple[ActionRow, ...]  # newest first
    pending: ActionRow | None  # awaiting a senior's check

    @property
    def classes_above_floor(self) -> tuple[str, ...]:
        return CATEGORIES[CATEGORIES.index(self.floor) + 1:]


def _is_post_loan(case: Case) -> bool:
    return case.kind in POST_LOAN_KINDS


def _loan_of(session: Session, case: Case) -> Loan:
    loan = None
    if case.application_id is not None:
        loan = session.exec(select(Loan).where(
            col(Loan.application_id) == case.application_id)).first()
    if loan is None or not _is_post_loan(case):
        raise InvalidInput(translate("PostLoan", "Case {id} is not a post-loan case on a loan.")
                           .format(id=case.id))
    return loan


def _standing(session: Session, loan: Loan) -> LoanSnapshot | None:
    return session.exec(select(LoanSnapshot).where(col(LoanSnapshot.loan_id) == loan.id)
                        .order_by(col(LoanSnapshot.month).desc())).first()


def _floor(session: Session, loan: Loan) -> str:
    """The class the loan's days past due give, by the post-loan policy in force."""
    snap = _standing(session, loan)
    floors = params(current(session))["category_from_dpd"]
    return category_of(snap.dpd if snap is not None else 0, floors)


def _category(floor: str, override: str | None) -> str:
    if override in CATEGORIES and CATEGORIES.index(str(override)) > CATEGORIES.index(floor):
        return str(override)
    return floor


def _row(a: LoanAction) -> ActionRow:
    d: dict[str, Any] = json.loads(a.detail or "{}")
    return ActionRow(a.id or 0, a.action, a.status, a.maker, a.made_at, a.reason,
                     str(d.get("channel") or ""), str(d.get("outcome") or ""), a.promise_date,
                     str(d.get("category") or ""), str(d.get("floor") or ""), a.checker,
                     a.checked_at, a.check_reason)


def postloan_view(session: Session, actor: Actor, *, case_id: int) -> PostLoanView | None:
    """The loan view of a post-loan case; None for any other case."""
    require(actor, Action.APPLICATION_VIEW)
    case = get_case(session, case_id=case_id)
    if not _is_post_loan(case) or case.application_id is None:
        return None
    loan = session.exec(select(Loan).where(
        col(Loan.application_id) == case.application_id)).first()
    if loan is None:
        return None
    snap = _standing(session, loan)
    floor = _floor(session, loan)
    actions = tuple(_row(a) for a in session.exec(
        select(LoanAction).where(col(LoanAction.case_id) == case_id)
        .order_by(col(LoanAction.id).desc())))
    pending = next((a for a in actions if a.status == CaseStatus.AWAITING_CHECK), None)
    return PostLoanView(
        case.id or 0, case.version, case.status, loan.id or 0, loan.loan_no, loan.principal,
        snap.balance if snap else None, snap.overdue_amount if snap else None,
        snap.dpd if snap else None, snap.as_of if snap else None, floor,
        _category(floor, loan.category_override), loan.line_frozen_at, loan.called_at,
        tuple(case_alerts(session, actor, case_id=case_id)), actions, pending)


def act(session: Session, actor: Actor, *, case_id: int, version: int, action: str, reason: str,
        channel: str = "", outcome: str = "", promise_date: date | None = None,
        category: str = "", other_assignee: bool = False) -> ActionRow:
    """Record one post-loan action on the case (see the module's docstring)."""
    require(actor, Action.CASE_WORK)
    if actor.user_id is None:
        raise PermissionDenied(translate("Cases", "Case work needs a signed-in user."))
    case = get_case(session, case_id=case_id)
    _stale(case, version)
    loan = _loan_of(session, case)
    if action not in ACTIONS:
        raise InvalidInput(translate("PostLoan", "A post-loan action is one of {actions}.")
                           .format(actions=join_list(label(a) for a in ACTIONS)))
    if not reason.strip():
        raise InvalidInput(translate("Cases", "A decision needs a reason."))
    if case.status not in OPEN:
        raise InvalidInput(translate("Cases", "Case {id} is {status}; it cannot be decided now.")
                           .format(id=case_id, status=label(case.status)))
    now = utcnow(session)
    detail: dict[str, Any] = {}
    if action == "contact":
        if channel not in CHANNELS or outcome not in OUTCOMES:
            raise InvalidInput(translate(
                "PostLoan", "A contact needs its channel ({channels}) and outcome "
                "({outcomes}).").format(channels=join_list(label(c) for c in CHANNELS),
                                        outcomes=join_list(label(o) for o in OUTCOMES)))
        if outcome == "promised_to_pay":
            if promise_date is None or promise_date < local_day(session, instant=now):
                raise InvalidInput(translate(
                    "PostLoan", "A promise to pay needs the date promised, today or later."))
        elif promise_date is not None:
            raise InvalidInput(translate(
                "PostLoan", "A promise-to-pay date goes with the outcome \u201cpromised to "
                "pay\u201d."))
        detail = {"channel": channel, "outcome": outcome}
    elif promise_date is not None:
        raise InvalidInput(translate(
            "PostLoan", "A promise-to-pay date goes with the outcome \u201cpromised to pay\u201d."))
    if action == "freeze_line" and loan.line_frozen_at is not None:
        raise InvalidInput(translate("PostLoan", "The line of loan {loan} is already frozen.")
                           .format(loan=loan.loan_no))
    if action == "call_early" and loan.called_at is not None:
        raise InvalidInput(translate("PostLoan", "Loan {loan} was already called early.")
                           .format(loan=loan.loan_no))
    if action == "reclassify":
        floor = _floor(session, loan)
        in_force = _category(floor, loan.category_override)
        if category not in CATEGORIES or CATEGORIES.index(category) <= CATEGORIES.index(floor):
            raise InvalidInput(translate(
                "PostLoan", "Reclassify above the days-past-due floor ({floor}): one of "
                "{classes}.").format(floor=label(floor), classes=join_list(
                    label(c) for c in CATEGORIES[CATEGORIES.index(floor) + 1:])))
        if category == in_force:
            raise InvalidInput(translate("PostLoan", "Loan {loan} is already {category}.")
                               .format(loan=loan.loan_no, category=label(category)))
        detail = {"category": category, "floor": floor, "from": in_force}
    extra: dict[str, Any] = {"decision": action, "loan": loan.loan_no, **detail}
    overridden = assignee_overridden(session, actor, case=case, other_assignee=other_assignee)
    if overridden is not None:
        extra["assignee_overridden"] = overridden
    said = _reason(session, case_id=case_id, reason=reason)
    row = LoanAction(case_id=case_id, loan_id=loan.id or 0, action=action,
                     status="awaiting_check" if action in FOUR_EYES else "done", reason=said,
                     detail=json.dumps(detail, sort_keys=True),
                     promise_date=promise_date if action == "contact" else None,
                     maker_id=actor.user_id, maker=actor.username, made_at=now)
    session.add(row)
    session.flush()
    extra["loan_action"] = row.id
    if promise_date is not None:
        extra["promise_date"] = promise_date.isoformat()
    values: dict[str, Any] = {"reason": said}
    if case.assignee_id is None:
        values["assignee_id"] = actor.user_id
    if action in FOUR_EYES:
        values.update({"status": CaseStatus.AWAITING_CHECK, "maker_id": actor.user_id})
    elif action == "monitor":
        values.update({"status": CaseStatus.DECIDED, "decision": "monitor",
                       "decided_by_id": actor.user_id})
    elif action == "request_docs":
        values["status"] = CaseStatus.PENDING_INFO
    else:
        values["status"] = CaseStatus.IN_REVIEW
        if action == "freeze_line":
            loan.line_frozen_at = now
            session.add(loan)
    _save(session, actor, case=case, version=version, action="case.postloan", values=values,
          extra=extra)
    session.flush()
    feed.record_loan_action(session, row=row)  # a final one (freeze, suspicious) to origination
    return _row(row)


def check(session: Session, actor: Actor, *, case_id: int, version: int, confirm: bool,
          reason: str = "") -> ActionRow:
    """A senior officer who is not the maker confirms the pending call-early or reclassify
    (it takes effect on the loan) or sends it back to its maker with a reason."""
    require(actor, Action.CASE_CHECK)
    case = get_case(session, case_id=case_id)
    _stale(case, version)
    loan = _loan_of(session, case)
    row = session.exec(select(LoanAction).where(
        col(LoanAction.case_id) == case_id, col(LoanAction.status) == "awaiting_check")
        .order_by(col(LoanAction.id).desc())).first()
    if case.status != CaseStatus.AWAITING_CHECK or row is None:
        raise InvalidInput(translate("PostLoan", "Case {id} has no post-loan action awaiting a "
                                     "check.").format(id=case_id))
    if row.maker_id == actor.user_id:
        raise PermissionDenied(translate("Cases", "{user} made this decision and may not also "
                                         "check it (four-eyes).").format(user=actor.username))
    if not confirm and not reason.strip():
        raise InvalidInput(translate("Cases", "Sending a decision back needs a reason."))
    now = utcnow(session)
    said = _reason(session, case_id=case_id, reason=reason,
                   field="check_reason") if reason.strip() else ""
    detail: dict[str, Any] = json.loads(row.detail or "{}")
    row.checker_id, row.checker, row.checked_at = actor.user_id, actor.username, now
    row.check_reason = said
    extra: dict[str, Any] = {"decision": row.action, "loan": loan.loan_no, "maker": row.maker,
                             "loan_action": row.id, **detail}
    if said:
        extra["check_reason"] = said
    if confirm:
        row.status = "confirmed"
        if row.action == "call_early":
            loan.called_at = now
            values: dict[str, Any] = {"status": CaseStatus.DECIDED, "decision": "call_early",
                                      "decided_by_id": row.maker_id,
                                      "checked_by_id": actor.user_id}
        else:
            loan.category_override = str(detail["category"])
            values = {"status": CaseStatus.IN_REVIEW, "maker_id": None,
                      "checked_by_id": actor.user_id}
        session.add(loan)
        action = "case.postloan.confirm"
    else:
        row.status = "sent_back"
        values = {"status": CaseStatus.RETURNED, "maker_id": None, "reason": said,
                  "assignee_id": row.maker_id}
        action = "case.postloan.send_back"
    session.add(row)
    session.flush()
    _save(session, actor, case=case, version=version, action=action, values=values, extra=extra)
    feed.record_loan_action(session, row=row)  # confirmed: call early / reclassify, final now
    return _row(row)

