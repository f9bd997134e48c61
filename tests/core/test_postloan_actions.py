"""Post-loan actions on a loan's case (issue 26, item 4): each recorded as a decision with a
reason, audited and signed; four-eyes for calling early and reclassifying; refusals for the
wrong roles; a missed promise to pay raises its reminder in the monitoring run; a confirmed
reclassification is an exception in the monthly report."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from riskdesk.errors import InvalidInput, NeedsConfirmation, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.audit import anchor_file
from riskdesk.services.audit.signatures import verify_signatures
from riskdesk.services.cases import postloan_actions as pl
from riskdesk.services.cases import work as cases
from riskdesk.services.periods import current_month, local_day, period
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.services.reporting import archive as reports
from riskdesk.services.reporting.monthly import monthly_figures
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import cash_out_case, pdftotext

pytestmark = pytest.mark.dates


def version(engine: Engine, case_id: int) -> int:
    with unit_of_work(engine, write=False) as s:
        return cases.get_case(s, case_id=case_id).version


def act(engine: Engine, actor: Actor, case_id: int, action: str, reason: str = "checked",
        **kw: object) -> pl.ActionRow:
    with unit_of_work(engine) as s:
        return pl.act(s, actor, case_id=case_id, version=version(engine, case_id), action=action,
                      reason=reason,
                      **kw)  # type: ignore[arg-type]


def check(engine: Engine, actor: Actor, case_id: int, confirm: bool,
          reason: str = "") -> pl.ActionRow:
    with unit_of_work(engine) as s:
        return pl.check(s, actor, case_id=case_id, version=version(engine, case_id),
                        confirm=confirm,
                        reason=reason)


def view(engine: Engine, actor: Actor, case_id: int) -> pl.PostLoanView:
    with unit_of_work(engine, write=False) as s:
        v = pl.postloan_view(s, actor, case_id=case_id)
    assert v is not None
    return v


def row(engine: Engine, sql: str, **params: object) -> tuple:  # type: ignore[type-arg]
    with engine.connect() as conn:
        return tuple(conn.execute(text(sql), params).one())


def test_freezing_the_line_is_recorded_audited_and_signed(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    case_id, loan_no = cash_out_case(engine, actors, tmp_path)
    v = view(engine, actors["auditor"], case_id)  # the loan the window leads with
    assert v.loan_no == loan_no and v.dpd is not None and v.dpd > 30
    assert v.floor == "special_mention" and v.category == "special_mention"
    assert {a.code for a in v.alerts} >= {"PROCEEDS_OUT", "FIRST_PAYMENT_MISSED"}
    for who in ("compliance", "auditor"):
        with pytest.raises(PermissionDenied):
            act(engine, actors[who], case_id, "freeze_line")
    with pytest.raises(InvalidInput):
        act(engine, actors["officer"], case_id, "freeze_line", reason="  ")
    done = act(engine, actors["officer"], case_id, "freeze_line",
               reason="proceeds moved out within two hours")
    assert done.status == "done"
    frozen, = row(engine, "SELECT line_frozen_at FROM loan WHERE loan_no = :n", n=loan_no)
    assert frozen is not None
    after, signature = row(engine, "SELECT after, signature FROM audit_event WHERE action = "
                           "'case.postloan' AND entity_id = :i", i=str(case_id))
    data = json.loads(after)
    assert data["decision"] == "freeze_line" and data["loan"] == loan_no
    assert data["reason"] == "proceeds moved out within two hours" and signature
    status, assignee = row(engine, "SELECT status, assignee_id FROM review_case WHERE id = :i",
                           i=case_id)
    assert status == "in_review" and assignee == actors["officer"].user_id
    with pytest.raises(InvalidInput):  # once
        act(engine, actors["officer"], case_id, "freeze_line", reason="again")
    with unit_of_work(engine, write=False) as s:  # the trail with these events verifies
        result = verify_signatures(s, anchor_records=None,
                                   database=anchor_file.database_id(s))
    assert result.ok, result.failures
    assert result.signed >= 1


def test_pre_loan_decisions_are_not_taken_on_a_post_loan_case(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    case_id, _ = cash_out_case(sqlite_engine, sqlite_actors, tmp_path)
    for decision in ("approve", "decline", "request_info"):
        with pytest.raises(InvalidInput, match="post-loan"), unit_of_work(sqlite_engine) as s:
            cases.decide(s, sqlite_actors["officer"], case_id=case_id,
                         version=version(sqlite_engine, case_id),
                         decision=decision, reason="reason")
    with pytest.raises(InvalidInput):
        act(sqlite_engine, sqlite_actors["officer"], case_id, "approve")
    with unit_of_work(sqlite_engine, write=False) as s:  # a pre-loan case has no loan view
        pre = s.execute(text("SELECT id FROM review_case WHERE kind = 'pre_loan'")).first()
        assert pre is None or pl.postloan_view(s, sqlite_actors["officer"],
                                               case_id=int(pre[0])) is None


def test_call_early_needs_a_senior_who_is_not_the_maker(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    case_id, loan_no = cash_out_case(engine, actors, tmp_path)
    made = act(engine, actors["officer"], case_id, "call_early", reason="cash-out confirmed")
    assert made.status == "awaiting_check"
    assert row(engine, "SELECT status, maker_id FROM review_case WHERE id = :i", i=case_id) == (
        "awaiting_check", actors["officer"].user_id)
    assert row(engine, "SELECT called_at FROM loan WHERE loan_no = :n", n=loan_no) == (None,)
    with pytest.raises(PermissionDenied):  # an officer does not check
        check(engine, actors["officer"], case_id, True)
    with pytest.raises(InvalidInput):  # the pre-loan check does not take it
        with unit_of_work(engine) as s:
            cases.check(s, actors["senior"], case_id=case_id, version=version(engine, case_id),
                        confirm=True)
    with pytest.raises(InvalidInput):  # nothing else while it waits
        act(engine, actors["officer"], case_id, "contact", channel="phone",
            outcome="not_reached")
    with pytest.raises(InvalidInput):  # a send-back needs its reason
        check(engine, actors["senior"], case_id, False)
    back = check(engine, actors["senior"], case_id, False, reason="ask for documents first")
    assert back.status == "sent_back" and back.check_reason == "ask for documents first"
    assert row(engine, "SELECT status, assignee_id FROM review_case WHERE id = :i",
               i=case_id) == ("returned", actors["officer"].user_id)
    assert row(engine, "SELECT called_at FROM loan WHERE loan_no = :n", n=loan_no) == (None,)
    act(engine, actors["officer"], case_id, "call_early", reason="documents refused")
    done = check(engine, actors["senior"], case_id, True, reason="agreed")
    assert done.status == "confirmed" and done.checker == "senior"
    assert row(engine, "SELECT called_at FROM loan WHERE loan_no = :n", n=loan_no)[0] is not None
    assert row(engine, "SELECT status, decision FROM review_case WHERE id = :i",
               i=case_id) == ("decided", "call_early")
    signed = row(engine, "SELECT count(*) FROM audit_event WHERE entity_id = :i AND action IN "
                 "('case.postloan', 'case.postloan.confirm', 'case.postloan.send_back') AND "
                 "signature IS NOT NULL AND signature <> ''", i=str(case_id))
    assert signed == (4,)


def test_reclassify_above_the_floor_is_four_eyes_and_an_exception_in_the_monthly_report(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    case_id, loan_no = cash_out_case(engine, actors, tmp_path)
    for at_or_below in ("normal", "special_mention", "nonsense"):
        with pytest.raises(InvalidInput, match="floor"):
            act(engine, actors["officer"], case_id, "reclassify", category=at_or_below)
    act(engine, actors["officer"], case_id, "reclassify", reason="income gone, cash-out",
        category="substandard")
    assert view(engine, actors["officer"], case_id).category == "special_mention"  # waits
    with pytest.raises(PermissionDenied):
        check(engine, actors["compliance"], case_id, True)
    check(engine, actors["senior"], case_id, True)
    v = view(engine, actors["officer"], case_id)
    assert v.actions[0].status == "confirmed" and v.actions[0].checker == "senior"
    assert v.category == "substandard" and v.floor == "special_mention"
    assert v.case_status == "in_review" and v.pending is None
    run_monitoring(engine, actors["officer"])  # the snapshot takes the class above the floor
    assert row(engine, "SELECT s.category FROM loan_snapshot s JOIN loan l ON l.id = s.loan_id "
               "WHERE l.loan_no = :n ORDER BY s.month DESC", n=loan_no) == ("substandard",)
    with unit_of_work(engine) as s:
        month = current_month(s)
        f = monthly_figures(s, actors["compliance"], month=month, cut_off=utcnow(s))
        [r] = f.reclassified
        assert (r.loan_no, r.floor, r.category, r.maker, r.checker, r.reason) == (
            loan_no, "special_mention", "substandard", "officer", "senior",
            "income gone, cash-out")
        before = monthly_figures(s, actors["compliance"], month=month,
                                 cut_off=period(s, month=month).start + timedelta(seconds=1))
        assert before.reclassified == []  # not yet confirmed at that cut-off
    issued = reports.monthly_report(engine, actors["compliance"], month=month, language="en")
    (tmp_path / "m.pdf").write_bytes(issued.pdf)
    body = " ".join(pdftotext(tmp_path / "m.pdf").split())
    assert "loans classed above their days-past-due floor" in body
    assert loan_no in body and "substandard" in body
    # A senior who makes one may not check it (four-eyes).
    act(engine, actors["senior"], case_id, "reclassify", reason="worse", category="doubtful",
        other_assignee=True)
    with pytest.raises(PermissionDenied, match="four-eyes"):
        check(engine, actors["senior"], case_id, True)


def test_contact_with_a_promise_to_pay_raises_a_reminder_once_it_passes_unpaid(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    engine, actors = sqlite_engine, sqlite_actors
    case_id, loan_no = cash_out_case(engine, actors, tmp_path)
    with unit_of_work(engine) as s:
        today = local_day(s)
    with pytest.raises(InvalidInput):  # a promise needs its date, not in the past
        act(engine, actors["officer"], case_id, "contact", channel="phone",
            outcome="promised_to_pay", promise_date=today - timedelta(days=1))
    with pytest.raises(InvalidInput):  # a date only with a promise
        act(engine, actors["officer"], case_id, "contact", channel="phone",
            outcome="not_reached", promise_date=today)
    with pytest.raises(InvalidInput):  # channel and outcome required
        act(engine, actors["officer"], case_id, "contact", channel="pigeon",
            outcome="not_reached")
    promise = today + timedelta(days=3)
    done = act(engine, actors["officer"], case_id, "contact", reason="called the borrower",
               channel="phone", outcome="promised_to_pay", promise_date=promise)
    assert (done.channel, done.outcome, done.promise_date) == ("phone", "promised_to_pay",
                                                               promise)

    def reminders() -> list[tuple]:  # type: ignore[type-arg]
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT case_id, detail FROM loan_alert WHERE code = 'PROMISE_BROKEN'"))]

    run_monitoring(engine, actors["officer"])
    assert reminders() == []  # not due yet
    with shifted(utcnow() + timedelta(days=3)):  # the promised day itself: still kept
        run_monitoring(engine, actors["officer"])
        assert reminders() == []
    with shifted(utcnow() + timedelta(days=5)):
        run_monitoring(engine, actors["officer"])
        [(on_case, detail)] = reminders()
        run_monitoring(engine, actors["officer"])  # raised once
        assert len(reminders()) == 1
    assert on_case == case_id and json.loads(detail)["promised"] == promise.isoformat()
    flags, = row(engine, "SELECT flags FROM review_case WHERE id = :i", i=case_id)
    assert "PROMISE_BROKEN" in flags  # the queue shows it on the loan's case
    assert {a.code for a in view(engine, actors["officer"], case_id).alerts} >= {
        "PROMISE_BROKEN"}


def test_the_other_actions_move_the_case_as_they_should(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    engine, actors = sqlite_engine, sqlite_actors
    case_id, _ = cash_out_case(engine, actors, tmp_path)
    act(engine, actors["officer"], case_id, "suspicious", reason="funds to a gambling site")
    assert row(engine, "SELECT status FROM review_case WHERE id = :i", i=case_id) == (
        "in_review",)
    act(engine, actors["officer"], case_id, "request_docs", reason="invoices for the purchase")
    assert row(engine, "SELECT status FROM review_case WHERE id = :i", i=case_id) == (
        "pending_info",)
    with pytest.raises(NeedsConfirmation):  # the window asks first: someone else's case
        act(engine, actors["senior"], case_id, "monitor", reason="documents fine")
    act(engine, actors["senior"], case_id, "monitor", reason="documents fine",
        other_assignee=True)
    assert row(engine, "SELECT status, decision, is_open FROM review_case WHERE id = :i",
               i=case_id) == ("decided", "monitor", False)
    with pytest.raises(InvalidInput):  # closed
        act(engine, actors["officer"], case_id, "suspicious")
    actions = [a.action for a in view(engine, actors["auditor"], case_id).actions]
    assert actions == ["monitor", "request_docs", "suspicious"]
    with engine.connect() as conn:
        overridden = conn.execute(text(
            "SELECT after FROM audit_event WHERE action = 'case.postloan' AND entity_id = :i "
            "ORDER BY seq DESC"), {"i": str(case_id)}).scalars().first()
    assert json.loads(overridden)["assignee_overridden"] == "officer"
