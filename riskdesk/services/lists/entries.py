"""Blacklist and allowlist entries: add, remove with a second user, look up (issue 30).

A value is stored only as the keyed hash the applications carry (HMAC with the database's
search key, ``security.datakey``; devices, which applications keep as sent, hashed the same
way) and a mask; the plain value is never written, not even in the audit trail. An entry
counts from when it is added until its expiry (the start of the expiry date in the bank's time
zone) or its removal, which one compliance user asks for and a second user (compliance or a
senior officer, never the one who asked) approves, signed like every final decision.

What the rules read: :func:`rule_lists` (the blacklist and allowlist in force at an instant)
and :func:`allowlisted` / :func:`is_allowlisted` (which hashes the allowlist covers), so the
shared-key rules, the fraud-ring links and anything else ask one place.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, ScalarSelect, and_, or_, select
from sqlmodel import Session, col

from riskdesk.domain.identity import ID_PATTERN
from riskdesk.domain.rules import ListEntry
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.security.datakey import DataCipher, load_cipher
from riskdesk.security.redact import mask_field
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.search import normal_phone
from riskdesk.services.periods import business_zone, utc_of
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow

if TYPE_CHECKING:  # pandas loads with the scoring job's or a file's first use (issue 35)
    import pandas as pd

KINDS = ("id_no", "phone", "card", "device")
LISTS = ("black", "allow")
KIND_NAMES = {
    "id_no": QT_TRANSLATE_NOOP("Lists", "ID number"),
    "phone": QT_TRANSLATE_NOOP("Lists", "phone"),
    "card": QT_TRANSLATE_NOOP("Lists", "bank card"),
    "device": QT_TRANSLATE_NOOP("Lists", "device"),
}
LIST_NAMES = {"black": QT_TRANSLATE_NOOP("Lists", "blacklist"),
              "allow": QT_TRANSLATE_NOOP("Lists", "allowlist")}
STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("Lists", "active"),
    "expired": QT_TRANSLATE_NOOP("Lists", "expired"),
    "removal_pending": QT_TRANSLATE_NOOP("Lists", "removal pending"),
    "removed": QT_TRANSLATE_NOOP("Lists", "removed"),
}
UNHASHED = "unhashed"  # a device entry migration 0017 moved over as typed (see hash_unhashed)
CARD = re.compile(r"\d{12,19}")
SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class EntryView:
    """One entry as the Lists tab and ``riskdesk lists show`` see it (masked value only)."""
    id: int
    list_name: str
    kind: str
    masked: str
    reason: str
    source: str
    expires_at: datetime | None
    added_by: str
    added_at: datetime
    status: str  # active, expired, removal_pending, removed
    removal_requested_by: str | None
    removal_reason: str
    removed_by: str | None


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise InvalidInput(translate("Lists", "{what} must be one of: {choices} (not {value}).")
                           .format(what=what, choices=", ".join(allowed), value=value))
    return value


def normalise(kind: str, value: str) -> str:
    """The value as the applications' hash is taken of it (ID number upper-case, phone's 11
    digits, card's digits, device as sent), or InvalidInput saying what is wrong."""
    _choice(kind, KINDS, translate("Lists", "The kind"))
    v = str(value).strip()
    if kind == "id_no":
        v = SEPARATORS.sub("", v).upper()
        if not ID_PATTERN.fullmatch(v):
            raise InvalidInput(translate("Lists", "not an ID number (17 digits and a digit or X)"))
        return v
    if kind == "phone":
        phone = normal_phone(v)
        if phone is None:
            raise InvalidInput(translate(
                "Lists", "not a mainland mobile number (11 digits starting with 1)"))
        return phone
    if kind == "card":
        v = SEPARATORS.sub("", v)
        if not CARD.fullmatch(v):
            raise InvalidInput(translate("Lists", "not a bank card number (12 to 19 digits)"))
        return v
    from riskdesk.services.intake.cells import bad_char_reason  # the intake's, with pandas

    why = bad_char_reason(v)
    if why is not None:
        raise InvalidInput(why)
    if not v or len(v) > 64:
        raise InvalidInput(translate("Lists", "a device ID has 1 to 64 characters"))
    return v


def masked(kind: str, value: str) -> str:
    return mask_field(kind, value)[:32]


def value_key(cipher: DataCipher, kind: str, normal: str) -> str:
    return cipher.digest(kind, normal)


