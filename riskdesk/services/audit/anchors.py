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
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from riskdesk.domain.audit import AuditAnchor, AuditEvent, AuditHead
from riskdesk.domain.reports import Report
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import anchor_file
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

KEYRING_SERVICE = "riskdesk-audit-anchor"
KEY_ENTRY = "hmac-key"
ANCHOR_ACTION = "audit.anchor"
REPORT_ACTION = "report.generate"
HEAD = re.compile(r"riskdesk-audit-head (\d+) ([0-9a-f]{64})")


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # where it comes from, for the message


@dataclass(frozen=True)
class AnchorCheck:
    checked: int  # anchors held outside the chain that were compared with it
    failures: list[str]
    unchecked: int = 0  # keyed anchors present but no key on this workstation
    file: Path | None = None  # the anchor file read
    file_anchors: int = 0  # its anchors of this database
    file_other: int = 0  # its anchors of other databases
    reports_checked: int = 0  # archived reports whose bytes matched their issue event
    reports_unchecked: int = 0  # archived encrypted reports: no data key here to read them

    @property
    def vouched(self) -> bool:
        """Something outside the chain vouches for it (an anchor file, a keyed anchor, an
        issued report's head); without it a rewrite of the whole chain cannot be told."""
        return self.checked > 0


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


def check(session: Session, *, anchors: list[Anchor]) -> list[str]:
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


def has_key() -> bool:
    """Whether this workstation's keyring holds an anchor key."""
    return _key() is not None


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


def _admin_key_mac(key: bytes, record: dict[str, object]) -> str:
    text = "admin-key|{}|{}|{}".format(record.get("database"), record.get("user"),
                                       record.get("public_key"))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def seal_admin_key(record: dict[str, object]) -> dict[str, object]:
    """An admin-key record (the pinned first administrator's key) sealed with the anchor key
    when this workstation holds it: without the key nobody can pin another key for this
    database in the anchor file. Unsealed without the key (docs/security.md says what holds
    then)."""
    key = _key()
    out = {k: v for k, v in record.items() if k not in ("mac", "key_id")}
    if key is not None:
        out["key_id"], out["mac"] = key[0], _admin_key_mac(key[1], out)
    return out


def admin_key_pins(records: list[dict[str, object]], database: str | None
                   ) -> tuple[list[tuple[object, object]], list[str]]:
    """(user, public key) the anchor file pins for ``database`` (or for no database), and the
    pins whose seal does not hold. Where a seal under this workstation's anchor key holds,
    only sealed pins count: an unsealed record added beside them pins nothing."""
    key = _key()
    sealed: list[tuple[object, object]] = []
    other: list[tuple[object, object]] = []
    forged: list[str] = []
    for rec in records:
        if rec.get("kind") != "admin-key" or rec.get("database") not in (None, database):
            continue
        pin = (rec.get("user"), rec.get("public_key"))
        mac = rec.get("mac")
        if key is not None and rec.get("key_id") == key[0] and isinstance(mac, str):
            if hmac.compare_digest(mac, _admin_key_mac(key[1], rec)):
                sealed.append(pin)
            else:
                forged.append(translate("Audit", "the anchor file's pin of {user}'s key has a "
                                        "forged seal").format(user=rec.get("user")))
        else:
            other.append(pin)
    return (sealed or other), forged


@dataclass(frozen=True)
class AnchorMark:
    """An anchor just made: the head it seals, its keyed seal (None without the key) and the
    anchor file it is appended to once the transaction commits."""
    seq: int
    hash: str
    key_id: str | None
    file: Path
    database: str


