"""The queue's case tallies (issues 27, 34): after any sequence of case work, refused, rolled
back or not, the "All", "Unassigned", "Awaiting check" and "Overdue" counts read from
``case_tally`` equal a COUNT(*) of the cases; migration 0022 fills and drops its two tallies."""
from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, true
from sqlalchemy.sql.elements import ColumnElement

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
    st.booleans(),
    st.booleans())  # rolled back after it was done
# What the ORM step sets, by the step's decision: closed, reopened unassigned, set awaiting its
# check (assigned), reopened assigned.
ORM = {"approve": ("closed", False, None), "decline": ("new", True, None),
       "request_info": ("awaiting_check", True, "officer"),
       "escalate": ("in_review", True, "officer")}


def counted(engine: Engine) -> dict[str, int]:
    """COUNT(*) of each tally's cases and of the overdue ones."""
    with unit_of_work(engine, write=False) as s:
        now = utcnow(s)
        open_ = C.is_open == true()
        where: dict[str, ColumnElement[bool]] = {
            "all": true(), "open": open_, "unassigned": open_ & C.assignee_id.is_(None),
            "awaiting_check": C.status == "awaiting_check", "overdue": open_ & (C.due_at < now)}
        return {name: int(s.execute(select(func.count()).select_from(table_of(Case))
                                    .where(w)).scalar() or 0) for name, w in where.items()}


def tallies_equal_counts(engine: Engine, officer: Actor) -> dict[str, int]:
    """Asserts every tally and every count the queue reads from them equal a COUNT(*)."""
    counts = counted(engine)
    with unit_of_work(engine, write=False) as s:
        assert {name: tally.total(s, name=name) for name in tally.TALLIES} == {
            name: counts[name] for name in tally.TALLIES}
        for view in ("all", "unassigned", "awaiting_check", "overdue"):
            assert count_cases(s, officer, f=CaseFilter(view=view)) == counts[view], view
    return counts


def _step(engine: Engine, actors: dict[str, Actor],
          step: tuple[str, int, str, str, bool, bool]) -> None:
    what, pick, who, decision, flag, rolled_back = step
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
            elif what == "orm":  # an object closed, reopened, ... and flushed (ring closing)
                case = cases.get_case(s, case_id=case_id)
                status, is_open, assignee = ORM[decision]
                if flag:  # set with the old values not loaded: the flush reads them
                    s.expire(case, ["status", "is_open", "assignee_id"])
                case.status, case.is_open = status, is_open
                case.assignee_id = actors[assignee].user_id if assignee else None
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
            if rolled_back:
                raise RiskdeskError("rolled back: the tallies go back with the change")
    except RiskdeskError:
        pass  # refused (or rolled back on purpose): nothing of it stays, tallies included


# Every kind of change once, on the template's first cases, each of them moving a tally that
# a switched-off update would leave wrong: set awaiting its check through the ORM, sent back
# (returned to its assignee), awaiting again (the old values not loaded), confirmed; closed
# through the ORM and reopened; claimed, a claim rolled back, assigned, decided, escalated by
# another; a case opened, and one opened and rolled back.
EVERY_KIND = [("orm", 0, "officer", "request_info", False, False),
              ("check", 0, "senior", "approve", False, False),
              ("orm", 0, "officer", "request_info", True, False),
              ("check", 0, "senior", "approve", True, False),
              ("orm", 1, "officer", "approve", True, False),
              ("orm", 1, "officer", "decline", False, False),
              ("claim", 2, "officer", "approve", False, False),
              ("claim", 3, "officer", "approve", False, True),
              ("assign", 4, "senior", "approve", False, False),
              ("decide", 2, "officer", "decline", False, False),
              ("decide_other", 4, "senior", "escalate", False, False),
              ("open", 0, "officer", "approve", False, False),
              ("open", 0, "officer", "approve", True, False)]


@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=8))
@example(steps=EVERY_KIND)
def test_tallies_equal_a_count_after_any_work(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], steps: list[tuple[str, int, str, str, bool, bool]]
        ) -> None:
    """Each example goes on from the last one's cases: the tallies hold across all of them."""
    officer = sqlite_actors["officer"]
    for step in steps:  # checked after each step: a wrong move is not undone by a later one
        _step(sqlite_engine, sqlite_actors, step)
        tallies_equal_counts(sqlite_engine, officer)
    with unit_of_work(sqlite_engine, write=False) as s:
        # With a filter the count is a real COUNT, not the tally.
        for view in ("all", "unassigned", "awaiting_check"):
            assert count_cases(s, officer, f=CaseFilter(view=view, kinds=("fraud",))) == int(
                s.execute(select(func.count()).select_from(table_of(Case))
                          .where(C.kind == "fraud", *(
                              [] if view == "all" else
                              [C.is_open == true(), C.assignee_id.is_(None)]
                              if view == "unassigned" else
                              [C.status == "awaiting_check"]))).scalar() or 0)


def test_the_migration_fills_the_unassigned_and_awaiting_check_tallies_and_drops_them(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    """issue 34: migration 0022 counts the cases present into its two tallies (shard 0) and
    its downgrade deletes them; the benchmarks' RECOUNT_SQL sets all four; on each database."""
    from alembic import command

    from riskdesk.storage import migrate

    override, alone = scored
    officer = actors["officer"]
    with unit_of_work(engine) as s:  # one claimed, one approved by its maker: awaiting check
        cases.claim(s, officer, case_id=alone, version=cases.get_case(s, case_id=alone).version)
        cases.decide(s, officer, case_id=override, reason="payslips seen", decision="approve",
                     version=cases.get_case(s, case_id=override).version)
    before = tallies_equal_counts(engine, officer)
    assert before["awaiting_check"] == 1 and 0 < before["unassigned"] < before["open"]
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0021")
    with engine.connect() as conn:
        assert set(conn.execute(select(tally.T.tally).distinct()).scalars()) == {"all", "open"}
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(select(tally.T.tally, tally.T.shard, tally.T.n)
                            .where(tally.T.tally.in_(["unassigned", "awaiting_check"]))).all()
    assert sorted((t, s) for t, s, _ in rows) == sorted(
        (t, s) for t in ("unassigned", "awaiting_check") for s in range(tally.SHARDS))
    assert {(t, n) for t, s, n in rows if n} == {("unassigned", before["unassigned"]),
                                                 ("awaiting_check", 1)}
    assert tallies_equal_counts(engine, officer) == before
    with engine.begin() as conn:  # as the benchmarks' builders set them, on each database
        for sql in tally.RECOUNT_SQL:
            conn.exec_driver_sql(sql)
    assert tallies_equal_counts(engine, officer) == before
