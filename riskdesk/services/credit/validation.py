"""The validation report a validator signs a model off on (issue 31): every figure recomputed
from the model's own artefact and its training data (hash-checked), archived with its SHA-256
like every report, and the only ground on which a model may be approved
(:func:`registry.approve` checks the report is on that exact model).

The data: the bundled demo data for a model trained on it, the loan book for a model trained on
its outcomes, otherwise the training file given again (``--data FILE``, its SHA-256 must be the
one the model recorded). The split is the training split, reproduced (same data, same seed), so
in-sample and out-of-sample are the rows the model was and was not fitted on.
"""
from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xgboost as xgb
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.reports import Report
from riskdesk.domain.scoring import DecisionRecord, ModelVersion
from riskdesk.errors import InvalidInput
from riskdesk.i18n import language as in_language
from riskdesk.i18n import translate
from riskdesk.scoring import calibration, metrics
from riskdesk.scoring import validation as stats
from riskdesk.scoring.features import DIRECTIONS, matrix
from riskdesk.scoring.protected import protected_columns
from riskdesk.scoring.reasons import contributions, sentence
from riskdesk.scoring.train import definition_of, split_rows, target_vector
from riskdesk.services.actor import Actor
from riskdesk.services.credit import governance
from riskdesk.services.credit.challenger import Comparison, compare
from riskdesk.services.credit.recalibration import reproduce
from riskdesk.services.credit.registry import get, meta_of
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

KIND = "validation"
REASON_ROWS = 2000  # rows whose exact contributions the reason-code review reads


@dataclass(frozen=True)
class Sample:
    """Discrimination on one sample: in-sample, out-of-sample or out-of-time."""

    name: str
    rows: int
    bad_rate: float
    auc: float
    ks: float
    gini: float
    ci: dict[str, list[float] | None]


@dataclass(frozen=True)
class ValidationFigures:
    """Everything the report prints, computed once (the test reads the PDF against these)."""

    model_id: int
    name: str
    status: str
    artefact_sha256: str
    created_by: str
    created_at: datetime
    proposed_by: str | None
    meta: dict[str, Any]
    data_note: str
    data_sha256: str
    definition: dict[str, Any]
    bootstrap: int
    policy: tuple[float, float]
    samples: list[Sample] = field(default_factory=list)
    benchmark: dict[str, Any] = field(default_factory=dict)
    deciles: list[dict[str, Any]] = field(default_factory=list)
    hosmer_lemeshow: dict[str, float] = field(default_factory=dict)
    bands: list[dict[str, Any]] = field(default_factory=list)
    psi: float | None = None
    csi: dict[str, float] = field(default_factory=dict)
    adverse: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reasons: list[dict[str, Any]] = field(default_factory=list)
    # a recalibrated version: calibration before and after on its window's held-out rows
    recalibration: dict[str, Any] = field(default_factory=dict)
    limitations: list[str] = field(default_factory=list)
    # a model scoring in shadow: beside the active model on the same applications (issue 32)
    challenger: Comparison | None = None
    next_validation: datetime | None = None
    issued_at: datetime | None = None


def _data(session: Session, mv: ModelVersion, meta: dict[str, Any],
          data: Path | None) -> tuple[pd.DataFrame, str, str]:
    """The model's training data, checked to be the very data it was trained on."""
    name = str(meta["data"]["name"])
    definition = definition_of(meta)
    if definition.get("source") == "loan-book":
        from datetime import date

        from riskdesk.services.credit.outcomes import training_frame

        frame, book = training_frame(session, today=date.fromisoformat(definition["as_of"]))
        return frame, book.sha256(), translate("Validation", "the loan book as of {day}").format(
            day=definition["as_of"])
    if name.startswith("demo:") and data is None:
        frame, sha = _demo_data()
        note = translate("Validation", "the bundled demo data ({name})").format(name=name)
    else:
        if data is None:
            raise InvalidInput(translate(
                "Validation", "Model {id} was trained on {name}: give that file (--data FILE) to "
                "validate it.").format(id=mv.id, name=name))
        try:
            raw = Path(data).read_bytes()
        except OSError as exc:
            raise InvalidInput(translate("Model", "Cannot read {file}: {error}").format(
                file=data, error=exc.strerror)) from exc
        from riskdesk.services.intake.reader import detect_encoding

        sha = hashlib.sha256(raw).hexdigest()
        frame = pd.read_csv(io.BytesIO(raw), encoding=detect_encoding(raw)) \
            if sha == meta["data"]["sha256"] else pd.DataFrame()
        note = translate("Validation", "the training file {name}").format(name=Path(data).name)
    if sha != meta["data"]["sha256"]:
        raise InvalidInput(translate(
            "Validation", "{file} is not the data model {id} was trained on (SHA-256 {got}, "
            "expected {want}).").format(file=name, id=mv.id, got=sha[:16],
                                        want=str(meta["data"]["sha256"])[:16]))
    return frame, sha, note


