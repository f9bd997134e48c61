"""Rule settings and the decision policy as versioned, audited data.

Defaults (rules/catalog.py, docs/regulation.md) become version 1 the first time they are needed.
A change writes a whole new version with an effective date; the version in force is the
latest one whose effective date has come. Only the compliance role changes either.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.enums import Severity
from riskdesk.domain.rules import RuleSet, RuleSetting
from riskdesk.domain.scoring import PolicyVersion
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.rules.catalog import BY_CODE, RULES, Setting
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit.registry import canonical_json
from riskdesk.services.lists import entries as lists
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow

DEFAULT_POLICY: dict[str, Any] = {"approve_below": 0.08, "decline_from": 0.15,
                                  "review_sla_hours": 24, "four_eyes_amount": 100_000.0}


def _in_force(session: Session, model: Any, now: datetime) -> Any:  # RuleSet | PolicyVersion
    return session.exec(select(model).where(col(model.effective_from) <= now)
                        .order_by(col(model.effective_from).desc(), col(model.id).desc())).first()


def current_rule_set(session: Session, actor: Actor) -> tuple[RuleSet, dict[str, Setting]]:
    now = utcnow(session)
    rs = _in_force(session, RuleSet, now)
    if rs is None:
        defaults = {r.code: Setting(r.code, r.severity, r.enabled, dict(r.params), r.hard_stop)
                    for r in RULES}
        rs = write_rule_set(session, actor, settings=defaults, effective_from=now,
                            note=translate("Rules", "defaults"))
        audit.append(session, actor, action="rules.seed", entity_type="rule_set",
                     entity_id=rs.id or 0,
                     after={"rules": {code: describe(s) for code, s in defaults.items()}})
    return rs, settings_of(session, rule_set_id=rs.id or 0)


def settings_of(session: Session, *, rule_set_id: int) -> dict[str, Setting]:
    rows = session.exec(select(RuleSetting).where(col(RuleSetting.rule_set_id) == rule_set_id)
                        .order_by(col(RuleSetting.code))).all()
    return {r.code: Setting(r.code, r.severity, r.enabled, json.loads(r.params), r.hard_stop)
            for r in rows}


def describe(s: Setting) -> dict[str, Any]:
    return {"severity": s.severity, "enabled": s.enabled, "params": s.params,
            "hard_stop": s.hard_stop}


def write_rule_set(session: Session, actor: Actor, *, settings: dict[str, Setting],
                   effective_from: datetime, note: str) -> RuleSet:
    """A whole new rule-set version (the caller audits it)."""
    cleaned = free_text.scan(note)  # personal data in the note kept apart (issue 25)
    rs = RuleSet(effective_from=effective_from, created_at=utcnow(session),
                 created_by=actor.username, note=cleaned.fit(500))
    session.add(rs)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="rule_set", entity_id=rs.id or 0, field="note")
    for code, s in settings.items():
        d = BY_CODE.get(code)
        session.add(RuleSetting(rule_set_id=rs.id or 0, code=code,
                                name=d.name if d else code, severity=s.severity,
                                enabled=s.enabled, params=canonical_json(s.params),
                                source=d.source if d else "", hard_stop=s.hard_stop))
    session.flush()
    return rs


def change_rule(session: Session, actor: Actor, *, code: str, enabled: bool | None = None,
                severity: str | None = None, params: dict[str, Any] | None = None,
                effective_from: datetime | None = None, note: str = "",
                hard_stop: bool | None = None) -> RuleSet:
    """A new rule-set version with one rule changed at once; ``hard_stop``: whether a hit of
    the rule forbids approval by anyone (issue 26). Users change rules through a proposal and
    a second person's approval (services.credit.proposals, issue 30)."""
    require(actor, Action.RULE_CHANGE)
    _, settings = current_rule_set(session, actor)
    new = changed_setting(settings, code, enabled=enabled, severity=severity, params=params,
                          hard_stop=hard_stop)
    old, settings = settings[code], dict(settings) | {code: new}
    rs = write_rule_set(session, actor, settings=settings,
                        effective_from=effective_from or utcnow(session), note=note)
    audit.append(session, actor, action="rules.change", entity_type="rule_set",
                 entity_id=rs.id or 0,
                 before={code: describe(old)}, after={code: describe(new), "note": rs.note})
    return rs


