"""The offline audit pack (issue 11): export a month of the demo database, open it read-only,
add findings, bring them back; a pack with one byte changed is refused; no plain personal data
unless exported unmasked."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from riskdesk.demo.frame import demo_frame
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.audit import findings
from riskdesk.services.audit import packs as audit_pack
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import AUDIT_DEMO_ROWS, run_cli, signed_in


def test_one_changed_byte_is_refused_by_verify_and_by_import(
        audit_demo: tuple[Path, str], tmp_path: Path) -> None:
    db, month = audit_demo
    engine = make_engine(str(db))
    info = audit_pack.export_pack(engine, signed_in(engine, "auditor"), out=tmp_path / "p.rdpack",
                                  month=month)
    findings.add_in_pack(info.path, "auditor", findings.Draft("low", "a note", month=month))
    con = sqlite3.connect(info.path)  # one byte of one sealed value changes
    row = con.execute("SELECT id, reason FROM review_case LIMIT 1").fetchone()
    con.execute("UPDATE review_case SET reason = ? WHERE id = ?", ((row[1] or "") + "x",
                                                                  row[0]))
    con.commit()
    con.close()
    verdict = audit_pack.verify_pack(info.path)
    assert not verdict.ok and "changed after it was sealed" in verdict.problems[0]
    cli = run_cli("audit", "verify", str(info.path))
    assert cli.returncode == 2 and "REFUSED" in cli.stderr
    with pytest.raises(InvalidInput, match="refused"), unit_of_work(engine) as s:
        findings.import_findings(s, signed_in(engine, "compliance"), pack=info.path)
    raw = bytearray(info.path.read_bytes())  # a flipped byte in the file itself
    raw[len(raw) // 2] ^= 0xFF
    flipped = tmp_path / "flipped.rdpack"
    flipped.write_bytes(bytes(raw))
    assert not audit_pack.verify_pack(flipped).ok
    engine.dispose()


def test_no_plain_personal_data_unless_exported_unmasked(
        audit_demo: tuple[Path, str], tmp_path: Path) -> None:
    db, month = audit_demo
    engine = make_engine(str(db))
    secrets = {v for c in ("id_no", "phone", "card_no") for v in demo_frame(AUDIT_DEMO_ROWS)[c] if v}
    masked = audit_pack.export_pack(engine, signed_in(engine, "auditor"), out=tmp_path / "m.rdpack",
                                    month=month)
    body = masked.path.read_bytes()
    assert not [v for v in secrets if v.encode() in body]
    with pytest.raises(PermissionDenied):  # an auditor may not take it unmasked
        audit_pack.export_pack(engine, signed_in(engine, "auditor"), out=tmp_path / "u.rdpack",
                               month=month, unmasked=True)
    plain = audit_pack.export_pack(engine, signed_in(engine, "compliance"),
                                   out=tmp_path / "u.rdpack",
                                   month=month, unmasked=True)
    assert [v for v in secrets if v.encode() in plain.path.read_bytes()]
    with engine.connect() as conn:
        logged = conn.execute(text("SELECT after FROM audit_event WHERE action = "
                                   "'audit.export' ORDER BY seq DESC LIMIT 1")).scalar_one()
    assert '"unmasked":true' in logged
    engine.dispose()




