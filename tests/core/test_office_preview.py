"""The read-only preview of Excel and Word evidence files (issue 27): cell values as saved and
a document's paragraphs and tables; macros, legacy files and broken files are refused."""
from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from riskdesk.errors import InvalidInput
from riskdesk.security import office_preview as op
from tests.helpers import compound_file, office_zip

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOC = (f'<w:document {W}><w:body><w:p><w:r><w:t>工资流水</w:t><w:tab/><w:t>2026-10</w:t>'
       '</w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>月份</w:t></w:r></w:p></w:tc>'
       '<w:tc><w:p><w:r><w:t>&lt;b&gt;8,500</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
       '</w:body></w:document>').encode()


def workbook(rows: int = 3) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "流水"
    sheet.append(["月份", "收入"])
    for i in range(rows - 1):
        sheet.append([f"2026-{i % 12 + 1:02d}", 8500.0 + i])
    sheet["D1"] = "=SUM(B2:B3)"  # a formula shows what Excel saved (nothing here), never runs
    book.create_sheet("空")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_and_word_previews_read_values_and_text_and_refuse_the_rest() -> None:
    sheets = op.office_preview(workbook(), "wages.xlsx")
    assert [b.heading for b in sheets] == ["流水", "空"]
    assert sheets[0].rows[:2] == (("月份", "收入"), ("2026-01", "8500")) and not sheets[0].cut
    assert all("SUM" not in v for r in sheets[0].rows for v in r) and sheets[1].rows == ()
    big = op.office_preview(workbook(op.ROWS + 5), "big.xlsx")[0]
    assert len(big.rows) == op.ROWS and big.cut
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": DOC}
    text, table = op.office_preview(office_zip(parts), "letter.docx")
    assert text.text == "工资流水\t2026-10"
    assert table.rows == (("月份", "<b>8,500"),)  # text as text: the window escapes it
    with pytest.raises(InvalidInput, match="macros"):
        op.office_preview(office_zip({**parts, "word/vbaProject.bin": b"x"}), "m.docm")
    with pytest.raises(InvalidInput, match="previewed"):
        op.office_preview(compound_file(["WordDocument"]), "old.doc")
    with pytest.raises(InvalidInput, match="cannot be read"):
        op.office_preview(office_zip({**parts, "word/document.xml": b"<w:document"}), "x.docx")
