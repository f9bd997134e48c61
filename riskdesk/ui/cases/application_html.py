"""The case window's application, score and reasons as rich text: the fields an
investigation checks, grouped side by side as the width allows; the score in points against the
band thresholds; each reason as a sentence with its effect in points and the note compliance
keeps on its feature. Strings keep the case window's translation context ("CaseDialog").
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

from riskdesk.domain.enums import label
from riskdesk.i18n import translate
from riskdesk.services.cases.detail import ApplicationView, CaseDetail, ScoreView
from riskdesk.ui.formats import date_text, datetime_text, money, number, percent

PERCENT_FEATURES = frozenset({"revol_util", "all_util"})
MONEY_FEATURES = frozenset({"total_bal_il", "delinq_amnt", "total_il_high_credit_limit"})


def given(value: Any, shown: str | None = None) -> str:
    """A value, or "not given" for a missing one."""
    return translate("CaseDialog", "not given") if value is None or value == "" else (
        shown if shown is not None else str(value))


def application_groups(a: ApplicationView, unmasked: dict[str, str], columns: int) -> str:
    """The application's fields in groups, side by side as the width allows."""
    shown = translate("CaseDialog", "{value} (unmasked)")
    plain = {k: shown.format(value=v) for k, v in unmasked.items()}
    gender = {"M": translate("CaseDialog", "male"), "F": translate("CaseDialog", "female")}
    inc = a.income
    ages = given(a.stated_age)
    if a.age_from_id is not None and a.stated_age is not None and \
            a.age_from_id != a.stated_age:
        ages = translate("CaseDialog", "{stated} (the ID says {age})").format(stated=a.stated_age,
                                                              age=a.age_from_id)
    verified = inc.verification_status
    groups = [
        (translate("CaseDialog", "Applicant"), [
            (translate("CaseDialog", "Applicant"), a.name),
            (translate("CaseDialog", "ID number"), plain.get("id_no", a.id_no)),
            (translate("CaseDialog", "Birth date"), date_text(a.birth_date)),
            (translate("CaseDialog", "Age from the ID"), given(a.age_from_id)),
            (translate("CaseDialog", "Stated age"), ages),
            (translate("CaseDialog", "Gender"), gender.get(a.gender, a.gender)),
            (translate("CaseDialog", "Region code"), a.region),
            (translate("CaseDialog", "Phone"), plain.get("phone", a.phone)),
            (translate("CaseDialog", "Bank card"), plain.get("card", given(a.card)))]),
        (translate("CaseDialog", "Loan"), [
            (translate("CaseDialog", "Application no."), a.application_no),
            (translate("CaseDialog", "Product"), label(a.product)),
            (translate("CaseDialog", "Purpose"), label(a.purpose)),
            (translate("CaseDialog", "Amount"), money(a.amount)),
            (translate("CaseDialog", "Term (months)"), number(a.term_months)),
            (translate("CaseDialog", "APR %"), number(a.apr, 2)),
            (translate("CaseDialog", "Fees over the term"), money(a.fees)),
            (translate("CaseDialog", "Repayment"), label(a.repayment_type)),
            (translate("CaseDialog", "Submitted"), datetime_text(a.submitted_at))]),
        (translate("CaseDialog", "Income and debt"), [
            (translate("CaseDialog", "Annual income"), given(inc.annual_income,
                                                   money(inc.annual_income))),
            (translate("CaseDialog", "Monthly income"), given(inc.monthly_income,
                                                    money(inc.monthly_income))),
            (translate("CaseDialog", "Years in employment"), given(inc.emp_length_years)),
            (translate("CaseDialog", "Income verification"), given(
                verified, QCoreApplication.translate("Reasons", (verified or "").replace("_", " ")))),
            (translate("CaseDialog", "Monthly payment of this loan"), money(inc.monthly_payment)),
            (translate("CaseDialog", "Payment to income"), given(
                inc.payment_to_income, percent(inc.payment_to_income))),
            (translate("CaseDialog", "Instalment loan balances"), given(
                inc.instalment_balances, money(inc.instalment_balances))),
            (translate("CaseDialog", "Debt to income (balances + this loan) / annual income"),
             given(inc.debt_to_income, percent(inc.debt_to_income)))]),
        (translate("CaseDialog", "Credit bureau"), [
            (f.name, given(f.value, feature_value(f.feature, f.value)))
            for f in a.bureau]),
        (translate("CaseDialog", "Partner"), [
            (translate("CaseDialog", "Channel"), label(a.channel)),
            (translate("CaseDialog", "Partner"), a.partner or (
                translate("CaseDialog", "the bank's own channel") if a.channel == "own_app"
                else translate("CaseDialog", "not given")))]),
        (translate("CaseDialog", "Device and IP"), [
            (translate("CaseDialog", "Device"), given(a.device_id)),
            (translate("CaseDialog", "IP address"), given(a.ip))]),
    ]
    e = html.escape
    cells = [f"<h3>{e(title)}</h3>" + html_table(rows) for title, rows in groups]
    cols = max(columns, 1)
    rows_html = "".join(
        "<tr>" + "".join(f"<td valign='top' width='{100 // cols}%'>{c}</td>"
                         for c in cells[i:i + cols]) + "</tr>"
        for i in range(0, len(cells), cols))
    return f"<table width='100%' cellspacing='4'>{rows_html}</table>"


