"""Evidence files in the case and complaint windows (issue 27): attach through the file dialog,
the list shows name, type, size, short hash, who and when, a preview draws the image or the
PDF's pages off the GUI thread; a refused file is said why; an auditor gets no Attach."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import handling as complaints
from riskdesk.storage.session import unit_of_work
from tests.helpers import evidence_pdf, evidence_png, office_zip
from tests.ui.fakes import FakeDialogs


def _shown(panel: Any, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def test_officer_attaches_and_previews_in_the_case_window(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 27 acceptance: in the case window an officer attaches a PDF and an image through
    the file dialog, sees them listed with their short hash, previews the PDF page by page and
    the image; an executable named .pdf is refused with the reason; a new version keeps both."""
    from riskdesk.ui.cases.detail import CaseDialog

    _, case_id = sqlite_scored
    pdf, png = evidence_pdf("wage statement", pages=2), evidence_png(64, 48)
    (tmp_path / "wages.pdf").write_bytes(pdf)
    (tmp_path / "id-card.png").write_bytes(png)
    (tmp_path / "invoice.pdf").write_bytes(b"MZ\x90\x00" + bytes(300))
    dialogs = FakeDialogs()
    window = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id, dialogs)
    qtbot.addWidget(window)
    panel = window.evidence
    assert panel.attach_button.isEnabled() and panel.model.rowCount() == 0

    dialogs.evidence_paths = [tmp_path / "wages.pdf"]
    panel.note.setText("six months")
    panel.attach_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=20_000)
    assert _shown(panel, 0, 0) == "wages.pdf" and _shown(panel, 0, 1) == "PDF"
    assert _shown(panel, 0, 3) == hashlib.sha256(pdf).hexdigest()[:12]
    assert _shown(panel, 0, 4) == "officer" and panel.note.text() == ""

    dialogs.evidence_paths = [tmp_path / "invoice.pdf"]
    panel.attach_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=20_000)
    assert "Windows program" in dialogs.errors[-1][1] and panel.model.rowCount() == 1

    dialogs.evidence_paths = [tmp_path / "id-card.png"]
    panel.attach_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=20_000)

    panel.table.selectRow(0)
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.preview_window is not None, timeout=20_000)
    shown = panel.preview_window
    assert shown is not None
    assert (shown.preview.page, shown.preview.pages) == (0, 2)
    assert shown.picture.pixmap().width() > 300
    first = shown.preview.image
    shown.next.click()
    qtbot.waitUntil(lambda: shown.preview.page == 1, timeout=20_000)
    assert shown.preview.image != first and not shown.next.isEnabled()
    window.grab().save(str(tmp_path / "case-evidence.png"))

    panel.table.selectRow(1)
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.preview_window is not shown, timeout=20_000)
    assert panel.preview_window is not None
    image = panel.preview_window.preview.image
    assert (image.width(), image.height()) == (64, 48)

    panel.table.selectRow(0)  # a corrected statement supersedes the first; both stay
    dialogs.evidence_paths = [tmp_path / "id-card.png"]
    panel.version_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=20_000)
    assert "superseded" in _shown(panel, 0, 0)
    assert not dialogs.errors[1:]


def test_auditor_sees_the_list_but_no_attach_and_complaints_have_evidence_too(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 27: the auditor's case window lists the files without Attach or Preview (the
    bytes are personal data); the complaint window attaches like the case window."""
    from riskdesk.services.cases import evidence
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.complaints.detail import ComplaintDialog

    _, case_id = sqlite_scored
    with unit_of_work(sqlite_engine) as s:
        evidence.attach(s, sqlite_actors["officer"], case_id=case_id, name="a.pdf",
                        data=evidence_pdf("a"))
        complaint = complaints.register(s, sqlite_actors["compliance"], channel="app",
                                        category="other", complainant_name="李四",
                                        description="d")
    window = CaseDialog(Backend(sqlite_engine, sqlite_actors["auditor"]), case_id,
                        FakeDialogs())
    qtbot.addWidget(window)
    window.evidence.table.selectRow(0)
    assert window.evidence.model.rowCount() == 1
    assert not window.evidence.attach_button.isEnabled()
    assert not window.evidence.preview_button.isEnabled()

    (tmp_path / "letter.png").write_bytes(evidence_png())
    dialogs = FakeDialogs()
    dialogs.evidence_paths = [tmp_path / "letter.png"]
    handler = ComplaintDialog(Backend(sqlite_engine, sqlite_actors["compliance"]),
                              complaint.id or 0, dialogs)
    qtbot.addWidget(handler)
    handler.evidence.attach_button.click()
    qtbot.waitUntil(lambda: handler.evidence.model.rowCount() == 1, timeout=20_000)
    assert _shown(handler.evidence, 0, 1) == "PNG" and not dialogs.errors


def test_excel_and_word_files_preview_as_text_and_tables(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Issue 27: an Excel file previews as its sheets' cell values, a Word file as its text and
    tables, read-only; what the file holds is shown as text, never as markup."""
    from riskdesk.services.cases import evidence
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.evidence import OfficePreviewDialog
    from tests.core.test_office_preview import DOC, workbook

    _, case_id = sqlite_scored
    with unit_of_work(sqlite_engine) as s:
        for name, data in (("wages.xlsx", workbook()), ("letter.docx", office_zip(
                {"[Content_Types].xml": b"<Types/>", "word/document.xml": DOC}))):
            evidence.attach(s, sqlite_actors["officer"], case_id=case_id, name=name, data=data)
    window = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id,
                        FakeDialogs())
    qtbot.addWidget(window)
    panel = window.evidence
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=20_000)
    seen = []
    for row in range(2):
        panel.table.selectRow(row)
        before = panel.preview_window
        panel.preview_button.click()
        qtbot.waitUntil(lambda b=before: panel.preview_window is not b, timeout=20_000)
        shown = panel.preview_window
        assert isinstance(shown, OfficePreviewDialog)
        seen.append(shown.text.toPlainText())
    text = "\n".join(seen)
    assert "流水" in text and "8500" in text and "工资流水" in text and "<b>8,500" in text
