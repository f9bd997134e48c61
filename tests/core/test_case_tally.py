"""The queue's case tallies (issue 27): after any sequence of case work, refused or not, the
"All" and "Overdue" counts read from ``case_tally`` equal a COUNT(*) of the cases."""
from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, true

from riskdesk.domain.cases import Case
from riskdesk.domain.tables import table_of
from riskdesk.errors import RiskdeskError
from riskdesk.services.actor import Actor
from riskdesk.services.cases import tally
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.opening import open_case
from riskdesk.services.cases.queue import CaseFilter, count_cases
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

C = table_of(Case).c
STEP = st.tuples(
    st.sampled_from(["claim", "assign", "decide", "check", "open", "decide_other", "orm"]),
    st.integers(min_value=0, max_value=10**6),  # which case
    st.sampled_from(["officer", "senior"]),
    st.sampled_from(list(cases.DECISIONS)),
    st.booleans())


def _step(engine: Engine, actors: dict[str, Actor], step: tuple[str, int, str, str, bool]
          ) -> None:
    what, pick, who, decision, flag = step
    actor = actors[who]
    with engine.connect() as conn:
        ids = conn.execute(select(C.id).order_by(C.id)).scalars().all()
    case_id = ids[pick % len(ids)]
    try:
        with unit_of_work(engine) as s:
            version = cases.get_case(s, case_id=case_id).version
            if what == "claim":
                cases.claim(s, actor, case_id=case_id, version=version)
            elif what == "assign":
                cases.assign(s, actors["senior"], case_id=case_id, version=version,
                             user_id=int(actors["officer"].user_id or 0))
            elif what.startswith("decide"):
                cases.decide(s, actor, case_id=case_id, version=version, decision=decision,
                             reason="checked the payslips",
                             other_assignee=what == "decide_other")
            elif what == "orm":  # an object closed or reopened and flushed (ring closing)
                case = cases.get_case(s, case_id=case_id)
                case.status, case.is_open = ("closed", False) if flag else ("new", True)
                s.add(case)
                s.flush()
            elif what == "check":
                cases.check(s, actors["senior"], case_id=case_id, version=version, confirm=flag,
                            reason="agreed" if flag else "call the employer")
            else:
                now = utcnow(s)
                open_case(s, actor, kind="fraud", priority=1,
                          due_at=now + timedelta(hours=-5 if flag else 5))
                if flag:
                    raise RiskdeskError("rolled back: the tally goes back with the case")
    except RiskdeskError:
        pass  # refused (or rolled back on purpose): nothing of it stays, tallies included


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=8))
def test_tallies_equal_a_count_after_any_work(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], steps: list[tuple[str, int, str, str, bool]]) -> None:
    """Each example goes on from the last one's cases: the tallies hold across all of them."""
    for step in steps:
        _step(sqlite_engine, sqlite_actors, step)
    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine, write=False) as s:
        now = utcnow(s)
        counted = {name: int(s.execute(select(func.count()).select_from(table_of(Case))
                                       .where(where)).scalar() or 0)
                   for name, where in (("all", true()), ("open", C.is_open == true()),
                                       ("overdue", (C.is_open == true()) & (C.due_at < now)))}
        assert (tally.total(s, name="all"), tally.total(s, name="open")) == (counted["all"],
                                                                   counted["open"])
        assert count_cases(s, officer, f=CaseFilter(view="all")) == counted["all"]
        assert count_cases(s, officer, f=CaseFilter(view="overdue")) == counted["overdue"]
        # With a filter the count is a real COUNT, not the tally.
        assert count_cases(s, officer, f=CaseFilter(view="all", kinds=("fraud",))) == int(
            s.execute(select(func.count()).select_from(table_of(Case))
                      .where(C.kind == "fraud")).scalar() or 0)
