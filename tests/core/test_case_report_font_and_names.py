"""The case report on a machine with no CJK font, and names typed in free text (issue 28).

1. The report embeds the font shipped in resources/fonts even where the system has none (the
   system's fonts are hidden here): pdffonts lists every font embedded and no base-14 font.
2. A reader who sees masked data gets the names the case knows masked where they were typed
   (a complaint's description, a note), and numbers found again.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from riskdesk.reports import fonts
from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import handling
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from tests.helpers import pdftotext

BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the shipped font can be found: the system's CJK fonts are off the search path."""
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    monkeypatch.delenv("RISKDESK_REPORT_FONT", raising=False)
    fonts.cjk_font.cache_clear()
    yield
    fonts.cjk_font.cache_clear()


def test_case_report_embeds_the_shipped_font_and_masks_typed_names(
        no_system_fonts: None, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """issue 28: fonts embedded only where a CJK TrueType font happened to be installed; a
    complainant's name typed in the description printed in full for a masked reader."""
    with sqlite_engine.connect() as conn:  # an application with no case yet, and its applicant
        app_id, app_no, name = conn.execute(text(
            "SELECT a.id, a.application_no, p.name FROM application a JOIN applicant p "
            "ON p.id = a.applicant_id WHERE a.id NOT IN (SELECT application_id FROM "
            "review_case WHERE application_id IS NOT NULL) ORDER BY a.id LIMIT 1")).one()
    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        c = handling.register(s, officer, channel="phone", category="identity_theft",
                              application_id=app_id, proxy_name="欧阳海峰",
                              proxy_authorisation="signed letter of authority",
                              description=f"代理人欧阳海峰来电：{name}本人从未申请此贷款。")
        case = handling.open_fraud_case(s, officer, complaint_id=c.id or 0, version=c.version)
        case_id = case.id or 0
    with unit_of_work(sqlite_engine) as s:
        got = cases.get_case(s, case_id=case_id)
        cases.claim(s, officer, case_id=case_id, version=got.version)
        cases.add_note(s, officer, case_id=case_id, kind="identity", outcome="discrepancy",
                       text=f"Spoke to {name} and to 欧阳海峰 about the loan")

    issued = reports.case_report(sqlite_engine, sqlite_actors["auditor"], application_no=app_no,
                                 language="en")
    path = tmp_path / "case.pdf"
    path.write_bytes(issued.pdf)
    rows = [line.split() for line in subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True,
        text=True).stdout.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), rows  # every font embedded
    assert {row[0].split("+")[-1] for row in rows} == {"RiskdeskReportSans"}, rows
    assert not BASE14 & {row[0] for row in rows}
    body = pdftotext(path)
    assert "欧阳海峰" not in body and name not in body
    assert "欧***" in body and f"{name[0]}{'*' * (len(name) - 1)}" in body
    assert "\ufffd" not in body
