"""Application import (issue 3): encodings, headers, every kind of bad value, idempotence,
conflicts, rejects, atomicity under SIGKILL, and garbage that must never crash."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from riskdesk.domain.applications import Application, ImportBatch
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.intake.applications import import_file
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import ROOT, chinese_headers, run_cli, sample, write_csv


def count(engine: Engine) -> int:
    with unit_of_work(engine, write=False) as session:
        return int(session.scalar(select(func.count()).select_from(Application)) or 0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
@pytest.mark.parametrize("headers", ["en", "zh"])
def test_encodings_and_header_languages(sqlite_engine: Engine, sqlite_actors: dict,
                                        tmp_path: Path, encoding: str, headers: str) -> None:
    frame = sample(20)
    out = chinese_headers(frame) if headers == "zh" else frame
    path = write_csv(out, tmp_path / "apps.csv", encoding)
    result = import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert not result.refused, result.problem_lines()
    assert result.inserted == 20 and count(sqlite_engine) == 20
    with unit_of_work(sqlite_engine, write=False) as session:
        names = set(session.scalars(select(Application.application_no)))
    assert names == set(frame["application_no"])


def test_gbk_chinese_values_are_read_as_chinese(sqlite_engine: Engine, sqlite_actors: dict,
                                                tmp_path: Path) -> None:
    frame = sample(3)
    frame["product"] = ["现金贷", "消费分期", "信用卡"]
    frame["repayment_type"] = "等额本息"
    path = write_csv(chinese_headers(frame), tmp_path / "gbk.csv", "gbk")
    result = import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert not result.refused and result.file_format == "csv-gb18030"
    with unit_of_work(sqlite_engine, write=False) as session:
        products = sorted(session.scalars(select(Application.product)))
    assert products == ["cash_loan", "credit_card", "instalment"]


def test_excel_workbook(sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    frame = sample(15)
    path = tmp_path / "apps.xlsx"
    chinese_headers(frame).to_excel(path, index=False)
    result = import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert not result.refused, result.problem_lines()
    assert result.file_format == "xlsx" and result.inserted == 15


BAD_VALUES = [
    ("amount", "-100", "greater than 0"),
    ("amount", "abc", "not a number"),
    ("amount", "12.345", "decimal places"),
    ("term_months", "0", "at least 1"),
    ("term_months", "61", "at most 60"),
    ("term_months", "12.5", "whole number"),
    ("apr", "101", "at most 100"),
    ("submitted_at", "2026-02-30 10:00", "date and time"),
    ("submitted_at", "2099-01-01 10:00", "future"),
    ("id_no", "99000119900101123", "18-character"),
    ("id_no", "990001199001011230", "check digit"),
    ("id_no", "990001199013011235", "birth date"),
    ("phone", "12345678901", "mobile"),
    ("card_no", "1234", "card"),
    ("product", "mortgage", "expected one of"),
    ("name", "", "missing"),
    ("application_no", "A B", "letters, digits"),
    ("ip", "999.1.1.1", "IPv4"),
    ("birth_date", "1970-01-01", "birth date in the ID"),
]


@pytest.mark.parametrize(("column", "value", "reason"), BAD_VALUES)
def test_each_kind_of_bad_value_is_named(sqlite_engine: Engine, sqlite_actors: dict,
                                         tmp_path: Path, column: str, value: str,
                                         reason: str) -> None:
    frame = sample(5)
    if column == "birth_date":
        frame["birth_date"] = ""
    frame.loc[2, column] = value
    if column == "id_no" and "birth" in reason:  # a correct check digit on an impossible date
        from riskdesk.domain.identity import check_char
        frame.loc[2, column] = value[:17] + check_char(value[:17])
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "bad.csv"))
    assert result.refused
    assert list(result.problems["row"]) == [4]
    assert list(result.problems["column"]) == [column]
    assert reason in result.problems["reason"].iloc[0]
    assert count(sqlite_engine) == 0


def test_three_bad_rows_refuse_the_file_with_three_messages(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """Acceptance: 3 bad rows -> exit 2 semantics, 3 precise messages, count unchanged."""
    good = sample(10, prefix="G")
    import_file(engine, actors["officer"], path=write_csv(good, tmp_path / "good.csv"))
    before = count(engine)
    frame = sample(30)
    frame.loc[2, "amount"] = "-1"
    frame.loc[10, "phone"] = "1234"
    frame.loc[20, "term_months"] = "99"
    result = import_file(engine, actors["officer"], path=write_csv(frame, tmp_path / "bad3.csv"))
    assert result.refused and len(result.problems) == 3
    lines = result.problem_lines()
    assert lines[0].startswith("row 4, column amount") and "greater than 0" in lines[0]
    assert lines[1].startswith("row 12, column phone, value \"****\"")
    assert lines[2].startswith("row 22, column term_months") and "at most 60" in lines[2]
    assert count(engine) == before
    with unit_of_work(engine, write=False) as session:
        refused = session.scalars(select(ImportBatch).where(ImportBatch.outcome == "refused")).one()
    assert refused.rows_rejected == 3


def test_reimport_is_idempotent_and_changes_are_conflicts(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    frame = sample(25)
    path = write_csv(frame, tmp_path / "a.csv")
    first = import_file(engine, actors["officer"], path=path)
    assert first.inserted == 25
    again = import_file(engine, actors["officer"], path=path)
    assert not again.refused and again.inserted == 0 and again.present == 25
    changed = frame.copy()
    changed.loc[7, "amount"] = str(float(changed.loc[7, "amount"]) + 500)
    result = import_file(engine, actors["officer"], path=write_csv(changed, tmp_path / "b.csv"))
    assert result.refused and result.conflicts == 1 and len(result.problems) == 1
    problem = result.problems.iloc[0]
    assert problem["column"] == "amount" and problem["row"] == 9
    assert changed.loc[7, "application_no"] in problem["reason"]
    assert count(engine) == 25


def test_a_frame_with_missing_optional_values_imports_and_reimports(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """A frame handed in (the demo, a bank database read) may carry None/NaN, not "", for an
    empty optional value: it is empty, not a malformed card number; a re-import of the same
    frame is "already present" (the same canonical content hash)."""
    from riskdesk.services.intake.applications import import_frame

    frame = sample(20, seed=12)
    frame.loc[[2, 5], "card_no"] = None
    frame.loc[[3], "device_id"] = None
    first = import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="f",
                         sha256="6" * 64, score=False)
    assert not first.refused and first.inserted == 20
    with unit_of_work(sqlite_engine, write=False) as session:
        no_card = session.scalars(select(Application.application_no).where(
            Application.card_enc.is_(None))).all()
    assert set(frame.loc[[2, 5], "application_no"]) <= set(no_card)
    again = import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="f",
                         sha256="6" * 64, score=False)
    assert not again.refused and again.present == 20 and again.inserted == 0


def test_changed_phone_conflict_shows_no_plain_value(sqlite_engine: Engine,
                                                    sqlite_actors: dict, tmp_path: Path) -> None:
    frame = sample(5)
    import_file(sqlite_engine, sqlite_actors["officer"], path=write_csv(frame, tmp_path / "a.csv"))
    frame.loc[1, "phone"] = "14199998888"
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "b.csv"))
    assert result.refused and list(result.problems["column"]) == ["phone"]
    assert "14199998888" not in " ".join(result.problem_lines())


def test_skip_invalid_writes_masked_rejects(sqlite_engine: Engine, sqlite_actors: dict,
                                            tmp_path: Path) -> None:
    frame = sample(12)
    frame.loc[3, "id_no"] = frame.loc[3, "id_no"][:-1] + ("1" if frame.loc[3, "id_no"][-1] != "1"
                                                          else "2")
    frame.loc[5, "amount"] = "0"
    rejects = tmp_path / "rejects.csv"
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "a.csv"), skip_invalid=True,
                         rejects_path=rejects)
    assert not result.refused and result.inserted == 10 and result.rejected == 2
    out = pd.read_csv(rejects, dtype=str, keep_default_na=False)
    assert list(out["row"]) == ["5", "7"]
    assert "check digit" in out.loc[0, "reasons"]
    assert frame.loc[3, "id_no"] not in rejects.read_text(encoding="utf-8-sig")
    assert frame.loc[3, "phone"] not in rejects.read_text(encoding="utf-8-sig")


def test_duplicates_inside_the_file(sqlite_engine: Engine, sqlite_actors: dict,
                                    tmp_path: Path) -> None:
    frame = sample(6)
    frame.loc[4, "application_no"] = frame.loc[1, "application_no"]
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(frame, tmp_path / "d.csv"))
    assert result.refused and "first seen in row 3" in result.problems["reason"].iloc[0]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"application_no,name\nA1,x\n", "Required column"),
    (b"\xff\xfe\x00\x00garbage\x81\x00", "UTF-8"),
    ("申请编号,application_no\n1,2\n".encode(), "both mean"),
])
def test_file_level_problems(sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path,
                             content: bytes, message: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    assert message in str(info.value)


def test_auditor_may_not_import(sqlite_engine: Engine, sqlite_actors: dict,
                                tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        import_file(sqlite_engine, sqlite_actors["auditor"],
                    path=write_csv(sample(2), tmp_path / "a.csv"))


def test_cli_import_exit_codes(sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict,
                               tmp_path: Path) -> None:
    env = {"RISKDESK_PASSWORD": PASSWORD}
    frame = sample(8)
    good = write_csv(chinese_headers(frame), tmp_path / "gbk.csv", "gbk")
    ok = run_cli("import", str(good), "--db", str(sqlite_path), "--user", "officer", env=env)
    assert ok.returncode == 0, ok.stderr
    assert "8 imported" in ok.stdout
    frame.loc[0, "amount"] = "x"
    bad = run_cli("import", str(write_csv(frame, tmp_path / "bad.csv")), "--db",
                  str(sqlite_path), "--user", "officer", env=env)
    assert bad.returncode == 2 and "row 2, column amount" in bad.stderr
    wrong = run_cli("import", str(good), "--db", str(sqlite_path), "--user", "officer",
                    env={"RISKDESK_PASSWORD": "nope-nope"})
    assert wrong.returncode == 1 and "refused" in wrong.stderr


KILL_SCRIPT = r"""
import sys, time
from riskdesk.storage.engine import make_engine
from riskdesk.services.actor import Actor
from riskdesk.services.intake.applications import import_file
from riskdesk.services.admin.users import sign_in
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState
import riskdesk.storage.bulk as bulk
bulk.CHUNK = 500
bulk.JOURNAL_SWITCH_ROWS = 1000
set_journal = bulk.set_journal_at_once
def reported(raw, mode):
    switched = set_journal(raw, mode)
    print("JOURNAL", mode.lower() if switched else "unchanged", flush=True)
    return switched
