"""The offline audit pack: one SQLite file with exactly the data in scope (a month, or a list
of cases), sealed, that auditors review away from the bank's network, and whose findings come
back into the live database.

- Scope: the cases (opened in the month or on its applications, or listed), their applications and applicants, scores
  and reasons, rule hits, decisions, notes, loans, the complaints (received in the month, or on
  those applications), the reports of the month and of those cases, the users' names and roles
  (no password hashes), and the rule, policy and model versions they were decided under.
- Masked by default: no ciphertext and no data key; names, ID numbers, phones and cards as their
  masked forms. ``unmasked`` (a role that may see personal data; audited) puts the plain values
  in the display columns.
- The audit events concerning the scope are exported whole (their fields were masked when they
  were written) with their original hashes, and the chain's commitments (sequence, previous
  hash, hash) of every event up to the export: an auditor recomputes each exported event's hash
  and follows the links to the head that the month's report prints.
- The seal is an HMAC-SHA256 under the bank's audit key (the anchor key, kept in the keyring;
  docs/keys.md) over a canonical dump of every table except the findings, so findings added in
  the pack do not break it.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, select
from sqlmodel import Session, SQLModel, col

import riskdesk.domain.schema  # noqa: F401 - every table on the metadata
from riskdesk.domain.applications import Application
from riskdesk.domain.audit import GENESIS_HASH, AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.loans import Loan
from riskdesk.domain.reports import Report
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.audit.anchors import _key, head_of_pdf
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import is_pack
from riskdesk.storage.session import unit_of_work

if TYPE_CHECKING:
    from riskdesk.security.datakey import DataCipher

SUFFIX = ".rdpack"
UNSEALED = ("audit_finding", "pack_seal")  # what may change in the auditor's hands
ALL_ROWS = ("app_user", "user_role", "import_batch", "model_version", "monitor_run",
            "rule_set", "rule_setting", "policy_version", "score_run", "lpr_rate",
            "monitoring_policy", "monitoring_run", "app_setting", "partner", "partner_check",
            "capital_figure")
PACK_DDL = (
    "CREATE TABLE pack_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE pack_chain (seq INTEGER PRIMARY KEY, prev_hash TEXT NOT NULL, "
    "hash TEXT NOT NULL)",
    "CREATE TABLE pack_seal (id INTEGER PRIMARY KEY CHECK (id = 1), algorithm TEXT NOT NULL, "
    "digest TEXT NOT NULL, key_id TEXT NOT NULL, mac TEXT NOT NULL)",
)


@dataclass
class Scope:
    month: str = ""
    case_ids: set[int] = field(default_factory=set)
    complaint_ids: set[int] = field(default_factory=set)
    app_ids: set[int] = field(default_factory=set)
    applicant_ids: set[int] = field(default_factory=set)
    loan_ids: set[int] = field(default_factory=set)
    report_ids: set[int] = field(default_factory=set)

    def counts(self) -> str:
        """The four counts as kept in the pack ("cases complaints applications reports"), so
        the banner is worded in the reader's language, not the writer's (issue 28)."""
        return " ".join(str(len(x)) for x in (self.case_ids, self.complaint_ids, self.app_ids,
                                               self.report_ids))

    def describe(self) -> str:
        return describe_scope(self.month, self.counts())


def _count(n: int, one: str, many: str) -> str:
    return translate("AuditPack", one if n == 1 else many).format(n=f"{n:,}")


def describe_scope(month: str, counts: str) -> str:
    """"month 2026-12: 3,052 cases, 1 report ..." in the language of the call."""
    cases, complaints, apps, reports = (int(x) for x in counts.split())
    what = (translate("AuditPack", "month {m}").format(m=month) if month
            else translate("AuditPack", "listed cases"))
    return translate("AuditPack", "{what}: {cases}, {complaints}, {apps}, {reports}").format(
        what=what, cases=_count(cases, QT_TRANSLATE_NOOP("AuditPack", "{n} case"),
                                QT_TRANSLATE_NOOP("AuditPack", "{n} cases")),
        complaints=_count(complaints, QT_TRANSLATE_NOOP("AuditPack", "{n} complaint"),
                          QT_TRANSLATE_NOOP("AuditPack", "{n} complaints")),
        apps=_count(apps, QT_TRANSLATE_NOOP("AuditPack", "{n} application"),
                    QT_TRANSLATE_NOOP("AuditPack", "{n} applications")),
        reports=_count(reports, QT_TRANSLATE_NOOP("AuditPack", "{n} report"),
                       QT_TRANSLATE_NOOP("AuditPack", "{n} reports")))


@dataclass(frozen=True)
class PackInfo:
    path: Path
    pack_id: str
    scope: str
    digest: str
    events: int
    unmasked: bool


def _in(column: Any, ids: set[int]) -> list[Any]:
    ordered = sorted(ids)
    return [column.in_(ordered[i:i + 900]) for i in range(0, len(ordered), 900)] or [
        column.in_([-1])]


def _ids(session: Session, query: Any) -> set[int]:
    return {int(v) for v in session.scalars(query) if v is not None}


def resolve_scope(session: Session, *, month: str | None,
                  case_refs: list[str] | None) -> Scope:
    from riskdesk.services.periods import period

    scope = Scope(month=month or "")
    if month:
        p = period(session, month=month)
        scope.case_ids = _ids(session, select(col(Case.id)).where(  # opened in the month,
            p.holds(col(Case.created_at)))) | _ids(  # or on its applications
            session, select(col(Case.id)).where(p.holds(col(Case.submitted_at), col(Case.created_at))))
        scope.complaint_ids = _ids(session, select(col(Complaint.id)).where(
            p.holds(col(Complaint.received_at), col(Complaint.created_at))))
        scope.case_ids |= _ids(session, select(col(Complaint.fraud_case_id)).where(
            col(Complaint.id).in_(sorted(scope.complaint_ids) or [-1])))
        scope.report_ids = _ids(session, select(col(Report.id)).where(
            col(Report.kind) == "monthly", col(Report.subject) == month))
    else:
        for ref in case_refs or []:
            ref = ref.strip()
            if not ref or ref.startswith("#"):
                continue
            found = session.scalars(select(col(Case.id)).where(
                (col(Case.application_no) == ref) | (col(Case.id) == (
                    int(ref) if ref.isdigit() else -1)))).all()
            if not found:
                raise InvalidInput(translate("AuditPack", "No case for {ref}.").format(ref=ref))
            scope.case_ids |= {int(i) for i in found if i is not None}
    for part in _in(col(Case.id), scope.case_ids):
        scope.app_ids |= _ids(session, select(col(Case.application_id)).where(part))
    for part in _in(col(Complaint.application_id), scope.app_ids):
        scope.complaint_ids |= _ids(session, select(col(Complaint.id)).where(part))
    for part in _in(col(Complaint.id), scope.complaint_ids):
        scope.app_ids |= _ids(session, select(col(Complaint.application_id)).where(part))
        scope.applicant_ids |= _ids(session, select(col(Complaint.applicant_id)).where(part))
    for part in _in(col(Application.id), scope.app_ids):
        scope.applicant_ids |= _ids(session, select(col(Application.applicant_id)).where(part))
    for part in _in(col(Loan.application_id), scope.app_ids):
        scope.loan_ids |= _ids(session, select(col(Loan.id)).where(part))
    numbers = {str(n) for part in _in(col(Case.id), scope.case_ids)
               for n in session.scalars(select(col(Case.application_no)).where(part))}
    scope.report_ids |= _ids(session, select(col(Report.id)).where(
        col(Report.kind) == "case", col(Report.subject).in_(sorted(numbers) or ["-"])))
    return scope


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _rows(session: Session, scope: Scope) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows in scope, as they will be written (before masking)."""
    t = _table
    out: dict[str, list[dict[str, Any]]] = {}

    def take(name: str, column: str | None = None, ids: set[int] | None = None) -> None:
        table = t(name)
        if column is None:
            rows = session.execute(select(table)).mappings().all()
        else:
            rows = [r for part in _in(table.c[column], ids or set())
                    for r in session.execute(select(table).where(part)).mappings().all()]
        out[name] = [dict(r) for r in rows]

    for name in ALL_ROWS:
        take(name)
    take("applicant", "id", scope.applicant_ids)
    take("application", "id", scope.app_ids)
    take("application_features", "application_id", scope.app_ids)
    take("score", "application_id", scope.app_ids)
    take("score_reason", "score_id", {int(r["id"]) for r in out["score"]})
    take("decision_record", "application_id", scope.app_ids)
    take("rule_hit", "application_id", scope.app_ids)
    take("review_case", "id", scope.case_ids)
    take("investigation_note", "case_id", scope.case_ids)
    take("complaint", "id", scope.complaint_ids)
    take("loan", "id", scope.loan_ids)
    for name in ("repayment", "fund_flow", "loan_alert", "loan_snapshot"):
        take(name, "loan_id", scope.loan_ids)
    take("report", "id", scope.report_ids)
    out["report"] = [r for r in out["report"] if not bytes(r["pdf"]).startswith(b"RDENC1")]
    files = t("evidence_file")  # the evidence files of the cases and complaints (issue 27)
    out["evidence_file"] = [
        dict(r) for column, ids in ((files.c.case_id, scope.case_ids),
                                    (files.c.complaint_id, scope.complaint_ids))
        for part in _in(column, ids) for r in session.execute(
            select(files).where(part)).mappings().all()]
    out["evidence_chunk"] = []  # the bytes: only an unmasked pack carries them (_evidence)
    return out


