"""Schema migrations with Alembic, run from code so an installed or frozen app needs no ini file.

The app upgrades a local SQLite file itself; a server database is upgraded only on purpose
(``riskdesk db upgrade``) by whoever owns its schema. A database migrated by a newer riskdesk is
refused rather than misread.
"""
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from riskdesk.errors import SchemaOutdated, SchemaTooNew
from riskdesk.i18n import translate
from riskdesk.paths import migrations_dir

if TYPE_CHECKING:  # Alembic (with Mako and Pygments) loads only to migrate or to name a head
    from alembic.config import Config

DIALECT_URLS = {
    "postgresql": "postgresql+psycopg://",
    "mysql": "mysql+pymysql://",
    "mariadb": "mariadb+pymysql://",
    "sqlite": "sqlite://",
}


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    check_not_newer(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def check_not_newer(engine: Engine) -> None:
    current = current_revision(engine)
    if current is None:
        return
    from alembic.script import ScriptDirectory

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
    from alembic import command

    cfg = alembic_config()
    buf = io.StringIO()
    cfg.output_buffer = buf
    cfg.set_main_option("sqlalchemy.url", DIALECT_URLS[dialect])
    command.upgrade(cfg, "head", sql=True)
    return buf.getvalue()


# A migration file's own ``revision = '0020'`` / ``down_revision = '0019'`` lines (with or
# without a type annotation); anything else there (a merge's tuple, a branch label, a
# dependency) leaves the head to Alembic.
_REVISION_LINE = re.compile(
    r"^(revision|down_revision|branch_labels|depends_on)\b[^=\n]*=\s*(.*?)\s*$", re.M)
_QUOTED = re.compile(r"""^(['"])([^'"]+)\1$""")


def shipped_head() -> str | None:
    """The head revision of the shipped migration files, read from their revision lines
    without importing Alembic (which brings Mako and Pygments: a noticeable part of a window's
    start). None unless the files form one linear chain this reading is sure of; the caller
    then asks Alembic. A test holds it equal to Alembic's head."""
    parents: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        if path.name.startswith(("__init__", ".#")):
            continue
        fields = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        revision = _QUOTED.match(fields.get("revision", ""))
        parent = fields.get("down_revision", "")
        parent_id = _QUOTED.match(parent)
        if (revision is None or (parent != "None" and parent_id is None)
                or fields.get("branch_labels", "None") != "None"
                or fields.get("depends_on", "None") != "None" or revision[2] in parents):
            return None
        parents[revision[2]] = parent_id[2] if parent_id else None
    heads = set(parents) - set(parents.values())
    bases = [r for r, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(bases) != 1 or len(set(parents.values())) != len(parents):
        return None
    return heads.pop()


def stored_revision(engine: Engine) -> str | None:
    """The database's one revision from ``alembic_version`` by a plain query; None when there
    is no such table, or not exactly one row (then Alembic looks, and says what is wrong)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def at_shipped_head(engine: Engine) -> bool:
    """The database is at this riskdesk's schema, known without Alembic."""
    head = shipped_head()
    return head is not None and stored_revision(engine) == head


def ensure_local_schema(engine: Engine) -> None:
    """On start: migrate a local SQLite file; only check a server database. A database
    already at the shipped head is left as it is without loading Alembic."""
    if at_shipped_head(engine):
        return
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    else:
        check_current(engine)
