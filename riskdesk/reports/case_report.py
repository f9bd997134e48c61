"""The case audit report: one case's whole story for a dispute or an inspection.

Application and applicant (masked for every reader unless personal data was asked for by
one who may see it: then every page says so), score with a chart
of the reason contributions, rule hits with their sources, the decision record's versions,
every investigation note, the decision chain with maker and checker, linked complaints, and the
case's audit events with their hashes (the chain can be re-verified against them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from riskdesk.domain.enums import label
from riskdesk.i18n import join_clauses, join_list, translate
from riskdesk.reports.layout import (
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
    wrap_label,
    zone_note,
)
from riskdesk.reports.ring_section import ring_section
from riskdesk.scoring.reasons import value_text
from riskdesk.security.masking import mask_name
from riskdesk.services.cases.detail import CaseDetail, ReasonView
from riskdesk.services.cases.evidence import EvidenceRow
from riskdesk.services.privacy import free_text
from riskdesk.services.rings.views import RingDetail


@dataclass(frozen=True)
class CaseReportData:
    detail: CaseDetail
    events: list[
        tuple[int, datetime, str, str, str | None, str]
    ]  # seq, at, actor, action, after, hash
    people: dict[int, str]  # user id -> name, for maker and checker
    unmasked: dict[str, str]  # full name / ID number / phone when asked for and allowed
    personal: bool = False  # "include personal data": every page is marked
    evidence: tuple[EvidenceRow, ...] = ()  # the case's evidence files, superseded ones too
    # names the case knows (applicant, complainants), masked where typed in free text for a
    # reader who sees masked data (issue 28)
    names: tuple[str, ...] = ()
    # the ring's figures, graph and members when the case is a fraud ring's (issue 33)
    ring: RingDetail | None = None


def _when(value: Any) -> str:
    return when(value)  # the bank's local time, the zone named (issue 28)


def _at(value: Any) -> str:
    return when(value, short=True)  # in a column whose header names the zone


def reasons_chart(reasons: Sequence[ReasonView], font: str) -> Drawing:
    """Contributions to the log-odds of default: right raises the risk, left lowers it."""
    # The bar's side says raises/lowers: the label keeps the finding ("7 inquiries ..."),
    # wrapped onto as many lines as it needs rather than cut (issue 28).
    names = [wrap_label(_short(r.text), font, 7.5, 70 * mm) for r in reversed(reasons)] or [""]
    lines = max((name.count("\n") + 1 for name in names), default=1)
    n = max(len(reasons), 1)
    step = 10 * lines + 6
    height = step * n + 52
    d = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 75 * mm, 40
    chart.width, chart.height = WIDTH - 85 * mm, step * n
    values = [float(r.contribution) for r in reversed(reasons)] or [0.0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.leading = 9
    # each bar's value printed at its end (issue 28: values on every chart)
    chart.barLabelFormat = "%+.2f"
    chart_font(font, 6.5, chart.barLabels)
    chart_font(font, 7.5, chart.categoryAxis.labels)
    chart_font(font, 7, chart.valueAxis.labels)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.categoryAxis.labels.boxAnchor = "e"
    top = max((abs(v) for v in values), default=1.0) or 1.0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -top * 1.1, top * 1.1
    chart.bars[0].fillColor = colors.HexColor("#b22233")
    for i, v in enumerate(values):
        if v < 0:
            chart.bars[(0, i)].fillColor = colors.HexColor("#228833")
    d.add(chart)
    d.add(
        String(
            75 * mm,
            14,
            translate("CaseReport", "contribution to the log-odds of default (+ raises risk)"),
            fontName=font,
            fontSize=7,
        )
    )
    d.add(String(75 * mm - 6, height - 9, translate("CaseReport", "Reason"), fontName=font,
                 fontSize=7, textAnchor="end"))
    return d


def _short(text: str, limit: int = 200) -> str:
    cut = max(text.rfind(":"), text.rfind("："))  # drop the last ": raises risk"
    head = (text[:cut] if cut > 0 else text).strip()
    return head if len(head) <= limit else head[: limit - 1] + "…"


def _free_text(data: CaseReportData) -> Callable[[str], str]:
    """What free text (notes, reasons, complaint descriptions, file names) prints: as stored for
    a reader who asked for personal data, else scanned again with the case's names masked."""
    if data.personal:
        return lambda text: text
    return lambda text: free_text.for_masked_reader(text, data.names)


