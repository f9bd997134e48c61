"""The feed as sealed files (issue 29, items 3 and 4): ``FILE.csv`` and its manifest
``FILE.csv.manifest.json`` (count, sequence range, SHA-256 of the file, an HMAC-SHA256 under the
feed key, exporter, time); verification; origination's acknowledgements from a file; the
settings (feed folder for urgent actions, hours before an unacknowledged record warns).

The feed key lives in this workstation's keyring (created on the first export or urgent file),
never in the database: whoever can write the database cannot forge a manifest.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from riskdesk.domain.feed import FeedAck, FeedHead, FeedRecord
from riskdesk.domain.users import AppSetting
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.cells import safe_row
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

KEYRING_SERVICE = "riskdesk-decision-feed"
KEY_ENTRY = "hmac-key"
COLUMNS = ("seq", "application_no", "loan_no", "decision", "rule_codes", "feature_codes",
           "model_version", "rule_set_version", "policy_version", "decided_by", "checked_by",
           "final_at_utc", "signature")
MANIFEST_SUFFIX = ".manifest.json"
FOLDER = "feed.folder"
WARN_HOURS = "feed.warn_hours"
WARN_HOURS_DEFAULT = 2
WARN_RANGE = (1, 168)


# --- the feed key -----------------------------------------------------------------------

def _key(create: bool) -> tuple[str, bytes] | None:
    import keyring

    value = keyring.get_password(KEYRING_SERVICE, KEY_ENTRY)
    if not value:
        if not create:
            return None
        value = base64.b64encode(os.urandom(32)).decode()
        keyring.set_password(KEYRING_SERVICE, KEY_ENTRY, value)
    raw = base64.b64decode(value)
    return hashlib.sha256(raw).hexdigest()[:16], raw


def _mac(key: bytes, fields: dict[str, Any]) -> str:
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


# --- writing a sealed file ----------------------------------------------------------------

def iso_utc(at: datetime) -> str:
    return at.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _csv_bytes(records: Sequence[FeedRecord]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow(safe_row([
            r.seq, r.application_no, r.loan_no, r.decision, r.rule_codes, r.feature_codes,
            r.model_version_id, r.rule_set_id, r.policy_version_id, r.decided_by,
            r.checked_by, iso_utc(r.final_at), r.signature or ""]))
    return out.getvalue().encode("utf-8")


def _atomic_write(path: Path, data: bytes) -> None:
    """Write beside, fsync, rename over: a reader sees the whole file or none."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + MANIFEST_SUFFIX)


def write_sealed(path: Path, records: Sequence[FeedRecord], *, since: int, exporter: str,
                 at: datetime) -> dict[str, Any]:
    """The CSV, then its manifest (a folder watcher keys on the manifest), each atomically."""
    key_id, key = _key(create=True) or ("", b"")
    data = _csv_bytes(records)
    fields: dict[str, Any] = {
        "file": path.name, "count": len(records), "since": since,
        "first_seq": records[0].seq if records else None,
        "last_seq": records[-1].seq if records else None,
        "sha256": hashlib.sha256(data).hexdigest(), "exporter": exporter,
        "exported_at": iso_utc(at), "key_id": key_id}
    manifest = {**fields, "hmac": _mac(key, fields)}
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, data)
    _atomic_write(manifest_path(path), (json.dumps(manifest, indent=2, sort_keys=True)
                                        + "\n").encode("utf-8"))
    return manifest


# --- export, verify, acknowledge ------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    path: str
    manifest: str
    count: int
    first_seq: int | None
    last_seq: int | None
    sha256: str


def export(session: Session, actor: Actor, *, out: Path, since: int | None = None
           ) -> ExportResult:
    """The records after ``since`` (default: what the last export wrote) into ``out`` and its
    manifest; audited. A second export after the last sequence writes an empty file."""
    require(actor, Action.FEED_EXPORT)
    head = session.get(FeedHead, 1)
    start = since if since is not None else (head.exported_to if head is not None else 0)
    if start < 0:
        raise InvalidInput(translate("Feed", "The sequence to export after is 0 or more."))
    records = list(session.execute(select(FeedRecord).where(col(FeedRecord.seq) > start)
                                   .order_by(col(FeedRecord.seq))).scalars())
    manifest = write_sealed(out, records, since=start, exporter=actor.username,
                            at=utcnow(session))
    if head is not None and records and records[-1].seq > head.exported_to:
        head.exported_to = records[-1].seq
        session.add(head)
    audit.append(session, actor, action="decisions.export", entity_type="decision_feed",
                 entity_id=start, after={
        "file": out.name, "since": start, "count": manifest["count"],
        "first_seq": manifest["first_seq"], "last_seq": manifest["last_seq"],
        "sha256": manifest["sha256"]})
    return ExportResult(str(out), str(manifest_path(out)), manifest["count"],
                        manifest["first_seq"], manifest["last_seq"], manifest["sha256"])


