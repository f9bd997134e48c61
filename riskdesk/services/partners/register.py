"""The partner register (compliance only; every change audited): partners, their due-diligence
checklist with evidence and review dates, their status with reasons; and the dated capital
figures the joint-lending limits are measured against."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlmodel import Session, col, select

from riskdesk.domain.enums import label
from riskdesk.domain.partners import CapitalFigure, Partner, PartnerCheck
from riskdesk.errors import InvalidInput, NotFound, StaleVersion
from riskdesk.i18n import QT_TRANSLATE_NOOP, join_list, translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.services.versioned import save_versioned
from riskdesk.storage.clock import utcnow

KINDS = ("platform", "merchant", "guarantor", "collection_agency")
STATUSES = ("onboarding", "active", "suspended", "exited")
# The due-diligence checklist (CBIRC Order 2020 No. 9 and its 2021/2022 notices on partners).
CHECKLIST = {
    "licence": QT_TRANSLATE_NOOP("Partners", "Licence and registration verified"),
    "shareholders": QT_TRANSLATE_NOOP("Partners", "Shareholders and actual controller known"),
    "financials": QT_TRANSLATE_NOOP("Partners", "Financial standing reviewed"),
    "data_security": QT_TRANSLATE_NOOP("Partners", "Data security and personal-information "
                                                   "protection assessed"),
    "no_outsourced_risk_control": QT_TRANSLATE_NOOP(
        "Partners", "No key risk-control step outsourced to the partner"),
    "complaints_record": QT_TRANSLATE_NOOP("Partners", "Complaints and litigation record "
                                                       "checked"),
}


def _item(item: str) -> str:
    return translate("Partners", CHECKLIST[item]) if item in CHECKLIST else item


def _choice(value: str, allowed: tuple[str, ...], what: str,
            shown: Callable[[str], str] = label) -> str:
    if value not in allowed:
        raise InvalidInput(translate("Partners", "{what} is one of: {choices}.").format(
            what=what, choices=join_list(shown(a) for a in allowed)))
    return value


def register(session: Session, actor: Actor, *, code: str, name: str, kind: str,
             licence_no: str = "", registration_no: str = "", region: str = "") -> Partner:
    require(actor, Action.PARTNER_MANAGE)
    code, name = code.strip(), name.strip()
    if not code or not name or len(code) > 24 or len(name) > 128:
        raise InvalidInput(translate("Partners", "A partner needs a code (up to 24 characters) "
                                     "and a name (up to 128)."))
    _choice(kind, KINDS, translate("Partners", "The kind"))
    if session.exec(select(Partner).where(col(Partner.code) == code)).first() is not None:
        raise InvalidInput(translate("Partners", "A partner with the code {code} exists.")
                           .format(code=code))
    now = utcnow(session)
    p = Partner(code=code, name=name, kind=kind, licence_no=licence_no.strip()[:64],
                registration_no=registration_no.strip()[:64], region=region.strip()[:64],
                created_at=now, updated_at=now)
    session.add(p)
    session.flush()
    audit.append(session, actor, action="partner.register", entity_type="partner",
                 entity_id=p.id or 0, after={
        "code": code, "name": name, "kind": kind, "licence_no": p.licence_no,
        "registration_no": p.registration_no})
    return p


def get(session: Session, *, partner_id: int) -> Partner:
    p = session.get(Partner, partner_id)
    if p is None:
        raise NotFound(translate("Partners", "There is no partner {id}.").format(id=partner_id))
    return p


def by_code(session: Session) -> dict[str, int]:
    return {str(c): int(i) for c, i in session.execute(select(col(Partner.code),
                                                              col(Partner.id)))}


def _stale(p: Partner, version: int) -> None:
    if p.version != version:
        raise StaleVersion(translate("Partners", "Partner {code} was changed by someone "
                                     "else.").format(code=p.code))


def set_status(session: Session, actor: Actor, *, partner_id: int, version: int, status: str,
               reason: str) -> Partner:
    """Active needs the whole checklist passed; every change needs its reason."""
    require(actor, Action.PARTNER_MANAGE)
    _choice(status, STATUSES, translate("Partners", "The status"))
    if not reason.strip():
        raise InvalidInput(translate("Partners", "A status change needs its reason."))
    if status == "active":
        missing = [item for item, passed in checklist(session, partner_id=partner_id).items()
                   if not passed]
        if missing:
            raise InvalidInput(translate(
                "Partners", "Due diligence is not complete: {items}.").format(
                items=join_list(_item(m) for m in missing)))
    p = get(session, partner_id=partner_id)
    cleaned = free_text.scan(reason.strip())  # personal data kept apart (issue 25)
    free_text.keep(session, cleaned=cleaned, entity="partner", entity_id=partner_id,
                   field="status_reason", replace=True)
    return save_versioned(session, actor, row=p, version=version, action="partner.status",
                          entity="partner", values={"status": status,
                                                    "status_reason": cleaned.fit(1000)},
                          tracked=("status", "status_reason"),
                          stale=lambda now: _stale(now, version))


def record_check(session: Session, actor: Actor, *, partner_id: int, item: str, passed: bool,
                 evidence: str, review_due: date | None = None) -> PartnerCheck:
    require(actor, Action.PARTNER_MANAGE)
    _choice(item, tuple(CHECKLIST), translate("Partners", "The checklist item"), _item)
    if not evidence.strip():
        raise InvalidInput(translate("Partners", "Note the evidence the check rests on."))
    p = get(session, partner_id=partner_id)
    row = PartnerCheck(partner_id=partner_id, item=item, passed=passed,
                       evidence=evidence.strip()[:2000], review_due=review_due,
                       checked_by=actor.username, checked_at=utcnow(session))
    session.add(row)
    if review_due is not None and (p.next_review is None or review_due < p.next_review):
        p.next_review = review_due
        session.add(p)
    session.flush()
    audit.append(session, actor, action="partner.check", entity_type="partner",
                 entity_id=partner_id, after={
        "item": item, "passed": passed, "review_due": review_due.isoformat()
        if review_due else None})
    return row


@dataclass(frozen=True)
class PartnerRow:
    """One partner as the register shows it, with its checklist (item: passed)."""

    id: int
    code: str
    name: str
    kind: str
    status: str
    version: int
    next_review: date | None
    checks: tuple[tuple[str, bool], ...]

    @property
    def checks_passed(self) -> int:
        return sum(passed for _, passed in self.checks)


def listing(session: Session, actor: Actor) -> list[PartnerRow]:
    """The register by code, each partner with its checklist; for whoever may view
    applications (the partner figures beside it need the same)."""
    require(actor, Action.APPLICATION_VIEW)
    partners = session.exec(select(Partner).order_by(col(Partner.code))).all()
    return [PartnerRow(p.id or 0, p.code, p.name, p.kind, p.status, p.version, p.next_review,
                       tuple(checklist(session, partner_id=p.id or 0).items())) for p in partners]


def checklist(session: Session, *, partner_id: int) -> dict[str, bool]:
    """Each item's latest result (False where never checked)."""
    latest: dict[str, bool] = dict.fromkeys(CHECKLIST, False)
    for item, passed in session.execute(select(col(PartnerCheck.item), col(PartnerCheck.passed))
                                        .where(col(PartnerCheck.partner_id) == partner_id)
                                        .order_by(col(PartnerCheck.id))):
        latest[str(item)] = bool(passed)
    return latest


