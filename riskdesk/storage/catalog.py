"""Our tables as the databases' catalogues name them: the one place the bulk path and the
planner settings spell a list of table names into catalogue queries (``pg_class``,
``sqlite_master``). The names are our own tables', never a user's input; they are quoted as
SQL strings all the same."""
from __future__ import annotations

from collections.abc import Sequence


def sql_strings(names: Sequence[str]) -> str:
    """``'a', 'b'``: the names as SQL string literals, for an ``IN (...)`` list."""
    return ", ".join("'" + n.replace("'", "''") + "'" for n in names)


def our_tables(tables: Sequence[str], alias: str = "") -> str:
    """PostgreSQL: the condition on ``pg_class`` (as ``alias``, or unqualified) that picks
    ``tables`` in the session's current schema."""
    a = f"{alias}." if alias else ""
    return (f"{a}relnamespace = current_schema()::regnamespace "
            f"AND {a}relname IN ({sql_strings(tables)})")
