"""The model validation report (issue 31) on A4 pages: purpose and scope; data; features;
discrimination with bootstrap intervals; the logistic benchmark; calibration by decile and by
policy band; stability; adverse impact; the reason-code review; limitations; the next
validation date; the sign-off block. Each numbered section starts a page, so a validator can
sign or query one section at a time.
"""
from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from riskdesk.domain.enums import label
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.reports import challenger_section
from riskdesk.reports.layout import WIDTH, Page, Styles, esc, pairs, render, table, when

C = "ValidationReport"
SECTIONS = (
    QT_TRANSLATE_NOOP("ValidationReport", "1. Purpose and scope"), QT_TRANSLATE_NOOP("ValidationReport", "2. Data"),
    QT_TRANSLATE_NOOP("ValidationReport", "3. Features"), QT_TRANSLATE_NOOP("ValidationReport", "4. Discrimination"),
    QT_TRANSLATE_NOOP("ValidationReport", "5. Benchmark against logistic regression"),
    QT_TRANSLATE_NOOP("ValidationReport", "6. Calibration"), QT_TRANSLATE_NOOP("ValidationReport", "7. Stability"),
    QT_TRANSLATE_NOOP("ValidationReport", "8. Adverse impact"), QT_TRANSLATE_NOOP("ValidationReport", "9. Reason-code review"),
    QT_TRANSLATE_NOOP("ValidationReport", "10. Limitations"), QT_TRANSLATE_NOOP("ValidationReport", "11. Next validation"),
    QT_TRANSLATE_NOOP("ValidationReport", "12. Sign-off"))
SAMPLE_NAMES = {"in_sample": QT_TRANSLATE_NOOP("ValidationReport", "in-sample (fitting rows)"),
                "out_of_sample": QT_TRANSLATE_NOOP("ValidationReport", "out-of-sample (held-out rows)"),
                "out_of_time": QT_TRANSLATE_NOOP("ValidationReport", "out-of-time (latest 25 %)")}
BANDS = {"approve": QT_TRANSLATE_NOOP("ValidationReport", "approve"), "review": QT_TRANSLATE_NOOP("ValidationReport", "review"),
         "decline": QT_TRANSLATE_NOOP("ValidationReport", "decline")}


def t(text: str) -> str:
    return translate(C, text)


def _f(v: Any, pattern: str = "{:.4f}") -> str:
    return "-" if v is None else pattern.format(v)


def _ci(ci: list[float] | None) -> str:
    return translate("ValidationReport", "not computed") if ci is None else f"[{ci[0]:.4f}, {ci[1]:.4f}]"


def _yes(v: bool) -> str:
    return translate("ValidationReport", "yes") if v else translate("ValidationReport", "no")


def _section(s: Styles, index: int, first: bool = False) -> list[Flowable]:
    return ([] if first else [PageBreak()]) + [Paragraph(esc(t(SECTIONS[index])), s.h1)]


def _purpose(s: Styles, f: Any, report_no: str, by: str) -> list[Flowable]:
    return [
        Paragraph(esc(translate("ValidationReport", "Model validation report")), s.title),
        Paragraph(esc(f"{f.model_id} {f.name}"), s.h2), Spacer(1, 4 * mm),
        *_section(s, 0, first=True),
        Paragraph(esc(translate("ValidationReport", "This report gives the evidence a validator needs to approve or refuse "
                        "the credit model below for scoring applications: every figure is "
                        "recomputed from the model's stored artefact and its training data, "
                        "checked by SHA-256. Approval in riskdesk names this report's SHA-256.")),
                  s.body),
        pairs(s, [
            (translate("ValidationReport", "Report no."), report_no), (translate("ValidationReport", "Model"), f"{f.model_id} {f.name}"),
            (translate("ValidationReport", "Status"), label(f.status)), (translate("ValidationReport", "Artefact SHA-256"), f.artefact_sha256),
            (translate("ValidationReport", "Trained by"), f"{f.created_by}, {when(f.created_at)}"),
            (translate("ValidationReport", "Proposed by"), f.proposed_by or "-"), (translate("ValidationReport", "Report issued by"), by),
            (translate("ValidationReport", "Issued at"), when(f.issued_at)),
            (translate("ValidationReport", "Bootstrap resamples"), str(f.bootstrap))]),
    ]


