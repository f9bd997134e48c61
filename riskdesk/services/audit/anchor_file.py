"""The anchor file: audit anchors kept outside the database (issue 24).

A UTF-8 text file of JSON lines, one record per line, only ever appended to (each record in one
``write`` on a file opened for appending, then flushed and fsync'ed). It lives in a folder the
administrator chooses (a setting; e.g. a network share the database's owner cannot rewrite),
by default beside this user's data folder. One file may serve several databases: every record
names the database it vouches for by a random identity kept in the database.

Record kinds (the format is shared with ``services/audit/signatures.py``):

- ``{"kind": "anchor", "seq": int, "hash": str, "at": iso, "mac": str | null,
  "database": str}``: the chain's head at a moment (``mac``: its keyed seal, when the
  workstation held the anchor key);
- ``{"kind": "admin-key", "user": str, "public_key": base64, "at": iso}``: the first
  administrator's signing public key, pinned.
"""
from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from riskdesk.config import data_dir
from riskdesk.domain.users import AppSetting
from riskdesk.errors import ConfigurationError, InvalidInput
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

FILE_NAME = "audit-anchors.jsonl"
FOLDER_SETTING = "audit.anchor_folder"
DATABASE_SETTING = "audit.database_id"
_PENDING = "riskdesk.anchor_file.pending"

log = logging.getLogger(__name__)


def default_path() -> Path:
    """Beside (not inside) this user's data folder: removing or copying the data folder does
    not take the anchors with it."""
    return data_dir().parent / "riskdesk-anchors" / FILE_NAME


def configured_folder(session: Session) -> str:
    """The folder an administrator chose ("" when none: the default)."""
    row = session.get(AppSetting, FOLDER_SETTING)
    return row.value if row is not None else ""


def configured_path(session: Session) -> Path:
    folder = configured_folder(session)
    return Path(folder) / FILE_NAME if folder else default_path()


def set_folder(session: Session, actor: Actor, *, folder: str) -> Path:
    """Choose the anchor file's folder ("" for the default); audited. Returns the file. The
    administrator keys the previous file pins for this database are pinned in the new one too
    (when the change commits), so the signatures' root stays vouched for."""
    from riskdesk.services.audit import trail as audit

    require(actor, Action.SETTINGS_CHANGE)
    folder = folder.strip()
    if len(folder) > 2000:
        raise InvalidInput(translate("Audit", "The anchor folder's path is too long."))
    if folder and not Path(folder).is_absolute():
        raise InvalidInput(translate("Audit", "The anchor folder must be an absolute path "
                                     "(e.g. a network share)."))
    before = str(configured_path(session))
    row = session.get(AppSetting, FOLDER_SETTING) or AppSetting(
        key=FOLDER_SETTING, value="", changed_by="", changed_at=utcnow(session))
    row.value, row.changed_by, row.changed_at = folder, actor.username, utcnow(session)
    session.add(row)
    after = configured_path(session)
    audit.append(session, actor, action="setting.change", entity_type="setting",
                 entity_id=FOLDER_SETTING,
                 before={"value": before}, after={"value": str(after)})
    if after != Path(before):
        database = database_id(session)
        pinned = {(r.get("user"), r.get("public_key")) for r in read_records(after)
                  if r.get("kind") == "admin-key"}
        try:
            previous = read_records(Path(before))
        except InvalidInput as exc:  # a damaged old file: nothing carried, the reason logged
            log.warning("admin keys not carried over: %s", exc)
            previous = []
        for record in previous:
            if record.get("kind") == "admin-key" and record.get("database") in (
                    None, database) and (record.get("user"), record.get("public_key")) \
                    not in pinned:
                append_after_commit(session, path=after, record=record)
    return after


def database_id(session: Session, *, create: bool = False) -> str | None:
    """This database's identity in anchor files: a random id made at its first anchor."""
    row = session.get(AppSetting, DATABASE_SETTING)
    if row is not None and row.value:
        return row.value
    if not create:
        return None
    value = uuid.uuid4().hex
    session.add(AppSetting(key=DATABASE_SETTING, value=value, changed_by="riskdesk",
                           changed_at=utcnow(session)))
    session.flush()
    return value


def append_record(path: Path, record: dict[str, object]) -> None:
    """Append one record as one line; flushed and fsync'ed before returning."""
    if not isinstance(record.get("kind"), str):
        raise InvalidInput(translate("Audit", "An anchor file record needs a kind."))
    line = (json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                 0o644)
    try:
        written = os.write(fd, line)
        if written != len(line):
            raise OSError(f"short write to {path}")
        os.fsync(fd)
    finally:
        os.close(fd)


def read_records(path: Path) -> list[dict[str, object]]:
    """Every record in order ([] when the file does not exist); a line that is not a JSON
    object with a kind raises InvalidInput naming the file and the line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise InvalidInput(translate("Audit", "Cannot read the anchor file {file}: {error}")
                           .format(file=path, error=exc.strerror)) from None
    out: list[dict[str, object]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            value: Any = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            value = None
        if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
            raise InvalidInput(translate(
                "Audit", "The anchor file {file} is damaged at line {line}: not a record.")
                .format(file=path, line=number))
        out.append(value)
    return out


def append_after_commit(session: Session, *, path: Path, record: dict[str, object]) -> None:
    """Append ``record`` once the session's transaction commits (never for one rolled back:
    the file must not vouch for a head that was never stored). A file that cannot be written
    then raises ConfigurationError (the change itself is saved)."""
    pending: list[tuple[Path, dict[str, object]]] | None = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = []
        event.listen(session, "after_commit", _write_pending)
        event.listen(session, "after_rollback", _drop_pending)
    pending.append((path, record))


def _drop_pending(session: Session) -> None:
    session.info.get(_PENDING, []).clear()


def _write_pending(session: Session) -> None:
    pending: list[tuple[Path, dict[str, object]]] = session.info.get(_PENDING, [])
    items, pending[:] = list(pending), []
    unwritten: list[str] = []
    first: OSError | None = None
    for path, record in items:  # one that fails does not keep the others from the file
        try:
            append_record(path, record)
        except OSError as exc:
            log.error("anchor file %s not written (%s record): %s", path, record.get("kind"),
                      exc)
            first = first or exc
            unwritten.append(translate("Audit", "{kind} record to {file} ({error})").format(
                kind=record.get("kind"), file=path, error=exc.strerror or exc))
    if first is not None:
        raise ConfigurationError(translate(
            "Audit", "The change was saved, but {n} anchor file record(s) could not be "
            "written: {records}. Check the anchor folder (riskdesk audit anchor --folder), "
            "then run riskdesk audit anchor.").format(
            n=len(unwritten), records="; ".join(unwritten))) from first
