"""The main window, clicked through with pytest-qt on a real SQLite database (issue 3)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.intake.applications import ImportResult, import_frame
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.applications.model import FIELDS, ApplicationsModel, RowRole
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.import_problems import ImportProblemsDialog
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.signin import SignInDialog
from tests.conftest import PASSWORD, TEST_NOW, sign_in_countersigned
from tests.helpers import activate_default, sample, write_csv
from tests.ui.fakes import FakeDialogs


def _fill(engine: Engine, actor: Actor, rows: int) -> None:
    result = import_frame(engine, actor, frame=sample(rows, seed=5), file_name="t", sha256="0" * 64)
    assert result.inserted == rows


def _model(engine: Engine, actor: Actor) -> ApplicationsModel:
    return ApplicationsModel(Backend(engine, actor))


def _sql_order(engine: Engine, order: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text(
            "SELECT application_no FROM application a JOIN applicant p ON p.id = a.applicant_id "
            f"ORDER BY {order}")).scalars())


def test_first_page_equals_sql_order_by(qtbot: Any, engine: Engine,
                                        actors: dict[str, Actor]) -> None:
    """Acceptance: the model's first page equals the first rows of the same ORDER BY."""
    _fill(engine, actors["officer"], 450)
    model = _model(engine, actors["officer"])
    assert model.total == 450 and model.rowCount() == ApplicationsModel.PAGE
    shown = [model.row_at(r).application_no for r in range(model.rowCount())]
    assert shown == _sql_order(engine, "a.submitted_at DESC, a.id DESC")[:ApplicationsModel.PAGE]


@pytest.mark.parametrize(("field", "order"), [("amount", "a.amount ASC, a.id ASC"),
                                              ("name", "p.name ASC, a.id ASC")])
def test_keyset_pages_follow_the_database_order(qtbot: Any, sqlite_engine: Engine,
                                                sqlite_actors: dict, field: str,
                                                order: str) -> None:
    _fill(sqlite_engine, sqlite_actors["officer"], 450)
    model = _model(sqlite_engine, sqlite_actors["officer"])
    model.sort(FIELDS.index(field), Qt.SortOrder.AscendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    shown = [model.index(r, 0).data(RowRole).application_no for r in range(450)]
    assert shown == _sql_order(sqlite_engine, order)


def test_window_imports_through_its_action(qtbot: Any, sqlite_engine: Engine,
                                           sqlite_actors: dict, tmp_path: Path) -> None:
    dialogs = FakeDialogs(write_csv(sample(40), tmp_path / "apps.csv"))
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window.show()
    assert window.model.total == 0
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=30_000)
    assert window.model.total == 40 and window.table.model().rowCount() == 40
    assert "imported 40" in dialogs.infos[0][1]
    assert "40" in window.count_label.text()
    assert window.import_action.isEnabled()


def test_refused_file_shows_the_problem_table(qtbot: Any, sqlite_engine: Engine,
                                              sqlite_actors: dict, tmp_path: Path) -> None:
    frame = sample(10)
    frame.loc[1, "amount"] = "-3"
    frame.loc[4, "term_months"] = "x"
    frame.loc[6, "phone"] = "99"
    dialogs = FakeDialogs(write_csv(frame, tmp_path / "bad.csv"))
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.problems), timeout=30_000)
    result = dialogs.problems[0]
    assert result.refused and window.model.total == 0
    dialog = ImportProblemsDialog(result, window)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.rowCount() == 3
    assert [model.index(r, 1).data() for r in range(3)] == ["amount", "term_months", "phone"]


def test_refused_file_then_import_valid_rows_only(qtbot: Any, sqlite_engine: Engine,
                                                  sqlite_actors: dict, tmp_path: Path) -> None:
    frame = sample(10)
    frame.loc[1, "amount"] = "-3"
    frame.loc[6, "phone"] = "99"
    rejects = tmp_path / "rejects.csv"
    dialogs = FakeDialogs(write_csv(frame, tmp_path / "bad.csv"), valid_only=True,
                          rejects=rejects)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=30_000)
    assert len(dialogs.problems) == 1 and dialogs.suggested.endswith("bad-rejects.csv")
    assert window.model.total == 8
    assert "Rows rejected: 2" in dialogs.infos[0][1] and rejects.exists()


