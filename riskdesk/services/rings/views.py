"""What officers read of the rings: the list, one ring with its members, and its graph.

Plain dataclasses, personal data masked (names through ``mask_name``, ID numbers as stored
masked, keys by their masked forms). Reading rings is ``Action.RING_VIEW``'s: officers and
above, and the compliance and audit staff who review cases.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.enums import DecisionOutcome
from riskdesk.domain.rings import (
    LIVE_STATUSES,
    CaseApplication,
    FraudRing,
    LinkEdge,
    LinkKey,
    RingMember,
)
from riskdesk.domain.rings import ring_code as code_of
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.errors import InvalidInput, NotFound
from riskdesk.i18n import translate
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, allowed, require

CODE = re.compile(r"(?i)RING-?(\d{1,9})")


@dataclass(frozen=True)
class RingRow:
    id: int
    code: str
    applicants: int
    applications: int
    keys: int
    amount: float
    status: str
    case_id: int | None


@dataclass(frozen=True)
class MemberApp:
    application_id: int
    application_no: str
    applicant_id: int
    submitted_at: datetime
    amount: float
    flagged: bool


@dataclass(frozen=True)
class Node:
    """An applicant (``kind`` "applicant") or a key (device, phone, card, employer)."""
    id: str
    kind: str
    label: str
    flagged: bool = False
    applications: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    applicant: str
    key: str
    via: str
    first_seen: datetime
    last_seen: datetime
    applications: tuple[str, ...]


@dataclass(frozen=True)
class RingDetail:
    ring: RingRow
    metrics: dict[str, Any]
    members: list[MemberApp] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def _row(r: FraudRing) -> RingRow:
    return RingRow(r.id or 0, code_of(r.id or 0), r.applicants, r.applications, r.keys,
                   float(r.amount), r.status, r.case_id)


def list_rings(session: Session, actor: Actor, *, min_size: int = 4) -> list[RingRow]:
    """Rings of at least ``min_size`` applicants, newest first (merged ones left out)."""
    require(actor, Action.RING_VIEW)
    q = (select(FraudRing).where(col(FraudRing.applicants) >= min_size,
                                 col(FraudRing.status) != "merged")
         .order_by(col(FraudRing.id).desc()))
    return [_row(r) for r in session.execute(q).scalars()]


def parse_code(text: str) -> int:
    m = CODE.fullmatch(text.strip())
    if not m:
        raise InvalidInput(translate("Rings", "A ring ID looks like RING-000123, not {text}.")
                           .format(text=text.strip()[:40]))
    return int(m.group(1))


def ring_of_case(session: Session, actor: Actor, *, case_id: int) -> int | None:
    """The ring a case is about: the ring's own case, or a case on an application whose
    applicant is in a live ring; None also for a role that may not read rings (the case
    window asks for every case)."""
    if not allowed(actor, Action.RING_VIEW):
        return None
    own = session.execute(select(col(FraudRing.id)).where(
        col(FraudRing.case_id) == case_id)).first()
    if own:
        return int(own[0])
    from riskdesk.domain.cases import Case

    q = (select(col(FraudRing.id))
         .join(RingMember, col(RingMember.ring_id) == col(FraudRing.id))
         .join(Application, col(Application.applicant_id) == col(RingMember.applicant_id))
         .join(Case, col(Case.application_id) == col(Application.id))
         .where(col(Case.id) == case_id, col(FraudRing.status).in_(LIVE_STATUSES))
         .order_by(col(FraudRing.id)))
    found = session.execute(q).first()
    return int(found[0]) if found else None


def show_ring(session: Session, actor: Actor, *, ring_id: int) -> RingDetail:
    """The ring's figures, its member applications and the graph of its members and keys."""
    require(actor, Action.RING_VIEW)
    ring = session.get(FraudRing, ring_id)
    if ring is None:
        raise NotFound(translate("Rings", "There is no ring {code}.").format(
            code=code_of(ring_id)))
    members = _members(session, ring)
    nodes, edges = _graph(session, ring, members)
    return RingDetail(_row(ring), json.loads(ring.metrics or "{}"), members, nodes, edges)


