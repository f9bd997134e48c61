"""The monthly report's partner section: each partner's month (applications, approval and flag
rates, fraud hits, bad rate of matured loans, complaints per 1,000 loans) and the joint-lending
ratios against the regulator's limits, with warnings from the internal threshold."""
from __future__ import annotations

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from riskdesk.i18n import translate
from riskdesk.reports.layout import WIDTH, Styles, chart_font, esc, keep, table
from riskdesk.services.partners.performance import LIMIT_ALL, LIMIT_ONE, JointPosition, PartnerMonth


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f} %"


def _trend_chart(trend: dict[str, list[tuple[str, float | None]]], font: str) -> Drawing:
    """Each partner's bad rate of matured loans over the last months."""
    d = Drawing(WIDTH, 60 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 12 * mm, WIDTH - 55 * mm, 42 * mm
    codes = sorted(trend)
    chart.data = [[100 * (v or 0.0) for _, v in trend[c]] for c in codes] or [[0]]
    months = [m for m, _ in trend[codes[0]]] if codes else [""]
    chart.categoryAxis.categoryNames = [m[2:] for m in months]
    chart_font(font, 7, chart.categoryAxis.labels, chart.valueAxis.labels)
    chart.valueAxis.valueMin = 0
    palette = ["#2a5d9f", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#566573"]
    legend = Legend()
    legend.x, legend.y = WIDTH - 35 * mm, 50 * mm
    chart_font(font, 7, legend)
    legend.columnMaximum = 8  # one column beside the chart
    legend.alignment = "right"
    legend.colorNamePairs = []
    for i, code in enumerate(codes):
        chart.lines[i].strokeColor = colors.HexColor(palette[i % len(palette)])
        chart.lines[i].strokeWidth = 1.5
        legend.colorNamePairs.append((colors.HexColor(palette[i % len(palette)]), code))
    d.add(chart)
    d.add(legend)
    return d


def section(s: Styles, rows: list[PartnerMonth], joint: JointPosition,
            trend: dict[str, list[tuple[str, float | None]]] | None = None) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(esc(translate("MonthlyReport", "Partners")), s.h1)]
    if not rows:
        out.append(Paragraph(esc(translate("MonthlyReport", "No partner is registered.")),
                             s.body))
        return out
    head = (translate("MonthlyReport", "Partner"), translate("MonthlyReport", "Applications"),
            translate("MonthlyReport", "Approval rate"), translate("MonthlyReport", "Flag rate"),
            translate("MonthlyReport", "Fraud hits"), translate("MonthlyReport", "Bad rate"),
            translate("MonthlyReport", "Complaints per 1,000 loans"))
    body = [(f"{r.code} {r.name}", r.applications, _pct(r.approval_rate), _pct(r.flag_rate),
             r.fraud_hits, f"{_pct(r.bad_rate)} ({r.bad}/{r.matured})",
             "-" if r.complaints_per_1000 is None else f"{r.complaints_per_1000:.1f}")
            for r in rows]
    out.append(table(s, [head, *body], widths=[
        WIDTH - 143 * mm, 20 * mm, 20 * mm, 18 * mm, 17 * mm, 33 * mm, 35 * mm]))
    if trend:
        out.append(keep(Paragraph(esc(translate(
            "MonthlyReport", "Bad rate of matured loans by month (%)")), s.h2),
            _trend_chart(trend, s.font)))
    out.append(Spacer(1, 3 * mm))
    out.append(Paragraph(esc(translate("MonthlyReport", "Joint lending at {day}").format(
        day=joint.day.isoformat())), s.h2))
    if joint.tier1 is None:
        out.append(Paragraph(esc(translate(
            "MonthlyReport", "No capital figures are set: the ratios cannot be computed.")),
            s.body))
        return out
    lines = [(translate("MonthlyReport", "Bank's part of joint loans, {code}").format(code=c),
              f"{amount:,.2f}", f"{100 * joint.ratio_one.get(c, 0):.1f} %",
              f"<= {100 * LIMIT_ONE:.0f} %")
             for c, amount in sorted(joint.by_partner.items())]
    lines.append((translate("MonthlyReport", "All partners, of the total loan balance"),
                  f"{sum(joint.by_partner.values()):,.2f}",
                  _pct(joint.ratio_all), f"<= {100 * LIMIT_ALL:.0f} %"))
    out.append(table(s, [(translate("MonthlyReport", "Measure"),
                          translate("MonthlyReport", "Amount (CNY)"),
                          translate("MonthlyReport", "Ratio"),
                          translate("MonthlyReport", "Limit")), *lines],
                     widths=[WIDTH - 110 * mm, 40 * mm, 35 * mm, 35 * mm]))
    for w in joint.warnings:
        out.append(Paragraph(esc(translate("MonthlyReport", "Warning: {what}").format(what=w)),
                             s.body))
    return out