def changed_setting(settings: dict[str, Setting], code: str, *, enabled: bool | None = None,
                    severity: str | None = None, params: dict[str, Any] | None = None,
                    hard_stop: bool | None = None) -> Setting:
    """Rule ``code`` of ``settings`` with the given fields changed, refused with a message
    naming the rule and the parameter when a value does not fit (a parameter keeps its kind:
    number, text, list)."""
    old = settings.get(code)
    if old is None:
        raise InvalidInput(translate("Rules", "There is no rule {code}.").format(code=code))
    if severity is not None and severity not in set(Severity):
        raise InvalidInput(translate("Rules", "Severity must be low, medium or high, not {v}.")
                           .format(v=severity))
    new_params = dict(old.params)
    for key, value in (params or {}).items():
        if key not in old.params:
            raise InvalidInput(translate("Rules", "Rule {code} has no parameter {key}.").format(
                code=code, key=key))
        if type(value) is not type(old.params[key]) and not (
                isinstance(value, int | float) and isinstance(old.params[key], int | float)):
            raise InvalidInput(translate("Rules", "Parameter {key} of rule {code} must be like "
                                         "{example}.").format(key=key, code=code,
                                                             example=old.params[key]))
        new_params[key] = value
    return Setting(code, severity or old.severity, old.enabled if enabled is None else enabled,
                   new_params, old.hard_stop if hard_stop is None else hard_stop)


def current_policy(session: Session, actor: Actor) -> PolicyVersion:
    now = utcnow(session)
    pv: PolicyVersion | None = _in_force(session, PolicyVersion, now)
    if pv is None:
        pv = PolicyVersion(**DEFAULT_POLICY, effective_from=now, created_at=now,
                           created_by=actor.username, note=translate("Rules", "defaults"))
        session.add(pv)
        session.flush()
        audit.append(session, actor, action="policy.seed", entity_type="policy_version",
                     entity_id=pv.id or 0,
                     after=DEFAULT_POLICY)
    return pv


POLICY_FIELDS = ("approve_below", "decline_from", "review_sla_hours", "four_eyes_amount")


def change_policy(session: Session, actor: Actor, *, approve_below: float | None = None,
                  decline_from: float | None = None, review_sla_hours: int | None = None,
                  four_eyes_amount: float | None = None, effective_from: datetime | None = None,
                  note: str = "") -> PolicyVersion:
    """A new policy version at once; users change the policy through a proposal and a second
    person's approval (services.credit.proposals, issue 30)."""
    require(actor, Action.POLICY_CHANGE)
    old = current_policy(session, actor)
    values = checked_policy(old, {"approve_below": approve_below, "decline_from": decline_from,
                                  "review_sla_hours": review_sla_hours,
                                  "four_eyes_amount": four_eyes_amount})
    pv = write_policy(session, actor, values=values,
                      effective_from=effective_from or utcnow(session), note=note)
    audit.append(session, actor, action="policy.change", entity_type="policy_version",
                 entity_id=pv.id or 0,
                 before={k: getattr(old, k) for k in POLICY_FIELDS},
                 after=values | {"note": pv.note})
    return pv


def checked_policy(old: PolicyVersion, given: dict[str, Any]) -> dict[str, Any]:
    """The policy's values with ``given`` (None: unchanged) applied, refused when the bands,
    the SLA or the four-eyes amount make no sense."""
    unknown = sorted(set(given) - set(POLICY_FIELDS))
    if unknown:
        raise InvalidInput(translate("Rules", "The policy has no setting {name}; it has {names}.")
                           .format(name=unknown[0], names=", ".join(POLICY_FIELDS)))
    values: dict[str, Any] = {k: getattr(old, k) if given.get(k) is None else given[k]
                              for k in POLICY_FIELDS}
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()):
        raise InvalidInput(translate("Rules", "Policy settings are numbers."))
    if not 0 < values["approve_below"] <= values["decline_from"] < 1:
        raise InvalidInput(translate("Rules", "PD bands need 0 < approve-below <= decline-from "
                                     "< 1."))
    if values["review_sla_hours"] <= 0 or values["review_sla_hours"] != int(
            values["review_sla_hours"]):
        raise InvalidInput(translate("Rules", "The review SLA must be a positive number of "
                                     "hours."))
    if values["four_eyes_amount"] < 0:
        raise InvalidInput(translate("Rules", "The four-eyes amount cannot be negative."))
    values["review_sla_hours"] = int(values["review_sla_hours"])
    return values


def write_policy(session: Session, actor: Actor, *, values: dict[str, Any],
                 effective_from: datetime, note: str) -> PolicyVersion:
    """A new policy version (the caller audits it)."""
    cleaned = free_text.scan(note)
    pv = PolicyVersion(**values, effective_from=effective_from, created_at=utcnow(session),
                       created_by=actor.username, note=cleaned.fit(500))
    session.add(pv)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="policy_version", entity_id=pv.id or 0,
                   field="note")
    return pv


def add_blacklist(session: Session, actor: Actor, *, kind: str, value: str,
                  reason: str) -> lists.EntryView:
    """`riskdesk rules blacklist` as it was, now a managed list's entry: the same as
    ``riskdesk lists add KIND VALUE --list black`` (issue 30)."""
    return lists.add(session, actor, kind=kind, value=value, list_name="black", reason=reason)
