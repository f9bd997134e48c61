"""The case window on hard stops and post-loan cases (issue 26, items 3 and 4), clicked through:
a hard-stop case cannot be approved by anyone (the window says why and names the rule's
source; the service refuses too); a post-loan cash-out case leads with the loan and offers the
post-loan actions, not approve/decline; freezing the line is recorded; a missed promise to pay
raises its reminder; calling early waits for a senior's confirmation."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, text

from riskdesk import i18n
from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.ui.cases.detail import CaseDialog
from riskdesk.ui.i18n import install_translators
from tests.helpers import cash_out_case, hard_stop_case
from tests.ui.fakes import FakeDialogs


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _status(engine: Engine, case_id: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT status FROM review_case WHERE id = :i"),
                                {"i": case_id}).scalar_one())


def test_a_hard_stop_case_cannot_be_approved_by_anyone_and_says_why(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    case_id = hard_stop_case(sqlite_engine, "AMOUNT_CEILING")
    for who in ("officer", "senior"):
        dialogs = FakeDialogs()
        d = CaseDialog(Backend(sqlite_engine, sqlite_actors[who]), case_id, dialogs)
        qtbot.addWidget(d)
        shown = d.view.toPlainText()
        assert "Hard stop: nobody may approve this application" in shown
        assert "Above the personal credit-loan ceiling" in shown
        assert "Source: CBIRC Order 2020 No. 9" in shown  # the rule's source
        assert not d.buttons["approve"].isEnabled()
        assert d.buttons["decline"].isEnabled()
        d.reason.setText("income verified, approve anyway")
        d.act("approve")  # as if the button were pressed: the service refuses too
        assert dialogs.errors and "cannot be approved by anyone" in dialogs.errors[-1][1]
        assert _status(sqlite_engine, case_id) == "new"
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        d = CaseDialog(Backend(sqlite_engine, sqlite_actors["senior"]), case_id, FakeDialogs())
        qtbot.addWidget(d)
        shown = d.view.toPlainText()
        assert "硬性拒绝" in shown and "依据：" in shown and "Hard stop" not in shown
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)


def test_a_cash_out_case_leads_with_the_loan_and_freezing_the_line_is_recorded(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    case_id, loan_no = cash_out_case(sqlite_engine, sqlite_actors, tmp_path)
    dialogs = FakeDialogs()
    d = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id, dialogs)
    qtbot.addWidget(d)
    d.show()
    shown = d.view.toPlainText()
    # The loan first: number, balance, days past due, class, warnings with evidence; the
    # origination score after.
    loan_at = shown.index(f"Loan {loan_no}")
    for words in ("Balance", "Days past due", "Five-category class", "special mention",
                  "Proceeds moved out at once", "moved to one account"):
        assert loan_at < shown.index(words) < shown.index("Score"), words
    panel = d.postloan
    assert panel.isVisibleTo(d)
    for key in ("approve", "decline", "request_info"):
        assert not d.buttons[key].isVisibleTo(d), key  # no pre-loan actions here
    assert all(panel.buttons[k].isEnabled() for k in ("monitor", "contact", "request_docs",
                                                       "freeze_line", "call_early",
                                                       "suspicious"))
    assert not panel.buttons["confirm_action"].isEnabled()  # an officer does not check
    d.reason.setText("proceeds moved out within two hours of disbursement")
    _click(qtbot, panel.buttons["freeze_line"])
    assert not dialogs.errors, dialogs.errors
    with sqlite_engine.connect() as conn:
        frozen = conn.execute(text("SELECT line_frozen_at FROM loan WHERE loan_no = :n"),
                              {"n": loan_no}).scalar_one()
        event = conn.execute(text(
            "SELECT actor, signature FROM audit_event WHERE action = 'case.postloan' AND "
            "entity_id = :i"), {"i": str(case_id)}).one()
    assert frozen is not None and event[0] == "officer" and event[1]
    shown = d.view.toPlainText()
    assert "frozen on" in shown and "freeze the undrawn line" in shown
    assert "took a post-loan action" in shown  # the history
    assert not panel.buttons["freeze_line"].isEnabled()


def test_a_missed_promise_to_pay_raises_its_reminder(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    case_id, _ = cash_out_case(sqlite_engine, sqlite_actors, tmp_path)
    dialogs = FakeDialogs()
    d = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id, dialogs)
    qtbot.addWidget(d)
    d.show()
    panel = d.postloan
    panel.channel.setCurrentIndex(panel.channel.findData("phone"))
    panel.outcome.setCurrentIndex(panel.outcome.findData("promised_to_pay"))
    assert panel.promise.isEnabled()
    promised = panel.promise.date().addDays(-5)  # seven days ahead by default: two days
    panel.promise.setDate(QDate(promised))
    d.reason.setText("borrower will pay after payday")
    _click(qtbot, panel.buttons["contact"])
    assert not dialogs.errors, dialogs.errors
    assert "promised to pay by" in d.view.toPlainText()
    assert "Promise to pay not kept" not in d.view.toPlainText()
    with shifted(utcnow() + timedelta(days=4)):
        run_monitoring(sqlite_engine, sqlite_actors["officer"])
        d.reload()
        shown = d.view.toPlainText()
    assert "Promise to pay not kept" in shown and "still overdue" in shown
    with sqlite_engine.connect() as conn:
        flags = conn.execute(text("SELECT flags FROM review_case WHERE id = :i"),
                             {"i": case_id}).scalar_one()
    assert "PROMISE_BROKEN" in flags


def test_calling_early_waits_for_a_senior_who_confirms_it(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    case_id, loan_no = cash_out_case(sqlite_engine, sqlite_actors, tmp_path)
    officer_dialogs, senior_dialogs = FakeDialogs(), FakeDialogs()
    d = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id, officer_dialogs)
    qtbot.addWidget(d)
    d.show()
    d.reason.setText("funds used to repay other lenders")
    _click(qtbot, d.postloan.buttons["call_early"])
    assert officer_dialogs.infos and "four-eyes" in officer_dialogs.infos[-1][1]
    assert _status(sqlite_engine, case_id) == "awaiting_check"
    assert "Awaiting a senior officer's check" in d.view.toPlainText()
    assert not d.postloan.buttons["confirm_action"].isEnabled()
    s = CaseDialog(Backend(sqlite_engine, sqlite_actors["senior"]), case_id, senior_dialogs)
    qtbot.addWidget(s)
    s.show()
    assert s.postloan.buttons["confirm_action"].isEnabled()
    assert not s.postloan.buttons["monitor"].isEnabled()  # nothing else while it waits
    s.reason.setText("ask for the use-of-funds documents first")
    _click(qtbot, s.postloan.buttons["send_back_action"])
    assert _status(sqlite_engine, case_id) == "returned"
    d.reload()  # back with its maker, the checker's reason at the top of the loan
    assert "sent \u201ccall the loan early\u201d back" in d.view.toPlainText()
    assert "ask for the use-of-funds documents first" in d.view.toPlainText()
    d.reason.setText("documents refused by the borrower")
    _click(qtbot, d.postloan.buttons["call_early"])
    s.reload()
    s.reason.setText("agreed: the use of funds breaches the contract")
    _click(qtbot, s.postloan.buttons["confirm_action"])
    assert not senior_dialogs.errors, senior_dialogs.errors
    assert _status(sqlite_engine, case_id) == "decided"
    with sqlite_engine.connect() as conn:
        called = conn.execute(text("SELECT called_at FROM loan WHERE loan_no = :n"),
                              {"n": loan_no}).scalar_one()
    assert called is not None
    assert "checked by senior" in s.view.toPlainText()
