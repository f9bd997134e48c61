"""Fraud rings (issue 33): the link store, one case per ring, a ring that grows."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.rings import CaseApplication, FraudRing, LinkEdge, LinkKey, RingMember
from riskdesk.domain.rules import RuleHit
from riskdesk.services.actor import Actor
from riskdesk.services.reporting.monthly import monthly_figures
from riskdesk.services.rings.keys import normalise_employer
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.ring_helpers import chain_numbers, import_rings, ring_frame

RING_GROUNDS = {"SHARED_DEVICE", "SHARED_PHONE", "SHARED_CARD", "MULTI_LENDING"}


def _ring_case(engine: Engine) -> tuple[FraudRing, list[str], Case]:
    with unit_of_work(engine, write=False) as s:
        [ring] = s.execute(select(FraudRing)).scalars().all()
        numbers = s.execute(select(Application.application_no).join(
            CaseApplication, CaseApplication.application_id == Application.id).where(
            CaseApplication.case_id == ring.case_id).order_by(
            Application.application_no)).scalars().all()
        case = s.get(Case, ring.case_id)
        assert case is not None
        s.expunge_all()
        return ring, list(numbers), case


def test_chain_of_twelve_is_one_ring_case_and_grows(
        sqlite_scored: tuple[int, int], sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 33's acceptance: after the import one fraud case holds exactly the chain's 24
    applications; the couple is no ring; no shared-key or multi-lending rule fired for the
    12; a later import that grows the ring updates the same case."""
    officer = sqlite_actors["officer"]
    import_rings(sqlite_engine, officer, tmp_path)
    ring, numbers, case = _ring_case(sqlite_engine)
    assert numbers == sorted(chain_numbers())
    assert (ring.applicants, ring.applications, ring.status) == (12, 24, "open")
    assert case.kind == "fraud" and case.application_no == f"RING-{ring.id:06d}"
    figures = json.loads(ring.metrics)
    assert figures["keys_by_kind"] == {"device": 12} and figures["applicants"] == 12
    assert 0 < figures["density"] < 1 and figures["span_days"] < 7
    with unit_of_work(sqlite_engine, write=False) as s:
        ids = s.execute(select(Application.id).where(
            Application.application_no.in_(chain_numbers()))).scalars().all()
        fired = set(s.execute(select(RuleHit.code).where(
            RuleHit.application_id.in_(ids))).scalars())
        assert not fired & RING_GROUNDS
        members = s.execute(select(RingMember.applicant_id)).scalars().all()
        assert len(members) == 12  # the couple is in no ring
        # only keyed hashes and masked forms: no device ID as imported
        stored = s.execute(select(LinkKey.key_hash, LinkKey.masked)).all()
        assert not any("chain" in h or "chain" in m for h, m in stored)
        assert s.execute(select(LinkEdge)).first() is not None
    # A thirteenth applicant on two of the chain's devices: the same case, 26 applications.
    grown = ring_frame().iloc[[0, 0]].copy()
    grown["application_no"] = ["RG-N-0", "RG-N-1"]
    grown["id_no"] = ring_frame(seed=34).iloc[0]["id_no"]
    grown["phone"], grown["card_no"] = "13799990000", "6222099990000001"
    grown["device_id"] = ["RG-chain-00", "RG-chain-05"]
    import_rings(sqlite_engine, officer, tmp_path, grown, name="more.csv")
    again, numbers, same_case = _ring_case(sqlite_engine)
    assert again.id == ring.id and same_case.id == case.id
    assert (again.applicants, again.applications) == (13, 26) and len(numbers) == 26
    with unit_of_work(sqlite_engine, write=False) as s:
        fraud = s.execute(select(Case.id).where(Case.kind == "fraud",
                                                Case.application_no.like("RING-%"))).all()
        assert len(fraud) == 1
    _command_line(sqlite_engine, again, monkeypatch, capsys)
    _audit_report(sqlite_engine, officer, again, tmp_path)
    with unit_of_work(sqlite_engine, write=False) as s:  # the monthly report's count
        now = utcnow(s)
        month = f"{now + timedelta(hours=8):%Y-%m}"
        figures = monthly_figures(s, sqlite_actors["compliance"], month=month, cut_off=now)
        assert figures.rings == {"found": 1, "confirmed": 0, "closed": 0}
    _confirmed_fraud(sqlite_engine, sqlite_actors, again)


