"""Personal data typed into free text is stored masked, the values kept encrypted beside it
(issue 25): notes, drafts, decision and check reasons, complaint descriptions and replies,
finding follow-ups; the audit events carry only the masked text; a migration cleans rows
written before, audited with counts only; `audit verify` names old events once."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import Connection, Engine, select
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case, InvestigationNote, NoteDraft
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.identity import check_char
from riskdesk.domain.text_pii import TextPii
from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.opening import open_case
from riskdesk.services.complaints import handling
from riskdesk.services.privacy import free_text
from riskdesk.storage import migrate
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

ID17 = "32010219850615331"
ID_NO = ID17 + check_char(ID17)
PHONE = "13812345678"
TYPED = f"申请人本人身份证 {ID_NO}，手机 138-1234-5678，已电话核实"
MASKED = f"申请人本人身份证 {ID_NO[:6]}********{ID_NO[-4:]}，手机 138****5678，已电话核实"
REPLY = ("您好，已核实您的身份证 " + ID_NO + " 与手机 " + PHONE + "。如不满意可申请上级复核、"
         "调解、仲裁或诉讼。")


def _bare_case(engine: Engine, actor: Actor) -> int:
    with unit_of_work(engine) as s:
        case = open_case(s, actor, kind="fraud", priority=2,
                         due_at=utcnow(s) + timedelta(days=3))
        return case.id or 0


def _plain_anywhere(engine: Engine) -> list[str]:
    """Every stored text column that holds the ID number or the phone in plain."""
    hits = []
    with engine.connect() as conn:
        for table, column in [("investigation_note", "text"), ("note_draft", "text"),
                              ("review_case", "reason"), ("complaint", "description"),
                              ("complaint", "response"), ("audit_event", "canonical"),
                              ("audit_event", "after"), ("audit_event", "before")]:
            for (value,) in conn.execute(select(sa_column(column)).select_from(
                    sa_table(table))):
                if value and (ID_NO in value or PHONE in value):
                    hits.append(f"{table}.{column}")
    return hits


def _kept(engine: Engine, actor: Actor, entity: str, entity_id: object, field: str,
          ) -> list[tuple[str, str]]:
    with unit_of_work(engine) as s:
        return free_text.kept(s, actor, entity=entity, entity_id=str(entity_id), field=field)


def test_notes_drafts_and_reasons_are_stored_masked_with_the_values_encrypted(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """issue 25, item 1: a note, a draft, a decision reason and a check's reason."""
    officer, senior = actors["officer"], actors["officer"]
    case_id = _bare_case(engine, actors["senior"])
    with unit_of_work(engine) as s:
        cases.save_draft(s, officer, case_id=case_id, kind="identity", outcome="verified",
                         text=TYPED)
    with unit_of_work(engine) as s:
        draft = s.get(NoteDraft, (case_id, officer.user_id))
        assert draft is not None and draft.text == MASKED
    with unit_of_work(engine) as s:
        note = cases.add_note(s, officer, case_id=case_id, kind="identity", outcome="verified",
                              text=TYPED)
        note_id = note.id
        assert s.get(NoteDraft, (case_id, officer.user_id)) is None
    with unit_of_work(engine) as s:
        version = cases.claim(s, officer, case_id=case_id, version=1).version
        decided = cases.decide(s, officer, case_id=case_id, version=version,
                               decision="request_info", reason=TYPED)
        assert decided.reason == MASKED
    with unit_of_work(engine, write=False) as s:
        stored = s.get(InvestigationNote, note_id)
        assert stored is not None and stored.text == MASKED
        assert s.scalars(select(TextPii).where(TextPii.entity == "note_draft")).all() == []
        kinds = s.scalars(select(TextPii.kind).where(
            TextPii.entity == "investigation_note").order_by(TextPii.position)).all()
        assert list(kinds) == ["id_number", "phone"]
        blobs = [bytes(b) for b in s.scalars(select(TextPii.value_enc))]
        assert blobs and not any(ID_NO.encode() in b or PHONE.encode() in b for b in blobs)
    assert _kept(engine, senior, "investigation_note", note_id, "text") == [
        (f"{ID_NO[:6]}********{ID_NO[-4:]}", ID_NO), ("138****5678", PHONE)]
    assert [v for _, v in _kept(engine, senior, "review_case", case_id, "reason")] == [
        ID_NO, PHONE]
    assert _plain_anywhere(engine) == []
    with unit_of_work(engine, write=False) as s:
        after = s.scalars(select(AuditEvent.after).where(AuditEvent.action == "case.decide")
                          ).one()
    assert "138****5678" in (after or "")


