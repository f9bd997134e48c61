"""The case audit report is masked for every role by default; "include personal data" needs
the permission, is audited and marks every page (issue 25, item 2)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from riskdesk.domain.audit import AuditEvent
from riskdesk.errors import PermissionDenied
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from tests.helpers import page_count, pdftotext


def _applicant(engine: Engine, app_no: str) -> tuple[str, str, str]:
    """The applicant's full name, ID number and phone, decrypted."""
    with engine.connect() as conn:
        name, id_enc, phone_enc = conn.execute(text(
            "SELECT p.name, p.id_no_enc, a.phone_enc FROM application a JOIN applicant p ON "
            "p.id = a.applicant_id WHERE a.application_no = :n"), {"n": app_no}).one()
    with unit_of_work(engine) as s:
        cipher = load_cipher(s, create=False)
        return (str(name), cipher.decrypt("id_no", bytes(id_enc)),
                cipher.decrypt("phone", bytes(phone_enc)))


def _text(pdf: bytes, tmp_path: Path, name: str) -> tuple[Path, str]:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path, pdftotext(path).replace(" ", "")


def test_masked_by_default_for_a_role_that_may_see_personal_data(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """issue 25: the officer's report no longer prints the full ID number and phone unasked."""
    _, app_no = worked_case
    name, id_no, phone = _applicant(sqlite_engine, app_no)
    issued = reports.case_report(sqlite_engine, sqlite_actors["officer"], application_no=app_no,
                                 language="en")
    _, body = _text(issued.pdf, tmp_path, "masked.pdf")
    assert id_no not in body and phone not in body and name not in body
    assert f"{id_no[:6]}********{id_no[-4:]}" in body and f"{phone[:3]}****{phone[-4:]}" in body
    assert "Containspersonaldata" not in body
    with sqlite_engine.connect() as conn:  # nothing personal in it: archived as issued
        stored = conn.execute(text("SELECT pdf FROM report WHERE id = :id"),
                              {"id": issued.report.id}).scalar_one()
    assert bytes(stored) == issued.pdf


def test_include_personal_data_needs_the_permission_is_audited_and_marks_every_page(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """issue 25: asked for by an officer: full name, ID and phone, "Contains personal data"
    on every page, the issue event says so, the archived copy is sealed; an auditor is
    refused."""
    _, app_no = worked_case
    name, id_no, phone = _applicant(sqlite_engine, app_no)
    with pytest.raises(PermissionDenied):
        reports.case_report(sqlite_engine, sqlite_actors["auditor"], application_no=app_no,
                            language="en",
                            include_personal=True)
    issued = reports.case_report(sqlite_engine, sqlite_actors["officer"], application_no=app_no,
                                 language="en",
                                 include_personal=True)
    path, body = _text(issued.pdf, tmp_path, "personal.pdf")
    assert id_no in body and phone in body and name in body
    n = page_count(path)
    assert n >= 2
    for page in range(1, n + 1):
        assert "Contains personal data" in pdftotext(path, page)
    with unit_of_work(sqlite_engine, write=False) as s:
        after = json.loads(s.scalars(select(AuditEvent.after).where(
            AuditEvent.action == "report.generate",
            AuditEvent.entity_id == str(issued.report.id))).one() or "{}")
        assert after["personal_data"] is True and after["unmasked"] == ["id_no", "name",
                                                                        "phone"]
        assert reports.pdf_of(s, sqlite_actors["officer"],
                              report_id=issued.report.id or 0) == issued.pdf
        with pytest.raises(PermissionDenied):  # sealed: only who may see personal data
            reports.pdf_of(s, sqlite_actors["auditor"], report_id=issued.report.id or 0)
    with sqlite_engine.connect() as conn:
        stored = bytes(conn.execute(text("SELECT pdf FROM report WHERE id = :id"),
                                    {"id": issued.report.id}).scalar_one())
    assert stored.startswith(reports.SEALED) and id_no.encode() not in stored
