"""Anchors for the audit chain kept outside it, so that a rewrite which recomputes every later
hash is still caught:

- the head (event number and hash) that each issued monthly report prints, read from the
  archived PDFs and from any copy an auditor brings (``riskdesk audit verify --report F.pdf``);
- keyed anchors: the head sealed with an HMAC-SHA256 under a key the bank keeps in the OS
  keyring or its vault, never in the database (``riskdesk audit anchor``; report issues add
  one when the key is present). Without the key nobody can make a valid one for a forged head.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from riskdesk.domain.audit import AuditAnchor, AuditEvent, AuditHead
from riskdesk.domain.reports import Report
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

KEYRING_SERVICE = "riskdesk-audit-anchor"
KEY_ENTRY = "hmac-key"
HEAD = re.compile(r"riskdesk-audit-head (\d+) ([0-9a-f]{64})")


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # where it comes from, for the message


@dataclass(frozen=True)
class AnchorCheck:
    checked: int
    failures: list[str]
    unchecked: int = 0  # keyed anchors present but no key on this workstation


def head_of_pdf(pdf: bytes) -> tuple[int, str] | None:
    """The audit head a monthly report carries in its metadata (None for other PDFs)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        return None
    try:
        found = HEAD.search(doc.get_metadata_dict().get("Keywords", ""))
    finally:
        doc.close()
    return (int(found.group(1)), found.group(2)) if found else None


def report_anchors(session: Session) -> list[Anchor]:
    out = []
    for report_no, pdf in session.execute(select(col(Report.report_no), col(Report.pdf)).where(
            col(Report.kind) == "monthly").order_by(col(Report.id))):
        head = head_of_pdf(bytes(pdf))
        if head is not None and head[0] > 0:
            out.append(Anchor(head[0], head[1], translate(
                "Audit", "monthly report {no}").format(no=report_no)))
    return out


def file_anchor(pdf: bytes, name: str) -> Anchor:
    head = head_of_pdf(pdf)
    if head is None:
        raise InvalidInput(translate(
            "Audit", "{file} is not a riskdesk monthly report (no audit head in it).").format(
            file=name))
    return Anchor(head[0], head[1], name)


def check(session: Session, anchors: list[Anchor]) -> list[str]:
    """Each anchor's event must exist with the anchored hash."""
    failures = []
    for a in anchors:
        stored = session.scalar(select(col(AuditEvent.hash)).where(col(AuditEvent.seq) == a.seq))
        if stored is None:
            failures.append(translate("Audit", "event {seq}, anchored by {source}, is missing")
                            .format(seq=a.seq, source=a.source))
        elif stored != a.hash:
            failures.append(translate(
                "Audit", "event {seq} differs from the hash {source} holds: the chain was "
                "rewritten after it was anchored").format(seq=a.seq, source=a.source))
    return failures


# --- keyed anchors ------------------------------------------------------------------------

def _key() -> tuple[str, bytes] | None:
    import keyring

    value = keyring.get_password(KEYRING_SERVICE, KEY_ENTRY)
    if not value:
        return None
    raw = base64.b64decode(value)
    return hashlib.sha256(raw).hexdigest()[:16], raw


def create_key() -> str:
    """A new anchor key in this workstation's keyring; returns it for the bank's escrow."""
    import keyring

    if _key() is not None:
        raise InvalidInput(translate("Audit", "This workstation already has an anchor key."))
    value = base64.b64encode(os.urandom(32)).decode()
    keyring.set_password(KEYRING_SERVICE, KEY_ENTRY, value)
    return value


def _mac(key: bytes, seq: int, digest: str) -> str:
    return hmac.new(key, f"{seq}:{digest}".encode(), hashlib.sha256).hexdigest()


def anchor_head(session: Session, actor: Actor, note: str) -> AuditAnchor | None:
    """Seal the current head; None when this workstation holds no anchor key."""
    require(actor, Action.AUDIT_VERIFY)
    key = _key()
    if key is None:
        return None
    head = session.execute(select(AuditHead).where(col(AuditHead.id) == 1)).scalar_one()
    row = AuditAnchor(seq=head.seq, hash=head.hash, at=utcnow(session), key_id=key[0],
                      mac=_mac(key[1], head.seq, head.hash), note=note[:200])
    session.add(row)
    session.flush()
    return row


def keyed_anchors(session: Session) -> tuple[list[Anchor], list[str], int]:
    """(anchors whose seal holds, seals that do not, anchors that could not be checked)."""
    key = _key()
    good: list[Anchor] = []
    bad: list[str] = []
    unchecked = 0
    for row in session.exec(select(AuditAnchor).order_by(col(AuditAnchor.id))):
        if key is None or row.key_id != key[0]:
            unchecked += 1
            continue
        source = translate("Audit", "keyed anchor {id} ({at:%Y-%m-%d %H:%M} UTC)").format(
            id=row.id, at=row.at)
        if hmac.compare_digest(row.mac, _mac(key[1], row.seq, row.hash)):
            good.append(Anchor(row.seq, row.hash, source))
        else:
            bad.append(translate("Audit", "{source} has a forged seal").format(source=source))
    return good, bad, unchecked


def check_all(session: Session, extra: list[Anchor] | None = None) -> AnchorCheck:
    keyed, forged, unchecked = keyed_anchors(session)
    anchors = [*report_anchors(session), *keyed, *(extra or [])]
    return AnchorCheck(len(anchors), forged + check(session, anchors), unchecked)