def test_problem_dialog_offers_valid_rows_only(qtbot: Any) -> None:
    import pandas as pd

    problems = pd.DataFrame([{"row": 2, "column": "amount", "value": "-1", "reason": "x"}])
    some = ImportProblemsDialog(ImportResult("refused", None, "a.csv", "", "csv", 5, rejected=1,
                                             problems=problems))
    none_valid = ImportProblemsDialog(ImportResult("refused", None, "a.csv", "", "csv", 1,
                                                   rejected=1, problems=problems))
    qtbot.addWidget(some)
    qtbot.addWidget(none_valid)
    assert some.valid_only.isEnabled() and not none_valid.valid_only.isEnabled()


def test_cancel_rolls_the_import_back(qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
                                      tmp_path: Path) -> None:
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    task = window.start_import(write_csv(sample(20000, seed=2), tmp_path / "big.csv"))
    cancel = dialogs.progress_dialogs[0].findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=60_000)
    assert task.state.cancelled
    assert "cancelled" in dialogs.infos[0][1]
    window.model.reload()
    assert window.model.total == 0


def test_auditor_cannot_start_an_import(qtbot: Any, sqlite_engine: Engine,
                                        sqlite_actors: dict) -> None:
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(window)
    assert not window.import_action.isEnabled()


def test_sign_in_dialog(qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict) -> None:
    from riskdesk.services.admin.users import sign_in

    def attempt(name: str, password: str) -> Actor | None:
        with unit_of_work(sqlite_engine) as session:
            return sign_in(session, username=name, password=password, channel="gui")

    dialog = SignInDialog(attempt, username="officer")
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong-password")
    dialog._try()
    assert dialog.actor is None and dialog.message.text()
    dialog.password.setText(PASSWORD)
    dialog._try()
    assert dialog.actor is not None and dialog.actor.username == "officer"


def test_import_scores_and_the_table_shows_pd_points_band_flags(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    dialogs = FakeDialogs(write_csv(sample(300, seed=9), tmp_path / "apps.csv"))
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window.show()
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=60_000)
    assert "300 decisions" in dialogs.infos[0][1]
    model = window.model
    model.sort(FIELDS.index("pd"), Qt.SortOrder.DescendingOrder)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert all(r.pd is not None and r.points is not None and r.band for r in rows)
    assert [r.pd for r in rows] == sorted((r.pd for r in rows), reverse=True)
    riskiest = model.index(0, FIELDS.index("band")).data()
    assert riskiest in ("decline", "review")  # English labels without a translator
    flagged = [r for r in rows if r.flags]
    assert flagged and model.index(rows.index(flagged[0]), FIELDS.index("flags")).data()


def test_case_queue_views_with_counts(qtbot: Any, sqlite_engine: Engine,
                                      sqlite_actors: dict) -> None:
    from riskdesk.services.cases import work as cases
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=sample(300, seed=9), file_name="q",
                 sha256="8" * 64)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    total = window.cases_model.total
    assert total > 0 and window.tabs.currentIndex() == 0
    first = window.cases_model.row_at(0)
    keys = [(r.priority, r.due_at) for r in (window.cases_model.row_at(i)
                                             for i in range(window.cases_model.rowCount()))]
    assert keys == sorted(keys)  # the queue opens most urgent first: priority, then due time
    with unit_of_work(sqlite_engine) as s:
        cases.claim(s, sqlite_actors["officer"], case_id=first.id, version=first.version)
    window.refresh_action.trigger()
    views = [window.view_box.itemData(i) for i in range(window.view_box.count())]
    window.view_box.setCurrentIndex(views.index("mine"))
    assert window.cases_model.total == 1
    assert window.cases_model.row_at(0).id == first.id
    qtbot.waitUntil(lambda: window.view_box.currentText().endswith("(1)"))
    window.view_box.setCurrentIndex(views.index("unassigned"))
    assert window.cases_model.total == total - 1


