"""Every main window in Chinese and in English, on the demo database of real data (issue 12):
no label, button or combo box cut short at 1280x800, no English left in the Chinese windows,
dates written the locale's way, and each window's picture saved into docs/guide/screens for
the user guide and the README."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
from sqlalchemy import Engine, select

from riskdesk import i18n
from riskdesk.services.actor import Actor
from riskdesk.ui.fit import combo_width_for
from riskdesk.ui.i18n import install_translators
from tests.helpers import ROOT
from tests.test_i18n import ALLOWED_SAME, TS, _every_text, _messages

SCREENS = ROOT / "docs" / "guide" / "screens"
SIZE = (1280, 800)
TABS = ("queue", "applications", "complaints", "postloan", "reports", "partners", "findings")
# Words that are the same in both languages: user names, codes, abbreviations.
SAME = ALLOWED_SAME | {"officer", "senior", "admin", "compliance", "auditor", "SHA-256", "MCC",
                       "SQLite", "PostgreSQL", "MariaDB"}


def cut_short(root: QWidget) -> list[str]:
    """Widgets whose text does not fit the width the layout gave them."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        if isinstance(w, QComboBox):
            need = combo_width_for(w, w.currentText())
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton) and w.text():
            need = w.sizeHint().width()
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap():
            need = w.minimumSizeHint().width()
        else:
            continue
        if w.width() < need:
            text = w.currentText() if isinstance(w, QComboBox) else w.text()  # type: ignore
            out.append(f"{type(w).__name__} {text[:40]!r}: {w.width()} < {need} px")
    return out


COMPLAINTS = [
    ("phone", "collection_conduct", 16, "催收人员多次致电我单位同事，影响我的工作。"),
    ("app", "interest_and_fees", 14, "实际年化费用高于申请时展示的利率。"),
    ("letter", "identity_theft", 3, "我从未申请过这笔贷款，手机号被他人冒用。"),
    ("branch", "service_quality", 1, "客服电话长时间无人接听。"),
    ("regulator_referral", "privacy", 9, "未经同意查询了我的征信报告。"),
]


@dataclass
class Demo:
    engine: Engine
    actors: dict[str, Actor]
    worked_case: int  # claimed, with investigation notes
    cash_out_case: int  # a post-loan case on proceeds moved out at once
    complaint: int  # an overdue complaint under investigation


def a_mornings_work(engine: Engine, actors: dict[str, Actor]) -> tuple[int, int]:
    """Claims, two investigation notes and five complaints (two already overdue), so the
    pictures show a queue in use rather than a fresh import."""
    from riskdesk.domain.applications import Application
    from riskdesk.services import cases, complaints, queue
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.session import unit_of_work

    officer, compliance = actors["officer"], actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        rows = queue.page_cases(s, officer, queue.CaseFilter(), limit=8)
        now = utcnow(s)
    for r in rows[1:5]:
        with unit_of_work(engine) as s:
            cases.claim(s, officer, r.id, r.version)
    first = rows[0]
    with unit_of_work(engine) as s:
        cases.claim(s, officer, first.id, first.version)
        cases.add_note(s, officer, first.id, kind="phone", outcome="verified",
                       text="致电申请人手机，本人接听，确认申请用途为装修。")
        cases.add_note(s, officer, first.id, kind="employer", outcome="discrepancy",
                       text="单位电话无人接听；社保缴纳单位与申报单位不一致。")
    overdue = 0  # the first: received 16 days ago
    for (channel, category, days, text), r in zip(COMPLAINTS, rows[3:], strict=False):
        with unit_of_work(engine) as s:
            app = s.scalars(select(Application).where(
                Application.application_no == r.application_no)).one()
            c = complaints.register(s, compliance, channel=channel, category=category,
                                    description=text, application_id=app.id,
                                    received_at=now - timedelta(days=days))
        with unit_of_work(engine) as s:
            complaints.investigate(s, compliance, c.id or 0, c.version)
        overdue = overdue or c.id or 0
    return first.id, overdue


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    from riskdesk.domain.loans import LoanAlert
    from riskdesk.services.demo import DEMO_PASSWORD
    from riskdesk.services.demo_db import build_demo
    from riskdesk.services.users import sign_in
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    path = tmp_path_factory.mktemp("screens") / "demo.sqlite"
    build_demo(str(path), rows=1500)
    engine = make_engine(str(path))
    actors = {}
    with unit_of_work(engine) as session:
        for who in ("officer", "senior", "compliance", "admin", "auditor"):
            actor = sign_in(session, who, DEMO_PASSWORD, channel="gui")
            assert actor is not None
            actors[who] = actor
    worked, complaint = a_mornings_work(engine, actors)
    with unit_of_work(engine, write=False) as session:
        cash_out = session.scalars(select(LoanAlert.case_id).where(
            LoanAlert.code == "PROCEEDS_OUT", LoanAlert.case_id.is_not(None))  # type: ignore
            .order_by(LoanAlert.id)).first()
    assert cash_out is not None
    yield Demo(engine, actors, worked, cash_out, complaint)
    engine.dispose()


def _first(engine: Engine, kind: str) -> int:
    from riskdesk.domain.cases import Case
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=False) as session:
        return int(session.scalars(select(Case.id).where(Case.kind == kind)
                                   .order_by(Case.priority, Case.id)).first() or 0)


