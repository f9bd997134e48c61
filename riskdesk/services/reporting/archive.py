"""Issuing reports: each PDF is archived with its SHA-256 and who issued it, in the same
transaction as the audit event; ``verify`` tells whether a file is exactly one we issued."""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import defer
from sqlmodel import Session, col

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.reports import Report
from riskdesk.domain.scoring import DecisionRecord, model_name
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput, NotFound
from riskdesk.i18n import language as in_language
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.detail import load_case
from riskdesk.services.cases.queue import CaseFilter, page_cases
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

LANGUAGES = ("zh", "en")


def _checked_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InvalidInput(translate("Reports", "A report is written in zh or en, not {lang}.")
                           .format(lang=language))
    return language


@dataclass(frozen=True)
class Issued:
    report: Report
    pdf: bytes


def _reserve(session: Session, actor: Actor, kind: str, subject: str, language: str,
             cut_off: datetime) -> Report:
    """The archive row first: its number is printed on every page."""
    now = utcnow(session)
    row = Report(report_no=f"pending-{now.timestamp()}"[:32], kind=kind, subject=subject[:40],
                 language=language, cut_off=cut_off, generated_at=now,
                 generated_by=actor.username, sha256="", size=0, pdf=b"")
    session.add(row)
    session.flush()
    from riskdesk.services.periods import local_day

    # dated by the bank's local day, not the UTC one (issue 28)
    day = local_day(session, instant=now)
    row.report_no = f"RD-{kind[0].upper()}-{day:%Y%m%d}-{row.id:06d}"
    session.flush()
    return row


SEALED = b"RDENC1"  # an archived PDF encrypted with the data key: it shows unmasked data


def _seal(session: Session, actor: Actor, row: Report, pdf: bytes,
          extra: dict[str, object] | None = None, *, personal: bool = False,
          anchor: bool = True) -> Issued:
    """Archive the PDF; one that prints unmasked personal data is stored encrypted with the
    data key (the database never holds plain ID numbers or phones, even inside a report).
    ``anchor=False``: the chain's head is not anchored on this issue (a test template, which
    is copied under new identities, must hold no anchor of its own)."""
    stored = pdf
    if personal:
        from riskdesk.security.datakey import load_cipher

        stored = SEALED + load_cipher(session, create=False).encrypt(
            "report", base64.b64encode(pdf).decode())
    row.pdf, row.size = stored, len(pdf)
    row.sha256 = hashlib.sha256(pdf).hexdigest()
    session.flush()
    audit.append(session, actor, action="report.generate", entity_type="report",
                 entity_id=row.id or 0, after={
        "report_no": row.report_no, "kind": row.kind, "subject": row.subject,
        "language": row.language, "cut_off": row.cut_off.isoformat(), "sha256": row.sha256,
        **(extra or {})})
    from riskdesk.services.audit.anchors import anchor_head

    if anchor:
        anchor_head(session, actor, note=f"issued {row.report_no}")  # where the bank keeps a key
    import logging

    logging.getLogger(__name__).info("issued %s (%s %s, %s) by %s", row.report_no, row.kind,
                                     row.subject, row.language, actor.username)
    return Issued(row, pdf)


def case_report(engine: Engine, actor: Actor, *, application_no: str, language: str,
                include_personal: bool = False) -> Issued:
    """In ``language`` (zh or en), whatever the interface's language. Personal data is masked
    for every reader unless ``include_personal`` is asked for: that needs the personal-data
    permission, is recorded on the issue event, and every page is marked "contains personal
    data" (issue 25)."""
    from riskdesk.reports.case_report import CaseReportData, build

    require(actor, Action.REPORT_CASE)
    if include_personal:
        require(actor, Action.PII_UNMASK)
    with in_language(_checked_language(language)), unit_of_work(engine) as session:
        rows = page_cases(session, actor, f=CaseFilter(application_no=application_no), limit=1)
        if not rows:
            raise NotFound(translate("Reports", "Application {no} has no case.").format(
                no=application_no))
        case_id = rows[0].id
        cut_off = utcnow(session)
        detail = load_case(session, actor, case_id=case_id)  # audited as a view, like the window
        # The case's own events, and the scoring runs that decided its application (a run
        # that opens thousands of cases is audited once, as a batch).
        runs = [str(r) for r in session.scalars(select(col(DecisionRecord.run_id)).where(
            col(DecisionRecord.application_id) == detail.case.application_id).distinct())]
        events = [(e.seq, e.at, e.actor, e.action, e.after, e.hash)
                  for e in session.scalars(select(AuditEvent).where(
                      or_(and_(col(AuditEvent.entity_type) == "case",
                               col(AuditEvent.entity_id) == str(case_id)),
                          and_(col(AuditEvent.entity_type) == "score_run",
                               col(AuditEvent.entity_id).in_(runs))),
                      col(AuditEvent.at) <= cut_off).order_by(col(AuditEvent.seq)))]
        people = {int(i): str(n) for i, n in session.execute(
            select(col(User.id), col(User.username)))}
        unmasked = _full_pii(session, actor, case_id) if include_personal else {}
        row = _reserve(session, actor, "case", application_no, language, cut_off)
        from riskdesk.services.cases.evidence import attachments
        from riskdesk.services.rings.views import ring_for_report

        files = tuple(attachments(session, actor, case_id=case_id))
        from riskdesk.reports.layout import report_zone
        from riskdesk.services.periods import business_zone

        with report_zone(business_zone(session, at=cut_off)):
            pdf = build(CaseReportData(detail, events, people, unmasked,
                                       personal=include_personal, evidence=files,
                                       names=_known_names(session, case_id),
                                       ring=ring_for_report(session, actor, case_id=case_id)),
                        report_no=row.report_no, generated_by=actor.username,
                        cut_off=cut_off)
        issued = _seal(session, actor, row, pdf, {"case": case_id,
                                                  "personal_data": include_personal,
                                                  "unmasked": sorted(unmasked)},
                       personal=include_personal)
        session.expunge(issued.report)
    return issued


