"""Drift and decay open a model-review case (issue 32, part 2): once per model and month, with
its figures as evidence, closed by the validator with a signed decision on the model."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.scoring import ModelVersion, Score
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services import periods
from riskdesk.services.actor import Actor
from riskdesk.services.cases import work
from riskdesk.services.credit import model_review
from riskdesk.services.credit.monitoring import monitor
from riskdesk.services.credit.registry import active
from riskdesk.storage import clock
from riskdesk.storage.session import unit_of_work


def _reviews(engine: Engine) -> list[Case]:
    with unit_of_work(engine, write=False) as s:
        return list(s.scalars(select(Case).where(Case.kind == "model_review")))


def test_a_shifted_month_opens_one_model_review_closed_by_a_signed_decision(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Issue 32: a month whose score distribution shifted opens exactly one model-review case
    with the figures as evidence; a second run that month opens none; the validator closes it
    with keep / recalibrate / retrain / retire, signed; officers cannot decide it."""
    compliance, officer = sqlite_actors["compliance"], sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        model = active(s)
        assert model is not None
        model_id = model.id
        last = s.scalar(select(func.max(Application.submitted_at)))
        made = max(last, s.scalar(select(func.max(Application.created_at))))
        # the model's validation is not yet due, whatever day the template was built
        s.execute(update(ModelVersion).where(ModelVersion.id == model_id).values(
            next_validation_at=made + timedelta(days=400)))
    with clock.shifted(last):
        with unit_of_work(sqlite_engine, write=False) as s:
            month = periods.current_month(s)  # the month of the latest submissions
    with clock.shifted(made + timedelta(hours=1)):  # after their import
        with unit_of_work(sqlite_engine, write=False) as s:
            ids = [a for a, in s.execute(select(Application.id).where(
                periods.period(s, month=month).holds(Application.submitted_at,
                                               Application.created_at)))]
        assert ids
        # Every score of the month pushed to the top: the distribution has shifted.
        with unit_of_work(sqlite_engine) as s:
            s.execute(update(Score).where(Score.application_id.in_(ids)).values(
                pd=0.9 - 0.1 * (Score.application_id % 3) / 3))
        lines = monitor(sqlite_engine, compliance, month=month)
        [case] = _reviews(sqlite_engine)
        assert any(f"model review case {case.id} opened" in line for line in lines), lines
        assert case.dedupe_key == f"model_review:{model_id}:{month}" and case.is_open
        assert "PSI" in case.flags.split(",") and case.application_no == f"M{model_id}"
        again = monitor(sqlite_engine, compliance, month=month)
        assert len(_reviews(sqlite_engine)) == 1
        assert not any("model review case" in line for line in again)
        with unit_of_work(sqlite_engine) as s:
            shown = model_review.evidence(s, officer, case_id=case.id or 0)
        assert shown[0].startswith(f"Model {model_id} (") and month in shown[0]
        assert any(line.startswith("score PSI ") and "above 0.25" in line for line in shown)
        with unit_of_work(sqlite_engine) as s, pytest.raises(InvalidInput):
            work.decide(s, officer, case_id=case.id or 0, version=case.version, decision="approve",
                        reason="fine")
        with unit_of_work(sqlite_engine) as s, pytest.raises(PermissionDenied):
            model_review.close_review(s, officer, case_id=case.id or 0, version=case.version,
                                      decision="keep", reason="x")
        with unit_of_work(sqlite_engine) as s, pytest.raises(InvalidInput):
            model_review.close_review(s, compliance, case_id=case.id or 0, version=case.version,
                                      decision="approve",
                                      reason="no such decision")
        with unit_of_work(sqlite_engine) as s:
            closed = model_review.close_review(s, compliance, case_id=case.id or 0,
                                               version=case.version,
                                               decision="recalibrate",
                                               reason="top decile over-predicted")
            assert (closed.status, closed.decision, closed.is_open) == (
                "decided", "recalibrate", False)
            event = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "model.review.close")).one()
            assert event.signature and json.loads(event.after or "{}")["decision"] == \
                "recalibrate"
        _in_the_monthly_report(sqlite_engine, compliance, case, month, event.at)
        # Overdue validation alone opens next month's review (once).
        with unit_of_work(sqlite_engine) as s:
            s.execute(update(ModelVersion).where(ModelVersion.id == model_id).values(
                next_validation_at=made - timedelta(days=1)))
        # Overdue validation alone opens the next month's review, on a month with no rows.
        following = periods.months_back(month, -1)
        monitor(sqlite_engine, compliance, month=following)
        assert [(c.dedupe_key, c.flags) for c in _reviews(sqlite_engine)][1:] == [
            (f"model_review:{model_id}:{following}", "OVERDUE")]


def _in_the_monthly_report(engine: Engine, compliance: Actor, case: Case, month: str,
                           closed_at: datetime) -> None:
    """Issue 32: the monthly report's model monitoring section lists the month's review with
    its model, its figures and its standing at the cut-off (open before the close)."""
    from riskdesk.services.reporting import archive
    from riskdesk.services.reporting.model_reviews import month_reviews

    with unit_of_work(engine, write=False) as s:
        [before] = month_reviews(s, month=month, cut_off=closed_at - timedelta(microseconds=1))
        [after] = month_reviews(s, month=month, cut_off=closed_at)
        assert month_reviews(s, month=periods.months_back(month, 1), cut_off=closed_at) == []
    assert before.decision is None and before.case_id == case.id
    assert before.triggers and before.triggers[0].startswith("score PSI ")
    assert (after.decision, after.decided_by) == ("recalibrate", "compliance")
    issued = archive.monthly_report(engine, compliance, month=month, language="en",
                                    cut_off=closed_at)
    text = _pdf_text(issued.pdf)
    assert "Model review cases" in text and f"{case.id} " in text
    assert "decided: recalibrate, by compliance" in text and "score PSI" in text


def _pdf_text(pdf: bytes) -> str:
    import subprocess

    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode("utf-8")
    return " ".join(out.split())


def test_breaches_name_each_threshold() -> None:
    """Issue 32: PSI, CSI, AUC decay, a band outside its interval and overdue validation."""
    now = datetime(2026, 11, 1)
    mv = ModelVersion(auc=0.72, next_validation_at=now - timedelta(days=1))
    from riskdesk.domain.scoring import MonitorRun

    run = MonitorRun(month="2026-10", score_psi=0.31, auc=0.65)
    y = np.array([1] * 40 + [0] * 60)
    bands = model_review.band_intervals(y, np.full(100, 0.2), 0.05, 0.15)
    assert bands[0]["band"] == "decline" and bands[0]["outside"]  # 40 % against 20 %
    found = model_review.breaches(mv, run, {"features": {"dti": 0.3, "fico": 0.1},
                                            "bands": bands}, now)
    assert [b["code"] for b in found] == ["PSI", "CSI", "AUC", "BAND", "OVERDUE"]
    assert all(model_review.line(b) for b in found)
    assert not model_review.breaches(ModelVersion(auc=0.7), MonitorRun(
        month="2026-10", score_psi=0.1, auc=0.68), {"features": {"dti": 0.2}}, now)
