"""Evidence files on cases and complaints (issue 27): attach, list, open, supersede.

- The type comes from the content (:mod:`riskdesk.security.filetypes`): PDF, PNG, JPEG, Excel,
  Word; programs, archives, macros and anything else are refused; 20 MB at most.
- The bytes are encrypted with the data key (AES-256-GCM, a fresh nonce per file) with the
  file's id, its case or complaint and its SHA-256 bound in as associated data, so a
  ciphertext moved to another record does not decrypt; stored in pieces of at most 4 MiB.
- Attaching is work on the record, not a decision: any officer may attach to an open case
  (complaint handlers to a complaint not yet closed); auditors may not. Audited on the case or
  complaint with the SHA-256 of the plain bytes, in the same transaction.
- Never deleted or changed: a new version names the one it supersedes; both stay listed.
- Opening a file's bytes shows personal data: it needs the personal-data permission and is
  audited (in an audit pack, the bytes are there only when the pack was exported unmasked).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert
from sqlmodel import Session, col, select

from riskdesk.domain.cases import Case
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.enums import label
from riskdesk.domain.evidence import CHUNK_BYTES, EvidenceChunk, EvidenceFile
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.security.filetypes import IMAGES, detect
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import is_pack_engine

if TYPE_CHECKING:
    from riskdesk.security.datakey import DataCipher

PLAIN_KEY = ""  # key_id of a file carried decrypted in an unmasked audit pack
NAME_LIMIT, NOTE_LIMIT = 255, 1000
OVERHEAD = 12 + 16  # nonce and tag


@dataclass(frozen=True)
class EvidenceRow:
    """A file as the lists show it (no bytes)."""

    id: int
    case_id: int | None
    complaint_id: int | None
    name: str
    kind: str
    media_type: str
    size: int
    sha256: str
    note: str
    supersedes_id: int | None
    superseded_by_id: int | None
    added_by: str
    added_at: datetime
    carried: bool = True  # False in a masked audit pack: listed, bytes left out

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    @property
    def is_image(self) -> bool:
        return self.kind in IMAGES


@dataclass(frozen=True)
class EvidenceContent:
    row: EvidenceRow
    data: bytes


def _owner(case_id: int | None, complaint_id: int | None) -> tuple[str, int]:
    if (case_id is None) == (complaint_id is None):
        raise InvalidInput(translate("Evidence", "Name either a case or a complaint."))
    return ("case", case_id) if case_id is not None else ("complaint", complaint_id or 0)


def aad_of(file_id: int, case_id: int | None, complaint_id: int | None, sha256: str) -> str:
    """What a file's ciphertext is bound to: its id, its case or complaint, its hash."""
    owner, owner_id = _owner(case_id, complaint_id)
    return f"riskdesk/evidence/v1:{file_id}:{owner}:{owner_id}:{sha256}"


def _aad(row: EvidenceFile) -> str:
    return aad_of(row.id or 0, row.case_id, row.complaint_id, row.sha256)


def _check_owner(session: Session, actor: Actor, owner: str, owner_id: int) -> None:
    if owner == "case":
        require(actor, Action.CASE_ATTACH)
        case = session.get(Case, owner_id)
        if case is None:
            raise NotFound(translate("Cases", "There is no case {id}.").format(id=owner_id))
        if not case.is_open:
            raise InvalidInput(translate(
                "Evidence", "Case {id} is {status}: files are attached to open cases only.")
                .format(id=owner_id, status=label(case.status)))
        return
    require(actor, Action.COMPLAINT_ATTACH)
    complaint = session.get(Complaint, owner_id)
    if complaint is None:
        raise NotFound(translate("Evidence", "There is no complaint {id}.").format(id=owner_id))
    if complaint.status in ("closed", "withdrawn"):
        raise InvalidInput(translate(
            "Evidence", "Complaint {number} is {status}: files are attached to complaints not "
            "yet closed.").format(number=complaint.number, status=label(complaint.status)))


