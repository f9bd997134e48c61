"""Anchors the database cannot vouch for by itself (issue 24): the anchor file outside the
database, the chain's own anchor and report events checked against the anchor rows, the
report rows and the archived bytes, and `audit verify`'s exit codes (0 anchored, 1 nothing
outside the chain vouches for it, 2 broken or rewritten)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from riskdesk.cli import main
from riskdesk.domain.audit import AuditEvent, AuditHead
from riskdesk.errors import InvalidInput
from riskdesk.services.actor import Actor
from riskdesk.services.audit import anchor_file, anchors
from riskdesk.services.audit import trail as audit
from riskdesk.storage import audit_guard
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import pdftotext

FAKE_KEY = ("test-anchor-key", b"k" * 32)


@pytest.fixture
def share(sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> Path:
    """The anchor folder an administrator chose (a network share in a bank); the file in it.
    The first administrator's signing key pinned in the previous file is pinned there too."""
    with unit_of_work(sqlite_engine) as session:
        path = anchor_file.set_folder(session, sqlite_actors["admin"],
                                      folder=str(tmp_path / "share"))
    assert [r["user"] for r in anchor_file.read_records(path)
            if r["kind"] == "admin-key"] == ["admin"]
    return path


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """Whether this workstation holds the anchor key (the real keyring is per worker and
    another test may have made one: the test decides)."""
    def hold(present: bool) -> None:
        monkeypatch.setattr(anchors, "_key", lambda: FAKE_KEY if present else None)

    hold(False)
    yield hold


def _append(engine: Engine, n: int, tag: str = "t") -> None:
    actor = Actor(1, "admin", frozenset({"admin"}))
    for i in range(n):
        with unit_of_work(engine) as session:
            audit.append(session, actor, action="test.event", entity_type="thing",
                         entity_id=f"{tag}{i}", after={"v": i})


def _anchor(engine: Engine, actor: Actor) -> anchors.AnchorMark:
    with unit_of_work(engine) as session:
        return anchors.anchor_head(session, actor, note="test")


def _verify(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["audit", "verify", "--db", str(db), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def _rewrite(engine: Engine, seq: int, *, consistent: bool = False) -> None:
    """A forger with DDL rights (triggers dropped): changes event ``seq`` and recomputes every
    later hash and the head. ``consistent``: also rewrites what later events recorded about
    earlier ones (anchored heads, issued reports' sha256), so the database agrees with itself."""
    with engine.begin() as conn:
        for sql in audit_guard.statements(engine.dialect.name, drop=True):
            conn.exec_driver_sql(sql)
    new: dict[str, str] = {}  # old hash -> new hash
    with unit_of_work(engine) as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.seq >= seq)
                                 .order_by(AuditEvent.seq)).all()
        prev = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq - 1))
        for ev in events:
            if ev.seq == seq:
                ev.after = '{"v":999}'
            elif consistent and ev.action == "audit.anchor" and ev.after:
                d = json.loads(ev.after)
                d["hash"], d["mac"], d["key_id"] = new.get(d["hash"], d["hash"]), None, None
                ev.after = json.dumps(d, sort_keys=True, separators=(",", ":"))
            old = ev.hash
            ev.prev_hash = prev or audit.GENESIS_HASH
            ev.canonical = audit.canonical_text(ev)
            ev.hash = prev = audit.sha256_hex(ev.canonical)
            new[old] = ev.hash
        head = session.get(AuditHead, 1)
        assert head is not None and prev is not None
        head.hash = prev
    with engine.begin() as conn:
        for sql in audit_guard.statements(engine.dialect.name):
            conn.exec_driver_sql(sql)


def _new_hash(engine: Engine, seq: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT hash FROM audit_event WHERE seq = :s"),
                                {"s": seq}).scalar_one())


def test_the_anchor_file_is_json_lines_and_a_damaged_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "share" / "anchors.jsonl"
    assert anchor_file.read_records(path) == []
    first = {"kind": "anchor", "seq": 3, "hash": "a" * 64, "at": "2026-11-25T04:00:00Z",
             "mac": None, "database": "db1"}
    anchor_file.append_record(path, first)
    anchor_file.append_record(path, {"kind": "admin-key", "user": "admin",
                                     "public_key": "AAAA", "at": "2026-11-25T04:00:01Z"})
    assert anchor_file.read_records(path)[0] == first
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    with path.open("a", encoding="utf-8") as f:
        f.write('{"kind": "anchor", "seq": 4\n')  # a torn write
    with pytest.raises(InvalidInput, match=r"anchors.jsonl.*line 3"):
        anchor_file.read_records(path)


