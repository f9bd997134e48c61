"""Free text kept without personal data (issue 25).

Notes, note drafts, decision and check reasons, complaint descriptions, replies and reasons,
and finding texts are scanned as they are saved (:mod:`riskdesk.security.pii_scan`): the text
keeps the masked form, so the row, its audit event, audit packs, backups, logs and PDFs carry
only masked text, and each value found is kept encrypted with the data key in ``text_pii``
beside the row and field it was typed into. The window shows the writer what will be masked
before they save (:func:`riskdesk.security.pii_scan.find_pii`).

:func:`clean_existing` is the clean-up of rows written before (migration 0010): audited with
how many rows of each table it cleaned, never with a value.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlmodel import Session, col

from riskdesk.domain.text_pii import TextPii
from riskdesk.security.pii_scan import Found, find_pii, mask_names, mask_text
from riskdesk.services.actor import Actor
from riskdesk.storage.clock import utcnow


@dataclass(frozen=True)
class Cleaned:
    """A text as it is stored (masked) and what was found in it."""

    text: str
    found: tuple[Found, ...]

    def fit(self, limit: int) -> str:
        return self.text[:limit]


def scan(text: str) -> Cleaned:
    found = tuple(find_pii(text))
    return Cleaned(mask_text(text) if found else text, found)


def for_masked_reader(text: str, names: Iterable[str] = ()) -> str:
    """Free text as a reader who sees masked data gets it in a report: scanned again (rows
    written before the scan on save existed, or values it learnt to find since) and the names
    the case knows masked where they were typed (issue 28)."""
    return mask_names(mask_text(text), names) if text else text


def keep(session: Session, *, cleaned: Cleaned | str, entity: str, entity_id: str | int,
         field: str, replace: bool = False) -> str:
    """Stores what ``cleaned`` found, encrypted, beside ``entity``/``entity_id``/``field``;
    returns the masked text. ``replace``: the field's earlier values go (a draft)."""
    if isinstance(cleaned, str):
        cleaned = scan(cleaned)
    if replace:
        forget(session, entity=entity, entity_id=entity_id, field=field)
    if cleaned.found:
        from riskdesk.security.datakey import load_cipher

        cipher = load_cipher(session)
        now = utcnow(session)
        for i, f in enumerate(cleaned.found):
            session.add(TextPii(entity=entity, entity_id=str(entity_id), field=field,
                                position=i, kind=f.kind, masked=f.masked,
                                value_enc=cipher.encrypt(f"text_pii.{f.kind}", f.value),
                                key_id=cipher.key_id, created_at=now))
        session.flush()
    return cleaned.text


def forget(session: Session, *, entity: str, entity_id: str | int, field: str | None = None,
           ) -> None:
    """Drops the values kept for a row (a draft turned into a note, or deleted)."""
    q = delete(TextPii).where(col(TextPii.entity) == entity,
                              col(TextPii.entity_id) == str(entity_id))
    if field is not None:
        q = q.where(col(TextPii.field) == field)
    session.execute(q)


def carry(session: Session, *, entity: str, entity_id: str | int, to_entity: str,
          to_id: str | int, field: str, text: str, found: tuple[Found, ...] = ()) -> None:
    """A draft becomes a record: the draft's kept values whose masked form the record's text
    still shows move to the record, unless typed there again in full (``found``); the others
    go with the draft."""
    rows = session.scalars(select(TextPii).where(
        col(TextPii.entity) == entity, col(TextPii.entity_id) == str(entity_id))).all()
    again = {f.masked for f in found}
    for r in rows:
        if r.masked in text and r.masked not in again:
            r.entity, r.entity_id, r.field = to_entity, str(to_id), field
        else:
            session.delete(r)
    session.flush()


def kept(session: Session, actor: Actor, *, entity: str, entity_id: str | int,
         field: str) -> list[tuple[str, str]]:
    """(masked, plain) of the values found in a field, in order: for a reader allowed to see
    personal data, audited as a look at unmasked data."""
    from riskdesk.security.datakey import load_cipher
    from riskdesk.services.audit import trail as audit
    from riskdesk.services.permissions import Action, require

    require(actor, Action.PII_UNMASK)
    rows = session.scalars(select(TextPii).where(
        col(TextPii.entity) == entity, col(TextPii.entity_id) == str(entity_id),
        col(TextPii.field) == field).order_by(col(TextPii.id))).all()
    if not rows:
        return []
    cipher = load_cipher(session, create=False)
    audit.append(session, actor, action="pii.unmask", entity_type=entity, entity_id=str(entity_id),
                 after={"field": field, "values": [r.masked for r in rows]})
    return [(r.masked, cipher.decrypt(f"text_pii.{r.kind}", r.value_enc)) for r in rows]


# --- rows written before the scan (migration 0010) -------------------------------------------

