"""Loan, repayment, fund-flow and complaint imports on the bulk path (issue 34), on every
database: a refused file or a failed audit event leaves no row behind, a committed file has
its audit event, conflicts are reported as before, and values (dates, times, amounts) come
back as an ORM insert stored them."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select, text

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.loans import FundFlow, Loan, Repayment
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail
from riskdesk.services.intake.complaints import import_complaints
from riskdesk.services.intake.loans import import_loan_file
from riskdesk.storage import planner
from riskdesk.storage.session import unit_of_work
from tests.helpers import write


def _count(engine: Engine, model: Any, action: str | None = None) -> int:
    with unit_of_work(engine, write=False) as s:
        if action is not None:
            return int(s.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == action)) or 0)
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _loan_statistics(engine: Engine) -> int:
    """How many of the loan table's columns PostgreSQL has statistics for (0 elsewhere)."""
    if engine.dialect.name != "postgresql":
        return 0
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT COUNT(*) FROM pg_stats WHERE tablename = 'loan'").scalar_one())


def _unaudited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every audit append fails: the file's rows were written by then and must go."""
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(trail, "append", broken)
    monkeypatch.setattr(trail, "append_many", broken)


def test_loan_files_and_complaints_land_whole_or_not_at_all(
        engine: Engine, scored: tuple[int, int], actors: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    officer, compliance = actors["officer"], actors["compliance"]
    with engine.connect() as conn:
        apps = conn.execute(text(
            "SELECT a.application_no FROM application a JOIN decision_record d ON "
            "d.application_id = a.id WHERE d.current_slot = 1 AND d.outcome = 'auto_approve' "
            "ORDER BY a.application_no")).scalars().all()[:2]
    loans = [{"loan_no": f"LN-{i}", "application_no": no, "principal": "12000.50",
              "disbursed_at": "2026-10-01 10:00", "start_date": "2026-10-01",
              "term_months": 12, "apr": "18.25", "repayment_type": "equal_instalment"}
             for i, no in enumerate(apps)]
    loan_file = write(tmp_path, "loans.csv", loans)
    monkeypatch.setattr(planner, "ANALYZE_FROM", 2)  # a large file, at a test's size
    with monkeypatch.context() as patch:
        _unaudited(patch)
        with pytest.raises(RuntimeError, match="audit trail unavailable"):
            import_loan_file(engine, officer, path=loan_file)
    assert _count(engine, Loan) == 0
    assert _loan_statistics(engine) == 0  # analysed in the transaction, rolled back with it
    assert import_loan_file(engine, officer, path=loan_file).inserted == 2
    if engine.dialect.name == "postgresql":  # the planner's statistics with the rows
        assert _loan_statistics(engine) > 0
    assert _count(engine, Loan, "loan.import.loans") == 1
    with unit_of_work(engine, write=False) as s:
        loan = s.scalars(select(Loan).where(Loan.loan_no == "LN-0")).one()
        assert (loan.principal, loan.apr, loan.start_date) == (
            Decimal("12000.50"), Decimal("18.25"), date(2026, 10, 1))
        assert loan.disbursed_at == datetime(2026, 10, 1, 2, 0)  # Beijing time -> UTC
    conflict = write(tmp_path, "loans2.csv", [{**loans[0], "principal": "13000"}])
    refused = import_loan_file(engine, officer, path=conflict)
    assert refused.refused and "different content" in refused.problems["reason"].iloc[0]

    dues = [{"loan_no": "LN-0", "instalment_no": k, "due_date": f"2026-{10 + k}-01",
             "due_amount": "1100.00", "paid_date": "", "paid_amount": ""} for k in (1, 2)]
    bad = write(tmp_path, "rep_bad.csv", [*dues, {**dues[0], "loan_no": "LN-nowhere",
                                                  "instalment_no": 3}])
    assert import_loan_file(engine, officer, path=bad).refused
    assert _count(engine, Repayment) == 0
    assert import_loan_file(engine, officer, path=write(tmp_path, "rep.csv", dues)).inserted == 2
    paid = write(tmp_path, "rep_paid.csv", [{**dues[0], "paid_date": "2026-11-02",
                                             "paid_amount": "1100.00"}, dues[1]])
    again = import_loan_file(engine, officer, path=paid)
    assert (again.inserted, again.updated, again.present) == (0, 1, 1)
    with unit_of_work(engine, write=False) as s:
        first = s.scalars(select(Repayment).where(Repayment.instalment_no == 1)).one()
        assert (first.paid_date, first.paid_amount) == (date(2026, 11, 2), Decimal("1100.00"))

    flow = {"flow_no": "F1", "loan_no": "LN-1", "at": "2026-10-01 11:00", "amount": "7000",
            "direction": "out", "channel": "transfer", "counterparty_account": "6222000011112222",
            "counterparty_name": "x", "counterparty_type": "person", "mcc": ""}
    flows = write(tmp_path, "flows.csv", [flow])
    with monkeypatch.context() as patch:
        _unaudited(patch)
        with pytest.raises(RuntimeError):
            import_loan_file(engine, officer, path=flows)
    assert _count(engine, FundFlow) == 0
    assert import_loan_file(engine, officer, path=flows).inserted == 1
    assert import_loan_file(engine, officer, path=write(
        tmp_path, "flows2.csv", [{**flow, "amount": "7001"}])).refused
    with unit_of_work(engine, write=False) as s:
        stored = s.scalars(select(FundFlow)).one()
        assert (stored.at, stored.amount) == (datetime(2026, 10, 1, 3, 0), Decimal("7000.00"))
        assert stored.counterparty_masked.endswith("2222") and stored.counterparty_hash

    calls = pd.DataFrame({"工单号": ["CC-1", "CC-2"],
                          "受理时间": ["2026-11-01 09:30", "2026-11-02 10:00"],
                          "渠道": ["电话", "app"], "投诉类别": ["催收", "其他"],
                          "申请编号": [apps[0], ""], "投诉人": ["", "王女士"],
                          "投诉内容": ["催收员辱骂", "网点排队太久"]})
    path = tmp_path / "calls.csv"
    calls.assign(渠道=["电话", "传真"]).to_csv(path, index=False)
    assert import_complaints(engine, compliance, path=path).refused
    calls.to_csv(path, index=False)
    with monkeypatch.context() as patch:
        _unaudited(patch)
        with pytest.raises(RuntimeError):
            import_complaints(engine, compliance, path=path)
    assert _count(engine, Complaint) == 0
    assert _count(engine, Complaint, "complaint.register") == 0
    assert import_complaints(engine, compliance, path=path).inserted == 2
    with unit_of_work(engine, write=False) as s:
        rows = s.scalars(select(Complaint).order_by(Complaint.id)).all()
        events = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "complaint.register").order_by(AuditEvent.seq)).all()
        assert [r.source_ref for r in rows] == ["CC-1", "CC-2"]
        assert [r.number for r in rows] == [f"TS-202611-{r.id:06d}" for r in rows]
        assert rows[0].received_at == datetime(2026, 11, 1, 1, 30)
        assert rows[0].application_id is not None and rows[0].status == "received"
        assert [e.entity_id for e in events] == [str(r.id) for r in rows]
    assert _count(engine, Complaint, "complaint.import") == 1
    assert import_complaints(engine, compliance, path=path).present == 2
