"""The GUI's way into the services (services.admin.backend) and the read models it is handed:
each read behind the permission the window's own data needs."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from riskdesk.errors import PermissionDenied, RiskdeskError
from riskdesk.services.actor import Actor
from riskdesk.services.admin import settings as app_settings
from riskdesk.services.admin.backend import Backend, call, open_database, probe_database
from riskdesk.services.admin.workstation import save_settings, settings_view
from riskdesk.services.audit import findings
from riskdesk.services.complaints import view
from riskdesk.services.partners import register as partners
from tests.conftest import PASSWORD

NOBODY = Actor(None, "nobody", frozenset())  # signed in to no role: may see nothing


def test_backend_reads_writes_and_reads_together(sqlite_engine: Engine,
                                                  sqlite_actors: dict[str, Actor]) -> None:
    admin = Backend(sqlite_engine, sqlite_actors["admin"])
    assert admin.actor is sqlite_actors["admin"] and admin.is_local_file
    admin.write(app_settings.set_idle_lock_minutes, minutes=9)
    assert admin.lookup(app_settings.idle_lock_minutes) == 9
    shown, users = admin.read_all(call(settings_view), call(lambda s, a: a.username))
    assert shown.idle_minutes == 9 and users == "admin"
    with pytest.raises(dataclasses.FrozenInstanceError):
        shown.idle_minutes = 1  # type: ignore[misc]
    officer = Backend(sqlite_engine, sqlite_actors["officer"])
    with pytest.raises(PermissionDenied):  # the service's own check, through the backend
        officer.write(app_settings.set_idle_lock_minutes, minutes=3)
    assert officer.lookup(app_settings.idle_lock_minutes) == 9  # nothing was saved
    assert officer.check_password(PASSWORD) and not officer.check_password("wrong")


def test_lookup_takes_only_the_reads_listed_as_needing_no_actor(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """A read of case or personal data cannot slip past its permission check through
    ``Backend.lookup`` (issue 23): only the listed actorless reads are accepted."""
    from riskdesk.services.admin.backend import ACTORLESS_READS
    from riskdesk.services.complaints.handling import deadlines

    auditor = Backend(sqlite_engine, sqlite_actors["auditor"])
    assert auditor.lookup(deadlines).decide_days > 0
    with pytest.raises(TypeError, match="Backend.read"):
        auditor.lookup(lambda session: session)
    with pytest.raises(TypeError, match="settings_view"):
        auditor.lookup(settings_view)  # type: ignore[arg-type]
    for name in ACTORLESS_READS:  # each listed read exists where it is said to be
        module, _, function = name.rpartition(".")
        assert callable(getattr(__import__(module, fromlist=[function]), function)), name


def test_settings_save_only_what_the_role_may_change(sqlite_engine: Engine,
                                                     sqlite_actors: dict[str, Actor]) -> None:
    compliance = Backend(sqlite_engine, sqlite_actors["compliance"])
    before = compliance.read(settings_view)
    compliance.write(save_settings, idle_minutes=before.idle_minutes + 5,
                     backup_keep=before.backup_keep, backup_folder=before.backup_folder,
                     decide_days=before.decide_days - 1)
    after = compliance.read(settings_view)
    assert after.idle_minutes == before.idle_minutes  # an administrator's setting
    assert after.decide_days == before.decide_days - 1  # compliance's
    with pytest.raises(PermissionDenied):
        Backend(sqlite_engine, NOBODY).read(settings_view)


def test_complaint_page_and_history_need_the_complaints_permission(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    compliance = Backend(sqlite_engine, sqlite_actors["compliance"])
    made = compliance.write(view.register, channel="phone", category="service_quality",
                            description="nobody answers", complainant_name="Zhang San")
    assert isinstance(made, view.ComplaintView) and made.number.startswith("TS-")
    page = Backend(sqlite_engine, sqlite_actors["auditor"]).read(view.complaint_page,
                                                                 complaint_id=made.id)
    # an auditor sees the complainant's name masked, as applicants' (issue 25)
    assert page.complaint == dataclasses.replace(made, complainant_name="Z********")
    assert [h.action for h in page.history] == ["complaint.register"]
    assert compliance.read(view.complaint_page, complaint_id=made.id).complaint == made
    nobody = Backend(sqlite_engine, NOBODY)
    for fn in (view.history, view.complaint_page):
        with pytest.raises(PermissionDenied):
            nobody.read(fn, complaint_id=made.id)


def test_partner_register_and_findings_are_frozen_rows_behind_a_check(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    compliance = Backend(sqlite_engine, sqlite_actors["compliance"])
    compliance.write(partners.register, code="P1", name="Partner one", kind="platform")
    rows = Backend(sqlite_engine, sqlite_actors["officer"]).read(partners.listing)
    assert [(r.code, r.checks_passed, len(r.checks)) for r in rows] == [
        ("P1", 0, len(partners.CHECKLIST))]
    assert compliance.read(findings.rows) == []
    assert compliance.read(findings.case_named, ref="NO-SUCH") is None
    nobody = Backend(sqlite_engine, NOBODY)
    for fn, kw in ((partners.listing, {}), (findings.rows, {}),
                   (findings.case_named, {"ref": "1"})):
        with pytest.raises(PermissionDenied):
            nobody.read(fn, **kw)  # type: ignore[arg-type]


def test_sign_in_through_the_entrance(sqlite_engine: Engine, sqlite_actors: dict[str, Any],
                                      tmp_path: Path) -> None:
    entrance = open_database(str(sqlite_engine.url.database), create=False)
    try:
        assert entrance.has_users()
        assert entrance.sign_in("officer", "wrong") is None
        backend = entrance.sign_in("officer", PASSWORD)
        assert backend is not None and backend.actor.username == "officer"
    finally:
        entrance.close()
    missing = tmp_path / "none.sqlite"
    with pytest.raises(RiskdeskError):
        open_database(str(missing), create=False)
    assert probe_database(str(missing)).missing == missing and not missing.exists()
    fresh = open_database(str(missing))
    try:
        assert not fresh.has_users() and not missing.exists()
        assert fresh.create_first_admin("boss", PASSWORD) is None and missing.exists()
        assert fresh.has_users()
    finally:
        fresh.close()
