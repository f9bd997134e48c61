"""The queue's default order (priority, then due time) pages by keyset as the database orders it;
a masked ID number or phone copied from the grid and a phone typed with spaces, dashes or +86
find their cases (issue 27), on all three databases."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.cases import applications, queue
from riskdesk.services.cases.applications import ApplicationFilter
from riskdesk.services.cases.queue import CaseFilter
from riskdesk.services.cases.search import masked_id, masked_phone, normal_phone, parse_search
from riskdesk.services.intake.applications import import_frame
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import activate_default, sample


@pytest.fixture
def filled(engine: Engine, actors: dict[str, Actor]) -> tuple[Engine, dict[str, Actor], object]:
    activate_default(engine, actors)
    frame = sample(300, seed=27)
    import_frame(engine, actors["officer"], frame=frame, file_name="q27.csv", sha256="7" * 64)
    with engine.begin() as conn:  # priorities that tie, to test the keyset
        conn.execute(text("UPDATE review_case SET priority = 1 + id % 4"))
    return engine, actors, frame


def test_default_order_is_priority_then_due_and_pages_follow_it(filled) -> None:  # type: ignore[no-untyped-def]
    engine, actors, _ = filled
    officer = actors["officer"]
    with unit_of_work(engine) as s:  # some due times tie, some differ
        start = utcnow(s)
    with engine.begin() as conn:
        for i in range(1, 400, 3):
            conn.execute(text("UPDATE review_case SET due_at = :d WHERE id = :i"),
                         {"d": start + timedelta(hours=i % 7), "i": i})
    with unit_of_work(engine, write=False) as s:
        seen, after = [], None
        while True:
            page = queue.page_cases(s, officer, f=CaseFilter(), limit=23, after=after)
            if not page:
                break
            seen += [r.id for r in page]
            after = (queue.sort_value(page[-1], "priority"), page[-1].id)
        last = queue.last_page(s, officer, f=CaseFilter(), limit=23)
        first = queue.page_cases(s, officer, f=CaseFilter(), limit=5)
    with engine.connect() as conn:
        expected = list(conn.execute(text(
            "SELECT id FROM review_case ORDER BY priority, due_at, id")).scalars())
    assert len(expected) > 23 and seen == expected
    assert [r.id for r in last] == expected[-23:]
    assert all(r.priority == 1 for r in first)


def test_masked_id_and_formatted_phone_find_their_cases(filled) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = filled
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        row = queue.page_cases(s, officer, f=CaseFilter(), limit=1)[0]
        source = frame[frame["application_no"] == row.application_no].iloc[0]

        def found(typed: str) -> list[int]:
            return [r.id for r in queue.page_cases(
                s, officer, f=CaseFilter(**parse_search(typed)), limit=50)]

        assert row.id in found(row.id_no_masked)  # as copied from the grid
        assert row.id in found(" " + row.id_no_masked.replace("*", "x") + " ")
        assert row.id in found(f"{row.id_no_masked} {row.name}")
        assert len(found(f"{row.id_no_masked} {row.name}")) <= len(found(row.id_no_masked))
        phone = str(source["phone"])
        for typed in (phone, f"{phone[:3]} {phone[3:7]} {phone[7:]}",
                      f"{phone[:3]}-{phone[3:7]}-{phone[7:]}", f"+86 {phone}", f"0086{phone}"):
            assert row.id in found(typed), typed
        other = row.name[:1] + "某某某"
        assert row.id not in found(f"{row.id_no_masked} {other}")
        # A masked phone copied from the Applications grid: its visible digits, then the name.
        shown = phone[:3] + "****" + phone[7:]
        assert row.id in found(shown) and row.id in found(f"+86 {phone[:3]}xxxx{phone[7:]}")
        assert row.id in found(f"{shown} {row.name}")
        assert row.id not in found(f"{shown} {other}")
        assert all(r.phone_masked == shown for r in applications.page_applications(
            s, officer, f=ApplicationFilter(**parse_search(shown))))


def test_search_text_is_read_as_what_officers_paste() -> None:
    assert masked_id("110101********1234") == "110101********1234"
    assert masked_id("110101 ****** 123x") == "110101********123X"
    assert masked_id("110101********12345") is None
    assert normal_phone("+86 138-1234-5678") == "13812345678"
    assert normal_phone("(0086) 138 1234 5678") == "13812345678"
    assert normal_phone("1381234567") is None
    got = parse_search("110101********1234 王秀英")
    assert got["id_no_masked"] == "110101********1234" and got["name_prefix"] == "王秀英"
    assert parse_search("王秀")["name_prefix"] == "王秀"
    assert parse_search("APP-0001")["application_no"] == "APP-0001"
    assert masked_phone("138****5678") == masked_phone("+86 138 ＊＊＊＊ 5678") == "138****5678"
    assert masked_phone("138****567") is None and masked_phone("238****5678") is None
    got = parse_search("138****5678 王秀英")
    assert (got["phone_masked"], got["name_prefix"], got["id_no_masked"]) == (
        "138****5678", "王秀英", None)
