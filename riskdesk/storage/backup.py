"""Backups of a local SQLite database: SQLite's online backup (a consistent copy while the app
is open and writing), checked before it counts, written beside its target and renamed into
place; restore through the same API, keeping the database it replaces. Server databases are
backed up by their DBA's tools (pg_dump, mariadb-dump / mariabackup; see docs/security.md).
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from riskdesk.errors import ConfigurationError, InvalidInput
from riskdesk.i18n import translate
from riskdesk.storage.clock import utcnow

PREFIX = "riskdesk-backup-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    audit_events: int


def sqlite_path(engine: Engine) -> Path:
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        raise ConfigurationError(translate(
            "Backup", "riskdesk backs up local SQLite databases; a server database is backed "
            "up with its own tools by the DBA (pg_dump, mariadb-dump), see docs/security.md."))
    return Path(engine.url.database)


def _check(path: Path) -> int:
    """An intact SQLite file holding a riskdesk schema; returns its audit event count."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise InvalidInput(translate("Backup", "{file} is damaged: {why}").format(
                    file=path.name, why=ok))
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
            events = con.execute("SELECT count(*) FROM audit_event").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(translate("Backup", "{file} is not a riskdesk database: {why}")
                           .format(file=path.name, why=exc)) from None
    if version is None:
        raise InvalidInput(translate("Backup", "{file} has no riskdesk schema.").format(
            file=path.name))
    return int(events)


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup from ``source`` into a fresh ``target`` file."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=4096)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        dst.close()
        src.close()


def backup(engine: Engine, out: Path) -> BackupInfo:
    source = sqlite_path(engine)
    out = out.resolve()
    if out == source.resolve():
        raise InvalidInput(translate("Backup", "A backup cannot overwrite its own database."))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        events = _check(partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(translate("Backup", "Cannot write the backup {file}: {why}").format(
            file=out, why=exc.strerror)) from None
    finally:
        partial.unlink(missing_ok=True)
    data = out.read_bytes()
    return BackupInfo(out, len(data), hashlib.sha256(data).hexdigest(), events)


def restore(engine: Engine, source: Path) -> Path:
    """Replace the database's content with the backup's; returns where the replaced database
    was kept. The backup is checked first; nothing changes if it is not a sound riskdesk file."""
    target = sqlite_path(engine)
    if not source.exists():
        raise InvalidInput(translate("Backup", "There is no file {file}.").format(file=source))
    _check(source)
    engine.dispose()
    kept = target.with_name(f"{target.stem}.before-restore-"
                            f"{utcnow():%Y%m%d-%H%M%S}{target.suffix}")
    if target.exists():
        _copy(target, kept)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)  # page by page under the target's lock: readers never see half
    finally:
        dst.close()
        src.close()
    return kept


def rotate(engine: Engine, folder: Path, keep: int) -> BackupInfo | None:
    """The automatic backup on exit: a new dated copy in ``folder``, the oldest beyond
    ``keep`` removed. Only for a local SQLite database; ``keep`` 0 turns it off."""
    if keep <= 0 or engine.url.get_backend_name() != "sqlite":
        return None
    name = sqlite_path(engine).stem
    info = backup(engine, folder / f"{PREFIX}{name}-{utcnow():%Y%m%d-%H%M%S-%f}.sqlite")
    old = sorted(folder.glob(f"{PREFIX}{name}-*.sqlite"))
    for stale in old[:-keep]:
        stale.unlink(missing_ok=True)
    return info