def _mask(rows: dict[str, list[dict[str, Any]]], session: Session, unmasked: bool) -> None:
    """No ciphertext, no password hash; personal data masked unless ``unmasked``."""
    cipher = None
    if unmasked:
        from riskdesk.security.datakey import load_cipher

        cipher = load_cipher(session, create=False)
    for r in rows["app_user"]:
        r["password_hash"] = "!"  # nobody signs in to a pack
    for r in rows["applicant"]:
        if cipher is not None:
            r["id_no_masked"] = cipher.decrypt("id_no", r["id_no_enc"])
        else:
            r["name"] = mask_name(r["name"])
        r["id_no_enc"] = b""
    for r in rows["application"]:
        if cipher is not None:
            r["phone_masked"] = cipher.decrypt("phone", r["phone_enc"])
            if r["card_enc"]:
                r["card_masked"] = cipher.decrypt("card", r["card_enc"])
        r["phone_enc"], r["card_enc"] = b"", None
    _evidence(rows, session, cipher)
    if cipher is None:
        for r in rows["review_case"]:
            r["applicant_name"] = mask_name(r["applicant_name"]) if r["applicant_name"] else ""
        for r in rows["complaint"]:
            r["complainant_name"] = mask_name(r["complainant_name"])
            r["proxy_name"] = mask_name(r["proxy_name"]) if r["proxy_name"] else ""