def test_case_window_note_decline_override_and_check(qtbot: Any, sqlite_engine: Engine,
                                                     sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    """Officer: open a case from "My cases", write a note, decline; approve an override -> it
    waits and the officer cannot check it; a senior officer confirms; the auditor can write
    nothing."""
    from riskdesk.services.admin.users import sign_in

    override, alone = sqlite_scored
    senior = sqlite_actors["senior"]

    def attempt(name: str, password: str) -> Actor | None:
        with unit_of_work(sqlite_engine) as session:
            return sign_in(session, username=name, password=password, channel="gui")

    signin = SignInDialog(attempt, username="officer")
    qtbot.addWidget(signin)
    signin.password.setText(PASSWORD)
    qtbot.mouseClick(signin.findChild(QDialogButtonBox).buttons()[0],
                     Qt.MouseButton.LeftButton)
    officer = signin.actor
    assert officer is not None and officer.roles == {"officer"}
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, officer), dialogs)
    qtbot.addWidget(window)

    def open_from_view(win: MainWindow, view: str, case_id: int) -> Any:
        views = [win.view_box.itemData(i) for i in range(win.view_box.count())]
        win.view_box.setCurrentIndex(views.index(view))
        m = win.cases_model
        while m.canFetchMore():
            m.fetchMore()
        row = next(r for r in range(m.rowCount()) if m.row_at(r).id == case_id)
        win.cases_table.setCurrentIndex(m.index(row, 0))
        return win.open_case(m.index(row, 0))

    for case_id in (alone, override):
        d = open_from_view(window, "unassigned", case_id)
        qtbot.mouseClick(d.buttons["claim"], Qt.MouseButton.LeftButton)
        assert d.value("status") == "in_review"
        d.close()
    views = [window.view_box.itemData(i) for i in range(window.view_box.count())]
    window.view_box.setCurrentIndex(views.index("mine"))
    assert window.cases_model.total == 2
    band = next(r.band for r in (window.cases_model.row_at(i) for i in range(2))
                if r.id == alone)
    window.filter_bar.select("bands", band)  # the filter narrows "My cases"
    assert alone in [window.cases_model.row_at(i).id
                     for i in range(window.cases_model.rowCount())]
    assert all(window.cases_model.row_at(i).band == band
               for i in range(window.cases_model.rowCount()))
    window.filter_bar.clear()
    d = open_from_view(window, "mine", alone)
    d.note_text.setPlainText("phone number confirmed with the operator")
    d.save_draft()
    qtbot.mouseClick(d.add_note_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in d.detail.notes] == ["phone number confirmed with the operator"]
    qtbot.mouseClick(d.buttons["decline"], Qt.MouseButton.LeftButton)
    assert dialogs.errors and d.value("status") == "in_review"  # no reason given
    d.reason.setText("income not verifiable")
    qtbot.mouseClick(d.buttons["decline"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "decided" and d.value("decision") == "decline"
    assert not d.buttons["approve"].isEnabled()

    d = open_from_view(window, "mine", override)
    d.reason.setText("employer confirmed by phone")
    qtbot.mouseClick(d.buttons["approve"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "awaiting_check"
    assert not d.buttons["confirm"].isEnabled()  # the officer cannot check it

    senior_window = MainWindow(Backend(sqlite_engine, senior), FakeDialogs())
    qtbot.addWidget(senior_window)
    s = open_from_view(senior_window, "awaiting_check", override)
    assert s.buttons["confirm"].isEnabled()
    qtbot.mouseClick(s.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert s.value("status") == "decided" and s.value("checked_by_id") == senior.user_id

    auditor_window = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(auditor_window)
    a = open_from_view(auditor_window, "all", override)
    assert not any(b.isEnabled() for b in a.buttons.values())
    assert not a.add_note_button.isEnabled() and not a.note_text.isEnabled()
    assert "PD" in a.view.toPlainText()


def test_stale_case_shows_what_changed(qtbot: Any, sqlite_engine: Engine,
                                       sqlite_actors: dict, sqlite_scored: tuple[int, int]) -> None:
    from riskdesk.services.cases import work as cases
    from riskdesk.ui.cases.detail import CaseDialog

    _, alone = sqlite_scored
    dialogs = FakeDialogs()
    d = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), alone, dialogs)
    qtbot.addWidget(d)
    with unit_of_work(sqlite_engine) as s:  # someone else decides meanwhile
        cases.decide(s, sqlite_actors["senior"], case_id=alone, version=1, decision="decline",
                     reason="fraud ring")
    d.reason.setText("looks fine")
    qtbot.mouseClick(d.buttons["approve"], Qt.MouseButton.LeftButton)
    title, text = dialogs.errors[-1]
    assert "reload" in text and "decided" in text
    assert d.value("decision") == "decline"  # reloaded: the officer now sees the change


def test_queue_search_by_phone_id_name_and_number(qtbot: Any, sqlite_engine: Engine,
                                                  sqlite_actors: dict) -> None:
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    frame = sample(300, seed=9)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="s",
                 sha256="9" * 64)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    target = window.cases_model.row_at(0)
    row = frame[frame["application_no"] == target.application_no].iloc[0]
    window.tabs.setCurrentIndex(1)
    assert window.find_action.shortcut().matches(QKeySequence("Ctrl+F")) \
        == QKeySequence.SequenceMatch.ExactMatch
    window.find_action.trigger()
    assert window.tabs.currentIndex() == 0
    for query in (row["phone"], row["id_no"], target.application_no, row["name"]):
        window.search_box.setText(query)
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
        ids = [window.cases_model.row_at(r).id for r in range(window.cases_model.rowCount())]
        assert target.id in ids, query
    window.search_box.setText("DEMO-NONE")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.cases_model.total == 0


def test_closing_the_window_signs_out_in_the_audit_trail(qtbot: Any, sqlite_engine: Engine,
                                                        sqlite_actors: dict) -> None:
    from sqlalchemy import select

    from riskdesk.domain.audit import AuditEvent

    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    window.close()
    with unit_of_work(sqlite_engine, write=False) as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "auth.sign_out")).one()
    assert ev.actor == "officer"


