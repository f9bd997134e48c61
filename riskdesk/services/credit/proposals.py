"""Rule and policy changes with four-eyes (issue 30): compliance proposes (what, why, effective
from), a second person (compliance or a senior officer, never the proposer) approves with a
signature, and only that approval writes the new rule-set and policy versions.

A proposal holds only what it changes. It is made against the latest versions (the ones in
force, or written to come in force later) and its approval refuses when another approval has
written a newer version of what it touches since: the proposer looks again and re-proposes,
so no change is ever merged over another unseen. Restoring an old version is a proposal of
the differences back to it, approved the same way.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.proposals import RuleProposal
from riskdesk.domain.rules import RuleSet
from riskdesk.domain.scoring import PolicyVersion
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.rules.catalog import Setting
from riskdesk.services import periods
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit import rulesets
from riskdesk.services.credit.registry import canonical_json
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow

PROPOSED, APPROVED, REJECTED, WITHDRAWN = "proposed", "approved", "rejected", "withdrawn"
RULE_FIELDS = ("severity", "enabled", "hard_stop")  # besides the rule's own parameters


@dataclass(frozen=True)
class ProposalView:
    """A proposal as the tab and the command line show it."""

    id: int
    status: str
    changes: dict[str, Any]
    summary: list[str]
    why: str
    effective_from: datetime | None
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str
    rule_set_id: int | None
    policy_version_id: int | None


def parse_value(text: str) -> Any:
    """A typed value: JSON where it reads as JSON (numbers, true/false, lists), else the text
    itself (``high``), so ``--set AGE_MISMATCH.severity=medium`` needs no quotes."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text.strip()


def parse_changes(rule_items: list[str], policy_items: list[str]) -> dict[str, Any]:
    """``CODE.PARAM=VALUE`` (PARAM a parameter, or severity / enabled / hard_stop) and
    ``NAME=VALUE`` (a policy setting) as a proposal's changes; a malformed item is refused
    naming it."""
    rules: dict[str, dict[str, Any]] = {}
    for item in rule_items:
        target, eq, value = item.partition("=")
        code, dot, name = target.strip().partition(".")
        if not (eq and dot and code and name):
            raise InvalidInput(translate("Rules", "{item}: write CODE.PARAMETER=VALUE, for "
                                         "example SHARED_DEVICE.min_applicants=10.")
                               .format(item=item))
        entry = rules.setdefault(code.upper(), {})
        if name in RULE_FIELDS:
            entry[name] = parse_value(value)
        else:
            entry.setdefault("params", {})[name] = parse_value(value)
    policy: dict[str, Any] = {}
    for item in policy_items:
        name, eq, value = item.partition("=")
        if not (eq and name.strip()):
            raise InvalidInput(translate("Rules", "{item}: write NAME=VALUE, for example "
                                         "approve_below=0.06.").format(item=item))
        policy[name.strip()] = parse_value(value)
    return {k: v for k, v in (("rules", rules), ("policy", policy)) if v}


def latest_rule_set(session: Session, actor: Actor) -> tuple[RuleSet, dict[str, Setting]]:
    """The newest rule-set version, in force or coming in force: what a proposal changes."""
    rulesets.current_rule_set(session, actor)  # the defaults become version 1 if need be
    rs = session.exec(select(RuleSet).order_by(col(RuleSet.effective_from).desc(),
                                               col(RuleSet.id).desc())).first()
    assert rs is not None
    return rs, rulesets.settings_of(session, rule_set_id=rs.id or 0)


def latest_policy(session: Session, actor: Actor) -> PolicyVersion:
    rulesets.current_policy(session, actor)
    pv = session.exec(select(PolicyVersion).order_by(col(PolicyVersion.effective_from).desc(),
                                                     col(PolicyVersion.id).desc())).first()
    assert pv is not None
    return pv


