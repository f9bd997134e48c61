"""Recalibration (issue 32, part 3): a Platt or isotonic map fitted on a recent window of
applications with known outcomes, registered as a new model version that goes through the same
validation and approval, and whose PDs score applications while the reasons stay the
booster's."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, func, select, update

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.scoring import Score, ScoreReason
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.scoring import calibration
from riskdesk.scoring.features import matrix
from riskdesk.services.actor import Actor
from riskdesk.services.credit import recalibration
from riskdesk.services.credit import registry as models
from riskdesk.services.credit.explanations import booster_of, load_features
from riskdesk.services.credit.scoring_job import score_applications
from riskdesk.services.credit.validation import issue
from riskdesk.services.intake.applications import import_frame
from riskdesk.storage.session import unit_of_work
from tests.helpers import pdftotext, sample

SHIFT = 1.2  # the window's true log-odds of default: the model's plus this (bad rate x ~3)


def _shifted_window(engine: Engine, actor: Actor) -> tuple[int, object, object]:
    """1,600 new applicants (incomes 1 % off the source rows, so none is a training row of the
    demo model) whose outcomes follow the model's log-odds plus SHIFT: a population where the
    model under-predicts every decile. The template's own outcomes are cleared so the window
    holds only these. Returns the template's batch and the window's first and last days."""
    with unit_of_work(engine) as s:
        first_batch = s.scalar(select(func.min(Application.batch_id)))
        s.execute(update(Application).values(outcome=None))
    frame = sample(1600, seed=41, prefix="R").drop(columns=["outcome"])
    frame["annual_income"] = (frame["annual_income"].astype(float) * 1.01).round(2).astype(str)
    done = import_frame(engine, actor, frame=frame, file_name="r.csv", sha256="5" * 64, score=False)
    assert done.inserted == 1600, done
    with unit_of_work(engine) as s:
        ids = [i for i, in s.execute(select(Application.id).where(
            Application.batch_id == done.batch_id).order_by(Application.id))]
        mv = models.active(s)
        assert mv is not None
        meta = models.meta_of(mv)
        x = matrix(load_features(s.connection(), ids=ids), meta["features"], meta["categories"])
        margin = booster_of(mv.artefact_sha256, mv.artefact).inplace_predict(
            x, predict_type="margin")
        bad = np.random.default_rng(5).random(len(ids)) < calibration.probability(
            margin + SHIFT)
        for outcome in ("bad", "good"):
            chosen = [i for i, b in zip(ids, bad, strict=True) if b == (outcome == "bad")]
            s.execute(update(Application).where(Application.id.in_(chosen)).values(
                outcome=outcome))
        low, high = s.execute(select(func.min(Application.submitted_at),
                                     func.max(Application.submitted_at))).one()
    return int(first_batch), (low - timedelta(days=1)).date(), (high + timedelta(days=1)).date()


def test_a_recalibrated_version_is_better_calibrated_and_goes_through_approval(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 32: on a window where the demo model under-predicts (bad rate shifted up), a Platt
    recalibration registers a new version whose calibration by decile on the held-out rows is
    better (ECE and Brier score); it is trained, not active, until an admin proposes it and a
    validator approves it on its own validation report, which prints the before/after table;
    then its PDs are the map's of the booster's log-odds and the reasons the booster's."""
    admin, compliance, officer = (sqlite_actors[n] for n in ("admin", "compliance", "officer"))
    first_batch, since, until = _shifted_window(sqlite_engine, admin)
    with pytest.raises(PermissionDenied):
        recalibration.recalibrate(sqlite_engine, officer, method="platt", since=since,
                                  until=until)
    with pytest.raises(InvalidInput, match="known outcome"):  # a window with too few rows
        recalibration.recalibrate(sqlite_engine, admin, method="platt", since=until,
                                  until=until)
    done = recalibration.recalibrate(sqlite_engine, admin, method="platt", since=since,
                                     until=until)
    held = done.held_out
    assert held["rows"] == 400 and held["bads"] > 40
    assert held["ece"]["after"] < held["ece"]["before"] / 2
    assert held["brier"]["after"] < held["brier"]["before"]
    top = held["deciles"][-1]  # the top decile, where the decline cut-off sits
    assert abs(top["after"] - top["observed"]) < abs(top["before"] - top["observed"])
    with unit_of_work(sqlite_engine, write=False) as s:
        mv = models.get(s, model_id=done.model_id)
        base = models.active(s)
        assert base is not None and base.id == done.base_id
        assert (mv.status, mv.artefact_sha256) == ("trained", base.artefact_sha256)
        cal = models.meta_of(mv)["calibration"]
        assert cal["map"]["method"] == "platt" and cal["map"]["a"] > 0
        assert cal["training_rows_excluded"] == 0 and cal["fitted_rows"] == 1200
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.recalibrate")).one()
        assert event.entity_id == str(done.model_id)

    with unit_of_work(sqlite_engine) as s:
        models.propose(s, admin, model_id=done.model_id)
    issued, figs = issue(sqlite_engine, compliance, model_id=done.model_id, language="en",
                         bootstrap=0)
    assert figs.recalibration["ece"] == held["ece"]  # recomputed from the database
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(issued.pdf)
    text = " ".join(pdftotext(pdf).split())
    assert "Recalibration" in text and f"{held['brier']['after']:.5f}" in text
    assert all(f"{d['observed']:.4f} {d['before']:.4f} {d['after']:.4f}" in text
               for d in held["deciles"])
    import hashlib

    with unit_of_work(sqlite_engine) as s:
        models.approve(s, compliance, model_id=done.model_id,
                       report_sha256=hashlib.sha256(issued.pdf).hexdigest(),
                       findings="top decile fixed on the shifted window")
    score_applications(sqlite_engine, officer, batch_id=first_batch)
    with unit_of_work(sqlite_engine, write=False) as s:
        assert models.active(s).id == done.model_id  # type: ignore[union-attr]
        rows = s.execute(select(Score.id, Score.pd, Score.margin).where(
            Score.model_version_id == done.model_id)).all()
        assert len(rows) == 400
        pd_ = np.array([r.pd for r in rows])
        assert np.allclose(pd_, calibration.apply(cal["map"], np.array([r.margin for r in rows])))
        assert s.scalar(select(func.count()).select_from(ScoreReason).where(
            ScoreReason.score_id.in_([r.id for r in rows]))) > 0