def test_queue_claim_bulk_assign_export_and_last_page(qtbot: Any, sqlite_engine: Engine,
                                                      sqlite_actors: dict,
                                                      tmp_path: Path) -> None:
    from riskdesk.ui.worker import wait_for_all

    activate_default(sqlite_engine, sqlite_actors)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=sample(300, seed=9), file_name="q",
                 sha256="8" * 64)
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["senior"]), dialogs)
    qtbot.addWidget(window)
    m = window.cases_model
    total = m.total
    assert window.queue_buttons["claim"].isEnabled()  # seniors work cases too
    table = window.cases_table
    table.selectRow(0)
    table.selectionModel().select(m.index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    picked = [r.id for r in window.selected_cases()]
    assert len(picked) == 2
    dialogs.choice = dialogs_index = 0
    qtbot.mouseClick(window.queue_buttons["assign"], Qt.MouseButton.LeftButton)
    assignee = dialogs.items[dialogs_index]
    assert {m.row_at(r).assignee for r in range(m.rowCount()) if m.row_at(r).id in picked} \
        == {assignee}
    window.last_page()
    assert m.at_end and m.rowCount() == min(total, m.PAGE)
    assert not m.canFetchMore() and "last" in window.queue_position.text()
    window.first_page()
    assert not m.at_end
    dialogs.export_path = tmp_path / "view.csv"
    qtbot.mouseClick(window.queue_buttons["export"], Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    assert (tmp_path / "view.csv").read_text(encoding="utf-8-sig").count("\n") == total + 1

    officer_window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer_window)
    assert not officer_window.queue_buttons["assign"].isEnabled()
    auditor_window = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(auditor_window)
    assert not auditor_window.queue_buttons["claim"].isEnabled()
    assert not auditor_window.queue_buttons["assign"].isEnabled()
    assert auditor_window.queue_buttons["export"].isEnabled()  # masked export for audit


def test_admin_screen_roles_need_a_second_admin(qtbot: Any, sqlite_engine: Engine,
                                                sqlite_actors: dict) -> None:
    from riskdesk.services.admin.users import create_user, roles_of
    from riskdesk.ui.admin import AdminDialog, RolesDialog

    with unit_of_work(sqlite_engine) as s:
        second = create_user(s, sqlite_actors["admin"], username="admin2", password=PASSWORD,
                             roles=["admin"])
    admin2 = sign_in_countersigned(sqlite_engine, "admin2", sqlite_actors["admin"])
    assert admin2.user_id == second.id
    answers: list[list[str]] = []

    def roles_dialog(*args: Any, **kwargs: Any) -> RolesDialog:
        dialog = RolesDialog(*args, **kwargs)
        for role, box in dialog.checks.items():
            box.setChecked(role in answers[-1])
        dialog.exec = lambda: RolesDialog.DialogCode.Accepted  # type: ignore[method-assign]
        return dialog

    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["admin"]), dialogs)
    qtbot.addWidget(window)
    screen = window.open_admin()
    screen.roles_dialog = roles_dialog
    screen.select_user("admin")
    assert not screen.buttons["roles"].isEnabled()  # never one's own roles
    screen.select_user("officer")
    answers.append(["officer", "senior_officer"])
    qtbot.mouseClick(screen.buttons["roles"], Qt.MouseButton.LeftButton)
    assert [p.username for p in screen.pending] == ["officer"]
    qtbot.mouseClick(screen.buttons["approve"], Qt.MouseButton.LeftButton)
    assert dialogs.errors and "second" in dialogs.errors[-1][1]  # not by the one who asked
    other = AdminDialog(Backend(sqlite_engine, admin2), FakeDialogs())
    qtbot.addWidget(other)
    qtbot.mouseClick(other.buttons["approve"], Qt.MouseButton.LeftButton)
    with unit_of_work(sqlite_engine, write=False) as s:
        assert roles_of(s, user_id=sqlite_actors["officer"].user_id) == {
            "officer", "senior_officer"}
    dialogs.number = 7
    qtbot.mouseClick(screen.buttons["idle"], Qt.MouseButton.LeftButton)
    from riskdesk.services.admin.settings import idle_lock_minutes
    with unit_of_work(sqlite_engine, write=False) as s:
        assert idle_lock_minutes(s) == 7
    officer_window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer_window)
    assert not hasattr(officer_window, "admin_action")


