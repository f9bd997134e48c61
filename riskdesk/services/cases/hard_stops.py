"""Hard stops (issue 26): a hit of a rule its rule-set version marks ``hard_stop`` (by default
the cost and amount ceilings, a wrong ID check character, the blacklist) forbids approving the
application, whoever asks and whatever the four-eyes check says.

Judged when someone approves: the hits of the application's current decision (under the
rule-set version it was scored with), each a hard stop if the rule-set version in force now
marks its rule so. Compliance changes the flag with the rule set (a new version,
``services.credit.rulesets.change_rule``), and the change holds for every approval from its
effective time, an approval already awaiting its check included. ``services.cases.work``
refuses an approval and a checker's confirmation of one; the case window shows why and names
each rule's source.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from riskdesk.domain.cases import Case
from riskdesk.domain.rules import RuleHit, RuleSet, RuleSetting
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.errors import PermissionDenied
from riskdesk.i18n import translate
from riskdesk.rules.catalog import rule_name, sentence, source_text
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow


@dataclass(frozen=True)
class HardStop:
    code: str
    name: str
    text: str  # the hit's sentence with its numbers
    source: str  # the regulation the rule cites, in the reader's language


def hard_stops_of(session: Session, *, application_id: int | None) -> tuple[HardStop, ...]:
    """The application's hard-stop hits under its current decision's rule set."""
    if application_id is None:
        return ()
    rule_set_id = session.scalar(select(col(DecisionRecord.rule_set_id)).where(
        col(DecisionRecord.application_id) == application_id,
        col(DecisionRecord.current_slot) == 1))
    if rule_set_id is None:
        return ()
    in_force = session.scalar(
        select(col(RuleSet.id)).where(col(RuleSet.effective_from) <= utcnow(session))
        .order_by(col(RuleSet.effective_from).desc(), col(RuleSet.id).desc()).limit(1))
    rows = session.execute(
        select(col(RuleHit.code), col(RuleHit.detail), col(RuleSetting.source))
        .join(RuleSetting, col(RuleSetting.code) == col(RuleHit.code))
        .where(col(RuleHit.application_id) == application_id,
               col(RuleHit.rule_set_id) == rule_set_id,
               col(RuleSetting.rule_set_id) == (in_force or rule_set_id),
               col(RuleSetting.hard_stop).is_(True))
        .order_by(col(RuleHit.code))).all()
    return tuple(HardStop(str(code), rule_name(str(code)),
                          sentence(str(code), json.loads(detail or "{}")),
                          source_text(str(source))) for code, detail, source in rows)


def case_hard_stops(session: Session, actor: Actor, *, case_id: int) -> tuple[HardStop, ...]:
    """For the case window: why this case may not be approved (empty: it may)."""
    require(actor, Action.APPLICATION_VIEW)
    case = session.get(Case, case_id)
    return hard_stops_of(session, application_id=case.application_id) if case is not None else ()


def refuse_approval(session: Session, *, case: Case) -> None:
    """Raises PermissionDenied naming each hard stop and its source; nothing if there is none."""
    stops = hard_stops_of(session, application_id=case.application_id)
    if stops:
        raise PermissionDenied(translate(
            "Cases", "Case {id} cannot be approved by anyone: hard stop {rules}.").format(
            id=case.id, rules="; ".join(
                translate("Cases", "{name} ({text}; source: {source})").format(
                    name=s.name, text=s.text, source=s.source) for s in stops)))
