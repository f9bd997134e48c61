"""Closing a ring as confirmed fraud: blacklist its keys and decline its open applications in
one audited, signed, four-eyes action (issue 33).

An officer proposes (``ring.confirm.propose``, signed): the ring waits for a check, the
proposal (whether to blacklist, whether to decline) kept with the ring. A senior officer other
than the proposer confirms (``ring.confirm``, signed) or sends it back
(``ring.confirm.send_back``, signed). Confirming, in one transaction: the ring's shared
devices, phones and cards go on the managed blacklist (by their keyed hashes, never a plain
value); every member application whose pre-loan case is still open is declined, its case
decided with maker and checker, and each decline is a record in the decision feed
(``source="ring"``); the ring is confirmed and its own case closed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CLOSED_STATUSES, CaseKind, CaseStatus
from riskdesk.domain.rings import CaseApplication, FraudRing, ring_code
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.feed.records import FinalDecision, record_final
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.services.privacy import free_text
from riskdesk.services.rings.views import show_ring
from riskdesk.storage.clock import utcnow

LISTABLE = ("device", "phone", "card")  # the key kinds the managed lists hold


@dataclass(frozen=True)
class Confirmed:
    ring: str
    blacklisted: int
    declined: list[str]


@dataclass(frozen=True)
class Closing:
    """A ring's own case as its close by "confirmed fraud" stands, for the case window: the
    ring, what confirming would touch, and the proposal waiting for a check (if any)."""
    ring_id: int
    code: str
    status: str  # open, awaiting_check, confirmed, closed, expired, merged
    keys: int  # its shared devices, phones and cards (what the blacklist would take)
    open_applications: int  # member applications whose pre-loan case is open
    maker_id: int | None = None
    maker: str = ""
    blacklist: bool = True
    decline: bool = True
    reason: str = ""


def closing_state(session: Session, actor: Actor, *, case_id: int) -> Closing | None:
    """The ring whose own case ``case_id`` is, as its close stands; None for any other case
    and for a role that may not read rings (the case window asks for every case)."""
    if not allowed(actor, Action.RING_VIEW):
        return None
    ring = session.execute(select(FraudRing).where(
        col(FraudRing.case_id) == case_id)).scalars().first()
    if ring is None or ring.id is None:
        return None
    figures = json.loads(ring.metrics or "{}")
    keys = sum(int(n) for kind, n in figures.get("keys_by_kind", {}).items()
               if kind in LISTABLE)
    members = list(session.execute(select(col(CaseApplication.application_id)).where(
        col(CaseApplication.case_id) == case_id)).scalars())
    proposal = figures.get("proposal") or {}
    return Closing(ring.id, ring_code(ring.id), ring.status, keys,
                   len(_open_cases(session, members)), proposal.get("maker_id"),
                   proposal.get("maker", ""), bool(proposal.get("blacklist", True)),
                   bool(proposal.get("decline", True)), proposal.get("reason", ""))


def _ring(session: Session, ring_id: int) -> FraudRing:
    ring = session.get(FraudRing, ring_id, with_for_update=True)
    if ring is None:
        raise NotFound(translate("Rings", "There is no ring {code}.").format(
            code=ring_code(ring_id)))
    return ring


def _reason(reason: str) -> str:
    if not reason.strip():
        raise InvalidInput(translate("Rings", "Give the reason."))
    return free_text.scan(reason.strip()).fit(2000)


def propose_confirm(session: Session, actor: Actor, *, ring_id: int, reason: str,
                    blacklist: bool = True, decline: bool = True) -> None:
    """An officer's proposal to close the ring as confirmed fraud; waits for a check."""
    require(actor, Action.CASE_WORK)
    ring = _ring(session, ring_id)
    if ring.status != "open":
        raise InvalidInput(translate("Rings", "Ring {code} is {status}, not open.").format(
            code=ring_code(ring_id), status=ring.status))
    figures = json.loads(ring.metrics or "{}")
    figures["proposal"] = {"maker_id": actor.user_id, "maker": actor.username,
                           "blacklist": blacklist, "decline": decline,
                           "reason": _reason(reason)}
    ring.metrics = json.dumps(figures, sort_keys=True, separators=(",", ":"))
    ring.status, ring.updated_at = "awaiting_check", utcnow(session)
    session.flush()
    audit.append(session, actor, action="ring.confirm.propose", entity_type="fraud_ring",
                 entity_id=ring_id,
                 after={"ring": ring_code(ring_id), **figures["proposal"]})


