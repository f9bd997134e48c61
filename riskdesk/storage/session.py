"""Units of work: one transaction per use case, committed whole or rolled back whole."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from riskdesk.errors import DatabaseUnavailable
from riskdesk.i18n import translate
from riskdesk.storage.engine import busy_timeout_ms


@contextmanager
def unit_of_work(engine: Engine | Connection, *, write: bool = True) -> Iterator[Session]:
    """A session inside one transaction; ``write`` takes SQLite's write lock up front. A
    Connection (see storage.bulk.bulk_load_bind) gets the transaction on that connection."""
    bind = engine.execution_options(riskdesk_write=True) if write else engine
    try:
        with Session(bind, expire_on_commit=False) as session:
            with session.begin():
                yield session
    except OperationalError as exc:
        raise DatabaseUnavailable(explain(exc)) from exc


def explain(exc: OperationalError) -> str:
    """What a failed database call means for the user; the transaction is always undone."""
    reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return translate("Storage", "The database is locked by another program or window "
                         "(waited {seconds:g} s); nothing was changed. Try again when it is "
                         "free.").format(seconds=busy_timeout_ms() / 1000)
    if "full" in lowered or "no space" in lowered or "disk i/o" in lowered:
        return translate("Storage", "The disk holding the database is full (or the database "
                         "reached its size limit); nothing was changed. Free space, then try "
                         "again.")
    if "server closed" in lowered or "terminat" in lowered or "lost connection" in lowered \
            or "gone away" in lowered or "connection" in lowered and "refused" in lowered:
        return translate("Storage", "The connection to the database server was lost; nothing "
                         "was changed. It is retried on the next action.")
    return translate("Storage", "The database could not complete the operation: {error}"
                     ).format(error=reason)