def build(data: CaseReportData, *, report_no: str, generated_by: str, cut_off: datetime) -> bytes:
    s = Styles()
    d = data.detail
    free = _free_text(data)
    case, app, dec = d.case, d.application, d.decision
    story: list[Flowable] = [
        Paragraph(esc(translate("CaseReport", "Case audit report")), s.title),
        pairs(
            s,
            [
                (translate("CaseReport", "Report no."), report_no),
                (translate("CaseReport", "Case"), f"{case.id} · {label(case.kind)}"),
                (translate("CaseReport", "Application no."), app.application_no if app else ""),
                (translate("CaseReport", "Status"), label(case.status)),
                (translate("CaseReport", "Generated by"), generated_by),
                (translate("CaseReport", "Cut-off"), _when(cut_off)),
            ],
        ),
        Spacer(1, 4 * mm),
    ]
    if data.ring is not None:
        story += ring_section(s, data.ring)
    if app:
        story += [
            Paragraph(esc(translate("CaseReport", "Application and applicant")), s.h1),
            pairs(
                s,
                [
                    (translate("CaseReport", "Applicant"),
                     data.unmasked.get("name", mask_name(app.name))),
                    (
                        translate("CaseReport", "ID number"),
                        data.unmasked.get("id_no", app.id_no),
                    ),
                    (translate("CaseReport", "Phone"), data.unmasked.get("phone", app.phone)),
                    (translate("CaseReport", "Bank card"), app.card),
                    (translate("CaseReport", "Product"), label(app.product)),
                    (translate("CaseReport", "Channel"), label(app.channel)),
                    (translate("CaseReport", "Amount (CNY)"), f"{float(app.amount):,.2f}"),
                    (translate("CaseReport", "Term (months)"), app.term_months),
                    (translate("CaseReport", "APR %"), f"{float(app.apr):.2f}"),
                    (translate("CaseReport", "Purpose"), label(app.purpose)),
                    (translate("CaseReport", "Submitted"), _when(app.submitted_at)),
                    (translate("CaseReport", "Device"), app.device_id),
                ],
            ),
        ]
        if not data.unmasked:
            story.append(
                Paragraph(
                    esc(translate("CaseReport", "Personal data is masked for this reader.")),
                    s.small,
                )
            )
    if dec:
        story += [
            Paragraph(esc(translate("CaseReport", "Score and decision record")), s.h1),
            pairs(
                s,
                [
                    (
                        translate("CaseReport", "Probability of default"),
                        f"{100 * float(dec.pd):.2f} %",
                    ),
                    (translate("CaseReport", "Points"), dec.points),
                    (translate("CaseReport", "Band"), label(dec.band)),
                    (translate("CaseReport", "Outcome"), label(dec.outcome)),
                    (translate("CaseReport", "Model"), dec.model),
                    (translate("CaseReport", "Rule set"), dec.rule_set),
                    (translate("CaseReport", "Policy"), dec.policy),
                    (translate("CaseReport", "Decided at"), _when(dec.decided_at)),
                ],
            ),
        ]
    if d.reasons:
        story += [
            keep(
                Paragraph(esc(translate("CaseReport", "Reasons")), s.h2),
                reasons_chart(d.reasons, s.font),
            ),
            table(
                s,
                [
                    (
                        translate("CaseReport", "Reason"),
                        translate("CaseReport", "Value"),
                        translate("CaseReport", "Effect (points)"),
                    )
                ]
                + [
                    (r.text, value_text(r.value), f"{r.points:+d}")
                    for r in d.reasons
                ],
                widths=[WIDTH - 60 * mm, 30 * mm, 30 * mm],
            ),
        ]
    if d.hits:
        story += [
            Paragraph(esc(translate("CaseReport", "Rule hits")), s.h1),
            table(
                s,
                [
                    (
                        translate("CaseReport", "Rule"),
                        translate("CaseReport", "Severity"),
                        translate("CaseReport", "Finding"),
                        translate("CaseReport", "Source"),
                    )
                ]
                + [(h.name, label(h.severity), h.text, h.source) for h in d.hits],
                widths=[40 * mm, 18 * mm, WIDTH - 103 * mm, 45 * mm],
            ),
        ]
    corrects = translate("CaseReport", "corrects note {id}")
    story += [Paragraph(esc(translate("CaseReport", "Investigation notes")), s.h1)]
    story.append(
        table(
            s,
            [
                (
                    translate("CaseReport", "Time") + zone_note(),
                    translate("CaseReport", "Author"),
                    translate("CaseReport", "Check"),
                    translate("CaseReport", "Note"),
                )
            ]
            + [
                (
                    _at(n.created_at),
                    n.author,
                    f"{label(n.kind)} / {label(n.outcome)}",
                    free(n.text)
                    + (" (" + corrects.format(id=n.corrects_id) + ")" if n.corrects_id else ""),
                )
                for n in d.notes
            ],
            widths=[34 * mm, 22 * mm, 34 * mm, WIDTH - 90 * mm],
        )
        if d.notes
        else Paragraph(esc(translate("CaseReport", "No notes.")), s.body)
    )
    story += [
        Paragraph(esc(translate("CaseReport", "Decision chain")), s.h1),
        pairs(
            s,
            [
                (
                    translate("CaseReport", "Decision"),
                    label(case.decision) if case.decision else translate("CaseReport", "none yet"),
                ),
                (translate("CaseReport", "Reason"), free(case.reason or "")),
                (
                    translate("CaseReport", "Maker"),
                    data.people.get(case.maker_id or case.decided_by_id or 0, ""),
                ),
                (
                    translate("CaseReport", "Checker (four-eyes)"),
                    data.people.get(case.checked_by_id or 0, ""),
                ),
                (translate("CaseReport", "Why a second person"), join_clauses(d.check_reasons)),
            ],
        ),
    ]
    steps = [
        (_at(at), actor, label(action), _outcome(after))
        for _, at, actor, action, after, _ in data.events
        if action
        in (
            "case.claim",
            "case.assign",
            "case.decide",
            "case.check.confirm",
            "case.check.send_back",
        )
    ]
    if steps:
        story.append(
            table(
                s,
                [
                    (
                        translate("CaseReport", "Time") + zone_note(),
                        translate("CaseReport", "Who"),
                        translate("CaseReport", "Step"),
                        translate("CaseReport", "Result"),
                    )
                ]
                + steps,
                widths=[34 * mm, 25 * mm, 45 * mm, WIDTH - 104 * mm],
            )
        )
    if d.complaints:
        story += [
            Paragraph(esc(translate("CaseReport", "Linked complaints")), s.h1),
            table(
                s,
                [
                    (
                        translate("CaseReport", "Complaint"),
                        translate("CaseReport", "Category"),
                        translate("CaseReport", "Status"),
                        translate("CaseReport", "What the customer says"),
                    )
                ]
                + [
                    (c.number, label(c.category), label(c.status), free(c.description))
                    for c in d.complaints
                ],
                widths=[32 * mm, 35 * mm, 20 * mm, WIDTH - 87 * mm],
            ),
        ]
    if data.evidence:
        story += _evidence(s, data.evidence, free)
    story += [
        Paragraph(esc(translate("CaseReport", "Audit events of this case")), s.h1),
        Paragraph(
            esc(
                translate(
                    "CaseReport",
                    "Each event's SHA-256 chains to the one before; "
                    "riskdesk audit verify recomputes the chain.",
                )
            ),
            s.small,
        ),
        table(
            s,
            [
                (
                    translate("CaseReport", "No."),
                    translate("CaseReport", "Time") + zone_note(),
                    translate("CaseReport", "Who"),
                    translate("CaseReport", "Action"),
                    translate("CaseReport", "Hash"),
                )
            ]
            + [
                (seq, _at(at), actor, label(action), f"{digest[:32]}\n{digest[32:]}")
                for seq, at, actor, action, _, digest in data.events
            ],
            widths=[12 * mm, 38 * mm, 20 * mm, 30 * mm, WIDTH - 100 * mm],
        ),
    ]
    page = Page(
        title=translate("CaseReport", "Case audit report")
        + f" · {app.application_no if app else case.id}",
        report_no=report_no,
        page_text=translate("CaseReport", "Page {x} of {y}"),
        footer=translate("CaseReport", "Cut-off") + " " + _when(cut_off),
        marking=translate("CaseReport", "Contains personal data") if data.personal else "",
    )
    return render(story, page, author=generated_by, subject=str(app.application_no if app else case.id))


