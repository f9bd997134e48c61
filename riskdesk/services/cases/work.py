"""Working a case: claim, assign, notes, decisions and the four-eyes check.

Every write names the case version it was based on; a save against a stale version is refused
with what changed (no lost updates). Approving against the policy's recommendation (decline band
or a high-severity rule hit) or above the policy's amount threshold does not decide the case: it
waits (``awaiting_check``) for a senior officer who is not the maker, who confirms or sends it
back. Notes are append-only. Each step writes its audit event in the same transaction.
"""
from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case, InvestigationNote, NoteDraft
from riskdesk.domain.enums import (
    CLOSED_STATUSES,
    Band,
    CaseKind,
    CaseStatus,
    Role,
    Severity,
    label,
)
from riskdesk.domain.scoring import DecisionRecord, PolicyVersion
from riskdesk.domain.users import User, UserRole
from riskdesk.errors import (
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
    StaleVersion,
)
from riskdesk.i18n import join_list, translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import tally
from riskdesk.services.cases.hard_stops import refuse_approval
from riskdesk.services.feed import records as feed
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.services.versioned import save_versioned
from riskdesk.storage.clock import utcnow

NOTE_KINDS = ("identity", "phone", "income", "employer", "site_visit", "credit_bureau", "other")
NOTE_OUTCOMES = ("verified", "discrepancy", "unable_to_verify")
DECISIONS = ("approve", "decline", "request_info", "escalate")
PRE_LOAN_ONLY = ("approve", "decline", "request_info")  # not offered on a post-loan case
OPEN = {CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.PENDING_INFO, CaseStatus.ESCALATED,
        CaseStatus.RETURNED}
TRACKED = ("status", "assignee_id", "decision", "reason", "maker_id", "decided_by_id",
           "checked_by_id", "priority")


def _uid(actor: Actor) -> int:
    if actor.user_id is None:
        raise PermissionDenied(translate("Cases", "Case work needs a signed-in user."))
    return actor.user_id


def get_case(session: Session, *, case_id: int) -> Case:
    case = session.get(Case, case_id, populate_existing=True)
    if case is None:
        raise NotFound(translate("Cases", "There is no case {id}.").format(id=case_id))
    return case


def save(session: Session, actor: Actor, *, case: Case, version: int, action: str,
         values: dict[str, Any], extra: dict[str, Any] | None = None) -> Case:
    """UPDATE ... WHERE version = the version the officer saw; refused if it moved on. The
    one place a case's status, assignee or open flag changes (pre-loan and post-loan work):
    the queue's tallies move with them, in the same transaction (issues 27, 34)."""
    before = tally.watched(case)
    if "status" in values:
        values = {**values, "is_open": str(values["status"]) not in CLOSED_STATUSES}
    saved = save_versioned(session, actor, row=case, version=version, action=action, entity="case",
                           values=values, tracked=TRACKED, extra=extra,
                           stale=lambda now: check_version(now, version))
    tally.moved(session, actor, before=before, after=tally.watched(saved))
    return saved



def check_version(case: Case, version: int) -> None:
    """Refuses a write based on an older version; the window shows what changed."""
    if case.version != version:
        raise StaleVersion(translate(
            "Cases", "Case {id} was changed by someone else (version {theirs}, you saw "
            "{yours}); reload it and decide again.").format(
            id=case.id, theirs=case.version, yours=version))


def claim(session: Session, actor: Actor, *, case_id: int, version: int) -> Case:
    require(actor, Action.CASE_WORK)
    case = get_case(session, case_id=case_id)
    check_version(case, version)
    if case.assignee_id not in (None, actor.user_id):
        raise InvalidInput(translate("Cases", "Case {id} is already assigned; a senior officer "
                                     "can reassign it.").format(id=case_id))
    if case.status not in OPEN:
        raise InvalidInput(translate("Cases", "Case {id} is {status}; it cannot be claimed.")
                           .format(id=case_id, status=case.status))
    status = CaseStatus.IN_REVIEW if case.status == CaseStatus.NEW else case.status
    return save(session, actor, case=case, version=version, action="case.claim",
                 values={"assignee_id": actor.user_id, "status": status})