def verify(path: Path) -> list[str]:
    """What is wrong with the file and its manifest (empty: it is intact and sealed by this
    workstation's feed key)."""
    problems: list[str] = []
    mpath = manifest_path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return [translate("Feed", "{file} cannot be read.").format(file=path)]
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError
    except (OSError, ValueError):
        return [translate("Feed", "The manifest {file} is missing or unreadable.").format(
            file=mpath)]
    fields = {k: v for k, v in manifest.items() if k != "hmac"}
    key = _key(create=False)
    if key is None:
        problems.append(translate("Feed", "This workstation's keyring holds no feed key: the "
                                  "seal cannot be checked."))
    elif manifest.get("key_id") != key[0] or not hmac.compare_digest(
            str(manifest.get("hmac", "")), _mac(key[1], fields)):
        problems.append(translate("Feed", "The manifest's seal (HMAC) does not match: the "
                                  "manifest was changed or sealed with another key."))
    if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
        problems.append(translate("Feed", "The file's SHA-256 differs from its manifest: the "
                                  "file was changed."))
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        seqs = [int(r[0]) for r in rows[1:] if r]
        header_ok = bool(rows) and tuple(rows[0]) == COLUMNS
    except (UnicodeDecodeError, ValueError, IndexError):
        seqs, header_ok = [], False
    if not header_ok:
        problems.append(translate("Feed", "The file is not a decision feed file."))
    if len(seqs) != manifest.get("count"):
        problems.append(translate("Feed", "The file holds {n} records; its manifest says "
                                  "{m}.").format(n=len(seqs), m=manifest.get("count")))
    if (seqs[0] if seqs else None, seqs[-1] if seqs else None) != (
            manifest.get("first_seq"), manifest.get("last_seq")) or seqs != sorted(set(seqs)):
        problems.append(translate("Feed", "The file's sequences do not match the range its "
                                  "manifest gives."))
    return problems


@dataclass(frozen=True)
class AckResult:
    acknowledged: int
    already: int
    unknown: tuple[int, ...]


def read_sequences(path: Path) -> list[int]:
    """Sequence numbers from origination's file: the first cell of each line; a header or
    blank line is skipped."""
    seqs: list[int] = []
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        cell = row[0].strip() if row else ""
        if cell.isdigit():
            seqs.append(int(cell))
        elif cell and seqs:
            raise InvalidInput(translate("Feed", "{file}: \u201c{cell}\u201d is not a sequence "
                                         "number.").format(file=path.name, cell=cell[:40]))
    return seqs


def acknowledge(session: Session, actor: Actor, *, path: Path) -> AckResult:
    """Records the sequences origination confirmed (a file of sequence numbers); audited."""
    require(actor, Action.FEED_EXPORT)
    seqs = sorted(set(read_sequences(path)))
    known: set[int] = set()
    done: set[int] = set()
    for start in range(0, len(seqs), 900):
        part = seqs[start:start + 900]
        known |= set(session.execute(select(col(FeedRecord.seq)).where(
            col(FeedRecord.seq).in_(part))).scalars())
        done |= set(session.execute(select(col(FeedAck.seq)).where(
            col(FeedAck.seq).in_(part))).scalars())
    new = [s for s in seqs if s in known and s not in done]
    now = utcnow(session)
    if new:
        session.execute(FeedAck.__table__.insert(),  # type: ignore[attr-defined]
                        [{"seq": s, "acknowledged_at": now, "source": "file"} for s in new])
    unknown = tuple(s for s in seqs if s not in known)
    audit.append(session, actor, action="decisions.ack", entity_type="decision_feed",
                 entity_id=path.name, after={
        "file": path.name, "acknowledged": len(new), "already": len(done),
        "unknown": len(unknown), "first_seq": new[0] if new else None,
        "last_seq": new[-1] if new else None})
    return AckResult(len(new), len(done), unknown)


# --- settings -------------------------------------------------------------------------------

def feed_folder(session: Session) -> Path | None:
    row = session.get(AppSetting, FOLDER)
    return Path(row.value) if row is not None and row.value else None


def warn_hours(session: Session) -> int:
    row = session.get(AppSetting, WARN_HOURS)
    return int(row.value) if row is not None else WARN_HOURS_DEFAULT


def _put(session: Session, key: str, value: str, actor: Actor) -> None:
    row = session.get(AppSetting, key) or AppSetting(
        key=key, value="", changed_by="", changed_at=utcnow(session))
    row.value, row.changed_by, row.changed_at = value, actor.username, utcnow(session)
    session.add(row)


def set_feed_settings(session: Session, actor: Actor, *, folder: str | None = None,
                      hours: int | None = None) -> None:
    """The feed folder urgent actions are written to, and the hours after which an
    unacknowledged record warns; administrators only, audited."""
    require(actor, Action.SETTINGS_CHANGE)
    before = {"folder": str(feed_folder(session) or ""), "warn_hours": warn_hours(session)}
    if hours is not None:
        if not WARN_RANGE[0] <= hours <= WARN_RANGE[1]:
            raise InvalidInput(translate("Feed", "Warn after {low} to {high} hours.").format(
                low=WARN_RANGE[0], high=WARN_RANGE[1]))
        _put(session, WARN_HOURS, str(hours), actor)
    if folder is not None:
        _put(session, FOLDER, folder.strip(), actor)
    session.flush()
    audit.append(session, actor, action="setting.change", entity_type="setting", entity_id="feed",
                 before=before,
                 after={"folder": str(feed_folder(session) or ""),
                        "warn_hours": warn_hours(session)})


def count_records(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(FeedRecord)).scalar_one())


@dataclass(frozen=True)
class FeedSettings:
    folder: str
    warn_hours: int


def feed_settings(session: Session, actor: Actor) -> FeedSettings:
    """What the Settings window shows (anyone signed in may see it; administrators change it)."""
    folder = feed_folder(session)
    return FeedSettings(str(folder) if folder is not None else "", warn_hours(session))
