"""Everything an officer needs to decide a case, in one read: the application (PII masked), the
score with its reasons, rule hits with sentences and sources, the decision record's versions,
linked applications (same device, phone, card or ID number) with their cases, the four-eyes
state and the case's history, as frozen dataclasses. Opening a case is itself audited: who saw
what, and on which day."""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import or_, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseStatus
from riskdesk.domain.partners import Partner
from riskdesk.domain.rules import RuleHit, RuleSetting
from riskdesk.domain.scoring import DecisionRecord, ModelVersion, PolicyVersion, model_name
from riskdesk.domain.tables import table_of
from riskdesk.domain.users import User
from riskdesk.errors import NotFound
from riskdesk.i18n import translate
from riskdesk.rules.catalog import rule_name, sentence, source_text
from riskdesk.scoring.reasons import feature_name, head
from riskdesk.scoring.scorecard import points_at, points_effect
from riskdesk.security.datakey import load_cipher
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.work import get_case, needs_check, notes
from riskdesk.services.credit.explanations import reasons_for
from riskdesk.services.credit.feature_notes import feature_notes
from riskdesk.services.periods import business_zone, local_day, utc_of
from riskdesk.services.permissions import Action, allowed, require

if TYPE_CHECKING:
    from riskdesk.services.postloan.book import AlertRow

A, D, C = table_of(Application).c, table_of(DecisionRecord).c, table_of(Case).c
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


@dataclass(frozen=True)
class FeatureValue:
    """One model input as the bureau or the applicant gave it (None: not given)."""

    feature: str
    name: str  # in the reader's language
    value: float | str | None


@dataclass(frozen=True)
class IncomeView:
    """Income and debt: declared income, employment, and the debt-to-income ratios with their
    inputs. ``monthly_payment`` is this loan's instalment at its APR over its term (an equal
    instalment, whatever the repayment type, as a burden measure)."""

    annual_income: float | None
    emp_length_years: int | None
    verification_status: str | None
    monthly_income: float | None
    monthly_payment: float
    instalment_balances: float | None  # the bureau's open instalment loan balances
    payment_to_income: float | None  # monthly_payment / monthly_income
    debt_to_income: float | None  # (instalment_balances + amount) / annual_income


@dataclass(frozen=True)
class ApplicationView:
    """The application as an investigation reads it; personal data masked for the role."""

    application_no: str
    application_id: int
    name: str
    id_no: str
    birth_date: date | None
    age_from_id: int | None  # at submission, from the ID's birth date
    stated_age: int | None  # as declared
    gender: str
    region: str
    phone: str
    card: str
    product: str
    channel: str
    amount: Decimal
    term_months: int
    apr: Decimal
    fees: Decimal
    repayment_type: str
    purpose: str
    submitted_at: datetime
    device_id: str
    ip: str
    partner: str  # "code name" of the partner that brought it, "" for the bank's own
    income: IncomeView
    bureau: tuple[FeatureValue, ...]


@dataclass(frozen=True)
class ScoreView:
    """The current decision record, with the band thresholds in points and as PD."""

    outcome: str
    band: str
    pd: float
    points: int
    model: str
    rule_set: int
    policy: int
    decided_at: datetime
    approve_below: float  # PD below this: approve band ...
    approve_above_points: int  # ... that is, more points than this
    decline_from: float  # PD at or above this: decline band ...
    decline_at_points: int  # ... that is, this many points or fewer


@dataclass(frozen=True)
class ReasonView:
    """One reason code: its sentence, its effect in points (negative: costs points, raises
    risk) and the note compliance keeps on the feature, in both languages."""

    rank: int
    feature: str
    value: str
    contribution: float  # log-odds of default, as computed (the case report's chart)
    points: int
    text: str  # 'Annual income 120,000 CNY: lowers risk'
    about: str  # 'Annual income 120,000 CNY'
    note_en: str = ""
    note_zh: str = ""


@dataclass(frozen=True)
class HitView:
    code: str
    name: str
    severity: str
    text: str
    source: str


@dataclass(frozen=True)
class LinkedView:
    """Another application sharing the person, phone, device or card; its case if it has one."""

    application_id: int
    application_no: str
    case_id: int | None
    via: tuple[str, ...]
    submitted_at: datetime
    amount: Decimal
    band: str | None
    outcome: str | None


@dataclass(frozen=True)
class HistoryEvent:
    """One line of the case's history. Views are collapsed: one line per person who opened
    the case, at their last view, with how often (``views``)."""

    seq: int
    at: datetime
    actor: str
    action: str
    kind: str  # one of HISTORY_KINDS
    status: str = ""
    decision: str = ""
    reason: str = ""
    field: str = ""
    views: int = 0
    assignee_overridden: str = ""  # decided while assigned to this user, confirmed


