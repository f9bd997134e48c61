"""Partners in the window (issue 10)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.partners import register as partners
from riskdesk.services.partners.performance import joint_position, performance, raise_review_cases
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.storage.session import unit_of_work
from tests.conftest import TEST_NOW
from tests.helpers import Book, approved, register_partner


def test_joint_share_flag_bad_rate_doubling_and_complaints(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    engine, actors = sqlite_engine, sqlite_actors
    register_partner(engine, actors, "P1")
    register_partner(engine, actors, "P2")
    apps = approved(engine, actors, 14)
    b = Book(apps)
    start = date(2026, 4, 1)
    unpaid_sep = {k: (None, 0) for k in range(5, 13)}  # stops at the Sep 1 instalment
    unpaid_oct = {k: (None, 0) for k in range(6, 13)}  # stops at the Oct 1 instalment
    b.loan("a", start=start, partner="P1", share=40, paid=unpaid_sep)
    b.loan("b", start=start, partner="P1", share=40, paid=unpaid_oct)
    b.loan("c", start=start, partner="P1", share=40, paid=unpaid_oct)
    for i in range(9):
        b.loan(f"ok{i}", start=start, partner="P1", share=40)
    thin = b.loan("thin", start=start, partner="P2", share=20)  # below the 30 % minimum
    b.loan("fine", start=start, partner="P2", share=35)
    b.load(engine, actors["officer"], tmp_path)
    officer = actors["officer"]
    run_monitoring(engine, officer, as_of=date(2026, 10, 25))
    run_monitoring(engine, officer, as_of=date(2026, 11, 20))
    with engine.connect() as conn:
        flagged = conn.execute(text(
            "SELECT l.loan_no FROM loan_alert a JOIN loan l ON l.id = a.loan_id "
            "WHERE a.code = 'JOINT_SHARE'")).scalars().all()
    assert flagged == [thin]
    with unit_of_work(engine) as s:  # a complaint on a P1 customer counts for P1
        app_id = s.execute(text("SELECT application_id FROM loan WHERE loan_no = 'LN-a'")
                           ).scalar_one()
        s.execute(text("UPDATE application SET partner_id = (SELECT id FROM partner WHERE "
                       "code = 'P1') WHERE id = :i"), {"i": app_id})
    with unit_of_work(engine) as s:
        complaints.register(s, actors["compliance"], channel="phone",
                            category="collection_conduct", description="rude collector",
                            application_id=app_id, received_at=None)
    with unit_of_work(engine, write=False) as s:
        oct_ = {r.code: r for r in performance(s, actors["compliance"], month="2026-10")}
        nov = {r.code: r for r in performance(s, actors["compliance"], month="2026-11")}
    assert (oct_["P1"].matured, oct_["P1"].bad) == (12, 1)
    assert (nov["P1"].matured, nov["P1"].bad) == (12, 3)  # the bad rate tripled
    assert nov["P1"].complaints == 1 and nov["P1"].categories == {"collection_conduct": 1}
    with unit_of_work(engine) as s:
        opened = raise_review_cases(s, officer, month="2026-11")
    with unit_of_work(engine) as s:
        again = raise_review_cases(s, officer, month="2026-11")
    assert len(opened) == 1 and again == []  # P1 reviewed, once
    with engine.connect() as conn:
        kind, who = conn.execute(text("SELECT kind, application_no FROM review_case WHERE "
                                      "id = :i"), {"i": opened[0]}).one()
    assert (kind, who) == ("partner_review", "P1")
    with unit_of_work(engine) as s:
        partners.set_capital(s, actors["compliance"], effective=date(2026, 1, 1), tier1="100000",
                             balance="500000")
    with unit_of_work(engine, write=False) as s:
        pos = joint_position(s, actors["compliance"], month="2026-11")
    assert pos.ratio_one["P1"] > 0.25 * 0.8 and pos.warnings  # over the internal threshold
    with engine.connect() as conn:
        bank_part = conn.execute(text(
            "SELECT sum(s.balance * (1 - l.partner_share / 100.0)) FROM loan_snapshot s JOIN "
            "loan l ON l.id = s.loan_id JOIN partner p ON p.id = l.partner_id WHERE "
            "s.month = '2026-11' AND p.code = 'P1'")).scalar_one()
    assert abs(float(pos.by_partner["P1"]) - float(bank_part)) < 0.05
    # in the window: both cases are in the queue; each opens with its reason
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs
    window = MainWindow(Backend(engine, officer), FakeDialogs())
    qtbot.addWidget(window)
    with engine.connect() as conn:
        joint_case = conn.execute(text(
            "SELECT case_id FROM loan_alert WHERE code = 'JOINT_SHARE'")).scalar_one()
    m = window.cases_model
    while m.canFetchMore():
        m.fetchMore()
    ids = {m.row_at(r).id: r for r in range(m.rowCount())}
    assert joint_case in ids and opened[0] in ids
    d = window.open_case(m.index(ids[joint_case], 0))
    assert "Partner share of a joint loan below the minimum" in d.view.toPlainText()
    assert "whose share is 20 %" in d.view.toPlainText()
    review = window.open_case(m.index(ids[opened[0]], 0))
    assert "bad rate" in review.view.toPlainText()


def test_gui_register_check_activate(qtbot, sqlite_engine: Engine,  # type: ignore[no-untyped-def]
                                     sqlite_actors: dict[str, Actor]) -> None:
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(window)
    tab = window.partners
    tab.code.setText("JIEBEI")
    tab.name.setText("捷贝金服")
    tab.buttons["register"].click()
    assert tab.register_table.rowCount() == 1 and not dialogs.errors
    tab.register_table.selectRow(0)
    tab.status.setCurrentIndex(tab.status.findData("active"))
    tab.reason.setText("go live")
    tab.buttons["status"].click()
    assert dialogs.errors and "not complete" in dialogs.errors[-1][1]  # checks first
    for i in range(tab.item.count()):
        tab.item.setCurrentIndex(i)
        tab.passed.setChecked(True)
        tab.evidence.setText("file 2026/11")
        tab.register_table.selectRow(0)
        tab.buttons["check"].click()
    tab.register_table.selectRow(0)
    tab.buttons["status"].click()
    assert tab.register_table.item(0, 3).text() == "active"
    assert tab.register_table.item(0, 4).text() == f"{len(partners.CHECKLIST)}/" \
        f"{len(partners.CHECKLIST)}"
    officer_view = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer_view)
    assert not officer_view.partners.buttons["register"].isEnabled()


def test_demo_partners_worst_bad_rate_at_least_twice_the_best(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import re

    from riskdesk.demo.database import build_demo
    from riskdesk.demo.frame import DEMO_PASSWORD
    from riskdesk.services.admin.users import sign_in
    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.engine import make_engine
    from riskdesk.ui.main_window import MainWindow
    from tests.helpers import pdftotext
    from tests.ui.fakes import FakeDialogs

    db = tmp_path / "demo.sqlite"
    build_demo(str(db), rows=3000)
    engine = make_engine(str(db))
    with unit_of_work(engine) as s:
        compliance = sign_in(s, username="compliance", password=DEMO_PASSWORD, channel="test")
    assert compliance is not None
    month = f"{TEST_NOW:%Y-%m}"
    with unit_of_work(engine, write=False) as s:
        rows = [r for r in performance(s, compliance, month=month) if r.matured >= 20]
    assert len(rows) >= 4
    rates = {r.code: r.bad_rate or 0.0 for r in rows}
    worst, best = max(rates, key=rates.get), min(rates, key=rates.get)  # type: ignore[arg-type]
    # The demo's partner of poor quality (demo/partners.py) has at least twice the bad rate
    # of the best one.
    assert worst == "KUAIDAI" and rates[worst] > 0 and rates[worst] >= 2 * rates[best]
    window = MainWindow(Backend(engine, compliance), FakeDialogs())  # the partner view shows them
    qtbot.addWidget(window)
    shown = {window.partners.performance_table.item(i, 0).text().split()[0]:
             window.partners.performance_table.item(i, 6).text()
             for i in range(window.partners.performance_table.rowCount())}
    assert shown[worst] == f"{100 * rates[worst]:.1f} %"  # an English window
    issued = reports.monthly_report(engine, compliance, month=month,
                                    language="en")  # and the report
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(issued.pdf)
    body = pdftotext(pdf)
    assert re.search(rf"{worst}\b.*?{100 * rates[worst]:.1f} %", body, re.S)
    assert "Joint lending at" in body
    engine.dispose()
