"""Units of work: one transaction per use case, committed whole or rolled back whole."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from riskdesk.errors import DatabaseUnavailable
from riskdesk.i18n import translate


@contextmanager
def unit_of_work(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """A session inside one transaction; ``write`` takes SQLite's write lock up front."""
    bind = engine.execution_options(riskdesk_write=True) if write else engine
    try:
        with Session(bind, expire_on_commit=False) as session:
            with session.begin():
                yield session
    except OperationalError as exc:
        raise DatabaseUnavailable(
            translate("Storage", "The database could not complete the operation: {error}").format(
                error=str(exc.orig).splitlines()[0] if exc.orig else exc
            )
        ) from exc