def anchor_head(session: Session, actor: Actor, *, note: str) -> AnchorMark:
    """Anchor the current head: an ``audit.anchor`` event recording it, a keyed anchor row
    when this workstation holds the anchor key, and a record in the anchor file (written
    when the transaction commits, so the file never vouches for a head that was undone)."""
    require(actor, Action.AUDIT_VERIFY)
    head = session.execute(select(AuditHead).where(col(AuditHead.id) == 1).with_for_update()
                           .execution_options(populate_existing=True)).scalar_one()
    seq, digest = head.seq, head.hash
    key = _key()
    row = None
    if key is not None:
        row = AuditAnchor(seq=seq, hash=digest, at=utcnow(session), key_id=key[0],
                          mac=_mac(key[1], seq, digest), note=note[:200])
        session.add(row)
        session.flush()
    database = anchor_file.database_id(session, create=True) or ""
    path = anchor_file.configured_path(session)
    at = utcnow(session)
    audit.append(session, actor, action=ANCHOR_ACTION, entity_type="audit_anchor",
                 entity_id=row.id if row is not None and row.id else "file", after={
                     "seq": seq, "hash": digest, "anchor_id": row.id if row else None,
                     "key_id": row.key_id if row else None, "mac": row.mac if row else None,
                     "database": database, "file": str(path), "note": note[:200]})
    anchor_file.append_after_commit(session, path=path, record={
        "kind": "anchor", "seq": seq, "hash": digest, "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "mac": row.mac if row else None, "database": database})
    return AnchorMark(seq, digest, row.key_id if row else None, path, database)


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


def file_anchors(session: Session, *, path: Path, database: str | None = None
                 ) -> tuple[list[Anchor], list[str], int]:
    """(this database's anchors in the anchor file, seals there that do not hold, the
    anchors of other databases). ``database``: the identity to look for (default: the one
    this database names itself by)."""
    database = database or anchor_file.database_id(session)
    key = _key()
    mine: list[Anchor] = []
    bad: list[str] = []
    other = 0
    for record in anchor_file.read_records(path):
        if record.get("kind") != "anchor":
            continue
        if database is None or record.get("database") != database:
            other += 1
            continue
        seq, digest, mac = record.get("seq"), record.get("hash"), record.get("mac")
        source = translate("Audit", "anchor file {file} ({at})").format(
            file=path.name, at=record.get("at"))
        if not isinstance(seq, int) or not isinstance(digest, str):
            bad.append(translate("Audit", "{source} holds an anchor without an event number "
                                 "and hash").format(source=source))
            continue
        if key is not None and isinstance(mac, str) and not hmac.compare_digest(
                mac, _mac(key[1], seq, digest)):
            bad.append(translate("Audit", "{source} has a forged seal").format(source=source))
            continue
        mine.append(Anchor(seq, digest, source))
    return mine, bad, other


def _after(text: str | None) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class _Cross:
    failures: list[str] = field(default_factory=list)
    reports_checked: int = 0
    reports_unchecked: int = 0


def cross_check(session: Session) -> _Cross:
    """The chain's own anchor and report events against the anchor rows, the report rows and
    the archived files: a row missing, deleted or changed since its event is a finding, and
    an archived report's bytes must hash to what its issue event recorded (not only to the
    sha256 column, which an UPDATE can patch)."""
    out = _Cross()
    database = anchor_file.database_id(session)
    rows = {r.id: r for r in session.exec(select(AuditAnchor))}
    reported: set[int] = set()
    events = session.execute(sa_select(
        col(AuditEvent.seq), col(AuditEvent.hash), col(AuditEvent.action),
        col(AuditEvent.entity_id), col(AuditEvent.after)).where(
        col(AuditEvent.action).in_([ANCHOR_ACTION, REPORT_ACTION]))
        .order_by(col(AuditEvent.seq))).all()
    for seq, digest, action, entity_id, after in events:
        if action == ANCHOR_ACTION:
            out.failures += _anchor_event(session, seq, digest, after, rows, database)
        elif entity_id.isdigit():
            reported.add(int(entity_id))
            _report_event(session, seq, int(entity_id), _after(after), out)
    for report_id, report_no in session.execute(select(col(Report.id), col(Report.report_no))):
        if report_id not in reported:
            out.failures.append(translate(
                "Audit", "report {no} is in the archive but no audit event issued it")
                .format(no=report_no))
    return out


def _anchor_event(session: Session, seq: int, digest: str, after: str | None,
                  rows: dict[int | None, AuditAnchor], database: str | None) -> list[str]:
    if after is None:  # made before issue 24: the keyed anchor sealed this very event
        if any(r.seq == seq and r.hash == digest for r in rows.values()):
            return []
        return [translate("Audit", "the keyed anchor made at event {seq} is missing or "
                          "changed").format(seq=seq)]
    found: list[str] = []
    d = _after(after)
    anchored, anchored_hash = d.get("seq"), d.get("hash")
    if isinstance(anchored, int) and anchored > 0:
        stored = session.scalar(select(col(AuditEvent.hash)).where(
            col(AuditEvent.seq) == anchored))
        if stored != anchored_hash:
            found.append(translate(
                "Audit", "event {seq} anchored event {anchored} with another hash: the "
                "chain was rewritten after it").format(seq=seq, anchored=anchored))
    anchor_id = d.get("anchor_id")
    if isinstance(anchor_id, int):
        row = rows.get(anchor_id)
        if row is None:
            found.append(translate("Audit", "keyed anchor {id}, made at event {seq}, is "
                                   "missing").format(id=anchor_id, seq=seq))
        elif (row.seq, row.hash, row.mac, row.key_id) != (
                anchored, anchored_hash, d.get("mac"), d.get("key_id")):
            found.append(translate("Audit", "keyed anchor {id} differs from what event {seq} "
                                   "recorded").format(id=anchor_id, seq=seq))
    if d.get("database") and d.get("database") != database:
        found.append(translate(
            "Audit", "event {seq} anchored this database as {then}; it now names itself "
            "{now}").format(seq=seq, then=d.get("database"), now=database or "-"))
    return found


def _report_event(session: Session, seq: int, report_id: int, d: dict[str, object],
                  out: _Cross) -> None:
    from riskdesk.errors import RiskdeskError
    from riskdesk.services.reporting.archive import SEALED

    row = session.get(Report, report_id)
    if row is None:
        out.failures.append(translate(
            "Audit", "report {no}, issued at event {seq}, is missing from the archive")
            .format(no=d.get("report_no", report_id), seq=seq))
        return
    try:
        if row.report_no != d.get("report_no", row.report_no) or \
                row.sha256 != d.get("sha256", row.sha256):
            out.failures.append(translate(
                "Audit", "report {no} in the archive differs from what event {seq} "
                "recorded").format(no=row.report_no, seq=seq))
            return
        recorded = d.get("sha256")
        if not isinstance(recorded, str):
            return
        data = bytes(row.pdf)
        if data.startswith(SEALED):
            from riskdesk.security.datakey import load_cipher

            try:
                data = base64.b64decode(load_cipher(session, create=False).decrypt(
                    "report", data[len(SEALED):]))
            except RiskdeskError:
                out.reports_unchecked += 1
                return
        if hashlib.sha256(data).hexdigest() != recorded:
            out.failures.append(translate(
                "Audit", "the archived file of report {no} is not the one issued at event "
                "{seq}").format(no=row.report_no, seq=seq))
        else:
            out.reports_checked += 1
    finally:
        session.expunge(row)


def _identity_findings(session: Session, database: str, path: Path, mine: int,
                       other: int) -> list[str]:
    found = []
    own = anchor_file.database_id(session)
    if own != database:
        found.append(translate(
            "Audit", "this database names itself {own}, not {database} (the identity its "
            "monthly reports print)").format(own=own or "-", database=database))
    if not mine and other:
        found.append(translate(
            "Audit", "the anchor file {file} holds no anchor of database {database}, only "
            "{n} of other databases").format(file=path, database=database, n=other))
    return found


def check_all(session: Session, *, extra: list[Anchor] | None = None, anchors: Path | None = None,
              database: str | None = None) -> AnchorCheck:
    """The chain (already verified) against everything that vouches for it: the chain's own
    anchor and report events against their rows and files, the heads of the archived
    monthly reports, the keyed anchors, the anchor file (``anchors``, by default the
    configured one) and the reports an auditor brings (``extra``). ``database``: the
    identity the auditor knows this database by (printed on its monthly reports); without
    it the database's own word is taken, which whoever writes the database can change."""
    path = anchors or anchor_file.configured_path(session)
    keyed, forged, unchecked = keyed_anchors(session)
    filed, file_bad, other = file_anchors(session, path=path, database=database)
    if database is not None:
        forged = forged + _identity_findings(session, database, path, len(filed), other)
    cross = cross_check(session)
    outside = [*report_anchors(session), *keyed, *filed, *(extra or [])]
    return AnchorCheck(len(outside), forged + file_bad + cross.failures + check(
        session, anchors=outside), unchecked, path, len(filed), other, cross.reports_checked,
        cross.reports_unchecked)
