"""Evidence files on cases and complaints (issue 27, item 3): the type from the content, stored
encrypted in pieces, audited with the SHA-256, never deleted, only superseded."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlmodel import col

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.evidence import CHUNK_BYTES, EvidenceChunk, EvidenceFile
from riskdesk.errors import InvalidInput, KeyUnavailable, PermissionDenied
from riskdesk.security.filetypes import MAX_BYTES, detect
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import evidence
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import handling as complaints
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import (
    compound_file,
    evidence_pdf,
    evidence_png,
    office_zip,
    run_cli,
)

ELF = b"\x7fELF\x02\x01\x01" + bytes(200)
PE = b"MZ\x90\x00" + bytes(60) + b"PE\0\0" + bytes(200)
CONTENT_TYPES = b"<?xml version='1.0'?><Types/>"


def test_the_type_comes_from_the_content_not_the_name() -> None:
    """Issue 27: PDF, PNG, JPEG, xlsx/docx and legacy xls/doc are recognised whatever they are
    called; programs, scripts, archives, macros and other kinds are refused, saying what the
    file is."""
    import io

    import openpyxl

    book = io.BytesIO()
    openpyxl.Workbook().save(book)
    accepted = {
        "pdf": evidence_pdf("hello"), "png": evidence_png(), "jpeg": b"\xff\xd8\xff\xe0" + bytes(40),
        "xlsx": book.getvalue(),
        "docx": office_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w/>"}),
        "doc": compound_file(["WordDocument", "1Table"]),
        "xls": compound_file(["Workbook"]),
    }
    for kind, data in accepted.items():
        assert detect(data, "statement.txt").kind == kind  # the name says nothing
    refused = {
        "a Windows program": PE, "a Linux program": ELF,
        "a macOS program": b"\xcf\xfa\xed\xfe" + bytes(100),
        "a script": b"#!/bin/sh\nrm -rf /\n",
        "a zip archive": office_zip({"payslip.pdf": evidence_pdf("x")}),
        "a gzip archive": b"\x1f\x8b\x08" + bytes(20), "a RAR archive": b"Rar!\x1a\x07\x01\x00",
        "a 7-Zip archive": b"7z\xbc\xaf\x27\x1c" + bytes(20),
        "a tar archive": bytes(257) + b"ustar\x0000" + bytes(300),
        "with macros": office_zip({"[Content_Types].xml": CONTENT_TYPES,
                                   "word/document.xml": b"<w/>",
                                   "word/vbaProject.bin": b"\0" * 10}),
        "neither Word nor Excel": compound_file(["!_StringData", "SummaryInformation"]),
        "is not a PDF": b"just some text\n",
        "is empty": b"",
    }
    for why, data in refused.items():
        with pytest.raises(InvalidInput, match=why):
            detect(data, "payslip.pdf")
    with pytest.raises(InvalidInput, match="at most 20 MB"):
        detect(b"%PDF-1.4" + bytes(MAX_BYTES), "big.pdf")
    # a legacy Word file with a macro project is refused too
    with pytest.raises(InvalidInput, match="macros"):
        detect(compound_file(["WordDocument", "Macros"]), "x.doc")


def _pdf_of(n_bytes: int, marker: str) -> bytes:
    """A PDF of about ``n_bytes``: a page with ``marker``, padded with random bytes in a
    comment (PDF readers skip comments)."""
    head = evidence_pdf(marker)
    return head + b"%" + os.urandom(max(n_bytes - len(head) - 1, 0)).replace(b"\n", b" ")


def test_storage_round_trip_on_each_database(engine: Engine, actors: dict[str, Actor],
                                             scored: tuple[int, int]) -> None:
    """Issue 27: a file comes back byte for byte and hash for hash on SQLite, PostgreSQL and
    MariaDB, a ~20 MB one too (in 4 MiB pieces: no row over MariaDB's default 16 MB packet);
    the audit event records its SHA-256."""
    _, case_id = scored
    officer = actors["officer"]
    big_size = MAX_BYTES - 4096 if engine.url.get_backend_name() != "sqlite" else 3_000_000
    small, big = evidence_png(), _pdf_of(big_size, "evidence-big")
    with unit_of_work(engine) as s:
        a = evidence.attach(s, officer, case_id=case_id, name="C:\\scan\\photo.png", data=small,
                            note="ID card photo")
        b = evidence.attach(s, officer, case_id=case_id, name="bank-statement.pdf", data=big)
    assert (a.name, a.kind, a.size) == ("photo.png", "png", len(small))
    assert b.kind == "pdf" and b.sha256 == hashlib.sha256(big).hexdigest()
    with unit_of_work(engine) as s:
        got = evidence.open_file(s, officer, file_id=b.id)
        assert got.data == big
        assert evidence.open_file(s, officer, file_id=a.id).data == small
        pieces = s.scalars(select(EvidenceChunk).where(
            col(EvidenceChunk.file_id) == b.id)).all()
        assert len(pieces) == -(-(len(big) + 28) // CHUNK_BYTES) >= (
            2 if big_size > CHUNK_BYTES else 1)
        assert max(len(p.data) for p in pieces) <= CHUNK_BYTES
        listed = evidence.attachments(s, officer, case_id=case_id)
        events = [json.loads(e.after) for e in s.scalars(select(AuditEvent).where(
            col(AuditEvent.action) == "evidence.attach",
            col(AuditEvent.entity_id) == str(case_id)))]
        assert audit.verify(s).ok
    assert [r.id for r in listed] == [a.id, b.id]
    assert {e["sha256"] for e in events} == {a.sha256, b.sha256}
    assert big not in b"".join(p.data for p in pieces)


def _runs_in(data: bytes, blob: bytes, before: bytes = b"") -> float:
    """The share of ``data``'s 32-byte runs (at every 32nd offset) found in ``blob``, leaving
    out runs the database held ``before`` the file came (a ReportLab PDF shares its header and
    font objects with the reports the template database archives)."""
    runs = [data[i:i + 32] for i in range(0, len(data) - 32, 32)]
    return sum(r in blob and r not in before for r in runs) / len(runs)


def _case_and_app_no(engine: Engine, case_id: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT application_no FROM review_case WHERE id = :i"),
                                {"i": case_id}).scalar_one())


def test_cli_attach_leaves_no_plain_byte_in_the_database_wal_or_backup(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_scored: tuple[int, int],
        tmp_path: Path) -> None:
    """Issue 27 acceptance: `riskdesk cases attach` stores a file so that no byte sequence of
    it is readable in the database file, its WAL or a backup; `cases attachments` lists the
    full SHA-256; an executable renamed .pdf is refused (exit 2)."""
    _, case_id = sqlite_scored
    app_no = _case_and_app_no(sqlite_engine, case_id)
    marker = "MARKER-" + os.urandom(8).hex()
    pdf = _pdf_of(200_000, marker)
    doc = tmp_path / "wage-statement.pdf"
    doc.write_bytes(pdf)
    env = {"RISKDESK_PASSWORD": PASSWORD}
    sqlite_engine.dispose()
    before = sqlite_path.read_bytes()
    keep_open = sqlite3.connect(sqlite_path)  # the WAL stays until the last connection closes
    try:
        keep_open.execute("SELECT count(*) FROM review_case").fetchone()
        done = run_cli("cases", "attach", app_no, str(doc), "--note", "six months",
                       "--db", str(sqlite_path), "--user", "officer", env=env)
        assert done.returncode == 0, done.stderr
        wal = Path(f"{sqlite_path}-wal")
        assert wal.exists() and wal.stat().st_size > len(pdf)  # the file went through the WAL
        stored = [sqlite_path.read_bytes(), wal.read_bytes()]
    finally:
        keep_open.close()
    out = tmp_path / "backup.sqlite"
    made = run_cli("db", "backup", "--out", str(out), "--db", str(sqlite_path), env=env)
    assert made.returncode == 0, made.stderr
    stored += [out.read_bytes(), sqlite_path.read_bytes()]
    digest = hashlib.sha256(pdf).hexdigest()
    for blob in stored[1:]:  # the WAL, then the backup and the file after the checkpoint
        assert digest.encode() in blob  # the row and the audit event hold the hash
    for blob in stored:
        assert marker.encode() not in blob
        # no 32-byte run of the file anywhere (the PDF's own text and the padding alike)
        assert _runs_in(pdf, blob, before) == 0

    listed = run_cli("cases", "attachments", app_no, "--db", str(sqlite_path), "--user",
                     "auditor", env=env)
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.splitlines()
    fields = line.split("\t")
    assert fields[1:5] == ["wage-statement.pdf", "pdf", f"{len(pdf)} bytes", digest]
    assert fields[5] == "officer" and fields[6].endswith("UTC")
    assert len(fields[4]) == 64

    program = tmp_path / "payslip.pdf"
    program.write_bytes(PE)
    refused = run_cli("cases", "attach", "--case", str(case_id), str(program),
                      "--db", str(sqlite_path), "--user", "officer", env=env)
    assert refused.returncode == 2
    assert "payslip.pdf is a Windows program (PE)" in refused.stderr
    again = run_cli("cases", "attachments", "--case", str(case_id), "--db", str(sqlite_path),
                    "--user", "officer", env=env)
    assert len(again.stdout.splitlines()) == 1  # nothing stored for the refused file


def test_an_auditor_cannot_attach(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                                  sqlite_scored: tuple[int, int]) -> None:
    """Issue 27: auditors read cases but may not attach to them (nor to complaints)."""
    _, case_id = sqlite_scored
    with unit_of_work(sqlite_engine) as s:
        complaint = complaints.register(s, sqlite_actors["compliance"], channel="app",
                                        category="other", complainant_name="李四",
                                        description="d")
    for owner in ({"case_id": case_id}, {"complaint_id": complaint.id}):
        with pytest.raises(PermissionDenied, match="attach evidence files"), \
                unit_of_work(sqlite_engine) as s:
            evidence.attach(s, sqlite_actors["auditor"], name="x.pdf", data=evidence_pdf("x"),
                            **owner)
    with unit_of_work(sqlite_engine) as s:  # the complaint handler may
        evidence.attach(s, sqlite_actors["compliance"], complaint_id=complaint.id,
                        name="letter.pdf", data=evidence_pdf("letter"))
    with unit_of_work(sqlite_engine, write=False) as s:
        assert s.scalar(select(EvidenceFile.id).where(
            col(EvidenceFile.case_id) == case_id)) is None
        assert len(evidence.attachments(s, sqlite_actors["auditor"],
                                        complaint_id=complaint.id)) == 1
        with pytest.raises(PermissionDenied):  # the bytes are personal data
            evidence.open_file(s, sqlite_actors["auditor"], file_id=1)


def test_a_new_version_supersedes_and_both_are_kept(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Issue 27: never deleted, only superseded: both versions stay listed and readable, a
    superseded file cannot be superseded twice, a file of another case cannot be named."""
    override, case_id = sqlite_scored
    officer, senior = sqlite_actors["officer"], sqlite_actors["senior"]
    v1_bytes, v2_bytes = evidence_pdf("version one"), evidence_pdf("version two")
    with unit_of_work(sqlite_engine) as s:
        v1 = evidence.attach(s, officer, case_id=case_id, name="bureau.pdf", data=v1_bytes)
    with unit_of_work(sqlite_engine) as s:
        v2 = evidence.attach(s, senior, case_id=case_id, name="bureau.pdf", data=v2_bytes,
                             supersedes=v1.id, note="corrected report")
    with pytest.raises(InvalidInput, match="already superseded"), \
            unit_of_work(sqlite_engine) as s:
        evidence.attach(s, officer, case_id=case_id, name="b.pdf", data=v2_bytes,
                        supersedes=v1.id)
    with pytest.raises(InvalidInput, match="not on this case"), \
            unit_of_work(sqlite_engine) as s:
        evidence.attach(s, officer, case_id=override, name="b.pdf", data=v2_bytes,
                        supersedes=v2.id)
    with unit_of_work(sqlite_engine) as s:
        rows = evidence.attachments(s, officer, case_id=case_id)
        assert [(r.id, r.supersedes_id, r.superseded_by_id) for r in rows] == [
            (v1.id, None, v2.id), (v2.id, v1.id, None)]
        assert evidence.open_file(s, officer, file_id=v1.id).data == v1_bytes
        assert evidence.open_file(s, officer, file_id=v2.id).data == v2_bytes
    assert not any(n.startswith(("delete", "remove")) for n in dir(evidence))


def test_a_ciphertext_moved_to_another_file_does_not_decrypt(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """The file's id, case and hash are bound into the AES-GCM ciphertext: pieces copied over
    another file's are refused, not shown as that file; each file has its own nonce."""
    override, case_id = sqlite_scored
    officer = sqlite_actors["officer"]
    same = evidence_pdf("same bytes")
    with unit_of_work(sqlite_engine) as s:
        a = evidence.attach(s, officer, case_id=case_id, name="a.pdf", data=same)
        b = evidence.attach(s, officer, case_id=override, name="b.pdf", data=same)
    with sqlite_engine.begin() as conn:
        blobs = dict(conn.execute(text("SELECT file_id, data FROM evidence_chunk")).all())
        assert blobs[a.id][:12] != blobs[b.id][:12] and blobs[a.id] != blobs[b.id]
        conn.execute(text("UPDATE evidence_chunk SET data = :d WHERE file_id = :f"),
                     {"d": blobs[a.id], "f": b.id})
    with pytest.raises(KeyUnavailable), unit_of_work(sqlite_engine) as s:
        evidence.open_file(s, officer, file_id=b.id)


def test_only_open_cases_take_files_and_personal_data_in_names_is_masked(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Attaching is not deciding: a decided case takes no more files. A name or note with an
    ID number or phone keeps it masked, like any free text (issue 25)."""
    _, case_id = sqlite_scored
    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        row = evidence.attach(s, officer, case_id=case_id, name="13812345678 payslip.pdf",
                              data=evidence_pdf("p"), note="phone 13812345678")
        assert "13812345678" not in row.name + row.note
        case = s.get(Case, case_id)
        assert case is not None
        cases.claim(s, officer, case_id=case_id, version=case.version)
        case = s.get(Case, case_id)
        assert case is not None
        cases.decide(s, officer, case_id=case_id, version=case.version, decision="decline",
                     reason="income not shown")
    with pytest.raises(InvalidInput, match="open cases only"), \
            unit_of_work(sqlite_engine) as s:
        evidence.attach(s, officer, case_id=case_id, name="late.pdf", data=evidence_pdf("l"))
    with unit_of_work(sqlite_engine, write=False) as s:
        after = s.scalars(select(AuditEvent.after).where(
            col(AuditEvent.action) == "evidence.attach")).all()
    assert after and not any("13812345678" in (a or "") for a in after)


def test_key_rotation_re_encrypts_evidence_files(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int]) -> None:
    """Issue 27: a data key rotation moves evidence files to the new key (new nonce, same
    file), which decrypts with the new key alone."""
    from riskdesk.services.audit.keys import rotate_key

    _, case_id = sqlite_scored
    officer = sqlite_actors["officer"]
    data = _pdf_of(CHUNK_BYTES + 1000, "rotated")  # two pieces
    with unit_of_work(sqlite_engine) as s:
        row = evidence.attach(s, officer, case_id=case_id, name="s.pdf", data=data)
        old_key = s.scalars(select(EvidenceFile.key_id)).one()
        before = [bytes(d) for d in s.scalars(select(EvidenceChunk.data))]
    done = rotate_key(sqlite_engine, sqlite_actors["admin"], batch=500)
    assert done.evidence_files == 1 and done.key_id != old_key
    with unit_of_work(sqlite_engine, write=False) as s:
        assert s.scalars(select(EvidenceFile.key_id)).one() == done.key_id
        after = [bytes(d) for d in s.scalars(select(EvidenceChunk.data))]
    assert len(after) == len(before) == 2 and after != before
    from riskdesk.security.datakey import DataCipher, _keyring_get

    aad = evidence._aad(_file(sqlite_engine, row.id))
    fresh = _keyring_get(done.key_id)
    assert fresh is not None
    assert DataCipher(done.key_id, fresh).decrypt_bytes(aad, b"".join(after)) == data
    with unit_of_work(sqlite_engine) as s:
        assert evidence.open_file(s, officer, file_id=row.id).data == data


def _file(engine: Engine, file_id: int) -> EvidenceFile:
    with unit_of_work(engine, write=False) as s:
        row = s.get(EvidenceFile, file_id)
        assert row is not None
        s.expunge(row)
        return row


def test_audit_packs_list_evidence_and_carry_it_only_unmasked(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 27: a masked pack lists a case's files by name, type and hash without their bytes
    (neither plain nor encrypted); an unmasked one carries them decrypted, and they open in
    the pack."""
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import packs
    from riskdesk.storage.engine import open_pack

    if audit_anchors._key() is None:
        audit_anchors.create_key()
    _, case_id = sqlite_scored
    app_no = _case_and_app_no(sqlite_engine, case_id)
    marker = "PACKED-" + os.urandom(6).hex()
    data = _pdf_of(50_000, marker)
    with unit_of_work(sqlite_engine) as s:
        row = evidence.attach(s, sqlite_actors["officer"], case_id=case_id, name="bureau.pdf",
                              data=data)
        blob = b"".join(bytes(d) for d in s.scalars(select(EvidenceChunk.data)))
    masked = packs.export_pack(sqlite_engine, sqlite_actors["auditor"], out=tmp_path / "m",
                               case_refs=[app_no])
    plain = packs.export_pack(sqlite_engine, sqlite_actors["compliance"], out=tmp_path / "u",
                              case_refs=[app_no], unmasked=True)
    auditor = Actor(None, "auditor", frozenset({"auditor"}))
    for info, carried in ((masked, False), (plain, True)):
        body = info.path.read_bytes()
        found = _runs_in(data, body)  # the rows span pages: look for the file's 32-byte runs
        assert (found > 0.9) if carried else (found == 0 and marker.encode() not in body)
        assert blob[40:200] not in body  # never the ciphertext: no key travels with a pack
        assert packs.verify_pack(info.path).ok
        engine = open_pack(info.path)
        try:
            with unit_of_work(engine, write=False) as s:
                [listed] = evidence.attachments(s, auditor, case_id=case_id)
                assert (listed.name, listed.kind, listed.sha256, listed.carried) == (
                    "bureau.pdf", "pdf", row.sha256, carried)
                if carried:
                    assert evidence.open_file(s, auditor, file_id=row.id).data == data
                else:
                    with pytest.raises(Exception, match="not in this audit pack"):
                        evidence.open_file(s, auditor, file_id=row.id)
        finally:
            engine.dispose()


def test_the_case_report_lists_the_files_with_their_hashes(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 27: the case audit report lists each evidence file (superseded ones too) with the
    full SHA-256 of its bytes."""
    from riskdesk.services.reporting import archive as reports
    from tests.helpers import pdftotext

    _, case_id = sqlite_scored
    app_no = _case_and_app_no(sqlite_engine, case_id)
    officer = sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:
        v1 = evidence.attach(s, officer, case_id=case_id, name="payslip.png",
                             data=evidence_png())
        v2 = evidence.attach(s, officer, case_id=case_id, name="payslip.png",
                             data=evidence_png(50, 20), supersedes=v1.id)
    issued = reports.case_report(sqlite_engine, officer, application_no=app_no, language="en")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(issued.pdf)
    body = pdftotext(pdf)
    assert "Evidence files" in body
    for row in (v1, v2):
        assert row.sha256[:32] in body and row.sha256[32:] in body
    assert f"superseded by #{v2.id}" in body and f"supersedes #{v1.id}" in body


def test_cli_names_a_case_without_application_by_id_and_refuses_an_auditor(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """Issue 27: `--case ID` for a case without an application (a ring case here); an
    auditor's attach is refused (nothing stored); an unknown application number says so."""
    from datetime import timedelta

    from riskdesk.services.cases.opening import open_case
    from riskdesk.storage.clock import utcnow

    with unit_of_work(sqlite_engine) as s:
        ring = open_case(s, sqlite_actors["senior"], kind="fraud", priority=1,
                         due_at=utcnow(s) + timedelta(days=2)).id
    sqlite_engine.dispose()
    photo = tmp_path / "device-photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(5000))
    env = {"RISKDESK_PASSWORD": PASSWORD}
    base = ("--db", str(sqlite_path))
    done = run_cli("cases", "attach", "--case", str(ring), str(photo), *base,
                   "--user", "officer", env=env)
    assert done.returncode == 0, done.stderr
    refused = run_cli("cases", "attach", "--case", str(ring), str(photo), *base,
                      "--user", "auditor", env=env)
    assert refused.returncode == 1 and "may not attach evidence files to cases" in \
        refused.stderr
    unknown = run_cli("cases", "attachments", "NO-SUCH-APP", *base, "--user", "officer",
                      env=env)
    assert unknown.returncode != 0 and "NO-SUCH-APP has no case" in unknown.stderr
    listed = run_cli("cases", "attachments", "--case", str(ring), *base, "--user", "officer",
                     env=env)
    [line] = listed.stdout.splitlines()
    assert line.split("\t")[1:5] == [
        "device-photo.jpg", "jpeg", f"{photo.stat().st_size} bytes",
        hashlib.sha256(photo.read_bytes()).hexdigest()]