bulk.set_journal_at_once = reported
engine = make_engine(sys.argv[1])
with unit_of_work(engine) as s:
    actor = sign_in(s, username="officer", password=sys.argv[3], channel="test")
def slow(fraction, message):
    if fraction > 0.4:
        print("WRITING", flush=True)
        time.sleep(0.05)
import_file(engine, actor, path=__import__("pathlib").Path(sys.argv[2]), state=TaskState(slow))
print("FINISHED", flush=True)
"""


@pytest.mark.parametrize("journal", ["delete", "unchanged"])
def test_sigkill_during_import_leaves_no_partial_batch(sqlite_engine: Engine,
                                                       sqlite_path: Path, sqlite_actors: dict,
                                                       tmp_path: Path, journal: str) -> None:
    """Killed in the rollback-journal mode of a load that has the file to itself (a hot
    journal is left and rolled back by the next opener), and in WAL mode beside a reader."""
    path = write_csv(sample(6000, seed=3), tmp_path / "big.csv")
    if journal == "delete":
        sqlite_engine.dispose()  # the loader alone with the file
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(sqlite_path), str(path),
                             PASSWORD], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    deadline = time.time() + 120
    lines: list[str] = []
    while time.time() < deadline:
        lines.append(proc.stdout.readline())
        if "WRITING" in lines[-1] or not lines[-1]:
            break
    assert "WRITING" in lines[-1], "the import never reached the write phase"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert f"JOURNAL {journal}\n" in lines
    assert Path(f"{sqlite_path}-journal").exists() == (journal == "delete")  # hot journal
    assert count(sqlite_engine) == 0
    with unit_of_work(sqlite_engine, write=False) as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")
                              if "\ud800" not in t else b""),
    st.lists(st.lists(st.text(alphabet="ab,\"\n\r1-.é中", max_size=8), max_size=6),
             max_size=8).map(lambda rows: "\n".join(",".join(r) for r in
                                                   [["application_no", "name", "id_no",
                                                     "phone", "product", "amount"]] + rows)
                             .encode()),
))
def test_garbage_never_crashes_the_importer(sqlite_engine: Engine, sqlite_actors: dict,
                                            tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(data)
    try:
        result = import_file(sqlite_engine, sqlite_actors["officer"], path=path)
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert result.refused or result.inserted == 0
    assert count(sqlite_engine) == 0


def test_problems_name_the_files_own_headers(sqlite_engine: Engine, sqlite_actors: dict,
                                            tmp_path: Path) -> None:
    frame = sample(4)
    frame.loc[1, "amount"] = "-5"
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(chinese_headers(frame), tmp_path / "zh.csv", "gbk"))
    assert result.refused and list(result.problems["column"]) == ["amount"]
    assert result.problem_lines()[0].startswith("row 3, column 申请金额")


def test_every_application_points_at_its_own_applicant(engine: Engine, actors: dict,
                                                       tmp_path: Path) -> None:
    """New applicants are written in hash order and numbered in that order; each application
    must still point at the person of its own row (repeat applicants at the same one)."""
    from riskdesk.domain.applications import Applicant
    from riskdesk.security.datakey import load_cipher

    frame = sample(400, seed=11)
    repeat = frame.iloc[5]
    frame.loc[7, ["name", "id_no"]] = repeat[["name", "id_no"]]
    result = import_file(engine, actors["officer"], path=write_csv(frame, tmp_path / "a.csv"),
                         score=False)
    assert result.inserted == 400
    with unit_of_work(engine, write=False) as session:
        cipher = load_cipher(session, create=False)
        stored = {no: (name, cipher.decrypt("id_no", enc), pid) for no, name, enc, pid in
                  session.execute(select(Application.application_no, Applicant.name,
                                         Applicant.id_no_enc, Applicant.id)
                                  .join(Applicant, Applicant.id == Application.applicant_id))}
        people = session.scalar(select(func.count()).select_from(Applicant))
    assert {no: (n, i) for no, (n, i, _) in stored.items()} == {
        str(r.application_no): (str(r.name), str(r.id_no)) for r in frame.itertuples()}
    assert stored[frame.loc[7, "application_no"]][2] == stored[repeat["application_no"]][2]
    assert people == frame["id_no"].nunique()


def test_a_time_with_a_fraction_of_a_second_reimports_as_already_present(
        engine: Engine, actors: dict, tmp_path: Path) -> None:
    """Whole seconds are rendered by Arrow, a fraction value by value; either way a re-import
    (whole file, the fraction alone, the rest alone) finds the stored content."""
    frame = sample(20, seed=5)
    frame["submitted_at"] = frame["submitted_at"].astype(str)
    frame.loc[3, "submitted_at"] = frame.loc[3, "submitted_at"][:19] + ".250"
    path = write_csv(frame, tmp_path / "fraction.csv")
    first = import_file(engine, actors["officer"], path=path, score=False)
    assert (first.inserted, first.conflicts) == (20, 0)
    again = import_file(engine, actors["officer"], path=path, score=False)
    assert (again.inserted, again.present, again.conflicts) == (0, 20, 0), again.problem_lines()
    for part in (frame.iloc[[3]], frame.drop(index=3)):  # the fraction alone, or not there
        again = import_file(engine, actors["officer"], path=write_csv(part, tmp_path / "part.csv"),
                            score=False)
        assert (again.inserted, again.present, again.conflicts) == (0, len(part), 0), \
            again.problem_lines()


def test_the_progress_names_each_stage_in_order_and_never_goes_back(
        sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the progress dialog shows: every stage of a load, the index rebuild and the
    commit of a large one included, with the bar moving only forwards into the scoring."""
    import functools

    import riskdesk.services.intake.applications as service
    from riskdesk.storage import bulk
    from riskdesk.tasks import TaskState
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    # the index rebuild of a load that at least doubles the tables, at a test's size
    monkeypatch.setattr(service, "deferred_sqlite_indexes",
                        functools.partial(bulk.deferred_sqlite_indexes, minimum=1))
    path = write_csv(sample(300, seed=21), tmp_path / "stages.csv")
    marks: list[tuple[float, str]] = []
    result = import_file(sqlite_engine, sqlite_actors["officer"], path=path,
                         state=TaskState(lambda f, m: marks.append((f, m))))
    assert result.inserted == 300 and result.scoring is not None
    fractions = [f for f, _ in marks]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    stages = list(dict.fromkeys(m for _, m in marks))
    assert stages[:6] == ["Reading stages.csv", "Checking 300 rows",
                          "Comparing with stored applications", "Writing applications",
                          "Rebuilding the indexes", "Saving"]
    assert stages[-1] == "Done" and any(s.startswith("Scoring") for s in stages[6:-1])
