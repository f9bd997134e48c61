"""Recalibration (issue 32, part 3): when a model still ranks well but its PDs no longer match
the bad rates seen (the usual decision of a model review), a Platt or isotonic map is fitted on a
recent window of applications with known outcomes and registered as a new model version: the
same booster with the map in its metadata. It is a model version like any other: trained
status, proposed by an admin, validated (its report shows calibration before and after on the
window's held-out rows) and approved by a validator; only then does it score.

The window's rows are the applications submitted in it (the bank's calendar days) with a known
outcome, recorded by the time of the recalibration, less the booster's own training rows
(recognised by their fingerprints, as monitoring does): a map fitted on the rows the booster
learnt from would learn nothing. A quarter of them, drawn with a fixed seed and stratified by
outcome, is held out: the map is fitted on the rest and judged on those.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Engine, select
from sqlmodel import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.scoring import ModelVersion
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.scoring import calibration
from riskdesk.scoring.features import matrix
from riskdesk.scoring.fingerprints import fingerprints, is_training_row, unpack
from riskdesk.scoring.train import TrainedModel
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit import registry
from riskdesk.services.credit.explanations import booster_of, load_features
from riskdesk.services.periods import business_zone, local_day, utc_of
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import frame_of
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

SEED = 20_261_207
HELD_OUT = 0.25
MIN_ROWS = 200  # known outcomes outside the training rows a map is fitted on at least
MIN_BADS = 20  # and bads among them (and as many goods)


@dataclass(frozen=True)
class WindowRows:
    """The window's usable rows, in application-id order."""

    ids: np.ndarray
    y: np.ndarray  # 1 = bad
    margin: np.ndarray  # the booster's log-odds
    known: int  # known outcomes in the window before the training rows were set aside
    training_rows_excluded: int | None  # None: the model cannot tell its training rows apart

    def sha256(self) -> str:
        """The rows and outcomes the map was fitted and judged on: the validation report
        checks it reads the same ones."""
        text = "".join(f"{i}:{v}\n" for i, v in zip(self.ids.tolist(), self.y.tolist(),
                                                      strict=True))
        return hashlib.sha256(text.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Recalibrated:
    """What ``riskdesk model recalibrate`` prints."""

    model_id: int
    base_id: int
    name: str
    method: str
    fitted_rows: int
    held_out: dict[str, Any]  # calibration.compare: deciles, Brier, ECE before/after


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(translate("Model", "{option} takes a date written YYYY-MM-DD, not "
                                     "{value}.").format(option=option, value=text)) from None


def window_rows(session: Session, *, mv: ModelVersion, meta: dict[str, Any], since: date,
                until: date, zone: str, recorded_by: datetime) -> WindowRows:
    """Applications submitted from ``since`` to ``until`` (days in ``zone``, both included)
    with a known outcome recorded by ``recorded_by``, less the model's training rows."""
    conn = session.connection()
    a = table_of(Application).c
    known = frame_of(conn, select(a.id, a.outcome).where(
        a.submitted_at >= utc_of(since, zone),
        a.submitted_at < utc_of(until + timedelta(days=1), zone),
        a.created_at <= recorded_by, a.outcome.in_(("good", "bad"))).order_by(a.id))
    ids = known["id"].to_numpy(dtype=np.int64)
    y = (known["outcome"].to_numpy() == "bad").astype(int)
    if not len(ids):
        return WindowRows(ids, y, np.zeros(0), 0, None)
    x = matrix(load_features(conn, ids=ids.tolist()), meta["features"], meta["categories"])
    training = unpack(meta)
    excluded = None
    keep = np.ones(len(ids), dtype=bool)
    if training is not None:
        keep = ~is_training_row(fingerprints(x, meta["features"]), training)
        excluded = int((~keep).sum())
    booster = booster_of(mv.artefact_sha256, mv.artefact)
    margin = np.asarray(booster.inplace_predict(x[keep], predict_type="margin"), dtype=float)
    return WindowRows(ids[keep], y[keep], margin, len(ids), excluded)


def split(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the fitting rows and of the held-out rows (stratified, fixed seed)."""
    from sklearn.model_selection import train_test_split

    fit_idx, held_idx = train_test_split(np.arange(len(y)), test_size=HELD_OUT, stratify=y,
                                         random_state=SEED)
    return np.sort(fit_idx), np.sort(held_idx)


def recalibrate(engine: Engine, actor: Actor, *, method: str, since: date,
                until: date | None = None, model_id: int | None = None) -> Recalibrated:
    """Fit ``method`` on the window of ``model_id`` (default: the active model) and register
    the booster with that map as a new, trained model version. Whoever may train a model
    may recalibrate one; activation takes the usual proposal, validation and approval."""
    require(actor, Action.MODEL_TRAIN)
    calibration.checked_method(method)
    with unit_of_work(engine) as session:
        base = (registry.active(session) if model_id is None
                else registry.get(session, model_id=model_id))
        if base is None:
            raise InvalidInput(translate("Model", "No model is active: name the model to "
                                         "recalibrate (--model ID)."))
        meta = registry.meta_of(base)
        zone, now = business_zone(session), utcnow(session)
        until = until or local_day(session)
        if until < since:
            raise InvalidInput(translate("Model", "The window ends ({until}) before it starts "
                                         "({since}).").format(until=until, since=since))
        rows = window_rows(session, mv=base, meta=meta, since=since, until=until, zone=zone,
                           recorded_by=now)
        bads = int(rows.y.sum())
        if len(rows.y) < MIN_ROWS or min(bads, len(rows.y) - bads) < MIN_BADS:
            raise InvalidInput(translate(
                "Model", "Applications submitted from {since} to {until}: {known} with a known "
                "outcome, {n} of them outside model {id}'s training rows ({bads} bad). A "
                "recalibration needs at least {rows} such rows with {min} bad and {min} good: "
                "widen the window (--since).").format(
                since=since, until=until, known=rows.known, n=len(rows.y), id=base.id,
                bads=bads, rows=MIN_ROWS, min=MIN_BADS))
        fit_idx, held_idx = split(rows.y)
        cal_map = calibration.fit(rows.margin[fit_idx], rows.y[fit_idx], method)
        held = calibration.compare(rows.y[held_idx], rows.margin[held_idx],
                                   calibration.pd_of(meta, rows.margin[held_idx]),
                                   calibration.apply(cal_map, rows.margin[held_idx]))
        new_meta = _recalibrated_meta(meta, cal_map, base, rows, {
            "since": since.isoformat(), "until": until.isoformat(), "zone": zone,
            "recorded_by": now.isoformat()}, len(fit_idx), held, actor)
        name = f"{base.name} · {method} {since:%Y-%m-%d}..{until:%Y-%m-%d}"
        mv = registry.register(session, actor, model=TrainedModel(base.artefact, new_meta),
                               name=name)
        audit.append(session, actor, action="model.recalibrate", entity_type="model_version",
                     entity_id=mv.id or 0, after={
            "base_model": base.id, "method": method, "window": new_meta["calibration"]["window"],
            "rows_sha256": rows.sha256(), "fitted_rows": len(fit_idx),
            "held_out_rows": len(held_idx), "brier": held["brier"], "ece": held["ece"]})
        return Recalibrated(mv.id or 0, base.id or 0, mv.name, method, len(fit_idx), held)


def _recalibrated_meta(meta: dict[str, Any], cal_map: dict[str, Any], base: ModelVersion,
                       rows: WindowRows, window: dict[str, str], fitted: int,
                       held: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """The base model's metadata with the map: the booster's features, data and reference
    stay; the score's reference bins move through the map (see ``calibration.mapped_edges``)."""
    out = copy.deepcopy(meta)
    raw = calibration.raw_pd_edges(meta)
    out["reference"]["pd"]["edges"] = calibration.mapped_edges(cal_map, raw)
    out["calibration"] = {
        "method": cal_map["method"], "map": cal_map, "base_model": base.id,
        "base_artefact_sha256": base.artefact_sha256, "window": window,
        "rows_sha256": rows.sha256(), "known": rows.known,
        "training_rows_excluded": rows.training_rows_excluded, "fitted_rows": fitted,
        "held_out": {"rows": held["rows"], "bads": held["bads"], "brier": held["brier"],
                     "ece": held["ece"]},
        "raw_pd_edges": raw, "by": actor.username}
    return out


def reproduce(session: Session, *, mv: ModelVersion, meta: dict[str, Any]) -> dict[str, Any]:
    """The held-out comparison of a recalibrated version, recomputed from the database for
    its validation report: the same window rows (checked by their SHA-256), the same split,
    the base model's PDs against this version's. Empty for a model that was not
    recalibrated."""
    cal = meta.get("calibration")
    if not cal:
        return {}
    w = cal["window"]
    rows = window_rows(session, mv=mv, meta=meta, since=date.fromisoformat(w["since"]),
                       until=date.fromisoformat(w["until"]), zone=w["zone"],
                       recorded_by=datetime.fromisoformat(w["recorded_by"]))
    if rows.sha256() != cal["rows_sha256"]:
        raise InvalidInput(translate(
            "Validation", "The applications model {id} was recalibrated on (submitted "
            "{since} to {until}) or their outcomes have changed since: its calibration cannot "
            "be checked; recalibrate again.").format(id=mv.id, since=w["since"],
                                                     until=w["until"]))
    _, held_idx = split(rows.y)
    base = session.get(ModelVersion, cal["base_model"])
    base_meta = registry.meta_of(base) if base is not None else {}
    m = rows.margin[held_idx]
    return calibration.compare(rows.y[held_idx], m, calibration.pd_of(base_meta, m),
                               calibration.pd_of(meta, m)) | {
        "method": cal["method"], "base_model": cal["base_model"], "window": w,
        "fitted_rows": cal["fitted_rows"], "known": cal["known"],
        "training_rows_excluded": cal["training_rows_excluded"]}


def lines(r: Recalibrated) -> list[str]:
    """The recalibration as the command line prints it."""
    h = r.held_out
    out = [translate("Model", "model {id} registered: model {base} recalibrated ({method}), "
                     "fitted on {fit} rows, judged on {n} held-out rows ({bads} bad)").format(
        id=r.model_id, base=r.base_id, method=r.method, fit=r.fitted_rows, n=h["rows"],
        bads=h["bads"]),
        translate("Model", "Brier score {b0:.5f} -> {b1:.5f}; ECE by decile {e0:.4f} -> "
                  "{e1:.4f}").format(b0=h["brier"]["before"], b1=h["brier"]["after"],
                                     e0=h["ece"]["before"], e1=h["ece"]["after"]),
        "  " + translate("Model", "decile     n  observed    before     after")]
    out += [f"  {d['bin']:>6} {d['n']:>5}  {d['observed']:>8.4f}  {d['before']:>8.4f}  "
            f"{d['after']:>8.4f}" for d in h["deciles"]]
    return out