def apply_changes(settings: dict[str, Setting], policy: PolicyVersion,
                  changes: dict[str, Any]) -> tuple[dict[str, Setting], dict[str, Any]]:
    """The rule settings and policy values with ``changes`` applied, checked as a direct
    change would be (unknown rule or parameter, wrong kind of value, bands out of order)."""
    new = dict(settings)
    for code, entry in (changes.get("rules") or {}).items():
        unknown = sorted(set(entry) - {"params", *RULE_FIELDS})
        if unknown:
            raise InvalidInput(translate("Rules", "Rule {code}: {field} cannot be changed.")
                               .format(code=code, field=unknown[0]))
        for flag in ("enabled", "hard_stop"):
            if flag in entry and not isinstance(entry[flag], bool):
                raise InvalidInput(translate("Rules", "Rule {code}: {field} is true or false.")
                                   .format(code=code, field=flag))
        new[code] = rulesets.changed_setting(
            new, code, enabled=entry.get("enabled"), severity=entry.get("severity"),
            params=entry.get("params"), hard_stop=entry.get("hard_stop"))
    values = rulesets.checked_policy(policy, dict(changes.get("policy") or {}))
    return new, values


def summary(changes: dict[str, Any]) -> list[str]:
    """One line per changed value: ``SHARED_DEVICE.min_applicants = 10``."""
    lines = []
    for code, entry in sorted((changes.get("rules") or {}).items()):
        for name, value in sorted((entry.get("params") or {}).items()):
            lines.append(f"{code}.{name} = {json.dumps(value, ensure_ascii=False)}")
        lines += [f"{code}.{name} = {json.dumps(entry[name])}" for name in RULE_FIELDS
                  if name in entry]
    lines += [f"{name} = {json.dumps(value)}"
              for name, value in sorted((changes.get("policy") or {}).items())]
    restores = changes.get("restores") or {}
    if restores:
        lines.append(translate("Rules", "(restores {what})").format(what=", ".join(
            f"{k} {v}" for k, v in sorted(restores.items()))))
    return lines


def propose(session: Session, actor: Actor, *, changes: dict[str, Any], why: str,
            effective_on: date | None = None) -> RuleProposal:
    """Records the proposal; nothing takes effect until a second person approves it.
    ``effective_on``: the local day (the bank's time zone) from which it applies, at the
    earliest the approval's moment."""
    if changes.get("rules"):
        require(actor, Action.RULE_CHANGE)
    if changes.get("policy"):
        require(actor, Action.POLICY_CHANGE)
    if not changes.get("rules") and not changes.get("policy"):
        require(actor, Action.RULE_CHANGE)
        raise InvalidInput(translate("Rules", "The proposal changes nothing: give at least one "
                                     "rule or policy value."))
    if not why.strip():
        raise InvalidInput(translate("Rules", "Say why the change is proposed (--why)."))
    rs, settings = latest_rule_set(session, actor)
    pv = latest_policy(session, actor)
    new, values = apply_changes(settings, pv, changes)
    if new == settings and all(values[k] == getattr(pv, k) for k in rulesets.POLICY_FIELDS):
        raise InvalidInput(translate("Rules", "The proposal changes nothing: every value is "
                                     "already as proposed."))
    when = None if effective_on is None else periods.utc_of(
        effective_on, periods.business_zone(session))
    cleaned = free_text.scan(why)  # personal data typed into the reason kept apart (issue 25)
    row = RuleProposal(status=PROPOSED, changes=canonical_json(changes), why=cleaned.fit(500),
                       effective_from=when, base_rule_set_id=rs.id or 0,
                       base_policy_version_id=pv.id or 0, proposed_by=actor.username,
                       proposed_at=utcnow(session))
    session.add(row)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="rule_proposal", entity_id=row.id or 0,
                   field="why")
    audit.append(session, actor, action="rules.propose", entity_type="rule_proposal",
                 entity_id=row.id or 0,
                 after={"changes": changes, "why": row.why,
                        "effective_from": when.isoformat() if when else None})
    return row


