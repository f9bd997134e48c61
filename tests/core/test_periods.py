"""The one rule for period figures (docs/periods.md): a month in the bank's zone, events by
their business time as recorded at the cut-off, reissues unchanged, late registrations listed
as restatements, states read at the cut-off, decisions counted when final."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services import periods
from riskdesk.services.actor import Actor
from riskdesk.services.complaints import figures as cp_figures
from riskdesk.services.complaints import handling as cp
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.reporting import archive as reports
from riskdesk.storage import clock
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import run_cli, sample

pytestmark = pytest.mark.dates


def _register(engine: Engine, who: Actor, received: datetime) -> int:
    with unit_of_work(engine) as s:
        return cp.register(s, who, channel="phone", category="service_quality",
                           description="slow answers", complainant_name="王女士",
                           received_at=received).id or 0


def _issued(engine: Engine, report_id: int) -> dict:  # type: ignore[type-arg]
    with unit_of_work(engine, write=False) as s:
        after = s.scalars(select(AuditEvent.after).where(
            AuditEvent.action == "report.generate",
            AuditEvent.entity_id == str(report_id))).one()
    return json.loads(after)  # type: ignore[no-any-return]


def test_late_registration_counts_in_its_month_reissue_unchanged_restated_later(
        engine: Engine, actors: dict[str, Actor]) -> None:
    who = actors["compliance"]
    # 2026-11-10 10:00 in Shanghai: received and registered in November.
    with clock.shifted(datetime(2026, 11, 10, 2, 0)):
        _register(engine, who, datetime(2026, 11, 10, 2, 0))
    # 1 December, 10:00 in Shanghai: November's report is issued.
    with clock.shifted(datetime(2026, 12, 1, 2, 0)):
        first = reports.monthly_report(engine, who, month="2026-11", language="en")
    assert _issued(engine, first.report.id or 0)["headline"]["complaints_received"] == 1
    # 2 December: a complaint received on 20 November is registered.
    with clock.shifted(datetime(2026, 12, 2, 3, 0)):
        _register(engine, who, datetime(2026, 11, 20, 2, 0))
        with unit_of_work(engine, write=False) as s:
            assert cp_figures.figures(s, who,
                                      month="2026-11").received == 2  # in November, as of now
            assert cp_figures.figures(s, who,
                                      month="2026-12").received == 0  # and in no other month
            # As recorded at the first issue's cut-off, November had one.
            assert cp_figures.figures(s, who, month="2026-11",
                                      cut_off=first.report.cut_off).received == 1
        again = reports.monthly_report(engine, who, month="2026-11", language="en")  # a reissue
    assert again.report.cut_off == first.report.cut_off
    assert _issued(engine, again.report.id or 0)["headline"] == \
        _issued(engine, first.report.id or 0)["headline"]
    # January: December's report lists what the late registration changed in November.
    with clock.shifted(datetime(2027, 1, 1, 2, 0)):
        december = reports.monthly_report(engine, who, month="2026-12", language="en")
        with unit_of_work(engine, write=False) as s:
            restated = periods.restatements(s, who, cut_off=december.report.cut_off,
                                            other_than="2026-12")
    assert [(r.month, r.figure, r.as_issued, r.now) for r in restated] == [
        ("2026-11", "complaints_received", 1, 2)]
    assert _issued(engine, december.report.id or 0)["restated"] == [
        ["2026-11", "complaints_received", 1, 2]]


def test_the_cli_prints_last_months_complaint_received_late(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path) -> None:  # type: ignore[no-untyped-def]
    today = datetime(2026, 12, 6, 2, 0)  # 6 December, 10:00 in Shanghai
    with clock.shifted(today) as offset:
        _register(sqlite_engine, sqlite_actors["compliance"], datetime(2026, 11, 20, 2, 0))
    sqlite_engine.dispose()
    env = {"RISKDESK_PASSWORD": PASSWORD, clock.OFFSET_ENV: f"{offset.total_seconds():.6f}"}
    out = run_cli("complaints", "figures", "--month", "2026-11", "--db", str(sqlite_path),
                  "--user", "auditor", env=env)
    assert out.returncode == 0 and "received: 1" in out.stdout.splitlines(), out.stderr
    default = run_cli("complaints", "figures", "--db", str(sqlite_path), "--user", "auditor",
                      env=env)  # this month, by the clock, is December: nothing received
    assert "month: 2026-12" in default.stdout and "received: 0" in default.stdout


def test_overdue_is_read_at_the_cut_off_not_at_the_months_end(
        engine: Engine, actors: dict[str, Actor]) -> None:
    who = actors["compliance"]
    with clock.shifted(datetime(2026, 11, 18, 2, 0)):
        due_3rd = _register(engine, who, datetime(2026, 11, 18, 2, 0))  # due 3 December
    with clock.shifted(datetime(2026, 12, 6, 2, 0)):
        with unit_of_work(engine, write=False) as s:
            details = cp_figures.month_details(s, who, month="2026-11")
            figures = cp_figures.figures(s, who, month="2026-11")
        issued = reports.monthly_report(engine, who, month="2026-11", language="en")
    with unit_of_work(engine, write=False) as s:
        number = s.get(cp.Complaint, due_3rd).number  # type: ignore[union-attr]
    assert [o[0] for o in details.overdue] == [number] and figures.overdue == 1
    assert issued.report.cut_off.date().isoformat() == "2026-12-06"


def test_decisions_count_when_final_awaiting_check_apart(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    from riskdesk.domain.cases import Case
    from riskdesk.services.cases import work as cases
    from riskdesk.services.reporting.monthly import monthly_figures
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    officer, senior = sqlite_actors["officer"], sqlite_actors["senior"]
    with clock.shifted(datetime(2026, 11, 20, 2, 0)):
        frame = sample(300, seed=5)
        frame["submitted_at"] = "2026-11-19 09:00:00"
        import_frame(sqlite_engine, officer, frame=frame, file_name="p.csv", sha256="5" * 64)
        with unit_of_work(sqlite_engine, write=False) as s:
            rows = s.execute(select(Case.id, Case.version, Case.band).where(
                Case.kind == "pre_loan")).all()
        decline = [r for r in rows if r.band == "decline"]
        plain = [r for r in rows if r.band != "decline"]
        assert len(decline) >= 2 and plain
        with unit_of_work(sqlite_engine) as s:  # needs no check: final at once
            cases.claim(s, officer, case_id=plain[0].id, version=plain[0].version)
        with unit_of_work(sqlite_engine) as s:
            c = s.get(Case, plain[0].id)
            cases.decide(s, officer, case_id=c.id, version=c.version, decision="decline",
                         reason="income not shown")  # type: ignore[union-attr]
        for r in decline[:2]:  # approving the decline band waits for a senior officer
            with unit_of_work(sqlite_engine) as s:
                cases.claim(s, officer, case_id=r.id, version=r.version)
            with unit_of_work(sqlite_engine) as s:
                c = s.get(Case, r.id)
                cases.decide(s, officer, case_id=c.id, version=c.version, decision="approve",
                             reason="salary verified")  # type: ignore[union-attr]
    with clock.shifted(datetime(2026, 11, 20, 3, 0)):
        with unit_of_work(sqlite_engine) as s:
            c = s.get(Case, decline[0].id)
            cases.check(s, senior, case_id=c.id, version=c.version,
                        confirm=True)  # type: ignore[union-attr]
    with clock.shifted(datetime(2026, 12, 1, 2, 0)):
        with unit_of_work(sqlite_engine, write=False) as s:
            f = monthly_figures(s, officer, month="2026-11", cut_off=clock.utcnow())
    # The confirmed approval and the plain decline are final; one approval still waits.
    assert f.officer_decisions == {"approve": 1, "decline": 1}
    assert f.awaiting_check == 1
    assert [(o.checker, o.outcome) for o in f.overrides] == [("senior", "confirmed"),
                                                             (None, None)]
    # Model monitoring's override rate counts the same way: the confirmed approval only.
    from riskdesk.services.credit.monitoring import monitor

    with clock.shifted(datetime(2026, 12, 1, 2, 0)):
        lines = monitor(sqlite_engine, sqlite_actors["compliance"], month="2026-11")
    assert any("100.0% of 1 decided" in line for line in lines), lines


def test_the_month_follows_the_banks_time_zone_set_by_compliance(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    who = sqlite_actors["compliance"]
    # 30 November 20:00 UTC: 1 December 04:00 in Shanghai, still November in London.
    with clock.shifted(datetime(2026, 11, 30, 21, 0)):
        _register(sqlite_engine, who, datetime(2026, 11, 30, 20, 0))
        with unit_of_work(sqlite_engine, write=False) as s:
            assert periods.business_zone(s) == "Asia/Shanghai"
            assert periods.current_month(s) == "2026-12"
            assert cp_figures.figures(s, who, month="2026-12").received == 1
        with pytest.raises(PermissionDenied), unit_of_work(sqlite_engine) as s:
            periods.set_business_zone(s, sqlite_actors["officer"], zone="Europe/London")
        with pytest.raises(InvalidInput), unit_of_work(sqlite_engine) as s:
            periods.set_business_zone(s, who, zone="Mars/Olympus")
        with unit_of_work(sqlite_engine) as s:
            periods.set_business_zone(s, who, zone="Europe/London")
        with unit_of_work(sqlite_engine, write=False) as s:
            assert periods.current_month(s) == "2026-11"
            assert cp_figures.figures(s, who, month="2026-11").received == 1
            assert cp_figures.figures(s, who, month="2026-12").received == 0
            change = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "setting.change",
                AuditEvent.entity_id == periods.TIME_ZONE)).one()
    assert json.loads(change.after or "{}") == {"value": "Europe/London"}
    assert change.actor == "compliance"


def test_month_arithmetic_and_bounds() -> None:
    assert periods.months_back("2026-01", 1) == "2025-12"
    assert periods.months_back("2026-12", -1) == "2027-01"
    assert periods.months_back("2026-03", 14) == "2025-01"
    assert periods.utc_of(datetime(2026, 12, 1).date(), "Asia/Shanghai") == \
        datetime(2026, 11, 30, 16, 0)
    with pytest.raises(InvalidInput):
        periods.month_days("2026-13")
    # Hong Kong and Shanghai keep no summer time; London does.
    assert periods.utc_of(datetime(2026, 7, 1).date(), "Europe/London") == \
        datetime(2026, 6, 30, 23, 0)


def test_cli_shows_and_sets_the_time_zone(sqlite_engine: Engine,
                                          sqlite_actors: dict[str, Actor],
                                          sqlite_path) -> None:  # type: ignore[no-untyped-def]
    sqlite_engine.dispose()
    env = {"RISKDESK_PASSWORD": PASSWORD}
    db = ["--db", str(sqlite_path)]
    shown = run_cli("report", "time-zone", *db, "--user", "auditor", env=env)
    assert shown.returncode == 0 and shown.stdout.strip() == "time zone: Asia/Shanghai"
    refused = run_cli("report", "time-zone", "Asia/Hong_Kong", *db, "--user", "officer",
                      env=env)
    assert refused.returncode == 1 and "may not" in refused.stderr
    bad = run_cli("report", "time-zone", "Nowhere", *db, "--user", "compliance", env=env)
    assert bad.returncode == 2 and "Nowhere" in bad.stderr
    set_ = run_cli("report", "time-zone", "Asia/Hong_Kong", *db, "--user", "compliance",
                   env=env)
    assert set_.returncode == 0 and "Asia/Hong_Kong" in set_.stdout
    with unit_of_work(sqlite_engine, write=False) as s:
        assert periods.business_zone(s) == "Asia/Hong_Kong"


def test_a_zone_change_moves_neither_a_reissue_nor_earlier_months(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    who = sqlite_actors["compliance"]
    # 30 November 20:00 UTC is 1 December in Shanghai, still November in London.
    with clock.shifted(datetime(2026, 11, 30, 21, 0)):
        _register(sqlite_engine, who, datetime(2026, 11, 30, 20, 0))
    with clock.shifted(datetime(2027, 1, 2, 2, 0)):
        first = reports.monthly_report(sqlite_engine, who, month="2026-12", language="en")
    assert _issued(sqlite_engine, first.report.id or 0)["headline"]["complaints_received"] == 1
    with clock.shifted(datetime(2027, 1, 3, 2, 0)):
        with unit_of_work(sqlite_engine) as s:
            periods.set_business_zone(s, who, zone="Europe/London")
        again = reports.monthly_report(sqlite_engine, who, month="2026-12",
                                       language="en")  # reissue
        with unit_of_work(sqlite_engine, write=False) as s:
            assert cp_figures.figures(s, who,
                                      month="2026-12").received == 0  # today's zone: November
            assert periods.business_zone(s, at=first.report.cut_off) == "Asia/Shanghai"
    assert _issued(sqlite_engine, again.report.id or 0)["headline"] == \
        _issued(sqlite_engine, first.report.id or 0)["headline"]
    assert _issued(sqlite_engine, again.report.id or 0)["zone"] == "Asia/Shanghai"
    with clock.shifted(datetime(2027, 2, 1, 12, 0)):  # January's report, in London time
        january = reports.monthly_report(sqlite_engine, who, month="2027-01", language="en")
    assert _issued(sqlite_engine, january.report.id or 0)["restated"] == []
