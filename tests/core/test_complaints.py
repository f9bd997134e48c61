"""Complaint handling (issue 6): intake, deadlines and extensions, each transition and each
refusal, recusal, the fraud-case link, and the monthly figures."""
from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.complaints import Complaint
from riskdesk.errors import InvalidInput, PermissionDenied, StaleVersion
from riskdesk.services.actor import Actor
from riskdesk.services.admin.users import create_user
from riskdesk.services.complaints import figures as cp_figures
from riskdesk.services.complaints import handling as cp
from riskdesk.services.intake.applications import import_frame
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import sample

pytestmark = pytest.mark.dates

REPLY = ("经核实……如不满意，可向上级机构申请复核，或申请调解、仲裁，或向法院提起诉讼。")


@pytest.fixture
def people(engine: Engine, actors: dict[str, Actor]):  # type: ignore[no-untyped-def]
    frame = sample(40, seed=31)
    import_frame(engine, actors["officer"], frame=frame, file_name="c.csv", sha256="c" * 64,
                 score=False)
    return engine, actors, frame


def new(engine: Engine, actor: Actor, frame, **kw):  # type: ignore[no-untyped-def]
    from riskdesk.domain.applications import Application

    with unit_of_work(engine) as s:
        app = s.scalars(select(Application).where(
            Application.application_no == frame["application_no"].iloc[0])).one()
        fields = {"channel": "phone", "category": "service_quality",
                  "description": "slow answers", "application_id": app.id} | kw
        return cp.register(s, actor, **fields)


def version(engine: Engine, complaint_id: int) -> int:
    with unit_of_work(engine, write=False) as s:
        return s.get(Complaint, complaint_id).version  # type: ignore[union-attr]


def test_intake_fills_in_the_customer_and_issues_a_number(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = people
    c = new(engine, actors["compliance"], frame)
    assert c.number.startswith("TS-") and c.complainant_name == frame["name"].iloc[0]
    assert c.applicant_id is not None and c.status == "received"
    assert c.due_at - c.received_at == timedelta(days=15)
    with unit_of_work(engine, write=False) as s:
        found = cp.find_customers(s, actors["officer"], text=frame["id_no"].iloc[0])
        assert [f.applicant_id for f in found] == [c.applicant_id]
        assert cp.find_customers(s, actors["officer"], text=frame["phone"].iloc[0])
        assert cp.find_customers(s, actors["officer"], text=frame["name"].iloc[0][:2])
        apps = cp.customer_applications(s, actors["officer"], applicant_id=c.applicant_id or 0)
        assert frame["application_no"].iloc[0] in [a.application_no for a in apps]
    for bad in ({"channel": "fax"}, {"category": "weather"}, {"description": " "},
                {"proxy_name": "其子", "proxy_authorisation": ""}):
        with pytest.raises(InvalidInput), unit_of_work(engine) as s:
            new(engine, actors["compliance"], frame, **bad)
    with pytest.raises(PermissionDenied):
        new(engine, actors["auditor"], frame)


def test_each_transition_and_its_required_fields(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = people
    who = actors["compliance"]
    c = new(engine, who, frame)
    with unit_of_work(engine) as s:
        cp.investigate(s, who, complaint_id=c.id, version=c.version)
    v = version(engine, c.id)
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:  # missing response
        cp.respond(s, who, complaint_id=c.id, version=v, response="")
    with pytest.raises(InvalidInput) as info, unit_of_work(engine) as s:
        cp.respond(s, who, complaint_id=c.id, version=v,
                   response="我们已处理。")  # names no further channel
    assert "mediation" in str(info.value)
    with unit_of_work(engine) as s:
        cp.respond(s, who, complaint_id=c.id, version=v, response=REPLY)
    v = version(engine, c.id)
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:  # missing root cause
        cp.close(s, who, complaint_id=c.id, version=v, reaction="accepted", root_cause="",
                 rectification="x")
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:  # missing rectification
        cp.close(s, who, complaint_id=c.id, version=v, reaction="accepted",
                 root_cause="process_gap",
                 rectification=" ")
    with unit_of_work(engine) as s:
        cp.close(s, who, complaint_id=c.id, version=v, reaction="rejected",
                 root_cause="process_gap",
                 rectification="call-back script changed")
    with pytest.raises(StaleVersion), unit_of_work(engine) as s:
        cp.reopen(s, who, complaint_id=c.id, version=v, reason="customer called again")
    with unit_of_work(engine) as s:
        r = cp.reopen(s, who, complaint_id=c.id, version=version(engine, c.id),
                      reason="customer called again")
        assert r.status == "investigating" and r.reopen_count == 1
    with unit_of_work(engine) as s:
        w = cp.withdraw(s, who, complaint_id=c.id, version=version(engine, c.id),
                        reason="letter of withdrawal")
        assert w.status == "withdrawn" and w.closed_at is not None
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:
        cp.investigate(s, who, complaint_id=c.id, version=version(engine, c.id))
    with unit_of_work(engine, write=False) as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.entity_type == "complaint", AuditEvent.entity_id == str(c.id))
            .order_by(AuditEvent.seq))]
    assert actions == ["complaint.register", "complaint.investigate", "complaint.respond",
                       "complaint.close", "complaint.reopen", "complaint.withdraw"]
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:  # wrong role
        cp.escalate(s, actors["auditor"], complaint_id=c.id, version=version(engine, c.id),
                    reason="x")


