"""Complaint handling to the regulator's rules (docs/regulation.md): intake, deadlines and
extensions, the workflow with its required fields, recusal, links to the customer's
applications and to fraud cases.

received -> investigating -> responded -> closed; reopen (back to investigating), withdrawal
(ends the process on the day it is received) and escalation to compliance. Every write names
the version it was based on (no lost updates) and is audited in its own transaction.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.enums import (
    CaseKind,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintStatus,
    Extension,
    Reaction,
    RootCause,
    label,
)
from riskdesk.domain.users import AppSetting, User
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied, StaleVersion
from riskdesk.i18n import QT_TRANSLATE_NOOP, join_list, translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.opening import open_case
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.services.versioned import save_versioned
from riskdesk.storage.clock import utcnow

SETTINGS_KEY = "complaints.deadlines"
OPEN = (ComplaintStatus.RECEIVED.value, ComplaintStatus.INVESTIGATING.value)
DONE = (ComplaintStatus.RESPONDED.value, ComplaintStatus.CLOSED.value,
        ComplaintStatus.WITHDRAWN.value)
DUE_SOON = timedelta(days=2)
# The further channels a reply must name (Chinese or English wording).
FURTHER_CHANNELS: dict[str, tuple[str, ...]] = {
    "upper_level_review": ("上级", "复核", "upper-level review"),
    "mediation": ("调解", "mediation"),
    "arbitration": ("仲裁", "arbitration"),
    "litigation": ("诉讼", "litigation"),
}
# each further channel as the refusal names it (issue 28: no code in a Chinese message)
CHANNEL_NAMES = {
    "upper_level_review": QT_TRANSLATE_NOOP("Complaints", "upper-level review"),
    "mediation": QT_TRANSLATE_NOOP("Complaints", "mediation"),
    "arbitration": QT_TRANSLATE_NOOP("Complaints", "arbitration"),
    "litigation": QT_TRANSLATE_NOOP("Complaints", "litigation"),
}
TRACKED = ("status", "assignee_id", "due_at", "extension", "escalated", "reaction",
           "root_cause", "fraud_case_id")


@dataclass(frozen=True)
class Deadlines:
    decide_days: int = 15
    complex_days: int = 30
    special_days: int = 60
    working_days: bool = False  # Monday to Friday; public holidays are not known here


def deadlines(session: Session) -> Deadlines:
    row = session.get(AppSetting, SETTINGS_KEY)
    return Deadlines(**json.loads(row.value)) if row is not None else Deadlines()


def set_deadlines(session: Session, actor: Actor, *, new: Deadlines) -> None:
    require(actor, Action.COMPLAINT_SETTINGS)
    if not 1 <= new.decide_days <= new.complex_days <= new.special_days <= 365:
        raise InvalidInput(translate("Complaints", "Deadlines must grow: decide <= complex "
                                     "<= special, each 1 to 365 days."))
    before = deadlines(session)
    now = utcnow(session)
    row = session.get(AppSetting, SETTINGS_KEY) or AppSetting(
        key=SETTINGS_KEY, value="", changed_by="", changed_at=now)
    row.value, row.changed_by, row.changed_at = json.dumps(asdict(new)), actor.username, now
    session.add(row)
    audit.append(session, actor, action="setting.change", entity_type="setting",
                 entity_id=SETTINGS_KEY,
                 before=asdict(before), after=asdict(new))


def add_days(start: datetime, days: int, working: bool) -> datetime:
    """``days`` calendar days after ``start``, or that many Monday-to-Friday days."""
    if not working:
        return start + timedelta(days=days)
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def due_at(session: Session, *, received_at: datetime, extension: str) -> datetime:
    d = deadlines(session)
    days = {Extension.COMPLEX.value: d.complex_days, Extension.SPECIAL.value: d.special_days}
    return add_days(received_at, days.get(extension, d.decide_days), d.working_days)


def response_template(language: str = "zh") -> str:
    """A reply skeleton that names every further channel, as the regulator requires."""
    if language.startswith("zh"):
        return ("您好，关于您的投诉（编号 {number}），经调查：\n\n\n"
                "如您对本处理结果不满意，可自收到本答复之日起向我行上级机构申请复核，"
                "也可申请第三方调解，或依法申请仲裁、向人民法院提起诉讼。")
    return ("Dear customer, about your complaint {number}, our investigation found:\n\n\n"
            "If you do not accept this answer you may ask for an upper-level review by our "
            "head office, apply for mediation, or go to arbitration or litigation.")


def _get(session: Session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id, populate_existing=True)
    if c is None:
        raise NotFound(translate("Complaints", "There is no complaint {id}.").format(
            id=complaint_id))
    return c


def get(session: Session, actor: Actor, *, complaint_id: int) -> Complaint:
    require(actor, Action.APPLICATION_VIEW)
    return _get(session, complaint_id)


def _save(session: Session, actor: Actor, c: Complaint, version: int, action: str,
          values: dict[str, Any], extra: dict[str, Any] | None = None) -> Complaint:
    return save_versioned(session, actor, row=c, version=version, action=action, entity="complaint",
                          values=values, tracked=TRACKED, extra=extra,
                          stale=lambda now: _check_version(now, version))


def _check_version(c: Complaint, version: int) -> None:
    if c.version != version:
        raise StaleVersion(translate(
            "Complaints", "Complaint {number} was changed by someone else (version {theirs}, "
            "you saw {yours}); reload it.").format(number=c.number, theirs=c.version,
                                                   yours=version))


def _work(session: Session, actor: Actor, complaint_id: int, version: int,
          allowed: tuple[str, ...]) -> Complaint:
    require(actor, Action.COMPLAINT_WORK)
    c = _get(session, complaint_id)
    _check_version(c, version)
    if c.status not in allowed:
        raise InvalidInput(translate(
            "Complaints", "Complaint {number} is {status}; this step is not possible now.")
            .format(number=c.number, status=label(c.status)))
    return c


def _required(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput(translate("Complaints", "{what} is required.").format(what=what))
    return text


def _kept(session: Session, c: Complaint, text: str, field: str) -> str:
    """Free text as stored and audited: masked, the values found kept encrypted (issue 25)."""
    return free_text.keep(session, cleaned=text, entity="complaint", entity_id=c.id or 0,
                          field=field)


def _choice(value: str, allowed: type[Any], what: str) -> str:
    if value not in {v.value for v in allowed}:
        # the choices in words, never the stored codes (issue 28)
        raise InvalidInput(translate("Complaints", "{what} must be one of: {choices}.").format(
            what=what, choices=translate("Complaints", ", ").join(label(v.value)
                                                                 for v in allowed)))
    return value


def beyond_template(response: str, number: str) -> str:
    """What the reply says beyond the template's fixed text (in either language), stripped:
    a reply that is only the template is not an answer (issue 28)."""
    rest = response
    for language in ("zh", "en"):
        for line in response_template(language).format(number=number).splitlines():
            if line.strip():
                rest = rest.replace(line.strip(), "")
    return rest.strip(" \t\r\n:：,，.。;；")


def is_late(c: Complaint) -> bool:
    """The final reply was sent after the due time (extensions counted: due_at moves with
    them)."""
    return c.responded_at is not None and c.responded_at > c.due_at


# -- intake --------------------------------------------------------------------------------
def register(session: Session, actor: Actor, **fields: Any) -> Complaint:
    """Issues the complaint number; what the bank already knows (the customer's name, the
    application's customer) is filled in, not asked for. ``fields``: as :func:`prepared`
    takes them."""
    values, said, authorised = prepared(session, actor, **fields)
    now = values["created_at"]
    c = Complaint(number=f"pending-{actor.username}-{now.timestamp()}"[:24], **values)
    session.add(c)
    session.flush()
    c.number = number_of(c.received_at, c.id or 0)
    session.flush()
    keep_found(session, complaint_id=c.id or 0, said=said, authorised=authorised)
    audit.append(session, actor, action="complaint.register", entity_type="complaint",
                 entity_id=c.id or 0,
                 after=registered(values, c.number))
    return c


def prepared(session: Session, actor: Actor, *, channel: str, category: str, description: str,
             complainant_name: str = "", applicant_id: int | None = None,
             application_id: int | None = None, proxy_name: str = "",
             proxy_authorisation: str = "", received_at: datetime | None = None,
             subject_user_id: int | None = None, subject_team: str = "",
             ) -> tuple[dict[str, Any], free_text.Cleaned, free_text.Cleaned]:
    """A new complaint's column values (all but its number, which needs its id) checked and
    completed, with the personal data found in its free text: one complaint registered by
    hand and a whole imported file (``complaints.batch``) are made alike."""
    require(actor, Action.COMPLAINT_WORK)
    _choice(channel, ComplaintChannel, translate("Complaints", "The channel"))
    _choice(category, ComplaintCategory, translate("Complaints", "The category"))
    description = _required(description, translate("Complaints", "A description"))
    partner_id: int | None = None
    if application_id is not None:
        app = session.get(Application, application_id)
        if app is None:
            raise InvalidInput(translate("Complaints", "There is no application {id}.").format(
                id=application_id))
        if applicant_id is not None and app.applicant_id != applicant_id:
            raise InvalidInput(translate(
                "Complaints", "Application {no} belongs to another customer.").format(
                no=app.application_no))
        applicant_id = app.applicant_id
        partner_id = app.partner_id  # a complaint about a partner's customer counts for it
    if applicant_id is not None:
        person = session.get(Applicant, applicant_id)
        if person is None:
            raise InvalidInput(translate("Complaints", "There is no customer {id}.").format(
                id=applicant_id))
        complainant_name = person.name
    complainant_name = _required(complainant_name, translate("Complaints", "The complainant"))
    if proxy_name.strip():
        _required(proxy_authorisation, translate(
            "Complaints", "How the proxy is authorised"))
    said = free_text.scan(description)  # personal data typed in stays masked (issue 25)
    authorised = free_text.scan(proxy_authorisation.strip())
    now = utcnow(session)
    received = received_at or now
    if received > now + timedelta(minutes=5):
        raise InvalidInput(translate("Complaints", "A complaint cannot be received in the "
                                     "future."))
    return dict(channel=channel, category=category, applicant_id=applicant_id,
                partner_id=partner_id, complainant_name=complainant_name[:128],
                proxy_name=proxy_name.strip()[:128], proxy_authorisation=authorised.fit(500),
                application_id=application_id, description=said.fit(4000),
                received_at=received, due_at=due_at(session, received_at=received,
                                                    extension=Extension.NONE),
                status=ComplaintStatus.RECEIVED.value, subject_user_id=subject_user_id,
                subject_team=subject_team.strip()[:64], created_by_id=actor.user_id or 0,
                created_at=now, updated_at=now), said, authorised


def number_of(received: datetime, complaint_id: int) -> str:
    """The number told to the customer: month received and id."""
    return f"TS-{received:%Y%m}-{complaint_id:06d}"


def keep_found(session: Session, *, complaint_id: int, said: free_text.Cleaned,
               authorised: free_text.Cleaned) -> None:
    """The personal data found in a new complaint's free text, kept encrypted beside it."""
    free_text.keep(session, cleaned=said, entity="complaint", entity_id=complaint_id,
                   field="description")
    free_text.keep(session, cleaned=authorised, entity="complaint", entity_id=complaint_id,
                   field="proxy_authorisation")


def registered(values: dict[str, Any], number: str) -> dict[str, Any]:
    """The ``complaint.register`` event's after-image of a new complaint's values."""
    return {"number": number, "channel": values["channel"], "category": values["category"],
            "application_id": values["application_id"],
            "applicant_id": values["applicant_id"], "proxy": bool(values["proxy_name"]),
            "received_at": values["received_at"].isoformat(),
            "due_at": values["due_at"].isoformat()}


@dataclass(frozen=True)
class Customer:
    applicant_id: int
    name: str
    id_no_masked: str
    applications: int


def find_customers(session: Session, actor: Actor, *, text: str, limit: int = 20) -> list[Customer]:
    """By exact ID number or phone (keyed hashes) or by name prefix."""
    from sqlalchemy import func

    from riskdesk.domain.identity import ID_PATTERN, PHONE_PATTERN
    from riskdesk.security.datakey import load_cipher
    from riskdesk.services.cases.queue import prefix_match

    require(actor, Action.APPLICATION_VIEW)
    text = text.strip()
    if not text:
        return []
    q = (select(Applicant.id, Applicant.name, Applicant.id_no_masked,
                func.count(col(Application.id)))
         .join(Application, col(Application.applicant_id) == Applicant.id, isouter=True)
         .group_by(col(Applicant.id), col(Applicant.name), col(Applicant.id_no_masked)))
    if ID_PATTERN.match(text.upper()):
        q = q.where(col(Applicant.id_no_hash) == load_cipher(session, create=False).digest(
            "id_no", text.upper()))
    elif PHONE_PATTERN.match(text):
        phone = load_cipher(session, create=False).digest("phone", text)
        q = q.where(col(Applicant.id).in_(select(Application.applicant_id).where(
            col(Application.phone_hash) == phone)))
    else:
        q = q.where(*prefix_match(col(Applicant.name), text))
    rows = session.execute(q.order_by(col(Applicant.name), col(Applicant.id)).limit(limit))
    from riskdesk.security.masking import mask_name
    from riskdesk.services.permissions import allowed

    shown = (lambda n: n) if allowed(actor, Action.PII_UNMASK) else mask_name
    return [Customer(int(i), shown(n), m, int(k)) for i, n, m, k in rows]


@dataclass(frozen=True)
class CustomerApplication:
    application_id: int
    application_no: str
    product: str
    amount: Any
    submitted_at: datetime
    cases: str  # "kind: status" of each case on it


def customer_applications(session: Session, actor: Actor, *,
                          applicant_id: int) -> list[CustomerApplication]:
    require(actor, Action.APPLICATION_VIEW)
    apps = session.exec(select(Application).where(
        col(Application.applicant_id) == applicant_id)
        .order_by(col(Application.submitted_at).desc())).all()
    from riskdesk.domain.enums import label

    out = []
    for a in apps:
        cases = session.exec(select(Case).where(col(Case.application_id) == a.id)).all()
        out.append(CustomerApplication(
            a.id or 0, a.application_no, a.product, a.amount, a.submitted_at,
            "; ".join(f"{label(k.kind)}: {label(k.status)}" for k in cases)))
    return out


# -- workflow ------------------------------------------------------------------------------
def investigate(session: Session, actor: Actor, *, complaint_id: int, version: int) -> Complaint:
    c = _work(session, actor, complaint_id, version, (ComplaintStatus.RECEIVED.value,))
    values: dict[str, Any] = {"status": ComplaintStatus.INVESTIGATING.value}
    if c.assignee_id is None:
        _check_recusal(session, c, actor.user_id)
        values["assignee_id"] = actor.user_id
    return _save(session, actor, c, version, "complaint.investigate", values)


def _check_recusal(session: Session, c: Complaint, user_id: int | None) -> None:
    if user_id is None:
        return
    user = session.get(User, user_id)
    if user is None:
        raise InvalidInput(translate("Complaints", "There is no user {id}.").format(id=user_id))
    if user_id == c.subject_user_id or (c.subject_team and user.team == c.subject_team):
        raise PermissionDenied(translate(
            "Complaints", "{user} is the person or in the team complained about in {number}; "
            "someone else must handle it.").format(user=user.username, number=c.number))


def assign(session: Session, actor: Actor, *, complaint_id: int, version: int,
           user_id: int) -> Complaint:
    require(actor, Action.COMPLAINT_ASSIGN)
    c = _get(session, complaint_id)
    _check_version(c, version)
    if c.status in DONE:
        raise InvalidInput(translate("Complaints", "Complaint {number} is {status}; it cannot "
                                     "be assigned.").format(number=c.number, status=c.status))
    _check_recusal(session, c, user_id)
    return _save(session, actor, c, version, "complaint.assign", {"assignee_id": user_id})


def extend(session: Session, actor: Actor, *, complaint_id: int, version: int, reason: str,
           complainant_told: bool) -> Complaint:
    """A complex case: to the complex deadline (30 days), with a reason, the customer told."""
    c = _work(session, actor, complaint_id, version, OPEN)
    reason = _required(reason, translate("Complaints", "A reason for the extension"))
    if not complainant_told:
        raise InvalidInput(translate("Complaints", "Tell the complainant about the extension "
                                     "first, then record it."))
    if c.extension != Extension.NONE:
        raise InvalidInput(translate("Complaints", "Complaint {number} is already extended.")
                           .format(number=c.number))
    reason = _kept(session, c, reason, "extension_reason")
    return _save(session, actor, c, version, "complaint.extend", {
        "extension": Extension.COMPLEX.value, "extension_reason": reason[:1000],
        "complainant_told_at": utcnow(session),
        "due_at": due_at(session, received_at=c.received_at, extension=Extension.COMPLEX.value)},
        {"reason": reason[:1000]})


def request_special_extension(session: Session, actor: Actor, *, complaint_id: int, version: int,
                              reason: str) -> Complaint:
    c = _work(session, actor, complaint_id, version, OPEN)
    reason = _required(reason, translate("Complaints", "A reason for the extension"))
    if c.extension != Extension.COMPLEX:
        raise InvalidInput(translate("Complaints", "A special extension follows a complex-case "
                                     "extension."))
    reason = _kept(session, c, reason, "extension_reason")
    return _save(session, actor, c, version, "complaint.special_requested", {
        "extension": Extension.SPECIAL_REQUESTED.value,
        "extension_reason": f"{c.extension_reason}\n{reason}"[:1000]}, {"reason": reason})


def approve_special_extension(session: Session, actor: Actor, *, complaint_id: int, version: int,
                              complainant_told: bool) -> Complaint:
    """A senior officer approves; the deadline moves to the special one (60 days at most)."""
    require(actor, Action.COMPLAINT_EXTEND_SPECIAL)
    c = _get(session, complaint_id)
    _check_version(c, version)
    if c.extension != Extension.SPECIAL_REQUESTED or c.status not in OPEN:
        raise InvalidInput(translate("Complaints", "No special extension of {number} is "
                                     "waiting for approval.").format(number=c.number))
    if c.assignee_id == actor.user_id:
        raise PermissionDenied(translate("Complaints", "The handler cannot approve their own "
                                         "extension."))
    if not complainant_told:
        raise InvalidInput(translate("Complaints", "Tell the complainant about the extension "
                                     "first, then record it."))
    return _save(session, actor, c, version, "complaint.special_approved", {
        "extension": Extension.SPECIAL.value, "extension_approved_by_id": actor.user_id,
        "complainant_told_at": utcnow(session),
        "due_at": due_at(session, received_at=c.received_at, extension=Extension.SPECIAL.value)})


def missing_channels(text: str) -> list[str]:
    low = text.lower()
    return [name for name, words in FURTHER_CHANNELS.items()
            if not any(w.lower() in low for w in words)]


def respond(session: Session, actor: Actor, *, complaint_id: int, version: int,
            response: str) -> Complaint:
    c = _work(session, actor, complaint_id, version, OPEN)
    response = _required(response, translate("Complaints", "The response"))
    if not beyond_template(response, c.number):
        raise InvalidInput(translate(
            "Complaints", "The reply is only the template: write what the investigation found "
            "and what the bank will do."))
    missing = missing_channels(response)
    if missing:
        raise InvalidInput(translate(
            "Complaints", "The response must tell the customer the further channels; missing: "
            "{channels}.").format(channels=join_list(
                translate("Complaints", CHANNEL_NAMES[m]) for m in missing)))
    response = _kept(session, c, response, "response")
    return _save(session, actor, c, version, "complaint.respond", {
        "status": ComplaintStatus.RESPONDED.value, "response": response[:4000],
        "responded_at": utcnow(session)})


def close(session: Session, actor: Actor, *, complaint_id: int, version: int, reaction: str,
          root_cause: str, rectification: str) -> Complaint:
    c = _work(session, actor, complaint_id, version, (ComplaintStatus.RESPONDED.value,))
    _choice(reaction, Reaction, translate("Complaints", "The customer's reaction"))
    _choice(root_cause, RootCause, translate("Complaints", "The root cause"))
    rectification = _kept(session, c, _required(rectification, translate(
        "Complaints", "The rectification")), "rectification")
    return _save(session, actor, c, version, "complaint.close", {
        "status": ComplaintStatus.CLOSED.value, "reaction": reaction, "root_cause": root_cause,
        "rectification": rectification[:2000], "closed_at": utcnow(session)})


def reopen(session: Session, actor: Actor, *, complaint_id: int, version: int,
           reason: str) -> Complaint:
    c = _work(session, actor, complaint_id, version,
              (ComplaintStatus.RESPONDED.value, ComplaintStatus.CLOSED.value))
    reason = _kept(session, c, _required(reason, translate("Complaints", "A reason to reopen")),
                   "reopen_reason")
    return _save(session, actor, c, version, "complaint.reopen", {
        "status": ComplaintStatus.INVESTIGATING.value, "closed_at": None,
        "reopen_count": c.reopen_count + 1}, {"reason": reason[:500]})


def withdraw(session: Session, actor: Actor, *, complaint_id: int, version: int,
             reason: str) -> Complaint:
    """The complainant withdraws: the process ends the day the withdrawal is received."""
    c = _work(session, actor, complaint_id, version, OPEN + (ComplaintStatus.RESPONDED.value,))
    reason = _kept(session, c, _required(reason, translate(
        "Complaints", "How the withdrawal was received")), "withdraw_reason")
    return _save(session, actor, c, version, "complaint.withdraw", {
        "status": ComplaintStatus.WITHDRAWN.value, "closed_at": utcnow(session)},
        {"reason": reason[:500]})


def escalate(session: Session, actor: Actor, *, complaint_id: int, version: int,
             reason: str) -> Complaint:
    """To compliance: the complaint leaves its handler and waits in the escalated view."""
    c = _work(session, actor, complaint_id, version, OPEN)
    reason = _kept(session, c, _required(reason, translate(
        "Complaints", "A reason to escalate")), "escalate_reason")
    return _save(session, actor, c, version, "complaint.escalate",
                 {"escalated": True, "assignee_id": None}, {"reason": reason[:500]})


def open_fraud_case(session: Session, actor: Actor, *, complaint_id: int, version: int) -> Case:
    """"I never applied for this loan": a fraud case on the named application (or the one
    already open), linked both ways."""
    c = _work(session, actor, complaint_id, version, OPEN + (ComplaintStatus.RESPONDED.value,))
    if c.category != ComplaintCategory.IDENTITY_THEFT or c.application_id is None:
        raise InvalidInput(translate("Complaints", "A fraud case is opened from an identity-"
                                     "theft complaint that names an application."))
    key = f"fraud:{c.application_id}"
    case = session.exec(select(Case).where(col(Case.dedupe_key) == key)).first()
    now = utcnow(session)
    if case is None:
        case = open_case(session, actor, kind=CaseKind.FRAUD.value, priority=1,
                         due_at=min(c.due_at, now + timedelta(days=3)),
                         application_id=c.application_id, dedupe_key=key, now=now,
                         audit=lambda row: {"application_no": row["application_no"],
                                            "complaint": c.number})
    _save(session, actor, c, version, "complaint.link_case", {"fraud_case_id": case.id})
    return case


def complaints_of_case(session: Session, *, case_id: int) -> list[Complaint]:
    return list(session.exec(select(Complaint).where(col(Complaint.fraud_case_id) == case_id)
                             .order_by(col(Complaint.id))))