def _evidence(rows: dict[str, list[dict[str, Any]]], session: Session,
              cipher: DataCipher | None) -> None:
    """Evidence files: listed by name, type and hash in every pack; their bytes only in an
    unmasked one, decrypted as the pack carries other personal data (``key_id`` empty)."""
    from riskdesk.domain.evidence import CHUNK_BYTES, EvidenceChunk
    from riskdesk.services.cases.evidence import PLAIN_KEY, aad_of

    if cipher is None:
        return
    for r in rows["evidence_file"]:
        blob = b"".join(bytes(d) for d in session.scalars(select(col(EvidenceChunk.data)).where(
            col(EvidenceChunk.file_id) == r["id"]).order_by(col(EvidenceChunk.seq))))
        plain = cipher.decrypt_bytes(aad_of(int(r["id"]), r["case_id"], r["complaint_id"],
                                            r["sha256"]), blob)
        parts = [plain[i:i + CHUNK_BYTES] for i in range(0, len(plain), CHUNK_BYTES)]
        rows["evidence_chunk"] += [{"file_id": r["id"], "seq": i, "data": d}
                                   for i, d in enumerate(parts)]
        r["chunks"], r["key_id"] = len(parts), PLAIN_KEY


def export_pack(engine: Engine, actor: Actor, *, out: Path, month: str | None = None,
                case_refs: list[str] | None = None, unmasked: bool = False) -> PackInfo:
    require(actor, Action.AUDIT_EXPORT)
    if unmasked and not allowed(actor, Action.PII_UNMASK):
        raise PermissionDenied(translate(
            "AuditPack", "{user} may not export personal data unmasked.").format(
            user=actor.username))
    if bool(month) == bool(case_refs):
        raise InvalidInput(translate("AuditPack", "Give a month or a list of cases."))
    key = _key()
    if key is None:
        raise InvalidInput(translate(
            "AuditPack", "A pack is sealed with the bank's audit key, and this workstation has "
            "none: import it from escrow or create it (riskdesk audit anchor --create-key)."))
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine

    out = out if out.suffix == SUFFIX else out.with_suffix(SUFFIX)
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    pack_id = uuid.uuid4().hex[:16]
    with unit_of_work(engine) as session:
        scope = resolve_scope(session, month=month, case_refs=case_refs)
        rows = _rows(session, scope)
        _mask(rows, session, unmasked)
        events = _events(session, scope, rows)
        chain = [tuple(r) for r in session.execute(select(
            col(AuditEvent.seq), col(AuditEvent.prev_hash), col(AuditEvent.hash))
            .order_by(col(AuditEvent.seq)))]
        now = utcnow(session)
        try:
            target = make_engine(str(partial))
            migrate.upgrade(target)
            target.dispose()
            _write(partial, rows, events, chain, {
                "pack_id": pack_id, "scope": scope.describe(), "month": scope.month,
                "scope_counts": scope.counts(),
                "created_at": now.isoformat(), "created_by": actor.username,
                "unmasked": "yes" if unmasked else "no",
                "head": f"{chain[-1][0]} {chain[-1][2]}" if chain else "0 " + GENESIS_HASH})
            digest = seal(partial, key)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
            for extra in ("-wal", "-shm"):
                Path(f"{partial}{extra}").unlink(missing_ok=True)
        audit.append(session, actor, action="audit.export", entity_type="pack", entity_id=pack_id,
                     after={
            "scope": scope.describe(), "unmasked": unmasked, "digest": digest,
            "file": out.name, "events": len(events)})
    return PackInfo(out, pack_id, scope.describe(), digest, len(events), unmasked)


