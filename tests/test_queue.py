"""The case queue read model (issue 5 core): views, filters, searches through keyed hashes,
counts and keyset pages that follow the database's own ORDER BY, on all three databases."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services import cases, queue
from riskdesk.services.actor import Actor
from riskdesk.services.imports.service import import_frame
from riskdesk.services.queue import CaseFilter
from riskdesk.storage.session import unit_of_work
from tests.helpers import sample
from tests.test_scoring import activate_default


@pytest.fixture
def filled(engine: Engine, actors: dict[str, Actor]) -> tuple[Engine, dict[str, Actor], object]:
    activate_default(engine, actors)
    frame = sample(500, seed=21)
    import_frame(engine, actors["officer"], frame, file_name="q.csv", sha256="5" * 64)
    return engine, actors, frame


def test_pages_follow_sql_order_and_counts_are_true(filled) -> None:  # type: ignore[no-untyped-def]
    engine, actors, _ = filled
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        total = queue.count_cases(s, officer, CaseFilter())
        seen, after = [], None
        while True:
            page = queue.page_cases(s, officer, CaseFilter(), sort="pd", limit=37, after=after)
            if not page:
                break
            seen += [r.id for r in page]
            after = (queue.sort_value(page[-1], "pd"), page[-1].id)
        last = queue.last_page(s, officer, CaseFilter(), sort="pd", limit=37)
    with engine.connect() as conn:
        expected = list(conn.execute(text(
            "SELECT c.id FROM review_case c LEFT JOIN decision_record d ON "
            "d.application_id = c.application_id AND d.current_slot = 1 "
            "ORDER BY COALESCE(d.pd, -1) DESC, c.id DESC")).scalars())
    assert total == len(expected) > 0 and seen == expected
    assert [r.id for r in last] == expected[-37:]


def test_views_filters_and_searches(filled) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = filled
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        total = queue.count_cases(s, officer, CaseFilter())
        first = queue.page_cases(s, officer, CaseFilter(), limit=1)[0]
    with unit_of_work(engine) as s:
        cases.claim(s, officer, first.id, first.version)
    with unit_of_work(engine, write=False) as s:
        def n(**kw: object) -> int:
            return queue.count_cases(s, officer, CaseFilter(**kw))  # type: ignore[arg-type]
        assert n(view="mine") == 1 and n(view="unassigned") == total - 1
        assert n(view="awaiting_check") == 0 and n(view="escalated") == 0
        assert n(bands=("decline",)) + n(bands=("review",)) + n(bands=("approve",)) == total
        assert n(rule="BULLET_TERM") == len(
            [r for r in queue.page_cases(s, officer, CaseFilter(), limit=1000)
             if r.flags and "BULLET_TERM" in r.flags])
        row = frame[frame["application_no"] == first.application_no].iloc[0]
        assert n(application_no=first.application_no) == 1
        assert n(id_no=row["id_no"]) >= 1 and n(phone=row["phone"]) >= 1
        assert n(name_prefix=row["name"][:1]) >= 1 and n(name_prefix="%") == 0
        with pytest.raises(InvalidInput):
            queue.page_cases(s, officer, CaseFilter(), sort="id_no_hash")
        with pytest.raises(InvalidInput):
            n(view="everything")


def test_nobody_without_view_rights(filled) -> None:  # type: ignore[no-untyped-def]
    engine, actors, _ = filled
    stranger = Actor(None, "nobody", frozenset())
    with unit_of_work(engine, write=False) as s, pytest.raises(PermissionDenied):
        queue.count_cases(s, stranger, CaseFilter())
