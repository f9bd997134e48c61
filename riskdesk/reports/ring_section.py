"""The ring's part of its case audit report (issue 33): figures, the graph as a picture and the
member applications, all masked.

The picture is drawn with reportlab's shapes from the same force layout the window uses, so the
report needs no Qt: applicants are circles (red when flagged), devices squares, phones
diamonds, cards flat rectangles, employers triangles; each key's label is its masked form.
"""
from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.reports.layout import WIDTH, Styles, esc, pairs, table, when
from riskdesk.services.rings.layout import FLAGGED_COLOUR, KIND_COLOURS, spring_layout
from riskdesk.services.rings.views import RingDetail

KIND_NAMES = (QT_TRANSLATE_NOOP("RingReport", "device"), QT_TRANSLATE_NOOP("RingReport", "phone"),
              QT_TRANSLATE_NOOP("RingReport", "card"),
              QT_TRANSLATE_NOOP("RingReport", "employer"))
COLOURS, FLAGGED = KIND_COLOURS, FLAGGED_COLOUR
HEIGHT = 120 * mm
R = 5.0


def graph_drawing(detail: RingDetail, font: str) -> Drawing:
    """The ring's applicants and shared keys, laid out as in the window."""
    d = Drawing(WIDTH, HEIGHT)
    index = {n.id: i for i, n in enumerate(detail.nodes)}
    pos = spring_layout(len(detail.nodes), [(index[e.applicant], index[e.key])
                                            for e in detail.edges])
    cx, cy, sx, sy = WIDTH / 2, HEIGHT / 2, WIDTH / 2 - 45, HEIGHT / 2 - 18
    at = {n.id: (cx + float(x) * sx, cy + float(y) * sy)
          for n, (x, y) in zip(detail.nodes, pos, strict=True)}
    for e in detail.edges:
        (x1, y1), (x2, y2) = at[e.applicant], at[e.key]
        d.add(Line(x1, y1, x2, y2, strokeColor=colors.HexColor("#999999"), strokeWidth=0.5))
    for n in detail.nodes:
        x, y = at[n.id]
        fill = colors.HexColor(FLAGGED if n.flagged else COLOURS.get(n.kind, "#777777"))
        if n.kind == "applicant":
            shape = Circle(x, y, R)
        elif n.kind == "device":
            shape = Rect(x - R, y - R, 2 * R, 2 * R)
        elif n.kind == "card":
            shape = Rect(x - R * 1.2, y - R * 0.7, 2.4 * R, 1.4 * R)
        elif n.kind == "employer":
            shape = Polygon([x, y + R, x + R, y - R, x - R, y - R])
        else:
            shape = Polygon([x, y + R, x + R, y, x, y - R, x - R, y])
        shape.fillColor, shape.strokeColor, shape.strokeWidth = fill, colors.black, 0.3
        d.add(shape)
        d.add(String(x, y - R - 7, n.label, fontName=font, fontSize=5.5, textAnchor="middle"))
    return d


def ring_section(s: Styles, detail: RingDetail) -> list[Flowable]:
    """Heading, figures, graph and member applications of the case's ring."""
    r, m = detail.ring, detail.metrics
    kinds = m.get("keys_by_kind", {})
    story: list[Flowable] = [
        Paragraph(esc(translate("RingReport", "Fraud ring {code}").format(code=r.code)), s.h1),
        pairs(s, [
            (translate("RingReport", "Applicants"), r.applicants),
            (translate("RingReport", "Applications"), r.applications),
            (translate("RingReport", "Shared keys"), ", ".join(
                f"{translate('RingReport', k)} {v}" for k, v in kinds.items()) or r.keys),
            (translate("RingReport", "Amount applied (CNY)"), f"{r.amount:,.2f}"),
            (translate("RingReport", "Density"), f"{float(m.get('density', 0)):.2f}"),
            (translate("RingReport", "Time span (days)"), f"{float(m.get('span_days', 0)):.1f}"),
            (translate("RingReport", "Share flagged"),
             f"{100 * float(m.get('share_flagged', 0)):.1f} %"),
            (translate("RingReport", "Share with bad outcomes"),
             f"{100 * float(m.get('share_bad', 0)):.1f} %"),
        ]),
        graph_drawing(detail, s.font),
        Paragraph(esc(translate("RingReport", "Member applications")), s.h2),
    ]
    people = {int(n.id[1:]): n.label for n in detail.nodes if n.kind == "applicant"}
    rows = [[translate("RingReport", "Application no."), translate("RingReport", "Applicant"),
             translate("RingReport", "Submitted"), translate("RingReport", "Amount (CNY)"),
             translate("RingReport", "Flagged")]]
    rows += [[a.application_no, people.get(a.applicant_id, ""), when(a.submitted_at),
              f"{a.amount:,.2f}", translate("RingReport", "yes") if a.flagged else ""]
             for a in detail.members]
    story.append(table(s, rows, widths=[35 * mm, 55 * mm, 35 * mm, 30 * mm,
                                        WIDTH - 155 * mm]))
    return story
