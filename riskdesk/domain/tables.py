"""The Core ``Table`` of a SQLModel class, typed (SQLModel leaves ``__table__`` untyped)."""
from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlmodel import SQLModel


def table_of(model: type[SQLModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]