def _known_names(session: Session, case_id: int) -> tuple[str, ...]:
    """The applicant's name and the names on the case's complaints (complainant, proxy): the
    case report masks them where typed in free text for a reader who sees masked data (issue
    28: a complainant's name in the complaint's description was printed in full)."""
    from riskdesk.domain.applications import Applicant, Application
    from riskdesk.domain.cases import Case
    from riskdesk.services.complaints.handling import complaints_of_case

    case = session.get(Case, case_id)
    app = session.get(Application, case.application_id) if case and case.application_id \
        else None
    person = session.get(Applicant, app.applicant_id) if app else None
    names = [person.name] if person else []
    for c in complaints_of_case(session, case_id=case_id):
        names += [c.complainant_name, c.proxy_name]
    return tuple(n for n in names if n)


def _full_pii(session: Session, actor: Actor, case_id: int) -> dict[str, str]:
    """Full name, ID number and phone for a reader allowed to see them who asked for them
    (recorded on the audit)."""
    if not allowed(actor, Action.PII_UNMASK):
        return {}
    from riskdesk.domain.applications import Applicant, Application
    from riskdesk.domain.cases import Case
    from riskdesk.security.datakey import load_cipher

    case = session.get(Case, case_id)
    app = session.get(Application, case.application_id) if case and case.application_id \
        else None
    person = session.get(Applicant, app.applicant_id) if app else None
    if app is None or person is None:
        return {}
    cipher = load_cipher(session, create=False)
    return {"name": person.name, "id_no": cipher.decrypt("id_no", person.id_no_enc),
            "phone": cipher.decrypt("phone", app.phone_enc)}


@dataclass(frozen=True)
class Verdict:
    issued: bool
    report_no: str = ""
    generated_by: str = ""
    generated_at: datetime | None = None
    kind: str = ""
    subject: str = ""


def verify(session: Session, *, pdf: bytes) -> Verdict:
    """Whether these exact bytes were issued (by whom, when); any change gives "no". The
    hash must be the one the report's issue event recorded in the audit chain, not only the
    archive's column (an UPDATE can patch that; issue 24)."""
    digest = hashlib.sha256(pdf).hexdigest()
    row = session.scalars(select(Report).options(defer(Report.pdf))  # type: ignore[arg-type]
                          .where(col(Report.sha256) == digest)).first()
    if row is None:
        return Verdict(False)
    issued = [json.loads(after or "{}").get("sha256") for after in session.scalars(
        select(col(AuditEvent.after)).where(col(AuditEvent.action) == "report.generate",
                                            col(AuditEvent.entity_id) == str(row.id)))]
    if digest not in issued:
        return Verdict(False)
    return Verdict(True, row.report_no, row.generated_by, row.generated_at, row.kind,
                   row.subject)


def archive(session: Session, actor: Actor, *, limit: int = 200) -> list[Report]:
    require(actor, Action.APPLICATION_VIEW)
    rows = list(session.scalars(select(Report).options(defer(Report.pdf))  # type: ignore[arg-type]
                                .order_by(col(Report.id).desc()).limit(limit)))
    for r in rows:
        session.expunge(r)
    return rows


@dataclass(frozen=True)
class ReportRow:
    """An issued report as the Reports tab lists it (without its PDF)."""

    id: int
    report_no: str
    kind: str
    subject: str
    language: str
    generated_by: str
    generated_at: datetime
    sha256: str


def archive_rows(session: Session, actor: Actor, *, limit: int = 200) -> list[ReportRow]:
    """:func:`archive` as frozen rows, newest first (same permission)."""
    return [ReportRow(r.id or 0, r.report_no, r.kind, r.subject, r.language, r.generated_by,
                      r.generated_at, r.sha256) for r in archive(session, actor, limit=limit)]