@pytest.mark.slow
@pytest.mark.xdist_group("screens")
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_main_window_fits_reads_in_its_language_and_is_pictured(
        qtbot: Any, demo: Demo, lang: str, tmp_path: Path) -> None:
    from riskdesk.services import reports
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.session import unit_of_work
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.main_window import MainWindow

    engine, actors = demo.engine, demo.actors
    app = QApplication.instance()
    sources = {src for _, src in _messages(TS)}
    translators = install_translators(app, lang)
    suffix = "zh" if lang == "zh_CN" else "en"
    SCREENS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []

    def look(widget: QWidget, name: str, *, natural: bool = False) -> None:
        """natural: a dialog at the size it opens with, not stretched to the window's."""
        widget.show()
        if not natural:
            widget.resize(*SIZE)
        qtbot.wait(50)  # background counts arrive, then the layout they change settles
        app.processEvents()
        problems.extend(f"{name}-{suffix}: {p}" for p in cut_short(widget))
        problems.extend(f"{name}-{suffix}: date field without a 4-digit year: {e.displayFormat()}"
                        for e in widget.findChildren(QDateTimeEdit)
                        if "yyyy" not in e.displayFormat())
        if lang == "zh_CN":
            english = sorted({t for t in _every_text(widget) if t in sources} - SAME)
            problems.extend(f"{name}-zh: English left: {t!r}" for t in english)
        picture = SCREENS / f"{name}-{suffix}.png"
        part = picture.with_suffix(".part")  # the guide test may be reading the old picture
        assert widget.grab().save(str(part), "PNG")
        os.replace(part, picture)

    try:
        windows = {who: MainWindow(engine, actors[who]) for who in ("senior", "compliance")}
        for w in windows.values():
            qtbot.addWidget(w)
        # An officer's case report (masked, as an officer sees it) previewed in the Reports tab.
        issued = reports.case_report(engine, actors["officer"],
                                     _application_no(engine, demo.worked_case), suffix)
        senior, compliance = windows["senior"], windows["compliance"]
        with unit_of_work(engine, write=False) as session:
            last_month = f"{utcnow(session).replace(day=1) - timedelta(days=1):%Y-%m}"
        for index, name in enumerate(TABS):
            window = senior if name in ("queue", "applications", "postloan") else compliance
            window.tabs.setCurrentIndex(index)
            if name == "reports":
                window.reports.reload()
                window.reports.show_pdf(issued.pdf)
            if name == "postloan":  # last month: its roll rates are complete
                window.postloan.month.setText(last_month)
                window.postloan.reload()
            look(window, name)
        due = senior.cases_model.index(0, 4).data()
        pattern = r"\d{4}/\d{2}/\d{2} " if lang == "zh_CN" else r"\d{2}/\d{2}/\d{4} "
        assert re.match(pattern, due), due
        look(CaseDialog(engine, actors["officer"], demo.worked_case, senior.dialogs, senior),
             "case")
        cash_out = CaseDialog(engine, actors["officer"], demo.cash_out_case, senior.dialogs,
                              senior)
        look(cash_out, "case-postloan")
        loan = cash_out.open_loan()
        assert loan is not None
        loan.tabs.setCurrentIndex(2)  # fund flows: where the proceeds went
        look(loan, "loan")
        complaint = compliance.complaints.open(demo.complaint)
        look(complaint, "complaint", natural=True)
        look(compliance.complaints.register(), "complaint-new", natural=True)
        # An auditor's offline pack of this month, open on the Audit findings tab.
        from riskdesk.services import audit_anchors, findings
        from riskdesk.services.audit_pack import export_pack, verify_pack
        from riskdesk.storage.engine import open_pack
        from riskdesk.ui.app import PackView

        with unit_of_work(engine, write=False) as session:
            month = f"{utcnow(session):%Y-%m}"
        if audit_anchors._key() is None:
            audit_anchors.create_key()  # the bank's audit key, in this worker's keyring
        pack = export_pack(engine, actors["auditor"], tmp_path / f"{month}.rdpack",
                           month=month).path
        findings.add_in_pack(pack, "auditor", findings.Draft(
            "medium", "投诉 TS-202611-000001 已超过答复期限，仍在调查中。",
            "按期答复并记录延期审批。", month=month))
        try:
            pack_engine = open_pack(pack)
            packed = MainWindow(pack_engine, Actor(None, "auditor", frozenset({"auditor"})),
                                pack=PackView(pack, verify_pack(pack)))
            qtbot.addWidget(packed)
            packed.tabs.setCurrentWidget(packed.findings)
            look(packed, "pack")
            packed.close()
            pack_engine.dispose()
        finally:
            pack.unlink(missing_ok=True)
        admin = MainWindow(engine, actors["admin"])
        qtbot.addWidget(admin)
        look(admin.open_settings(), "settings", natural=True)
        look(admin.open_admin(), "admin", natural=True)
        assert not problems, "\n".join(problems)
        assert QLocale().language() == (QLocale.Language.Chinese if lang == "zh_CN"
                                        else QLocale.Language.English)
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)


def _application_no(engine: Engine, case_id: int) -> str:
    from riskdesk.domain.applications import Application
    from riskdesk.domain.cases import Case
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=False) as session:
        return str(session.scalars(select(Application.application_no).join(
            Case, Case.application_id == Application.id).where(Case.id == case_id)).one())


def test_the_guide_shows_only_pictures_the_tests_make() -> None:
    """Each guide points at screens this module writes, in its own language."""
    made = {f"{n}-{s}.png" for n in (*TABS, "case", "case-postloan", "loan", "complaint",
                                     "complaint-new", "pack", "settings", "admin")
            for s in ("zh", "en")}
    for lang in ("zh", "en"):
        guide = (ROOT / "docs" / "guide" / f"user-guide-{lang}.md").read_text(encoding="utf-8")
        shown = re.findall(r"\]\(screens/([^)]+)\)", guide)
        assert shown, lang
        assert set(shown) <= made, set(shown) - made
        assert all(s.endswith(f"-{lang}.png") for s in shown), shown
