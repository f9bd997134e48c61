"""What File > Settings shows and saves: the database-kept settings, the complaint reply
deadline and the case review SLA of the newest decision policy, read and written in one unit
of work each (each change audited by the service that owns it)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from riskdesk.domain.scoring import PolicyVersion
from riskdesk.services.actor import Actor
from riskdesk.services.admin import settings as app_settings
from riskdesk.services.audit import anchor_file
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.permissions import Action, allowed, require


@dataclass(frozen=True)
class SettingsView:
    idle_minutes: int
    backup_keep: int
    backup_folder: str
    decide_days: int  # complaints: the ordinary reply deadline
    review_sla_hours: int | None  # the newest decision policy's; None before the first
    anchor_folder: str = ""  # where the audit anchor file is kept ("": the default)
    anchor_default: str = ""  # the default anchor file, beside the user data folder


def _signed_in(actor: Actor) -> None:
    require(actor, Action.APPLICATION_VIEW)  # every role has it: a signed-in user


def settings_view(session: Session, actor: Actor) -> SettingsView:
    """Shown to every role (disabled where the role may not change them)."""
    _signed_in(actor)
    sla = session.exec(select(PolicyVersion.review_sla_hours)
                       .order_by(col(PolicyVersion.id).desc()).limit(1)).first()
    return SettingsView(app_settings.idle_lock_minutes(session),
                        app_settings.backup_keep(session),
                        str(app_settings.backup_folder(session)),
                        complaints.deadlines(session).decide_days, sla,
                        anchor_file.configured_folder(session),
                        str(anchor_file.default_path()))


def save_settings(session: Session, actor: Actor, *, idle_minutes: int, backup_keep: int,
                  backup_folder: str, decide_days: int, anchor_folder: str | None = None) -> None:
    """Saves what changed and what the actor may change; the rest is left as it is
    (``anchor_folder`` None: not shown, left as it is)."""
    _signed_in(actor)
    if allowed(actor, Action.SETTINGS_CHANGE):
        if idle_minutes != app_settings.idle_lock_minutes(session):
            app_settings.set_idle_lock_minutes(session, actor, minutes=idle_minutes)
        if (backup_keep, backup_folder.strip()) != (
                app_settings.backup_keep(session), str(app_settings.backup_folder(session))):
            app_settings.set_backups(session, actor, keep=backup_keep, folder=backup_folder)
        if anchor_folder is not None and \
                anchor_folder.strip() != anchor_file.configured_folder(session):
            anchor_file.set_folder(session, actor, folder=anchor_folder)
    current = complaints.deadlines(session)
    if allowed(actor, Action.COMPLAINT_SETTINGS) and decide_days != current.decide_days:
        complaints.set_deadlines(session, actor, new=complaints.Deadlines(
            decide_days, current.complex_days, current.special_days, current.working_days))
