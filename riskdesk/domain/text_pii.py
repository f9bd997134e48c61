"""Personal data found in free text (issue 25): the text keeps the masked form, and each value
found is kept here, encrypted with the data key like applicants' ID numbers, beside the row
and field it was typed into (``entity``, ``entity_id``, ``field``)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from riskdesk.domain.types import Cipher, UtcDateTime


class TextPii(SQLModel, table=True):
    __tablename__ = "text_pii"
    __table_args__ = (Index("ix_text_pii_entity", "entity", "entity_id", "field"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=32)  # the table: investigation_note, review_case, ...
    entity_id: str = Field(max_length=64)  # its key; "case:user" for a note draft
    field: str = Field(max_length=32)  # text, reason, description, response, ...
    position: int = 0  # the value's order in the text, for showing it back in place
    kind: str = Field(max_length=16)  # id_number, phone, card
    masked: str = Field(max_length=24)  # as the text shows it
    value_enc: bytes = Field(sa_type=Cipher)
    key_id: str = Field(max_length=32)
    created_at: datetime = Field(sa_type=UtcDateTime)