def _data(s: Styles, f: Any) -> list[Flowable]:
    m, d = f.meta, f.definition
    split = m["split"]
    if d.get("source") == "loan-book":
        definition = translate("ValidationReport", "{dpd}+ days past due within {months} months on book, from the loan "
                       "book's repayments as of {day} (source: {source})").format(
            dpd=d["dpd"], months=d["months_on_book"], day=d.get("as_of", ""),
            source=d.get("reference", ""))
    else:
        definition = translate("ValidationReport", "column {col}, bad = {bad}").format(
            col=d.get("column"), bad=d.get("bad_value")) + (
            f"; {d['definition']}" if d.get("definition") else "")
    excluded = m.get("excluded_protected", [])
    return _section(s, 1) + [pairs(s, [
        (translate("ValidationReport", "Source"), f.data_note), (translate("ValidationReport", "Data SHA-256"), f.data_sha256),
        (translate("ValidationReport", "Rows"), str(m["data"]["rows"])), (translate("ValidationReport", "Bad rate"), f"{m['data']['bad_rate']:.2%}"),
        (translate("ValidationReport", "Default definition"), definition),
        (translate("ValidationReport", "Split"), translate("ValidationReport", "{kind}: {train} fitting rows, {held} held-out rows").format(
            kind=split["kind"], train=split["train"], held=split["held_out"])),
        (translate("ValidationReport", "Window"), translate("ValidationReport", "dates by {col}").format(col=split["time_column"])
         if split.get("time_column") else translate("ValidationReport", "no real dates (random split)")),
        (translate("ValidationReport", "Excluded (protected)"), ", ".join(f"{c} ({g})" for c, g in excluded)
         or translate("ValidationReport", "none")),
        (translate("ValidationReport", "Allowed with a reason"), "; ".join(
            f"{c}: {w}" for c, w in m.get("allowed_protected", [])) or translate("ValidationReport", "none")),
        (translate("ValidationReport", "Dropped (identifier-like or empty)"), ", ".join(m.get("dropped", [])) or translate("ValidationReport", "none")),
        (translate("ValidationReport", "Proxies"), ", ".join(f"{a} ~ {b} {v:.2f}" for a, b, v in m.get("proxies", []))
         or translate("ValidationReport", "none")),
    ])]


def _features(s: Styles, f: Any) -> list[Flowable]:
    m = f.meta
    names = {1: translate("ValidationReport", "larger raises risk"), -1: translate("ValidationReport", "larger lowers risk"), 0: translate("ValidationReport", "free")}
    importance = m["reference"].get("importance", {})
    rows = [(translate("ValidationReport", "Feature"), translate("ValidationReport", "Monotone constraint"), translate("ValidationReport", "Type"), translate("ValidationReport", "Total gain"))]
    for name in m["features"]:
        rows.append((name, names[int(m["directions"].get(name, 0))],
                     translate("ValidationReport", "text") if name in m["categories"] else translate("ValidationReport", "number"),
                     _f(importance.get(name), "{:.1f}")))
    return _section(s, 2) + [
        Paragraph(esc(translate("ValidationReport", "features ({n}): {names}").format(
            n=len(m["features"]), names=", ".join(m["features"]))), s.body),
        table(s, rows, widths=[60 * mm, 40 * mm, 20 * mm, WIDTH - 120 * mm])]


