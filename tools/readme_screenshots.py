"""Rebuild the README's pictures: a fresh demo database, a morning's work on it (claims,
notes, complaints), then the queue, a case and the complaints tab in Chinese and English, the
post-loan tab and a loan, and the first page of a case audit report.

Usage (offscreen, from the repository root):
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/readme_screenshots.py
"""
from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlmodel import select

from riskdesk.domain.applications import Application
from riskdesk.services import cases, complaints, queue
from riskdesk.services.demo import DEMO_PASSWORD
from riskdesk.services.demo_db import build_demo
from riskdesk.services.users import sign_in
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.i18n import install_translators
from riskdesk.ui.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"
SIZE = (1280, 800)
COMPLAINTS = [
    ("phone", "collection_conduct", 16, "催收人员多次致电我单位同事，影响我的工作。"),
    ("app", "interest_and_fees", 14, "实际年化费用高于申请时展示的利率。"),
    ("letter", "identity_theft", 3, "我从未申请过这笔贷款，手机号被他人冒用。"),
    ("branch", "service_quality", 1, "客服电话长时间无人接听。"),
    ("regulator_referral", "privacy", 9, "未经同意查询了我的征信报告。"),
]


def morning(engine) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(engine) as s:
        officer = sign_in(s, "officer", DEMO_PASSWORD, channel="screenshots")
        compliance = sign_in(s, "compliance", DEMO_PASSWORD, channel="screenshots")
    assert officer is not None and compliance is not None
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
    last = 0
    for (channel, category, days, text), r in zip(COMPLAINTS, rows[3:], strict=False):
        with unit_of_work(engine) as s:
            app = s.exec(select(Application).where(
                Application.application_no == r.application_no)).one()
            c = complaints.register(s, compliance, channel=channel, category=category,
                                    description=text, application_id=app.id,
                                    received_at=now - timedelta(days=days))
        with unit_of_work(engine) as s:
            complaints.investigate(s, compliance, c.id or 0, c.version)
        last = c.id or 0
    return first.application_no, last


def shoot(engine, app: QApplication, lang: str, application_no: str,  # type: ignore[no-untyped-def]
          complaint_id: int) -> None:
    installed = install_translators(app, lang)
    with unit_of_work(engine) as s:
        senior = sign_in(s, "senior", DEMO_PASSWORD, channel="screenshots")
        officer = sign_in(s, "officer", DEMO_PASSWORD, channel="screenshots")
        compliance = sign_in(s, "compliance", DEMO_PASSWORD, channel="screenshots")
        case_id = queue.page_cases(s, officer, queue.CaseFilter(application_no=application_no),
                                   limit=1)[0].id
    suffix = "zh" if lang.startswith("zh") else "en"
    for actor, name, show in (
            (senior, "queue", lambda w: w),
            (officer, "case", lambda w: w.open_case_id(case_id)),
            (compliance, "complaints", lambda w: (w.tabs.setCurrentWidget(w.complaints), w)[1])):
        window = MainWindow(engine, actor)  # type: ignore[arg-type]
        window.resize(*SIZE)
        window.show()
        widget = show(window)
        widget.resize(*SIZE)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.1)
        widget.grab().save(str(DOCS / f"{name}-{suffix}.png"))
        window.close()
    if suffix == "zh":  # the post-loan tab on last month, and a cash-out case's loan
        from sqlalchemy import text

        window = MainWindow(engine, officer)  # type: ignore[arg-type]
        window.resize(*SIZE)
        window.show()
        window.tabs.setCurrentWidget(window.postloan)
        with unit_of_work(engine, write=False) as s:
            month = utcnow(s).replace(day=1) - timedelta(days=1)
            flagged = s.execute(text(
                "SELECT case_id FROM loan_alert WHERE code = 'PROCEEDS_OUT' AND case_id IS NOT "
                "NULL ORDER BY id LIMIT 1")).scalar_one()
        window.postloan.month.setText(f"{month:%Y-%m}")
        window.postloan.reload()
        loan = window.open_case_id(flagged).open_loan()
        assert loan is not None
        loan.tabs.setCurrentIndex(2)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.1)
        window.grab().save(str(DOCS / "postloan-zh.png"))
        loan.grab().save(str(DOCS / "loan-zh.png"))
        window.close()
    if suffix == "zh":  # the first page of a case audit report, as printed
        from riskdesk.services.reports import case_report
        from riskdesk.ui.reports import page_images

        issued = case_report(engine, officer, application_no, "zh")  # type: ignore[arg-type]
        page_images(issued.pdf, 1.4)[0].save(str(DOCS / "report-case-zh.png"))
    for translator in installed:
        app.removeTranslator(translator)
    del complaint_id


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        build_demo(db)
        engine = make_engine(db)
        application_no, complaint_id = morning(engine)
        for lang in ("zh_CN", "en"):
            shoot(engine, app, lang, application_no, complaint_id)
        engine.dispose()


if __name__ == "__main__":
    main()