def claim_many(session: Session, actor: Actor, *, cases: list[tuple[int, int]]) -> int:
    """Claim (case id, version seen) pairs in one transaction: all or none."""
    for case_id, version in cases:
        claim(session, actor, case_id=case_id, version=version)
    return len(cases)


def assign(session: Session, actor: Actor, *, case_id: int, version: int, user_id: int) -> Case:
    require(actor, Action.CASE_ASSIGN)
    _check_assignee(session, user_id)
    case = get_case(session, case_id=case_id)
    if case.status not in OPEN and case.status != CaseStatus.AWAITING_CHECK:
        raise InvalidInput(translate("Cases", "Case {id} is {status}; it cannot be assigned.")
                           .format(id=case_id, status=case.status))
    return save(session, actor, case=case, version=version, action="case.assign",
                values={"assignee_id": user_id})


def assign_many(session: Session, actor: Actor, *, cases: list[tuple[int, int]],
                user_id: int) -> int:
    """Bulk assign (case id, version seen) pairs: all or none, so a refusal of one (changed
    meanwhile, or closed) leaves every case as it was."""
    for case_id, version in cases:
        assign(session, actor, case_id=case_id, version=version, user_id=user_id)
    return len(cases)


def assignees(session: Session) -> list[tuple[int, str]]:
    """Active users who work cases, for the assign dialog."""
    workers = {Role.OFFICER.value, Role.SENIOR_OFFICER.value}
    return [(uid, name) for uid, name in session.execute(
        select(User.id, User.username).join(UserRole, col(UserRole.user_id) == User.id)
        .where(col(UserRole.role).in_(workers), col(User.active).is_(True))
        .distinct().order_by(col(User.username))).all()]


def _check_assignee(session: Session, user_id: int) -> None:
    if user_id not in dict(assignees(session)):
        raise InvalidInput(translate("Cases", "User {id} is not an active officer; cases go to "
                                     "officers and senior officers.").format(id=user_id))


def add_note(session: Session, actor: Actor, *, case_id: int, kind: str, outcome: str,
             text: str, corrects_id: int | None = None) -> InvestigationNote:
    require(actor, Action.CASE_WORK)
    case = get_case(session, case_id=case_id)
    if kind not in NOTE_KINDS or outcome not in NOTE_OUTCOMES:
        raise InvalidInput(translate("Cases", "Note kind must be one of {kinds}; outcome one of "
                                     "{outcomes}.").format(kinds=join_list(map(label, NOTE_KINDS)),
                                                          outcomes=join_list(map(label, NOTE_OUTCOMES))))
    if not text.strip():
        raise InvalidInput(translate("Cases", "A note needs text."))
    if corrects_id is not None:
        old = session.get(InvestigationNote, corrects_id)
        if old is None or old.case_id != case_id:
            raise InvalidInput(translate("Cases", "Note {id} is not a note of this case.")
                               .format(id=corrects_id))
    cleaned = free_text.scan(text)  # personal data typed in stays masked (issue 25)
    note = InvestigationNote(case_id=case_id, kind=kind, outcome=outcome,
                             text=cleaned.fit(4000), corrects_id=corrects_id,
                             author_id=_uid(actor), author=actor.username,
                             created_at=utcnow(session))
    session.add(note)
    draft = session.get(NoteDraft, (case_id, actor.user_id))
    if draft is not None:
        session.delete(draft)
    session.flush()
    if draft is not None:  # what the draft masked, the note keeps (its window showed it)
        free_text.carry(session, entity="note_draft", entity_id=f"{case_id}:{actor.user_id}",
                        to_entity="investigation_note", to_id=note.id or 0, field="text",
                        text=note.text, found=cleaned.found)
    free_text.keep(session, cleaned=cleaned, entity="investigation_note", entity_id=note.id or 0,
                   field="text")
    audit.append(session, actor, action="case.note", entity_type="case", entity_id=case.id or 0,
                 after={
        "note": note.id, "kind": kind, "outcome": outcome, "corrects": corrects_id,
        "length": len(text)})
    return note


