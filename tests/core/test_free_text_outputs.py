"""Acceptance of issue 25: after a note, a decision reason and a complaint reply that hold an
ID number and a phone, `strings` over the SQLite database, its WAL, a `riskdesk db backup`, a
masked audit pack, the log and the PDFs (and the PDFs' text) finds neither value."""
from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine

from riskdesk.domain.identity import check_char
from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import handling
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import local_month_utc, pdftotext, run_cli, scored_cases

ID17 = "51010719790423481"
ID_NO = ID17 + check_char(ID17)
PHONE = "13812345678"
TYPED = f"客户提供身份证 {ID_NO}，手机 {PHONE}，已回访核实"


def strings(path: Path) -> str:
    """What binutils' strings finds in the file (ASCII runs of 6 or more)."""
    return subprocess.run(["strings", "-a", "-n", "6", str(path)], check=True,
                          capture_output=True, text=True, errors="replace").stdout


def test_typed_id_number_and_phone_reach_no_output(sqlite_engine: Engine,
                                                    sqlite_actors: dict[str, Actor],
                                                    sqlite_path: Path, tmp_path: Path) -> None:
    """issue 25: the database, its WAL, a backup, a masked audit pack, the log, the PDFs."""
    from riskdesk import logs
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import packs as audit_pack

    log = logs.setup()
    engine = sqlite_engine
    _, alone = scored_cases(engine, sqlite_actors)
    officer, compliance = sqlite_actors["officer"], sqlite_actors["compliance"]
    holder = sqlite3.connect(sqlite_path)  # an open connection keeps the WAL as it is
    holder.execute("PRAGMA wal_autocheckpoint=0")
    with unit_of_work(engine) as s:
        case = cases.claim(s, officer, case_id=alone,
                           version=cases.get_case(s, case_id=alone).version)
        app_no, application_id = case.application_no, case.application_id
    with unit_of_work(engine) as s:
        cases.save_draft(s, officer, case_id=alone, kind="identity", outcome="verified", text=TYPED)
    with unit_of_work(engine) as s:
        cases.add_note(s, officer, case_id=alone, kind="identity", outcome="verified", text=TYPED)
        cases.save_draft(s, officer, case_id=alone, kind="phone", outcome="verified", text=TYPED)
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=alone)
        cases.decide(s, officer, case_id=alone, version=c.version, decision="decline", reason=TYPED)
    with unit_of_work(engine) as s:
        complaint = handling.register(s, officer, channel="phone", category="service_quality",
                                      description=TYPED, application_id=application_id)
        cid = complaint.id or 0
    with unit_of_work(engine) as s:
        c2 = handling.investigate(s, officer, complaint_id=cid, version=1)
        reply = handling.response_template("zh").format(number=c2.number).replace(
            "\n\n\n", f"\n{TYPED}\n")
        handling.respond(s, officer, complaint_id=cid, version=c2.version, response=reply)
    pdfs = []
    for who in ("officer", "auditor", "compliance"):  # masked by default, for every role
        issued = reports.case_report(engine, sqlite_actors[who], application_no=app_no,
                                     language="en")
        pdfs.append(tmp_path / f"case-{who}.pdf")
        pdfs[-1].write_bytes(issued.pdf)
    with unit_of_work(engine, write=False) as s:
        month = local_month_utc(utcnow(s))[0]
    monthly = reports.monthly_report(engine, compliance, month=month, language="en")
    pdfs.append(tmp_path / "monthly.pdf")
    pdfs[-1].write_bytes(monthly.pdf)
    if audit_anchors._key() is None:
        audit_anchors.create_key()
    pack = audit_pack.export_pack(engine, sqlite_actors["auditor"], out=tmp_path / "audit.rdpack",
                                  case_refs=[app_no])  # masked
    wal = Path(f"{sqlite_path}-wal")
    assert wal.exists() and wal.stat().st_size > 50_000
    backup = run_cli("db", "backup", "--out", str(tmp_path / "backup.sqlite"),
                     "--db", str(sqlite_path))
    assert backup.returncode == 0, backup.stderr
    outputs = [sqlite_path, wal, tmp_path / "backup.sqlite", pack.path, log, *pdfs]
    found = {}
    for path in outputs:
        text = strings(path) + (pdftotext(path) if path.suffix == ".pdf" else "")
        hits = [v for v in (ID_NO, PHONE) if v in text.replace(" ", "")]
        if hits:
            found[path.name] = hits
    holder.close()
    assert found == {}
    body = pdftotext(pdfs[0])
    assert "138****5678" in body.replace(" ", "")  # the note is there, masked
    from riskdesk.services.privacy.free_text import audit_text_warning

    with unit_of_work(engine, write=False) as s:  # no event written since holds any
        assert audit_text_warning(s) is None
