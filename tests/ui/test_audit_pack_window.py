"""The offline audit pack in the window (issue 11): opened read-only, findings added and brought back, the live Findings tab."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from riskdesk.demo.frame import DEMO_PASSWORD
from riskdesk.errors import DatabaseUnavailable
from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.audit import findings
from riskdesk.services.audit import packs as audit_pack
from riskdesk.services.cases import work as cases
from riskdesk.storage.engine import make_engine, open_pack
from riskdesk.storage.session import unit_of_work
from tests.helpers import run_cli, signed_in


def test_export_open_read_only_add_findings_and_bring_them_back(
        qtbot: Any, audit_demo: tuple[Path, str], tmp_path: Path) -> None:
    from riskdesk.ui.app import PackView
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    db, month = audit_demo
    engine = make_engine(str(db))
    auditor = signed_in(engine, "auditor")
    info = audit_pack.export_pack(engine, auditor, out=tmp_path / "m", month=month)
    assert info.path.suffix == ".rdpack" and "cases" in info.scope
    verdict = audit_pack.verify_pack(info.path)
    assert verdict.ok and verdict.signed
    pack = open_pack(info.path)
    with unit_of_work(pack, write=False) as s:
        case_ids = [int(i) for i in s.execute(text("SELECT id FROM review_case")).scalars()]
        version = cases.get_case(s, case_id=case_ids[0]).version
    assert case_ids
    officer = Actor(2, "officer", frozenset({"officer"}))
    with pytest.raises(DatabaseUnavailable, match="readonly|read-only|read only"):
        with unit_of_work(pack) as s:  # a write attempt on the pack is refused
            cases.claim(s, officer, case_id=case_ids[0], version=version)
    # the auditor's window on the pack: banner, read-only, findings added through the tab
    dialogs = FakeDialogs()
    window = MainWindow(Backend(pack, Actor(None, "auditor", frozenset({"auditor"}))), dialogs,
                        pack=PackView(info.path, verdict))
    qtbot.addWidget(window)
    assert "Audit pack" in window.banner.text() and "seal intact" in window.banner.text()
    assert not window.queue_buttons["claim"].isEnabled()
    tab = window.findings
    tab.target.setText(str(case_ids[0]))
    tab.text.setPlainText("Override approved without the income check the policy requires")
    tab.recommendation.setText("Re-train officers on four-eyes overrides")
    tab.add()
    tab.target_kind.setCurrentIndex(tab.target_kind.findData("month"))
    tab.target.setText(month)
    tab.severity.setCurrentIndex(tab.severity.findData("high"))
    tab.text.setPlainText("Three cases decided after their SLA")
    tab.add()
    assert not dialogs.errors and tab.table.rowCount() == 2
    window.close()
    pack.dispose()
    assert audit_pack.verify_pack(info.path).ok  # findings are outside the seal
    compliance = signed_in(engine, "compliance")
    with unit_of_work(engine) as s:
        first = findings.import_findings(s, compliance, pack=info.path)
    with unit_of_work(engine) as s:
        again = findings.import_findings(s, compliance, pack=info.path)
    assert (first.added, again.added, again.present) == (2, 0, 2)  # no duplicates
    with unit_of_work(engine, write=False) as s:
        rows = findings.listing(s, compliance)
    on_case = next(f for f in rows if f.case_id)
    assert on_case.case_id == case_ids[0] and on_case.status == "open"
    with unit_of_work(engine) as s:
        done = findings.follow_up(s, compliance, finding_id=on_case.id or 0,
                                  version=on_case.version,
                                  status="resolved", note="training held on 3 Dec")
    assert done.status == "resolved" and done.version == on_case.version + 1
    with engine.connect() as conn:
        actions = set(conn.execute(text("SELECT action FROM audit_event")).scalars())
    assert {"audit.export", "finding.import", "finding.follow_up"} <= actions
    # the next monthly report has them (figures from SQL here, not the service)
    import re

    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.clock import utcnow
    from tests.helpers import local_month_utc, pdftotext
    with unit_of_work(engine, write=False) as s:
        now_month, start, end = local_month_utc(utcnow(s))
    issued = reports.monthly_report(engine, compliance, month=now_month, language="en")
    with engine.connect() as conn:
        brought, still = conn.execute(text(
            "SELECT count(*), sum(CASE WHEN status IN ('open', 'in_progress') THEN 1 ELSE 0 "
            "END) FROM audit_finding WHERE imported_at >= :s AND imported_at < :e"),
            {"s": start, "e": end}).one()
    pdf = tmp_path / "monthly.pdf"
    pdf.write_bytes(issued.pdf)
    body = pdftotext(pdf)
    assert re.search(rf"Brought back this month\s+{brought}\b", body)
    assert re.search(rf"Still open\s+{still}\b", body) and brought == 2 and still == 1
    assert "Three cases decided after their SLA" in body  # the open one is listed
    engine.dispose()


def test_the_live_findings_tab_records_the_follow_up(
        qtbot: Any, audit_demo: tuple[Path, str], tmp_path: Path) -> None:
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    db, month = audit_demo
    engine = make_engine(str(db))
    compliance = signed_in(engine, "compliance")
    info = audit_pack.export_pack(engine, signed_in(engine, "auditor"), out=tmp_path / "f.rdpack",
                                  month=month)
    findings.add_in_pack(info.path, "auditor", findings.Draft(
        "medium", "Complaint replies missed the further channels", month=month))
    with unit_of_work(engine) as s:
        findings.import_findings(s, compliance, pack=info.path)
    dialogs = FakeDialogs()
    window = MainWindow(Backend(engine, compliance), dialogs)
    qtbot.addWidget(window)
    tab = window.findings
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 3).text().startswith("Complaint replies"))
    tab.table.selectRow(row)
    tab.status.setCurrentIndex(tab.status.findData("in_progress"))
    tab.save_follow_up()
    assert dialogs.errors and "follow-up note" in dialogs.errors[-1][1]  # a note is required
    tab.note.setText("template updated; replies re-sent")
    tab.save_follow_up()
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 3).text().startswith("Complaint replies"))
    assert tab.table.item(row, 6).text() == "in progress"
    auditor_view = MainWindow(Backend(engine, signed_in(engine, "auditor")), FakeDialogs())
    qtbot.addWidget(auditor_view)
    assert not auditor_view.findings.follow_button.isEnabled()
    engine.dispose()


def test_cli_export_verify_and_import(audit_demo: tuple[Path, str], tmp_path: Path) -> None:
    db, month = audit_demo
    env = {"RISKDESK_PASSWORD": DEMO_PASSWORD}
    out = tmp_path / "cli.rdpack"
    made = run_cli("audit", "export", "--month", month, "--out", str(out), "--db", str(db),
                   "--user", "auditor", env=env)
    assert made.returncode == 0 and "masked" in made.stdout, made.stderr
    ok = run_cli("audit", "verify", str(out))
    assert ok.returncode == 0 and "intact" in ok.stdout
    listed = tmp_path / "cases.txt"
    with sqlite3.connect(out) as con:
        numbers = [r[0] for r in con.execute("SELECT application_no FROM review_case LIMIT 3")]
    listed.write_text("\n".join(numbers) + "\n")
    by_list = run_cli("audit", "export", "--cases", str(listed), "--out",
                      str(tmp_path / "l.rdpack"), "--db", str(db), "--user", "auditor",
                      env=env)
    assert by_list.returncode == 0 and "3 cases" in by_list.stdout, by_list.stderr
    findings.add_in_pack(out, "auditor", findings.Draft("medium", "seen", month=month))
    back = run_cli("audit", "import-findings", str(out), "--db", str(db), "--user",
                   "compliance", env=env)
    assert back.returncode == 0 and "1 finding(s) added" in back.stdout, back.stderr
    shot = tmp_path / "pack.png"
    opened = run_cli("gui", "--db", str(out), "--screenshot", str(shot))
    assert opened.returncode == 0 and shot.stat().st_size > 10_000, opened.stderr