def feature_value(feature: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return QCoreApplication.translate("Reasons", value.replace("_", " "))
    if feature in PERCENT_FEATURES:
        return percent(float(value) / 100)
    if feature in MONEY_FEATURES:
        return money(value)
    return number(value)


def html_table(rows: list[tuple[str, str]]) -> str:
    e = html.escape
    return "<table cellspacing='2'>" + "".join(
        f"<tr><td valign='top'><b>{e(k)}</b></td><td>{e(v)}</td></tr>"
        for k, v in rows) + "</table>"


def score_html(dec: ScoreView, texts: dict[str, str]) -> str:
    e, T = html.escape, texts
    versions = translate("CaseDialog", "model {m}, rule set {r}, policy {p}").format(
        m=dec.model, r=dec.rule_set, p=dec.policy)
    score = translate("CaseDialog", "{points} points, {band} band (PD {pd})").format(
        points=number(dec.points), band=label(dec.band), pd=percent(dec.pd))
    bands = translate("CaseDialog", "Approve band: above {a} points (PD below {pa}); decline band: {d} "
                    "points or fewer (PD {pd} or more); review in between.").format(
        a=number(dec.approve_above_points), pa=percent(dec.approve_below),
        d=number(dec.decline_at_points), pd=percent(dec.decline_from))
    return (f"<h3>{e(T['Score'])}</h3><p><b>{e(score)}</b><br>{e(bands)}<br>"
            f"<small>{e(versions)}</small></p>")


def reasons_html(d: CaseDetail, texts: dict[str, str], chinese: bool) -> str:
    """Each reason as a sentence, its effect in points with a bar, and the note compliance
    keeps on the feature beside it."""
    e, T = html.escape, texts
    top = max((abs(r.points) for r in d.reasons), default=1) or 1
    zh = chinese
    rows = []
    for r in d.reasons:
        effect = translate("CaseDialog", "{points} points (raises risk)") if r.points < 0 else \
            translate("CaseDialog", "+{points} points (lowers risk)")
        colour = "#b23" if r.points < 0 else "#283"
        bar = "&#9608;" * max(1, round(10 * abs(r.points) / top))
        note = r.note_zh if zh else r.note_en
        why = T['Why this reason points this way']
        note_html = (f"<br><small><i>{e(why)}: {e(note)}</i></small>" if note else "")
        rows.append(f"<tr><td valign='top'>{e(r.about)}{note_html}</td>"
                    f"<td valign='top' style='white-space:nowrap'><span style='color:"
                    f"{colour}'>{bar}</span> {e(effect.format(points=number(r.points)))}"
                    f"</td></tr>")
    head = translate("CaseDialog", "Reasons (effect on the score in points)")
    return f"<h3>{e(head)}</h3><table width='100%' cellspacing='3'>{''.join(rows)}</table>"
