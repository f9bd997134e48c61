"""Everything an officer needs to decide a case, in one read: the application (PII masked), the
score with its reasons, rule hits with sentences and sources, the decision record's versions,
linked applications (same device, phone, card or ID number) and the case's history. Opening a
case is itself audited: who saw what, and when."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.rules import RuleHit, RuleSetting
from riskdesk.domain.scoring import DecisionRecord, ModelVersion
from riskdesk.domain.tables import table_of
from riskdesk.errors import NotFound
from riskdesk.i18n import translate
from riskdesk.rules.catalog import rule_name, sentence, source_text
from riskdesk.security.datakey import load_cipher
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.work import get_case, needs_check, notes
from riskdesk.services.credit.explanations import reasons_for
from riskdesk.services.permissions import Action, allowed, require

A, D = table_of(Application).c, table_of(DecisionRecord).c
LINKS = 50


@dataclass(frozen=True)
class CaseRecord:
    """A case as read: the columns of ``review_case``, frozen (what the window and the case
    report show; a change goes through services.cases.work with ``version``)."""

    id: int
    kind: str
    application_id: int | None
    status: str
    is_open: bool
    priority: int
    due_at: datetime
    assignee_id: int | None
    decision: str | None
    maker_id: int | None
    reason: str
    decided_by_id: int | None
    checked_by_id: int | None
    decision_record_id: int | None
    created_at: datetime
    updated_at: datetime
    version: int
    application_no: str
    applicant_name: str
    id_no_masked: str
    product: str
    channel: str
    amount: Decimal
    submitted_at: datetime | None
    pd: float
    points: int
    band: str
    flags: str


@dataclass(frozen=True)
class NoteRecord:
    """An investigation note as read."""

    id: int
    case_id: int
    kind: str
    outcome: str
    text: str
    corrects_id: int | None
    author_id: int
    author: str
    created_at: datetime


R = TypeVar("R")


def _record(kind: type[R], row: Any) -> R:
    values = {f.name: getattr(row, f.name) for f in fields(kind)}  # type: ignore[arg-type]
    values["id"] = row.id or 0
    return kind(**values)


@dataclass
class CaseDetail:
    case: CaseRecord
    application: dict[str, Any] = field(default_factory=dict)
    decision: dict[str, Any] = field(default_factory=dict)
    reasons: list[dict[str, Any]] = field(default_factory=list)
    hits: list[dict[str, Any]] = field(default_factory=list)
    linked: list[dict[str, Any]] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    check_reasons: list[str] = field(default_factory=list)
    complaints: list[dict[str, Any]] = field(default_factory=list)  # that led to this case
    alerts: list[Any] = field(default_factory=list)  # post-loan evidence (postloan.book.AlertRow)
    loan_id: int | None = None  # the loan of the case's application, if it was funded


def load_case(session: Session, actor: Actor, case_id: int) -> CaseDetail:
    require(actor, Action.APPLICATION_VIEW)
    case = get_case(session, case_id)
    detail = CaseDetail(case=_record(CaseRecord, case),
                        notes=[_record(NoteRecord, n) for n in notes(session, case_id)],
                        check_reasons=needs_check(session, case))
    app = session.get(Application, case.application_id) if case.application_id else None
    if app is not None:
        person = session.get(Applicant, app.applicant_id)
        if person is None:
            raise NotFound(translate("Cases", "The applicant of case {id} is missing.").format(
                id=case_id))
        detail.application = {
            "application_no": app.application_no,
            "name": person.name if allowed(actor, Action.PII_UNMASK) else mask_name(person.name),
            "id_no": person.id_no_masked, "birth_date": person.birth_date,
            "gender": person.gender, "region": person.region_code, "phone": app.phone_masked,
            "card": app.card_masked, "product": app.product, "channel": app.channel,
            "amount": app.amount, "term_months": app.term_months, "apr": app.apr,
            "fees": app.upfront_fee + app.monthly_fee * app.term_months + app.other_fees,
            "repayment_type": app.repayment_type, "purpose": app.purpose,
            "submitted_at": app.submitted_at, "device_id": app.device_id, "ip": app.ip,
            "stated_age": app.stated_age}
        _decision(session, actor, detail, app)
        detail.linked = _linked(session, app, person)
    detail.history = [
        {"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
         "after": json.loads(e.after) if e.after else None}
        for e in session.scalars(select(AuditEvent).where(
            col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id) == str(case_id))
            .order_by(col(AuditEvent.seq)))]
    from riskdesk.services.complaints.handling import complaints_of_case
    from riskdesk.services.postloan.book import case_alerts, loan_id_of_application

    detail.alerts = case_alerts(session, actor, case_id)
    if case.application_id is not None:
        detail.loan_id = loan_id_of_application(session, case.application_id)

    detail.complaints = [
        {"number": c.number, "category": c.category, "status": c.status,
         "received_at": c.received_at, "description": c.description}
        for c in complaints_of_case(session, case_id)]
    audit.append(session, actor, "case.view", "case", case_id,
                 after={"application_no": detail.application.get("application_no")})
    return detail


def _decision(session: Session, actor: Actor, detail: CaseDetail, app: Application) -> None:
    rec = session.scalars(select(DecisionRecord).where(
        D.application_id == app.id, D.current_slot == 1)).first()
    if rec is None:
        return
    model = session.get(ModelVersion, rec.model_version_id)
    detail.decision = {
        "outcome": rec.outcome, "band": rec.band, "pd": rec.pd, "points": rec.points,
        "model": f"{rec.model_version_id} {model.name if model else ''}".strip(),
        "rule_set": rec.rule_set_id, "policy": rec.policy_version_id,
        "decided_at": rec.decided_at}
    detail.reasons = reasons_for(session, actor, app.id or 0)
    sources = {s.code: s.source for s in session.scalars(select(RuleSetting).where(
        col(RuleSetting.rule_set_id) == rec.rule_set_id))}
    detail.hits = [
        {"code": h.code, "name": rule_name(h.code), "severity": h.severity,
         "text": sentence(h.code, json.loads(h.detail)),
         "source": source_text(sources.get(h.code, ""))}
        for h in session.scalars(select(RuleHit).where(
            col(RuleHit.application_id) == app.id, col(RuleHit.rule_set_id) == rec.rule_set_id)
            .order_by(col(RuleHit.code)))]


def _linked(session: Session, app: Application, person: Applicant) -> list[dict[str, Any]]:
    """Other applications sharing the device, phone, card or person, with their status."""
    conds = [A.applicant_id == person.id, A.phone_hash == app.phone_hash]
    if app.device_id:
        conds.append(A.device_id == app.device_id)
    if app.card_hash:
        conds.append(A.card_hash == app.card_hash)
    rows = session.execute(
        select(A.id, A.application_no, A.applicant_id, A.device_id, A.phone_hash, A.card_hash,
               A.submitted_at, A.amount, D.band, D.outcome)
        .outerjoin(table_of(DecisionRecord), (D.application_id == A.id) & (D.current_slot == 1))
        .where(or_(*conds), A.id != app.id).order_by(A.submitted_at.desc()).limit(LINKS)).all()
    out = []
    for r in rows:
        via = [name for name, same in (
            ("id_no", r.applicant_id == person.id), ("phone", r.phone_hash == app.phone_hash),
            ("device", bool(app.device_id) and r.device_id == app.device_id),
            ("card", bool(app.card_hash) and r.card_hash == app.card_hash)) if same]
        out.append({"application_no": r.application_no, "via": via,
                    "submitted_at": r.submitted_at, "amount": r.amount, "band": r.band,
                    "outcome": r.outcome})
    return out


UNMASKABLE = ("id_no", "phone", "card")


def unmask(session: Session, actor: Actor, case_id: int, field_name: str) -> str:
    """The plain value of one personal-data field of a case's application: a deliberate act,
    recorded (who, which case, which field; never the value)."""
    require(actor, Action.PII_UNMASK)
    if field_name not in UNMASKABLE:
        raise NotFound(translate("Cases", "{field} cannot be unmasked.").format(field=field_name))
    case = get_case(session, case_id)
    app = session.get(Application, case.application_id) if case.application_id else None
    if app is None:
        raise NotFound(translate("Cases", "Case {id} has no application.").format(id=case_id))
    if field_name == "id_no":
        person = session.get(Applicant, app.applicant_id)
        blob = person.id_no_enc if person else None
    else:
        blob = app.phone_enc if field_name == "phone" else app.card_enc
    if blob is None:
        return ""
    value = load_cipher(session, create=False).decrypt(
        "card" if field_name == "card" else field_name, blob)
    audit.append(session, actor, "pii.unmask", "case", case_id,
                 after={"field": field_name, "application_no": app.application_no})
    return value