def attach(session: Session, actor: Actor, *, name: str, data: bytes,
           case_id: int | None = None, complaint_id: int | None = None, note: str = "",
           supersedes: int | None = None) -> EvidenceRow:
    """Stores ``data`` (the file's bytes) on the case or complaint; ``supersedes`` names the
    earlier version of the same file, which stays."""
    owner, owner_id = _owner(case_id, complaint_id)
    _check_owner(session, actor, owner, owner_id)
    if actor.user_id is None:
        raise PermissionDenied(translate("Evidence", "Attaching a file needs a signed-in user."))
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
    kind = detect(data, base)
    if supersedes is not None:
        old = session.get(EvidenceFile, supersedes)
        if old is None or (old.case_id, old.complaint_id) != (case_id, complaint_id):
            raise InvalidInput(translate(
                "Evidence", "File {id} is not on this case or complaint: a new version "
                "supersedes a file of the same case or complaint.").format(id=supersedes))
        later = session.scalar(select(col(EvidenceFile.id)).where(
            col(EvidenceFile.supersedes_id) == supersedes))
        if later is not None:
            raise InvalidInput(translate(
                "Evidence", "File {id} is already superseded by file {later}: supersede the "
                "newest version.").format(id=supersedes, later=later))
    from riskdesk.security.datakey import load_cipher

    cipher = load_cipher(session)
    digest = hashlib.sha256(data).hexdigest()
    # scanned whole, then fitted: a number cut at the limit would no longer be found (issue 28)
    shown_name = free_text.scan(base)
    shown_note = free_text.scan(note.strip())
    row = EvidenceFile(
        case_id=case_id, complaint_id=complaint_id, name=shown_name.fit(NAME_LIMIT),
        kind=kind.kind, media_type=kind.media_type, size=len(data), sha256=digest,
        note=shown_note.fit(NOTE_LIMIT), supersedes_id=supersedes,
        chunks=-(-(len(data) + OVERHEAD) // CHUNK_BYTES), key_id=cipher.key_id,
        added_by_id=actor.user_id, added_by=actor.username, added_at=utcnow(session))
    # Written once, never updated: the id (bound into the ciphertext) comes from the insert,
    # then the pieces and the personal data found in the name or note (kept as free text is).
    session.add(row)
    session.flush()
    for field, shown in (("name", shown_name), ("note", shown_note)):
        free_text.keep(session, cleaned=shown, entity="evidence_file", entity_id=row.id or 0,
                       field=field)
    blob = cipher.encrypt_bytes(_aad(row), data)
    pieces = [blob[i:i + CHUNK_BYTES] for i in range(0, len(blob), CHUNK_BYTES)]
    if len(pieces) != row.chunks:
        raise AssertionError("AES-GCM adds a 12-byte nonce and a 16-byte tag")
    for seq, piece in enumerate(pieces):  # one statement each: one piece per packet
        session.execute(insert(table_of(EvidenceChunk)).values(
            file_id=row.id, seq=seq, data=piece))
    audit.append(session, actor, action="evidence.attach", entity_type=owner, entity_id=owner_id,
                 after={
        "file": row.id, "name": row.name, "type": row.kind, "size": row.size,
        "sha256": digest, "supersedes": supersedes, "note": row.note or None})
    return _row(row, None, carried=True)


def _row(r: EvidenceFile, later: int | None, *, carried: bool) -> EvidenceRow:
    return EvidenceRow(r.id or 0, r.case_id, r.complaint_id, r.name, r.kind, r.media_type,
                       r.size, r.sha256, r.note, r.supersedes_id, later, r.added_by,
                       r.added_at, carried)


def attachments(session: Session, actor: Actor, *, case_id: int | None = None,
                complaint_id: int | None = None) -> list[EvidenceRow]:
    """Every file of the case or complaint, oldest first, superseded ones included."""
    require(actor, Action.APPLICATION_VIEW)
    owner, owner_id = _owner(case_id, complaint_id)
    column = EvidenceFile.case_id if owner == "case" else EvidenceFile.complaint_id
    rows = list(session.scalars(select(EvidenceFile).where(col(column) == owner_id)
                                .order_by(col(EvidenceFile.id))))
    later = {r.supersedes_id: r.id for r in rows if r.supersedes_id is not None}
    carried = _carried(session, [r.id or 0 for r in rows])
    return [_row(r, later.get(r.id or 0), carried=(r.id or 0) in carried) for r in rows]


def _carried(session: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return {int(i) for i in session.scalars(select(col(EvidenceChunk.file_id)).where(
        col(EvidenceChunk.file_id).in_(ids), col(EvidenceChunk.seq) == 0))}


def open_file(session: Session, actor: Actor, *, file_id: int) -> EvidenceContent:
    """The plain bytes, checked against the SHA-256 recorded when attached; a look at personal
    data, so it needs that permission and is audited."""
    row = session.get(EvidenceFile, file_id)
    if row is None:
        raise NotFound(translate("Evidence", "There is no evidence file {id}.").format(
            id=file_id))
    pack = is_pack_engine(session.connection())
    if not pack:
        require(actor, Action.PII_UNMASK)
    pieces = [bytes(d) for d in session.scalars(select(col(EvidenceChunk.data)).where(
        col(EvidenceChunk.file_id) == file_id).order_by(col(EvidenceChunk.seq)))]
    if not pieces:
        raise NotFound(translate(
            "Evidence", "The bytes of {name} are not in this audit pack (a masked pack lists "
            "files by name, type and hash only).").format(name=row.name))
    if len(pieces) != row.chunks:
        raise InvalidInput(translate("Evidence", "{name} is incomplete in the database ({n} of "
                                     "{m} pieces).").format(name=row.name, n=len(pieces),
                                                            m=row.chunks))
    blob = b"".join(pieces)
    if row.key_id == PLAIN_KEY and pack:
        data = blob
    else:
        from riskdesk.security.datakey import load_cipher

        data = load_cipher(session, create=False).decrypt_bytes(_aad(row), blob)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise InvalidInput(translate(
            "Evidence", "{name} does not match the SHA-256 recorded when it was attached.")
            .format(name=row.name))
    owner, owner_id = _owner(row.case_id, row.complaint_id)
    audit.append(session, actor, action="evidence.open", entity_type=owner, entity_id=owner_id,
                 after={"file": row.id, "name": row.name, "sha256": row.sha256})
    later = session.scalar(select(col(EvidenceFile.id)).where(
        col(EvidenceFile.supersedes_id) == file_id))
    return EvidenceContent(_row(row, later, carried=True), data)


def case_of(session: Session, actor: Actor, *, application_no: str) -> int:
    """The case of an application number (the command line's way to name a case); several
    cases on one application are listed for the caller to pick with ``--case``."""
    require(actor, Action.APPLICATION_VIEW)
    ids = [int(i or 0) for i in session.scalars(select(col(Case.id)).where(
        col(Case.application_no) == application_no.strip()).order_by(col(Case.id)))]
    if not ids:
        raise NotFound(translate("Evidence", "Application {no} has no case.").format(
            no=application_no))
    if len(ids) > 1:
        raise InvalidInput(translate(
            "Evidence", "Application {no} has {n} cases ({ids}): name one with --case.")
            .format(no=application_no, n=len(ids), ids=", ".join(str(i) for i in ids)))
    return ids[0]


@dataclass(frozen=True)
class EvidenceList:
    """What a window's evidence section shows: the files, and whether this user may attach
    (the Attach button; :func:`attach` decides anyway) and open them."""

    rows: tuple[EvidenceRow, ...]
    may_attach: bool
    may_open: bool


def evidence_list(session: Session, actor: Actor, *, case_id: int | None = None,
                  complaint_id: int | None = None) -> EvidenceList:
    rows = tuple(attachments(session, actor, case_id=case_id, complaint_id=complaint_id))
    pack = is_pack_engine(session.connection())
    may = not pack and allowed(actor, Action.CASE_ATTACH if case_id is not None
                               else Action.COMPLAINT_ATTACH)
    if may and case_id is not None:
        case = session.get(Case, case_id)
        may = case is not None and case.is_open
    elif may:
        complaint = session.get(Complaint, complaint_id)
        may = complaint is not None and complaint.status not in ("closed", "withdrawn")
    return EvidenceList(rows, may, pack or allowed(actor, Action.PII_UNMASK))


# --- data key rotation (services/audit/keys.py) ----------------------------------------------

def left_to_rotate(session: Session, *, key_id: str) -> int:
    """Files whose bytes are under another key than ``key_id``."""
    from sqlalchemy import func

    return int(session.scalar(select(func.count()).select_from(EvidenceFile).where(
        col(EvidenceFile.key_id) != key_id, col(EvidenceFile.key_id) != PLAIN_KEY)) or 0)


def rotate_some(session: Session, *, cipher: DataCipher, key_id: str, limit: int = 4) -> int:
    """Re-encrypts up to ``limit`` files under the active key (a fresh nonce, the same
    associated data: the file is the same file); returns how many."""
    from sqlalchemy import update

    rows = session.scalars(select(EvidenceFile).where(
        col(EvidenceFile.key_id) != key_id, col(EvidenceFile.key_id) != PLAIN_KEY)
        .order_by(col(EvidenceFile.id)).limit(limit)).all()
    for row in rows:
        blob = b"".join(bytes(d) for d in session.scalars(select(col(EvidenceChunk.data)).where(
            col(EvidenceChunk.file_id) == row.id).order_by(col(EvidenceChunk.seq))))
        fresh = cipher.encrypt_bytes(_aad(row), cipher.decrypt_bytes(_aad(row), blob))
        for seq in range(row.chunks):
            session.execute(update(EvidenceChunk).where(
                col(EvidenceChunk.file_id) == row.id, col(EvidenceChunk.seq) == seq).values(
                data=fresh[seq * CHUNK_BYTES:(seq + 1) * CHUNK_BYTES]))
        session.execute(update(EvidenceFile).where(col(EvidenceFile.id) == row.id).values(
            key_id=key_id))
    return len(rows)