@dataclass(frozen=True)
class FourEyes:
    """The four-eyes state of a case awaiting check or returned: who made the decision and why,
    and the checker's answer."""

    state: str  # awaiting_check / returned
    decision: str
    maker: str
    maker_reason: str
    made_at: datetime
    why: tuple[str, ...]  # why a second person is needed
    checker: str = ""
    checker_reason: str = ""
    checked_at: datetime | None = None


@dataclass(frozen=True)
class ComplaintView:
    number: str
    category: str
    status: str
    received_at: datetime
    description: str


HISTORY_KINDS = ("decision", "work", "view", "other")
_KIND_OF = {"case.decide": "decision", "case.check.confirm": "decision",
            "case.check.send_back": "decision", "case.claim": "work", "case.assign": "work",
            "case.note": "work", "case.view": "view", "pii.unmask": "view",
            # post-loan actions and their four-eyes check (services/cases/postloan_actions.py)
            "case.postloan": "decision", "case.postloan.confirm": "decision",
            "case.postloan.send_back": "decision",
            "model.review.close": "decision"}  # the validator's word on a model (issue 32)


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRecord
    application: ApplicationView | None = None
    decision: ScoreView | None = None
    reasons: tuple[ReasonView, ...] = ()
    hits: tuple[HitView, ...] = ()
    linked: tuple[LinkedView, ...] = ()
    notes: tuple[NoteRecord, ...] = ()
    history: tuple[HistoryEvent, ...] = ()
    check_reasons: tuple[str, ...] = ()
    four_eyes: FourEyes | None = None
    complaints: tuple[ComplaintView, ...] = ()  # that led to this case
    alerts: tuple[AlertRow, ...] = ()  # post-loan evidence
    loan_id: int | None = None  # the loan of the case's application, if it was funded
    assignee: str = ""  # who the case is assigned to


def load_case(session: Session, actor: Actor, *, case_id: int) -> CaseDetail:
    """The case as its window shows it. Opening it is audited once per person, case and bank
    day (issue 26): reloads the same day add nothing, so the trail keeps who looked at the
    personal data and on which days without a line per refresh."""
    require(actor, Action.APPLICATION_VIEW)
    case = get_case(session, case_id=case_id)
    app = session.get(Application, case.application_id) if case.application_id else None
    application: ApplicationView | None = None
    score: ScoreView | None = None
    reasons: tuple[ReasonView, ...] = ()
    hits: tuple[HitView, ...] = ()
    linked: tuple[LinkedView, ...] = ()
    if app is not None:
        person = session.get(Applicant, app.applicant_id)
        if person is None:
            raise NotFound(translate("Cases", "The applicant of case {id} is missing.").format(
                id=case_id))
        application = _application(session, actor, app, person)
        score, reasons, hits = _decision(session, actor, app)
        linked = _linked(session, app, person)
    from riskdesk.services.complaints.handling import complaints_of_case
    from riskdesk.services.postloan.book import case_alerts, loan_id_of_application

    _log_view(session, actor, case_id, application.application_no if application else None)
    events = _events(session, case_id)
    why = tuple(needs_check(session, case=case))  # in the reader's language, not the maker's
    assignee = session.get(User, case.assignee_id) if case.assignee_id else None
    return CaseDetail(
        case=_record(CaseRecord, case), application=application, decision=score,
        reasons=reasons, hits=hits, linked=linked,
        notes=tuple(_record(NoteRecord, n) for n in notes(session, case_id=case_id)),
        history=_history(events), check_reasons=why,
        four_eyes=_four_eyes(case.status, events, why),
        complaints=tuple(ComplaintView(c.number, c.category, c.status, c.received_at,
                                       c.description)
                         for c in complaints_of_case(session, case_id=case_id)),
        alerts=tuple(case_alerts(session, actor, case_id=case_id)),
        loan_id=(loan_id_of_application(session, application_id=case.application_id)
                 if case.application_id is not None else None),
        assignee=assignee.username if assignee else "")


def _log_view(session: Session, actor: Actor, case_id: int, application_no: str | None) -> None:
    """One case.view per person, case and bank day (the day in the bank's zone)."""
    day_start = utc_of(local_day(session), business_zone(session))
    seen = session.scalars(select(col(AuditEvent.seq)).where(
        col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id) == str(case_id),
        col(AuditEvent.action) == "case.view", col(AuditEvent.actor) == actor.username,
        col(AuditEvent.at) >= day_start).limit(1)).first()
    if seen is None:
        audit.append(session, actor, action="case.view", entity_type="case", entity_id=case_id,
                     after={"application_no": application_no})