def test_idle_session_locks_and_unlocks_with_the_password(qtbot: Any, sqlite_engine: Engine,
                                                          sqlite_actors: dict) -> None:
    from sqlalchemy import select

    from riskdesk.domain.audit import AuditEvent

    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    lock = window.idle_lock
    lock.check()
    assert not lock.locked  # just started
    lock.last_input -= 60 * lock.minutes + 1
    lock.check()
    assert lock.locked and not window.centralWidget().isVisible()
    assert lock.dialog is not None
    lock.dialog.password.setText("wrong password!")
    lock.dialog._try()
    assert lock.locked and lock.dialog.message.text()
    lock.dialog.password.setText(PASSWORD)
    lock.dialog._try()
    assert not lock.locked and window.centralWidget().isVisible()
    with unit_of_work(sqlite_engine, write=False) as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.actor == "officer").order_by(AuditEvent.seq))]
    assert actions[-3:] == ["auth.session_locked", "auth.sign_in_failed", "auth.sign_in"]


def test_compliance_handles_an_identity_theft_complaint(qtbot: Any, sqlite_engine: Engine,
                                                        sqlite_actors: dict) -> None:
    """Register for a known applicant, open and link a fraud case, reply with the further
    channels, close with a root cause; each step is in the audit trail."""
    from sqlalchemy import select

    from riskdesk.domain.audit import AuditEvent
    from riskdesk.domain.complaints import Complaint

    frame = sample(30, seed=12)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="c",
                 sha256="9" * 64,
                 score=False)
    person = frame.iloc[3]
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.complaints)
    form = window.complaints.register()
    form.channel.setCurrentIndex(form.channel.findData("phone"))  # no default (issue 28)
    form.category.setCurrentIndex(form.category.findData("identity_theft"))
    form.search.setText(person["id_no"])
    form.find_customers()
    assert form.name.text() == person["name"] and not form.name.isEnabled()  # filled in
    items = [form.application.itemText(i) for i in range(form.application.count())]
    form.application.setCurrentIndex(next(
        i for i, text in enumerate(items) if person["application_no"] in text))
    form.description.setPlainText("我从未申请过这笔贷款，手机号被他人冒用。")
    form.register()
    assert form.created is not None and form.created.number.startswith("TS-")
    d = window.complaints.windows[-1]
    qtbot.mouseClick(d.buttons["investigate"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "investigating"
    qtbot.mouseClick(d.buttons["fraud_case"], Qt.MouseButton.LeftButton)
    assert d.value("fraud_case_id") is not None
    case_window = window.case_windows[-1]  # the fraud case opened, showing the complaint
    assert form.created.number in case_window.view.toPlainText()
    qtbot.mouseClick(d.buttons["respond"], Qt.MouseButton.LeftButton)
    assert dialogs.errors and d.value("status") == "investigating"  # no reply written
    qtbot.mouseClick(d.buttons["template"], Qt.MouseButton.LeftButton)
    d.response.setPlainText(d.response.toPlainText().replace("\n\n\n", "\n已冻结该笔贷款。\n"))
    qtbot.mouseClick(d.buttons["respond"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "responded"
    d.reaction.setCurrentIndex(d.reaction.findData("accepted"))
    d.root_cause.setCurrentIndex(d.root_cause.findData("third_party_fraud"))
    qtbot.mouseClick(d.buttons["close"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "responded"  # no rectification yet
    d.rectification.setText("phone change now needs a video identity check")
    qtbot.mouseClick(d.buttons["close"], Qt.MouseButton.LeftButton)
    assert d.value("status") == "closed" and d.value("root_cause") == "third_party_fraud"
    with unit_of_work(sqlite_engine, write=False) as s:
        c = s.scalars(select(Complaint)).one()
        actions = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.entity_type == "complaint", AuditEvent.entity_id == str(c.id))
            .order_by(AuditEvent.seq))]
        opened = s.scalars(select(AuditEvent).where(AuditEvent.action == "case.open")).one()
    assert actions == ["complaint.register", "complaint.investigate", "complaint.link_case",
                       "complaint.respond", "complaint.close"]
    assert opened.entity_id == str(c.fraud_case_id)
    assert window.complaints.register_button.isEnabled()
    auditor = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(auditor)
    assert not auditor.complaints.register_button.isEnabled()
    a = auditor.complaints.open(c.id)
    assert not any(b.isEnabled() for b in a.buttons.values())


def test_complaints_tab_imports_a_call_centre_file_and_filters(qtbot: Any, sqlite_engine: Engine,
                                                               sqlite_actors: dict,
                                                               tmp_path: Path) -> None:
    import pandas as pd

    from riskdesk.ui.worker import wait_for_all

    path = tmp_path / "calls.csv"
    pd.DataFrame({"工单号": ["A1", "A2"], "受理时间": ["2026-11-01 09:00", "2026-11-02 09:00"],
                  "渠道": ["电话", "网点"], "类别": ["服务质量", "费用"], "投诉人": ["赵先生", "钱女士"],
                  "投诉内容": ["等待太久", "费用不清"]}).to_csv(path, index=False)
    dialogs = FakeDialogs(path)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(window)
    tab = window.complaints
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    assert tab.model.total == 2
    tab.boxes["category"].setCurrentIndex(tab.boxes["category"].findData("interest_and_fees"))
    assert tab.model.total == 1 and tab.model.row_at(0).complainant_name == "钱女士"
    tab.toggles["overdue"].setChecked(True)  # received 2026-11-02, due 15 days later
    assert tab.model.total == 1
    tab.toggles["mine"].setChecked(True)  # nobody has taken it yet
    assert tab.model.total == 0
    deadlines = tab.edit_deadlines()  # compliance sets the deadlines
    deadlines.days["decide_days"].setValue(10)
    deadlines.working.setChecked(True)
    deadlines.save()
    from riskdesk.services.complaints.handling import deadlines as current
    with unit_of_work(sqlite_engine, write=False) as s:
        assert current(s).decide_days == 10 and current(s).working_days
    officer = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer)
    assert officer.complaints.deadlines_button.isHidden()


def test_reports_tab_issues_previews_prints_and_verifies(qtbot: Any, sqlite_engine: Engine,
                                                         sqlite_actors: dict,
                                                         tmp_path: Path,
        sqlite_scored: tuple[int, int]) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from riskdesk.ui.worker import wait_for_all

    case_id, _ = sqlite_scored
    with unit_of_work(sqlite_engine, write=False) as s:
        app_no = s.execute(text("SELECT application_no FROM review_case WHERE id = :i"),
                           {"i": case_id}).scalar_one()
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), dialogs)
    qtbot.addWidget(window)
    tab = window.reports
    assert tab.buttons["case"].isEnabled() and not tab.buttons["print"].isEnabled()
    assert wait_for_all()
    # the template's model validation report is archived already (issue 31)
    before = tab.archive.rowCount()
    tab.application_no.setText(app_no)
    qtbot.mouseClick(tab.buttons["case"], Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: tab.pdf is not None)
    assert tab.archive.rowCount() == before + 1 and tab.pages_layout.count() >= 2  # pages
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert tab.print_to(printer) == tab.pages_layout.count()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    issued = tmp_path / "issued.pdf"
    issued.write_bytes(tab.pdf or b"")
    assert tab.verify_path(issued).issued  # type: ignore[union-attr]
    issued.write_bytes((tab.pdf or b"") + b" ")
    assert not tab.verify_path(issued).issued  # type: ignore[union-attr]
    assert dialogs.errors and "changed" in dialogs.errors[-1][1]
    qtbot.mouseClick(tab.buttons["monthly"], Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: tab.archive.rowCount() == before + 2)
    tab.language.setCurrentIndex(tab.language.findData("zh"))  # a Chinese report ...
    qtbot.mouseClick(tab.buttons["case"], Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: tab.archive.rowCount() == before + 3)
    assert tab.archive.item(0, 3).text() == "中文"
    zh = tmp_path / "zh.pdf"
    zh.write_bytes(tab.pdf or b"")
    from tests.helpers import pdftotext
    assert "案件审计报告" in pdftotext(zh)
    assert tab.buttons["case"].text() == "Issue case audit report"  # ... from an English window