def propose_restore(session: Session, actor: Actor, *, rule_set_id: int | None = None,
                    policy_version_id: int | None = None, why: str,
                    effective_on: date | None = None) -> RuleProposal:
    """A proposal that brings back an earlier rule-set and/or policy version: the differences
    from the latest versions to it, approved like any other change."""
    changes: dict[str, Any] = {}
    restores: dict[str, int] = {}
    if rule_set_id is not None:
        target = rule_set_of(session, rule_set_id=rule_set_id)
        _, latest = latest_rule_set(session, actor)
        rules = {}
        for code, s in target.items():
            now = latest.get(code)
            if now is None:
                continue
            entry: dict[str, Any] = {k: getattr(s, k) for k in RULE_FIELDS
                                     if getattr(s, k) != getattr(now, k)}
            params = {k: v for k, v in s.params.items() if now.params.get(k) != v}
            if params:
                entry["params"] = params
            if entry:
                rules[code] = entry
        changes["rules"], restores["rule_set"] = rules, rule_set_id
    if policy_version_id is not None:
        old = policy_of(session, policy_version_id=policy_version_id)
        latest_pv = latest_policy(session, actor)
        changes["policy"] = {k: getattr(old, k) for k in rulesets.POLICY_FIELDS
                             if getattr(old, k) != getattr(latest_pv, k)}
        restores["policy"] = policy_version_id
    changes = {k: v for k, v in changes.items() if v}
    if changes:
        changes["restores"] = restores
    return propose(session, actor, changes=changes, why=why, effective_on=effective_on)


def _get(session: Session, proposal_id: int) -> RuleProposal:
    row = session.get(RuleProposal, proposal_id)
    if row is None:
        raise NotFound(translate("Rules", "There is no proposal {id}.").format(id=proposal_id))
    return row


def _pending(row: RuleProposal) -> None:
    if row.status != PROPOSED:
        raise InvalidInput(translate("Rules", "Proposal {id} is {status}, not awaiting a "
                                     "decision.").format(id=row.id, status=row.status))


def approve(session: Session, actor: Actor, *, proposal_id: int, note: str = "") -> RuleProposal:
    """Four-eyes: the approver is not the proposer. Writes the new versions (effective from
    the proposal's day, never before now nor before the latest version) and records the
    approval, signed, in the same transaction."""
    require(actor, Action.RULE_APPROVE)
    row = _get(session, proposal_id)
    _pending(row)
    if row.proposed_by == actor.username:
        raise PermissionDenied(translate(
            "Rules", "{user} proposed change {id} and may not also approve it (four-eyes).")
            .format(user=actor.username, id=row.id))
    changes = json.loads(row.changes)
    rs, settings = latest_rule_set(session, actor)
    pv = latest_policy(session, actor)
    stale = [what for what, touched, base, latest in (
        (translate("Rules", "rule set"), changes.get("rules"), row.base_rule_set_id, rs.id),
        (translate("Rules", "policy"), changes.get("policy"), row.base_policy_version_id, pv.id))
        if touched and base != latest]
    if stale:
        raise InvalidInput(translate(
            "Rules", "Proposal {id} was made against an older {what}: another change was "
            "approved since. Reject it and propose again from the version in force.")
            .format(id=row.id, what=stale[0]))
    new, values = apply_changes(settings, pv, changes)
    now = utcnow(session)
    when = max([now, rs.effective_from, pv.effective_from]
               + ([row.effective_from] if row.effective_from else []))
    note_text = translate("Rules", "proposal {id}: {why}").format(id=row.id, why=row.why)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {"proposal": row.id, "proposed_by": row.proposed_by,
                             "why": row.why, "effective_from": when.isoformat()}
    if changes.get("rules"):
        written = rulesets.write_rule_set(session, actor, settings=new, effective_from=when,
                                          note=note_text)
        row.rule_set_id = written.id
        codes = sorted(changes["rules"])
        before["rules"] = {c: rulesets.describe(settings[c]) for c in codes}
        after["rules"] = {c: rulesets.describe(new[c]) for c in codes}
        after["rule_set"] = written.id
    if changes.get("policy"):
        written_pv = rulesets.write_policy(session, actor, values=values, effective_from=when,
                                           note=note_text)
        row.policy_version_id = written_pv.id
        before["policy"] = {k: getattr(pv, k) for k in rulesets.POLICY_FIELDS}
        after["policy"] = values
        after["policy_version"] = written_pv.id
    row.status, row.decided_by, row.decided_at = APPROVED, actor.username, now
    row.decision_note = _kept_note(session, row, note)
    session.flush()
    audit.append(session, actor, action="rules.approve", entity_type="rule_proposal",
                 entity_id=row.id or 0,
                 before=before, after=after | {"note": row.decision_note})
    return row