def test_an_anchor_reaches_the_file_only_when_its_transaction_commits(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], share: Path,
        keyed: Callable[[bool], None]) -> None:
    _append(sqlite_engine, 2)
    with pytest.raises(RuntimeError), unit_of_work(sqlite_engine) as session:
        anchors.anchor_head(session, sqlite_actors["auditor"], note="undone")
        raise RuntimeError("the use case failed after anchoring")
    def anchored() -> list[dict[str, object]]:
        return [r for r in anchor_file.read_records(share) if r["kind"] == "anchor"]

    assert anchored() == []
    mark = _anchor(sqlite_engine, sqlite_actors["auditor"])
    (record,) = anchored()
    assert (record["seq"], record["hash"], record["mac"]) == (mark.seq, mark.hash, None)
    with unit_of_work(sqlite_engine, write=False) as session:
        assert record["database"] == anchor_file.database_id(session) == mark.database


def test_exit_1_when_nothing_outside_the_chain_vouches_for_it_then_0_once_anchored(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        share: Path, keyed: Callable[[bool], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 24: an intact chain that nothing vouches for is exit 1 with a warning (it was
    exit 0: a rewrite of the whole chain would have passed too)."""
    _append(sqlite_engine, 3)
    code, out, err = _verify(capsys, sqlite_path)
    assert code == 1 and "intact" in out and "WARNING: nothing outside the chain" in err
    assert str(share) in out  # the file it looked in is named
    _anchor(sqlite_engine, sqlite_actors["auditor"])
    code, out, err = _verify(capsys, sqlite_path)
    assert code == 0, err
    assert f"anchor file {share}: 1 anchor(s) of this database" in out
    other = share.parent / "another-database.jsonl"  # another database's file vouches nothing
    anchor_file.append_record(other, {"kind": "anchor", "seq": 1, "hash": "0" * 64,
                                      "at": "x", "mac": None, "database": "another"})
    code, out, err = _verify(capsys, sqlite_path, "--anchors", str(other))
    assert code == 1 and "WARNING" in err  # the chain's own anchor events are not outside it
    assert "0 anchor(s) of this database, 1 of others" in out


def test_a_recomputed_rewrite_with_the_anchor_rows_deleted_is_caught(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        share: Path, keyed: Callable[[bool], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 24 acceptance: drop the triggers, recompute every hash from an early event, move
    the head and delete the audit_anchor rows (and then the report rows): verify exits 2.
    Before, it said "0 anchor(s) match", exit 0."""
    _append(sqlite_engine, 3)
    keyed(True)  # the anchoring workstation holds the key ...
    _anchor(sqlite_engine, sqlite_actors["auditor"])
    _append(sqlite_engine, 2, "later")
    keyed(False)  # ... the one verifying does not
    assert _verify(capsys, sqlite_path)[0] == 0
    _rewrite(sqlite_engine, 2)
    with sqlite_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_anchor"))
    with unit_of_work(sqlite_engine, write=False) as session:
        assert audit.verify(session).ok  # the chain alone no longer tells
    code, _, err = _verify(capsys, sqlite_path)
    assert code == 2 and "REWRITTEN" in err
    assert "keyed anchor 1, made at event" in err and "is missing" in err
    assert "anchor file audit-anchors.jsonl" in err  # the file outside holds the old head


def test_patched_anchor_rows_and_a_patched_archived_report_are_caught(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        share: Path, keyed: Callable[[bool], None], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 24 acceptance: the rewrite plus anchor rows re-pointed at the forged hashes and
    the archived monthly report patched to print the forged head, with its sha256 column
    updated: verify exits 2 (before: "intact ... anchor(s) match", exit 0), and `report
    verify` no longer accepts the patched PDF. A forger who also makes every later event
    agree with the rewrite is still caught by the anchor file."""
    from riskdesk.services.reporting import archive as reports

    _append(sqlite_engine, 3)
    keyed(True)
    with unit_of_work(sqlite_engine, write=False) as session:
        month = utcnow(session).strftime("%Y-%m")
    issued = reports.monthly_report(sqlite_engine, sqlite_actors["compliance"], month=month,
                                    language="en")
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(issued.pdf)  # the report prints where its issue is anchored
    printed = pdftotext(kept)  # (the long path wraps inside its table cell)
    with unit_of_work(sqlite_engine, write=False) as session:
        database = anchor_file.database_id(session)
    assert f"(database {database}; riskdesk audit verify --anchors FILE)" in printed
    assert "Anchored outside" in printed
    _append(sqlite_engine, 2, "later")
    keyed(False)
    assert _verify(capsys, sqlite_path)[0] == 0
    head = anchors.head_of_pdf(issued.pdf)
    assert head is not None
    anchored_seq, old_hash = head
    _rewrite(sqlite_engine, 2)
    forged_hash = _new_hash(sqlite_engine, anchored_seq)
    patched = issued.pdf.replace(old_hash.encode(), forged_hash.encode())
    assert anchors.head_of_pdf(patched) == (anchored_seq, forged_hash)
    number = issued.report.report_no
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE report SET pdf = :p"), {"p": patched})
        for seq, in conn.execute(text("SELECT seq FROM audit_anchor")).all():
            conn.execute(text("UPDATE audit_anchor SET hash = :h WHERE seq = :s"),
                         {"h": _new_hash(sqlite_engine, seq), "s": seq})
    code, _, err = _verify(capsys, sqlite_path)
    assert code == 2 and "REWRITTEN" in err
    assert f"the archived file of report {number} is not the one issued" in err
    assert "keyed anchor 1 differs from what event" in err  # the row against its event
    with sqlite_engine.begin() as conn:  # and the sha256 column patched to the new bytes
        conn.execute(text("UPDATE report SET sha256 = :h"),
                     {"h": hashlib.sha256(patched).hexdigest()})
    code, _, err = _verify(capsys, sqlite_path)
    assert code == 2 and f"report {number} in the archive differs from what event" in err
    code, _, err = _verify(capsys, sqlite_path, "--anchors", str(tmp_path / "no-such.jsonl"))
    assert code == 2 and "No anchor file" in err
    with unit_of_work(sqlite_engine, write=False) as session:
        assert not reports.verify(session, pdf=patched).issued

    _rewrite(sqlite_engine, 3, consistent=True)  # every anchor event agrees with the rewrite
    with sqlite_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_anchor"))
        conn.execute(text("DELETE FROM report"))
    code, _, err = _verify(capsys, sqlite_path)
    assert code == 2 and "anchor file audit-anchors.jsonl" in err


@pytest.mark.slow
def test_a_fresh_demo_verifies_as_anchored_and_names_its_anchor_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 24 acceptance: `riskdesk demo` makes the anchor key, a first anchor and the
    anchor file, so its fresh database verifies with exit 0 and the output names the file."""
    from riskdesk.demo.database import build_demo

    # A user of their own: an empty keyring (the file keyring lives in the data home) and the
    # default anchor file beside their data folder; the worker's keyring is left as it was.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    assert not anchors.has_key()
    db = tmp_path / "demo.sqlite"
    summary = build_demo(str(db), rows=300)
    _the_active_model_has_its_validation_report(db)
    path = anchor_file.default_path()
    assert f"in {path}" in summary and "sealed with anchor key" in summary
    code, out, err = _verify(capsys, db)
    assert code == 0, err
    # two: the bundled model's validation report is anchored when issued (issue 31), then the
    # finished demo
    assert str(tmp_path) in str(path) and f"anchor file {path}: 2 anchor(s) of this database" in out
    assert anchors.has_key()


def test_the_administrator_chooses_the_anchor_folder_in_settings(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    """File > Settings saves the anchor folder (admin only, audited); "" is the default."""
    from riskdesk.services.admin.backend import demo_backend
    from riskdesk.services.admin.workstation import save_settings, settings_view

    for name in ("officer", "admin"):
        backend = demo_backend(sqlite_engine, sqlite_actors[name])
        shown = backend.read(settings_view)
        assert shown.anchor_default == str(anchor_file.default_path())
        backend.write(save_settings, idle_minutes=shown.idle_minutes,
                      backup_keep=shown.backup_keep, backup_folder=shown.backup_folder,
                      decide_days=shown.decide_days, anchor_folder=str(tmp_path / name))
    with unit_of_work(sqlite_engine, write=False) as session:
        assert anchor_file.configured_path(session) == tmp_path / "admin" / anchor_file.FILE_NAME
        changed = session.scalars(select(AuditEvent.entity_id).where(
            AuditEvent.action == "setting.change")).all()
    assert changed == [anchor_file.FOLDER_SETTING]
    with pytest.raises(InvalidInput, match="absolute"), unit_of_work(sqlite_engine) as session:
        anchor_file.set_folder(session, sqlite_actors["admin"], folder="relative/share")


def test_verify_with_the_reports_database_identity_refuses_other_databases_anchors(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        share: Path, keyed: Callable[[bool], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 24 review: verify took the database's identity from the database itself, so a
    database that renamed itself (or an anchor file of other databases) left it at exit 1.
    `--database ID`, the identity the monthly report prints: a file holding only other
    databases' anchors, or a database naming itself otherwise, is exit 2."""
    _anchor(sqlite_engine, sqlite_actors["auditor"])
    with unit_of_work(sqlite_engine, write=False) as session:
        database = anchor_file.database_id(session)
    assert database is not None
    code, out, err = _verify(capsys, sqlite_path, "--database", database)
    assert code == 0, err
    other = share.parent / "another-database.jsonl"
    anchor_file.append_record(other, {"kind": "anchor", "seq": 1, "hash": "0" * 64,
                                      "at": "x", "mac": None, "database": "another"})
    code, out, err = _verify(capsys, sqlite_path, "--anchors", str(other))
    assert code == 1  # the database's own word: nothing vouches, nothing contradicts
    code, out, err = _verify(capsys, sqlite_path, "--anchors", str(other), "--database",
                             database)
    assert code == 2 and f"holds no anchor of database {database}" in err, out + err
    code, out, err = _verify(capsys, sqlite_path, "--database", "f" * 32)
    assert code == 2 and f"names itself {database}, not {'f' * 32}" in err, out + err


def test_the_pinned_administrator_key_is_sealed_with_the_anchor_key(
        sqlite_engine: Engine, keyed: Callable[[bool], None]) -> None:
    """Issue 24 review: the admin-key record in the anchor file carried no seal, so whoever
    could append to the file could pin a key of their own. With the anchor key on the
    workstation it is sealed, a pin whose seal does not hold fails the root's registration,
    and an unsealed pin beside a sealed one pins nothing."""
    from riskdesk.security import signing
    from riskdesk.services.admin import users
    from riskdesk.services.audit.signatures import verify_signatures
    from tests.conftest import PASSWORD

    keyed(True)
    with unit_of_work(sqlite_engine) as session:
        users.create_user(session, None, username="root", password=PASSWORD, roles=["admin"])
    with unit_of_work(sqlite_engine) as session:
        root = users.sign_in(session, username="root", password=PASSWORD, channel="test")
    assert root is not None and root.signer is not None
    with unit_of_work(sqlite_engine, write=False) as session:
        database = anchor_file.database_id(session)
        path = anchor_file.configured_path(session)
    (pin,) = [r for r in anchor_file.read_records(path)
              if r["kind"] == "admin-key" and r["database"] == database]
    assert pin["key_id"] == FAKE_KEY[0] and isinstance(pin["mac"], str)
    intruder = {**pin, "public_key": signing.new_signer().public_key}  # seal copied

    def check(records: list[dict[str, object]]) -> tuple[bool | None, list[str]]:
        with unit_of_work(sqlite_engine, write=False) as session:
            result = verify_signatures(session, anchor_records=records, database=database)
        return result.root_pinned, [f.reason for f in result.failures]

    assert check([pin]) == (True, [])
    pinned, failures = check([intruder])
    assert failures and "forged seal" in failures[0]
    unsealed = {k: v for k, v in intruder.items() if k not in ("mac", "key_id")}
    pinned, failures = check([pin, unsealed])
    assert (pinned, failures) == (True, [])
    pinned, failures = check([unsealed])  # alone, an unsealed pin is compared as before
    assert failures and "not the one the anchor file pins" in failures[0]


def test_a_record_that_cannot_be_written_does_not_keep_the_others_from_the_file(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    """Issue 24 review: when one pending record failed, the ones after it were dropped
    without a word. Each is tried; the error names every record not written."""
    from riskdesk.errors import ConfigurationError

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the anchor folder should be", encoding="utf-8")
    good = tmp_path / "share" / "anchors.jsonl"
    records = [(blocked / "a.jsonl", {"kind": "anchor", "seq": 1}),
               (good, {"kind": "anchor", "seq": 2}),
               (blocked / "b.jsonl", {"kind": "admin-key", "user": "admin"})]
    with pytest.raises(ConfigurationError) as failed:
        with unit_of_work(sqlite_engine) as session:
            for path, record in records:
                anchor_file.append_after_commit(session, path=path, record=record)
    assert [r["seq"] for r in anchor_file.read_records(good)] == [2]
    message = str(failed.value)
    assert "2 anchor file record(s)" in message
    assert "anchor record to" in message and "admin-key record to" in message


def _the_active_model_has_its_validation_report(db: Path) -> None:
    """Issue 31: the demo's bundled model was proposed by the admin, validated by compliance
    and approved on that archived report (its hash on the model and on the signed event)."""
    from riskdesk.domain.reports import Report
    from riskdesk.services.credit import registry
    from riskdesk.storage.engine import make_engine

    engine = make_engine(str(db))
    with unit_of_work(engine, write=False) as session:
        mv = registry.active(session)
        assert mv is not None and (mv.proposed_by, mv.approved_by) == ("admin", "compliance")
        report = session.get(Report, mv.validation_report_id)
        assert report is not None and report.kind == "validation"
        assert report.sha256 == mv.validation_sha256 and mv.validation_findings
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "model.approve")).one()
        assert event.signature and mv.validation_sha256 in (event.after or "")
    engine.dispose()