def expiry_instant(session: Session, *, day: date | None) -> datetime | None:
    """An expiry date as the instant it starts in the bank's time zone (UTC)."""
    return None if day is None else utc_of(day, business_zone(session))


def _status(e: ListEntry, now: datetime) -> str:
    if e.live is None:
        return "removed"
    if e.removal_requested_by:
        return "removal_pending"
    if e.expires_at is not None and e.expires_at <= now:
        return "expired"
    return "active"


def _view(e: ListEntry, now: datetime) -> EntryView:
    """A device entry not yet hashed (see :func:`hash_unhashed`) is shown masked too."""
    shown = masked(e.kind, e.masked) if e.source == UNHASHED else e.masked
    return EntryView(e.id or 0, e.list_name, e.kind, shown, e.reason, e.source, e.expires_at,
                     e.added_by, e.added_at, _status(e, now), e.removal_requested_by,
                     e.removal_reason, e.removed_by)


def _live(session: Session, kind: str, key: str) -> list[ListEntry]:
    return list(session.scalars(select(ListEntry).where(
        col(ListEntry.kind) == kind, col(ListEntry.value_key) == key,
        col(ListEntry.live) == 1)))


def add(session: Session, actor: Actor, *, kind: str, value: str, list_name: str, reason: str,
        expires: date | None = None, source: str = "manual",
        cipher: DataCipher | None = None) -> EntryView:
    """Lists one value (its keyed hash and mask). Refused: a value already live on either
    list (on the other one it would contradict it), an empty reason, a past expiry."""
    require(actor, Action.LIST_CHANGE)
    _choice(list_name, LISTS, translate("Lists", "The list"))
    normal = normalise(kind, value)
    key = value_key(cipher or load_cipher(session), kind, normal)
    view = add_keyed(session, actor, kind=kind, key=key, mask=masked(kind, normal),
                     list_name=list_name,
                     reason=reason, expires_at=expiry_instant(session, day=expires), source=source)
    assert view is not None  # without skip_listed a listed value is refused, not skipped
    return view


def add_keyed(session: Session, actor: Actor, *, kind: str, key: str, mask: str,
              list_name: str, reason: str, source: str = "manual",
              expires_at: datetime | None = None, authority: Action = Action.LIST_CHANGE,
              skip_listed: bool = False) -> EntryView | None:
    """Lists a value known only by its keyed hash ``key`` (as the applications and the
    fraud-ring links carry it) and its mask ``mask``, audited as ``list.add``: for a caller
    that never holds the plain value.

    ``authority`` is the permission that lets ``actor`` list it: listing is compliance's
    (``LIST_CHANGE``), but a fraud ring's keys go on the blacklist on the authority of the
    ring's four-eyes confirmation (``CASE_CHECK``). ``skip_listed``: a value already live on
    either list is left as it is (None) instead of refused."""
    require(actor, authority)
    _choice(list_name, LISTS, translate("Lists", "The list"))
    _choice(kind, KINDS, translate("Lists", "The kind"))
    hash_unhashed(session)
    if skip_listed and _live(session, kind, key):
        return None
    now = utcnow(session)
    entry = _new_entry(session, actor, kind, key, mask[:32], list_name=list_name,
                       reason=reason, expires_at=expires_at, source=source, now=now)
    audit.append(session, actor, action="list.add", entity_type="list_entry",
                 entity_id=entry.id or 0, after={
        "list": list_name, "kind": kind, "value": entry.masked, "reason": entry.reason,
        "source": entry.source,
        "expires_at": entry.expires_at.isoformat() if entry.expires_at else None})
    return _view(entry, now)


def _new_entry(session: Session, actor: Actor, kind: str, key: str, mask: str, *,
               list_name: str, reason: str, expires_at: datetime | None, source: str,
               now: datetime) -> ListEntry:
    """The row (reason's personal data kept apart), after the checks one value and a bulk
    load share."""
    if not reason.strip():
        raise InvalidInput(translate("Lists", "Give the reason for listing the value."))
    if expires_at is not None and expires_at <= now:
        raise InvalidInput(translate("Lists", "The expiry date has passed."))
    for other in _live(session, kind, key):
        raise InvalidInput(translate("Lists", "{value} is already on the {list} (entry {id}).")
                           .format(value=mask, list=translate("Lists", LIST_NAMES.get(
                               other.list_name, other.list_name)), id=other.id))
    cleaned = free_text.scan(reason.strip())
    entry = ListEntry(list_name=list_name, kind=kind, value_key=key, masked=mask,
                      reason=cleaned.fit(500), source=source.strip()[:128] or "manual",
                      expires_at=expires_at, added_by=actor.username, added_at=now)
    session.add(entry)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="list_entry", entity_id=entry.id or 0,
                   field="reason")
    return entry