def test_check_reason_and_complaint_texts_are_masked(engine: Engine,
                                                     actors: dict[str, Actor]) -> None:
    """issue 25, item 1: a send-back reason, a complaint's description, reply, reasons."""
    officer = actors["officer"]
    with unit_of_work(engine) as s:
        c = handling.register(s, officer, channel="phone", category="service_quality",
                              description=TYPED, complainant_name="王小明")
        cid = c.id or 0
        assert c.description == MASKED
    with unit_of_work(engine) as s:
        c = handling.investigate(s, officer, complaint_id=cid, version=1)
        c = handling.extend(s, officer, complaint_id=cid, version=c.version, reason=TYPED,
                            complainant_told=True)
        c = handling.respond(s, officer, complaint_id=cid, version=c.version, response=REPLY)
        assert ID_NO not in c.response and PHONE not in c.response and "138****5678" in \
            c.response
        c = handling.reopen(s, officer, complaint_id=cid, version=c.version, reason=TYPED)
    with unit_of_work(engine, write=False) as s:
        row = s.get(Complaint, cid)
        assert row is not None and row.extension_reason == MASKED
    assert [v for _, v in _kept(engine, officer, "complaint", cid, "response")] == [
        ID_NO, PHONE]
    assert _plain_anywhere(engine) == []


def _insert(conn: Connection, name: str, **values: object) -> int:
    """A row as the old schema takes it: every NOT NULL column without a value gets a plain
    one of its type (the test only reads the free text)."""
    import datetime as dt

    from sqlalchemy import MetaData, Table

    table = Table(name, MetaData(), autoload_with=conn)
    row = dict(values)
    for c in table.columns:
        if c.name in row or c.nullable or c.primary_key:
            continue
        kind = c.type.python_type
        row[c.name] = {int: 1, bool: False, str: "x", bytes: b"x",
                       dt.datetime: dt.datetime(2026, 11, 2, 9, 0)}.get(kind, 0)
    done = conn.execute(table.insert().values(**row))
    return int(done.inserted_primary_key[0])


