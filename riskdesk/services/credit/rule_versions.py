"""Every rule-set and policy version kept, listed and compared (issue 30): what the "Rules and
policy" tab and ``riskdesk rules versions`` / ``rules diff`` show. Reads only."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.proposals import RuleProposal
from riskdesk.domain.rules import RuleSet, RuleSetting
from riskdesk.domain.scoring import PolicyVersion
from riskdesk.i18n import translate
from riskdesk.rules.catalog import rule_name, source_text
from riskdesk.services.actor import Actor
from riskdesk.services.credit import proposals
from riskdesk.services.credit.rulesets import POLICY_FIELDS, current_policy, current_rule_set
from riskdesk.storage.clock import utcnow

RULES, POLICY = "rules", "policy"


@dataclass(frozen=True)
class VersionRow:
    kind: str  # rules / policy
    id: int
    effective_from: datetime
    created_by: str
    approved_by: str | None  # None: the defaults, or written before proposals existed
    proposal_id: int | None
    note: str
    state: str  # in_force / coming / past


@dataclass(frozen=True)
class DiffRow:
    item: str  # a rule code or a policy setting
    field: str  # severity / enabled / hard_stop / a parameter; "" for a policy setting
    a: Any
    b: Any


@dataclass(frozen=True)
class RuleRow:
    code: str
    name: str
    severity: str
    enabled: bool
    hard_stop: bool
    params: dict[str, Any]
    source: str


@dataclass(frozen=True)
class RulesOverview:
    """The tab's page: the rules and the policy in force and the proposals."""

    rule_set_id: int
    policy_version_id: int
    rules: list[RuleRow]
    policy: dict[str, Any]
    proposals: list[proposals.ProposalView]
    may_propose: bool
    may_approve: bool


def overview(session: Session, actor: Actor) -> RulesOverview:
    from riskdesk.services.permissions import Action, allowed

    rs, settings = current_rule_set(session, actor)
    pv = current_policy(session, actor)
    sources = {r.code: r.source for r in session.exec(
        select(RuleSetting).where(col(RuleSetting.rule_set_id) == rs.id))}
    rows = [RuleRow(code, rule_name(code), s.severity, s.enabled, s.hard_stop, dict(s.params),
                    source_text(sources.get(code, ""))) for code, s in settings.items()]
    return RulesOverview(rs.id or 0, pv.id or 0, rows,
                         {k: getattr(pv, k) for k in POLICY_FIELDS},
                         proposals.list_proposals(session, actor),
                         proposals.may_propose(actor), allowed(actor, Action.RULE_APPROVE))


def versions(session: Session, actor: Actor) -> list[VersionRow]:
    """Both kinds, newest first, each with its approver where a proposal wrote it."""
    now = utcnow(session)
    by_rules: dict[int, RuleProposal] = {}
    by_policy: dict[int, RuleProposal] = {}
    for done in session.exec(select(RuleProposal).where(col(RuleProposal.status)
                                                        == proposals.APPROVED)):
        if done.rule_set_id:
            by_rules[done.rule_set_id] = done
        if done.policy_version_id:
            by_policy[done.policy_version_id] = done
    out: list[VersionRow] = []
    rule_sets = session.exec(select(RuleSet).order_by(col(RuleSet.effective_from).desc(),
                                                      col(RuleSet.id).desc())).all()
    policies = session.exec(select(PolicyVersion).order_by(
        col(PolicyVersion.effective_from).desc(), col(PolicyVersion.id).desc())).all()
    for kind, rows, approved in ((RULES, [(r.id or 0, r.effective_from, r.created_by, r.note)
                                          for r in rule_sets], by_rules),
                                 (POLICY, [(r.id or 0, r.effective_from, r.created_by, r.note)
                                           for r in policies], by_policy)):
        in_force = next((i for i, at, _, _ in rows if at <= now), None)
        for i, at, by, note in rows:
            p = approved.get(i)
            state = "in_force" if i == in_force else ("coming" if at > now else "past")
            out.append(VersionRow(kind, i, at, by, p.decided_by if p else None,
                                  p.id if p else None, note, state))
    return out


def diff(session: Session, actor: Actor, *, a: int, b: int, kind: str = RULES) -> list[DiffRow]:
    """What differs between versions ``a`` and ``b`` of the rules (or the policy)."""
    if kind == POLICY:
        pa = proposals.policy_of(session, policy_version_id=a)
        pb = proposals.policy_of(session, policy_version_id=b)
        return [DiffRow(k, "", getattr(pa, k), getattr(pb, k)) for k in POLICY_FIELDS
                if getattr(pa, k) != getattr(pb, k)]
    sa = proposals.rule_set_of(session, rule_set_id=a)
    sb = proposals.rule_set_of(session, rule_set_id=b)
    out = []
    for code in sorted(set(sa) | set(sb)):
        x, y = sa.get(code), sb.get(code)
        if x is None or y is None:
            out.append(DiffRow(code, "", translate("Rules", "absent") if x is None else "",
                               translate("Rules", "absent") if y is None else ""))
            continue
        out += [DiffRow(code, f, getattr(x, f), getattr(y, f)) for f in proposals.RULE_FIELDS
                if getattr(x, f) != getattr(y, f)]
        out += [DiffRow(code, k, x.params.get(k), y.params.get(k))
                for k in sorted(set(x.params) | set(y.params))
                if x.params.get(k) != y.params.get(k)]
    return out


def shown(value: Any) -> str:
    """A setting's value as text: numbers and lists as JSON, true/false as words."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