def overdue_reviews(session: Session, *, today: date) -> list[Partner]:
    return list(session.exec(select(Partner).where(
        col(Partner.next_review).is_not(None), col(Partner.next_review) < today,
        col(Partner.status).in_(("onboarding", "active")))))


@dataclass(frozen=True)
class Capital:
    effective_date: date
    net_tier1_capital: Decimal
    total_loan_balance: Decimal


def set_capital(session: Session, actor: Actor, *, effective: date, tier1: str,
                balance: str) -> CapitalFigure:
    require(actor, Action.PARTNER_MANAGE)
    try:
        t, b = Decimal(tier1), Decimal(balance)
    except InvalidOperation:
        raise InvalidInput(translate("Partners", "Capital and balance are amounts in CNY.")
                           ) from None
    if t <= 0 or b <= 0:
        raise InvalidInput(translate("Partners", "Capital and balance are above zero."))
    row = session.get(CapitalFigure, effective) or CapitalFigure(
        effective_date=effective, net_tier1_capital=t, total_loan_balance=b,
        set_by=actor.username, set_at=utcnow(session))
    row.net_tier1_capital, row.total_loan_balance = t, b
    row.set_by, row.set_at = actor.username, utcnow(session)
    session.add(row)
    session.flush()
    audit.append(session, actor, action="partner.capital", entity_type="capital_figure",
                 entity_id=effective.isoformat(),
                 after={"net_tier1_capital": str(t), "total_loan_balance": str(b)})
    return row


def capital_on(session: Session, *, day: date, cut_off: datetime | None = None,
               ) -> Capital | None:
    """The figures in force on ``day``; with ``cut_off``, as they had been set by then (from
    the audit trail, since a later correction of the same date replaces the row)."""
    if cut_off is not None:
        import json

        from riskdesk.domain.audit import AuditEvent

        found = session.execute(select(col(AuditEvent.entity_id), col(AuditEvent.after)).where(
            col(AuditEvent.action) == "partner.capital",
            col(AuditEvent.entity_id) <= day.isoformat(), col(AuditEvent.at) <= cut_off)
            .order_by(col(AuditEvent.entity_id).desc(), col(AuditEvent.seq).desc())).first()
        if found is None:
            return None
        values = json.loads(found[1] or "{}")
        return Capital(date.fromisoformat(str(found[0])), Decimal(values["net_tier1_capital"]),
                       Decimal(values["total_loan_balance"]))
    row = session.exec(select(CapitalFigure).where(col(CapitalFigure.effective_date) <= day)
                       .order_by(col(CapitalFigure.effective_date).desc())).first()
    return None if row is None else Capital(row.effective_date, Decimal(row.net_tier1_capital),
                                            Decimal(row.total_loan_balance))