def save_draft(session: Session, actor: Actor, *, case_id: int, kind: str, outcome: str,
               text: str) -> NoteDraft:
    """Called as the officer types; a draft is the officer's own, not yet a record."""
    require(actor, Action.CASE_WORK)
    get_case(session, case_id=case_id)
    draft = session.get(NoteDraft, (case_id, actor.user_id))
    if draft is None:
        draft = NoteDraft(case_id=case_id, user_id=_uid(actor), updated_at=utcnow(session))
        session.add(draft)
    draft.kind, draft.outcome = kind[:16], outcome[:16]
    draft.text = free_text.keep(session, cleaned=text, entity="note_draft",
                                entity_id=f"{case_id}:{actor.user_id}", field="text",
                                replace=True)[:4000]
    draft.updated_at = utcnow(session)
    session.flush()
    return draft


def draft_text(session: Session, actor: Actor, *, case_id: int) -> str | None:
    """The signed-in officer's own unsaved note on the case (none for a user without an id)."""
    require(actor, Action.APPLICATION_VIEW)
    if actor.user_id is None:
        return None
    draft = session.get(NoteDraft, (case_id, actor.user_id))
    return draft.text if draft is not None else None


def notes(session: Session, *, case_id: int) -> list[InvestigationNote]:
    return list(session.exec(select(InvestigationNote).where(
        col(InvestigationNote.case_id) == case_id).order_by(col(InvestigationNote.id))).all())


def needs_check(session: Session, *, case: Case) -> list[str]:
    """Why an approval of this case needs a second person (empty: it does not)."""
    why: list[str] = []
    if case.decision_record_id is None:
        return why
    rec = session.get(DecisionRecord, case.decision_record_id)
    if rec is None:
        return why
    if rec.band == Band.DECLINE or rec.max_severity == Severity.HIGH:
        why.append(translate("Cases", "the policy recommends declining"))
    policy = session.get(PolicyVersion, rec.policy_version_id)
    app = session.get(Application, case.application_id) if case.application_id else None
    if policy is not None and app is not None and float(app.amount) > policy.four_eyes_amount:
        why.append(translate("Cases", "the amount is above {limit:,.0f} CNY").format(
            limit=policy.four_eyes_amount))
    return why


def decide(session: Session, actor: Actor, *, case_id: int, version: int, decision: str,
           reason: str, other_assignee: bool = False) -> Case:
    """``other_assignee``: the actor confirmed deciding a case assigned to someone else
    (without it such a decision is refused with :class:`NeedsConfirmation`); the audit event
    names the assignee overridden (issue 26)."""
    require(actor, Action.CASE_WORK)
    case = get_case(session, case_id=case_id)
    check_version(case, version)
    if decision not in DECISIONS:
        raise InvalidInput(translate("Cases", "Decision must be one of {d}.").format(
            d=join_list(map(label, DECISIONS))))
    if not reason.strip():
        raise InvalidInput(translate("Cases", "A decision needs a reason."))
    if case.status not in OPEN:
        raise InvalidInput(translate("Cases", "Case {id} is {status}; it cannot be decided now.")
                           .format(id=case_id, status=case.status))
    if case.kind == CaseKind.POST_LOAN and decision in PRE_LOAN_ONLY:
        raise InvalidInput(translate("Cases", "Case {id} is a post-loan case: it takes post-loan "
                                     "actions, not {decision}.").format(
            id=case_id, decision=label(decision)))
    if case.kind == CaseKind.MODEL_REVIEW:  # closed by the validator (credit/model_review.py)
        raise InvalidInput(translate("Cases", "Case {id} is a model review: the validator closes "
                                     "it with a decision on the model.").format(id=case_id))
    if decision == "approve":
        refuse_approval(session, case=case)  # hard stops: nobody approves, whatever the role
    if case.status == CaseStatus.ESCALATED and not actor.has(Role.SENIOR_OFFICER):
        raise PermissionDenied(translate("Cases", "Case {id} is escalated: a senior officer "
                                         "decides it.").format(id=case_id))
    extra: dict[str, Any] = {"decision": decision}
    overridden = assignee_overridden(session, actor, case=case, other_assignee=other_assignee)
    if overridden is not None:
        extra["assignee_overridden"] = overridden
    values: dict[str, Any] = {"reason": reason_as_stored(session, case_id=case_id, reason=reason)}
    if decision == "request_info":
        values["status"] = CaseStatus.PENDING_INFO
    elif decision == "escalate":
        values["status"] = CaseStatus.ESCALATED
    else:
        why = needs_check(session, case=case) if decision == "approve" else []
        values.update({"decision": decision, "maker_id": actor.user_id})
        if why:
            values["status"] = CaseStatus.AWAITING_CHECK
            extra["needs_check"] = why
        else:
            values.update({"status": CaseStatus.DECIDED, "decided_by_id": actor.user_id})
    saved = save(session, actor, case=case, version=version, action="case.decide", values=values,
                 extra=extra)
    feed.record_case(session, case=saved)  # final now (not awaiting a check): to origination
    return saved


