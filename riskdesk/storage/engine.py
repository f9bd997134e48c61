"""Build the SQLAlchemy engine from ``--db``: a SQLite file path or a SQLAlchemy URL.

Server passwords never live in a URL we write anywhere: a URL without one takes it from the OS
keyring (``riskdesk db set-password URL``). SQLite gets WAL, foreign keys and a busy timeout, and
write units of work start with ``BEGIN IMMEDIATE`` so two writers queue instead of deadlocking.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from riskdesk.config import KEYRING_DB_SERVICE, db_target
from riskdesk.errors import ConfigurationError
from riskdesk.i18n import translate
from riskdesk.storage import mysql_load, planner

_DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql",
}
SQLITE_BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    """How long a SQLite write waits for another writer (RISKDESK_SQLITE_BUSY_MS overrides)."""
    value = os.environ.get("RISKDESK_SQLITE_BUSY_MS", "")
    return int(value) if value.isdigit() else SQLITE_BUSY_TIMEOUT_MS
SQLITE_CACHE_KIB = 64 * 1024  # a workstation's reading; bulk writers raise it while they run
# A workstation connection's settings that a bulk load changes for its time and restores.
SQLITE_SYNCHRONOUS = "NORMAL"
SQLITE_TEMP_STORE = "MEMORY"
LOCAL_INFILE = True  # MariaDB: bulk writes by LOAD DATA LOCAL from memory (storage.mysql_load)


def is_url(target: str) -> bool:
    return "://" in target


def normalise_url(target: str) -> URL:
    """A SQLAlchemy URL with our drivers filled in; a plain path becomes a SQLite URL."""
    if not is_url(target):
        return make_url("sqlite:///" + str(Path(target).expanduser().resolve()))
    url = make_url(target)
    if url.drivername in _DRIVERS:
        url = url.set(drivername=_DRIVERS[url.drivername])
    return url


def keyring_key(url: URL) -> str:
    """The keyring entry name for a server URL: everything but the password."""
    return url.set(password=None).render_as_string(hide_password=False)


def redact_url(url: URL | str) -> str:
    u = url if isinstance(url, URL) else normalise_url(url)
    return u.render_as_string(hide_password=True)


def _password_from_keyring(url: URL) -> URL:
    if url.get_backend_name() == "sqlite" or url.password is not None or not url.username:
        return url
    import keyring  # a server's password only: not loaded for a SQLite file (issue 35)
    import keyring.errors

    try:
        secret = keyring.get_password(KEYRING_DB_SERVICE, keyring_key(url))
    except keyring.errors.KeyringError as exc:
        raise ConfigurationError(
            translate("Storage", "The OS keyring cannot be read: {error}").format(error=exc)
        ) from exc
    return url.set(password=secret) if secret else url


def set_password(target: str, password: str) -> str:
    import keyring

    url = normalise_url(target)
    keyring.set_password(KEYRING_DB_SERVICE, keyring_key(url.set(password=None)), password)
    return keyring_key(url.set(password=None))


def set_journal_at_once(raw: Any, mode: str) -> bool:
    """Switch a SQLite connection's journal mode without waiting for the busy timeout;
    False when another connection holds the file (locked or busy)."""
    raw.execute("PRAGMA busy_timeout=0")
    try:
        return str(raw.execute(f"PRAGMA journal_mode={mode}").fetchone()[0]).upper() == mode
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        raise
    finally:
        raw.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        # no wait: while a bulk load holds the file in rollback mode, read in that mode
        set_journal_at_once(dbapi_conn, "WAL")  # sets the busy timeout after
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
        # Deep queue pages and counts at millions of rows want more than the default 2 MB.
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.execute(f"PRAGMA temp_store={SQLITE_TEMP_STORE}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("riskdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(target: str | None = None, *, echo: bool = False) -> Engine:
    """The engine for ``--db`` / ``RISKDESK_DB`` / the default local file."""
    url = normalise_url(db_target(target))
    backend = url.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo}
    if backend == "sqlite":
        assert url.database
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # A connection is used by one thread at a time, but not always the one that opened it
        # (the GUI runs long jobs on a worker thread with connections the pool opened before).
        kwargs["connect_args"] = {"timeout": busy_timeout_ms() / 1000,
                                  "check_same_thread": False}
    elif backend in ("postgresql", "mysql", "mariadb"):
        url = _password_from_keyring(url)
        kwargs["pool_pre_ping"] = True
        if backend in ("mysql", "mariadb"):
            url = url.update_query_dict({"charset": "utf8mb4"})
            kwargs["isolation_level"] = "READ COMMITTED"
            # LOAD DATA LOCAL with pymysql alone, whose file sender is replaced to serve our
            # own buffers alone (another driver's sends any file a server asks for); a URL's
            # own local_infile is the user's word (0: never)
            if url.get_driver_name() == "pymysql" and mysql_load.install() and LOCAL_INFILE \
                    and "local_infile" not in url.query:
                kwargs["connect_args"] = {"local_infile": True}
    else:
        raise ConfigurationError(
            translate("Storage", "Unsupported database type: {backend}").format(backend=backend)
        )
    engine = create_engine(url, **kwargs)
    if backend == "sqlite":
        _sqlite_pragmas(engine)
    planner.install(engine)  # PostgreSQL: no JIT for our statements
    return engine


def sqlite_file(target: str) -> Path | None:
    """The file a local SQLite target names (a path or a ``sqlite:///`` URL), else None."""
    url = normalise_url(target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def db_label(target: str) -> str:
    """A database as a person names it: the file, or the URL without its password."""
    path = sqlite_file(target)
    return str(path) if path is not None else keyring_key(normalise_url(target))


def _db_option(target: str) -> str:
    """`` --db TARGET`` for advice about a database other than the one a bare command opens."""
    if normalise_url(target) == normalise_url(db_target(None)):
        return ""
    label = db_label(target)
    return f' --db "{label}"' if " " in label else f" --db {label}"


def require_database(target: str | None) -> None:
    """Refuse a local SQLite file that is not there, naming it and what to do, where
    connecting would create an empty database and the command could only fail on it."""
    resolved = db_target(target)
    path = sqlite_file(resolved)
    if path is not None and not path.exists():
        raise ConfigurationError(translate(
            "Storage", "There is no database at {path}. Build the demo database with "
            "`riskdesk demo{option}`, or create a new database with its first administrator: "
            "`riskdesk user add NAME --role admin{option}`; or name another database with --db "
            "or RISKDESK_DB.").format(path=path, option=_db_option(resolved)))


def no_users_error(target: str) -> ConfigurationError:
    """A database without users (a new, empty one): which it is and what to do."""
    return ConfigurationError(translate(
        "Storage", "The database {db} has no users yet: nobody can sign in to it. Build the "
        "demo database with `riskdesk demo{option}`, or create its first administrator: "
        "`riskdesk user add NAME --role admin{option}`.").format(
        db=db_label(target), option=_db_option(target)))


PACK_OPTION = "riskdesk_pack"


def is_pack(path: Path) -> bool:
    """Is this file an audit pack (a sealed SQLite copy, services/audit/packs.py)? Asked by
    the window's start for whatever database it is given, without loading the packs' module
    and every table with it (issue 35)."""
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'pack_seal'"
                               ).fetchone() is not None
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def open_pack(path: Path) -> Engine:
    """An audit pack, read-only: SQLite's ``mode=ro`` (no journal change, no migration, no
    write of any kind through this engine); findings are written through their own
    connection (services.audit.findings). Sessions on it carry the ``riskdesk_pack`` option, by
    which services skip what only a live database keeps (views in the audit trail)."""
    import sqlite3

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        con.execute("PRAGMA query_only = ON")
        return con

    return create_engine("sqlite://", creator=connect,
                         execution_options={PACK_OPTION: True})


def is_pack_engine(engine_or_connection: Any) -> bool:
    return bool(engine_or_connection.get_execution_options().get(PACK_OPTION))
