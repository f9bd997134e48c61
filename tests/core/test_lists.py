"""Managed blacklist and allowlist, and PARTNER_SUSPENDED (issue 30, items 3 and 4)."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select, text

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.rules import RuleHit
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.rules.evaluate import RuleInput, Setting, evaluate
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.credit import rulesets
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.lists import bulk, entries
from riskdesk.services.periods import local_day
from riskdesk.services.permissions import Action
from riskdesk.storage.clock import shifted, utcnow
from riskdesk.storage.session import unit_of_work
from tests.helpers import activate_default, register_partner, sample

SHARED = Setting("SHARED_DEVICE", "medium", True, {"min_applicants": 2, "days": 30})


def _hits(engine: Engine, code: str) -> set[str]:
    with unit_of_work(engine, write=False) as s:
        return set(s.scalars(select(Application.application_no)
                             .join(RuleHit, RuleHit.application_id == Application.id)
                             .where(RuleHit.code == code)))


def test_allowlisted_key_is_silenced_and_noted() -> None:
    """issue 30: a device on the allowlist shared by two applicants raises no SHARED_DEVICE
    hit; the silenced hit is noted with the entry that silenced it."""
    at = pd.Timestamp("2026-11-20 10:00")
    scope = pd.DataFrame({"id": [1, 2, 3, 4], "applicant_id": [11, 12, 13, 14],
                          "submitted_at": [at] * 4, "device_id": ["tab", "tab", "d2", "d2"],
                          "device_hash": ["h-tab", "h-tab", "h-d2", "h-d2"]})
    allow = pd.DataFrame({"id": [7], "kind": ["device"], "value_key": ["h-tab"]})
    data = RuleInput(scope, scope, allowlist=allow)
    hits = evaluate(data, {"SHARED_DEVICE": SHARED})
    assert sorted(hits["application_id"]) == [3, 4]
    noted = data.silenced_hits()
    assert sorted(noted["application_id"]) == [1, 2]
    assert set(noted["entry_id"]) == {7} and set(noted["code"]) == {"SHARED_DEVICE"}
    assert sorted(evaluate(RuleInput(scope, scope), {"SHARED_DEVICE": SHARED})
                  ["application_id"]) == [1, 2, 3, 4]


def test_lists_through_scoring(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                               tmp_path: Path) -> None:
    """issue 30 acceptance: blacklist removal needs two users (signed); an expired entry stops
    matching; an allowlisted device shared by two applicants raises no SHARED_DEVICE hit (and
    the silencing is in the audit trail); PARTNER_SUSPENDED flags an application through a
    suspended partner; a bulk load keeps no plain value in the database file."""
    engine, actors = sqlite_engine, sqlite_actors
    compliance, senior, officer = actors["compliance"], actors["senior"], actors["officer"]
    partner_id = register_partner(engine, actors, code="SUSP")
    frame = sample(12, seed=21, prefix="L")
    frame.loc[:5, "submitted_at"] = frame.at[0, "submitted_at"]
    frame.loc[[0, 1], "device_id"] = "family-tablet-1"  # allowlisted below
    frame.loc[[2, 3], "device_id"] = "shared-device-2"
    frame.loc[[4], "partner_code"] = "SUSP"
    frame.loc[8, "card_no"] = "6222020200998877665"
    activate_default(engine, actors)
    with unit_of_work(engine) as s:
        rulesets.change_rule(s, compliance, code="SHARED_DEVICE", params={"min_applicants": 2})
        from riskdesk.domain.partners import Partner
        partners_version = s.get(Partner, partner_id).version  # type: ignore[union-attr]
        from riskdesk.services.partners import register as partners
        partners.set_status(s, compliance, partner_id=partner_id, version=partners_version,
                            status="suspended", reason="fraud")
        tomorrow = local_day(s, instant=utcnow(s)) + timedelta(days=1)
        entries.add(s, compliance, kind="device", value="family-tablet-1", list_name="allow",
                    reason="a family's shared tablet")
        removed = entries.add(s, compliance, kind="phone", value=str(frame.at[6, "phone"]),
                              list_name="black", reason="fraud confirmed")
        kept = entries.add(s, compliance, kind="id_no", value=str(frame.at[7, "id_no"]),
                           list_name="black", reason="identity theft")
        expiring = entries.add(s, compliance, kind="card", value=str(frame.at[8, "card_no"]),
                               list_name="black", reason="mule account", expires=tomorrow)
        with pytest.raises(InvalidInput):  # a value on one list is not put on the other
            entries.add(s, compliance, kind="id_no", value=str(frame.at[7, "id_no"]).lower(),
                        list_name="allow", reason="x")
        # by keyed hash (issue 33): a listed value is skipped when asked; listing is
        # compliance's unless the caller names the authority it acts on
        key = entries.value_key(load_cipher(s), "id_no", str(frame.at[7, "id_no"]))
        assert entries.add_keyed(s, senior, kind="id_no", key=key, mask=kept.masked,
                                 list_name="black",
                                 reason="ring", authority=Action.CASE_CHECK,
                                 skip_listed=True) is None
        with pytest.raises(PermissionDenied):
            entries.add_keyed(s, senior, kind="device", key="h-dev", mask="h***", list_name="black",
                              reason="ring")
        # removal: asked by one, refused to the same user, approved by a second
        entries.request_removal(s, compliance, entry_id=removed.id, reason="cleared by the police")
        with pytest.raises(PermissionDenied):
            entries.approve_removal(s, compliance, entry_id=removed.id)
        with pytest.raises(PermissionDenied):  # an officer may not approve at all
            entries.approve_removal(s, officer, entry_id=removed.id)
        assert entries.show(s, senior, value=str(frame.at[6, "phone"]))[0].status \
            == "removal_pending"
        done = entries.approve_removal(s, senior, entry_id=removed.id)
        assert done.status == "removed" and done.removed_by == senior.username
        signed = s.scalars(select(AuditEvent).where(AuditEvent.action.like("list.%"))).all()
        assert {e.action for e in signed} == {"list.add", "list.remove.request",
                                              "list.remove.approve"}
        assert all(e.signature for e in signed)
        assert entries.show(s, senior, value=str(frame.at[6, "phone"])) == []
    import_frame(engine, officer, frame=frame, file_name="l.csv", sha256="8" * 64)
    assert _hits(engine, "BLACKLIST") == {"L00007", "L00008"}  # removed phone: no hit
    assert _hits(engine, "SHARED_DEVICE") == {"L00002", "L00003"}  # allowlisted: silenced
    assert _hits(engine, "PARTNER_SUSPENDED") == {"L00004"}
    with unit_of_work(engine, write=False) as s:
        noted = s.scalars(select(AuditEvent.entity_id).where(
            AuditEvent.action == "list.allow.silenced")).all()
        ids = dict(s.execute(select(Application.application_no, Application.id)).all())
        assert set(noted) == {str(ids["L00000"]), str(ids["L00001"])}
        assert entries.is_allowlisted(s, kind="device", key_hash=entries.device_keys(
            load_cipher(s), ["family-tablet-1"])[0], at=utcnow(s))
    # bulk load: problems by row, nothing written; then a clean file, no plain value kept
    plain = ["11010519491231002X", "13912345678", "6222021234567890123", "branch-kiosk-77"]
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"类型": ["身份证", "手机号", "银行卡", "设备", "phone"],
                  "号码": [plain[0], plain[1], plain[2], plain[3], "123"],
                  "原因": ["r1", "r2", "", "r4", "r5"]}).to_csv(bad, index=False)
    result = bulk.import_list(engine, compliance, path=bad, list_name="black")
    assert result.refused and result.added == 0
    assert sorted(result.problems["row"]) == [4, 6]  # no reason; not a mobile number
    assert not any(v in str(result.problems.to_dict("records")) for v in plain)
    good = tmp_path / "good.xlsx"
    pd.DataFrame({"kind": ["id_no", "phone", "card", "device"], "value": plain,
                  "reason": ["fraud ring"] * 4,
                  "expires": ["", "", str(date(2099, 1, 1)), ""]}).to_excel(good, index=False)
    result = bulk.import_list(engine, compliance, path=good, list_name="black")
    assert not result.refused and result.added == 4, result.problems
    with unit_of_work(engine, write=False) as s:
        assert {e.masked for e in entries.show(s, compliance, value="139 1234 5678")} \
            == {"139****5678"}
        imported = [e for e in entries.show(s, compliance) if e.source == "good.xlsx"]
        assert len(imported) == 4
    # two days on the card's entry has expired: an application with that card is not
    # blacklisted, one with the listed ID number still is
    later = pd.concat([sample(1, seed=22, prefix="M"), frame.loc[[7]]], ignore_index=True)
    later["application_no"] = ["M00000", "M00001"]  # the second: row 7's applicant again
    later.loc[0, "card_no"] = str(frame.at[8, "card_no"])
    with shifted(utcnow() + timedelta(days=2)):
        assert import_frame(engine, officer, frame=later, file_name="m.csv",
                            sha256="9" * 64).inserted == 2
        with unit_of_work(engine, write=False) as s:
            status = {e.id: e.status for e in entries.show(s, compliance)}
    assert status[expiring.id] == "expired" and status[kept.id] == "active"
    assert _hits(engine, "BLACKLIST") == {"L00007", "L00008", "M00001"}
    engine.dispose()
    db = Path(str(engine.url.database))  # the file and any journal beside it, as strings would
    data = b"".join(f.read_bytes() for f in db.parent.glob(db.name + "*"))
    for value in plain:
        assert value.encode() not in data, value


def test_lists_command_line(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                            monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                            tmp_path: Path) -> None:
    """issue 30: lists add / show / remove / approve / import, and rules blacklist as
    lists add --list black; nothing printed holds the plain value."""
    from riskdesk.cli import main
    from riskdesk.config import PASSWORD_ENV
    from tests.conftest import PASSWORD

    url = sqlite_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    common = ["--db", url, "--user"]
    with sqlite_engine.begin() as conn:  # a device entry as migration 0017 moved it: unhashed
        conn.execute(text(
            "INSERT INTO list_entry (list_name, kind, value_key, masked, reason, source, "
            "added_by, added_at, live, removal_reason) VALUES ('black', 'device', "
            "'legacy-dev-9', 'legacy-dev-9', 'old', 'unhashed', 'c', '2026-01-01', 1, '')"))
    assert main(["lists", "show", "--kind", "device", *common, "auditor"]) == 0
    assert "legacy-dev-9" not in capsys.readouterr().out  # shown masked until hashed
    assert main(["lists", "add", "phone", "+86 139-0000-1111", "--list", "black", "--reason",
                 "fraud", "--expires", "2099-01-01", *common, "compliance"]) == 0
    assert main(["rules", "blacklist", "device", "dev-77", "--reason", "mule",
                 *common, "compliance"]) == 0
    assert main(["lists", "add", "card", "6222020200112233", "--list", "black", "--reason",
                 "x", *common, "officer"]) != 0  # officers may not
    capsys.readouterr()
    assert main(["lists", "show", "--value", "13900001111", *common, "senior"]) == 0
    out = capsys.readouterr().out
    assert "139****1111" in out and "13900001111" not in out and "1 entries" in out
    entry = int(out.split()[0])
    assert main(["lists", "remove", str(entry), "--reason", "paid back",
                 *common, "compliance"]) == 0
    assert main(["lists", "approve", str(entry), *common, "compliance"]) != 0  # same user
    assert main(["lists", "approve", str(entry), *common, "senior"]) == 0
    capsys.readouterr()
    assert main(["lists", "show", "--kind", "device", *common, "auditor"]) == 0
    out = capsys.readouterr().out
    assert "dev-77" not in out and "2 entries" in out
    assert main(["lists", "show", "--value", "legacy-dev-9", *common, "auditor"]) == 0
    assert "1 entries" in capsys.readouterr().out  # hashed by the first add since
    with sqlite_engine.connect() as conn:
        keys = conn.execute(text("SELECT value_key FROM list_entry")).scalars().all()
    assert "legacy-dev-9" not in keys and "dev-77" not in keys
    csv = tmp_path / "allow.csv"
    csv.write_text("kind,value,reason\ndevice,branch-tablet-3,branch device\nphone,12,x\n")
    assert main(["lists", "import", str(csv), "--list", "allow", *common, "compliance"]) == 1
    err = capsys.readouterr().err
    assert "row 3" in err and "branch-tablet-3" not in err