@functools.lru_cache(maxsize=1)
def _demo_frame() -> tuple[pd.DataFrame, str]:
    """The bundled demo data as typed for training, made once per process (a test worker's
    template databases each validate the bundled model)."""
    from riskdesk.services.credit.training import demo_data

    frame, raw = demo_data()
    return frame, hashlib.sha256(raw).hexdigest()


def _demo_data() -> tuple[pd.DataFrame, str]:
    frame, sha = _demo_frame()
    return frame.copy(), sha


def compute(session: Session, actor: Actor, *, mv: ModelVersion, data: Path | None = None,
            bootstrap: int = 1000) -> ValidationFigures:
    """Every figure of the report. ``bootstrap``: resamples for the confidence intervals (0:
    none, a cheap report restating the point figures)."""
    meta = meta_of(mv)
    frame, sha, note = _data(session, mv, meta, data)
    gov = governance.policy(session)
    from riskdesk.services.credit.rulesets import current_policy

    pv = current_policy(session, actor)
    figs = ValidationFigures(
        mv.id or 0, mv.name, mv.status, mv.artefact_sha256, mv.created_by, mv.created_at,
        mv.proposed_by, meta, note, sha, definition_of(meta), bootstrap,
        (float(pv.approve_below), float(pv.decline_from)))
    y = target_vector(frame, meta["target"], meta["bad_value"])
    x = matrix(frame, meta["features"], meta["categories"])
    train_idx, test_idx, kind = split_rows(frame, y, meta["split"]["time_column"])
    booster = xgb.Booster()
    booster.load_model(bytearray(mv.artefact))
    p = np.asarray(booster.inplace_predict(x), dtype=float)
    if meta.get("calibration"):  # a recalibrated version decides on its map's PDs (issue 32)
        p = calibration.pd_of(meta, np.asarray(booster.inplace_predict(
            x, predict_type="margin"), dtype=float))
        figs = replace(figs, recalibration=reproduce(session, mv=mv, meta=meta))
    held = "out_of_time" if kind == "time" else "out_of_sample"
    for name, idx in (("in_sample", train_idx), (held, test_idx)):
        s = metrics.summary(y[idx], p[idx])
        figs.samples.append(Sample(name, s["rows"], s["bad_rate"], s["auc"], s["ks"],
                                   s["gini"], stats.bootstrap(y[idx], p[idx], bootstrap)))
    yt, pt = y[test_idx], p[test_idx]
    ref = meta["reference"]
    figs = replace(figs, benchmark=stats.benchmark(meta["cv"]),
                   deciles=metrics.calibration(yt, pt),
                   hosmer_lemeshow=stats.hosmer_lemeshow(yt, pt),
                   bands=stats.band_calibration(yt, pt, *figs.policy),
                   psi=round(metrics.psi(ref["pd"]["shares"],
                                         metrics.bin_shares(pt, ref["pd"]["edges"])), 4))
    for name in meta["features"]:
        if name in ref:
            figs.csi[name] = round(metrics.psi(ref[name]["shares"], metrics.bin_shares(
                _values(x.iloc[test_idx], name, meta), ref[name]["edges"])), 4)
    approved = pt < figs.policy[1]
    flagged = pt >= figs.policy[0]
    present = protected_columns(frame.columns, gov["protected"])
    for column, group in present.items():
        values = frame[column].iloc[test_idx]
        if group == "age":
            values = stats.age_groups(_years(values, frame.iloc[test_idx]))
        if values.notna().any():
            figs.adverse[column] = stats.adverse_impact(values, approved, flagged)
    rows = test_idx[:REASON_ROWS]
    figs = replace(figs, reasons=stats.directions(contributions(booster, x.iloc[rows]),
                                                  x.iloc[rows], meta["features"], DIRECTIONS))
    for r in figs.reasons:
        r["text"] = sentence(r["feature"], _shown(r["example"]), r["example_contribution"])
    current = select(col(DecisionRecord.id)).where(col(DecisionRecord.current_slot) == 1)
    return replace(figs, limitations=_limitations(figs, kind, present),
                   challenger=compare(session, decisions=current, policy=figs.policy,
                                      challenger_id=mv.id))


