"""The monthly report's post-loan section: the book by five-category class (loans, principal
outstanding, amount overdue), the non-performing ratio, the roll rates from last month's class
to this month's, and the month's early warnings."""
from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from riskdesk.domain.enums import label
from riskdesk.i18n import translate
from riskdesk.reports.layout import WIDTH, Styles, esc, pairs, table
from riskdesk.services.postloan.book import PostLoanFigures
from riskdesk.services.postloan.charts import shares_to_100
from riskdesk.services.postloan.monitoring import alert_name
from riskdesk.services.postloan.policy import CATEGORIES


def _money(v: Decimal) -> str:
    return f"{v:,.2f}"


def section(s: Styles, p: PostLoanFigures) -> list[Flowable]:
    book = p.portfolio
    story: list[Flowable] = [Paragraph(esc(translate("MonthlyReport", "Post-loan")), s.h1)]
    if not book.total_loans:
        story.append(Paragraph(esc(translate(
            "MonthlyReport", "No loan was monitored this month.")), s.body))
        return story
    total = book.total_balance
    rows: list[tuple[object, ...]] = [(
        translate("MonthlyReport", "Category"), translate("MonthlyReport", "Loans"),
        translate("MonthlyReport", "Principal outstanding (CNY)"),
        translate("MonthlyReport", "Overdue amount (CNY)"), translate("MonthlyReport", "Share"))]
    for c in CATEGORIES:
        rows.append((label(c), book.loans[c], _money(book.balance[c]), _money(book.overdue[c]),
                     f"{100 * book.balance[c] / total:.1f} %" if total else "-"))
    rows.append((translate("MonthlyReport", "Total"), book.total_loans, _money(total),
                 _money(sum(book.overdue.values(), Decimal(0))), "100.0 %" if total else "-"))
    npl = book.npl_ratio
    story += [
        pairs(s, [(translate("MonthlyReport", "Monitoring runs this month"), p.runs),
                  (translate("MonthlyReport", "Standing as of"),
                   p.last_run.isoformat() if p.last_run else "-"),
                  (translate("MonthlyReport", "Non-performing ratio (substandard, doubtful, "
                             "loss)"), "-" if npl is None else f"{100 * npl:.2f} %")]),
        Spacer(1, 3 * mm),
        table(s, rows, widths=[WIDTH - 140 * mm, 20 * mm, 45 * mm, 45 * mm, 30 * mm])]
    story.append(Paragraph(esc(translate("MonthlyReport", "Roll rates {previous} to {month} "
                                         "(share of each row's loans)")
                               .format(previous=book.previous, month=book.month)), s.h2))
    if book.roll_counts:
        width = (WIDTH - 30 * mm) / len(CATEGORIES)
        head = (translate("MonthlyReport", "From \\ to"), *(label(c) for c in CATEGORIES))
        body = [(label(src), *(f"{v:.1f} %" for v in shares_to_100(
                    [row[c] for c in CATEGORIES])))
                for src, row in book.roll_counts.items()]
        story.append(table(s, [head, *body], widths=[30 * mm] + [width] * len(CATEGORIES)))
    else:
        story.append(Paragraph(esc(translate(
            "MonthlyReport", "No snapshot of the month before: no roll rates yet.")), s.body))
    story.append(Paragraph(esc(translate("MonthlyReport", "Early warnings raised")), s.h2))
    if p.alerts:
        story.append(table(s, [(translate("MonthlyReport", "Rule"),
                                translate("MonthlyReport", "Warnings"))] + [
            (alert_name(code), n) for code, n in p.alerts.items()] + [
            (translate("MonthlyReport", "Post-loan cases opened"), p.cases_opened)],
            widths=[WIDTH - 35 * mm, 35 * mm]))
    else:
        story.append(Paragraph(esc(translate("MonthlyReport", "No early warning this month.")),
                               s.body))
    return story
