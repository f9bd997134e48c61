"""The decision feed back to origination (issue 29): a record for each kind of final decision
in the transaction that makes it final (none while a decision awaits its check), the migration
numbering decisions made before, sealed exports with their manifest, verify and ack, urgent
files for a freeze, and no personal data in any record."""
from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text

from riskdesk.errors import PermissionDenied
from riskdesk.security.pii_scan import find_pii
from riskdesk.services.actor import Actor
from riskdesk.services.cases import postloan_actions as pl
from riskdesk.services.cases import work as cases
from riskdesk.services.feed import files
from riskdesk.services.feed.status import feed_status, feed_warning
from riskdesk.storage import migrate
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import cash_out_case, hard_stop_case, run_cli

pytestmark = pytest.mark.dates


def feed(engine: Engine) -> list[tuple]:  # type: ignore[type-arg]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT seq, source, source_id, application_no, loan_no, decision, rule_codes, "
            "feature_codes, decided_by, checked_by, signature FROM decision_feed "
            "ORDER BY seq"))]


def of(engine: Engine, source: str, source_id: int) -> list[tuple]:  # type: ignore[type-arg]
    return [r for r in feed(engine) if r[1] == source and r[2] == source_id]


def decide(engine: Engine, actor: Actor, case_id: int, decision: str, reason: str,
           **kw: bool) -> None:
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=case_id)
        cases.decide(s, actor, case_id=case_id, version=c.version, decision=decision, reason=reason,
                     **kw)


# A record's seal: the key's id (hex) and the signature (base64). It is no text: a random run
# of digits inside it can pass a card number's check digit (seen once in 14 digits).
SEAL = re.compile(r"[0-9a-f]{32}:[a-z]:[A-Za-z0-9+/]+=*")


def no_pii(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    for r in rows:
        assert not find_pii(" ".join(SEAL.sub("", str(v)) for v in r if v is not None)), r


def test_each_kind_of_final_decision_gets_a_record_and_none_awaits_a_check(
        engine: Engine, actors: dict[str, Actor], scored: tuple[int, int]) -> None:
    """Issue 29: scoring's approvals and flags, an officer's decline, a hard-stop decline, an
    override once confirmed (not while it awaits the check), numbered 1..N with no gap."""
    override, alone = scored
    with engine.connect() as conn:
        decisions = conn.execute(text("SELECT count(*) FROM decision_record")).scalar_one()
        outcomes = {r[0] for r in conn.execute(text(
            "SELECT DISTINCT decision FROM decision_feed WHERE source = 'score'"))}
    assert decisions > 0 and len([r for r in feed(engine) if r[1] == "score"]) == decisions
    assert outcomes == {"auto_approve", "flagged"}
    flagged = [r for r in feed(engine) if r[1] == "score" and r[6]]
    assert flagged and all(r[7] for r in feed(engine) if r[1] == "score" and r[5] == "flagged")
    decide(engine, actors["officer"], override, "approve", "income verified by payslip")
    assert of(engine, "case", override) == []  # awaiting its check: nothing yet
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=override)
        cases.check(s, actors["senior"], case_id=override, version=c.version, confirm=True)
    (rec,) = of(engine, "case", override)
    assert rec[5] == "approve" and rec[8] == "officer" and rec[9] == "senior"
    with engine.connect() as conn:
        signature = conn.execute(text(
            "SELECT signature FROM audit_event WHERE action = 'case.check.confirm' AND "
            "entity_id = :i"), {"i": str(override)}).scalar_one()
    assert rec[10] == signature and signature
    decide(engine, actors["officer"], alone, "decline", "identity could not be verified")
    assert [r[5] for r in of(engine, "case", alone)] == ["decline"]
    stop = hard_stop_case(engine)
    decide(engine, actors["senior"], stop, "decline", "hard stop", other_assignee=True)
    (hs,) = of(engine, "case", stop)
    with unit_of_work(engine, write=False) as s:
        from riskdesk.services.cases.hard_stops import hard_stops_of
        stopped = cases.get_case(s, case_id=stop).application_id
        codes = {x.code for x in hard_stops_of(s, application_id=stopped)}
    assert codes and codes <= set(hs[6].split(";"))
    rows = feed(engine)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    no_pii(rows)