def _years(values: pd.Series, rows: pd.DataFrame) -> pd.Series:
    """Ages in years: as given, or from a date of birth at the application's submission."""
    if pd.api.types.is_numeric_dtype(values):
        return values
    born = pd.to_datetime(values, errors="coerce")
    if born.isna().all():
        return pd.to_numeric(values, errors="coerce")
    at = pd.to_datetime(rows["submitted_at"], errors="coerce") if "submitted_at" in rows \
        else pd.Series(pd.Timestamp(utcnow()), index=values.index)
    return (at - born).dt.days / 365.25


def _values(x: pd.DataFrame, name: str, meta: dict[str, Any]) -> np.ndarray:
    col_ = x[name]
    if name in meta["categories"]:
        v = col_.cat.codes.to_numpy().astype(float)
        v[v < 0] = np.nan
        return v
    return col_.to_numpy(dtype=float)


def _shown(value: str) -> str:
    """A value as the case window's reason shows it ("3", not "3.0")."""
    try:
        number = float(value)
    except ValueError:
        return value
    if number != number:
        return ""
    return str(int(number)) if number == int(number) else f"{number:.2f}"


def _limitations(f: ValidationFigures, kind: str, present: dict[str, str]) -> list[str]:
    out = []
    if kind != "time":
        out.append(translate("Validation", "No out-of-time sample: the data has no real "
                             "application dates, so the held-out rows are a random 25 % of the "
                             "same period."))
    if f.definition.get("source") != "loan-book":
        out.append(translate("Validation", "Outcomes come from the data's own column ({what}), "
                             "not from the bank's loan book under its default definition.")
                   .format(what=f.definition.get("definition") or f.definition.get("column")))
    if f.benchmark.get("within_noise"):
        out.append(translate("Validation", "XGBoost does not beat the logistic baseline by more "
                             "than noise; the simpler model would serve as well."))
    if f.hosmer_lemeshow.get("p_value", 1) < 0.05 or any(b["flag"] for b in f.bands):
        out.append(translate("Validation", "Calibration fails its test in at least one band or "
                             "overall: predicted PDs should be recalibrated before they set "
                             "limits or prices."))
    if f.recalibration:
        w = f.recalibration["window"]
        out.append(translate("Validation", "The PDs are the booster's log-odds through a {method} "
                             "map fitted on applications submitted {since} to {until}: the "
                             "calibration figures on the training data's held-out rows judge "
                             "them against older outcomes; the window's held-out rows are the "
                             "measure of the recalibration.").format(
            method=f.recalibration["method"], since=w["since"], until=w["until"]))
    if not present:
        out.append(translate("Validation", "The data holds no protected column: adverse impact "
                             "cannot be measured on it."))
    if any(r["counter_intuitive"] for r in f.reasons):
        out.append(translate("Validation", "Some reasons run against credit intuition; they "
                             "need sign-off before they are given to customers."))
    return out