@pytest.mark.dates
def test_post_loan_tab_imports_monitors_and_a_case_opens_its_loan(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    from datetime import timedelta

    from riskdesk.ui.worker import wait_for_all
    from tests.helpers import Book, approved, write

    apps = approved(sqlite_engine, sqlite_actors, 3)
    today = TEST_NOW.date()
    b = Book(apps)
    start = today - timedelta(days=100)
    fast = b.loan("fast", start=start, disbursed=f"{start} 09:00")
    b.flow(fast, f"{start} 10:30", 9000, "person", account="6222000011112222")
    b.flow(fast, f"{start + timedelta(days=9)} 10:30", 300, "merchant", mcc="5411")
    b.loan("calm", start=start)
    paths = [str(write(tmp_path, f"{name}.csv", rows)) for name, rows in (
        ("loans", b.loans), ("repayments", b.repayments), ("flows", b.flows))]
    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    tab = window.postloan
    tab.import_files(paths)  # what the file dialog would hand over
    assert wait_for_all()
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    assert "2 new" in dialogs.infos[-1][1] and not dialogs.errors
    qtbot.mouseClick(tab.buttons["monitor"], Qt.MouseButton.LeftButton)
    assert wait_for_all()
    qtbot.waitUntil(lambda: len(dialogs.infos) == 2)
    assert "cases opened 1" in dialogs.infos[-1][1]  # no "1 cases" (issue 28)
    tab.month.setText(f"{today:%Y-%m}")
    qtbot.mouseClick(tab.buttons["show"], Qt.MouseButton.LeftButton)
    assert tab.categories.item(0, 1).text() == "2"  # two normal loans
    with unit_of_work(sqlite_engine, write=False) as s:
        case_id = s.execute(text("SELECT id FROM review_case WHERE kind = 'post_loan'")
                            ).scalar_one()
    views = [window.view_box.itemData(i) for i in range(window.view_box.count())]
    window.view_box.setCurrentIndex(views.index("unassigned"))
    m = window.cases_model
    while m.canFetchMore():
        m.fetchMore()
    row = next(r for r in range(m.rowCount()) if m.row_at(r).id == case_id)
    d = window.open_case(m.index(row, 0))  # the post-loan case is in the queue
    assert "Proceeds moved out at once" in d.view.toPlainText()  # with its evidence
    qtbot.mouseClick(d.loan_button, Qt.MouseButton.LeftButton)
    loan = d.loan_window
    assert loan is not None and loan.schedule.rowCount() == 12
    assert loan.flows.rowCount() == 2
    red = loan.flows.item(0, 4).foreground().color().name()
    assert red == "#c0392b" and loan.flows.item(1, 4).foreground().color().name() != red
    assert loan.alerts.rowCount() == 1 and loan.history.rowCount() == 1
    calm = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(calm)
    assert not calm.postloan.buttons["monitor"].isEnabled()
    assert not calm.postloan.buttons["import"].isEnabled()


def test_help_guide_and_about(qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict) -> None:
    from tests.helpers import activate_default

    activate_default(sqlite_engine, sqlite_actors)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(window)
    window.guide_action.trigger()
    text = window.guide.toPlainText()
    assert "Officers and senior officers" in text and "Auditors" in text
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    picture = window.guide.loadResource(QTextDocument.ResourceType.ImageResource,
                                        QUrl("screens/queue-en.png"))
    assert picture is not None and len(bytes(picture)) > 10_000  # the guide's screenshots load
    assert "**" not in text  # every bold run closed (CommonMark's rules trip over CJK text)
    from PySide6.QtGui import QTextDocument as Doc

    from riskdesk.paths import help_dir

    zh = Doc()
    zh.setMarkdown((help_dir() / "user-guide-zh.md").read_text(encoding="utf-8"))
    assert "审计人员" in zh.toPlainText() and "**" not in zh.toPlainText()
    about = window.about_text()
    assert "Credit model:" in about and "approved by" in about
    assert "password" not in about.lower()


def test_settings_dialog_tests_a_connection_and_saves(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from riskdesk.ui.settings_dialog import DB_KEY, LANGUAGE_KEY

    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["admin"]), dialogs)
    qtbot.addWidget(window)
    d = window.open_settings()
    d.db.setText("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert not d.test_connection() and "Cannot connect" in d.connection_label.text()
    d.db.setText(str(sqlite_engine.url.database))
    assert d.test_connection() and "schema" in d.connection_label.text()
    d.idle.setValue(25)
    d.keep.setValue(3)
    d.language.setCurrentIndex(d.language.findData("en"))
    assert not d.complaint_days.isEnabled()  # compliance's, not the admin's
    d.save()
    assert not dialogs.errors
    assert QSettings().value(LANGUAGE_KEY) == "en"
    assert QSettings().value(DB_KEY) == str(sqlite_engine.url.database)
    with sqlite_engine.connect() as conn:
        changed = conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                    "'setting.change'")).scalar_one()
    assert changed == 2  # the idle lock and the backups
    QSettings().remove(DB_KEY)
    QSettings().remove(LANGUAGE_KEY)