def _entry(session: Session, entry_id: int) -> ListEntry:
    entry = session.get(ListEntry, entry_id)
    if entry is None:
        raise NotFound(translate("Lists", "There is no list entry {id}.").format(id=entry_id))
    return entry


def request_removal(session: Session, actor: Actor, *, entry_id: int, reason: str) -> EntryView:
    """The first of the two steps: the entry keeps matching until a second user approves."""
    require(actor, Action.LIST_CHANGE)
    entry = _entry(session, entry_id)
    if entry.live is None:
        raise InvalidInput(translate("Lists", "Entry {id} was removed already.").format(
            id=entry_id))
    if entry.removal_requested_by:
        raise InvalidInput(translate("Lists", "The removal of entry {id} already waits for "
                                     "approval (asked by {user}).").format(
            id=entry_id, user=entry.removal_requested_by))
    if not reason.strip():
        raise InvalidInput(translate("Lists", "Give the reason for removing the entry."))
    cleaned = free_text.scan(reason.strip())
    now = utcnow(session)
    entry.removal_requested_by, entry.removal_requested_at = actor.username, now
    entry.removal_reason = cleaned.fit(500)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="list_entry", entity_id=entry.id or 0,
                   field="removal_reason")
    audit.append(session, actor, action="list.remove.request", entity_type="list_entry",
                 entity_id=entry.id or 0,
                 after={"list": entry.list_name, "kind": entry.kind, "value": entry.masked,
                        "reason": entry.removal_reason})
    return _view(entry, now)


def approve_removal(session: Session, actor: Actor, *, entry_id: int) -> EntryView:
    """The second step, by another user: the entry stops matching now (kept, marked
    removed)."""
    require(actor, Action.LIST_APPROVE)
    entry = _entry(session, entry_id)
    if entry.live is None:
        raise InvalidInput(translate("Lists", "Entry {id} was removed already.").format(
            id=entry_id))
    if not entry.removal_requested_by:
        raise InvalidInput(translate("Lists", "Nobody asked to remove entry {id}: ask first "
                                     "(riskdesk lists remove).").format(id=entry_id))
    if entry.removal_requested_by == actor.username:
        raise PermissionDenied(translate("Lists", "{user} asked for this removal: a second "
                                         "user approves it.").format(user=actor.username))
    now = utcnow(session)
    entry.live, entry.removed_by, entry.removed_at = None, actor.username, now
    session.flush()
    audit.append(session, actor, action="list.remove.approve", entity_type="list_entry",
                 entity_id=entry.id or 0,
                 before={"requested_by": entry.removal_requested_by},
                 after={"list": entry.list_name, "kind": entry.kind, "value": entry.masked,
                        "reason": entry.removal_reason})
    return _view(entry, now)


def search_keys(cipher: DataCipher, text: str, kind: str | None = None) -> dict[str, str]:
    """The keyed hash of a typed value under each kind it can be (a phone's 11 digits are
    also a device ID); nothing typed is kept."""
    out: dict[str, str] = {}
    for k in (kind,) if kind else KINDS:
        try:
            out[k] = value_key(cipher, k, normalise(k, text))
        except InvalidInput:
            continue
    return out


def show(session: Session, actor: Actor, *, kind: str | None = None,
         list_name: str | None = None, value: str | None = None,
         include_removed: bool = False, limit: int = 5000) -> list[EntryView]:
    """Entries newest first; ``value`` is hashed on the fly and matched on the hashes."""
    require(actor, Action.LIST_VIEW)
    q = select(ListEntry).order_by(col(ListEntry.id).desc()).limit(limit)
    if kind:
        q = q.where(col(ListEntry.kind) == _choice(kind, KINDS, translate("Lists", "The kind")))
    if list_name:
        q = q.where(col(ListEntry.list_name) == _choice(list_name, LISTS,
                                                          translate("Lists", "The list")))
    if not include_removed:
        q = q.where(col(ListEntry.live) == 1)
    if value and value.strip():
        keys = search_keys(load_cipher(session), value, kind)
        if not keys:
            return []
        q = q.where(or_(*(and_(col(ListEntry.kind) == k, col(ListEntry.value_key) == h)
                          for k, h in keys.items())))
    now = utcnow(session)
    return [_view(e, now) for e in session.scalars(q)]


