"""Optimistic locking for the records officers edit side by side (cases, complaints).

A write names the version its author saw: ``UPDATE ... WHERE id = ? AND version = ?``. When the
row moved on meanwhile nothing is written and ``stale`` raises the refusal the caller words; a
write that lands is audited in the same transaction, with what it changed before and after.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import update
from sqlmodel import Session, SQLModel

from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.storage.clock import utcnow

Row = TypeVar("Row", bound=SQLModel)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def save_versioned(session: Session, actor: Actor, *, row: Row, version: int, action: str,
                   entity: str, values: dict[str, Any], tracked: tuple[str, ...],
                   stale: Callable[[Row], None], extra: dict[str, Any] | None = None) -> Row:
    model = type(row)
    key = row.id  # type: ignore[attr-defined]
    before = {k: getattr(row, k) for k in tracked}
    result = session.execute(
        update(model).where(model.id == key, model.version == version)  # type: ignore[attr-defined]
        .values(**values, version=version + 1, updated_at=utcnow(session)))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        stale(session.get(model, key, populate_existing=True))  # type: ignore[arg-type]
    after = session.get(model, key, populate_existing=True)
    audit.append(session, actor, action=action, entity_type=entity, entity_id=key,
                 before={k: _plain(before[k]) for k in values if k in tracked},
                 after={k: _plain(getattr(after, k)) for k in values if k in tracked}
                 | (extra or {}))
    return after  # type: ignore[return-value]