# table -> (its key columns, the free-text columns)
FREE_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "investigation_note": (("id",), ("text",)),
    "note_draft": (("case_id", "user_id"), ("text",)),
    "review_case": (("id",), ("reason",)),
    "complaint": (("id",), ("description", "response", "extension_reason", "rectification",
                            "proxy_authorisation")),
    "audit_finding": (("id",), ("text", "recommendation", "follow_up")),
    "rule_set": (("id",), ("note",)),
    "policy_version": (("id",), ("note",)),
    "blacklist_entry": (("id",), ("reason",)),
    "monitoring_policy": (("id",), ("note",)),
    "partner": (("id",), ("status_reason",)),
    "role_request": (("id",), ("note",)),
}


def clean_existing(conn: Connection, actor: Actor, *, batch: int = 1000) -> dict[str, int]:
    """Masks personal data in the free text of rows already stored, keeping each value found
    encrypted; records one audit event with how many rows of each table were cleaned (no
    value in it). Returns those counts (tables with none cleaned are left out)."""
    from sqlalchemy import MetaData, Table

    session = Session(bind=conn)
    cleaned: dict[str, int] = {}
    meta = MetaData()
    for name, (keys, fields) in FREE_TEXT.items():
        table = Table(name, meta, autoload_with=conn)
        key_cols = [table.c[k] for k in keys]
        last: tuple[Any, ...] | None = None
        while True:
            q = select(*key_cols, *(table.c[f] for f in fields)).order_by(*key_cols).limit(batch)
            if last is not None:
                from sqlalchemy import tuple_

                q = q.where(tuple_(*key_cols) > tuple_(*last)) if len(keys) > 1 else \
                    q.where(key_cols[0] > last[0])
            rows = conn.execute(q).all()
            if not rows:
                break
            for row in rows:
                key = tuple(row[:len(keys)])
                changes: dict[str, str] = {}
                for i, f in enumerate(fields):
                    value = row[len(keys) + i]
                    if not value:
                        continue
                    scanned = scan(str(value))
                    if scanned.found:
                        changes[f] = keep(session, cleaned=scanned, entity=name,
                                          entity_id=":".join(str(k) for k in key), field=f)
                if changes:
                    conn.execute(update(table).where(
                        *(c == v for c, v in zip(key_cols, key, strict=True))).values(**changes))
                    cleaned[name] = cleaned.get(name, 0) + 1
            last = tuple(rows[-1][:len(keys)])
    if cleaned:
        from riskdesk.services.audit import trail as audit

        audit.append(session, actor, action="text.pii_cleaned", entity_type="database",
                     entity_id="free_text",
                     after={"rows": cleaned})
    session.flush()
    return cleaned


_HEX = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])")  # hashes, not data


def audit_text_warning(session: Session, *, batch: int = 5000) -> str | None:
    """Audit events are never changed: those written with personal data in their text before
    the clean-up (migration 0010) stay as they are. One line naming them for `audit verify`
    (a warning, not a failure), and one naming any written after the clean-up (a way of saving
    text that escapes the scan), or None when there is none."""
    from riskdesk.domain.audit import AuditEvent
    from riskdesk.i18n import translate

    cleaned_seq = session.scalar(select(col(AuditEvent.seq)).where(
        col(AuditEvent.action) == "text.pii_cleaned").order_by(col(AuditEvent.seq)).limit(1))
    found: list[tuple[int, Any]] = []
    late: list[int] = []  # written after the clean-up: a path that does not mask its text
    rows = session.execute(select(col(AuditEvent.seq), col(AuditEvent.at),
                                  col(AuditEvent.before), col(AuditEvent.after))
                           .order_by(col(AuditEvent.seq))
                           .execution_options(yield_per=batch))
    for seq, at, before, after in rows:
        body = _HEX.sub(" ", f"{before or ''} {after or ''}")
        if find_pii(body):
            if cleaned_seq is not None and seq > cleaned_seq:
                late.append(int(seq))
            else:
                found.append((int(seq), at))
    lines = []
    if late:
        lines.append(translate(
            "Audit", "personal data in audit text written after free text was masked: {n} "
            "event(s) ({seqs}); a way of saving text that does not mask it, to be reported "
            "to the administrator").format(
            n=len(late), seqs=", ".join(map(str, late[:20])) + (", ..." if len(late) > 20
                                                                  else "")))
    if not found:
        return "\n".join(lines) or None
    cleaned_at = session.scalar(select(col(AuditEvent.at)).where(
        col(AuditEvent.action) == "text.pii_cleaned").order_by(col(AuditEvent.seq)).limit(1))
    until = cleaned_at or found[-1][1]
    shown = ", ".join(str(s) for s, _ in found[:20]) + (", ..." if len(found) > 20 else "")
    lines.insert(0, translate(
        "Audit", "personal data in audit text before {date}: {n} event(s) written before free "
        "text was masked ({seqs}); they stay as written, the chain holds").format(
        date=f"{until:%Y-%m-%d}", n=len(found), seqs=shown))
    return "\n".join(lines)