def check_confirm(session: Session, actor: Actor, *, ring_id: int, confirm: bool,
                  reason: str = "") -> Confirmed | None:
    """A second person's word on the proposal: confirmed (the keys blacklisted, the open
    applications declined, the ring and its case closed) or sent back to open."""
    require(actor, Action.CASE_CHECK)
    ring = _ring(session, ring_id)
    figures = json.loads(ring.metrics or "{}")
    proposal = figures.get("proposal")
    if ring.status != "awaiting_check" or not proposal:
        raise InvalidInput(translate("Rings", "Ring {code} has no proposal to check.").format(
            code=ring_code(ring_id)))
    if proposal["maker_id"] == actor.user_id:
        raise PermissionDenied(translate("Rings", "The proposal needs a second person: you "
                                         "made it."))
    now = utcnow(session)
    code = ring_code(ring_id)
    if not confirm:
        figures.pop("proposal")
        ring.metrics = json.dumps(figures, sort_keys=True, separators=(",", ":"))
        ring.status, ring.updated_at = "open", now
        session.flush()
        audit.append(session, actor, action="ring.confirm.send_back", entity_type="fraud_ring",
                     entity_id=ring_id,
                     after={"ring": code, "reason": _reason(reason)})
        return None
    detail = show_ring(session, actor, ring_id=ring_id)
    listed = _blacklist(session, actor, detail, code) if proposal["blacklist"] else 0
    cases = _open_cases(session, [m.application_id for m in detail.members]) \
        if proposal["decline"] else []
    declined = [no for _, no, _ in cases]
    ring.status, ring.updated_at = "confirmed", now
    session.flush()
    event = audit.append(session, actor, action="ring.confirm", entity_type="fraud_ring",
                         entity_id=ring_id, after={
        "ring": code, "maker": proposal["maker"], "checker": actor.username,
        "blacklisted": listed, "declined": declined, "reason": proposal["reason"]})
    for case, _, _ in cases:
        _decide(case, proposal, actor, now)
    own = session.get(Case, ring.case_id) if ring.case_id else None
    if own is not None and own.status not in CLOSED_STATUSES:
        _decide(own, proposal, actor, now, status=CaseStatus.CLOSED.value)
    session.flush()
    record_final(session, decisions=[FinalDecision(
        source="ring", source_id=case.id or 0, decision="decline", final_at=now,
        application_no=no, rule_codes=flags, decided_by=proposal["maker"],
        checked_by=actor.username, audit_seq=event.seq, signature=event.signature)
        for case, no, flags in cases])
    return Confirmed(code, listed, declined)


def _blacklist(session: Session, actor: Actor, detail: Any, code: str) -> int:
    """The ring's shared devices, phones and cards on the managed blacklist by keyed hash,
    on the authority of the four-eyes confirmation (one already on a list is left as it is)."""
    from riskdesk.domain.rings import LinkKey
    from riskdesk.services.lists import entries

    n = 0
    for node in detail.nodes:
        if node.kind not in LISTABLE:
            continue
        key = session.get(LinkKey, int(node.id[1:]))
        if key is not None and entries.add_keyed(
                session, actor, kind=key.kind, key=key.key_hash, mask=key.masked,
                list_name="black",
                reason=translate("Rings", "fraud ring {code} confirmed").format(code=code),
                source=code, authority=Action.CASE_CHECK, skip_listed=True) is not None:
            n += 1
    return n


def _open_cases(session: Session, application_ids: list[int]) -> list[tuple[Case, str, str]]:
    """The open pre-loan cases of the ring's applications: (case, application no., flags)."""
    if not application_ids:
        return []
    rows = session.execute(
        select(Case, col(Application.application_no))
        .join(Application, col(Application.id) == col(Case.application_id))
        .where(col(Case.application_id).in_(application_ids),
               col(Case.kind) == CaseKind.PRE_LOAN.value,
               col(Case.status).not_in(CLOSED_STATUSES))
        .order_by(col(Application.application_no))).all()
    return [(case, str(no), case.flags) for case, no in rows]


def _decide(case: Case, proposal: dict[str, Any], actor: Actor, now: Any,
            status: str = CaseStatus.DECIDED.value) -> None:
    case.status, case.is_open, case.decision = status, False, "decline"
    case.reason = proposal["reason"][:2000]
    case.decided_by_id, case.checked_by_id = proposal["maker_id"], actor.user_id
    case.updated_at, case.version = now, case.version + 1