def pdf_of(session: Session, actor: Actor, *, report_id: int) -> bytes:
    """The archived bytes of an issued report, exactly as issued."""
    require(actor, Action.APPLICATION_VIEW)
    row = session.get(Report, report_id)
    if row is None:
        raise NotFound(translate("Reports", "There is no report {id}.").format(id=report_id))
    data = bytes(row.pdf)
    if data.startswith(SEALED):
        from riskdesk.security.datakey import load_cipher

        require(actor, Action.PII_UNMASK)  # it shows unmasked data: only who may see it
        data = base64.b64decode(load_cipher(session, create=False).decrypt(
            "report", data[len(SEALED):]))
    return data


def monthly_report(engine: Engine, actor: Actor, *, month: str, language: str,
                   cut_off: datetime | None = None) -> Issued:
    """Frozen at ``cut_off``; by default at the cut-off of the month's first issued report,
    so a reissue shows the same figures (a first issue is cut off now)."""
    from riskdesk.domain.scoring import ModelVersion, MonitorRun
    from riskdesk.reports.monthly_report import MonthlyReportData, build
    from riskdesk.services.admin import settings
    from riskdesk.services.audit import trail as audit_trail
    from riskdesk.services.complaints import figures as complaints
    from riskdesk.services.postloan.book import postloan_figures
    from riskdesk.services.reporting.monthly import monthly_figures

    require(actor, Action.REPORT_MONTHLY)
    with in_language(_checked_language(language)), unit_of_work(engine) as session:
        if cut_off is None:
            first = session.scalars(select(Report).options(
                defer(Report.pdf)).where(  # type: ignore[arg-type]
                col(Report.kind) == "monthly", col(Report.subject) == month)
                .order_by(col(Report.id))).first()
            cut_off = first.cut_off if first is not None else utcnow(session)
        figures = monthly_figures(session, actor, month=month, cut_off=cut_off)
        complaint_figures = complaints.figures(session, actor, month=month, cut_off=cut_off)
        model = session.scalars(select(ModelVersion).where(
            col(ModelVersion.approved_at).is_not(None),
            col(ModelVersion.approved_at) <= cut_off)
            .order_by(col(ModelVersion.approved_at).desc())).first()
        info: dict[str, object] = {}
        if model is not None:
            info = {"name": f"{model.id} {model_name(model.name)}",
                    "approved_by": model.approved_by or "", "approved_at": model.approved_at}
            run = session.scalars(select(MonitorRun).where(
                col(MonitorRun.month) == month, col(MonitorRun.model_version_id) == model.id,
                col(MonitorRun.computed_at) <= cut_off)
                .order_by(col(MonitorRun.id).desc())).first()
            if run is not None:
                info["psi"] = "-" if run.score_psi is None else f"{run.score_psi:.3f}"
                info["auc_ks"] = ("-" if run.auc is None else
                                  f"{run.auc:.3f} / {run.ks or 0:.3f}")
                info["override"] = ("-" if run.override_rate is None
                                    else f"{100 * run.override_rate:.1f} %")
                info["monitor_details"] = json.loads(run.details)  # AUC/KS rows and basis
        from riskdesk.services.reporting.model_reviews import month_reviews

        info["reviews"] = month_reviews(session, month=month, cut_off=cut_off)  # issue 32
        from riskdesk.services.credit.challenger import at_cut_off

        # in shadow (issue 32)
        info["challenger"] = at_cut_off(session, month=month, cut_off=cut_off)
        bank = settings.bank_name(session)
        postloan = postloan_figures(session, actor, month=month, cut_off=cut_off)
        from riskdesk.services import periods
        from riskdesk.services.audit import findings
        from riskdesk.services.partners.performance import joint_position, performance, trend

        found = findings.figures(session, month=month, cut_off=cut_off)
        partner_rows = (performance(session, actor, month=month, cut_off=cut_off),
                        joint_position(session, actor, month=month, cut_off=cut_off),
                        trend(session, actor, month=month, cut_off=cut_off))
        headline = periods.headline_figures(
            session, p=periods.period(session, month=month, cut_off=cut_off))
        restated = periods.restatements(session, actor, cut_off=cut_off, other_than=month)
        checked = audit_trail.verify(session)
        from riskdesk.services.audit import anchor_file

        anchored_in = str(anchor_file.configured_path(session))
        database = anchor_file.database_id(session, create=True) or ""
        row = _reserve(session, actor, "monthly", month, language, cut_off)
        from riskdesk.reports.layout import report_zone
        from riskdesk.services.reporting.case_flow import case_flow

        with report_zone(figures.zone):
            pdf = build(MonthlyReportData(
                figures, complaint_figures,
                complaints.month_details(session, actor, month=month, cut_off=cut_off),
                bank or translate("Reports", "Consumer-finance risk team"), info,
                figures.pd_bins, checked.ok, checked.events, actor.username,
                row.generated_at, postloan, found, partner_rows, restated, anchored_in,
                database, case_flow(session, actor, month=month, cut_off=cut_off)),
                report_no=row.report_no)
        issued = _seal(session, actor, row, pdf, {
            "received": figures.received, "flagged": figures.flagged, "headline": headline,
            "zone": figures.zone,
            "restated": [[r.month, r.figure, r.as_issued, r.now] for r in restated]})
        session.expunge(issued.report)
    return issued
