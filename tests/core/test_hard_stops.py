"""Hard stops (issue 26, item 3): a hit of a rule the rule set marks hard stop forbids approval
by anyone, in decide and in the checker's confirm; compliance changes the flag with the rule set
(audited), nobody else; SQLite, PostgreSQL and MariaDB."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, text

from riskdesk.errors import PermissionDenied
from riskdesk.rules.catalog import BY_CODE
from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.hard_stops import case_hard_stops
from riskdesk.services.credit import rulesets
from riskdesk.storage.session import unit_of_work
from tests.helpers import hard_stop_case


def version(engine: Engine, case_id: int) -> int:
    with unit_of_work(engine, write=False) as s:
        return cases.get_case(s, case_id=case_id).version


def test_default_hard_stops_are_the_four_rules_and_kept_with_the_rule_set(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    assert {c for c, r in BY_CODE.items() if r.hard_stop} == {
        "COST_CEILING", "AMOUNT_CEILING", "ID_CHECKSUM", "BLACKLIST"}
    with engine.connect() as conn:
        stored = set(conn.execute(text(
            "SELECT code FROM rule_setting WHERE hard_stop = :t"), {"t": True}).scalars())
    assert stored == {"COST_CEILING", "AMOUNT_CEILING", "ID_CHECKSUM", "BLACKLIST"}


def test_a_hard_stop_case_cannot_be_approved_by_anyone(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    case_id = hard_stop_case(engine, "AMOUNT_CEILING")
    with unit_of_work(engine, write=False) as s:
        [stop] = [x for x in case_hard_stops(s, actors["auditor"], case_id=case_id)
                  if x.code == "AMOUNT_CEILING"]
    assert "CBIRC Order 2020 No. 9" in stop.source and "ceiling 200,000" in stop.text
    for who in ("officer", "senior"):
        with pytest.raises(PermissionDenied) as refused, unit_of_work(engine) as s:
            cases.decide(s, actors[who], case_id=case_id, version=version(engine, case_id),
                         decision="approve",
                         reason="looks fine to me", other_assignee=True)
        assert "cannot be approved by anyone" in str(refused.value)
        assert "CBIRC Order 2020 No. 9" in str(refused.value)  # the rule's source
    with engine.connect() as conn:
        status = conn.execute(text("SELECT status FROM review_case WHERE id = :i"),
                              {"i": case_id}).scalar_one()
    assert status == "new"  # nothing was written
    with unit_of_work(engine) as s:  # declining it is allowed
        done = cases.decide(s, actors["officer"], case_id=case_id, version=version(engine, case_id),
                            decision="decline",
                            reason="over the personal credit ceiling")
    assert done.status == "decided" and done.decision == "decline"


def test_a_confirm_is_refused_once_compliance_makes_the_rule_a_hard_stop(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    with engine.connect() as conn:  # a case with a rule hit that is not a hard stop (yet)
        hit = conn.execute(text(
            "SELECT c.id, h.code FROM rule_hit h JOIN review_case c ON c.application_id = "
            "h.application_id JOIN decision_record d ON d.id = c.decision_record_id WHERE "
            "(d.band = 'decline' OR d.max_severity = 'high') AND NOT EXISTS (SELECT 1 FROM rule_hit x JOIN "
            "rule_setting r ON r.code = x.code AND r.rule_set_id = x.rule_set_id WHERE "
            "x.application_id = c.application_id AND r.hard_stop = :t) ORDER BY c.id"),
            {"t": True}).first()
    assert hit is not None
    override, code = int(hit[0]), str(hit[1])
    codes = [code]
    with unit_of_work(engine) as s:
        made = cases.decide(s, actors["officer"], case_id=override, version=version(engine,
                                                                                    override),
                            decision="approve", reason="income verified by phone")
        assert made.status == "awaiting_check"  # high severity: four-eyes
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:  # not the officer's to do
        rulesets.change_rule(s, actors["officer"], code=codes[0], hard_stop=True)
    with unit_of_work(engine) as s:
        rulesets.change_rule(s, actors["compliance"], code=codes[0], hard_stop=True,
                             note="regulator's letter")
    with engine.connect() as conn:
        after = conn.execute(text(
            "SELECT after FROM audit_event WHERE action = 'rules.change' ORDER BY seq DESC"
        )).scalars().first()
    assert json.loads(after)[codes[0]]["hard_stop"] is True
    with pytest.raises(PermissionDenied) as refused, unit_of_work(engine) as s:
        cases.check(s, actors["senior"], case_id=override, version=version(engine, override),
                    confirm=True)
    assert "cannot be approved by anyone" in str(refused.value)
    with unit_of_work(engine) as s:  # sending it back still works
        back = cases.check(s, actors["senior"], case_id=override, version=version(engine, override),
                           confirm=False, reason="now a hard stop")
    assert back.status == "returned"