def _events(session: Session, scope: Scope, rows: dict[str, list[dict[str, Any]]],
            ) -> list[dict[str, Any]]:
    t = AuditEvent
    wanted = {"case": scope.case_ids, "complaint": scope.complaint_ids,
              "report": scope.report_ids, "loan": scope.loan_ids}
    out: list[dict[str, Any]] = []
    for kind, ids in wanted.items():
        names = {str(i) for i in ids}
        for part in range(0, len(names), 900):
            chunk = sorted(names)[part:part + 900]
            out += [dict(r) for r in session.execute(select(_table("audit_event")).where(
                col(t.entity_type) == kind, col(t.entity_id).in_(chunk))).mappings().all()]
    return sorted(out, key=lambda r: r["seq"])


def _write(path: Path, rows: dict[str, list[dict[str, Any]]], events: list[dict[str, Any]],
           chain: list[tuple[Any, ...]], info: dict[str, str]) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for name, data in rows.items():
            conn.exec_driver_sql(f'DELETE FROM "{name}"')  # what the migrations seeded
            if data:
                conn.execute(_table(name).insert(), data)
        if events:
            conn.execute(_table("audit_event").insert(), events)
        for ddl in PACK_DDL:
            conn.exec_driver_sql(ddl)
        conn.exec_driver_sql("INSERT INTO pack_chain VALUES (?, ?, ?)", chain)
        conn.exec_driver_sql("INSERT INTO pack_info VALUES (?, ?)", list(info.items()))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")  # one self-contained file
    engine.dispose()


# --- the seal -------------------------------------------------------------------------------

