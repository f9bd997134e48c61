"""Audit findings: recorded by an auditor in a pack (the only thing a pack lets them write,
outside its seal), brought back into the live database by `riskdesk audit import-findings`,
and followed up there (status and a note; each change audited)."""
from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from riskdesk.domain.enums import label
from riskdesk.domain.findings import Finding
from riskdesk.errors import InvalidInput, NotFound
from riskdesk.i18n import join_list, translate
from riskdesk.security.pii_scan import mask_text
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.audit.packs import verify_pack
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.services.versioned import save_versioned
from riskdesk.storage.clock import utcnow

SEVERITIES = ("low", "medium", "high")
STATUSES = ("open", "in_progress", "resolved", "accepted")


@dataclass(frozen=True)
class Draft:
    severity: str
    text: str
    recommendation: str = ""
    case_id: int | None = None
    complaint_id: int | None = None
    month: str = ""


def _checked(d: Draft) -> Draft:
    if d.severity not in SEVERITIES:
        raise InvalidInput(translate("Findings", "Severity is one of: {s}.").format(
            s=join_list(label(v) for v in SEVERITIES)))
    if not d.text.strip():
        raise InvalidInput(translate("Findings", "A finding needs its text."))
    if len(d.text) > 4000 or len(d.recommendation) > 2000:
        raise InvalidInput(translate("Findings", "A finding's text is at most 4,000 characters "
                                     "and its recommendation 2,000."))
    if d.case_id is None and d.complaint_id is None and not d.month:
        raise InvalidInput(translate("Findings", "Say what the finding is on: a case, a "
                                     "complaint or the month."))
    return d


# --- in the pack ----------------------------------------------------------------------------

