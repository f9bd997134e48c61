"""Settings an administrator makes for every workstation, kept in the database and audited."""
from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from riskdesk.config import data_dir
from riskdesk.domain.users import AppSetting
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

IDLE_LOCK = "session.idle_lock_minutes"
IDLE_LOCK_DEFAULT = 15
IDLE_LOCK_RANGE = (1, 240)


def idle_lock_minutes(session: Session) -> int:
    row = session.get(AppSetting, IDLE_LOCK)
    return int(row.value) if row is not None else IDLE_LOCK_DEFAULT


def set_idle_lock_minutes(session: Session, actor: Actor, *, minutes: int) -> None:
    require(actor, Action.SETTINGS_CHANGE)
    low, high = IDLE_LOCK_RANGE
    if not low <= minutes <= high:
        raise InvalidInput(translate(
            "Settings", "The idle lock must be between {low} and {high} minutes.").format(
            low=low, high=high))
    before = idle_lock_minutes(session)
    row = session.get(AppSetting, IDLE_LOCK) or AppSetting(
        key=IDLE_LOCK, value="", changed_by="", changed_at=utcnow(session))
    row.value, row.changed_by, row.changed_at = str(minutes), actor.username, utcnow(session)
    session.add(row)
    audit.append(session, actor, action="setting.change", entity_type="setting",
                 entity_id=IDLE_LOCK,
                 before={"value": before}, after={"value": minutes})


BANK_NAME = "report.bank_name"


def bank_name(session: Session) -> str | None:
    """The bank and team printed on report covers; None until an admin sets it."""
    row = session.get(AppSetting, BANK_NAME)
    return row.value if row is not None else None


def set_bank_name(session: Session, actor: Actor, *, name: str) -> None:
    require(actor, Action.SETTINGS_CHANGE)
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInput(translate("Settings", "The name on reports needs 1 to 200 "
                                     "characters."))
    before = bank_name(session)
    row = session.get(AppSetting, BANK_NAME) or AppSetting(
        key=BANK_NAME, value="", changed_by="", changed_at=utcnow(session))
    row.value, row.changed_by, row.changed_at = name, actor.username, utcnow(session)
    session.add(row)
    audit.append(session, actor, action="setting.change", entity_type="setting",
                 entity_id=BANK_NAME,
                 before={"value": before}, after={"value": name})


BACKUP_KEEP = "backup.keep"
BACKUP_KEEP_DEFAULT = 7
BACKUP_FOLDER = "backup.folder"


def backup_keep(session: Session) -> int:
    """How many automatic backups of a local database to keep (0: none are made)."""
    row = session.get(AppSetting, BACKUP_KEEP)
    return int(row.value) if row is not None else BACKUP_KEEP_DEFAULT


def backup_folder(session: Session) -> Path:
    row = session.get(AppSetting, BACKUP_FOLDER)
    return Path(row.value) if row is not None and row.value else data_dir() / "backups"


def set_backups(session: Session, actor: Actor, *, keep: int, folder: str = "") -> None:
    require(actor, Action.SETTINGS_CHANGE)
    if not 0 <= keep <= 365:
        raise InvalidInput(translate("Settings", "Keep 0 to 365 automatic backups."))
    before = {"keep": backup_keep(session), "folder": str(backup_folder(session))}
    for key, value in ((BACKUP_KEEP, str(keep)), (BACKUP_FOLDER, folder.strip())):
        row = session.get(AppSetting, key) or AppSetting(
            key=key, value="", changed_by="", changed_at=utcnow(session))
        row.value, row.changed_by, row.changed_at = value, actor.username, utcnow(session)
        session.add(row)
    audit.append(session, actor, action="setting.change", entity_type="setting", entity_id="backup",
                 before=before,
                 after={"keep": keep, "folder": str(backup_folder(session))})
