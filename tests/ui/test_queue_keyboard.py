"""The queue and the officer's hands (issue 27): three cases worked in a row with the keyboard
only (open with Enter, a note with Ctrl+Enter, decline with its shortcut, save-and-next opens
the next case of the view); a priority-1 post-loan case on the first page of "All" showing its
loan, and a partner review its thresholds; a masked ID number or phone copied from the grid
finds its case; an empty filter result says why
and clears; the Applications tab searches, filters and opens an application's case."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, func, select

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case, InvestigationNote
from riskdesk.domain.loans import Loan, LoanSnapshot
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases.opening import open_case
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.applications.model import FIELDS as APP_FIELDS
from riskdesk.ui.cases.model import FIELDS
from riskdesk.ui.main_window import MainWindow
from tests.ui.fakes import FakeDialogs

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _window(qtbot: Any, engine: Engine, actor: Any, dialogs: FakeDialogs) -> MainWindow:
    window = MainWindow(Backend(engine, actor), dialogs)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _active(qtbot: Any, widget: Any) -> None:
    widget.activateWindow()
    widget.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def test_officer_works_three_cases_in_a_row_with_the_keyboard(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    officer = sqlite_actors["officer"]
    QSettings().setValue(f"users/{officer.username}/claim_on_open", True)
    QSettings().setValue(f"users/{officer.username}/save_and_next", True)
    try:
        dialogs = FakeDialogs()
        window = _window(qtbot, sqlite_engine, officer, dialogs)
        assert window.claim_on_open_action.isChecked()
        views = [window.view_box.itemData(i) for i in range(window.view_box.count())]
        window.view_box.setCurrentIndex(views.index("unassigned"))
        table = window.cases_table
        _active(qtbot, window)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Home)
        first = window.cases_model.row_at(table.currentIndex().row()).id
        qtbot.keyClick(table, Qt.Key.Key_Return)  # opens it (claimed on open: the setting)
        assert window.case_windows, "Enter did not open the case"
        worked: list[int] = []
        for n in range(3):
            dialog = window.case_windows[-1]
            _active(qtbot, dialog)
            worked.append(dialog.case_id)
            assert dialog.focusWidget() is dialog.note_text
            qtbot.keyClicks(dialog.note_text, f"checked the wage statement {n}")
            qtbot.keyClick(dialog.note_text, Qt.Key.Key_Return, CTRL)
            assert dialog.note_text.toPlainText() == ""  # added, not a new line
            assert dialog.focusWidget() is dialog.reason
            qtbot.keyClicks(dialog.reason, "debt to income too high")
            qtbot.keyClick(dialog.reason, Qt.Key.Key_D, CTRL | SHIFT)  # decline
            qtbot.waitUntil(lambda d=dialog: window.case_windows[-1] is not d, timeout=5000)
        assert worked[0] == first and len(set(worked)) == 3, worked
        assert not dialogs.errors, dialogs.errors
        with unit_of_work(sqlite_engine, write=False) as s:
            for case_id in worked:
                case = s.get(Case, case_id)
                assert case is not None and case.decision == "decline", case_id
                assert case.decided_by_id == officer.user_id
                assert s.scalar(select(func.count()).select_from(InvestigationNote).where(
                    InvestigationNote.case_id == case_id)) == 1
        # The next case is open, and Ctrl+PgUp walks back without deciding.
        last = window.case_windows[-1]
        _active(qtbot, last)
        assert last.case_id not in worked
        tip = last.buttons["decline"].toolTip()
        assert "Ctrl+Shift+D" in tip
    finally:
        QSettings().remove(f"users/{officer.username}/claim_on_open")
        QSettings().remove(f"users/{officer.username}/save_and_next")


def test_priority_one_post_loan_case_is_on_the_first_page_of_all_with_its_loan(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    senior = sqlite_actors["senior"]
    with unit_of_work(sqlite_engine) as s:
        now = utcnow(s)
        # The application whose score is the lowest risk: last by PD, the order before.
        app_id = s.scalar(select(Case.application_id).where(Case.pd >= 0)
                          .order_by(Case.pd, Case.id).limit(1))
        app = s.get(Application, app_id)
        assert app is not None
        loan = Loan(loan_no="LN-27-0001", application_id=app_id, principal=Decimal("50000"),
                    start_date=date(2026, 1, 1), disbursed_at=now - timedelta(days=300),
                    term_months=24, apr=Decimal("12.0"), repayment_type="equal_instalment",
                    content_hash="0" * 64, created_at=now)
        s.add(loan)
        s.flush()
        s.add(LoanSnapshot(month="2026-10", loan_id=loan.id, as_of=date(2026, 10, 31), dpd=12,
                           category="normal", balance=Decimal("40000"),
                           overdue_amount=Decimal("0")))
        s.add(LoanSnapshot(month="2026-11", loan_id=loan.id, as_of=date(2026, 11, 20), dpd=95,
                           category="substandard", balance=Decimal("38765.40"),
                           overdue_amount=Decimal("5000")))
        case = open_case(s, senior, kind="post_loan", priority=1,
                         due_at=now + timedelta(hours=4), application_id=app_id,
                         flags="CASH_OUT")
        case_id = case.id
        # A partner review beside it shows its partner and the thresholds it breached.
        partner = open_case(s, senior, kind="partner_review", priority=1,
                            due_at=now + timedelta(hours=5), application_no="P27",
                            applicant_name="P27 Consumer Finance",
                            reason="bad rate 1.0 % -> 2.5 %; 31.0 complaints per 1,000 loans",
                            flags="BAD_RATE_DOUBLED,COMPLAINTS_OVER").id
        # So does a model review (issue 32): the model's breaches, their figures in the tooltip.
        review = open_case(s, senior, kind="model_review", priority=1,
                           due_at=now + timedelta(hours=6), application_no="M1",
                           applicant_name="demo", reason="PSI: value 0.31, limit 0.25",
                           flags="PSI,OVERDUE").id
    window = _window(qtbot, sqlite_engine, sqlite_actors["officer"], FakeDialogs())
    model = window.cases_model
    model.PAGE = 20  # the template holds ~100 cases: a page of 20 makes "first page" mean it
    model.reload()
    assert model.filter.view == "all" and model.total > 3 * model.PAGE
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert len(rows) == model.PAGE and case_id in [r.id for r in rows]
    assert [r.priority for r in rows] == sorted(r.priority for r in rows)
    row = next(i for i, r in enumerate(rows) if r.id == case_id)

    def cell(field: str) -> str:
        return str(model.index(row, FIELDS.index(field)).data())

    assert cell("application_no") == "LN-27-0001"
    assert "95" in cell("pd") and cell("band") == "substandard"
    assert cell("amount").replace(",", "") == "38765.40"
    at = next(i for i, r in enumerate(rows) if r.id == partner)
    assert (model.index(at, FIELDS.index("application_no")).data(),
            model.index(at, FIELDS.index("name")).data()) == ("P27", "P27 Consumer Finance")
    flags = model.index(at, FIELDS.index("flags"))
    assert flags.data() == "Bad rate doubled, Complaints over the limit"
    assert "2.5 %" in flags.data(Qt.ItemDataRole.ToolTipRole)
    at = next(i for i, r in enumerate(rows) if r.id == review)
    flags = model.index(at, FIELDS.index("flags"))
    assert flags.data() == "Score PSI over 0.25, Validation overdue"
    assert "0.31" in flags.data(Qt.ItemDataRole.ToolTipRole)
    # The loan number it shows finds it (and the pre-loan case of the loan's application).
    window.search_box.setText("LN-27-0001")
    window.search()
    found = [model.row_at(r) for r in range(model.rowCount())]
    assert case_id in [r.id for r in found] and len(found) <= 2
    assert {r.application_no for r in found} == {app.application_no}


def test_masked_id_copied_from_the_grid_finds_its_case(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    window = _window(qtbot, sqlite_engine, sqlite_actors["officer"], FakeDialogs())
    model = window.cases_model
    row = next(r for r in (model.row_at(i) for i in range(model.rowCount())) if r.id_no_masked)
    cases = {r.application_no: r.id for r in (model.row_at(i) for i in range(model.rowCount()))}
    copied = model.index(next(i for i in range(model.rowCount())
                              if model.row_at(i).id == row.id),
                         FIELDS.index("id_no_masked")).data()
    assert "*" in copied
    window.search_box.setText(copied)
    window.search()
    found = [model.row_at(i) for i in range(model.rowCount())]
    assert row.id in [r.id for r in found]
    assert all(r.id_no_masked == copied for r in found)
    window.search_box.setText(f"{copied} {row.name}")  # narrowed by the name
    window.search()
    assert row.id in [model.row_at(i).id for i in range(model.rowCount())]
    assert not window.empty_note.isVisible()
    # A masked phone copied from the Applications grid finds the application's case too.
    apps = window.model
    at = next(i for i in range(apps.rowCount()) if apps.row_at(i).application_no in cases)
    phone = apps.index(at, APP_FIELDS.index("phone_masked")).data()
    assert "****" in phone
    window.search_box.setText(phone)
    window.search()
    found = [model.row_at(i) for i in range(model.rowCount())]
    assert cases[apps.row_at(at).application_no] in [r.id for r in found]


def test_an_empty_filter_result_says_why_and_clears(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    window = _window(qtbot, sqlite_engine, sqlite_actors["officer"], FakeDialogs())
    bar = window.filter_bar
    assert window.cases_model.total > 0 and not window.empty_note.isVisible()
    bar.select("kinds", "partner_review")
    assert bar.boxes["kinds"].currentText().startswith(bar.tr("Kind"))  # keeps its name
    bar.select("bands", "decline")
    assert window.cases_model.total == 0
    assert window.empty_note.isVisible()
    text = window.empty_note.label.text()
    assert "All" in text and bar.boxes["kinds"].currentText() in text
    assert bar.boxes["bands"].currentText() in text
    qtbot.mouseClick(window.empty_note.clear_button, Qt.MouseButton.LeftButton)
    assert window.cases_model.total > 0 and not window.empty_note.isVisible()
    assert bar.described() == []


def test_applications_tab_searches_filters_and_opens_the_case(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    window = _window(qtbot, sqlite_engine, sqlite_actors["officer"], FakeDialogs())
    tab = window.applications
    model = window.model
    total = model.total
    with unit_of_work(sqlite_engine, write=False) as s:
        app_id, app_no = s.execute(select(Case.application_id, Case.application_no).where(
            Case.kind == "pre_loan").order_by(Case.id).limit(1)).one()
    tab.search_box.setText(app_no)
    tab.apply()
    assert model.total == 1 and model.row_at(0).id == app_id
    masked = model.row_at(0).id_no_masked
    tab.search_box.setText(masked)
    tab.apply()
    assert app_id in [model.row_at(i).id for i in range(model.rowCount())]
    tab.search_box.clear()
    tab.boxes["channels"].setCurrentIndex(tab.boxes["channels"].findData("partner"))
    assert 0 < model.total < total
    assert all(model.row_at(i).channel == "partner" for i in range(model.rowCount()))
    tab.clear()
    tab.search_box.setText(app_no)
    tab.apply()
    opened = tab.open_row(model.index(0, 0))
    assert opened is not None and opened.detail.application.application_no == app_no


def test_column_widths_and_order_are_kept_per_user(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    officer, senior = sqlite_actors["officer"], sqlite_actors["senior"]
    first = _window(qtbot, sqlite_engine, officer, FakeDialogs())
    header = first.cases_table.horizontalHeader()
    rule = FIELDS.index("flags")
    header.resizeSection(FIELDS.index("name"), 233)
    header.moveSection(header.visualIndex(rule), 1)
    first.close()
    again = _window(qtbot, sqlite_engine, officer, FakeDialogs()).cases_table.horizontalHeader()
    assert again.sectionSize(FIELDS.index("name")) == 233 and again.visualIndex(rule) == 1
    other = _window(qtbot, sqlite_engine, senior, FakeDialogs()).cases_table.horizontalHeader()
    assert other.visualIndex(rule) == rule
    QSettings().remove(f"users/{officer.username}/queue")
