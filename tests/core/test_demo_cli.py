"""The demo database and the CLI end to end (issue 3)."""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select, text

from riskdesk.demo.frame import DEMO_PASSWORD, demo_frame
from riskdesk.domain.applications import Application
from riskdesk.domain.identity import is_valid_id_no
from riskdesk.services.audit.trail import verify
from riskdesk.storage import migrate
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import run_cli


def test_demo_frame_is_realistic_and_synthetic() -> None:
    frame = demo_frame(2000, seed=1)
    assert frame["application_no"].is_unique
    assert all(is_valid_id_no(v) and v.startswith("99") for v in frame["id_no"])
    assert frame["phone"].str.startswith("141").all()
    assert frame["id_no"].duplicated().mean() > 0.05  # repeat applicants
    assert frame["device_id"].duplicated().sum() > 20  # shared devices
    assert set(frame["product"]) == {"cash_loan", "instalment", "credit_card"}
    assert set(frame["outcome"]) == {"good", "bad"}
    bad_rate = (frame["outcome"] == "bad").mean()
    assert 0.02 < bad_rate < 0.10
    submitted = np.array(frame["submitted_at"], dtype="datetime64[s]")
    assert (submitted.max() - submitted.min()) > np.timedelta64(150, "D")


def test_demo_resamples_beyond_the_source() -> None:
    frame = demo_frame(12_000, seed=2)
    assert len(frame) == 12_000 and frame["application_no"].is_unique
    assert frame["id_no"].nunique() > 10_000


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
        assert count_cases(session, officer, CaseFilter(kinds=("post_loan",))) == len(post)
        assert all(load_case(session, officer, c).alerts for c in post[:10])
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


def test_user_add_and_first_admin(tmp_path: Path) -> None:
    db = str(tmp_path / "u.sqlite")
    env = {"RISKDESK_NEW_PASSWORD": "first-admin-pw", "RISKDESK_PASSWORD": "first-admin-pw"}
    first = run_cli("user", "add", "root", "--role", "admin", "--db", db, env=env)
    assert first.returncode == 0, first.stderr
    no_actor = run_cli("user", "add", "bob", "--role", "officer", "--db", db, env=env)
    assert no_actor.returncode != 0 and "--user" in no_actor.stderr
    second = run_cli("user", "add", "bob", "--role", "officer", "--role", "compliance",
                     "--db", db, "--user", "root", env=env)
    assert second.returncode == 0, second.stderr
    assert "compliance, officer" in second.stdout


def test_db_sql_and_upgrade(tmp_path: Path) -> None:
    sql = run_cli("db", "sql", "--dialect", "postgresql")
    assert sql.returncode == 0 and "CREATE TABLE app_user" in sql.stdout
    up = run_cli("db", "upgrade", "--db", str(tmp_path / "n.sqlite"))
    assert up.returncode == 0 and f"revision {migrate.head_revision()}" in up.stdout


def test_unreachable_database_is_a_clear_message_without_password() -> None:
    out = run_cli("db", "upgrade", "--db", "postgresql://nobody:hunter2pw@127.0.0.1:1/x")
    assert out.returncode == 1
    assert "cannot be used" in out.stderr and "Traceback" not in out.stderr
    assert "hunter2pw" not in out.stderr
