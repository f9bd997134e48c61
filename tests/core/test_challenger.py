"""Champion and challenger (issue 32, part 1): a model approved for shadow scores beside the
active one without changing any decision, its scores kept apart; monitoring and the monthly
report compare the two on the same applications; approval for shadow follows the model
approval's rules, and becoming the active model is the usual approval."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import xgboost as xgb
from sqlalchemy import Engine, func, select

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import ModelStatus
from riskdesk.domain.feed import FeedRecord
from riskdesk.domain.scoring import DecisionRecord, MonitorRun, ShadowScore
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.scoring.train import TrainedModel
from riskdesk.services.actor import Actor
from riskdesk.services.credit import registry as models
from riskdesk.services.credit import shadow
from riskdesk.services.credit.challenger import Comparison, compare
from riskdesk.services.credit.monitoring import monitor
from riskdesk.services.credit.validation import issue
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.periods import current_month, period
from riskdesk.services.reporting.archive import monthly_report
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import pdftotext, sample


def weaker_model() -> TrainedModel:
    """A challenger that differs from the bundled model: its first 60 boosting rounds (same
    features, metadata and training-row fingerprints)."""
    shipped = models.default_model()
    booster = xgb.Booster()
    booster.load_model(bytearray(shipped.artefact))
    return TrainedModel(bytes(booster[0:60].save_raw("ubj")), dict(shipped.meta))


def proposed_and_reported(engine: Engine, actors: dict[str, Actor]) -> tuple[int, str]:
    """The challenger registered and proposed by the admin, its validation report issued by
    compliance (cheap: no bootstrap, not anchored); (model id, report SHA-256)."""
    with unit_of_work(engine) as session:
        mv = models.register(session, actors["admin"], model=weaker_model(), name="challenger")
        models.propose(session, actors["admin"], model_id=mv.id or 0)
        model_id = mv.id or 0
    issued, _ = issue(engine, actors["compliance"], model_id=model_id, language="en", bootstrap=0,
                      anchor=False)
    return model_id, issued.report.sha256


def decisions_of(engine: Engine, batch_apps: list[int]) -> dict[str, list[tuple[Any, ...]]]:
    """What the scoring job decided for these applications, without ids and times: the
    decision records, the cases opened on them and the feed records sent to origination."""
    with unit_of_work(engine, write=False) as session:
        return {
            "decisions": [tuple(r) for r in session.execute(select(
                DecisionRecord.application_id, DecisionRecord.model_version_id,
                DecisionRecord.outcome, DecisionRecord.band, DecisionRecord.pd,
                DecisionRecord.points, DecisionRecord.flags, DecisionRecord.max_severity,
                DecisionRecord.current_slot).where(
                DecisionRecord.application_id.in_(batch_apps))  # type: ignore[attr-defined]
                .order_by(DecisionRecord.application_id))],
            "cases": [tuple(r) for r in session.execute(select(
                Case.application_id, Case.kind, Case.priority, Case.band, Case.pd, Case.flags,
                Case.status).where(Case.application_id.in_(batch_apps))  # type: ignore[union-attr]
                .order_by(Case.application_id, Case.kind))],
            "feed": [tuple(r) for r in session.execute(select(
                FeedRecord.application_no, FeedRecord.source, FeedRecord.decision,
                FeedRecord.rule_codes, FeedRecord.feature_codes, FeedRecord.model_version_id,
                FeedRecord.decided_by).where(FeedRecord.application_no.in_(  # type: ignore[attr-defined]
                    select(Application.application_no).where(
                        Application.id.in_(batch_apps))))  # type: ignore[union-attr]
                .order_by(FeedRecord.seq))]}


def test_a_challenger_in_shadow_changes_no_decision_and_is_compared(
        sqlite_engine: Engine, sqlite_scored: tuple[int, int], sqlite_actors: dict[str, Actor],
        sqlite_path: Path, tmp_path: Path) -> None:
    """Issue 32: the same applications scored with and without a challenger get the same
    decision records, cases and feed records; the challenger's scores are in shadow_score
    only; monitoring and the monthly report (figures and PDF) compare the two models."""
    engine, actors = sqlite_engine, sqlite_actors
    model_id, sha = proposed_and_reported(engine, actors)
    with unit_of_work(engine) as session:
        mv = shadow.approve_for_shadow(session, actors["compliance"], model_id=model_id,
                                       report_sha256=sha, findings="run beside the champion")
        assert mv.status == ModelStatus.SHADOW and mv.shadow_slot == 1
        assert models.active(session).id != model_id  # type: ignore[union-attr]
    # The twin: the same database with the challenger stopped (nothing else differs).
    engine.dispose()
    twin_path = tmp_path / "twin.sqlite"
    with sqlite3.connect(sqlite_path) as src, sqlite3.connect(twin_path) as dst:
        src.backup(dst)
    twin = make_engine(str(twin_path))
    with unit_of_work(twin) as session:
        assert shadow.stop(session, actors["compliance"]).status == ModelStatus.RETIRED
    frame = sample(120, seed=19, prefix="CH")
    for eng in (engine, twin):
        import_frame(eng, actors["officer"], frame=frame, file_name="ch.csv", sha256="c" * 64)
    with unit_of_work(engine, write=False) as session:
        apps = list(session.scalars(select(ShadowScore.application_id)))
        assert len(apps) == 120  # every new decision has the challenger's score beside it
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.shadow.score")).one()
        after = json.loads(event.after or "{}")
        assert after["challenger"] == model_id and after["scored"] == 120
        changed = after["decision_would_change"]
    with unit_of_work(twin, write=False) as session:
        assert session.scalar(select(func.count()).select_from(ShadowScore)) == 0
    assert decisions_of(engine, apps) == decisions_of(twin, apps)
    assert decisions_of(engine, apps)["decisions"]
    twin.dispose()

    # The comparison over all of them agrees with what the job counted; monitoring holds the
    # month's part of it (the sample's applications fall in several months).
    with unit_of_work(engine, write=False) as session:
        every = compare(session, decisions=select(DecisionRecord.id).where(
            DecisionRecord.current_slot == 1), policy=(0.08, 0.15))  # the default policy's edges
        assert every is not None and every.applications == 120
        assert (every.champion, every.challenger) == (models.active(session).id, model_id)  # type: ignore[union-attr]
        assert every.changed == changed and sum(every.flagged) > 0
        in_month = session.scalar(select(func.count()).select_from(ShadowScore).join(
            Application, Application.id == ShadowScore.application_id).where(period(
                session, month=current_month(session)).holds(Application.submitted_at,
                                                       Application.created_at)))
    text = "\n".join(monitor(engine, actors["compliance"]))
    assert f"challenger model {model_id} in shadow beside model {every.champion}: " \
        f"{in_month} applications scored by both" in text
    with unit_of_work(engine, write=False) as session:
        run = session.scalars(select(MonitorRun)).one()
        month = Comparison.from_dict(json.loads(run.details)["challenger"])
        assert month.applications == in_month and f"{month.changed} decisions would change" in text
    # The monthly report's figures and its PDF: the same comparison, frozen at the cut-off.
    issued = monthly_report(engine, actors["compliance"], month=run.month, language="en")
    pdf = tmp_path / "monthly.pdf"
    pdf.write_bytes(issued.pdf)
    page = " ".join(pdftotext(pdf).split())
    assert "Champion and challenger" in page
    assert f"Model {model_id} (challenger) scored in shadow beside the active model " \
        f"{month.champion}" in page and f"on {month.applications} applications" in page
    assert f"Decisions that would change: {month.changed} ({month.to_flagged} approved" in page
    assert f"{month.flagged[1]} ({100 * month.flagged[1] / month.applications:.1f} %)" in page
    # The challenger's own validation report: beside the active model on all it scored.
    issued, figs = issue(engine, actors["compliance"], model_id=model_id, language="en",
                         bootstrap=0, anchor=False)
    assert figs.challenger == every
    pdf.write_bytes(issued.pdf)
    page = " ".join(pdftotext(pdf).split())
    assert "on 120 applications" in page and f"Decisions that would change: {changed}" in page


def test_shadow_approval_follows_the_model_approvals_rules(
        sqlite_engine: Engine, sqlite_scored: tuple[int, int],
        sqlite_actors: dict[str, Actor]) -> None:
    """Who may approve a model for shadow is who may approve a model (not a senior officer,
    not the proposer), with findings, signed; one challenger at a time; it becomes the active
    model only through the usual proposal and approval, which ends its shadow run."""
    engine, actors = sqlite_engine, sqlite_actors
    model_id, sha = proposed_and_reported(engine, actors)
    for who in ("senior", "officer", "admin"):
        with unit_of_work(engine) as session, pytest.raises(PermissionDenied):
            shadow.approve_for_shadow(session, actors[who], model_id=model_id, report_sha256=sha,
                                      findings="fine")
    with unit_of_work(engine) as session, pytest.raises(InvalidInput, match="findings"):
        shadow.approve_for_shadow(session, actors["compliance"], model_id=model_id,
                                  report_sha256=sha, findings=" ")
    with unit_of_work(engine) as session, pytest.raises(InvalidInput, match="shadow"):
        shadow.stop(session, actors["compliance"])
    with unit_of_work(engine) as session:
        shadow.approve_for_shadow(session, actors["compliance"], model_id=model_id,
                                  report_sha256=sha,
                                  findings="beside the champion for three months")
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.shadow")).one()
        assert event.signature and json.loads(event.after or "{}")["validation_sha256"] == sha
    with unit_of_work(engine) as session, pytest.raises(PermissionDenied):
        shadow.stop(session, actors["officer"])
    with unit_of_work(engine) as session:  # to become active: proposed and approved again
        models.propose(session, actors["admin"], model_id=model_id)
    with unit_of_work(engine) as session:
        mv = models.approve(session, actors["compliance"], model_id=model_id, report_sha256=sha,
                            findings="the challenger ranks as well; switch")
        assert (mv.status, mv.active_slot, mv.shadow_slot) == (ModelStatus.ACTIVE, 1, None)
        assert shadow.challenger(session) is None


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server),
                                    pytest.param("mariadb", marks=pytest.mark.server)],
                         indirect=True)  # SQLite: the tests above, with the approval in full
def test_shadow_scores_on_each_database(engine: Engine, scored: tuple[int, int],
                                        actors: dict[str, Actor]) -> None:
    """The shadow rows' bulk path (COPY on PostgreSQL, multi-row INSERT on MariaDB): one row
    per decision of the run, flags read back as booleans, the comparison agreeing with the
    job's count on each server. The approval path itself is the SQLite tests' above: here the
    challenger's slot is set directly, so the servers do not also build its validation report."""
    with unit_of_work(engine) as session:
        mv = models.register(session, actors["admin"], model=weaker_model(), name="challenger")
        mv.status, mv.shadow_slot = ModelStatus.SHADOW, 1
        model_id = mv.id or 0
    import_frame(engine, actors["officer"], frame=sample(40, seed=23, prefix="SV"),
                 file_name="s.csv",
                 sha256="d" * 64)
    with unit_of_work(engine, write=False) as session:
        rows = session.execute(select(ShadowScore.flagged, DecisionRecord.outcome).join(
            DecisionRecord, DecisionRecord.id == ShadowScore.decision_record_id)).all()
        assert len(rows) == 40 and all(isinstance(f, bool) for f, _ in rows)
        changed = sum(f != (o == "flagged") for f, o in rows)
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.shadow.score")).one()
        assert json.loads(event.after or "{}")["decision_would_change"] == changed
        versus = compare(session, decisions=select(DecisionRecord.id).where(
            DecisionRecord.current_slot == 1), policy=(0.08, 0.15), challenger_id=model_id)
        assert versus is not None and versus.applications == 40 and versus.changed == changed