def _members(session: Session, ring: FraudRing) -> list[MemberApp]:
    q = (select(col(Application.id), col(Application.application_no),
                col(Application.applicant_id), col(Application.submitted_at),
                col(Application.amount), col(DecisionRecord.outcome))
         .join(CaseApplication, col(CaseApplication.application_id) == col(Application.id))
         .outerjoin(DecisionRecord, and_(
             col(DecisionRecord.application_id) == col(Application.id),
             col(DecisionRecord.current_slot) == 1))
         .where(col(CaseApplication.case_id) == ring.case_id)
         .order_by(col(Application.application_no)))
    return [MemberApp(int(i), no, int(a), at, float(amount),
                      outcome == DecisionOutcome.FLAGGED.value)
            for i, no, a, at, amount, outcome in session.execute(q)]


def _graph(session: Session, ring: FraudRing, members: list[MemberApp],
           ) -> tuple[list[Node], list[Edge]]:
    """Applicants and the keys at least two of them share (with the edges' first and last
    seen times and applications); a key only one member carries is left off the picture."""
    apps = {m.application_id: m for m in members}
    people = session.execute(
        select(col(Applicant.id), col(Applicant.name), col(Applicant.id_no_masked))
        .join(RingMember, col(RingMember.applicant_id) == col(Applicant.id))
        .where(col(RingMember.ring_id) == ring.id)).all()
    rows = session.execute(
        select(col(LinkEdge.applicant_id), col(LinkEdge.key_id), col(LinkEdge.via),
               col(LinkEdge.application_id), col(LinkEdge.seen_at), col(LinkKey.kind),
               col(LinkKey.masked))
        .join(LinkKey, col(LinkKey.id) == col(LinkEdge.key_id))
        .where(col(LinkEdge.application_id).in_(list(apps) or [0]))).all()
    holders: dict[int, set[int]] = {}
    for a, k, *_ in rows:
        holders.setdefault(int(k), set()).add(int(a))
    shared = {k for k, v in holders.items() if len(v) > 1}
    nodes = []
    for pid, name, id_masked in people:
        mine = [m for m in members if m.applicant_id == pid]
        nodes.append(Node(f"a{pid}", "applicant", f"{mask_name(name)} {id_masked}",
                          any(m.flagged for m in mine),
                          tuple(m.application_no for m in mine)))
    grouped: dict[tuple[int, int, str], list[tuple[datetime, str]]] = {}
    keys: dict[int, Node] = {}
    for a, k, via, app_id, seen, kind, masked in rows:
        if int(k) not in shared:
            continue
        keys.setdefault(int(k), Node(f"k{k}", kind, masked))
        grouped.setdefault((int(a), int(k), via), []).append((seen, apps[int(app_id)]
                                                              .application_no))
    edges = [Edge(f"a{a}", f"k{k}", via, min(t for t, _ in v), max(t for t, _ in v),
                  tuple(sorted(n for _, n in v))) for (a, k, via), v in sorted(grouped.items())]
    return nodes + [keys[k] for k in sorted(keys)], edges


def ring_counts(session: Session, *, start: datetime, end: datetime) -> dict[str, int]:
    """Rings found, confirmed and closed between ``start`` and ``end`` (the monthly report)."""
    def count(*where: Any) -> int:
        return int(session.execute(select(func.count()).select_from(FraudRing)
                                   .where(*where)).scalar_one())
    found = count(col(FraudRing.created_at) >= start, col(FraudRing.created_at) < end)
    confirmed = count(col(FraudRing.status) == "confirmed", col(FraudRing.updated_at) >= start,
                      col(FraudRing.updated_at) < end)
    closed = count(col(FraudRing.status) == "closed", col(FraudRing.updated_at) >= start,
                   col(FraudRing.updated_at) < end)
    return {"found": found, "confirmed": confirmed, "closed": closed}


def ring_for_report(session: Session, actor: Actor, *, case_id: int) -> RingDetail | None:
    """The ring whose own case this is, for its audit report (None for any other case)."""
    own = session.execute(select(col(FraudRing.id)).where(
        col(FraudRing.case_id) == case_id)).first()
    return show_ring(session, actor, ring_id=int(own[0])) if own else None