def add_in_pack(pack: Path, auditor: str, draft: Draft) -> int:
    """Written through its own connection: the sealed tables are never written. A pack holds
    no data key: personal data typed in is masked and not kept (issue 25)."""
    d = _checked(draft)
    con = sqlite3.connect(pack)
    try:
        with con:
            pack_id = con.execute("SELECT value FROM pack_info WHERE key = 'pack_id'"
                                  ).fetchone()[0]
            cur = con.execute(
                "INSERT INTO audit_finding (ref, pack_id, case_id, complaint_id, month, severity,"
                " text, recommendation, auditor, found_at, imported_by, status, follow_up, "
                "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'open', '', 1)",
                (f"{pack_id}:{uuid.uuid4().hex[:12]}", pack_id, d.case_id, d.complaint_id,
                 d.month, d.severity, mask_text(d.text.strip()),
                 mask_text(d.recommendation.strip()),
                 auditor[:64], utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")))
            return int(cur.lastrowid or 0)
    finally:
        con.close()


def in_pack(pack: Path) -> list[dict[str, object]]:
    con = sqlite3.connect(f"file:{pack}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("SELECT * FROM audit_finding ORDER BY id")]
    finally:
        con.close()


# --- back in the live database --------------------------------------------------------------

@dataclass(frozen=True)
class Imported:
    pack_id: str
    added: int
    present: int


def import_findings(session: Session, actor: Actor, *, pack: Path) -> Imported:
    require(actor, Action.FINDING_IMPORT)
    verdict = verify_pack(pack)
    if not verdict.ok:
        raise InvalidInput(translate("Findings", "{file} is refused: {why}").format(
            file=pack.name, why="; ".join(verdict.problems)))
    rows = in_pack(pack)
    known = set(session.scalars(select(col(Finding.ref)).where(
        col(Finding.ref).in_([str(r["ref"]) for r in rows] or ["-"]))))
    now = utcnow(session)
    added = 0
    for r in rows:
        if r["ref"] in known:
            continue
        d = _checked(Draft(str(r["severity"]), str(r["text"]), str(r["recommendation"] or ""),
                           r["case_id"] if r["case_id"] is None else int(str(r["case_id"])),
                           None if r["complaint_id"] is None else int(str(r["complaint_id"])),
                           str(r["month"] or "")))
        text, advice = free_text.scan(d.text), free_text.scan(d.recommendation)
        row = Finding(ref=str(r["ref"]), pack_id=verdict.pack_id, case_id=d.case_id,
                      complaint_id=d.complaint_id, month=d.month, severity=d.severity,
                      text=text.fit(4000), recommendation=advice.fit(2000),
                      auditor=str(r["auditor"]),
                      found_at=datetime.fromisoformat(str(r["found_at"])), imported_at=now,
                      imported_by=actor.username)
        session.add(row)
        session.flush()
        free_text.keep(session, cleaned=text, entity="audit_finding", entity_id=row.id or 0,
                       field="text")
        free_text.keep(session, cleaned=advice, entity="audit_finding", entity_id=row.id or 0,
                       field="recommendation")
        audit.append(session, actor, action="finding.import", entity_type="finding",
                     entity_id=row.id or 0, after={
            "ref": row.ref, "severity": row.severity, "case": row.case_id,
            "complaint": row.complaint_id, "month": row.month, "auditor": row.auditor})
        added += 1
    return Imported(verdict.pack_id, added, len(rows) - added)


def follow_up(session: Session, actor: Actor, *, finding_id: int, version: int,
              status: str, note: str) -> Finding:
    require(actor, Action.FINDING_FOLLOW_UP)
    if status not in STATUSES:
        raise InvalidInput(translate("Findings", "Status is one of: {s}.").format(
            s=join_list(label(v) for v in STATUSES)))
    if not note.strip():
        raise InvalidInput(translate("Findings", "Say what was done (the follow-up note)."))
    row = session.get(Finding, finding_id)
    if row is None:
        raise NotFound(translate("Findings", "There is no finding {id}.").format(id=finding_id))
    note = free_text.keep(session, cleaned=note.strip(), entity="audit_finding",
                          entity_id=finding_id,
                          field="follow_up")
    return save_versioned(session, actor, row=row, version=version, action="finding.follow_up",
                          entity="finding", values={"status": status,
                                                    "follow_up": note[:2000]},
                          tracked=("status", "follow_up"), extra=None,
                          stale=lambda now: _stale(now, version))


def _stale(row: Finding, version: int) -> None:
    from riskdesk.errors import StaleVersion

    if row.version != version:
        raise StaleVersion(translate("Findings", "Finding {id} was changed by someone else.")
                           .format(id=row.id))


def listing(session: Session, actor: Actor, *, status: str | None = None) -> list[Finding]:
    require(actor, Action.APPLICATION_VIEW)
    q = select(Finding).order_by(col(Finding.id).desc())
    if status:
        q = q.where(col(Finding.status) == status)
    rows = list(session.exec(q))
    for r in rows:
        session.expunge(r)
    return rows


@dataclass(frozen=True)
class FindingRow:
    """One finding as the Audit findings tab lists it."""

    id: int
    case_id: int | None
    complaint_id: int | None
    month: str
    severity: str
    text: str
    recommendation: str
    auditor: str
    status: str
    version: int


def rows(session: Session, actor: Actor) -> list[FindingRow]:
    """:func:`listing` as frozen rows, newest first (same permission)."""
    return [FindingRow(f.id or 0, f.case_id, f.complaint_id, f.month, f.severity, f.text,
                       f.recommendation, f.auditor, f.status, f.version)
            for f in listing(session, actor)]


def rows_in_pack(pack: Path) -> list[FindingRow]:
    """The findings recorded in an audit pack, oldest first, as frozen rows."""
    return [FindingRow(int(str(r["id"])), _int_or_none(r["case_id"]),
                       _int_or_none(r["complaint_id"]), str(r["month"] or ""),
                       str(r["severity"]), str(r["text"]), str(r["recommendation"] or ""),
                       str(r["auditor"]), str(r["status"]), int(str(r["version"])))
            for r in in_pack(pack)]


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(str(value))


def case_named(session: Session, actor: Actor, *, ref: str) -> int | None:
    """The case a finding names, by its application number or its id; None if there is none.
    For whoever may view applications (an auditor in a pack)."""
    from riskdesk.domain.cases import Case

    require(actor, Action.APPLICATION_VIEW)
    number = int(ref) if ref.isdigit() else -1
    found = session.exec(select(col(Case.id)).where(
        (col(Case.application_no) == ref) | (col(Case.id) == number))).first()
    return int(found) if found is not None else None


@dataclass(frozen=True)
class FindingFigures:
    open_by_severity: dict[str, int]
    imported: int  # brought back in the month
    closed: int  # resolved or risk accepted by the cut-off
    open_rows: list[tuple[int, str, str, str]]  # id, on, severity, text: the oldest first


def figures(session: Session, *, month: str, cut_off: datetime) -> FindingFigures:
    """As the trail had it at the cut-off: a follow-up after it does not move the figures;
    "brought back" by the month they were brought back in (the one period rule)."""
    import json

    from riskdesk.domain.audit import AuditEvent
    from riskdesk.services.periods import period

    p = period(session, month=month, cut_off=cut_off)
    at = p.at
    rows = list(session.exec(select(Finding).where(col(Finding.imported_at) <= at)
                             .order_by(col(Finding.id))))
    status = {r.id: "open" for r in rows}
    for entity, after in session.execute(select(col(AuditEvent.entity_id),
                                                col(AuditEvent.after)).where(
            col(AuditEvent.action) == "finding.follow_up", col(AuditEvent.at) <= at)
            .order_by(col(AuditEvent.seq))):
        value = json.loads(after or "{}").get("status")
        if value and int(entity) in status:
            status[int(entity)] = str(value)
    still = [r for r in rows if status[r.id] in ("open", "in_progress")]
    by_severity: dict[str, int] = {}
    for r in still:
        by_severity[r.severity] = by_severity.get(r.severity, 0) + 1
    imported = sum(1 for r in rows if r.imported_at and p.contains(r.imported_at))
    closed = sum(1 for r in rows if status[r.id] in ("resolved", "accepted"))
    on = [(r.id or 0, f"case {r.case_id}" if r.case_id else f"complaint {r.complaint_id}"
           if r.complaint_id else f"month {r.month}", r.severity, r.text[:160])
          for r in still]
    return FindingFigures(by_severity, imported, closed, on)