def _discrimination(s: Styles, f: Any) -> list[Flowable]:
    rows = [(translate("ValidationReport", "Sample"), translate("ValidationReport", "Rows"), translate("ValidationReport", "Bad rate"), "AUC", "KS", "Gini")]
    for x in f.samples:
        rows.append((t(SAMPLE_NAMES[x.name]), str(x.rows), f"{x.bad_rate:.2%}",
                     f"{x.auc:.4f} {_ci(x.ci['auc'])}", f"{x.ks:.4f} {_ci(x.ci['ks'])}",
                     f"{x.gini:.4f} {_ci(x.ci['gini'])}"))
    note = translate("ValidationReport", "95 % bootstrap intervals over {n} resamples of each sample's rows.").format(
        n=f.bootstrap)
    if not any(x.name == "out_of_time" for x in f.samples):
        note += " " + translate("ValidationReport", "Out-of-time: not available (no real dates in the data).")
    return _section(s, 3) + [
        table(s, rows, widths=[40 * mm, 15 * mm, 17 * mm] + [(WIDTH - 72 * mm) / 3] * 3),
        Paragraph(esc(note), s.small), *challenger_section.section(s, f.challenger)]


def _benchmark(s: Styles, f: Any) -> list[Flowable]:
    b = f.benchmark
    rows = [(translate("ValidationReport", "Fold"), "XGBoost AUC", translate("ValidationReport", "Logistic AUC"), translate("ValidationReport", "Difference"))]
    rows += [(str(i + 1), f"{a:.4f}", f"{c:.4f}", f"{a - c:+.4f}")
             for i, (a, c) in enumerate(b["per_fold"])]
    rows.append((translate("ValidationReport", "mean"), f"{b['xgboost']:.4f}", f"{b['logistic']:.4f}",
                 f"{b['difference']:+.4f}"))
    verdict = (translate("ValidationReport", "The difference is within noise (less than two standard errors, {se:.4f}): "
                 "XGBoost is not shown to rank better than logistic regression.")
               if b["within_noise"] else
               translate("ValidationReport", "The difference is more than two standard errors ({se:.4f}): it is not "
                 "noise.")).format(se=b["se"])
    return _section(s, 4) + [
        Paragraph(esc(translate("ValidationReport", "The same {n} folds of the whole data, each model refitted on each "
                        "fold (training-time cross-validation).").format(n=b["folds"])),
                  s.body),
        table(s, rows, widths=[20 * mm] + [(WIDTH - 20 * mm) / 3] * 3),
        Paragraph(esc(verdict), s.body)]


def _calibration(s: Styles, f: Any) -> list[Flowable]:
    rows = [(translate("ValidationReport", "Decile"), translate("ValidationReport", "Rows"), translate("ValidationReport", "Predicted"), translate("ValidationReport", "Observed"))]
    rows += [(str(r["bin"]), str(r["n"]), f"{r['predicted']:.4f}", f"{r['observed']:.4f}")
             for r in f.deciles]
    hl = f.hosmer_lemeshow
    bands = [(translate("ValidationReport", "Band"), translate("ValidationReport", "Rows"), translate("ValidationReport", "Predicted"), translate("ValidationReport", "Observed"), translate("ValidationReport", "Bads / expected"),
              translate("ValidationReport", "Binomial p"), translate("ValidationReport", "Fails (p < 0.05)"))]
    bands += [(t(BANDS[b["band"]]), str(b["n"]), _f(b["predicted"]), _f(b["observed"]),
               f"{b['bads']} / {b['expected']:.1f}", _f(b["p_value"]), _yes(b["flag"]))
              for b in f.bands]
    return _section(s, 5) + [
        Paragraph(esc(translate("ValidationReport", "Held-out rows, by decile of predicted PD:")), s.body),
        table(s, rows, widths=[20 * mm] + [(WIDTH - 20 * mm) / 3] * 3),
        Paragraph(esc(translate("ValidationReport", "Hosmer-Lemeshow: statistic {stat:.4f}, {df} degrees of freedom, "
                        "p = {p:.4f}").format(stat=hl["statistic"], df=hl["df"],
                                              p=hl["p_value"])), s.body),
        Paragraph(esc(translate("ValidationReport", "By policy band (approve below {a:.2%}, decline from {d:.2%}):").format(
            a=f.policy[0], d=f.policy[1])), s.body),
        table(s, bands), *_recalibration(s, f)]


