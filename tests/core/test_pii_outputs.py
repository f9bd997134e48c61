"""No plain personal data in anything riskdesk writes (issue 9): from the demo database, every
kind of output (the database and its WAL, a backup, a rejects file, queue exports in CSV and
Excel, the log, note drafts, an audit pack, archived reports with unmasked data) is searched
for every demo ID number, phone and card number, inside zipped containers too."""
from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

from sqlalchemy import select

from riskdesk.demo.database import build_demo
from riskdesk.demo.frame import DEMO_PASSWORD, demo_frame
from riskdesk.services.admin.users import sign_in
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.export import export_view
from riskdesk.services.cases.queue import CaseFilter
from riskdesk.services.intake.applications import import_file
from riskdesk.services.reporting import archive as reports
from riskdesk.storage import backup
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import write_csv

ROWS = 300


def readable(path: Path) -> bytes:
    """The file's bytes, and what its containers hold: zip members (xlsx)."""
    data = path.read_bytes()
    parts = [data]
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts += [z.read(name) for name in z.namelist()]
    return b"\n".join(parts)


def test_the_log_masks_what_looks_like_personal_data() -> None:
    from riskdesk.logs import scrub

    line = scrub("refused 110101199003071234 and 11010119900307123X, phone 13812345678, "
                 "card 6222020012345678901; run 20261124, batch 42")
    assert "199003071234" not in line and "1990030712" not in line
    assert "13812345678" not in line and "6222020012345678901" not in line
    assert "110101********1234" in line and "138****5678" in line
    assert "20261124" in line and "batch 42" in line  # dates and counts stay


def test_no_demo_id_phone_or_card_in_any_output(tmp_path: Path) -> None:
    from riskdesk import logs
    from tests.helpers import run_cli

    log = logs.setup()
    db = tmp_path / "demo.sqlite"
    build_demo(str(db), rows=ROWS)
    frame = demo_frame(ROWS)
    secrets = {v for col in ("id_no", "phone", "card_no") for v in frame[col] if v}
    assert len(secrets) > ROWS  # IDs, phones and most cards
    engine = make_engine(str(db))
    holder = sqlite3.connect(db)  # a connection kept open keeps the WAL file as it is
    holder.execute("PRAGMA wal_autocheckpoint=0")
    with unit_of_work(engine) as s:
        officer = sign_in(s, username="officer", password=DEMO_PASSWORD, channel="test")
    assert officer is not None
    outputs: list[Path] = []
    # a rejects file: the demo rows again, some broken, imported with --skip-invalid
    broken = frame.head(40).copy()
    broken["application_no"] = [f"RJ{i:04d}" for i in range(40)]
    broken.loc[broken.index[:10], "amount"] = "-1"
    rejects = tmp_path / "rejects.csv"
    import_file(engine, officer, path=write_csv(broken, tmp_path / "in.csv"), skip_invalid=True,
                rejects_path=rejects, score=False)
    outputs.append(rejects)
    for suffix in (".csv", ".xlsx"):  # queue exports
        out = tmp_path / f"queue{suffix}"
        export_view(engine, officer, f=CaseFilter(), path=out)
        outputs.append(out)
    with unit_of_work(engine, write=False) as s:
        from riskdesk.domain.cases import Case
        case_id = s.scalars(select(Case.id).where(Case.kind == "pre_loan")).first()
        assert case_id is not None
        app_no = cases.get_case(s, case_id=case_id).application_no
    with unit_of_work(engine) as s:  # a draft being typed
        cases.save_draft(s, officer, case_id=case_id, kind="phone", outcome="verified",
                         text="called the number on file; the applicant confirmed")
    issued = reports.case_report(engine, officer, application_no=app_no,
                                 language="en",  # asked to show the full ID
                                 include_personal=True)  # ... (issue 25)
    with engine.connect() as conn:  # ... so its archived copy is sealed with the data key
        stored = conn.exec_driver_sql(  # the demo's model validation report is there too
            f"SELECT pdf FROM report WHERE id = {int(issued.report.id or 0)}").scalar_one()
    assert bytes(stored).startswith(reports.SEALED) and bytes(stored) != issued.pdf
    with unit_of_work(engine, write=False) as s:
        assert reports.pdf_of(s, officer, report_id=issued.report.id or 0) == issued.pdf
    # the command line too: a refused import (problems name values) and a failed sign-in
    bad = frame.head(5).copy()
    bad["application_no"] = [f"BAD{i}" for i in range(5)]
    bad["amount"] = "lots"
    refused = run_cli("import", str(write_csv(bad, tmp_path / "bad.csv")), "--db", str(db),
                      "--user", "officer", env={"RISKDESK_PASSWORD": DEMO_PASSWORD})
    assert refused.returncode == 2
    run_cli("import", str(tmp_path / "bad.csv"), "--db", str(db), "--user", frame["phone"][0],
            env={"RISKDESK_PASSWORD": "wrong"})  # someone types a phone as the user name
    outputs.append(log)
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import packs as audit_pack
    if audit_anchors._key() is None:
        audit_anchors.create_key()
    with unit_of_work(engine) as s:
        auditor = sign_in(s, username="auditor", password=DEMO_PASSWORD, channel="test")
    assert auditor is not None
    pack = audit_pack.export_pack(engine, auditor, out=tmp_path / "audit.rdpack",
                                  case_refs=[app_no])  # an audit pack, masked
    outputs.append(pack.path)
    wal = Path(f"{db}-wal")
    assert wal.exists()
    outputs += [db, wal]  # while the engine is open: the WAL holds the latest pages
    saved = backup.backup(engine, tmp_path / "backup.sqlite")
    outputs.append(saved.path)
    bodies = {path: readable(path) for path in outputs}  # the WAL as it stands, now
    engine.dispose()
    holder.close()
    con = sqlite3.connect(saved.path)
    assert con.execute("SELECT count(*) FROM note_draft").fetchone()[0] == 1
    con.close()
    assert len(bodies[wal]) > 100_000  # the WAL really held the session's pages
    assert b"import bad.csv" in bodies[log] and b"sign-in refused" in bodies[log]
    for path, body in bodies.items():
        found = sorted(v for v in secrets if v.encode() in body)
        assert not found, f"{path.name} holds plain personal data: {found[:3]}"