def reject(session: Session, actor: Actor, *, proposal_id: int, note: str = "") -> RuleProposal:
    """A second person rejects a proposal; its proposer may withdraw it. Nothing is written
    but the decision (signed)."""
    row = _get(session, proposal_id)
    own = row.proposed_by == actor.username
    if not own:
        require(actor, Action.RULE_APPROVE)
    _pending(row)
    row.status = WITHDRAWN if own else REJECTED
    row.decided_by, row.decided_at = actor.username, utcnow(session)
    row.decision_note = _kept_note(session, row, note)
    session.flush()
    audit.append(session, actor, action="rules.reject", entity_type="rule_proposal",
                 entity_id=row.id or 0,
                 after={"status": row.status, "note": row.decision_note})
    return row


def _kept_note(session: Session, row: RuleProposal, note: str) -> str:
    cleaned = free_text.scan(note)
    free_text.keep(session, cleaned=cleaned, entity="rule_proposal", entity_id=row.id or 0,
                   field="decision_note")
    return cleaned.fit(500)


def view(row: RuleProposal) -> ProposalView:
    changes = json.loads(row.changes)
    return ProposalView(row.id or 0, row.status, changes, summary(changes), row.why,
                        row.effective_from, row.proposed_by, row.proposed_at, row.decided_by,
                        row.decided_at, row.decision_note, row.rule_set_id,
                        row.policy_version_id)


def list_proposals(session: Session, actor: Actor, *,
                   status: str | None = None) -> list[ProposalView]:
    """Newest first: what waits for a decision and what was decided."""
    q = select(RuleProposal).order_by(col(RuleProposal.id).desc())
    if status is not None:
        q = q.where(col(RuleProposal.status) == status)
    return [view(r) for r in session.exec(q).all()]


def get_proposal(session: Session, actor: Actor, *, proposal_id: int) -> ProposalView:
    return view(_get(session, proposal_id))


def may_propose(actor: Actor) -> bool:
    return allowed(actor, Action.RULE_CHANGE) or allowed(actor, Action.POLICY_CHANGE)


def may_backtest(actor: Actor) -> bool:
    """Who sees the Rules and policy tab and may backtest: here, not in ``backtest`` (which
    loads pandas and the scoring job), so the main window asks without loading them."""
    return may_propose(actor) or allowed(actor, Action.RULE_APPROVE)


def rule_set_of(session: Session, *, rule_set_id: int) -> dict[str, Setting]:
    if session.get(RuleSet, rule_set_id) is None:
        raise NotFound(translate("Rules", "There is no rule set {id}.").format(id=rule_set_id))
    return rulesets.settings_of(session, rule_set_id=rule_set_id)


def policy_of(session: Session, *, policy_version_id: int) -> PolicyVersion:
    pv = session.get(PolicyVersion, policy_version_id)
    if pv is None:
        raise NotFound(translate("Rules", "There is no policy version {id}.").format(
            id=policy_version_id))
    return pv
