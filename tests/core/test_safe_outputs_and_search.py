"""Formula-safe files and search input that never raises (issue 25, items 5 and 6).

Every CSV and Excel file the app writes (the queue export, the rejects file) prefixes a text
cell starting with =, +, -, @, tab or CR with ' and types Excel cells as text; the queue and
customer searches answer "no match" for NUL, lone surrogates, the last code points and
overlong input, on SQLite, PostgreSQL and MariaDB."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import Engine

from riskdesk.security.cells import TRIGGERS, safe_cell, safe_text
from riskdesk.services.actor import Actor
from riskdesk.services.cases import queue
from riskdesk.services.cases.export import export_view
from riskdesk.services.cases.queue import CaseFilter
from riskdesk.services.complaints.handling import find_customers
from riskdesk.services.intake.applications import import_file, import_frame
from riskdesk.storage.session import unit_of_work
from tests.helpers import activate_default, sample, write_csv

FORMULAS = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+1+1", "-2+3",
            "\t=1", "\r=1"]


def test_safe_text_prefixes_every_trigger_and_leaves_numbers() -> None:
    for text in FORMULAS:
        assert safe_text(text) == "'" + text
    assert safe_text("张三") == "张三" and safe_text("a=b") == "a=b"
    assert safe_cell(-5) == -5 and safe_cell(2.5) == 2.5 and safe_cell(None) is None
    assert safe_cell("-5") == "'-5"


@given(st.text(max_size=30))
def test_no_safe_text_starts_a_formula(text: str) -> None:
    assert not safe_text(text).startswith(TRIGGERS)


@pytest.fixture
def formula_names(sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> Engine:
    activate_default(sqlite_engine, sqlite_actors)
    frame = sample(300, seed=21)
    # names a file could carry (one per ID number: a name per person)
    frame["name"] = [FORMULAS[ord(n[-1]) % 5] + n for n in frame["name"]]
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="f.csv",
                 sha256="6" * 64)
    return sqlite_engine


def test_queue_export_csv_and_xlsx_hold_no_formula(formula_names: Engine,
                                                  sqlite_actors: dict[str, Actor],
                                                  tmp_path: Path) -> None:
    """The masked names kept their leading = @ + - before (Excel stored them as formulas)."""
    officer = sqlite_actors["officer"]
    n = export_view(formula_names, officer, f=CaseFilter(), path=tmp_path / "q.csv")
    assert n > 0
    with (tmp_path / "q.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    texts = [c for row in table for c in row]
    assert not [c for c in texts if c.startswith(TRIGGERS)]
    assert any(c.startswith("'=") for c in texts) and any(c.startswith("'@") for c in texts)
    export_view(formula_names, officer, f=CaseFilter(), path=tmp_path / "q.xlsx")
    sheet = load_workbook(tmp_path / "q.xlsx").active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    assert not [c for c in cells if isinstance(c.value, str) and c.value.startswith(TRIGGERS)]
    header = [c.value for c in next(sheet.iter_rows())]
    amounts = [row[header.index("Amount (CNY)")].value for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(a, (int, float)) for a in amounts if a is not None)  # still numbers


def test_rejects_file_holds_no_formula(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                                       tmp_path: Path) -> None:
    frame = sample(len(FORMULAS) + 1).astype(str)
    for i, text in enumerate(FORMULAS):
        frame.loc[i, "device_id"] = text.replace("\t", "").replace("\r", "")
        frame.loc[i, "amount"] = "x"  # refused: the row goes to the rejects file
    frame.loc[0, "lender_grade"] = "@SUM(1)"
    out = tmp_path / "rejects.csv"
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "in.csv"), skip_invalid=True,
                         rejects_path=out, score=False)
    assert result.rejected == len(FORMULAS)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    texts = [c for row in table for c in row]
    assert not [c for c in texts if c.startswith(TRIGGERS)]
    assert "'=cmd|' /C calc'!A0" in texts and "'@SUM(1)" in texts


# --- search -----------------------------------------------------------------------------------

ODD = ["张\U0010ffff", "\U0010ffff", "王\ud7ff", "\ud7ff", "a\x00b", "\x00", "\ud800", "李\udfff",
       "x" * 10_000, "%\x00", "\uffff"]


@pytest.fixture
def with_cases(engine: Engine, actors: dict[str, Actor]) -> tuple[Engine, dict[str, Actor]]:
    activate_default(engine, actors)
    frame = sample(200, seed=21)
    frame.loc[0, "name"] = "赵\ud7ff"  # names ending at the top of the BMP and of Unicode
    frame.loc[1, "name"] = "钱\U0010ffff"
    import_frame(engine, actors["officer"], frame=frame, file_name="s.csv", sha256="8" * 64)
    return engine, actors


@pytest.mark.parametrize("field", ["name_prefix", "application_no", "id_no", "phone"])
def test_odd_search_input_answers_no_match_on_every_database(
        with_cases: tuple[Engine, dict[str, Actor]], field: str) -> None:
    engine, actors = with_cases
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        for text in ODD:
            f = CaseFilter(**{field: text})  # type: ignore[arg-type]
            assert queue.count_cases(s, officer, f=f) == 0, repr(text)
            assert queue.page_cases(s, officer, f=f) == [], repr(text)
            assert find_customers(s, officer, text=text) == [], repr(text)


def test_a_prefix_ending_in_the_last_code_points_finds_its_name(
        with_cases: tuple[Engine, dict[str, Actor]]) -> None:
    """These prefixes raised before (the range's upper end was a surrogate or beyond
    U+10FFFF); now LIKE alone finds the names."""
    engine, actors = with_cases
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        every = queue.page_cases(s, officer, f=CaseFilter(), limit=10_000)
        for name in ("赵\ud7ff", "钱\U0010ffff"):
            assert [c.name for c in find_customers(s, officer, text=name)] == [name]
            assert queue.count_cases(s, officer, f=CaseFilter(name_prefix=name)) == \
                sum(r.name == name for r in every)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.one_of(st.characters(), st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\ud7ff", "\U0010ffff", "%", "_", "\\"])),
    min_size=1, max_size=300))
def test_any_text_searches_without_an_exception(
        with_cases: tuple[Engine, dict[str, Actor]], text: str) -> None:
    engine, actors = with_cases
    with unit_of_work(engine, write=False) as s:
        queue.count_cases(s, actors["officer"], f=CaseFilter(name_prefix=text))
        queue.page_cases(s, actors["officer"], f=CaseFilter(name_prefix=text), limit=5)
        find_customers(s, actors["officer"], text=text)