def test_isotonic_and_platt_maps_fix_a_shifted_bad_rate() -> None:
    """Issue 32: both maps, fitted on half of a population whose true log-odds are the score's
    plus 1, bring the other half's deciles near the observed bad rates; the isotonic map read
    back from its stored breakpoints predicts as scikit-learn does; the reference bins move
    through the map so each training row keeps its bin."""
    from sklearn.isotonic import IsotonicRegression

    rng = np.random.default_rng(11)
    margin = rng.normal(-3.0, 1.0, 8000)
    y = (rng.random(8000) < calibration.probability(margin + 1.0)).astype(int)
    fit, held = slice(0, 4000), slice(4000, None)
    for method in calibration.METHODS:
        cal_map = calibration.fit(margin[fit], y[fit], method)
        out = calibration.compare(y[held], margin[held], calibration.probability(margin[held]),
                                  calibration.apply(cal_map, margin[held]))
        assert out["ece"]["after"] < out["ece"]["before"] / 3, (method, out["ece"])
        assert out["brier"]["after"] < out["brier"]["before"]
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(margin[fit], y[fit])
    assert np.allclose(calibration.apply(cal_map, margin[held]),
                       np.clip(iso.predict(margin[held]), calibration.FLOOR,
                               1 - calibration.FLOOR))
    platt = calibration.fit(margin[fit], y[fit], "platt")
    assert abs(platt["a"] - 1.0) < 0.15 and abs(platt["b"] - 1.0) < 0.5
    edges = [0.01, 0.03, 0.08]
    moved = calibration.mapped_edges(platt, edges)
    p = calibration.probability(margin)
    assert (np.searchsorted(edges, p) == np.searchsorted(
        moved, calibration.apply(platt, margin))).mean() > 0.999
    with pytest.raises(InvalidInput, match="platt or isotonic"):
        calibration.fit(margin, y, "beta")


def test_a_window_of_training_rows_is_refused_with_its_counts(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    """Issue 32: the window's rows are read alike on every database; the template's 400
    applications are mostly the demo model's training rows, too few with too few bads are
    left, and the refusal says how many there were of each."""
    with unit_of_work(engine, write=False) as s:
        low, high = s.execute(select(func.min(Application.submitted_at),
                                     func.max(Application.submitted_at))).one()
        mv = models.active(s)
        assert mv is not None
        rows = recalibration.window_rows(
            s, mv=mv, meta=models.meta_of(mv), since=(low - timedelta(days=1)).date(),
            until=(high + timedelta(days=1)).date(), zone="UTC", recorded_by=high + timedelta(days=2))
    assert rows.known == 400 and rows.training_rows_excluded == 400 - len(rows.y) > 200
    with pytest.raises(InvalidInput, match=f"400 with a known outcome, {len(rows.y)} of them "):
        recalibration.recalibrate(engine, actors["admin"], method="isotonic",
                                  since=(low - timedelta(days=1)).date(),
                                  until=(high + timedelta(days=1)).date())
