"""The monthly compliance report: the frozen figures of ``services.reporting.monthly`` on A4 pages.

Cover (period, bank and team, report number, cut-off, issued by and when), summary, automatic
decisions by score band and the triggers that fired, officer decisions and overrides with maker
and checker, time to decision and SLA breaches, model monitoring with the score distribution,
the post-loan book (categories, roll rates, early warnings), complaints, the audit trail's head
at the cut-off and its verification, and the sign-off block.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from riskdesk.domain.enums import label
from riskdesk.i18n import translate
from riskdesk.reports import challenger_section, postloan_section
from riskdesk.reports.layout import (
    WIDE_LABEL,
    WIDTH,
    Page,
    Styles,
    chart_font,
    esc,
    keep,
    pairs,
    render,
    table,
    when,
    zone_note,
)
from riskdesk.rules.catalog import rule_name
from riskdesk.services.audit.findings import FindingFigures
from riskdesk.services.complaints.figures import Figures, MonthDetails
from riskdesk.services.periods import Restatement
from riskdesk.services.postloan.book import PostLoanFigures
from riskdesk.services.reporting.case_flow import CaseFlow
from riskdesk.services.reporting.monthly import MonthlyFigures


@dataclass(frozen=True)
class MonthlyReportData:
    figures: MonthlyFigures
    complaints: Figures
    complaint_details: MonthDetails
    bank: str
    model: dict[str, Any]  # name, version, approved_by, approved_at, monitoring row or None
    pd_histogram: list[tuple[str, int]]  # PD band label -> decisions in the month
    audit_ok: bool
    audit_events: int
    generated_by: str
    generated_at: datetime
    postloan: PostLoanFigures | None = None
    findings: FindingFigures | None = None
    partners: tuple[Any, ...] | None = None  # (PartnerMonth rows, JointPosition, trend)
    restated: tuple[Restatement, ...] | list[Restatement] = ()  # earlier months changed since
    anchor_file: str = ""  # where this report's issue is anchored outside the database
    database_id: str = ""  # the database's identity in that file
    case_flow: CaseFlow | None = None  # cases opened, closed, open at the cut-off (issue 28)


def _when(value: datetime | None) -> str:
    return when(value)  # the bank's local time, the zone named (issue 28)


def _at(value: datetime | None) -> str:
    return when(value, short=True)  # in a column whose header names the zone


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} h"


def _histogram(bins: list[tuple[str, int]], font: str) -> Drawing:
    d = Drawing(WIDTH, 66 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 18 * mm, 16 * mm, WIDTH - 28 * mm, 44 * mm
    chart.data = [[n for _, n in bins] or [0]]
    chart.categoryAxis.categoryNames = [b for b, _ in bins] or [""]
    chart_font(font, 7, chart.categoryAxis.labels, chart.valueAxis.labels)
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#2a5d9f")
    # values on the bars and both axes titled (issue 28)
    chart.barLabelFormat = "%d"
    chart_font(font, 6.5, chart.barLabels)
    chart.barLabels.nudge = 5
    d.add(chart)
    d.add(String(chart.x + chart.width / 2, 2 * mm, translate(
        "MonthlyReport", "Probability of default"), fontName=font, fontSize=7,
        textAnchor="middle"))
    title = String(0, 0, translate("MonthlyReport", "Decisions"), fontName=font, fontSize=7,
                   textAnchor="middle")  # turned upright along the value axis
    d.add(Group(title, transform=(0, 1, -1, 0, 5 * mm, chart.y + chart.height / 2)))
    return d


def _reclassified(s: Styles, f: MonthlyFigures) -> list[Flowable]:
    """Exceptions to the five-category floors: loans a maker and a checker classed above what
    their days past due give, confirmed this month (issue 26)."""
    out: list[Flowable] = [Paragraph(esc(translate(
        "MonthlyReport", "Five-category exceptions: loans classed above their days-past-due "
        "floor")), s.h1)]
    if not f.reclassified:
        return out + [Paragraph(esc(translate("MonthlyReport", "No loan was classed above its "
                                              "floor this month.")), s.body)]
    return out + [table(s, [(translate("MonthlyReport", "Loan"),
                             translate("MonthlyReport", "Floor"),
                             translate("MonthlyReport", "Class"),
                             translate("MonthlyReport", "Maker"),
                             translate("MonthlyReport", "Checker"),
                             translate("MonthlyReport", "Confirmed") + zone_note(),
                             translate("MonthlyReport", "Reason"))] + [
        (r.loan_no, label(r.floor), label(r.category), r.maker, r.checker, _at(r.at),
         r.reason) for r in f.reclassified],
        widths=[28 * mm, 22 * mm, 22 * mm, 20 * mm, 20 * mm, 32 * mm, WIDTH - 144 * mm])]


def _automatic(s: Styles, f: MonthlyFigures) -> list[Flowable]:
    """How the automatic decisions fell: by score band, then each trigger that fired, on
    applications flagged and on those still approved automatically (low severity)."""
    bands: list[tuple[object, ...]] = [(label(band), auto, flagged, auto + flagged)
                                       for band, (auto, flagged) in f.by_band.items()]
    bands.append((translate("MonthlyReport", "Total"), f.auto_approved, f.flagged, f.decided))
    codes = sorted(set(f.by_rule) | set(f.auto_by_rule),
                   key=lambda c: (-f.by_rule.get(c, 0), -f.auto_by_rule.get(c, 0), c))
    out: list[Flowable] = [
        Paragraph(esc(translate("MonthlyReport", "Automatic decisions and their triggers")),
                  s.h1),
        table(s, [(translate("MonthlyReport", "Score band"),
                   translate("MonthlyReport", "Approved automatically"),
                   translate("MonthlyReport", "Flagged"),
                   translate("MonthlyReport", "Decided")), *bands],
              widths=[WIDTH - 105 * mm, 35 * mm, 35 * mm, 35 * mm]),
        Spacer(1, 3 * mm)]
    if codes:
        out.append(table(s, [(translate("MonthlyReport", "Trigger"),
                              translate("MonthlyReport", "Flagged"),
                              translate("MonthlyReport", "Share of decided"),
                              translate("MonthlyReport", "Fired on automatic approvals"))] + [
            (rule_name(code), f.by_rule.get(code, 0),
             _pct(f.by_rule.get(code, 0) / f.decided if f.decided else None),
             f.auto_by_rule.get(code, 0)) for code in codes],
            widths=[WIDTH - 105 * mm, 25 * mm, 30 * mm, 50 * mm]))
    else:
        out.append(Paragraph(esc(translate("MonthlyReport", "No trigger fired this month.")),
                             s.body))
    return out


def _restatements(s: Styles, rows: Any) -> list[Flowable]:
    """Months already reported whose figures late registrations have changed since."""
    if not rows:
        return []
    return [Paragraph(esc(translate("MonthlyReport", "Restatements of earlier months")), s.h2),
            Paragraph(esc(translate(
                "MonthlyReport", "Registered after those months' reports were issued; the "
                "issued reports stay as they were.")), s.small),
            table(s, [(translate("MonthlyReport", "Month"), translate("MonthlyReport", "Figure"),
                       translate("MonthlyReport", "As issued"), translate("MonthlyReport", "Now"),
                       translate("MonthlyReport", "Report no."))] + [
                (r.month, r.label, r.as_issued, r.now, r.report_no) for r in rows],
                widths=[22 * mm, WIDTH - 122 * mm, 25 * mm, 20 * mm, 55 * mm]),
            Spacer(1, 3 * mm)]


def _auc_rows(details: dict[str, Any] | None) -> str:
    """How many of the month's known outcomes AUC/KS were measured on, and how many training
    rows of the model were left out (services.credit.monitoring.discrimination)."""
    if not details:
        return "-"
    if "auc_basis" not in details:
        return translate("MonthlyReport", "all {k} with a known outcome, training rows "
                         "included").format(k=details.get("known_outcomes", 0))
    if details.get("training_rows_excluded") is None:
        return translate("MonthlyReport", "none of {k} with a known outcome (training rows "
                         "cannot be told apart)").format(k=details["known_outcomes"])
    return translate("MonthlyReport", "{n} of {k} with a known outcome ({t} training rows "
                     "excluded)").format(n=details["auc_rows"], k=details["known_outcomes"],
                                         t=details["training_rows_excluded"])


def _reviews(s: Styles, reviews: list[Any]) -> list[Flowable]:
    """The month's model-review cases (issue 32): the model, the figures that opened each,
    and its standing at the cut-off (services.reporting.model_reviews)."""
    head = Paragraph(esc(translate("MonthlyReport", "Model review cases")), s.h2)
    if not reviews:
        return [head, Paragraph(esc(translate(
            "MonthlyReport", "Monitoring opened no model-review case for this month.")), s.body)]
    rows: list[tuple[Any, ...]] = [(
        translate("MonthlyReport", "Case"), translate("MonthlyReport", "Model"),
        translate("MonthlyReport", "What opened it"),
        translate("MonthlyReport", "Status at the cut-off"))]
    for r in reviews:
        status = translate("MonthlyReport", "open") if r.decision is None else translate(
            "MonthlyReport", "decided: {decision}, by {user} on {day}").format(
            decision=label(r.decision), user=r.decided_by, day=_when(r.decided_at))
        rows.append((r.case_id, r.model, "\n".join(r.triggers), status))
    return [head, table(s, rows, widths=[14 * mm, 54 * mm, WIDTH - 116 * mm, 48 * mm])]


def _auc_caveat(details: dict[str, Any] | None) -> str:
    basis = (details or {}).get("auc_basis", "old" if details else "none")
    return {
        "none": translate("MonthlyReport", "No model monitoring was recorded for this month."),
        "old": translate("MonthlyReport", "Monitored before the model's training rows were "
                         "excluded: the AUC / KS include rows the model was trained on and "
                         "overstate how it ranks new applications."),
        "measured": translate("MonthlyReport", "AUC and KS are measured only on the month's "
                              "applications with a known outcome that are not rows the model "
                              "was trained on (recognised by the fingerprints stored with the "
                              "model)."),
        "no_fingerprints": translate("MonthlyReport", "No AUC / KS: the model holds no "
                                     "fingerprints of its training rows, so they cannot be told "
                                     "apart from new applications."),
        "no_known_outcomes": translate("MonthlyReport", "No AUC / KS: no application of the "
                                       "month has a known outcome yet."),
        "only_training_rows": translate("MonthlyReport", "No AUC / KS: every application of "
                                        "the month with a known outcome is a row the model was "
                                        "trained on; no rows are left to measure."),
        "one_outcome": translate("MonthlyReport", "No AUC / KS: the applications left after "
                                 "excluding training rows are all good or all bad."),
    }.get(basis, "")


def _findings(s: Styles, f: FindingFigures) -> list[Flowable]:
    """Audit findings brought back from packs, as the trail had them at the cut-off."""
    out: list[Flowable] = [
        Paragraph(esc(translate("MonthlyReport", "Audit findings")), s.h1),
        pairs(s, [(translate("MonthlyReport", "Brought back this month"), f.imported),
                  (translate("MonthlyReport", "Still open"), sum(f.open_by_severity.values())),
                  *((label(k), n) for k, n in sorted(f.open_by_severity.items())),
                  (translate("MonthlyReport", "Resolved or risk accepted"), f.closed)])]
    if f.open_rows:
        out.append(Spacer(1, 3 * mm))
        out.append(table(s, [(translate("MonthlyReport", "No."),
                              translate("MonthlyReport", "On"),
                              translate("MonthlyReport", "Severity"),
                              translate("MonthlyReport", "Finding"))] + [
            (i, on, label(sev), text) for i, on, sev, text in f.open_rows[:40]],
            widths=[15 * mm, 35 * mm, 22 * mm, WIDTH - 72 * mm]))
    return out


def build(data: MonthlyReportData, *, report_no: str) -> bytes:
    s = Styles()
    f, c = data.figures, data.complaints
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        Paragraph(esc(translate("MonthlyReport", "Monthly compliance report")), s.title),
        Paragraph(esc(data.bank), s.h1), Spacer(1, 8 * mm),
        pairs(s, [
            (translate("MonthlyReport", "Period"),
             translate("MonthlyReport", "{month} (calendar month, {zone})").format(
                 month=f.month, zone=f.zone)),
            (translate("MonthlyReport", "Report no."), report_no),
            (translate("MonthlyReport", "Cut-off"), _when(f.cut_off)),
            (translate("MonthlyReport", "Issued by"), data.generated_by),
            (translate("MonthlyReport", "Issued at"), _when(data.generated_at))]),
        Spacer(1, 6 * mm),
        Paragraph(esc(translate(
            "MonthlyReport", "Figures count only what existed at the cut-off: regenerating "
            "this report with the same cut-off gives the same figures.")), s.small),
        Paragraph(esc(translate(
            "MonthlyReport", "An event counts in the month of its business time (complaint "
            "received, application submitted, decision made final) as recorded at the "
            "cut-off; later registrations of earlier months are listed as restatements.")),
            s.small),
        PageBreak(),
        Paragraph(esc(translate("MonthlyReport", "Summary")), s.h1),
        pairs(s, label=WIDE_LABEL, rows=[
            (translate("MonthlyReport", "Applications received"), f.received),
            (translate("MonthlyReport", "Decided (automatic or flagged)"), f.decided),
            (translate("MonthlyReport", "Flagged for review"), f.flagged),
            (translate("MonthlyReport", "Flag rate"), _pct(f.flag_rate)),
            (translate("MonthlyReport", "Approved automatically"), f.auto_approved),
            (translate("MonthlyReport", "Officer decisions made final"),
             sum(f.officer_decisions.values())),
            (translate("MonthlyReport", "Officer decisions awaiting check"),
             f.awaiting_check),
            (translate("MonthlyReport", "Overrides (four-eyes)"), len(f.overrides)),
            (translate("MonthlyReport", "Median time to decision"), _hours(f.median_hours)),
            (translate("MonthlyReport", "90th percentile time to decision"),
             _hours(f.p90_hours)),
            (translate("MonthlyReport", "SLA breaches"), f.sla_breaches),
            *([(translate("MonthlyReport", "Cases opened"), data.case_flow.opened),
               (translate("MonthlyReport", "Cases closed"), data.case_flow.closed),
               (translate("MonthlyReport", "Cases open at the cut-off"),
                data.case_flow.open_at_cut_off)] if data.case_flow is not None else []),
            (translate("MonthlyReport", "Complaints received"), c.received),
            (translate("MonthlyReport", "Complaints overdue"), c.overdue)]),
    ]
    story += _restatements(s, data.restated)
    story += _automatic(s, f)
    story += [Paragraph(esc(translate("MonthlyReport", "Officer decisions and overrides")),
                        s.h1),
              table(s, [(translate("MonthlyReport", "Decision"),
                         translate("MonthlyReport", "Count"))] + [
                  (label(k), n) for k, n in f.officer_decisions.items()],
                  widths=[WIDTH - 35 * mm, 35 * mm]) if f.officer_decisions else
              Paragraph(esc(translate("MonthlyReport", "No officer decision this month.")),
                        s.body)]
    if f.overrides:
        story.append(Spacer(1, 3 * mm))
        story.append(table(s, [(translate("MonthlyReport", "Case"),
                                translate("MonthlyReport", "Maker"),
                                translate("MonthlyReport", "Made at") + zone_note(),
                                translate("MonthlyReport", "Checker"),
                                translate("MonthlyReport", "Outcome"))] + [
            (o.case_id, o.maker, _at(o.made_at), o.checker or "-",
             label(o.outcome) if o.outcome else translate("MonthlyReport", "waiting"))
            for o in f.overrides], widths=[18 * mm, 28 * mm, 45 * mm, 28 * mm,
                                           WIDTH - 119 * mm]))
    story += [Paragraph(esc(translate("MonthlyReport", "Compliance checks: cost and amount "
                                      "ceilings")), s.h1)]
    if f.ceilings:
        outcome_text = {"no_case": translate("MonthlyReport", "no case"),
                        "open": translate("MonthlyReport", "still open"),
                        "awaiting_check": translate("MonthlyReport", "awaiting check")}
        story.append(table(s, [(translate("MonthlyReport", "Rule"),
                                translate("MonthlyReport", "APR band"),
                                translate("MonthlyReport", "What happened by the cut-off"),
                                translate("MonthlyReport", "Applications"))] + [
            (rule_name(code), band, outcome_text.get(result) or label(result), n)
            for (code, band, result), n in f.ceilings.items()],
            widths=[WIDTH - 110 * mm, 30 * mm, 50 * mm, 30 * mm]))
    else:
        story.append(Paragraph(esc(translate("MonthlyReport", "No application this month was "
                                             "over a ceiling.")), s.body))
    story += _reclassified(s, f)
    if f.feed_unacknowledged:  # issue 29: origination's late acknowledgements, one line
        story.append(Paragraph(esc(translate(
            "MonthlyReport", "Decision feed: {n} record(s) of this month not acknowledged by "
            "origination within {hours} hours by the cut-off.").format(
            n=f.feed_unacknowledged, hours=f.feed_warn_hours)), s.body))
    m = data.model
    story += [Paragraph(esc(translate("MonthlyReport", "Model monitoring")), s.h1),
              pairs(s, [(translate("MonthlyReport", "Active model"), m.get("name", "-")),
                        (translate("MonthlyReport", "Approved by"), m.get("approved_by", "")),
                        (translate("MonthlyReport", "Approved at"),
                         _when(m.get("approved_at"))),
                        (translate("MonthlyReport", "Score PSI against training"),
                         m.get("psi", "-")),
                        (translate("MonthlyReport", "AUC / KS out of sample"),
                         m.get("auc_ks", "-")),
                        (translate("MonthlyReport", "Rows measured for AUC / KS"),
                         _auc_rows(m.get("monitor_details"))),
                        (translate("MonthlyReport", "Override rate"), m.get("override", "-"))]),
              Paragraph(esc(_auc_caveat(m.get("monitor_details"))), s.small),
              *_reviews(s, m.get("reviews", [])),
              *challenger_section.section(s, m.get("challenger")),
              keep(Paragraph(esc(translate("MonthlyReport", "Decisions by probability of "
                                           "default")), s.h2),
                   _histogram(data.pd_histogram, s.font))]
    if data.postloan is not None:
        story += postloan_section.section(s, data.postloan)
    if data.partners is not None:
        from riskdesk.reports import partner_section

        story += partner_section.section(s, *data.partners)
    rings = f.rings or {}
    story += [Paragraph(esc(translate("MonthlyReport", "Fraud rings")), s.h1), pairs(s, [
        (translate("MonthlyReport", "Rings found"), rings.get("found", 0)),
        (translate("MonthlyReport", "Rings confirmed as fraud"), rings.get("confirmed", 0)),
        (translate("MonthlyReport", "Rings closed"), rings.get("closed", 0))])]
    story += [Paragraph(esc(translate("MonthlyReport", "Complaints")), s.h1), pairs(s, [
        (translate("MonthlyReport", "Complaints received"), c.received),
        (translate("MonthlyReport", "Replied"), c.responded),
        (translate("MonthlyReport", "Replied on time"), _pct(c.on_time_rate)),
        (translate("MonthlyReport", "Replied late (after the due time, extensions counted)"),
         c.late),
        (translate("MonthlyReport", "Extended"), _pct(c.extension_rate)),
        (translate("MonthlyReport", "Reopened"), _pct(c.reopen_rate)),
        (translate("MonthlyReport", "Overdue at the cut-off"), c.overdue)])]
    if c.open_by_category:
        story.append(table(s, [(translate("MonthlyReport", "Open by category"),
                                translate("MonthlyReport", "Count"))] + [
            (label(k), n) for k, n in sorted(c.open_by_category.items())],
            widths=[WIDTH - 35 * mm, 35 * mm]))
    details = data.complaint_details
    for title, counts in ((translate("MonthlyReport", "Received by channel"),
                           details.by_channel),
                          (translate("MonthlyReport", "Root causes of complaints closed"),
                           details.root_causes)):
        if counts:
            story.append(Spacer(1, 2 * mm))
            story.append(table(s, [(title, translate("MonthlyReport", "Count"))] + [
                (label(k), n) for k, n in sorted(counts.items())],
                widths=[WIDTH - 35 * mm, 35 * mm]))
    if details.overdue:
        story += [Paragraph(esc(translate("MonthlyReport", "Overdue complaints at the cut-off")),
                            s.h2),
                  table(s, [(translate("MonthlyReport", "Complaint"),
                             translate("MonthlyReport", "Category"),
                             translate("MonthlyReport", "Received") + zone_note(),
                             translate("MonthlyReport", "Due") + zone_note())] + [
                      (number, label(category), _at(received), _at(due))
                      for number, category, received, due in details.overdue],
                      widths=[40 * mm, WIDTH - 130 * mm, 45 * mm, 45 * mm])]
    if data.findings is not None:
        story += _findings(s, data.findings)
    verdict = (translate("MonthlyReport", "intact: every event re-hashed and chained")
               if data.audit_ok else translate("MonthlyReport", "BROKEN: see riskdesk audit "
                                               "verify"))
    story += [Paragraph(esc(translate("MonthlyReport", "Audit trail")), s.h1), pairs(s, [
        (translate("MonthlyReport", "Verification"), verdict),
        (translate("MonthlyReport", "Last event at the cut-off"), f.audit_head_seq),
        (translate("MonthlyReport", "Its hash (the chain's head)"), f.audit_head_hash),
        *([(translate("MonthlyReport", "Anchored outside the database in"),
            translate("MonthlyReport", "{file}\n(database {id}; riskdesk audit verify "
                      "--anchors FILE)").format(file=data.anchor_file, id=data.database_id))]
          if data.anchor_file else [])])]
    sign = [(translate("MonthlyReport", "Role"), translate("MonthlyReport", "Name"),
             translate("MonthlyReport", "Date"), translate("MonthlyReport", "Signature"))]
    for role in (translate("MonthlyReport", "Prepared by"),
                 translate("MonthlyReport", "Reviewed by"),
                 translate("MonthlyReport", "Approved by")):
        sign.append((role, "", "", ""))
    sign_table = table(s, sign, widths=[35 * mm, 45 * mm, 30 * mm, WIDTH - 110 * mm])
    sign_table.setStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                         ("TOPPADDING", (0, 1), (-1, -1), 12),
                         ("BOTTOMPADDING", (0, 1), (-1, -1), 12)])
    story += [keep(Paragraph(esc(translate("MonthlyReport", "Sign-off")), s.h1), sign_table)]
    page = Page(title=translate("MonthlyReport", "Monthly compliance report") + f" · {f.month}",
                report_no=report_no, page_text=translate("MonthlyReport", "Page {x} of {y}"),
                footer=translate("MonthlyReport", "Cut-off") + " " + _when(f.cut_off))
    return render(story, page, author=data.generated_by, subject=f.month,
                  keywords=head_keywords(f.audit_head_seq, f.audit_head_hash))


HEAD_TAG = "riskdesk-audit-head"


def head_keywords(seq: int, digest: str) -> str:
    """The audit head the report prints, in its metadata too, for `riskdesk audit verify`."""
    return f"{HEAD_TAG} {seq} {digest}"
