"""Windows and personal data (issue 25): an auditor's complaints tab and complaint window show
no full complainant name; the note box and the complaint reply list what they will mask
before saving; the Reports tab asks before it includes personal data."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine, select

from riskdesk.domain.cases import InvestigationNote
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.identity import check_char
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases.opening import open_case
from riskdesk.services.complaints import handling
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.cases.detail import CaseDialog
from riskdesk.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.helpers import page_count, pdftotext, run_cli
from tests.ui.fakes import FakeDialogs

ID17 = "44030419880101271"
ID_NO = ID17 + check_char(ID17)
PHONE = "13812345678"
NAME = "欧阳明华"


class AskingDialogs(FakeDialogs):
    """Records each question and answers it as told."""

    def __init__(self, answer: bool) -> None:
        super().__init__()
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answer


def _complaint(engine: Engine, actors: dict) -> int:
    with unit_of_work(engine) as s:
        c = handling.register(s, actors["officer"], channel="phone", category="service_quality",
                              description="等待时间太长", complainant_name=NAME,
                              proxy_name="欧阳丽", proxy_authorisation="授权书")
        return c.id or 0


def test_an_auditor_sees_complainant_names_masked(qtbot: Any, sqlite_engine: Engine,
                                                  sqlite_actors: dict) -> None:
    """issue 25, item 2: the complaints tab and the complaint window mask the complainant's
    and the proxy's names for a role without the personal-data permission, as for
    applicants; compliance still sees them."""
    cid = _complaint(sqlite_engine, sqlite_actors)
    auditor = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(auditor)
    tab = auditor.complaints
    tab.refresh()
    row = tab.model.row_at(0)
    assert row.complainant_name == "欧***"
    shown = [str(tab.model.data(tab.model.index(0, c)) or "")
             for c in range(tab.model.columnCount())]
    assert not any(NAME in s for s in shown)
    window = tab.open(cid)
    assert NAME not in window.view.toPlainText() and "欧阳丽" not in window.view.toPlainText()
    assert "欧***" in window.view.toPlainText()
    compliance = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), FakeDialogs())
    qtbot.addWidget(compliance)
    assert NAME in compliance.complaints.open(cid).view.toPlainText()


def test_the_note_box_lists_what_it_will_mask_before_saving(qtbot: Any, sqlite_engine: Engine,
                                                            sqlite_actors: dict) -> None:
    """issue 25, item 1: the officer sees the masked forms (never the full values) and may
    go back; saved, the note holds the masked text."""
    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        case_id = open_case(s, sqlite_actors["senior"], kind="fraud", priority=2,
                            due_at=utcnow(s) + timedelta(days=3)).id or 0
    typed = f"核实身份证{ID_NO}，手机{PHONE}"
    for answer in (False, True):
        dialogs = AskingDialogs(answer)
        window = CaseDialog(Backend(sqlite_engine, officer), case_id, dialogs)
        qtbot.addWidget(window)
        window.note_text.setPlainText(typed)
        qtbot.mouseClick(window.add_note_button, Qt.MouseButton.LeftButton)
        [(_, question)] = dialogs.asked
        assert f"{ID_NO[:6]}********{ID_NO[-4:]}" in question and "138****5678" in question
        assert ID_NO not in question and PHONE not in question
        with unit_of_work(sqlite_engine, write=False) as s:
            notes = s.scalars(select(InvestigationNote.text)).all()
        if not answer:
            assert notes == [] and window.note_text.toPlainText() == typed
        else:
            assert notes == [f"核实身份证{ID_NO[:6]}********{ID_NO[-4:]}，手机138****5678"]
            assert ID_NO not in window.view.toPlainText()


def test_the_complaint_reply_lists_what_it_will_mask(qtbot: Any, sqlite_engine: Engine,
                                                     sqlite_actors: dict) -> None:
    """issue 25, item 1: a reply with the customer's phone in it."""
    cid = _complaint(sqlite_engine, sqlite_actors)
    dialogs = AskingDialogs(True)
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    d = window.complaints.open(cid)
    qtbot.mouseClick(d.buttons["investigate"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.buttons["template"], Qt.MouseButton.LeftButton)
    d.response.setPlainText(d.response.toPlainText().replace(
        "\n\n\n", f"\n已按您留的手机 {PHONE} 回电。\n"))
    qtbot.mouseClick(d.buttons["respond"], Qt.MouseButton.LeftButton)
    [(_, question)] = dialogs.asked
    assert "138****5678" in question and PHONE not in question
    assert d.value("status") == "responded"
    with unit_of_work(sqlite_engine, write=False) as s:
        c = s.get(Complaint, cid)
        assert c is not None and PHONE not in c.response and "138****5678" in c.response


def test_cli_unmasked_case_report_marks_every_page_in_chinese(
        sqlite_engine: Engine, sqlite_actors: dict, sqlite_path: Path, worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """issue 25, item 2: `report case --unmasked` (the catalogue comes from Qt's translator)
    marks every page 含个人信息; without it no page is marked; an auditor is refused."""
    _, app_no = worked_case
    env = {"RISKDESK_PASSWORD": PASSWORD}
    db = ("--db", str(sqlite_path))
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    run = run_cli("report", "case", app_no, "--out", str(plain), "--lang", "zh", *db,
                  "--user", "officer", env=env)
    assert run.returncode == 0, run.stderr
    assert "含个人信息" not in pdftotext(plain)
    run = run_cli("report", "case", app_no, "--out", str(marked), "--lang", "zh",
                  "--unmasked", *db, "--user", "officer", env=env)
    assert run.returncode == 0, run.stderr
    n = page_count(marked)
    assert all("含个人信息" in pdftotext(marked, p) for p in range(1, n + 1))
    refused = run_cli("report", "case", app_no, "--out", str(tmp_path / "no.pdf"), "--lang",
                      "zh", "--unmasked", *db, "--user", "auditor", env=env)
    assert refused.returncode != 0 and not (tmp_path / "no.pdf").exists()


def test_reports_tab_includes_personal_data_only_when_asked_and_allowed(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict, worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """issue 25, item 2: the checkbox is there for an officer, off by default; an auditor
    cannot tick it."""
    from riskdesk.ui.worker import wait_for_all

    _, app_no = worked_case
    auditor = MainWindow(Backend(sqlite_engine, sqlite_actors["auditor"]), FakeDialogs())
    qtbot.addWidget(auditor)
    assert not auditor.reports.include_personal.isEnabled()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(window)
    tab = window.reports
    tab.language.setCurrentIndex(tab.language.findData("en"))
    tab.application_no.setText(app_no)
    assert tab.include_personal.isEnabled() and not tab.include_personal.isChecked()
    bodies = []
    for ticked in (False, True):
        tab.include_personal.setChecked(ticked)
        tab.pdf = None
        tab.issue_case()
        assert wait_for_all()
        qtbot.waitUntil(lambda: tab.pdf is not None)
        assert tab.pdf is not None
        path = tmp_path / f"tab-{ticked}.pdf"
        path.write_bytes(tab.pdf)
        bodies.append(pdftotext(path))
    assert "Contains personal data" not in bodies[0] and "Contains personal data" in bodies[1]


def test_the_decision_reason_lists_what_it_will_mask(qtbot: Any, sqlite_engine: Engine,
                                                     sqlite_actors: dict) -> None:
    """issue 25, item 1: a decision's reason with a phone in it: asked first, stored masked;
    declined, nothing is decided."""
    from riskdesk.domain.cases import Case

    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        case_id = open_case(s, sqlite_actors["senior"], kind="fraud", priority=2,
                            due_at=utcnow(s) + timedelta(days=3)).id or 0
    for answer in (False, True):
        dialogs = AskingDialogs(answer)
        window = CaseDialog(Backend(sqlite_engine, officer), case_id, dialogs)
        qtbot.addWidget(window)
        if not answer:
            qtbot.mouseClick(window.buttons["claim"], Qt.MouseButton.LeftButton)
            assert dialogs.asked == []  # claiming types nothing
        window.reason.setText(f"客户手机 {PHONE} 停机，需补充材料")
        qtbot.mouseClick(window.buttons["request_info"], Qt.MouseButton.LeftButton)
        [(_, question)] = dialogs.asked
        assert "138****5678" in question and PHONE not in question
        with unit_of_work(sqlite_engine, write=False) as s:
            case = s.get(Case, case_id)
            assert case is not None
            if not answer:
                assert case.status == "in_review" and case.reason == ""
            else:
                assert case.status == "pending_info"
                assert case.reason == "客户手机 138****5678 停机，需补充材料"
