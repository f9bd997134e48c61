"""A read-only text and table preview of an Excel (.xlsx) or Word (.docx) evidence file (issue
27): the sheets' cell values, or the document's paragraphs and tables, as plain strings the
window shows. Nothing is run or rendered: no macros (the file's type is checked again here, so
a file with macros is refused as at attaching), no formulas (an Excel cell shows the value
Excel saved), no pictures, no links followed. Sizes are bounded: the first ROWS rows and COLS
columns of each of the first SHEETS sheets, and a Word document's XML up to XML_BYTES (a small
zip may unpack to much more). Legacy .xls and .doc are not previewed.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from xml.etree import ElementTree

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.filetypes import detect

ROWS, COLS, SHEETS = 500, 40, 20
XML_BYTES = 32 * 1024 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PREVIEWED = ("xlsx", "docx")


@dataclass(frozen=True)
class Block:
    """A paragraph (``text``) or a table (``rows``), under a heading (a sheet's name)."""
    heading: str = ""
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    cut: bool = False  # more rows or columns than shown


def office_preview(data: bytes, name: str = "") -> list[Block]:
    """The blocks to show for an .xlsx or .docx file; InvalidInput for anything else (with
    macros, legacy, not Office) or a file that does not read."""
    kind = detect(data, name).kind  # refuses macros, programs, archives as attaching does
    if kind not in PREVIEWED:
        raise InvalidInput(translate(
            "Evidence", "Only PDF, images and Excel (.xlsx) or Word (.docx) files are "
            "previewed; the list shows this file's SHA-256."))
    try:
        return _sheets(data) if kind == "xlsx" else _document(data)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, ElementTree.ParseError) as exc:
        raise InvalidInput(translate("Evidence", "{name} cannot be read: {error}").format(
            name=name or kind, error=exc)) from None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.time() != time() else "%Y-%m-%d")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheets(data: bytes) -> list[Block]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        out = []
        for sheet in book.worksheets[:SHEETS]:
            rows = [tuple(_cell(v) for v in row) for row in sheet.iter_rows(
                max_row=ROWS, max_col=COLS, values_only=True)]
            while rows and not any(rows[-1]):
                rows.pop()
            width = max((max((i + 1 for i, v in enumerate(r) if v), default=0) for r in rows),
                        default=0)
            cut = (sheet.max_row or 0) > ROWS or (sheet.max_column or 0) > COLS
            out.append(Block(heading=str(sheet.title), rows=tuple(r[:width] for r in rows),
                             cut=cut))
        return out
    finally:
        book.close()


def _document(data: bytes) -> list[Block]:
    with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("word/document.xml") as f:
        xml = f.read(XML_BYTES + 1)
    if len(xml) > XML_BYTES:
        raise ValueError(translate("Evidence", "the document is too large to preview"))
    body = ElementTree.fromstring(xml).find(f"{W}body")
    out: list[Block] = []
    for child in list(body) if body is not None else []:
        if child.tag == f"{W}p":
            out.append(Block(text=_paragraph(child)))
        elif child.tag == f"{W}tbl":
            rows = [tuple(" ".join(_paragraph(p) for p in cell.iter(f"{W}p"))
                          for cell in row.findall(f"{W}tc"))
                    for row in child.findall(f"{W}tr")]
            out.append(Block(rows=tuple(rows[:ROWS]), cut=len(rows) > ROWS))
    return out


def _paragraph(p: ElementTree.Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)