def test_post_loan_actions_reach_the_feed_and_the_folder_at_once(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """A freeze is a record and a sealed file in the feed folder within a second of its commit;
    call early only once a senior confirms it (issue 29, item 4)."""
    case_id, loan_no = cash_out_case(engine, actors, tmp_path)
    folder = tmp_path / "feed"
    with unit_of_work(engine) as s:
        files.set_feed_settings(s, actors["admin"], folder=str(folder))
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=case_id)
        pl.act(s, actors["officer"], case_id=case_id, version=c.version, action="freeze_line",
               reason="proceeds moved out")
    committed = time.monotonic()
    (rec,) = of(engine, "postloan", rec_id := _action_id(engine, case_id, "freeze_line"))
    assert rec[4] == loan_no and rec[5] == "freeze_line" and rec[10]
    urgent = sorted(folder.glob("urgent-*.csv"))
    assert len(urgent) == 1 and time.monotonic() - committed < 1.0
    assert urgent[0].name == f"urgent-{rec[0]:012d}-freeze_line.csv"
    assert files.verify(urgent[0]) == []
    assert loan_no in urgent[0].read_text() and str(rec_id)
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=case_id)
        pl.act(s, actors["officer"], case_id=case_id, version=c.version, action="call_early",
               reason="cash-out confirmed")
    call = _action_id(engine, case_id, "call_early")
    assert of(engine, "postloan", call) == [] and len(list(folder.glob("*.csv"))) == 1
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=case_id)
        pl.check(s, actors["senior"], case_id=case_id, version=c.version, confirm=True)
    (called,) = of(engine, "postloan", call)
    assert called[5] == "call_early" and (called[8], called[9]) == ("officer", "senior")
    assert len(list(folder.glob("urgent-*call_early.csv.manifest.json"))) == 1
    no_pii(feed(engine))


def _action_id(engine: Engine, case_id: int, action: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT id FROM loan_action WHERE case_id = :c AND "
                                     "action = :a"), {"c": case_id, "a": action}).scalar_one())


