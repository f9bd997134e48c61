"""What the case window reads (issue 26): reasons in points with the notes compliance keeps on
the features, four-eyes with its reasons, a returned case in its maker's "My cases", deciding
someone else's case only when confirmed (and audited), views logged once a day and collapsed."""
from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.errors import NeedsConfirmation, PermissionDenied
from riskdesk.scoring import reasons as reason_codes
from riskdesk.scoring.scorecard import FACTOR, points_at
from riskdesk.services.actor import Actor
from riskdesk.services.cases import queue
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.detail import load_case
from riskdesk.services.credit import feature_notes
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.storage.session import unit_of_work


def _events(engine: Engine, case_id: int, action: str) -> list[AuditEvent]:
    with unit_of_work(engine, write=False) as s:
        return list(s.scalars(select(AuditEvent).where(
            AuditEvent.entity_type == "case", AuditEvent.entity_id == str(case_id),
            AuditEvent.action == action).order_by(AuditEvent.seq)))


def test_the_read_model_is_frozen_and_reasons_are_in_points(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    override, _ = scored
    with unit_of_work(engine) as s:
        d = load_case(s, actors["officer"], case_id=override)
    for part in (d, d.application, d.decision, d.application and d.application.income,
                 *d.reasons, *d.hits, *d.linked, *d.history):
        assert dataclasses.is_dataclass(part)
        with pytest.raises(dataclasses.FrozenInstanceError):
            part.__setattr__(dataclasses.fields(part)[0].name, None)  # type: ignore[arg-type]
    assert d.decision is not None and d.application is not None
    for r in d.reasons:
        assert r.points == round(-FACTOR * r.contribution)  # raising risk costs points
        assert (r.points <= 0) == (r.contribution > 0) or r.points == 0
        assert r.text.startswith(r.about)
    # the band thresholds in points follow the policy's PD thresholds
    assert d.decision.approve_above_points == points_at(d.decision.approve_below)
    assert d.decision.decline_at_points == points_at(d.decision.decline_from)
    assert d.decision.decline_at_points < d.decision.approve_above_points
    if d.decision.band == "decline":
        assert d.decision.points <= d.decision.decline_at_points + 1  # rounding at the edge
    # income and debt: the ratios from their inputs
    inc = d.application.income
    if inc.annual_income:
        assert inc.monthly_income == pytest.approx(inc.annual_income / 12)
        assert inc.payment_to_income == pytest.approx(inc.monthly_payment / inc.monthly_income)
        assert inc.debt_to_income == pytest.approx(
            ((inc.instalment_balances or 0) + float(d.application.amount)) / inc.annual_income)
    assert {f.feature for f in d.application.bureau} >= {"inq_last_6mths", "revol_util"}


def test_missing_values_and_numbers_read_as_sentences() -> None:
    assert reason_codes.sentence("open_il_12m", "", 0.2) == \
        "Instalment accounts opened in 12 months: not given: raises risk"
    assert reason_codes.head("annual_income", "120000") == "Annual income 120,000 CNY"
    assert reason_codes.head("total_bal_il", "42591.5") == "Instalment loan balances 42,591.50"
    assert reason_codes.head("verification_status", "Not_Verified") == \
        "Income verification: Not Verified"


def test_feature_notes_are_data_changed_by_compliance_and_audited(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    override, _ = scored
    with unit_of_work(engine, write=False) as s:
        shipped = feature_notes.feature_notes(s)
    assert "verification_status" in shipped and shipped["verification_status"].zh
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
        feature_notes.set_feature_note(s, actors["officer"], feature="verification_status",
                                       en="x", zh="y")
    with unit_of_work(engine, write=False) as s:
        d = load_case(s, actors["officer"], case_id=override)
        feature = d.reasons[0].feature
    with unit_of_work(engine) as s:
        feature_notes.set_feature_note(s, actors["compliance"], feature=feature,
                                       en="Read with the payslips.", zh="请结合工资单判断。")
    with unit_of_work(engine) as s:
        d = load_case(s, actors["officer"], case_id=override)
    first = d.reasons[0]
    assert (first.note_en, first.note_zh) == ("Read with the payslips.", "请结合工资单判断。")
    with unit_of_work(engine, write=False) as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "feature_note.change")).one()
    assert event.actor == "compliance" and event.entity_id == f"feature_note.{feature}"
    assert json.loads(event.after or "{}")["zh"] == "请结合工资单判断。"


