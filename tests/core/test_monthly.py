"""Monthly compliance figures (issue 7): frozen at a cut-off and checked against SQL written
here, not against the service."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.reporting.monthly import monthly_figures
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import local_month_utc

pytestmark = pytest.mark.dates




def test_figures_match_sql_and_stay_frozen_at_the_cut_off(engine: Engine,
                                                          actors: dict[str, Actor],
        scored: tuple[int, int]) -> None:
    override, alone = scored
    officer, senior = actors["officer"], actors["senior"]
    for case_id in (override, alone):
        with unit_of_work(engine) as s:
            cases.claim(s, officer, case_id=case_id,
                        version=cases.get_case(s, case_id=case_id).version)
    with unit_of_work(engine) as s:
        cases.decide(s, officer, case_id=alone, version=cases.get_case(s, case_id=alone).version,
                     decision="decline", reason="fraud")
    with unit_of_work(engine) as s:
        cases.decide(s, officer, case_id=override,
                     version=cases.get_case(s, case_id=override).version,
                     decision="approve",
                     reason="verified income")
    with unit_of_work(engine) as s:
        cases.check(s, senior, case_id=override,
                    version=cases.get_case(s, case_id=override).version,
                    confirm=True,
                    reason="agree")
    with unit_of_work(engine, write=False) as s:
        cut_off = utcnow(s)
        month, start, end = local_month_utc(cut_off)
        first = monthly_figures(s, actors["compliance"], month=month, cut_off=cut_off)
    args = {"s": start, "e": end, "c": cut_off}
    with engine.connect() as conn:
        received = conn.execute(text(
            "SELECT count(*) FROM application WHERE submitted_at >= :s AND submitted_at < :e "
            "AND created_at <= :c"), args).scalar_one()
        flagged, auto = conn.execute(text(
            "SELECT sum(CASE WHEN d.outcome = 'flagged' THEN 1 ELSE 0 END), "
            "sum(CASE WHEN d.outcome = 'auto_approve' THEN 1 ELSE 0 END) "
            "FROM decision_record d JOIN application a ON a.id = d.application_id "
            "WHERE a.submitted_at >= :s AND a.submitted_at < :e AND d.current_slot = 1"),
            args).one()
        dti = conn.execute(text(
            "SELECT count(*) FROM decision_record d JOIN application a ON a.id = "
            "d.application_id WHERE a.submitted_at >= :s AND a.submitted_at < :e AND "
            "d.current_slot = 1 AND d.outcome = 'flagged' AND d.flags LIKE '%COST_CEILING%'"),
            args).scalar_one()
        decides = conn.execute(text(
            "SELECT count(*) FROM audit_event WHERE action = 'case.decide' AND at >= :s "
            "AND at < :e AND at <= :c"), args).scalar_one()
        head = conn.execute(text("SELECT seq, hash FROM audit_event WHERE at <= :c "
                                 "ORDER BY seq DESC LIMIT 1"), args).one()
    assert received > 0 and first.received == received
    assert (first.flagged, first.auto_approved) == (int(flagged or 0), int(auto or 0))
    assert first.by_rule.get("COST_CEILING", 0) == dti
    over_cost = sum(n for (code, _, _), n in first.ceilings.items() if code == "COST_CEILING")
    assert over_cost == dti  # every application over the cost ceiling, by band and outcome
    assert sum(first.officer_decisions.values()) == decides == 2
    assert [(o.case_id, o.maker, o.checker, o.outcome) for o in first.overrides] == [
        (override, "officer", "senior", "confirmed")]
    assert len(first.hours_to_decision) == 2 and first.median_hours is not None
    assert (first.audit_head_seq, first.audit_head_hash) == (head[0], head[1])
    time.sleep(0.01)  # after the cut-off, more work happens ...
    with unit_of_work(engine, write=False) as s:
        rows = s.execute(text("SELECT id FROM review_case WHERE status = 'new'")).scalars()
        other = next(iter(rows))
    with unit_of_work(engine) as s:
        cases.claim(s, officer, case_id=other, version=cases.get_case(s, case_id=other).version)
    with unit_of_work(engine) as s:
        cases.decide(s, officer, case_id=other, version=cases.get_case(s, case_id=other).version,
                     decision="decline", reason="x")
    with unit_of_work(engine, write=False) as s:  # ... and the month as of the cut-off is unmoved
        again = monthly_figures(s, actors["auditor"], month=month, cut_off=cut_off)
        later = monthly_figures(s, actors["auditor"], month=month, cut_off=utcnow(s))
    assert again == first
    from riskdesk.services.reporting.monthly import case_outcomes
    with unit_of_work(engine, write=False) as s:
        assert case_outcomes(s, case_ids=[override, alone, other], cut_off=cut_off) == {
            override: "approve", alone: "decline"}  # "other" was decided after the cut-off
    assert sum(later.officer_decisions.values()) == 3