def test_the_migration_cleans_existing_rows_and_audits_counts_only(db_url: str) -> None:
    """issue 25, item 1: rows written before the scan existed are cleaned by migration 0010;
    the event says how many rows per table, and no value; verify names old events once."""
    from riskdesk.services.audit import trail as audit
    from riskdesk.storage.engine import make_engine

    old = make_engine(db_url)
    try:
        migrate.upgrade(old, "0009")
        with old.begin() as conn:  # as the old code wrote them
            user = _insert(conn, "app_user", username="officer", active=True)
            case_id = _insert(conn, "review_case", kind="fraud", status="in_review",
                              is_open=True, reason=TYPED, version=1)
            note_id = _insert(conn, "investigation_note", case_id=case_id, kind="phone",
                              outcome="verified", text=TYPED, author_id=user,
                              author="officer")
            cid = _insert(conn, "complaint", number="TS-202611-000001", channel="phone",
                          category="service_quality", complainant_name="王小明",
                          description=TYPED, response=REPLY, status="responded",
                          created_by_id=user, version=1)
            _insert(conn, "complaint", number="TS-202611-000002", channel="phone",
                    category="service_quality", complainant_name="王小明",
                    description="没有个人信息", status="received", created_by_id=user,
                    version=1)
        officer = Actor(user, "officer", frozenset({"officer"}))
        with unit_of_work(old) as s:  # and an audit event of the old code with the phone
            audit.append(s, officer, action="case.note", entity_type="case", entity_id=case_id,
                         after={"text": TYPED})
        migrate.upgrade(old)
        with unit_of_work(old, write=False) as s:
            note_row = s.get(InvestigationNote, note_id)
            case_row = s.get(Case, case_id)
            complaint = s.get(Complaint, cid)
            assert note_row is not None and note_row.text == MASKED
            assert case_row is not None and case_row.reason == MASKED
            assert complaint is not None and complaint.description == MASKED
            assert PHONE not in complaint.response and ID_NO not in complaint.response
            cleaned = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "text.pii_cleaned")).one()
            warning = free_text.audit_text_warning(s)
            assert migrate.current_revision(old) == migrate.head_revision()
        assert json.loads(cleaned.after or "{}") == {"rows": {
            "complaint": 1, "investigation_note": 1, "review_case": 1}}
        assert ID_NO not in cleaned.canonical and "138****" not in cleaned.canonical
        assert [v for _, v in _kept(old, officer, "complaint", cid, "description")] == [
            ID_NO, PHONE]
        assert [v for _, v in _kept(old, officer, "complaint", cid, "response")] == [
            ID_NO, PHONE]
        # the old event stays as it was written (the chain holds) and is named once
        with unit_of_work(old, write=False) as s:
            assert audit.verify(s).ok
        assert warning is not None
        assert warning.startswith(f"personal data in audit text before {cleaned.at:%Y-%m-%d}")
        assert "1 event(s)" in warning
    finally:
        old.dispose()


def test_a_finding_follow_up_is_stored_masked(engine: Engine,
                                              actors: dict[str, Actor]) -> None:
    """issue 25, item 1: finding texts: the follow-up note, and a finding brought back."""
    from riskdesk.domain.findings import Finding
    from riskdesk.services.audit import findings

    with unit_of_work(engine) as s:
        row = Finding(ref="pack:1", severity="medium", text="seen", auditor="auditor",
                      month="2026-11", found_at=utcnow(s))
        s.add(row)
        s.flush()
        finding_id = row.id or 0
    with unit_of_work(engine) as s:
        done = findings.follow_up(s, actors["compliance"], finding_id=finding_id, version=1,
                                  status="resolved",
                                  note=TYPED)
        assert done.follow_up == MASKED
    assert [v for _, v in _kept(engine, actors["compliance"], "audit_finding", finding_id,
                                "follow_up")] == [ID_NO, PHONE]
    assert _plain_anywhere(engine) == []


