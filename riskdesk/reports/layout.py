"""A4 pages fit for printing and binding: wider inner margin, a header with the report's title
and number, and "page X of Y" on every page (counted after layout, so X and Y are right)."""
from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from riskdesk.reports.fonts import cjk_font

_ZONE: ContextVar[str] = ContextVar("report_zone", default="UTC")


@contextmanager
def report_zone(zone: str) -> Iterator[None]:
    """Times printed inside the block are in ``zone`` (the bank's, services/periods.py)."""
    token = _ZONE.set(zone)
    try:
        yield
    finally:
        _ZONE.reset(token)


def zone_note() -> str:
    """The zone of the times in a table column, for its header: "\n(Asia/Shanghai)"."""
    return f"\n({_ZONE.get()})"


def when(value: Any, short: bool = False) -> str:
    """A stored (naive UTC) instant as the bank's wall-clock time, the zone named with its
    offset: "2026-11-25 12:00:29 Asia/Shanghai (UTC+08:00)" (issue 28: reports printed UTC
    while the screen showed local time)."""
    if not isinstance(value, datetime):
        return ""
    zone = _ZONE.get()
    local = value.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    if short:  # in a table whose header names the zone (zone_note)
        return f"{local:%Y-%m-%d %H:%M:%S}"
    offset = local.strftime("%z")
    return (f"{local:%Y-%m-%d %H:%M:%S} {zone} (UTC{offset[:3]}:{offset[3:]})"
            if zone != "UTC" else f"{local:%Y-%m-%d %H:%M:%S} UTC")


LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 18 * mm, 22 * mm, 20 * mm  # binding edge on the left
WIDTH = A4[0] - LEFT - RIGHT


@dataclass(frozen=True)
class Page:
    title: str
    report_no: str
    page_text: str  # "Page {x} of {y}" in the report's language
    footer: str  # e.g. the cut-off
    marking: str = ""  # e.g. "contains personal data", printed on every page in red


def _no_base14(font: str) -> None:
    """reportlab draws charts from a state that starts in Helvetica (and sets it at each
    drawing's start even when every label names its own font): a base-14 font a PDF never
    embeds. Charts start in the embedded font instead (issue 28: pdffonts lists every font
    as embedded)."""
    from reportlab.graphics import shapes
    from reportlab.platypus import tables

    shapes.STATE_DEFAULTS["fontName"] = font
    tables.CellStyle.fontname = font  # a table sets its cells' font even for paragraphs


class Styles:
    def __init__(self) -> None:
        font = cjk_font().name
        _no_base14(font)
        self.font = font
        base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13.5,
                              wordWrap="CJK")
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5)
        self.title = ParagraphStyle("title", parent=base, fontSize=20, leading=26,
                                    spaceAfter=10)
        self.h1 = ParagraphStyle("h1", parent=base, fontSize=14, leading=19, spaceBefore=10,
                                 spaceAfter=5, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", parent=base, fontSize=11, leading=15, spaceBefore=6,
                                 spaceAfter=3, keepWithNext=1)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, textColor=colors.black)


def chart_font(font: str, size: float, *parts: Any) -> None:
    """Set a chart's labels (axis labels, bar labels, legend) in the report's embedded font: the
    one place charts get their font, so none is left in reportlab's default Helvetica."""
    for part in parts:
        part.fontName, part.fontSize = font, size


def wrap_label(text: str, font: str, size: float, width: float) -> str:
    """A chart label broken into lines no wider than ``width`` points (between words, or
    between any two characters in Chinese) instead of cut (issue 28)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    tokens = [t for t in re.split(r"(\s+|[\u3000-\u9fff\uff00-\uffef])", text) if t]
    for token in tokens:
        trial = line + token
        if line and stringWidth(trial.strip(), font, size) > width:
            lines.append(line.strip())
            line = token.lstrip()
        else:
            line = trial
    if line.strip():
        lines.append(line.strip())
    return "\n".join(lines)


def esc(text: Any) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            if text is not None else "")


def table(styles: Styles, rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None,
          header: bool = True) -> Table:
    """Cells become paragraphs (they wrap, CJK included); the header row repeats on new pages."""
    data = [[Paragraph(esc(v).replace("\n", "<br/>"), styles.cell) for v in row]
            for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT",
              spaceAfter=3 * mm)  # a note below a table does not sit flush (issue 28)
    style = [("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e9f2")))
    t.setStyle(TableStyle(style))
    return t


def pairs(styles: Styles, rows: Sequence[tuple[str, Any]], *, label: float = 45 * mm) -> Table:
    """Label / value lines, the label column bold-ish and narrow, so a hash or a path keeps
    its line; figures with long labels and short values ask for a wider ``label``."""
    return table(styles, [(k, v) for k, v in rows], widths=[label, WIDTH - label],
                 header=False)


# The summary's longest English label in the report font ("Officer decisions awaiting check")
WIDE_LABEL = 62 * mm


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def _numbered(page: Page, font: str) -> type[canvas.Canvas]:
    class Numbered(canvas.Canvas):  # type: ignore[misc]  # reportlab has no type hints
        """Holds every page until the end, then draws header and "page X of Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # reportlab starts every page in Helvetica, a base-14 font it never embeds: start
            # in the embedded font instead, so pdffonts lists no unembedded font (issue 28)
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            w, h = A4
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(LEFT, h - 12 * mm, page.title)
            self.drawRightString(w - RIGHT, h - 12 * mm, page.report_no)
            self.setStrokeColor(colors.grey)
            self.line(LEFT, h - 13.5 * mm, w - RIGHT, h - 13.5 * mm)
            self.drawString(LEFT, 11 * mm, page.footer)
            self.drawRightString(w - RIGHT, 11 * mm,
                                 page.page_text.format(x=number, y=total))
            if page.marking:
                self.setFont(font, 9)
                self.setFillColor(colors.HexColor("#b22233"))
                self.drawCentredString(w / 2, h - 8 * mm, page.marking)
                self.drawCentredString(w / 2, 6 * mm, page.marking)
            self.restoreState()

    return Numbered


def render(story: list[Flowable], page: Page, *, author: str, subject: str,
           keywords: str = "") -> bytes:
    """The PDF's bytes. ``invariant`` keeps them reproducible: no creation time or random
    document id inside, so the same report data gives the same bytes. ``keywords`` carries
    machine-readable facts the pages print (the audit head of a monthly report)."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT,
                            topMargin=TOP, bottomMargin=BOTTOM, title=page.title,
                            author=author, subject=subject, creator="riskdesk",
                            keywords=keywords, invariant=True,
                            initialFontName=cjk_font().name)
    doc.build(story, canvasmaker=_numbered(page, cjk_font().name))
    return out.getvalue()