def _events(session: Session, case_id: int) -> list[tuple[int, datetime, str, str,
                                                           dict[str, Any]]]:
    return [(e.seq, e.at, e.actor, e.action, json.loads(e.after) if e.after else {})
            for e in session.scalars(select(AuditEvent).where(
                col(AuditEvent.entity_type) == "case",
                col(AuditEvent.entity_id) == str(case_id)).order_by(col(AuditEvent.seq)))]


def _history(events: list[tuple[int, datetime, str, str, dict[str, Any]]]
             ) -> tuple[HistoryEvent, ...]:
    """Meaningful events in order; each person's views as one line at their last view."""
    views: dict[str, list[tuple[int, datetime]]] = {}
    for seq, at, who, action, _ in events:
        if action == "case.view":
            views.setdefault(who, []).append((seq, at))
    out = []
    for seq, at, who, action, after in events:
        if action == "case.view":
            if views[who][-1][0] != seq:
                continue
            out.append(HistoryEvent(seq, at, who, action, "view", views=len(views[who])))
            continue
        overridden = after.get("assignee_overridden") or ""
        out.append(HistoryEvent(
            seq, at, who, action, _KIND_OF.get(action, "other"),
            status=str(after.get("status") or ""), decision=str(after.get("decision") or ""),
            reason=str(after.get("reason") or after.get("check_reason") or "")
            if action.startswith("case.") else "",
            field=str(after.get("field") or ""), assignee_overridden=str(overridden)))
    return tuple(out)


def _four_eyes(status: str, events: list[tuple[int, datetime, str, str, dict[str, Any]]],
               why: tuple[str, ...]) -> FourEyes | None:
    """From the trail: the last decision sent to a checker and what the checker did with it,
    while the case awaits the check or was sent back."""
    if status not in (CaseStatus.AWAITING_CHECK, CaseStatus.RETURNED):
        return None
    made: FourEyes | None = None
    for _, at, who, action, after in events:
        if action == "case.decide" and after.get("status") == CaseStatus.AWAITING_CHECK:
            made = FourEyes(CaseStatus.AWAITING_CHECK.value, str(after.get("decision") or ""),
                            who, str(after.get("reason") or ""), at, why)
        elif action == "case.check.send_back" and made is not None:
            made = replace(made, state=CaseStatus.RETURNED.value, checker=who,
                           checker_reason=str(after.get("reason") or ""), checked_at=at)
    if made is None or made.state != status:
        return None
    return made


def _application(session: Session, actor: Actor, app: Application,
                 person: Applicant) -> ApplicationView:
    feats = session.get(ApplicationFeatures, app.id)
    partner = session.get(Partner, app.partner_id) if app.partner_id else None
    amount, months = float(app.amount), max(int(app.term_months), 1)
    rate = float(app.apr) / 100 / 12
    payment = amount / months if rate <= 0 else amount * rate / (1 - (1 + rate) ** -months)
    income = feats.annual_income if feats is not None else None
    balances = feats.total_bal_il if feats is not None else None
    monthly = income / 12 if income else None
    born = person.birth_date
    submitted = app.submitted_at
    age = (submitted.year - born.year - ((submitted.month, submitted.day) < (born.month,
                                                                             born.day))
           if born else None)
    bureau = tuple(FeatureValue(f, feature_name(f), getattr(feats, f) if feats else None)
                   for f in BUREAU)
    return ApplicationView(
        application_no=app.application_no, application_id=app.id or 0,
        name=person.name if allowed(actor, Action.PII_UNMASK) else mask_name(person.name),
        id_no=person.id_no_masked, birth_date=born, age_from_id=age,
        stated_age=app.stated_age, gender=person.gender, region=person.region_code,
        phone=app.phone_masked, card=app.card_masked or "", product=app.product,
        channel=app.channel, amount=app.amount, term_months=app.term_months, apr=app.apr,
        fees=app.upfront_fee + app.monthly_fee * app.term_months + app.other_fees,
        repayment_type=app.repayment_type, purpose=app.purpose, submitted_at=submitted,
        device_id=app.device_id or "", ip=app.ip or "",
        partner=f"{partner.code} {partner.name}" if partner else "",
        income=IncomeView(
            annual_income=income,
            emp_length_years=feats.emp_length_years if feats else None,
            verification_status=feats.verification_status if feats else None,
            monthly_income=monthly, monthly_payment=payment, instalment_balances=balances,
            payment_to_income=payment / monthly if monthly else None,
            debt_to_income=((balances or 0.0) + amount) / income if income else None),
        bureau=bureau)


