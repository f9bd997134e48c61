"""One case creator (issue 23): only ``services/cases/opening.py`` inserts review cases, and
each kind of case it opens (pre-loan from scoring, post-loan and annual review from the
monitoring run, fraud from a complaint, partner review) carries the queue's columns (the
review_case read model, see ``domain/cases.py``) as the four creators filled them before:
each expected value is read here from the tables the queue copies it from."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select, text

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor
from riskdesk.services.partners import performance as partner_performance
from riskdesk.services.postloan.monitoring import PRIORITY, RANK, run_monitoring
from riskdesk.storage.session import unit_of_work
from tests.helpers import AS_OF, ROOT, Book, approved

pytestmark = pytest.mark.dates

# The one module that inserts cases, and the 10-million-row benchmark builder.
ALLOWED = {"riskdesk/services/cases/opening.py", "riskdesk/bench/queue.py"}
INSERTS = [
    re.compile(r"(?<![\w.])Case\((?!SQLModel)"),  # an ORM object (class Case(SQLModel...) aside)
    re.compile(r"table_of\(\s*Case\s*\)\s*\.\s*insert\b"),
    re.compile(r"insert(?:_columns)?\(\s*(?:\w+\s*,\s*)?(?:table_of\(\s*)?Case\b"),
    re.compile(r"INSERT\s+INTO\s+[\"'`]?review_case\b", re.IGNORECASE),
]
# Every column of review_case, each checked below (a new column must be added here).
QUEUE = ("application_no", "applicant_name", "id_no_masked", "product", "channel", "amount",
         "submitted_at", "pd", "points", "band", "flags", "decision_record_id")
OTHER = ("id", "kind", "application_id", "dedupe_key", "status", "is_open", "priority",
         "due_at", "assignee_id", "decision", "maker_id", "reason", "decided_by_id",
         "checked_by_id", "created_at", "updated_at", "version")


def test_only_the_opening_module_inserts_review_cases() -> None:
    offenders = []
    for path in sorted((ROOT / "riskdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED or rel.startswith("riskdesk/migrations/"):
            continue
        offenders += [f"{rel}: {hit}" for hit in _inserts(path.read_text(encoding="utf-8"))]
    assert offenders == []
    assert _inserts((ROOT / "riskdesk/services/cases/opening.py").read_text(encoding="utf-8"))


def _inserts(source: str) -> list[str]:
    """Inserts into the case table in a module's source, also through a name bound to it
    (``CASES = table_of(Case)``, then ``CASES.insert()``)."""
    patterns = list(INSERTS)
    for name in re.findall(r"^(\w+)\s*=\s*(?:table_of\(\s*Case\s*\)|Case\.__table__)\s*$",
                           source, re.MULTILINE):
        patterns += [re.compile(rf"\b{name}\s*\.\s*insert\b"),
                     re.compile(rf"insert(?:_columns)?\(\s*(?:\w+\s*,\s*)?{name}\b")]
    return [m.group(0) for pattern in patterns for m in pattern.finditer(source)]
    assert set(QUEUE) | set(OTHER) == set(Case.model_fields)


def _cases(conn: Connection, kind: str) -> list[dict[str, Any]]:
    cases = table_of(Case)
    rows = conn.execute(select(cases).where(cases.c.kind == kind).order_by(cases.c.id))
    return [dict(r) for r in rows.mappings()]


def _source(conn: Connection, application_id: int | None) -> dict[str, Any]:
    """What the queue copies from an application, its applicant and its current decision
    (the case's defaults, "" and -1, where there is none)."""
    out: dict[str, Any] = {"application_no": "", "applicant_name": "", "id_no_masked": "",
                           "product": "", "channel": "", "amount": Decimal(-1),
                           "submitted_at": None, "pd": -1.0, "points": -1, "band": "",
                           "flags": "", "decision_record_id": None}
    if application_id is None:
        return out
    a, p, d = (table_of(t).c for t in (Application, Applicant, DecisionRecord))
    app = conn.execute(select(
        a.application_no, p.name.label("applicant_name"), p.id_no_masked, a.product,
        a.channel, a.amount, a.submitted_at).join_from(
            table_of(Application), table_of(Applicant), p.id == a.applicant_id).where(
        a.id == application_id)).mappings().one()
    out.update(app)
    record = conn.execute(select(
        d.id.label("decision_record_id"), d.pd, d.points, d.band, d.flags).where(
        d.application_id == application_id, d.current_slot == 1)).mappings().first()
    if record is not None:
        out.update(record)
    return out


def _same_queue(case: dict[str, Any], expected: dict[str, Any]) -> None:
    got = {k: case[k] for k in QUEUE}
    want = {k: expected[k] for k in QUEUE}
    for k in ("amount", "pd"):  # Money and Double: as stored by each dialect
        got[k], want[k] = round(float(got[k]), 2 if k == "amount" else 9), \
            round(float(want[k]), 2 if k == "amount" else 9)
    assert got == want, case["id"]


def _fresh(case: dict[str, Any]) -> None:
    """What every newly opened case has, of whatever kind."""
    assert (case["status"], bool(case["is_open"]), case["version"]) == ("new", True, 1)
    assert case["assignee_id"] is None and case["decision"] is None
    assert case["maker_id"] is None and case["decided_by_id"] is None
    assert case["checked_by_id"] is None and case["created_at"] == case["updated_at"]


def _opened(conn: Connection, case_id: int) -> dict[str, Any]:
    """The one case.open audit event of a case, its ``after``."""
    rows = conn.execute(text("SELECT after FROM audit_event WHERE action = 'case.open' AND "
                             "entity_type = 'case' AND entity_id = :i"),
                        {"i": str(case_id)}).scalars().all()
    assert len(rows) == 1, case_id
    return dict(json.loads(rows[0]))


def test_each_kind_of_case_opens_with_the_queue_columns_as_before(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from riskdesk.services.complaints import handling as complaints

    # Pre-loan: scoring an import opens a case for each flagged application.
    apps = approved(engine, actors, 3)
    with engine.connect() as conn:
        pre = _cases(conn, "pre_loan")
        assert pre
        for case in pre:
            _fresh(case)
            _same_queue(case, _source(conn, case["application_id"]))
            record = conn.execute(text(
                "SELECT d.band, d.max_severity, d.run_id, p.review_sla_hours FROM "
                "decision_record d JOIN policy_version p ON p.id = d.policy_version_id WHERE "
                "d.id = :d"), {"d": case["decision_record_id"]}).one()
            band, severity = record.band, record.max_severity
            medium = severity in ("medium", "high")
            priority = (1 if band == "decline" or severity == "high" else
                        2 if band == "review" and medium else
                        3 if band == "review" or medium else 4)
            assert case["priority"] == priority
            assert case["dedupe_key"] == f"pre_loan:{case['application_id']}"
            assert case["reason"] == ""
            assert case["due_at"] - case["created_at"] == timedelta(
                hours=record.review_sla_hours)
            assert conn.execute(text(  # scoring audits its run, not each case
                "SELECT count(*) FROM audit_event WHERE action = 'case.open' AND "
                "entity_id = :i"), {"i": str(case["id"])}).scalar_one() == 0

    # Post-loan and annual review: the monitoring run opens one per application and kind.
    b = Book(apps)
    unpaid = {k: (None, 0) for k in range(5, 13)}
    b.loan("late", start=date(2026, 4, 1), paid=unpaid, principal=15000)
    b.loan("annual", start=AS_OF - timedelta(days=400), term=24, principal=30000)
    b.load(engine, actors["officer"], tmp_path)
    run = run_monitoring(engine, actors["officer"], as_of=AS_OF)
    assert run.cases_opened == 2
    with engine.connect() as conn:
        for kind, loan_no in (("post_loan", "LN-late"), ("annual_review", "LN-annual")):
            [case] = _cases(conn, kind)
            _fresh(case)
            loan = conn.execute(text("SELECT id, principal, application_id FROM loan WHERE "
                                     "loan_no = :n"), {"n": loan_no}).one()
            alerts = conn.execute(text("SELECT code, severity FROM loan_alert WHERE "
                                       "case_id = :c"), {"c": case["id"]}).all()
            codes = ",".join(sorted({a.code for a in alerts}))
            expected = _source(conn, loan.application_id) | {
                "amount": loan.principal, "flags": codes[:255]}
            _same_queue(case, expected)
            assert case["application_id"] == loan.application_id
            assert case["dedupe_key"] is None and case["reason"] == ""
            top = {v: k for k, v in RANK.items()}[max(RANK[a.severity] for a in alerts)]
            assert case["priority"] == PRIORITY[top]
            assert case["due_at"] - case["created_at"] == timedelta(hours=72)
            assert _opened(conn, case["id"]) == {"kind": kind, "loan": loan.id,
                                                 "alerts": codes, "run": run.run_id}

    # Fraud: an identity-theft complaint opens one on the application it names.
    who = actors["compliance"]
    with engine.connect() as conn:
        app_id, app_no = conn.execute(text(
            "SELECT id, application_no FROM application WHERE application_no = :n"),
            {"n": apps[0]}).one()
    with unit_of_work(engine) as s:
        c = complaints.register(s, who, channel="phone", category="identity_theft",
                                description="我从未申请过这笔贷款", application_id=app_id)
    with unit_of_work(engine) as s:
        opened = complaints.open_fraud_case(s, who, complaint_id=c.id or 0, version=c.version)
        assert isinstance(opened, Case) and opened.id is not None
        assert opened.application_no == app_no and opened.kind == "fraud"
    with engine.connect() as conn:
        [case] = _cases(conn, "fraud")
        assert case["id"] == opened.id
        _fresh(case)
        _same_queue(case, _source(conn, app_id))
        assert case["application_id"] == app_id and case["dedupe_key"] == f"fraud:{app_id}"
        assert case["priority"] == 1 and case["reason"] == ""
        assert case["due_at"] == min(c.due_at, case["created_at"] + timedelta(days=3))
        assert _opened(conn, case["id"]) == {"kind": "fraud", "application_no": app_no,
                                             "complaint": c.number}

    # Partner review: a partner over the complaints threshold, on no application.
    def month_of(session: Any, actor: Actor, month: str, *_: Any) -> list[Any]:
        return [partner_performance.PartnerMonth(partner_id=7, code="P1",
                                                 name="P1 Consumer Finance", loans=50,
                                                 complaints=3)]

    monkeypatch.setattr(partner_performance, "performance", month_of)
    with unit_of_work(engine) as s:
        ids = partner_performance.raise_review_cases(s, actors["officer"], month="2026-11")
    with unit_of_work(engine) as s:
        assert partner_performance.raise_review_cases(s, actors["officer"], month="2026-11") == []
    with engine.connect() as conn:
        [case] = _cases(conn, "partner_review")
        assert ids == [case["id"]]
        _fresh(case)
        _same_queue(case, _source(conn, None) | {
            "application_no": "P1", "applicant_name": "P1 Consumer Finance",
            "flags": "COMPLAINTS_OVER"})  # the threshold breached, which the queue shows
        assert case["application_id"] is None
        assert case["dedupe_key"] == "partner_review:P1:2026-11"
        assert case["priority"] == 1
        assert case["reason"] == "60.0 complaints per 1,000 loans"
        assert case["due_at"] - case["created_at"] == timedelta(days=5)
        assert _opened(conn, case["id"]) == {
            "kind": "partner_review", "partner": "P1", "month": "2026-11",
            "why": ["60.0 complaints per 1,000 loans"]}
        assert conn.execute(select(Case.id)).all()  # and nothing else went missing