def reason_as_stored(session: Session, *, case_id: int, reason: str, field: str = "reason") -> str:
    """A decision or check reason as stored: masked, the values found kept encrypted."""
    return free_text.keep(session, cleaned=reason, entity="review_case", entity_id=case_id,
                          field=field)[:2000]


def assignee_overridden(session: Session, actor: Actor, *, case: Case,
                        other_assignee: bool) -> str | None:
    """Who the case is assigned to when that is someone else than ``actor`` (None when it is
    nobody or the actor); deciding in their place needs ``other_assignee`` (the window asks)."""
    if case.assignee_id is None or case.assignee_id == actor.user_id:
        return None
    other = session.get(User, case.assignee_id)
    name = other.username if other is not None else str(case.assignee_id)
    if not other_assignee:
        raise NeedsConfirmation(translate(
            "Cases", "Case {id} is assigned to {user}. Decide it in their place?").format(
            id=case.id, user=name))
    return name


def check(session: Session, actor: Actor, *, case_id: int, version: int, confirm: bool,
          reason: str = "") -> Case:
    """The second person: confirms the maker's decision or sends it back with a reason."""
    require(actor, Action.CASE_CHECK)
    case = get_case(session, case_id=case_id)
    check_version(case, version)
    if case.status != CaseStatus.AWAITING_CHECK:
        raise InvalidInput(translate("Cases", "Case {id} is not awaiting a check.").format(
            id=case_id))
    if case.maker_id == actor.user_id:
        raise PermissionDenied(translate("Cases", "{user} made this decision and may not also "
                                         "check it (four-eyes).").format(user=actor.username))
    if case.kind == CaseKind.POST_LOAN:  # its pending action is checked with the action
        raise InvalidInput(translate("Cases", "Case {id} waits for the check of a post-loan "
                                     "action: confirm or send back that action.").format(
            id=case_id))
    if confirm and case.decision == "approve":
        refuse_approval(session, case=case)  # a hard stop found since the maker's approval
    if confirm:
        values: dict[str, Any] = {"status": CaseStatus.DECIDED, "decided_by_id": case.maker_id,
                                  "checked_by_id": actor.user_id}
        # The checker's own words, if any, go to the trail beside the confirmation; the case
        # keeps the maker's reason.
        said = free_text.keep(session, cleaned=reason, entity="review_case", entity_id=case_id,
                              field="check_reason")[:2000] if reason.strip() else ""
        saved = save(session, actor, case=case, version=version, action="case.check.confirm",
                     values=values,
                      extra={"check_reason": said} if said else None)
        feed.record_case(session, case=saved)  # the confirmation makes it final (issue 29)
        return saved
    if not reason.strip():
        raise InvalidInput(translate("Cases", "Sending a decision back needs a reason."))
    # Back to its maker, in "My cases", with the checker's reason (issue 26); the maker's own
    # reason stays in the trail and the window shows both.
    values = {"status": CaseStatus.RETURNED, "decision": None, "maker_id": None,
              "assignee_id": case.maker_id or case.assignee_id,
              "reason": reason_as_stored(session, case_id=case_id, reason=reason)}
    return save(session, actor, case=case, version=version, action="case.check.send_back",
                values=values)