def test_the_queue_shows_a_case_past_its_sla_in_red(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict,
        sqlite_scored: tuple[int, int]) -> None:
    from riskdesk.ui.cases.model import DUE, PAST_DUE

    late, on_time = sqlite_scored
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE review_case SET due_at = '2020-01-01 00:00:00.000000' "
                          "WHERE id = :i"), {"i": late})
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["senior"]), FakeDialogs())
    qtbot.addWidget(window)
    model = window.cases_model
    colours = {model.row_at(r).id: model.data(model.index(r, DUE), Qt.ItemDataRole.ForegroundRole)
               for r in range(model.rowCount())}
    assert colours[late] is not None and colours[late].color() == PAST_DUE
    assert colours[on_time] is None


def test_the_progress_dialog_shows_the_newest_stage_when_several_arrive_at_once(
        qtbot: Any) -> None:
    """A window-modal progress dialog processes events while its value is set; the label set
    after that would put an older stage back over a newer one (say "Writing applications"
    over a minute of "Rebuilding the indexes")."""
    import threading

    from riskdesk.ui.worker import run_task, wait_for_all

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = Dialogs().progress(parent)
    queued, release = threading.Event(), threading.Event()

    def work(state: Any) -> None:
        state.progress(0.3, "first stage")
        state.progress(0.5, "second stage")
        state.progress(0.9, "third stage")
        queued.set()
        release.wait(10)

    results: list[Any] = []
    run_task(parent, work, label="start", on_done=results.append, on_error=results.append,
             progress=dialog)
    try:
        assert queued.wait(10)  # both queued before the window handles either
        qtbot.waitUntil(lambda: dialog.value() == 900, timeout=5000)
        assert dialog.labelText() == "third stage"
    finally:
        release.set()
        qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
        assert wait_for_all()
