"""The canonical content of an application: fast paths must give the same text and hashes as
the plain definitions (a stored row's content hash must keep matching its file row)."""
from __future__ import annotations

import hashlib
import os

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskdesk.security.datakey import DataCipher
from riskdesk.services.intake.content import (
    CONTENT_FIELDS,
    SEP,
    content_hashes,
    frame_strings,
    stored_strings,
)
from riskdesk.services.intake.validate import validate
from riskdesk.storage.bulk import column_values
from tests.helpers import sample


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.lists(st.text(alphabet="ab中\x1f é0", max_size=6) | st.none(),
                              min_size=len(CONTENT_FIELDS), max_size=len(CONTENT_FIELDS)),
                     min_size=0, max_size=30),
       start=st.integers(0, 5), chunk=st.integers(1, 7))
def test_content_hashes_are_the_sha256_of_the_joined_fields(rows: list[list[str | None]],
                                                             start: int, chunk: int) -> None:
    columns = {name: pa.array([r[i] or "" for r in rows], type=pa.string())
               for i, name in enumerate(CONTENT_FIELDS)}
    sliced = {name: a.slice(min(start, len(rows))) for name, a in columns.items()}
    expected = [hashlib.sha256(SEP.join(r[i] or "" for i in range(len(CONTENT_FIELDS)))
                               .encode()).hexdigest() for r in rows[min(start, len(rows)):]]
    assert content_hashes(sliced, chunk=chunk) == expected


def test_submission_times_read_as_the_stored_row_reads_them() -> None:
    """Whole seconds take Arrow's path, a fraction of a second the plain one; both as
    ``str(Timestamp)``, which is how a stored row is rendered."""
    cipher = DataCipher("k", os.urandom(32))
    for times in (["2026-08-30 17:39:14", None, "2026-01-02 03:04:05"],
                  ["2026-08-30 17:39:14.250000", "2026-01-02 03:04:05"]):
        frame = validate(sample(len(times))).clean
        frame["submitted_at"] = pd.to_datetime(pd.Series(times), format="ISO8601")
        strings, _ = frame_strings(frame, cipher)
        expected = [stored_strings({"submitted_at": None if t is None else
                                    pd.Timestamp(t).to_pydatetime()})["submitted_at"]
                    for t in times]
        assert strings["submitted_at"].to_pylist() == expected


def test_arrow_backed_text_columns_become_driver_values_with_none_for_missing() -> None:
    s = pd.Series(["a", None, "中文"], dtype="string[pyarrow]")

    class Conn:
        class dialect:  # noqa: N801 - stands in for SQLAlchemy's attribute
            name = "sqlite"

    assert column_values(Conn(), s) == ["a", None, "中文"]  # type: ignore[arg-type]


def test_problems_come_in_the_callers_language_and_order_from_the_checking_threads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Columns are checked on worker threads; the reasons still follow the language chosen
    for this call (a context variable), and the list is the same with one thread or four."""
    from riskdesk import i18n

    monkeypatch.setattr(i18n, "_catalogues", lambda lang: lambda ctx, text: "ZH:" + text)
    frame = sample(40, seed=2)
    frame.loc[3, ["amount", "phone", "term_months"]] = ["-5", "123", "x"]
    frame.loc[9, ["id_no", "product"]] = ["110101199003071234", "nothing"]
    monkeypatch.setenv("RISKDESK_THREADS", "4")  # the parallel test run sets 1
    with i18n.language("zh"):
        many = validate(frame).problems
    assert len(many) == 5 and many["reason"].str.startswith("ZH:").all()
    monkeypatch.setenv("RISKDESK_THREADS", "1")
    with i18n.language("zh"):
        one = validate(frame).problems
    pd.testing.assert_frame_equal(many, one)
    assert validate(frame).problems["reason"].str.startswith("ZH:").sum() == 0
