"""Evidence files on cases and complaints (issue 27): a wage statement, a bank statement, a
bureau report. Never deleted or changed: a new version names the file it supersedes and both
are kept. The bytes are stored encrypted with the data key in pieces of at most
``CHUNK_BYTES`` (``evidence_chunk``), so no single row needs more than MariaDB's default
``max_allowed_packet`` (16 MB); the file row holds what the lists show and the SHA-256 of the
plain bytes, which the audit event records too.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

import riskdesk.domain.cases  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.complaints  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.users  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.enums import LABELS
from riskdesk.domain.types import LargeBlob, UtcDateTime
from riskdesk.i18n import QT_TRANSLATE_NOOP

CHUNK_BYTES = 4 * 1024 * 1024

# What a case's or complaint's history shows for these events.
LABELS.update({
    "evidence.attach": QT_TRANSLATE_NOOP("Enum", "attached an evidence file"),
    "evidence.open": QT_TRANSLATE_NOOP("Enum", "opened an evidence file"),
})


class EvidenceFile(SQLModel, table=True):
    __tablename__ = "evidence_file"
    __table_args__ = (
        Index("ix_evidence_case", "case_id", "id"),
        Index("ix_evidence_complaint", "complaint_id", "id"),
        CheckConstraint("(case_id IS NULL) <> (complaint_id IS NULL)",
                        name="ck_evidence_one_owner"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="review_case.id")
    complaint_id: int | None = Field(default=None, foreign_key="complaint.id")
    name: str = Field(max_length=255)  # as given, personal data in it masked (free_text)
    kind: str = Field(max_length=8)  # pdf, png, jpeg, xlsx, docx, xls, doc: from the content
    media_type: str = Field(max_length=100)
    size: int  # plain bytes
    sha256: str = Field(max_length=64)  # of the plain bytes
    note: str = Field(default="", max_length=1000)
    # the earlier version this one replaces; at most one successor each
    supersedes_id: int | None = Field(default=None, foreign_key="evidence_file.id",
                                      unique=True)
    chunks: int
    key_id: str = Field(max_length=32)  # the data key the chunks are under
    added_by_id: int = Field(foreign_key="app_user.id")
    added_by: str = Field(max_length=64)
    added_at: datetime = Field(sa_type=UtcDateTime)


class EvidenceChunk(SQLModel, table=True):
    """One piece of a file's ciphertext (nonce, AES-GCM ciphertext and tag, cut in order)."""
    __tablename__ = "evidence_chunk"

    file_id: int = Field(foreign_key="evidence_file.id", primary_key=True)
    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    data: bytes = Field(sa_type=LargeBlob)