# The bureau's features the window lists (income, employment and verification are shown
# with the income and debt; the lender's grade is never shown: the model may not use it).
BUREAU = ("delinq_2yrs", "inq_last_6mths", "inq_last_12m", "inq_fi", "revol_util", "all_util",
          "acc_now_delinq", "delinq_amnt", "open_il_6m", "open_il_12m", "open_il_24m",
          "num_il_tl", "total_bal_il", "total_il_high_credit_limit")


def _decision(session: Session, actor: Actor, app: Application
              ) -> tuple[ScoreView | None, tuple[ReasonView, ...], tuple[HitView, ...]]:
    rec = session.scalars(select(DecisionRecord).where(
        D.application_id == app.id, D.current_slot == 1)).first()
    if rec is None:
        return None, (), ()
    model = session.get(ModelVersion, rec.model_version_id)
    policy = session.get(PolicyVersion, rec.policy_version_id)
    approve_below = policy.approve_below if policy else 0.0
    decline_from = policy.decline_from if policy else 1.0
    score = ScoreView(
        outcome=rec.outcome, band=rec.band, pd=rec.pd, points=rec.points,
        model=f"{rec.model_version_id} {model_name(model.name) if model else ''}".strip(),
        rule_set=rec.rule_set_id, policy=rec.policy_version_id, decided_at=rec.decided_at,
        approve_below=approve_below, approve_above_points=points_at(approve_below),
        decline_from=decline_from, decline_at_points=points_at(decline_from))
    notes_of = feature_notes(session)
    reasons = []
    for r in reasons_for(session, actor, application_id=app.id or 0):
        note = notes_of.get(str(r["feature"]))
        reasons.append(ReasonView(
            rank=int(r["rank"]), feature=str(r["feature"]), value=str(r["value"]),
            contribution=float(r["contribution"]), points=points_effect(float(r["contribution"])),
            text=str(r["text"]), about=head(str(r["feature"]), str(r["value"])),
            note_en=note.en if note else "", note_zh=note.zh if note else ""))
    sources = {s.code: s.source for s in session.scalars(select(RuleSetting).where(
        col(RuleSetting.rule_set_id) == rec.rule_set_id))}
    hits = tuple(
        HitView(h.code, rule_name(h.code), h.severity, sentence(h.code, json.loads(h.detail)),
                source_text(sources.get(h.code, "")))
        for h in session.scalars(select(RuleHit).where(
            col(RuleHit.application_id) == app.id, col(RuleHit.rule_set_id) == rec.rule_set_id)
            .order_by(col(RuleHit.code))))
    return score, tuple(reasons), hits


def _linked(session: Session, app: Application, person: Applicant) -> tuple[LinkedView, ...]:
    """Other applications sharing the device, phone, card or person, with their status and
    the case to open (the pre-loan one where there are several)."""
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
    case_of: dict[int, int] = {}
    ids = [r.id for r in rows]
    if ids:
        for app_id, case_id, kind in session.execute(
                select(C.application_id, C.id, C.kind).where(C.application_id.in_(ids))
                .order_by(C.id.desc())):
            if app_id not in case_of or kind == "pre_loan":
                case_of[app_id] = case_id
    out = []
    for r in rows:
        via = tuple(name for name, same in (
            ("id_no", r.applicant_id == person.id), ("phone", r.phone_hash == app.phone_hash),
            ("device", bool(app.device_id) and r.device_id == app.device_id),
            ("card", bool(app.card_hash) and r.card_hash == app.card_hash)) if same)
        out.append(LinkedView(r.id, r.application_no, case_of.get(r.id), via, r.submitted_at,
                              r.amount, r.band, r.outcome))
    return tuple(out)


UNMASKABLE = ("id_no", "phone", "card")


def unmask(session: Session, actor: Actor, *, case_id: int, field_name: str) -> str:
    """The plain value of one personal-data field of a case's application: a deliberate act,
    recorded (who, which case, which field; never the value)."""
    require(actor, Action.PII_UNMASK)
    if field_name not in UNMASKABLE:
        raise NotFound(translate("Cases", "{field} cannot be unmasked.").format(field=field_name))
    case = get_case(session, case_id=case_id)
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
    audit.append(session, actor, action="pii.unmask", entity_type="case", entity_id=case_id,
                 after={"field": field_name, "application_no": app.application_no})
    return value