def hash_unhashed(session: Session) -> int:
    """Device entries migration 0017 moved over as typed get their keyed hash and mask (the
    migration had no data key); returns how many. Cheap when there are none."""
    rows = list(session.scalars(select(ListEntry).where(col(ListEntry.source) == UNHASHED)))
    if not rows:
        return 0
    cipher = load_cipher(session)
    for e in rows:
        normal = e.value_key.strip()
        e.value_key, e.masked, e.source = value_key(cipher, e.kind, normal), \
            masked(e.kind, normal), "manual"
    session.flush()
    return len(rows)


def _in_force(at: datetime) -> list[ColumnElement[bool]]:
    t = table_of(ListEntry).c
    return [t.live == 1, or_(t.expires_at.is_(None), t.expires_at > at)]


def rule_lists(conn: Connection, *, at: datetime) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The blacklist and the allowlist in force at ``at``: frames of (id, kind, value_key).
    A removal still waiting for approval keeps its entry in force; an expired one is out."""
    import pandas as pd

    t = table_of(ListEntry).c
    rows = conn.execute(select(t.id, t.list_name, t.kind, t.value_key).where(*_in_force(at)))
    frame = pd.DataFrame(rows.fetchall(), columns=["id", "list_name", "kind", "value_key"])
    black = frame[frame["list_name"] == "black"].drop(columns="list_name")
    allow = frame[frame["list_name"] == "allow"].drop(columns="list_name")
    return black.reset_index(drop=True), allow.reset_index(drop=True)


def listed_keys(kind: str, list_name: str = "black") -> ScalarSelect[Any]:
    """A subquery of the hashes live on a list (expiry left to :func:`rule_lists`): lets a
    query read a column only where it can matter."""
    t = table_of(ListEntry).c
    return select(t.value_key).where(t.kind == kind, t.list_name == list_name,
                                     t.live == 1).scalar_subquery()


def allowlisted(session: Session, *, kind: str, key_hashes: Iterable[str],
                at: datetime) -> set[str]:
    """Which of ``key_hashes`` (keyed hashes of ``kind``, as the applications carry them;
    devices through :func:`device_keys`) the allowlist covers at ``at``."""
    keys = sorted(set(key_hashes))
    out: set[str] = set()
    t = table_of(ListEntry).c
    for start in range(0, len(keys), 900):
        out.update(session.execute(select(t.value_key).where(
            t.list_name == "allow", t.kind == kind, t.value_key.in_(keys[start:start + 900]),
            *_in_force(at))).scalars())
    return out


def is_allowlisted(session: Session, *, kind: str, key_hash: str, at: datetime) -> bool:
    """Whether the allowlist covers one keyed hash at ``at`` (for the fraud-ring links)."""
    return bool(allowlisted(session, kind=kind, key_hashes=[key_hash], at=at))


def device_keys(cipher: DataCipher, device_ids: Iterable[str]) -> list[str]:
    """The keyed hashes of device IDs as applications carry them (plain), for matching the
    lists' device entries."""
    return cipher.digest_many("device", [str(d) for d in device_ids])


def add_device_keys(session: Session, *, frame: pd.DataFrame) -> None:
    """Gives ``frame`` (applications with ``device_id``) a ``device_hash`` column when a list
    holds devices: each distinct device hashed once, none when no list names a device."""
    hash_unhashed(session)
    t = table_of(ListEntry).c
    if session.execute(select(t.id).where(t.kind == "device", t.live == 1).limit(1)).first() \
            is None or "device_id" not in frame:
        return
    devices = frame["device_id"].dropna().astype(str).unique().tolist()
    keys = dict(zip(devices, device_keys(load_cipher(session), devices), strict=True))
    frame["device_hash"] = frame["device_id"].map(keys)


def log_silenced(session: Session, actor: Actor, *, silenced: pd.DataFrame,
                 run_id: int | None = None) -> int:
    """One audit event per application a shared-key rule would have flagged but for the
    allowlist: which rule, which kind and which entry (no value)."""
    if silenced.empty:
        return 0
    items: list[tuple[str | int, dict[str, object]]] = [
        (int(a), {"code": str(c), "kind": str(k), "entry": int(e), "run": run_id})
        for a, c, k, e in zip(*(silenced[n].tolist() for n in (
            "application_id", "code", "kind", "entry_id")), strict=True)]
    return audit.append_many(session, actor, action="list.allow.silenced",
                             entity_type="application", items=items)
