"""riskdesk demo, then the window's screenshots of its database (the gui command needs Qt)."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from riskdesk.demo.frame import DEMO_PASSWORD
from riskdesk.domain.applications import Application
from riskdesk.services.audit.trail import verify
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import run_cli


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow
def test_demo_command_then_screenshots(tmp_path: Path) -> None:
    """Acceptance: `demo --no-gui` builds the database; `gui --screenshot` writes 1280x800
    pictures in Chinese and English; without --user it refuses."""
    db = tmp_path / "demo.sqlite"
    built = run_cli("demo", "--db", str(db), "--no-gui", "--rows", "600")
    assert built.returncode == 0, built.stderr
    assert "600 applications" in built.stdout
    engine = make_engine(str(db))
    with unit_of_work(engine, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 600
        assert verify(session).ok
        # The demo's monitoring raised post-loan cases in the queue, each with its evidence.
        from riskdesk.domain.cases import Case
        from riskdesk.services.actor import Actor
        from riskdesk.services.cases.detail import load_case
        from riskdesk.services.cases.queue import CaseFilter, count_cases
        post = session.scalars(select(Case.id).where(Case.kind == "post_loan")).all()
        officer = Actor(2, "officer", frozenset({"officer"}))
        assert len(post) >= 5
        assert count_cases(session, officer, f=CaseFilter(kinds=("post_loan",))) == len(post)
        assert all(load_case(session, officer, case_id=c).alerts for c in post[:10])
    engine.dispose()
    again = run_cli("demo", "--db", str(db), "--no-gui")
    assert again.returncode == 0 and "already holds 600" in again.stdout
    env = {"RISKDESK_PASSWORD": DEMO_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    for lang in ("zh_CN", "en"):
        out = tmp_path / f"shot-{lang}.png"
        shot = run_cli("gui", "--db", str(db), "--user", "officer", "--lang", lang,
                       "--screenshot", str(out), env=env)
        assert shot.returncode == 0, shot.stderr
        assert _png_size(out) == (1280, 800)
    with unit_of_work(make_engine(str(db)), write=False) as session:
        app_no = session.execute(text(
            "SELECT a.application_no FROM review_case c JOIN application a ON "
            "a.id = c.application_id ORDER BY c.id LIMIT 1")).scalar_one()
    case_shot = tmp_path / "case.png"
    shot = run_cli("gui", "--db", str(db), "--user", "officer", "--lang", "en", "--case",
                   app_no, "--screenshot", str(case_shot), env=env)
    assert shot.returncode == 0, shot.stderr
    assert _png_size(case_shot) == (1280, 800)
    missing = run_cli("gui", "--db", str(db), "--user", "officer", "--case", "NO-SUCH",
                      "--screenshot", str(tmp_path / "y.png"), env=env)
    assert missing.returncode == 2 and "NO-SUCH" in missing.stderr
    refused = run_cli("gui", "--db", str(db), "--screenshot", str(tmp_path / "x.png"), env=env)
    assert refused.returncode == 2 and "--user" in refused.stderr
    verified = run_cli("audit", "verify", "--db", str(db))
    assert verified.returncode == 0 and "head hash" in verified.stdout
