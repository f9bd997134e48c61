"""Rules and policy changed with four-eyes, their versions, and the backtest (issue 30)."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.credit import proposals, rule_versions, rulesets
from riskdesk.services.credit.backtest import backtest
from riskdesk.services.credit.scoring_job import score_applications
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import run_cli


def _count(engine: Engine, model: type) -> int:
    with unit_of_work(engine, write=False) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_change_waits_for_a_second_person_and_a_band_change_moves_decisions(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Issue 30: proposed by compliance, nothing changes until a senior officer approves; the
    proposer cannot approve; a PD band change approved this way decides the next run."""
    compliance, senior = sqlite_actors["compliance"], sqlite_actors["senior"]
    with unit_of_work(sqlite_engine) as s:
        rs_before, _ = rulesets.current_rule_set(s, compliance)
        with pytest.raises(PermissionDenied):
            proposals.propose(s, sqlite_actors["officer"], changes=proposals.parse_changes(
                ["SHARED_DEVICE.min_applicants=10"], []), why="more applicants")
        with pytest.raises(InvalidInput, match="no parameter"):
            proposals.propose(s, compliance, changes=proposals.parse_changes(["SHARED_DEVICE.x=1"],
                                                                             []),
                              why="typo")
        with pytest.raises(InvalidInput, match="why"):
            proposals.propose(s, compliance, changes=proposals.parse_changes(
                ["SHARED_DEVICE.min_applicants=10"], []), why=" ")
        rule = proposals.propose(s, compliance, changes=proposals.parse_changes(
            ["SHARED_DEVICE.min_applicants=10", "SHARED_DEVICE.severity=high"], []),
            why="device farms only")
        band = proposals.propose(s, compliance, changes=proposals.parse_changes(
            [], ["approve_below=0.03"]), why="tighter approve band")
        assert rulesets.current_rule_set(s, compliance)[0].id == rs_before.id  # nothing yet
    with unit_of_work(sqlite_engine) as s:
        with pytest.raises(PermissionDenied, match="four-eyes"):
            proposals.approve(s, compliance, proposal_id=rule.id or 0)
        with pytest.raises(PermissionDenied):
            proposals.approve(s, sqlite_actors["officer"], proposal_id=rule.id or 0)
    approve_band_before = _approved(sqlite_engine)
    with unit_of_work(sqlite_engine) as s:
        done = proposals.approve(s, senior, proposal_id=rule.id or 0, note="seen the backtest")
        rs, settings = rulesets.current_rule_set(s, compliance)
        assert rs.id == done.rule_set_id != rs_before.id
        assert settings["SHARED_DEVICE"].params["min_applicants"] == 10
        assert settings["SHARED_DEVICE"].severity == "high"
        with pytest.raises(InvalidInput, match="approved"):
            proposals.approve(s, senior, proposal_id=rule.id or 0)
        proposals.approve(s, senior, proposal_id=band.id or 0)
        assert rulesets.current_policy(s, compliance).approve_below == 0.03
        signed = s.scalars(select(AuditEvent).where(AuditEvent.action == "rules.approve")).all()
        assert len(signed) == 2 and all(ev.signature for ev in signed)
        # versions kept and compared; a restore is a proposal like any other
        kinds = {(v.kind, v.state) for v in rule_versions.versions(s, compliance)}
        assert ("rules", "past") in kinds and ("policy", "in_force") in kinds
        diff = rule_versions.diff(s, compliance, a=rs_before.id or 0, b=rs.id or 0)
        assert {(d.item, d.field, d.a, d.b) for d in diff} == {
            ("SHARED_DEVICE", "min_applicants", 3, 10),
            ("SHARED_DEVICE", "severity", "medium", "high")}
        back = proposals.propose_restore(s, compliance, rule_set_id=rs_before.id, why="undo")
        assert proposals.view(back).changes["rules"] == {
            "SHARED_DEVICE": {"severity": "medium", "params": {"min_applicants": 3}}}
        proposals.reject(s, senior, proposal_id=back.id or 0, note="keep it")
    score_applications(sqlite_engine, sqlite_actors["officer"])
    assert _approved(sqlite_engine) < approve_band_before


def _approved(engine: Engine) -> int:
    with unit_of_work(engine, write=False) as s:
        return int(s.scalar(select(func.count()).select_from(DecisionRecord).where(
            DecisionRecord.current_slot == 1, DecisionRecord.band == "approve")) or 0)


def test_backtest_reports_before_and_after_and_writes_nothing(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 30: `rules backtest --set SHARED_DEVICE.min_applicants=10 --days 90` on scored
    applications: non-zero counts, after <= before, no record written."""
    decisions, events = _count(sqlite_engine, DecisionRecord), _count(sqlite_engine, AuditEvent)
    changes = proposals.parse_changes(["SHARED_DEVICE.min_applicants=10"], [])
    with unit_of_work(sqlite_engine, write=False) as s:
        r = backtest(s, sqlite_actors["senior"], changes=changes, days=90)
        with pytest.raises(PermissionDenied):
            backtest(s, sqlite_actors["officer"], changes=changes)
    assert 0 < r.after.flagged <= r.before.flagged and r.applications > 0
    assert r.known > 0 and r.before.bads_caught is not None
    assert set(r.changed["before"]) <= {"flagged"} and len(r.changed) >= 0
    with unit_of_work(sqlite_engine, write=False) as s:
        stricter = backtest(s, sqlite_actors["compliance"],
                            changes=proposals.parse_changes([], ["approve_below=0.03"]))
    assert stricter.after.flagged > stricter.before.flagged == r.before.flagged
    assert stricter.after.approval_rate < stricter.before.approval_rate
    assert _count(sqlite_engine, DecisionRecord) == decisions
    assert _count(sqlite_engine, AuditEvent) == events
    out = tmp_path / "changed.csv"
    cli = run_cli("rules", "backtest", "--set", "SHARED_DEVICE.min_applicants=10", "--days", "90",
                  "--out", str(out), "--db", str(sqlite_path), "--user", "compliance",
                  env={"RISKDESK_PASSWORD": PASSWORD})
    assert cli.returncode == 0, cli.stderr
    lines = cli.stdout.splitlines()
    assert lines[:2] == [f"flagged before: {r.before.flagged}",
                         f"flagged after: {r.after.flagged}"]
    assert out.read_text(encoding="utf-8-sig").count("\n") == len(r.changed) + 1
    assert _count(sqlite_engine, DecisionRecord) == decisions
