"""One complaint as its window shows it: frozen read models of the complaint, its history
in the audit trail and the customer's applications, each behind the same permission as the
complaint itself (:func:`handling.get`)."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.users import User
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.complaints import handling
from riskdesk.services.permissions import Action, allowed


@dataclass(frozen=True)
class ComplaintView:
    id: int
    number: str
    channel: str
    category: str
    applicant_id: int | None
    complainant_name: str
    proxy_name: str
    proxy_authorisation: str
    application_id: int | None
    description: str
    received_at: datetime
    due_at: datetime
    extension: str
    extension_reason: str
    status: str
    escalated: bool
    assignee_id: int | None
    response: str
    reaction: str
    root_cause: str
    rectification: str
    closed_at: datetime | None
    fraud_case_id: int | None
    version: int
    responded_at: datetime | None = None
    handler: str = ""  # the assignee's user name (issue 28: the window names the handler)

    @property
    def late(self) -> bool:
        """The final reply was sent after the due time, extensions counted (issue 28)."""
        return self.responded_at is not None and self.responded_at > self.due_at


@dataclass(frozen=True)
class HistoryStep:
    """One audited step on the complaint: when, who, what, and its after-image (JSON)."""

    at: datetime
    actor: str
    action: str
    after: str | None
    handler: str | None = None  # the user name of a handler the step set (issue 28)


@dataclass(frozen=True)
class ComplaintPage:
    complaint: ComplaintView
    history: tuple[HistoryStep, ...]
    applications: tuple[handling.CustomerApplication, ...]


def view_of(c: Complaint, actor: Actor | None = None) -> ComplaintView:
    """The complaint as ``actor`` may see it: the complainant's and the proxy's names masked
    like applicants' for a role without the personal-data permission (issue 25)."""
    values: dict[str, Any] = {f.name: getattr(c, f.name) for f in fields(ComplaintView)
                              if f.name != "handler"}
    values["id"] = c.id or 0
    if actor is None or not allowed(actor, Action.PII_UNMASK):
        values["complainant_name"] = mask_name(c.complainant_name)
        values["proxy_name"] = mask_name(c.proxy_name) if c.proxy_name else ""
    return ComplaintView(**values)


def history(session: Session, actor: Actor, *, complaint_id: int) -> list[HistoryStep]:
    """The complaint's steps in the audit trail, oldest first; for whoever may see the
    complaint (the same check as :func:`handling.get`)."""
    handling.get(session, actor, complaint_id=complaint_id)
    events = session.exec(select(AuditEvent).where(
        col(AuditEvent.entity_type) == "complaint",
        col(AuditEvent.entity_id) == str(complaint_id)).order_by(col(AuditEvent.seq))).all()
    import json

    names = {int(i): str(n) for i, n in session.execute(select(col(User.id),
                                                               col(User.username)))}

    def handler(after: str | None) -> str | None:
        uid = json.loads(after).get("assignee_id") if after else None
        return names.get(int(uid)) if uid else None

    return [HistoryStep(e.at, e.actor, e.action, e.after, handler(e.after)) for e in events]


def complaint_page(session: Session, actor: Actor, *, complaint_id: int) -> ComplaintPage:
    """The complaint, its history and its customer's applications, read together."""
    c = handling.get(session, actor, complaint_id=complaint_id)
    apps = (handling.customer_applications(session, actor, applicant_id=c.applicant_id)
            if c.applicant_id is not None else [])
    view = view_of(c, actor)
    if c.assignee_id is not None:
        user = session.get(User, c.assignee_id)
        view = replace(view, handler=user.username if user is not None else "")
    return ComplaintPage(view, tuple(history(session, actor, complaint_id=complaint_id)),
                         tuple(apps))


def register(session: Session, actor: Actor, /, **values: Any) -> ComplaintView:
    """:func:`handling.register` (its arguments), the new complaint as a read model."""
    return view_of(handling.register(session, actor, **values), actor)


def open_fraud_case(session: Session, actor: Actor, *, complaint_id: int, version: int) -> int:
    """:func:`handling.open_fraud_case`; the case's id."""
    return handling.open_fraud_case(session, actor, complaint_id=complaint_id,
                                    version=version).id or 0