def _evidence(s: Styles, files: tuple[EvidenceRow, ...], free: Callable[[str], str],
              ) -> list[Flowable]:
    """Each evidence file with the SHA-256 of its bytes: a copy handed over later is checked
    against it (issue 27)."""
    state = {"by": translate("CaseReport", "superseded by {id}"),
             "of": translate("CaseReport", "supersedes {id}")}
    rows = [(f"#{f.id} {free(f.name)}", f.kind.upper(), f"{f.size:,}",
             f"{f.sha256[:32]}\n{f.sha256[32:]}", f"{f.added_by}\n{_at(f.added_at)}",
             state["by"].format(id=f"#{f.superseded_by_id}") if f.superseded_by_id else
             state["of"].format(id=f"#{f.supersedes_id}") if f.supersedes_id else "")
            for f in files]
    return [
        Paragraph(esc(translate("CaseReport", "Evidence files")), s.h1),
        Paragraph(esc(translate("CaseReport", "SHA-256 of each file's bytes as attached; "
                                "files are never deleted, a new version supersedes the old.")),
                  s.small),
        table(s, [(translate("CaseReport", "File"), translate("CaseReport", "Type"),
                   translate("CaseReport", "Bytes"), translate("CaseReport", "SHA-256"),
                   translate("CaseReport", "Added") + zone_note(),
                   translate("CaseReport", "Version"))]
              + rows,
              widths=[28 * mm, 10 * mm, 14 * mm, WIDTH - 108 * mm, 28 * mm, 28 * mm]),
    ]


def _outcome(after: str | None) -> str:
    data = json.loads(after) if after else {}
    return join_list(label(str(data[k])) for k in ("status", "decision") if data.get(k))