def _recalibration(s: Styles, f: Any) -> list[Flowable]:
    """A recalibrated version (issue 32): calibration before (the base model's PDs) and after
    (this version's) on the held-out rows of the window the map was fitted on."""
    r = f.recalibration
    if not r:
        return []
    rows = [(translate("ValidationReport", "Decile"), translate("ValidationReport", "Rows"),
             translate("ValidationReport", "Observed"),
             translate("ValidationReport", "Predicted before"),
             translate("ValidationReport", "Predicted after"))]
    rows += [(str(d["bin"]), str(d["n"]), f"{d['observed']:.4f}", f"{d['before']:.4f}",
              f"{d['after']:.4f}") for d in r["deciles"]]
    w = r["window"]
    return [
        Paragraph(esc(translate("ValidationReport", "Recalibration")), s.h2),
        Paragraph(esc(translate(
            "ValidationReport", "This version is model {base}'s booster with a {method} map "
            "fitted on {fit} applications submitted {since} to {until} with a known outcome "
            "({excluded} training rows of the booster set aside). Before (model {base}) and "
            "after (this version) on the window's {n} held-out rows ({bads} bad), by decile of "
            "the booster's score:").format(
            base=r["base_model"], method=r["method"], fit=r["fitted_rows"], since=w["since"],
            until=w["until"], excluded=_f(r["training_rows_excluded"], "{}"), n=r["rows"],
            bads=r["bads"])), s.body),
        table(s, rows, widths=[20 * mm] + [(WIDTH - 20 * mm) / 4] * 4),
        Paragraph(esc(translate(
            "ValidationReport", "Brier score {b0:.5f} before, {b1:.5f} after; expected "
            "calibration error by decile {e0:.4f} before, {e1:.4f} after.").format(
            b0=r["brier"]["before"], b1=r["brier"]["after"], e0=r["ece"]["before"],
            e1=r["ece"]["after"])), s.body)]


def _stability(s: Styles, f: Any) -> list[Flowable]:
    rows = [(translate("ValidationReport", "Feature"), "CSI")] + [(k, f"{v:.4f}") for k, v in f.csi.items()]
    return _section(s, 6) + [
        Paragraph(esc(translate("ValidationReport", "Score PSI, held-out rows against the fitting rows: {v:.4f} (< 0.10 "
                        "stable, 0.10-0.25 watch, > 0.25 shifted)").format(v=f.psi)), s.body),
        Paragraph(esc(translate("ValidationReport", "Characteristic stability (CSI) of each feature, same samples:")),
                  s.body),
        table(s, rows, widths=[90 * mm, 30 * mm])]


def _adverse(s: Styles, f: Any) -> list[Flowable]:
    out = _section(s, 7) + [Paragraph(esc(translate("ValidationReport",
        "Approval (not in the decline band) and flag (not in the approve band) rates of the "
        "held-out rows by protected group; the ratio is each group's approval rate over the "
        "highest group's, below 0.80 is adverse impact (four-fifths rule).")), s.body)]
    if not f.adverse:
        out.append(Paragraph(esc(translate("ValidationReport", "The data holds no protected column: not measured.")),
                             s.body))
    for column, groups in f.adverse.items():
        rows = [(translate("ValidationReport", "Group"), translate("ValidationReport", "Rows"), translate("ValidationReport", "Approval rate"), translate("ValidationReport", "Flag rate"),
                 translate("ValidationReport", "Four-fifths ratio"), translate("ValidationReport", "Adverse impact"))]
        rows += [(g["group"], str(g["n"]), f"{g['approval']:.2%}", f"{g['flag']:.2%}",
                  f"{g['ratio']:.4f}", _yes(g["adverse"])) for g in groups]
        out += [Paragraph(esc(column), s.h2), table(s, rows)]
    return out