def test_the_migration_numbers_existing_decisions_in_the_order_they_became_final(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    override, alone = sqlite_scored
    decide(sqlite_engine, sqlite_actors["officer"], alone, "decline", "identity unverified")
    decide(sqlite_engine, sqlite_actors["officer"], override, "approve", "payslip")
    with unit_of_work(sqlite_engine) as s:
        c = cases.get_case(s, case_id=override)
        cases.check(s, sqlite_actors["senior"], case_id=override, version=c.version, confirm=True)
    before = [r[1:] for r in feed(sqlite_engine)]
    assert [r[0:2] for r in before[-2:]] == [("case", alone), ("case", override)]
    cfg = migrate.alembic_config()
    with sqlite_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0013")
    with sqlite_engine.connect() as conn:
        assert "decision_feed" not in {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master"))}
    migrate.upgrade(sqlite_engine)
    after = feed(sqlite_engine)
    assert [r[1:] for r in after] == before
    assert [r[0] for r in after] == list(range(1, len(after) + 1))


def test_export_verify_ack_round_trip_and_refusals(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], sqlite_path: Path, tmp_path: Path) -> None:
    from tests.conftest import PASSWORD

    _, alone = sqlite_scored
    decide(sqlite_engine, sqlite_actors["officer"], alone, "decline", "=HYPERLINK(\"x\")")
    total = len(feed(sqlite_engine))
    with pytest.raises(PermissionDenied), unit_of_work(sqlite_engine) as s:
        files.export(s, sqlite_actors["officer"], out=tmp_path / "no.csv", since=0)
    sqlite_engine.dispose()
    env = {"RISKDESK_PASSWORD": PASSWORD}
    db = ["--db", str(sqlite_path)]
    out = tmp_path / "feed.csv"
    made = run_cli("decisions", "export", "--since", "0", "--out", str(out), *db,
                   "--user", "compliance", env=env)
    assert made.returncode == 0 and f"{total} record(s)" in made.stdout, made.stderr
    manifest = files.manifest_path(out)
    assert manifest.exists() and files.verify(out) == []
    ok = run_cli("decisions", "verify", str(out), *db, env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    lines = out.read_text().splitlines()
    assert len(lines) == total + 1 and not any(",=" in line for line in lines)
    good, good_manifest = out.read_bytes(), manifest.read_text()
    out.write_bytes(good.replace(b"decline", b"decljne", 1))  # one changed byte
    bad = run_cli("decisions", "verify", str(out), *db, env=env)
    assert bad.returncode == 2 and "SHA-256" in bad.stdout
    out.write_bytes(good)
    manifest.write_text(good_manifest.replace(f'"count": {total}', f'"count": {total - 1}'))
    bad = run_cli("decisions", "verify", str(out), *db, env=env)
    assert bad.returncode == 2 and "HMAC" in bad.stdout
    manifest.write_text(good_manifest)
    again = tmp_path / "again.csv"
    empty = run_cli("decisions", "export", "--out", str(again), *db, "--user", "admin",
                    env=env)
    assert empty.returncode == 0 and "0 record(s)" in empty.stdout, empty.stderr
    assert files.verify(again) == [] and len(again.read_text().splitlines()) == 1
    acks = tmp_path / "acks.txt"
    acks.write_text("seq\n" + "\n".join(str(i) for i in range(1, 11)) + "\n")
    acked = run_cli("decisions", "ack", str(acks), *db, "--user", "compliance", env=env)
    assert acked.returncode == 0 and "10 acknowledged" in acked.stdout, acked.stderr
    with unit_of_work(sqlite_engine, write=False) as s:
        st = feed_status(s, sqlite_actors["compliance"])
        assert (st.last_seq, st.exported_to, st.acknowledged_to) == (total, total, 10)
        assert st.unacknowledged == total - 10 and st.overdue == 0
    with shifted(utcnow() + timedelta(hours=3)), unit_of_work(sqlite_engine, write=False) as s:
        assert feed_warning(s, sqlite_actors["compliance"]) == total - 10
        assert feed_warning(s, sqlite_actors["officer"]) == 0
    with sqlite_engine.connect() as conn:
        actions = [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_event WHERE action LIKE 'decisions.%' ORDER BY seq"))]
        view = conn.execute(text("SELECT count(*) FROM decision_feed_view WHERE "
                                 "acknowledged_at IS NOT NULL")).scalar_one()
    assert actions == ["decisions.export", "decisions.export", "decisions.ack"] and view == 10


def test_the_monthly_report_counts_records_not_acknowledged_in_time(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 29: the month's records origination had not acknowledged within the warning time
    by the cut-off make the monthly report's line; acknowledged ones and young ones do not."""
    from riskdesk.services.periods import current_month
    from riskdesk.services.reporting.monthly import monthly_figures

    compliance = sqlite_actors["compliance"]
    total = len(feed(sqlite_engine))
    with unit_of_work(sqlite_engine, write=False) as s:
        month = current_month(s)
        now = utcnow(s)
        assert monthly_figures(s, compliance, month=month,
                               cut_off=now).feed_unacknowledged == 0  # young
    acks = tmp_path / "acks.txt"
    acks.write_text("\n".join(str(i) for i in range(1, 4)))
    with unit_of_work(sqlite_engine) as s:
        files.acknowledge(s, compliance, path=acks)
        files.set_feed_settings(s, sqlite_actors["admin"], hours=1)
    with unit_of_work(sqlite_engine, write=False) as s:
        f = monthly_figures(s, compliance, month=month, cut_off=now + timedelta(minutes=90))
    assert (f.feed_unacknowledged, f.feed_warn_hours) == (total - 3, 1)


def test_every_database_a_test_gets_has_the_feed_view(engine: Engine) -> None:
    """The test databases are copies of a template (tests/conftest.py): on MariaDB, which has
    no templates, the copy also makes the views, so the feed view a test reads is there."""
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM decision_feed_view")).scalar_one() == 0
