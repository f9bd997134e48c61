"""Every file riskdesk reads, fuzzed (issue 9): complaint, loan, repayment and fund-flow files,
model files and the settings file. Only clean refusals: an InvalidInput with a message, or a
refused result naming rows; never a crash, never a partial write. (Application files: see
test_import.test_garbage_never_crashes_the_importer.)"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from riskdesk.errors import InvalidInput
from riskdesk.services.actor import Actor
from tests.helpers import count_rows

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
CELL = st.text(alphabet="ab,;\"'\n\r\t 0123456789-.:/é中\x00", max_size=12)


def csv_with(headers: list[str]) -> st.SearchStrategy[bytes]:
    """A file with the right headers and garbage under them, or plain garbage."""
    rows = st.lists(st.lists(CELL, min_size=0, max_size=len(headers) + 1), max_size=6)
    return st.one_of(
        st.binary(max_size=300),
        rows.map(lambda rs: "\n".join(",".join(r) for r in [headers, *rs])
                 .encode("utf-8", "replace")),
    )




@FUZZ
@given(data=csv_with(["工单号", "受理时间", "渠道", "投诉类别", "投诉内容", "手机号", "申请编号"]))
def test_complaint_files(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                         tmp_path: Path, data: bytes) -> None:
    from riskdesk.services.intake.complaints import import_complaints

    path = tmp_path / "complaints.csv"
    path.write_bytes(data)
    try:
        result = import_complaints(sqlite_engine, sqlite_actors["compliance"], path=path)
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert result.refused or result.inserted == result.rows_total
        if result.refused:
            assert count_rows(sqlite_engine, "complaint") == 0


LOAN_HEADERS = {
    "loans": ["loan_no", "application_no", "principal", "disbursed_at", "term_months", "apr",
              "repayment_type"],
    "repayments": ["loan_no", "instalment_no", "due_date", "due_amount", "paid_date",
                   "paid_amount"],
    "flows": ["flow_no", "loan_no", "at", "amount", "direction", "channel",
              "counterparty_account", "counterparty_type", "mcc"],
}


@FUZZ
@given(kind=st.sampled_from(sorted(LOAN_HEADERS)), data=st.data())
def test_loan_repayment_and_flow_files(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                                       tmp_path: Path, kind: str, data: st.DataObject) -> None:
    from riskdesk.services.intake.loans import import_loan_file

    body = data.draw(csv_with(LOAN_HEADERS[kind]))
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(body)
    try:
        result = import_loan_file(sqlite_engine, sqlite_actors["officer"], path=path)
    except InvalidInput as exc:
        assert str(exc)
    else:  # nothing can match: no application was approved, no loan exists
        assert result.refused or result.rows_total == 0
    assert sum(count_rows(sqlite_engine, t) for t in ("loan", "repayment", "fund_flow")) == 0


ARTEFACTS = st.one_of(st.binary(max_size=400), st.binary(max_size=200).map(lambda b: b"{" + b))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
          max_examples=25)
@given(artefact=ARTEFACTS, meta=st.one_of(
    st.binary(max_size=200),
    st.dictionaries(st.sampled_from(["features", "artefact_sha256", "x"]),
                    st.one_of(st.text(max_size=10), st.lists(st.text(max_size=4), max_size=3),
                              st.integers()), max_size=3).map(
        lambda d: __import__("json").dumps(d).encode())))
def test_model_files(tmp_path: Path, artefact: bytes, meta: bytes) -> None:
    from riskdesk.services.credit.registry import load_model_files

    (tmp_path / "m.ubj").write_bytes(artefact)
    (tmp_path / "m.json").write_bytes(meta)
    with pytest.raises(InvalidInput):
        load_model_files(tmp_path / "m.ubj", tmp_path / "m.json")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
          max_examples=4)  # each such file is probed in a child process (XGBoost is imported
@given(artefact=st.binary(max_size=200).map(lambda b: b"{" + b))  # there: seconds a file)
def test_garbage_named_by_its_own_hash_is_not_a_model(tmp_path: Path, artefact: bytes) -> None:
    """Even with metadata that names the garbage's own hash, it must be a real model."""
    import hashlib
    import json

    from riskdesk.services.credit.registry import load_model_files

    (tmp_path / "m.ubj").write_bytes(artefact)
    (tmp_path / "m.json").write_text(json.dumps(
        {"features": ["a"], "artefact_sha256": hashlib.sha256(artefact).hexdigest()}))
    with pytest.raises(InvalidInput):
        load_model_files(tmp_path / "m.ubj", tmp_path / "m.json")


def test_oversized_files_and_fields_are_refused_with_a_message(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from riskdesk.services.intake.applications import import_file
    from riskdesk.services.intake.loans import import_loan_file

    monkeypatch.setenv("RISKDESK_MAX_IMPORT_MB", "1")
    big = tmp_path / "big.csv"
    big.write_bytes(b"application_no,name\n" + b"x" * (2 * 2**20))
    with pytest.raises(InvalidInput, match="files above 1 MB are refused"):
        import_file(sqlite_engine, sqlite_actors["officer"], path=big)
    long = tmp_path / "flows.csv"
    long.write_text("flow_no,loan_no,at,amount,direction,channel,counterparty_type\n"
                    f"{'F' * 500},L1,2026-01-01 10:00,5,out,transfer,person\n")
    result = import_loan_file(sqlite_engine, sqlite_actors["officer"], path=long)
    assert result.refused
    assert "longer than 40 characters" in set(result.problems["reason"])