def _reasons(s: Styles, f: Any) -> list[Flowable]:
    arrow = {1: translate("ValidationReport", "raises"), -1: translate("ValidationReport", "lowers"), 0: "-"}
    rows = [(translate("ValidationReport", "Feature"), translate("ValidationReport", "Observed direction"), translate("ValidationReport", "Expected"), translate("ValidationReport", "Counter-intuitive"),
             translate("ValidationReport", "What the case window shows"))]
    for r in f.reasons:
        seen = arrow[r["observed"]] if not r.get("raising") and not r.get("lowering") \
            else translate("ValidationReport", "raising: {levels}").format(levels=", ".join(r["raising"]) or "-")
        rows.append((r["feature"], seen, arrow[r["expected"]], _yes(r["counter_intuitive"]),
                     r["text"]))
    flagged = [r["feature"] for r in f.reasons if r["counter_intuitive"]]
    return _section(s, 8) + [
        Paragraph(esc(translate("ValidationReport", "Direction of each feature's exact contribution on up to 2,000 "
                        "held-out rows (larger value or level against risk). Counter-intuitive "
                        "reasons for sign-off: {names}").format(
            names=", ".join(flagged) or translate("ValidationReport", "none"))), s.body),
        table(s, rows, widths=[38 * mm, 30 * mm, 17 * mm, 20 * mm, WIDTH - 105 * mm])]


def build(f: Any, *, report_no: str, generated_by: str) -> bytes:
    """The PDF of :class:`services.credit.validation.ValidationFigures`."""
    s = Styles()
    story: list[Flowable] = [
        *_purpose(s, f, report_no, generated_by), *_data(s, f), *_features(s, f),
        *_discrimination(s, f), *_benchmark(s, f), *_calibration(s, f), *_stability(s, f),
        *_adverse(s, f), *_reasons(s, f), *_section(s, 9)]
    story += [Paragraph(esc(f"- {x}"), s.body) for x in f.limitations] or \
        [Paragraph(esc(translate("ValidationReport", "none")), s.body)]
    story += _section(s, 10) + [Paragraph(esc(translate("ValidationReport",
        "Next validation due: {day} (validated every {months} months, or sooner after a "
        "material change of data, use or performance).").format(
        day=when(f.next_validation), months=_months(f))), s.body)]
    sign = [(translate("ValidationReport", "Role"), translate("ValidationReport", "Name"), translate("ValidationReport", "Date"), translate("ValidationReport", "Signature"))] + [
        (t(role), "", "", "") for role in (QT_TRANSLATE_NOOP("ValidationReport", "Validator"),
                                           QT_TRANSLATE_NOOP("ValidationReport", "Model owner"))]
    story += _section(s, 11) + [
        Paragraph(esc(translate("ValidationReport", "Findings (the validator's text is recorded with the approval):")),
                  s.body), Spacer(1, 30 * mm),
        table(s, sign, widths=[35 * mm, 45 * mm, 30 * mm, WIDTH - 110 * mm])]
    page = Page(title=translate("ValidationReport", "Model validation report") + f" · {f.model_id}", report_no=report_no,
                page_text=translate("ValidationReport", "Page {x} of {y}"),
                footer=translate("ValidationReport", "Model {id}, artefact {sha}").format(id=f.model_id,
                                                             sha=f.artefact_sha256[:16]))
    return render(story, page, author=generated_by, subject=f"model {f.model_id}",
                  keywords=f"riskdesk-model {f.model_id} {f.artefact_sha256}")


def _months(f: Any) -> int:
    if f.issued_at is None or f.next_validation is None:
        return 12
    return int((f.next_validation.year - f.issued_at.year) * 12
               + f.next_validation.month - f.issued_at.month)
