"""The validation report and the validator's approval (issue 31): the report's sections and
figures against the registry, approval only on a report on that exact model, by a validator
who neither trained nor proposed it, signed; overdue validation."""
from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.scoring import ModelVersion
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.reports.validation_report import SECTIONS
from riskdesk.services.actor import Actor
from riskdesk.services.credit import registry as models
from riskdesk.services.credit.validation import issue
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import page_count, pdftotext


def sections(text: str, titles: list[str]) -> dict[str, str]:
    """The report's text cut at its section titles (each starts a page)."""
    text = " ".join(text.split())
    starts = [text.index(t) for t in titles]
    assert starts == sorted(starts), "sections out of order"
    return {t: text[a:b] for t, a, b in zip(titles, starts, starts[1:] + [len(text)],
                                            strict=True)}


def check_report(pdf: Path, mv: ModelVersion, figs, titles: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every section present, at least six pages, and the figures the registry holds."""
    assert page_count(pdf) >= 6
    meta = json.loads(mv.meta)
    part = sections(pdftotext(pdf), titles)
    assert mv.artefact_sha256 in part[titles[0]]
    assert meta["data"]["sha256"] in part[titles[1]]
    assert f"{meta['data']['rows']}" in part[titles[1]]
    assert all(f in part[titles[2]] for f in meta["features"])
    held = meta["held_out"]
    out = part[titles[3]]
    assert f"{held['auc']:.4f}" in out and f"{held['ks']:.4f}" in out \
        and f"{held['gini']:.4f}" in out and str(held["rows"]) in out
    ci = figs.samples[-1].ci["auc"]
    assert ci[0] <= held["auc"] <= ci[1] and f"[{ci[0]:.4f}," in out and f"{ci[1]:.4f}]" in out
    cv = meta["cv"]
    bench = part[titles[4]]
    assert f"{cv['xgboost']['mean']:.4f}" in bench and f"{cv['logistic']['mean']:.4f}" in bench
    assert all(f"{a:.4f}" in bench for a in cv["logistic"]["per_fold"])
    cal = part[titles[5]]
    assert all(f"{r['predicted']:.4f} {r['observed']:.4f}" in cal for r in held["calibration"])
    assert f"{figs.hosmer_lemeshow['statistic']:.4f}" in cal
    assert all(f"{b['p_value']:.4f}" in cal for b in figs.bands if b["p_value"] is not None)
    assert f"{figs.psi:.4f}" in part[titles[6]]
    return part


def test_validation_report_and_the_validators_approval(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    engine, actors = sqlite_engine, sqlite_actors
    with unit_of_work(engine) as session:
        mv = models.register(session, actors["admin"], model=models.default_model(), name="shipped")
        models.propose(session, actors["admin"], model_id=mv.id or 0)
        model_id = mv.id or 0
    # No report yet: refused; the report itself is the validator's (compliance) to issue.
    with unit_of_work(engine) as session, pytest.raises(InvalidInput, match="validation report"):
        models.approve(session, actors["compliance"], model_id=model_id, report_sha256="0" * 64,
                       findings="fine")
    with pytest.raises(PermissionDenied):
        issue(engine, actors["senior"], model_id=model_id, language="en", bootstrap=0)
    issued, figs = issue(engine, actors["compliance"], model_id=model_id, language="en",
                         bootstrap=30)
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(issued.pdf)
    sha = hashlib.sha256(issued.pdf).hexdigest()
    assert issued.report.sha256 == sha and issued.report.kind == "validation"
    with unit_of_work(engine, write=False) as session:
        mv = models.get(session, model_id=model_id)
        part = check_report(pdf, mv, figs, list(SECTIONS))
    bench = part[SECTIONS[4]]
    assert ("within noise" in bench) == figs.benchmark["within_noise"]
    assert "verification_status" in part[SECTIONS[8]]  # "income verified: raises risk"
    assert "stated_age" in part[SECTIONS[7]] and "<25" in part[SECTIONS[7]]  # age bands
    assert "Validator" in part[SECTIONS[11]] and "Signature" in part[SECTIONS[11]]
    # The approval: not by a senior officer, not by the proposer, only on this report.
    with unit_of_work(engine) as session, pytest.raises(PermissionDenied):
        models.approve(session, actors["senior"], model_id=model_id, report_sha256=sha,
                       findings="ok")
    with unit_of_work(engine) as session:
        other = models.register(session, actors["compliance"], model=models.default_model(),
                                name="mine")
        models.propose(session, actors["admin"], model_id=other.id or 0)
        other_id = other.id or 0
    with unit_of_work(engine) as session:
        third = models.register(session, actors["admin"], model=models.default_model(),
                                name="third")
        models.propose(session, actors["admin"], model_id=third.id or 0)
        third_id = third.id or 0
    with unit_of_work(engine) as session, pytest.raises(InvalidInput, match="validation report"):
        models.approve(session, actors["compliance"], model_id=third_id, report_sha256=sha,
                       findings="ok")  # the report is on another model
    with unit_of_work(engine) as session, pytest.raises(PermissionDenied, match="trained"):
        models.approve(session, actors["compliance"], model_id=other_id, report_sha256=sha,
                       findings="ok")
    with unit_of_work(engine) as session:
        done = models.approve(session, actors["compliance"], model_id=model_id, report_sha256=sha,
                              findings="Calibration of the top decile to be watched.")
        assert done.validation_sha256 == sha and done.next_validation_at is not None
        assert done.next_validation_at - utcnow(session) > timedelta(days=360)
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.approve")).one()
        after = json.loads(event.after or "{}")
        assert event.signature and after["validation_sha256"] == sha
        assert after["findings"].startswith("Calibration") and after["trained_by"] == "admin"
        assert not models.model_in_force(session, actors["officer"]).overdue
        session.execute(update(ModelVersion).where(ModelVersion.id == model_id).values(
            next_validation_at=utcnow(session) - timedelta(days=1)))
    with unit_of_work(engine, write=False) as session:
        shown = models.model_in_force(session, actors["officer"])
        assert shown is not None and shown.overdue
    assert re.search(r"RD-V-\d{8}-\d{6}", issued.report.report_no)