def issue(engine: Engine, actor: Actor, *, model_id: int, language: str,
          data: Path | None = None, bootstrap: int = 1000,
          anchor: bool = True) -> tuple[Any, ValidationFigures]:
    """Write, archive (SHA-256, audit event naming the model and its artefact) and return the
    validation report of ``model_id`` in ``language``. ``anchor``: as every issued report, the
    audit head is anchored (False only for the test templates, see ``archive._seal``)."""
    from riskdesk.reports.layout import report_zone
    from riskdesk.reports.validation_report import build
    from riskdesk.services.periods import business_zone
    from riskdesk.services.reporting.archive import _checked_language, _reserve, _seal

    require(actor, Action.MODEL_VALIDATE)
    with in_language(_checked_language(language)), unit_of_work(engine) as session:
        mv = get(session, model_id=model_id)
        figs = compute(session, actor, mv=mv, data=data, bootstrap=bootstrap)
        now = utcnow(session)
        months = int(governance.policy(session)["validation_months"])
        next_validation = (pd.Timestamp(now) + pd.DateOffset(months=months)).to_pydatetime()
        figs = replace(figs, issued_at=now, next_validation=next_validation)
        row = _reserve(session, actor, KIND, f"model {model_id}", language, now)
        with report_zone(business_zone(session, at=now)):
            pdf = build(figs, report_no=row.report_no, generated_by=actor.username)
        issued = _seal(session, actor, row, pdf, {
            "model_version": model_id, "artefact_sha256": mv.artefact_sha256,
            "data_sha256": figs.data_sha256, "bootstrap": bootstrap,
            "next_validation": next_validation.isoformat()}, anchor=anchor)
        session.expunge(issued.report)
    return issued, figs


def validation_report(engine: Engine, actor: Actor, *, model_id: int, language: str) -> Any:
    """:func:`issue` as the Reports tab calls it: the issued report alone."""
    return issue(engine, actor, model_id=model_id, language=language)[0]


@dataclass(frozen=True)
class ValidationOnRecord:
    report_id: int
    report_no: str
    sha256: str
    next_validation: datetime


def on_record(session: Session, *, mv: ModelVersion, sha256: str) -> ValidationOnRecord:
    """The archived validation report with this SHA-256, checked to be on this exact model:
    its issue event (in the hash chain) names the model and its artefact's SHA-256."""
    sha256 = sha256.strip().lower()
    row = session.scalars(select(Report).where(col(Report.sha256) == sha256,
                                               col(Report.kind) == KIND)).first()
    events = [] if row is None else [json_of(a) for a in session.scalars(
        select(col(AuditEvent.after)).where(col(AuditEvent.action) == "report.generate",
                                            col(AuditEvent.entity_id) == str(row.id)))]
    ok = [e for e in events if e.get("sha256") == sha256 and e.get("model_version") == mv.id
          and e.get("artefact_sha256") == mv.artefact_sha256]
    if row is None or not ok:
        raise InvalidInput(translate(
            "Validation", "No validation report with SHA-256 {sha} was issued on model {id}: a "
            "model is approved on its own validation report (riskdesk model validate {id})."
        ).format(sha=sha256[:16] or "-", id=mv.id))
    return ValidationOnRecord(row.id or 0, row.report_no, sha256,
                              datetime.fromisoformat(ok[-1]["next_validation"]))


def json_of(text: str | None) -> dict[str, Any]:
    import json

    return dict(json.loads(text or "{}"))


def validate_and_approve(engine: Engine, validator: Actor, *, model_id: int, findings: str,
                         language: str = "en", data: Path | None = None,
                         bootstrap: int = 1000, anchor: bool = True) -> ModelVersion:
    """The validator's whole path in one call: issue the report on the proposed model, then
    approve it on that report (the demo database and the test templates go this way)."""
    from riskdesk.services.credit.registry import approve

    issued, _ = issue(engine, validator, model_id=model_id, language=language, data=data,
                      bootstrap=bootstrap,
                      anchor=anchor)
    with unit_of_work(engine) as session:
        mv = approve(session, validator, model_id=model_id,
                     report_sha256=hashlib.sha256(issued.pdf).hexdigest(), findings=findings)
        session.flush()
        session.expunge(mv)
    return mv


def report_language(preferred: str) -> str:
    """``preferred`` when this process can write it (Chinese needs the Qt catalogue the GUI and
    the CLI's report commands install), else English: the demo builds without Qt too."""
    try:
        with in_language(preferred):
            return preferred
    except RuntimeError:
        return "en"
