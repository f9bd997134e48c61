"""Schema migrations with Alembic, run from code so an installed or frozen app needs no ini file.

The app upgrades a local SQLite file itself; a server database is upgraded only on purpose
(``riskdesk db upgrade``) by whoever owns its schema. A database migrated by a newer riskdesk is
refused rather than misread.
"""
from __future__ import annotations

import io

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from riskdesk.errors import SchemaOutdated, SchemaTooNew
from riskdesk.i18n import translate
from riskdesk.paths import migrations_dir

DIALECT_URLS = {
    "postgresql": "postgresql+psycopg://",
    "mysql": "mysql+pymysql://",
    "mariadb": "mariadb+pymysql://",
    "sqlite": "sqlite://",
}


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    check_not_newer(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def check_not_newer(engine: Engine) -> None:
    current = current_revision(engine)
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(current)
    except Exception as exc:  # alembic raises several types for an unknown revision
        raise SchemaTooNew(
            translate(
                "Storage",
                "The database schema ({revision}) is newer than this riskdesk; "
                "install the newer version of riskdesk to open it.",
            ).format(revision=current)
        ) from exc


def check_current(engine: Engine) -> None:
    """Refuse a database that is newer than the app, or not yet migrated to its schema."""
    check_not_newer(engine)
    current = current_revision(engine)
    if current != head_revision():
        if current is None and not inspect(engine).get_table_names():
            msg = translate("Storage", "The database is empty; run `riskdesk db upgrade` first.")
        else:
            msg = translate(
                "Storage",
                "The database schema ({current}) is older than this riskdesk ({head}); "
                "run `riskdesk db upgrade`.",
            ).format(current=current, head=head_revision())
        raise SchemaOutdated(msg)


def sql_script(dialect: str) -> str:
    """The DDL of every migration for a bank's DBA, without touching any database."""
    cfg = alembic_config()
    buf = io.StringIO()
    cfg.output_buffer = buf
    cfg.set_main_option("sqlalchemy.url", DIALECT_URLS[dialect])
    command.upgrade(cfg, "head", sql=True)
    return buf.getvalue()


def ensure_local_schema(engine: Engine) -> None:
    """On start: migrate a local SQLite file; only check a server database."""
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    else:
        check_current(engine)
