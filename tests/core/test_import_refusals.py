"""Imports refuse what they would otherwise guess, and no message shows personal data
(issue 25, items 3 and 4): numbers in Excel ID columns, times with a zone, files in two
encodings, misplaced thousands separators, repeated headers, records of the wrong width,
control and bidirectional characters, personal data in the wrong column; for application,
complaint and loan files, through the services and the command line."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import Engine, select

from riskdesk.domain.applications import Application
from riskdesk.domain.identity import check_char
from riskdesk.errors import InvalidInput
from riskdesk.security.pii_scan import luhn_ok
from riskdesk.services.intake.applications import import_file
from riskdesk.services.intake.complaints import import_complaints
from riskdesk.services.intake.loans import import_loan_file
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import run_cli, sample, write_csv

ELEVEN_DIGITS = re.compile(r"\d{11,}")


def a_card(body: str = "622202123456789") -> str:
    """A UnionPay card number with a valid Luhn digit (16 digits)."""
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def an_id(body: str = "11010119900307123") -> str:
    """An ID number with a valid check digit and a real birth date."""
    return body + check_char(body)


def lines_of(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(result.problem_lines(1000))


def text_frame(rows: int = 4) -> pd.DataFrame:
    return sample(rows).astype(str)


# --- Excel cells that hold numbers where text belongs ----------------------------------------

def test_numbers_in_excel_id_and_phone_columns_are_refused(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    """An ID number Excel keeps as a number has lost its last digits; a phone as a number
    imported silently before. Each cell is named, with what to do."""
    frame = sample(3)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(frame.columns))
    for i, row in enumerate(frame.astype(object).itertuples(index=False)):
        values = list(row)
        if i == 0:
            values[list(frame.columns).index("phone")] = int(frame["phone"].iloc[0])
        if i == 1:
            values[list(frame.columns).index("id_no")] = int(an_id())
        sheet.append(values)
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    result = import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert result.refused and result.inserted == 0
    cells = {(r.row, r.column) for r in result.problems.itertuples()}
    assert {(2, "phone"), (3, "id_no")} <= cells
    text = lines_of(result)
    assert "format the column as text" in text
    assert not ELEVEN_DIGITS.search(text)


# --- times with a zone ------------------------------------------------------------------------

def test_times_with_a_zone_are_stored_as_utc(engine: Engine, actors: dict,
                                             tmp_path: Path) -> None:
    """Z and +08:00 are each converted by their own offset (a traceback before), on every
    database."""
    frame = text_frame(3)
    frame["submitted_at"] = ["2026-05-01T10:00:00Z", "2026-05-01T10:00:00+08:00",
                             "2026-05-01 10:00:00 +0530"]
    result = import_file(engine, actors["officer"], path=write_csv(frame, tmp_path / "z.csv"),
                         score=False)
    assert not result.refused, result.problem_lines()
    with unit_of_work(engine, write=False) as session:
        stored = {no: at for no, at in session.execute(select(
            Application.application_no, Application.submitted_at)).all()}
    got = [stored[no].replace(tzinfo=None) for no in frame["application_no"]]
    assert got == [datetime(2026, 5, 1, 10), datetime(2026, 5, 1, 2),
                   datetime(2026, 5, 1, 4, 30)]


def test_times_with_and_without_a_zone_in_one_column_are_refused(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(3)
    frame["submitted_at"] = ["2026-05-01T10:00:00Z", "2026-05-01 10:00:00",
                             "2026-05-01 11:00:00+08:00"]
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "mixed.csv"))
    assert result.refused
    zone = result.problems[result.problems["column"] == "submitted_at"]
    assert zone["row"].tolist() == [3] and "row 2 has one" in zone["reason"].iloc[0]


# --- encodings ---------------------------------------------------------------------------------

def test_a_utf8_file_with_one_gbk_row_is_refused_naming_the_line(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(4)
    frame["name"] = ["张三", "李四", "王五", "赵六"]
    path = tmp_path / "mixed.csv"
    lines = frame.to_csv(index=False).splitlines(keepends=True)
    path.write_bytes(b"".join(line.encode("gbk" if i == 3 else "utf-8")
                              for i, line in enumerate(lines)))
    with pytest.raises(InvalidInput, match=r"line 4 is not UTF-8"):
        import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    with unit_of_work(sqlite_engine, write=False) as session:
        assert session.scalars(select(Application)).first() is None


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "accepted"), [
    ("5,000,00", False), ("1,2,3", False), (",500", False), ("5,000,000", True),
    ("12,345.50", True)])
def test_thousands_separators(sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path,
                              amount: str, accepted: bool) -> None:
    frame = text_frame(1)
    frame["amount"] = amount
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "n.csv"), score=False)
    if accepted:
        assert not result.refused, result.problem_lines()
        with unit_of_work(sqlite_engine, write=False) as session:
            stored = session.scalars(select(Application.amount)).one()
        assert float(stored) == float(amount.replace(",", ""))
    else:
        assert result.refused
        assert result.problems[["row", "column"]].values.tolist() == [[2, "amount"]]
        assert "thousands separator" in result.problems["reason"].iloc[0]


# --- headers and field counts ------------------------------------------------------------------

@pytest.mark.parametrize("second", ["name", "姓名", " NAME "])
def test_a_repeated_header_is_refused(sqlite_engine: Engine, sqlite_actors: dict,
                                      tmp_path: Path, second: str) -> None:
    frame = text_frame(2)
    frame.insert(len(frame.columns), "dup", ["x", "y"])
    path = tmp_path / "dup.csv"
    text = frame.to_csv(index=False).replace(",dup\n", f",{second}\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match="both mean name"):
        import_file(sqlite_engine, sqlite_actors["officer"], path=path)


def test_records_of_the_wrong_width_are_named_one_by_one(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(4)
    n = len(frame.columns)
    lines = frame.to_csv(index=False).splitlines()
    lines[2] += ",extra"  # row 3: one field too many
    lines[4] = ",".join(lines[4].split(",")[:-2])  # row 5: two too few
    path = tmp_path / "width.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    message = str(caught.value)
    assert f"row 3 (line 3): expected {n} fields, found {n + 1}" in message
    assert f"row 5 (line 5): expected {n} fields, found {n - 2}" in message
    assert "row 2" not in message and "row 4" not in message


# --- characters --------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "code"), [
    ("张\u202e三", "U+202E"), ("张\u202a三", "U+202A"), ("\u2066李四", "U+2066"),
    ("王\u2069五", "U+2069"), ("赵\x1b[31m六", "U+001B"), ("孙\n七", "U+000A"),
    ("周\t八", "U+0009")])
def test_control_and_bidirectional_characters_in_a_name_are_refused(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path, name: str,
        code: str) -> None:
    frame = text_frame(2)
    frame.loc[1, "name"] = name
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "c.csv"))
    assert result.refused
    assert result.problems[["row", "column"]].values.tolist() == [[3, "name"]]
    text = lines_of(result)
    assert code in text and name[1] not in text.replace(name[0], "")


# --- personal data in the wrong column, and in messages ----------------------------------------

def test_personal_data_in_another_column_is_refused_and_masked(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(4)
    id_no = an_id()
    frame.loc[0, "birth_date"] = id_no  # an ID number in the birth-date column
    frame.loc[1, "device_id"] = "13912345678"  # a phone as the device
    card = a_card()
    frame.loc[2, "partner_code"] = " ".join(card[i:i + 4] for i in range(0, 16, 4))
    frame.loc[3, "id_no"] = "13912345678"  # a phone in the ID column
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "pii.csv"))
    assert result.refused
    by_cell = {(r.row, r.column): r.reason for r in result.problems.itertuples()}
    assert "looks like an ID number" in by_cell[(2, "birth_date")]
    assert "looks like a mobile number" in by_cell[(3, "device_id")]
    assert "looks like a card number" in by_cell[(4, "partner_code")]
    text = lines_of(result)
    assert not ELEVEN_DIGITS.search(text)
    for secret in (id_no, "13912345678", "3912345678", card[4:12], card[4:8] + " " + card[8:12]):
        assert secret not in text


def test_rejects_file_holds_no_plain_personal_data(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(4)
    frame.loc[0, "birth_date"] = an_id()
    frame.loc[1, "id_no"] = "13912345678"
    frame.loc[0, "device_id"] = "123456789012345"  # 15 digits, no known kind: masked anyway
    out = tmp_path / "rejects.csv"
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "r.csv"), skip_invalid=True,
                         rejects_path=out, score=False)
    assert result.rejected == 2 and result.inserted == 2
    written = out.read_text(encoding="utf-8-sig")
    assert not ELEVEN_DIGITS.search(written), written
    assert "3912345678" not in written


def test_cli_refuses_with_exit_code_2_and_no_traceback(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict, tmp_path: Path) -> None:
    env = {"RISKDESK_PASSWORD": PASSWORD}
    frame = text_frame(3)
    frame["submitted_at"] = ["2026-05-01T10:00:00Z", "2026-05-01 10:00:00",
                             "2026-05-01T10:00:00+08:00"]
    frame.loc[0, "birth_date"] = an_id()
    done = run_cli("import", str(write_csv(frame, tmp_path / "cli.csv")), "--db",
                   str(sqlite_path), "--user", "officer", env=env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "row 3, column submitted_at" in done.stderr
    assert not ELEVEN_DIGITS.search(done.stderr + done.stdout)
    frame["submitted_at"] = "2026-05-01T10:00:00Z"
    frame["birth_date"] = ""
    ok = run_cli("import", str(write_csv(frame, tmp_path / "ok.csv")), "--db",
                 str(sqlite_path), "--user", "officer", env=env)
    assert ok.returncode == 0, ok.stderr


# --- complaint and loan files share the rules --------------------------------------------------

def complaint_rows(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({
        "ref": [f"CC-{i}" for i in range(n)], "received_at": "2026-11-20 09:00",
        "channel": "phone", "category": "service_quality",
        "complainant_name": [f"客户{i}" for i in range(n)], "description": "太慢\n请处理"})


def test_complaint_files_refuse_control_characters_and_misplaced_data(
        engine: Engine, actors: dict, tmp_path: Path) -> None:
    frame = complaint_rows(4)
    frame.loc[1, "complainant_name"] = "张\u202e三"
    frame.loc[2, "ref"] = "13912345678"
    frame.loc[3, "received_at"] = "2026-11-20T01:00:00Z"
    path = tmp_path / "complaints.csv"
    frame.to_csv(path, index=False)
    result = import_complaints(engine, actors["officer"], path=path)
    assert result.refused and result.inserted == 0
    by_cell = {(r.row, r.column): r.reason for r in result.problems.itertuples()}
    assert "U+202E" in by_cell[(3, "complainant_name")]
    assert "mobile number" in by_cell[(4, "ref")]
    assert "row 5 has one" in by_cell[(2, "received_at")]
    shown = " ".join(str(v) for v in result.problems["value"])
    assert not ELEVEN_DIGITS.search(shown) and "\u202e" not in shown


def test_complaint_file_with_zoned_times_and_free_text_lines_imports(
        engine: Engine, actors: dict, tmp_path: Path) -> None:
    from riskdesk.domain.complaints import Complaint

    frame = complaint_rows(2)
    frame["received_at"] = ["2026-11-20T01:00:00Z", "2026-11-20 09:30:00+08:00"]
    path = tmp_path / "zoned.csv"
    frame.to_csv(path, index=False)
    result = import_complaints(engine, actors["officer"], path=path)
    assert not result.refused, result.problems
    with unit_of_work(engine, write=False) as session:
        got = sorted(c.received_at.replace(tzinfo=None)
                     for c in session.scalars(select(Complaint)))
    assert got == [datetime(2026, 11, 20, 1, 0), datetime(2026, 11, 20, 1, 30)]


def test_loan_files_refuse_thousands_zones_and_characters(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    loans = pd.DataFrame({
        "loan_no": ["LN-1", "LN-2", "LN\x1b-3"], "application_no": ["A1", "A2", "A3"],
        "principal": ["5,000,00", "5,000", "1000"],
        "disbursed_at": ["2026-05-01T02:00:00Z", "2026-05-01 10:00", "2026-05-01T02:00:00Z"],
        "term_months": "12", "apr": "12", "repayment_type": "equal_instalment"})
    path = tmp_path / "loans.csv"
    loans.to_csv(path, index=False)
    result = import_loan_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert result.refused and result.inserted == 0
    by_cell = {(r.row, r.column): r.reason for r in result.problems.itertuples()}
    assert "thousands separator" in by_cell[(2, "principal")]
    assert (3, "principal") not in by_cell  # 5,000 is a number
    assert "row 2 has one" in by_cell[(3, "disbursed_at")]
    assert "U+001B" in by_cell[(4, "loan_no")]


def test_loan_flow_file_in_excel_refuses_a_numeric_account(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["flow_no", "loan_no", "at", "amount", "direction", "channel",
                  "counterparty_account", "counterparty_type"])
    sheet.append(["F1", "LN-1", "2026-05-01 10:00", 100, "out", "transfer",
                  6222021234567890123, "person"])
    path = tmp_path / "flows.xlsx"
    book.save(path)
    result = import_loan_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert result.refused
    reasons = result.problems[result.problems["column"] == "counterparty_account"]["reason"]
    assert reasons.str.contains("format the column as text").any()
    assert not ELEVEN_DIGITS.search(" ".join(str(v) for v in result.problems["value"]))


def test_complaint_cli_exit_code_2(sqlite_engine: Engine, sqlite_path: Path,
                                   sqlite_actors: dict, tmp_path: Path) -> None:
    frame = complaint_rows(2)
    frame.loc[1, "complainant_name"] = "张\x1b三"
    path = tmp_path / "c.csv"
    frame.to_csv(path, index=False)
    done = run_cli("complaints", "import", str(path), "--db", str(sqlite_path), "--user",
                   "officer", env={"RISKDESK_PASSWORD": PASSWORD})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "U+001B" in done.stderr and "\x1b" not in done.stderr


def test_an_unknown_header_holding_a_phone_is_reported_masked(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(2)
    frame["13912345678"] = "x"  # a data row pasted above the header, say
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "u.csv"), score=False)
    assert not result.refused and len(result.unknown_columns) == 1
    assert not ELEVEN_DIGITS.search(result.unknown_columns[0])


@given(st.text(st.one_of(st.characters(), st.sampled_from(list("0123456789 -+Xx٠１"))),
               max_size=80))
def test_no_shown_value_or_log_line_holds_eleven_digits(text: str) -> None:
    """Whatever a cell holds, its message form and a log line built from it keep no run of 11
    digits (any script's digits) and no control character."""
    from riskdesk.logs import scrub
    from riskdesk.services.intake.cells import BAD_CHARS, shown

    out = shown(text, 10**6)
    assert not ELEVEN_DIGITS.search(out) and not BAD_CHARS.search(out)
    assert not ELEVEN_DIGITS.search(scrub(text))


def test_a_hex_device_id_is_not_taken_for_a_phone(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = text_frame(2)
    frame.loc[0, "device_id"] = "a16113912345678e"  # digits inside a token: not a phone
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "hex.csv"), score=False)
    assert not result.refused, result.problem_lines()
