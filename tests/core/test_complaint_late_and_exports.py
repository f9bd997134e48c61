"""Issue 28 in the core (every database): a reply that is only the template is refused; a
reply sent after the due time (extensions counted) is late and counted in the month's figures;
a shown table written to CSV/Excel is formula-safe."""
from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from riskdesk.errors import InvalidInput
from riskdesk.services.actor import Actor
from riskdesk.services.complaints import figures, handling
from riskdesk.services.reporting.table_export import write_table
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

FOUND = "\n经查，我行已停止对您单位的来电。\n"


def _replied(engine: Engine, who: Actor, days_ago: int, extend: bool = False) -> int:
    with unit_of_work(engine) as s:
        c = handling.register(s, who, channel="phone", category="collection_conduct",
                              description="催收电话打到单位", complainant_name="赵六",
                              received_at=utcnow(s) - timedelta(days=days_ago))
        cid = c.id or 0
    with unit_of_work(engine) as s:
        c = handling.investigate(s, who, complaint_id=cid, version=1)
        if extend:
            c = handling.extend(s, who, complaint_id=cid, version=c.version, reason="需调取录音",
                                complainant_told=True)
    with unit_of_work(engine) as s:
        c = handling.get(s, who, complaint_id=cid)
        bare = handling.response_template("zh").format(number=c.number)
        with pytest.raises(InvalidInput):
            handling.respond(s, who, complaint_id=cid, version=c.version, response=bare)
    with unit_of_work(engine) as s:
        c = handling.get(s, who, complaint_id=cid)
        handling.respond(s, who, complaint_id=cid, version=c.version,
                         response=bare.replace("\n\n\n", FOUND))
    return cid


def test_late_replies_counted_extensions_included(engine: Engine,
                                                  actors: dict[str, Actor]) -> None:
    """issue 28: an overdue complaint replied late got no late mark and no count."""
    who = actors["officer"]
    late = _replied(engine, who, 25)  # past the 15-day deadline
    extended = _replied(engine, who, 25, extend=True)  # within the complex-case extension
    fresh = _replied(engine, who, 1)
    with unit_of_work(engine, write=False) as s:
        month = f"{utcnow(s):%Y-%m}"
        f = figures.figures(s, who, month=month)
        rows = {r.id: r for r in figures.page(s, who, f=figures.ComplaintFilter())}
        marks = {cid: handling.is_late(handling.get(s, who, complaint_id=cid))
                 for cid in (late, extended, fresh)}
    assert marks == {late: True, extended: False, fresh: False}
    assert {cid: rows[cid].late for cid in marks} == marks
    assert (f.responded, f.late) == (3, 1)


def test_a_reply_beyond_the_template_is_told_apart() -> None:
    bare = handling.response_template("zh").format(number="TS-1")
    assert handling.beyond_template(bare, "TS-1") == ""
    assert handling.beyond_template(bare.replace("\n\n\n", FOUND), "TS-1") != ""
    english = handling.response_template("en").format(number="TS-1")
    assert handling.beyond_template(english, "TS-1") == ""


def test_a_table_is_written_formula_safe(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    assert write_table(path, "T", ["=A1", "B"], [["=HYPERLINK(1)", "-5"], ["x", "@y"]]) == 2
    with path.open(encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh)) == [["'=A1", "B"], ["'=HYPERLINK(1)", "'-5"],
                                         ["x", "'@y"]]
    from openpyxl import load_workbook

    xlsx = tmp_path / "t.xlsx"
    write_table(xlsx, "T:1", ["h"], [["=1+1"]])
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    with pytest.raises(InvalidInput):
        write_table(tmp_path / "t.txt", "T", ["h"], [])