def test_a_returned_case_goes_back_to_its_maker_with_both_reasons(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    override, _ = scored
    officer, senior = actors["officer"], actors["senior"]
    with unit_of_work(engine) as s:
        c = cases.decide(s, officer, case_id=override, version=1, decision="approve",
                         reason="payslips for six months")
        d = load_case(s, senior, case_id=override)
    assert d.four_eyes is not None and d.four_eyes.state == "awaiting_check"
    assert (d.four_eyes.maker, d.four_eyes.maker_reason) == ("officer", "payslips for six months")
    assert d.four_eyes.why == d.check_reasons
    with unit_of_work(engine) as s:  # decided unclaimed: the send-back hands it to the maker
        c = cases.check(s, senior, case_id=override, version=c.version, confirm=False,
                        reason="call the employer first")
        assert c.assignee_id == officer.user_id and c.status == "returned"
        d = load_case(s, officer, case_id=override)
        mine = queue.page_cases(s, officer, f=queue.CaseFilter(view="mine"))
    four = d.four_eyes
    assert four is not None and four.state == "returned"
    assert (four.maker_reason, four.checker, four.checker_reason) == (
        "payslips for six months", "senior", "call the employer first")
    assert [(r.id, r.status, r.returned_reason) for r in mine if r.id == override] == [
        (override, "returned", "call the employer first")]
    decisions = [(h.action, h.reason) for h in d.history if h.kind == "decision"]
    assert decisions == [("case.decide", "payslips for six months"),
                         ("case.check.send_back", "call the employer first")]
    with unit_of_work(engine) as s:
        c = cases.decide(s, officer, case_id=override, version=c.version, decision="approve",
                         reason="employer confirmed")
        c = cases.check(s, senior, case_id=override, version=c.version, confirm=True,
                        reason="agreed")
        d = load_case(s, officer, case_id=override)
    assert d.four_eyes is None and c.status == "decided"
    assert [h.reason for h in d.history if h.kind == "decision"][-1] == "agreed"


def test_deciding_someone_elses_case_is_confirmed_and_audited(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    _, alone = scored
    officer, senior = actors["officer"], actors["senior"]
    with unit_of_work(engine) as s:
        c = cases.claim(s, officer, case_id=alone, version=1)
    with pytest.raises(NeedsConfirmation, match="officer"), unit_of_work(engine) as s:
        cases.decide(s, senior, case_id=alone, version=c.version, decision="decline",
                     reason="known fraud ring")
    assert _events(engine, alone, "case.decide") == []
    with unit_of_work(engine) as s:
        cases.decide(s, senior, case_id=alone, version=c.version, decision="decline",
                     reason="known fraud ring",
                     other_assignee=True)
        d = load_case(s, senior, case_id=alone)
    (event,) = _events(engine, alone, "case.decide")
    assert event.actor == "senior"
    assert json.loads(event.after or "{}")["assignee_overridden"] == "officer"
    assert [h.assignee_overridden for h in d.history if h.action == "case.decide"] == ["officer"]


def test_views_are_logged_once_a_day_and_collapsed(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    """Six reloads in a morning: one case.view in the trail, one history line counting them;
    the next bank day the first view is logged again."""
    _, alone = scored
    with unit_of_work(engine, write=False) as s:
        now = utcnow(s)
    for minutes in range(6):
        with shifted(now + timedelta(minutes=minutes)), unit_of_work(engine) as s:
            d = load_case(s, actors["officer"], case_id=alone)
    assert len(_events(engine, alone, "case.view")) == 1
    with shifted(now + timedelta(days=1)), unit_of_work(engine) as s:
        load_case(s, actors["officer"], case_id=alone)
        load_case(s, actors["auditor"], case_id=alone)
        d = load_case(s, actors["officer"], case_id=alone)
    assert [e.actor for e in _events(engine, alone, "case.view")] == [
        "officer", "officer", "auditor"]
    views = [h for h in d.history if h.kind == "view"]
    assert [(h.actor, h.views) for h in views] == [("officer", 2), ("auditor", 1)]
    assert views[0].at > now  # at the last view


def test_compliance_writes_a_feature_note_from_the_command_line(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from riskdesk.cli import main
    from riskdesk.config import PASSWORD_ENV
    from tests.conftest import PASSWORD

    url = sqlite_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    args = ["model", "note", "emp_length_years", "--en", "Check the social insurance.",
            "--zh", "请核对社保记录。", "--db", url]
    assert main([*args, "--user", "officer"]) != 0  # officers may not
    assert main([*args, "--user", "compliance"]) == 0
    capsys.readouterr()
    assert main(["model", "notes", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "emp_length_years (compliance)" in out and "请核对社保记录。" in out
    assert "verification_status (shipped with the model)" in out
