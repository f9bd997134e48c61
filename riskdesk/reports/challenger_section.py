"""Champion and challenger on a PDF page (issue 32): the active model and the model scoring in
shadow on the same applications, as :mod:`riskdesk.services.credit.challenger` computes them.
The monthly report prints it under model monitoring; a challenger's validation report under
discrimination."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from riskdesk.i18n import translate
from riskdesk.reports.layout import WIDTH, Styles, esc, table
from riskdesk.services.credit.challenger import Comparison, basis_text


def _count(c: Comparison, n: int) -> str:
    rate = c.rate(n)
    return f"{n}" if rate is None else f"{n} ({100 * rate:.1f} %)"


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.4f}"


def section(s: Styles, c: Comparison | None) -> list[Flowable]:
    """The comparison's heading, note, table and the decisions that would change; nothing
    when no model scored in shadow on these applications."""
    if c is None:
        return []
    a, d = c.policy
    rows = [(translate("ChallengerReport", "Figure"),
             translate("ChallengerReport", "Active model {id}").format(id=c.champion),
             translate("ChallengerReport", "Challenger {id} (shadow)").format(id=c.challenger)),
            (translate("ChallengerReport", "Approved automatically"), _count(c, c.approved[0]),
             _count(c, c.approved[1])),
            (translate("ChallengerReport", "Flagged for review"), _count(c, c.flagged[0]),
             _count(c, c.flagged[1])),
            (translate("ChallengerReport", "AUC on known outcomes"), _num(c.auc[0]),
             _num(c.auc[1])),
            (translate("ChallengerReport", "KS on known outcomes"), _num(c.ks[0]),
             _num(c.ks[1]))]
    if c.auc_basis == "measured":
        basis = translate(
            "ChallengerReport", "AUC and KS on the same {n} applications with a known outcome "
            "that are training rows of neither model ({t} training rows left out).").format(
            n=c.auc_rows, t=c.training_rows_excluded)
    else:
        basis = translate(
            "ChallengerReport", "AUC and KS not compared: {why} ({k} known outcomes).").format(
            why=basis_text(c.auc_basis), k=c.known_outcomes)
    return [
        Paragraph(esc(translate("ChallengerReport", "Champion and challenger")), s.h2),
        Paragraph(esc(translate(
            "ChallengerReport", "Model {s} ({sname}) scored in shadow beside the active model "
            "{c} ({cname}) on {n} applications; its scores decided nothing. Both at the policy "
            "in force (approve below {a:.1%}, decline from {d:.1%}) with the same rule hits."
        ).format(s=c.challenger, sname=c.challenger_name, c=c.champion, cname=c.champion_name,
                 n=c.applications, a=a, d=d)), s.body),
        table(s, rows, widths=[WIDTH - 90 * mm, 45 * mm, 45 * mm]),
        Paragraph(esc(translate(
            "ChallengerReport", "Decisions that would change: {k} ({up} approved by the active "
            "model, flagged by the challenger; {down} the other way).").format(
            k=c.changed, up=c.to_flagged, down=c.changed - c.to_flagged)), s.body),
        Paragraph(esc(basis), s.small)]