def canonical_digest(path: Path) -> str:
    """SHA-256 over every sealed table, rows in key order, values in a fixed text form."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        for name in tables:
            if name in UNSEALED:
                continue
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")')]
            h.update(f"\x1e{name}\x1f{','.join(cols)}\n".encode())
            order = ", ".join(f'"{c}"' for c in cols)
            for row in con.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
                h.update(json.dumps([_plain(v) for v in row], ensure_ascii=False,
                                    separators=(",", ":")).encode())
                h.update(b"\n")
        return h.hexdigest()
    finally:
        con.close()


def _plain(v: Any) -> Any:
    if isinstance(v, bytes | bytearray | memoryview):
        return "b64:" + base64.b64encode(bytes(v)).decode()
    if isinstance(v, float):
        return repr(v)
    return v


def seal(path: Path, key: tuple[str, bytes]) -> str:
    digest = canonical_digest(path)
    mac = hmac.new(key[1], digest.encode(), hashlib.sha256).hexdigest()
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("DELETE FROM pack_seal")
            con.execute("INSERT INTO pack_seal VALUES (1, 'hmac-sha256', ?, ?, ?)",
                        (digest, key[0], mac))
    finally:
        con.close()
    return digest


@dataclass(frozen=True)
class PackVerdict:
    ok: bool
    pack_id: str = ""
    scope: str = ""
    signed: bool = False  # the seal's signature was checked with the bank's key
    problems: list[str] = field(default_factory=list)
    events: int = 0


def verify_pack(path: Path) -> PackVerdict:
    """Seal (digest and signature) and chain (each exported event's hash, the links, and the
    heads the month's reports print)."""
    if not is_pack(path):
        return PackVerdict(False, problems=[translate(
            "AuditPack", "{file} is not a riskdesk audit pack (or it is damaged).").format(
            file=path.name)])
    try:
        return _verify(path)
    except sqlite3.DatabaseError as exc:
        return PackVerdict(False, problems=[translate(
            "AuditPack", "{file} is damaged: {why}").format(file=path.name, why=exc)])


def _verify(path: Path) -> PackVerdict:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        info = dict(con.execute("SELECT key, value FROM pack_info"))
        sealed = con.execute("SELECT digest, key_id, mac FROM pack_seal").fetchone()
        chain = {int(s): (p, h) for s, p, h in con.execute(
            "SELECT seq, prev_hash, hash FROM pack_chain ORDER BY seq")}
        events = con.execute("SELECT seq, at, actor_id, actor, action, entity_type, "
                             "entity_id, before, after, prev_hash, hash, canonical FROM "
                             "audit_event ORDER BY seq").fetchall()
        reports = [(n, bytes(b)) for n, b in con.execute(
            "SELECT report_no, pdf FROM report WHERE kind = 'monthly'")]
    finally:
        con.close()
    described = info.get("scope", "")  # as written; packs since issue 28 keep the counts
    if info.get("scope_counts"):
        described = describe_scope(info.get("month", ""), info["scope_counts"])
    problems: list[str] = []
    signed = False
    digest = canonical_digest(path)
    if sealed is None or not hmac.compare_digest(sealed[0], digest):
        problems.append(translate("AuditPack", "the seal does not match the content: the pack "
                                  "was changed after it was sealed"))
    else:
        key = _key()
        if key is not None and key[0] == sealed[1]:
            signed = True
            mac = hmac.new(key[1], digest.encode(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(mac, sealed[2]):
                problems.append(translate("AuditPack", "the seal's signature is forged"))
    prev = GENESIS_HASH
    for seq in sorted(chain):
        p, h = chain[seq]
        if p != prev:
            problems.append(translate("AuditPack", "the chain breaks at event {seq}").format(
                seq=seq))
            break
        prev = h
    for row in events:
        seq, canonical, stored = int(row[0]), row[11], row[10]
        if hashlib.sha256(canonical.encode()).hexdigest() != stored or \
                chain.get(seq, ("", ""))[1] != stored:
            problems.append(translate("AuditPack", "event {seq} does not match the chain")
                            .format(seq=seq))
    for number, pdf in reports:
        head = head_of_pdf(pdf)
        if head and head[0] and chain.get(head[0], ("", ""))[1] != head[1]:
            problems.append(translate("AuditPack", "the chain does not lead to the head report "
                                      "{no} printed").format(no=number))
    return PackVerdict(not problems, info.get("pack_id", ""), described, signed=signed,
                       problems=problems, events=len(events))

