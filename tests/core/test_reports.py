"""Case audit reports (issue 7): read back with pdftotext and checked against SQL written here,
not against the service that made them; archived, verified byte for byte; Chinese embedded."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from tests.helpers import page_count, pdftotext

pytestmark = pytest.mark.dates








def test_case_report_holds_the_case_as_the_database_has_it(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case, tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    case_id, app_no = worked_case
    issued = reports.case_report(sqlite_engine, sqlite_actors["auditor"], application_no=app_no,
                                 language="en")
    path = tmp_path / "case.pdf"
    path.write_bytes(issued.pdf)
    body = pdftotext(path)
    flat = re.sub(r"\s+", "", body)
    with sqlite_engine.connect() as conn:
        pd_, points = conn.execute(text(
            "SELECT d.pd, d.points FROM decision_record d JOIN review_case c ON "
            "c.application_id = d.application_id WHERE c.id = :i AND d.current_slot = 1"),
            {"i": case_id}).one()
        hashes = conn.execute(text(  # the case's events up to the report's cut-off
            "SELECT hash FROM audit_event WHERE entity_type = 'case' AND entity_id = :i "
            "AND at <= (SELECT cut_off FROM report WHERE report_no = :r)"),
            {"i": str(case_id), "r": issued.report.report_no}).scalars().all()
        run_hashes = conn.execute(text(  # and the scoring run that opened it
            "SELECT e.hash FROM audit_event e WHERE e.entity_type = 'score_run' AND "
            "e.entity_id IN (SELECT CAST(d.run_id AS TEXT) FROM decision_record d JOIN "
            "review_case c ON c.application_id = d.application_id WHERE c.id = :i)"),
            {"i": str(case_id)}).scalars().all()
        maker, checker = conn.execute(text(
            "SELECT m.username, k.username FROM review_case c JOIN app_user m ON m.id = "
            "c.decided_by_id JOIN app_user k ON k.id = c.checked_by_id WHERE c.id = :i"),
            {"i": case_id}).one()
        id_masked = conn.execute(text(
            "SELECT p.id_no_masked FROM review_case c JOIN application a ON a.id = "
            "c.application_id JOIN applicant p ON p.id = a.applicant_id WHERE c.id = :i"),
            {"i": case_id}).scalar_one()
    assert app_no in body and f"{100 * pd_:.2f} %" in body and str(points) in body
    assert "payslips for six months seen" in body and "stable income, low DTI" in body
    assert maker in body and checker in body
    # every audit event with its hash (printed as two halves of 32 hex digits)
    assert hashes and all(h[:32] in body and h[32:] in body for h in hashes)
    assert run_hashes and all(h[:32] in body for h in run_hashes)
    assert "scoring run" in body
    assert id_masked.replace("*", "") in flat.replace("*", "")  # auditor: masked
    n = page_count(path)
    for page in range(1, n + 1):
        assert f"Page {page} of {n}" in pdftotext(path, page)
        assert issued.report.report_no in pdftotext(path, page)


def test_verify_accepts_the_issued_file_and_refuses_one_changed_byte(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case) -> None:  # type: ignore[no-untyped-def]
    _, app_no = worked_case
    issued = reports.case_report(sqlite_engine, sqlite_actors["officer"], application_no=app_no,
                                 language="en")
    with unit_of_work(sqlite_engine, write=False) as s:
        verdict = reports.verify(s, pdf=issued.pdf)
        assert verdict.issued and verdict.generated_by == "officer"
        changed = bytearray(issued.pdf)
        changed[len(changed) // 2] ^= 0x01
        assert not reports.verify(s, pdf=bytes(changed)).issued
        listed = reports.archive(s, sqlite_actors["auditor"])  # beside the template's
        assert [(r.report_no, r.sha256) for r in listed if r.kind != "validation"] == [
            (issued.report.report_no, issued.report.sha256)]  # model validation (issue 31)
    with sqlite_engine.connect() as conn:
        logged = conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                   "'report.generate' AND entity_id = :id"),
                              {"id": str(issued.report.id)}).scalar_one()
    assert logged == 1






