"""The month's model-review cases for the monthly report's model monitoring section (issue 32):
which model each was opened on, the figures that opened it, and where it stood at the report's
cut-off (open, or the validator's decision, who made it and when).

Read from the audit trail, not from the case row: the ``case.open`` event holds the figures,
and a ``model.review.close`` event after the cut-off does not count, so a report reissued
later shows the same standing as its first issue.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.scoring import ModelVersion, model_name
from riskdesk.services.credit.model_review import ACTION, KIND, line


@dataclass(frozen=True)
class ModelReviewRow:
    case_id: int
    model: str  # "<id> <name>", the name in the reader's language
    opened_at: datetime
    triggers: tuple[str, ...]  # each breach with its figures, in the reader's language
    decision: str | None  # keep / recalibrate / retrain / retire; None: open at the cut-off
    decided_by: str | None
    decided_at: datetime | None


def month_reviews(session: Session, *, month: str, cut_off: datetime) -> list[ModelReviewRow]:
    """The model-review cases opened for ``month``'s monitoring by ``cut_off``, oldest first."""
    cases = session.exec(select(Case).where(
        col(Case.kind) == KIND, col(Case.dedupe_key).like(f"{KIND}:%:{month}"),
        col(Case.created_at) <= cut_off).order_by(col(Case.id))).all()
    if not cases:
        return []
    ids = [str(c.id) for c in cases]
    events: dict[tuple[str, str], AuditEvent] = {}
    for ev in session.exec(select(AuditEvent).where(
            col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id).in_(ids),
            col(AuditEvent.action).in_(("case.open", ACTION)), col(AuditEvent.at) <= cut_off)
            .order_by(col(AuditEvent.seq))):
        events.setdefault((ev.action, ev.entity_id), ev)
    names = {m.id: model_name(m.name) for m in session.exec(select(ModelVersion))}
    rows = []
    for case in cases:
        opened = json.loads(getattr(events.get(("case.open", str(case.id))), "after", None)
                            or "{}")
        closed = events.get((ACTION, str(case.id)))
        decision = json.loads(closed.after or "{}").get("decision") if closed else None
        model = opened.get("model_version")
        rows.append(ModelReviewRow(
            case.id or 0, f"{model} {names.get(model, case.applicant_name)}", case.created_at,
            tuple(line(b) for b in opened.get("figures", [])), decision,
            closed.actor if closed else None, closed.at if closed else None))
    return rows
