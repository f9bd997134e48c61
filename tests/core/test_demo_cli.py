"""The demo database and the CLI end to end (issue 3)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from riskdesk.demo.frame import demo_frame
from riskdesk.domain.identity import is_valid_id_no
from riskdesk.storage import migrate
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