def test_recusal_on_assignment(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = people
    with unit_of_work(engine) as s:
        collector = create_user(s, actors["admin"], username="collector", password=PASSWORD,
                                roles=["officer"])
        collector.team = "collections"
        teammate = create_user(s, actors["admin"], username="teammate", password=PASSWORD,
                               roles=["officer"])
        teammate.team = "collections"
    c = new(engine, actors["compliance"], frame, category="collection_conduct",
            subject_user_id=collector.id, subject_team="collections")
    for user in (collector, teammate):
        with pytest.raises(PermissionDenied) as info, unit_of_work(engine) as s:
            cp.assign(s, actors["senior"], complaint_id=c.id, version=c.version,
                      user_id=user.id or 0)
        assert "someone else" in str(info.value)
    with unit_of_work(engine) as s:
        assert cp.assign(s, actors["senior"], complaint_id=c.id, version=c.version,
                         user_id=actors["officer"].user_id or 0).assignee_id == actors["officer"].user_id
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:  # officers do not assign
        cp.assign(s, actors["officer"], complaint_id=c.id, version=version(engine, c.id),
                  user_id=actors["officer"].user_id)


def test_extensions_and_the_special_one_needs_a_senior(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = people
    who = actors["compliance"]
    c = new(engine, who, frame)
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:  # special before complex
        cp.request_special_extension(s, who, complaint_id=c.id, version=c.version,
                                     reason="many parties")
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:  # complainant not told
        cp.extend(s, who, complaint_id=c.id, version=c.version, reason="needs partner records",
                  complainant_told=False)
    with unit_of_work(engine) as s:
        e = cp.extend(s, who, complaint_id=c.id, version=c.version, reason="needs partner records",
                      complainant_told=True)
        assert e.due_at - e.received_at == timedelta(days=30)
    with unit_of_work(engine) as s:
        cp.request_special_extension(s, who, complaint_id=c.id, version=version(engine, c.id),
                                     reason="court records awaited")
    for refused in (who, actors["officer"]):  # not a senior officer
        with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
            cp.approve_special_extension(s, refused, complaint_id=c.id, version=version(engine,
                                                                                        c.id),
                                         complainant_told=True)
    with unit_of_work(engine, write=False) as s:
        assert s.get(Complaint, c.id).due_at - e.received_at == timedelta(days=30)
    with unit_of_work(engine) as s:
        a = cp.approve_special_extension(s, actors["senior"], complaint_id=c.id,
                                         version=version(engine, c.id),
                                         complainant_told=True)
        assert a.extension == "special" and a.due_at - a.received_at == timedelta(days=60)


def test_working_days_setting_is_compliance_only_and_audited(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, _ = people
    friday = datetime(2026, 11, 20, 10)
    assert cp.add_days(friday, 1, True) == datetime(2026, 11, 23, 10)
    assert cp.add_days(friday, 15, True) == datetime(2026, 12, 11, 10)
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
        cp.set_deadlines(s, actors["senior"], new=cp.Deadlines(working_days=True))
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:
        cp.set_deadlines(s, actors["compliance"], new=cp.Deadlines(decide_days=40))
    with unit_of_work(engine) as s:
        cp.set_deadlines(s, actors["compliance"], new=cp.Deadlines(working_days=True))
    with unit_of_work(engine, write=False) as s:
        assert cp.deadlines(s).working_days
        assert cp.due_at(s, received_at=friday, extension="none") == datetime(2026, 12, 11, 10)


def test_identity_theft_opens_and_links_a_fraud_case(people) -> None:  # type: ignore[no-untyped-def]
    from riskdesk.services.cases.detail import load_case

    engine, actors, frame = people
    who = actors["compliance"]
    plain = new(engine, who, frame)
    with pytest.raises(InvalidInput), unit_of_work(engine) as s:
        cp.open_fraud_case(s, who, complaint_id=plain.id, version=plain.version)
    c = new(engine, who, frame, category="identity_theft", description="我从未申请过这笔贷款")
    with unit_of_work(engine) as s:
        case = cp.open_fraud_case(s, who, complaint_id=c.id, version=c.version)
        assert case.kind == "fraud" and case.application_no == frame["application_no"].iloc[0]
    again = new(engine, who, frame, category="identity_theft", description="再次投诉")
    with unit_of_work(engine) as s:  # the same application: the open fraud case is linked
        assert cp.open_fraud_case(s, who, complaint_id=again.id,
                                  version=again.version).id == case.id
        assert s.scalars(select(Case).where(Case.kind == "fraud")).all() == [
            s.get(Case, case.id)]
    with unit_of_work(engine) as s:
        detail = load_case(s, actors["officer"], case_id=case.id or 0)
        assert {x.number for x in detail.complaints} == {c.number, again.number}


def test_overdue_in_list_and_figures_but_not_when_extended(people) -> None:  # type: ignore[no-untyped-def]
    engine, actors, frame = people
    who = actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        now = utcnow(s)
    late = new(engine, who, frame, received_at=now - timedelta(days=16))
    extended = new(engine, who, frame, received_at=now - timedelta(days=16))
    with unit_of_work(engine) as s:  # extended on day 10 (the record is what counts)
        cp.extend(s, who, complaint_id=extended.id, version=extended.version, reason="complex",
                  complainant_told=True)
    fresh = new(engine, who, frame, received_at=now - timedelta(days=14))
    with unit_of_work(engine, write=False) as s:
        overdue = cp_figures.page(s, who, f=cp_figures.ComplaintFilter(overdue=True))
        assert [r.id for r in overdue] == [late.id]
        assert cp_figures.count(s, who, f=cp_figures.ComplaintFilter(overdue=True)) == 1
        assert cp_figures.count(s, who,
                                f=cp_figures.ComplaintFilter(due_soon=True)) == 1  # fresh: 1 day left
        assert [r.id for r in cp_figures.page(
            s, who, f=cp_figures.ComplaintFilter(due_soon=True))] == [fresh.id]
        # what the main window's status bar says (before its Complaints tab is built)
        assert cp_figures.deadline_counts(s, who) == (1, 1)
        figures = cp_figures.figures(s, who, month=now.strftime("%Y-%m"))
        assert figures.overdue == 1 and figures.extension_rate > 0
        assert figures.open_by_category == {"service_quality": 3}
        # 16 days before the tests' clock (25 November) is the same month: the same three.
        last = cp_figures.figures(s, who, month=(now - timedelta(days=16)).strftime("%Y-%m"))
        assert (last.month, last.received) == (figures.month, 3)


def test_call_centre_file_imports_whole_or_not_at_all(people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from riskdesk.services.intake.complaints import import_complaints

    engine, actors, frame = people
    who = actors["compliance"]
    good = pd.DataFrame({
        "工单号": ["CC-1", "CC-2", "CC-3"],
        "受理时间": ["2026-11-01 09:30", "2026-11-02 10:00", "2026/11/03 11:15"],
        "渠道": ["电话", "app", "信函"],
        "投诉类别": ["催收", "冒名贷款", "其他"],
        "身份证号": [frame["id_no"].iloc[0], "", ""],
        "手机号": ["", frame["phone"].iloc[1], ""],
        "申请编号": ["", frame["application_no"].iloc[1], ""],
        "投诉人": ["", "", "王女士"],
        "投诉内容": ["催收员辱骂", "我没有申请这笔贷款", "网点排队太久"],
    })
    path = tmp_path / "calls.csv"
    good.to_csv(path, index=False)
    result = import_complaints(engine, who, path=path)
    assert not result.refused and result.inserted == 3
    with unit_of_work(engine, write=False) as s:
        rows = s.scalars(select(Complaint).order_by(Complaint.id)).all()
        assert [r.source_ref for r in rows] == ["CC-1", "CC-2", "CC-3"]
        assert rows[0].complainant_name == frame["name"].iloc[0]  # found by the ID number
        assert rows[1].application_id is not None and rows[1].category == "identity_theft"
        assert rows[0].received_at == datetime(2026, 11, 1, 1, 30)  # Beijing time -> UTC
    again = import_complaints(engine, who, path=path)
    assert again.inserted == 0 and again.present == 3
    bad = good.copy()
    bad.loc[0, "投诉内容"] = "内容被改过"  # a conflict
    bad.loc[1, "渠道"] = "传真"
    bad.loc[2, "受理时间"] = "yesterday"
    bad.loc[3] = ["CC-4", "2026-11-04 08:00", "电话", "其他", "110101199001011234", "", "",
                  "", "x"]
    bad.to_csv(path, index=False)
    refused = import_complaints(engine, who, path=path)
    assert refused.refused and refused.inserted == 0
    reasons = {(p.row, p.column) for p in refused.problems.itertuples()}
    assert {(3, "渠道"), (4, "受理时间"), (5, "身份证号"), (2, "工单号")} <= reasons
    assert "110101199001011234" not in refused.problems.to_string()  # masked
    with unit_of_work(engine, write=False) as s:
        assert len(s.scalars(select(Complaint)).all()) == 3  # nothing written


def test_cli_imports_complaints_and_prints_figures(sqlite_engine: Engine, sqlite_actors: dict,
                                                   sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import run_cli

    path = tmp_path / "calls.csv"
    pd.DataFrame({"ticket": ["Z9"], "received": ["2026-11-20 10:00"], "channel": ["letter"],
                  "category": ["privacy"], "name": ["孙先生"],
                  "content": ["未经同意查询征信"]}).to_csv(path, index=False)
    env = {"RISKDESK_PASSWORD": PASSWORD}
    ok = run_cli("complaints", "import", str(path), "--db", str(sqlite_path), "--user",
                 "compliance", env=env)
    assert ok.returncode == 0 and "complaints registered 1" in ok.stdout, ok.stderr
    path.write_text("ticket,received,channel,category,content\nZ10,someday,fax,x,y\n")
    bad = run_cli("complaints", "import", str(path), "--db", str(sqlite_path), "--user",
                  "compliance", env=env)
    assert bad.returncode == 2 and "row 2, column received" in bad.stderr
    figures = run_cli("complaints", "figures", "--month", "2026-11", "--db", str(sqlite_path),
                      "--user", "auditor", env=env)
    assert figures.returncode == 0 and "received: 1" in figures.stdout


def test_month_details_for_the_monthly_report(people) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text as sql

    from riskdesk.services.periods import period

    engine, actors, frame = people
    who = actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        now = utcnow(s)
    late = new(engine, who, frame, channel="letter", received_at=now - timedelta(days=16))
    done = new(engine, who, frame, channel="app")
    with unit_of_work(engine) as s:
        cp.respond(s, who, complaint_id=done.id, version=done.version, response=REPLY)
    with unit_of_work(engine) as s:
        cp.close(s, who, complaint_id=done.id, version=version(engine, done.id),
                 reaction="accepted",
                 root_cause="system_error", rectification="fixed the batch job")
    month = f"{now + timedelta(hours=8):%Y-%m}"  # the bank's local month
    with unit_of_work(engine, write=False) as s:
        start, end = period(s, month=month).start, period(s, month=month).end
        details = cp_figures.month_details(s, who, month=month)
        received = dict(s.execute(sql(
            "SELECT channel, count(*) FROM complaint WHERE received_at >= :s AND "
            "received_at < :e GROUP BY channel"), {"s": start, "e": end}).all())
    assert details.by_channel == {k: int(v) for k, v in received.items()}
    assert details.root_causes == {"system_error": 1}
    assert [o[0] for o in details.overdue] == [late.number]