def _confirmed_fraud(engine: Engine, actors: dict[str, Actor], ring: FraudRing) -> None:
    """Closing with "confirmed fraud": an officer proposes, the same officer may not check,
    a senior confirms; the shared devices are blacklisted, the open applications declined
    into the decision feed (source ring), the ring confirmed and its case closed, signed."""
    from riskdesk.domain.audit import AuditEvent
    from riskdesk.domain.feed import FeedRecord
    from riskdesk.errors import PermissionDenied
    from riskdesk.services.lists.entries import rule_lists
    from riskdesk.services.rings import closing

    assert ring.id is not None
    with unit_of_work(engine) as s:
        closing.propose_confirm(s, actors["officer"], ring_id=ring.id, reason="同一中介包装")
    # recomputed while it waits for the check: the same ring, still awaiting, proposal kept
    from riskdesk.services.rings.detect import rebuild

    assert rebuild(engine, actors["senior"]).changes.opened == []
    with unit_of_work(engine, write=False) as s:
        state = closing.closing_state(s, actors["senior"], case_id=ring.case_id or 0)
        assert state is not None and state.ring_id == ring.id
        assert (state.status, state.maker, state.keys) == ("awaiting_check", "officer", 12)
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
        closing.check_confirm(s, actors["officer"], ring_id=ring.id, confirm=True)
    with unit_of_work(engine) as s:
        done = closing.check_confirm(s, actors["senior"], ring_id=ring.id, confirm=True)
    assert done is not None and done.blacklisted == 12 and done.declined
    with unit_of_work(engine, write=False) as s:
        black, _ = rule_lists(s.connection(), at=utcnow(s))
        assert (black["kind"] == "device").sum() == 12
        fed = s.execute(select(FeedRecord.application_no).where(
            FeedRecord.source == "ring")).scalars().all()
        assert sorted(fed) == sorted(done.declined)
        assert s.get(FraudRing, ring.id).status == "confirmed"  # type: ignore[union-attr]
        assert not s.get(Case, ring.case_id).is_open  # type: ignore[union-attr]
        signed = s.execute(select(AuditEvent.action, AuditEvent.signature).where(
            AuditEvent.action.like("ring.confirm%"))).all()  # type: ignore[attr-defined]
        assert {a for a, _ in signed} == {"ring.confirm.propose", "ring.confirm"}
        assert all(sig for _, sig in signed)


def _audit_report(engine: Engine, officer: Actor, ring: FraudRing, tmp_path: Path) -> None:
    """The ring case's audit report holds the ring's figures, its graph and its members."""
    from riskdesk.services.reporting.archive import case_report
    from tests.helpers import pdftotext

    pdf = tmp_path / "ring.pdf"
    pdf.write_bytes(case_report(engine, officer, application_no=f"RING-{ring.id:06d}",
                                language="en").pdf)
    text = pdftotext(pdf)
    assert f"Fraud ring RING-{ring.id:06d}" in text and "Member applications" in text
    assert "RG-C11-1" in text and "RG-N-0" in text and "1370" not in text


def _command_line(engine: Engine, ring: FraudRing, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    """rings list / show / rebuild: the ring by its ID, masked, and the same ring after a
    rebuild."""
    from riskdesk.cli import main
    from riskdesk.config import PASSWORD_ENV
    from tests.conftest import PASSWORD

    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code = f"RING-{ring.id:06d}"
    capsys.readouterr()
    assert main(["rings", "list", "--db", url, "--user", "officer"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(code) and "applicants 13" in line and "applications 26" in line
    assert main(["rings", "show", code, "--db", url, "--user", "officer"]) == 0
    out = capsys.readouterr().out
    assert "RG-C00-0" in out and "RG-N-1" in out and "applicants: 13" in out
    assert "1370" not in out  # no phone number
    assert main(["rings", "show", "RING-99x", "--db", url, "--user", "officer"]) != 0
    assert main(["rings", "list", "--db", url, "--user", "admin"]) != 0  # runs no cases
    assert main(["rings", "rebuild", "--db", url, "--user", "auditor"]) != 0
    assert main(["rings", "rebuild", "--db", url, "--user", "officer"]) != 0  # senior's
    assert main(["rings", "rebuild", "--db", url, "--user", "senior"]) == 0
    capsys.readouterr()
    assert main(["rings", "list", "--db", url, "--user", "officer"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(code) and "applicants 13" in line


def test_employer_normalised() -> None:
    assert normalise_employer("深圳市某某科技有限公司") == normalise_employer(" 深圳市某某科技 ")
    assert normalise_employer("ACME Co., Ltd.") == normalise_employer("acme")


def test_force_layout_is_deterministic_and_pulls_links_together() -> None:
    """The graph's own layout (issue 33): the same ring is drawn the same way, inside the
    unit box, joined nodes nearer each other than the average pair."""
    import numpy as np

    from riskdesk.services.rings.layout import spring_layout

    edges = [(i, 12 + i) for i in range(12)] + [((i + 1) % 12, 12 + i) for i in range(12)]
    a, b = spring_layout(24, edges), spring_layout(24, edges)
    assert np.array_equal(a, b) and np.abs(a).max() <= 1.0
    joined = np.mean([np.linalg.norm(a[i] - a[j]) for i, j in edges])
    every = np.mean([np.linalg.norm(a[i] - a[j]) for i in range(24) for j in range(i)])
    assert joined < every / 2
    assert spring_layout(0, []).shape == (0, 2) and spring_layout(1, []).shape == (1, 2)
