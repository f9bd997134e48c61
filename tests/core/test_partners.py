"""Partners (issue 10): the register with due diligence (compliance only, audited), a joint
loan below the partner's minimum share flagged, a partner whose bad rate doubles reviewed, its
complaints counted, and the joint-lending ratios against the dated capital figures."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.partners import register as partners
from riskdesk.storage.session import unit_of_work
from tests.helpers import register_partner

pytestmark = pytest.mark.dates




def test_register_due_diligence_and_status(engine: Engine, actors: dict[str, Actor]) -> None:
    with unit_of_work(engine) as s, pytest.raises(PermissionDenied):
        partners.register(s, actors["officer"], code="X", name="X", kind="platform")
    pid = register_partner(engine, actors)
    compliance = actors["compliance"]
    with unit_of_work(engine) as s, pytest.raises(InvalidInput, match="not complete"):
        p = partners.get(s, partner_id=pid)
        partners.set_status(s, compliance, partner_id=pid, version=p.version, status="active",
                            reason="go live")
    with unit_of_work(engine) as s:
        for item in partners.CHECKLIST:
            partners.record_check(s, compliance, partner_id=pid, item=item, passed=True,
                                  evidence=f"{item}: documents on file",
                                  review_due=date(2027, 6, 30))
        p = partners.set_status(s, compliance, partner_id=pid,
                                version=partners.get(s, partner_id=pid).version,
                                status="active",
                                reason="due diligence complete")
        assert p.status == "active" and p.next_review == date(2027, 6, 30)
    with unit_of_work(engine, write=False) as s:
        assert partners.overdue_reviews(s, today=date(2027, 7, 1))[0].id == pid
        assert not partners.overdue_reviews(s, today=date(2027, 6, 1))
    with engine.connect() as conn:
        logged = conn.execute(text("SELECT count(*) FROM audit_event WHERE action LIKE "
                                   "'partner.%'")).scalar_one()
    assert logged == 1 + len(partners.CHECKLIST) + 1








def test_cli_capital_performance_and_review(sqlite_engine: Engine,
                                            sqlite_actors: dict[str, Actor],
                                            sqlite_path: Path) -> None:
    from tests.conftest import PASSWORD
    from tests.helpers import run_cli

    register_partner(sqlite_engine, sqlite_actors, "P9")
    sqlite_engine.dispose()
    db = ["--db", str(sqlite_path)]
    env = {"RISKDESK_PASSWORD": PASSWORD}
    refused = run_cli("partners", "capital", "--from", "2026-01-01", "--tier1", "5",
                      "--balance", "9", *db, "--user", "officer", env=env)
    assert refused.returncode == 1 and "may not" in refused.stderr
    set_ = run_cli("partners", "capital", "--from", "2026-01-01", "--tier1", "1000000",
                   "--balance", "9000000", *db, "--user", "compliance", env=env)
    assert set_.returncode == 0, set_.stderr
    shown = run_cli("partners", "performance", "--month", "2026-11", *db, "--user", "auditor",
                    env=env)
    assert shown.returncode == 0 and "P9" in shown.stdout and "of the loan balance" in \
        shown.stdout
    review = run_cli("partners", "review", "--month", "2026-11", *db, "--user", "officer",
                     env=env)
    assert review.returncode == 0 and "0 partner review case(s)" in review.stdout
