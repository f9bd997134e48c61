"""Process-wide settings: folders, the database address and keyring names.

Business settings (thresholds, SLA days) live in the database and are audited; this module only
holds what is needed to find that database.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "riskdesk"
APP_AUTHOR = "riskdesk"
DB_ENV = "RISKDESK_DB"
PASSWORD_ENV = "RISKDESK_PASSWORD"
NEW_PASSWORD_ENV = "RISKDESK_NEW_PASSWORD"
# Keyring service names: one for database passwords (keyed by URL), one for data keys.
KEYRING_DB_SERVICE = "riskdesk-db"
KEYRING_KEY_SERVICE = "riskdesk-data-key"
# Local time of the origination system's exports; stored times are UTC.
SOURCE_TIMEZONE = os.environ.get("RISKDESK_SOURCE_TZ", "Asia/Shanghai")


def compute_threads() -> int:
    """Threads for XGBoost: all cores, or RISKDESK_THREADS (the parallel test run uses 1 per
    worker; OpenMP threads spinning on an oversubscribed machine slow down badly)."""
    value = os.environ.get("RISKDESK_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "riskdesk.sqlite"


def demo_db_path() -> Path:
    """Where ``riskdesk demo`` builds the demo database unless told otherwise."""
    return data_dir() / "demo.sqlite"


def default_db_record() -> Path:
    """The file naming this user's default database (one line), written by ``riskdesk demo``
    so that the demo it built is what a bare ``riskdesk gui`` or ``riskdesk import`` opens."""
    return config_dir() / "default-database.txt"


def recorded_db() -> str | None:
    """The recorded default database; a local file removed since is no longer the default."""
    try:
        value = default_db_record().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not value or ("://" not in value and not Path(value).exists()):
        return None
    return value


def record_default_db(target: str) -> None:
    record = default_db_record()
    record.parent.mkdir(parents=True, exist_ok=True)
    part = record.with_name(record.name + ".part")
    part.write_text(target + "\n", encoding="utf-8")
    os.replace(part, record)


def db_target(cli_value: str | None) -> str:
    """The ``--db`` value, else ``RISKDESK_DB``, else the recorded default (the demo database
    once ``riskdesk demo`` has built it), else the default local file. The GUI puts the
    database chosen in File > Settings between ``RISKDESK_DB`` and the recorded default."""
    return cli_value or os.environ.get(DB_ENV) or recorded_db() or str(default_db_path())