def test_key_rotation_re_encrypts_the_values_found_in_free_text(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """issue 25: the values kept beside free text move to the new data key like the rest."""
    from riskdesk.services.audit.keys import rotate_key

    officer = sqlite_actors["officer"]
    case_id = _bare_case(sqlite_engine, sqlite_actors["senior"])
    with unit_of_work(sqlite_engine) as s:
        note_id = cases.add_note(s, officer, case_id=case_id, kind="identity", outcome="verified",
                                 text=TYPED).id
        old = s.scalars(select(TextPii.key_id)).first()
    done = rotate_key(sqlite_engine, sqlite_actors["admin"], batch=1)
    assert done.free_text == 2 and done.key_id != old
    with unit_of_work(sqlite_engine, write=False) as s:
        assert set(s.scalars(select(TextPii.key_id))) == {done.key_id}
    assert [v for _, v in _kept(sqlite_engine, officer, "investigation_note", note_id,
                                "text")] == [ID_NO, PHONE]


def test_audit_verify_names_old_events_once_as_a_warning(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: object) -> None:
    """issue 25: an event written with personal data before the clean-up stays (the chain
    holds); `audit verify` prints one warning line and exits as it did without it."""
    from riskdesk.services.audit import trail as audit
    from tests.helpers import run_cli

    before = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert "personal data in audit text" not in before.stdout + before.stderr
    with unit_of_work(sqlite_engine) as s:  # as the old code wrote a note's text
        for _ in range(3):
            audit.append(s, sqlite_actors["officer"], action="case.note", entity_type="case",
                         entity_id=1,
                         after={"text": TYPED})
    after = run_cli("audit", "verify", "--db", str(sqlite_path))
    lines = [ln for ln in (after.stdout + after.stderr).splitlines()
             if "personal data in audit text before" in ln]
    assert len(lines) == 1 and "3 event(s)" in lines[0]
    assert ID_NO not in after.stdout + after.stderr and PHONE not in after.stdout
    assert after.returncode == before.returncode


def test_a_finding_typed_in_a_pack_is_masked_there_and_when_brought_back(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: object) -> None:
    """issue 25, item 1: a pack holds no data key, so what an auditor types there is masked
    at once; brought back, the finding's text and recommendation stay masked."""
    from pathlib import Path

    from riskdesk.domain.findings import Finding
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import findings
    from riskdesk.services.audit import packs as audit_pack

    case_id = _bare_case(sqlite_engine, sqlite_actors["senior"])
    if audit_anchors._key() is None:
        audit_anchors.create_key()
    pack = audit_pack.export_pack(sqlite_engine, sqlite_actors["auditor"],
                                  out=Path(str(tmp_path)) / "p.rdpack", case_refs=[str(case_id)])
    findings.add_in_pack(pack.path, "auditor", findings.Draft(
        "high", TYPED, recommendation=f"call {PHONE} back", case_id=case_id))
    [row] = findings.in_pack(pack.path)
    assert row["text"] == MASKED and row["recommendation"] == "call 138****5678 back"
    assert ID_NO.encode() not in pack.path.read_bytes() and PHONE.encode() not in \
        pack.path.read_bytes()
    with unit_of_work(sqlite_engine) as s:
        findings.import_findings(s, sqlite_actors["auditor"], pack=pack.path)
    with unit_of_work(sqlite_engine, write=False) as s:
        brought = s.scalars(select(Finding)).one()
    assert brought.text == MASKED and PHONE not in brought.recommendation


def test_reasons_and_notes_of_rules_lists_policies_and_partners_are_masked(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """issue 25, item 1 (review): the blacklist reason, rule and policy notes, the post-loan
    policy note and a partner's status reason are free text too: stored and audited masked,
    each value kept encrypted beside its row."""
    from riskdesk.domain.partners import Partner
    from riskdesk.services.credit import rulesets
    from riskdesk.services.partners import register as partners
    from riskdesk.services.postloan import policy
    from tests.helpers import register_partner

    compliance = actors["compliance"]
    partner_id = register_partner(engine, actors)
    with unit_of_work(engine) as s:
        entry = rulesets.add_blacklist(s, compliance, kind="device", value="dev-123", reason=TYPED)
        rs = rulesets.change_rule(s, compliance, code="COST_CEILING", note=TYPED)
        pv = rulesets.change_policy(s, compliance, review_sla_hours=30, note=TYPED)
        mp = policy.change(s, compliance, changes={}, note=TYPED)
        version = s.get(Partner, partner_id).version  # type: ignore[union-attr]
        partners.set_status(s, compliance, partner_id=partner_id, version=version,
                            status="suspended", reason=TYPED)
        stored = [entry.reason, rs.note, pv.note, mp.note,
                  s.get(Partner, partner_id).status_reason]  # type: ignore[union-attr]
        ids = [entry.id, rs.id, pv.id, mp.id, partner_id]
    assert stored == [MASKED] * 5
    for (entity, field), row_id in zip([("list_entry", "reason"), ("rule_set", "note"),
                                        ("policy_version", "note"),
                                        ("monitoring_policy", "note"),
                                        ("partner", "status_reason")], ids, strict=True):
        assert [v for _, v in _kept(engine, compliance, entity, row_id, field)] == \
            [ID_NO, PHONE], entity
    with engine.connect() as conn:
        texts = [str(v) for (v,) in conn.execute(select(sa_column("after")).select_from(
            sa_table("audit_event")))]
    assert not any(ID_NO in t or PHONE in t for t in texts)
    with unit_of_work(engine, write=False) as s:
        assert free_text.audit_text_warning(s) is None
