"""Each rule with a positive and a negative example (issue 4), on hand-built frames; rule
changes are compliance-only and audited."""
from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.rules.catalog import BY_CODE, RULES, sentence
from riskdesk.rules.evaluate import RuleInput, Setting, evaluate
from riskdesk.services.credit import rulesets
from riskdesk.storage.session import unit_of_work

T0 = pd.Timestamp("2026-03-01 10:00:00")


def app(i: int, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": i, "applicant_id": i, "submitted_at": T0, "device_id": f"dev{i}",
        "phone_hash": f"ph{i}", "card_hash": f"cd{i}", "id_no_hash": f"id{i}",
        "amount": 20_000.0, "term_months": 12, "apr": 10.0, "upfront_fee": 0.0,
        "monthly_fee": 0.0, "other_fees": 0.0, "repayment_type": "equal_instalment",
        "stated_age": 30, "birth_date": "1995-06-01", "region_code": "990101",
        "annual_income": 200_000.0, "total_bal_il": 0.0, "id_checksum_ok": True}
    base.update(kw)
    return base


def hits(code: str, rows: list[dict[str, Any]], params: dict[str, Any] | None = None,
         blacklist: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    rule = BY_CODE[code]
    data = RuleInput(frame, frame, pd.DataFrame({
        "effective_date": pd.to_datetime(["2025-05-20"]), "one_year_pct": [3.0]}))
    if blacklist is not None:
        data.blacklist = blacklist
    out = evaluate(data, {code: Setting(code, rule.severity, True,
                                        dict(rule.params) | (params or {}))})
    return out


def fired(code: str, rows: list[dict[str, Any]], **kw: Any) -> set[int]:
    return set(hits(code, rows, **kw)["application_id"].tolist())


@pytest.mark.parametrize("code,key", [("SHARED_DEVICE", "device_id"),
                                      ("SHARED_PHONE", "phone_hash"),
                                      ("SHARED_CARD", "card_hash")])
def test_shared_identifier(code: str, key: str) -> None:
    need = BY_CODE[code].params["min_applicants"]
    shared = [app(i, **{key: "same", "submitted_at": T0 + pd.Timedelta(days=i)})
              for i in range(need)]
    assert fired(code, shared) == {need - 1}  # the one that completes the group
    too_far = [app(i, **{key: "same", "submitted_at": T0 + pd.Timedelta(days=40 * i)})
               for i in range(need)]
    assert fired(code, too_far) == set()
    one_person = [app(i, applicant_id=1, **{key: "same"}) for i in range(need)]
    assert fired(code, one_person) == set()  # one applicant, several applications


def test_window_of_shared_keys_only_finds_the_same_groups() -> None:
    """Leaving out keys no other application carries changes no group of two or more."""
    from riskdesk.rules.evaluate import _window

    rng = np.random.default_rng(4)
    frame = pd.DataFrame([app(i, applicant_id=int(rng.integers(0, 150)),
                              device_id=f"d{rng.integers(0, 200)}",
                              submitted_at=T0 + pd.Timedelta(days=int(rng.integers(0, 90))))
                          for i in range(300)])
    for key in ("device_id", "applicant_id"):
        full = _window(frame, frame, key, 30)
        fast = _window(frame, frame, key, 30, shared_only=True)
        for column, need in (("applicants", 2), ("n", 2)):
            assert set(full.index[full[column] >= need]) == set(fast.index[fast[column] >= need])
        assert (full[column] >= need).any()


def test_multi_lending() -> None:
    rows = [app(i, applicant_id=7, submitted_at=T0 + pd.Timedelta(days=i)) for i in range(3)]
    assert fired("MULTI_LENDING", rows) == {2}
    spread = [app(i, applicant_id=7, submitted_at=T0 + pd.Timedelta(days=10 * i))
              for i in range(3)]
    assert fired("MULTI_LENDING", spread) == set()


def test_age_mismatch() -> None:
    h = hits("AGE_MISMATCH", [app(1, stated_age=40), app(2, stated_age=30)])
    assert h["application_id"].tolist() == [1]
    assert json.loads(h["detail"][0]) == {"actual": 30, "stated": 40}


def test_id_checksum() -> None:
    assert fired("ID_CHECKSUM", [app(1, id_checksum_ok=False), app(2)]) == {1}


def test_debt_to_income() -> None:
    poor = app(1, annual_income=24_000.0, amount=50_000.0)  # ~4,400 a month on 2,000 income
    assert fired("DEBT_TO_INCOME", [poor, app(2)]) == {1}
    assert fired("DEBT_TO_INCOME", [app(3, annual_income=None)]) == set()


def test_amount_ceiling_sums_the_persons_applications() -> None:
    rows = [app(i, applicant_id=5, amount=80_000.0, submitted_at=T0 + pd.Timedelta(days=i))
            for i in range(3)]
    assert fired("AMOUNT_CEILING", rows) == {2}  # 240,000 > 200,000 with the third
    assert fired("AMOUNT_CEILING", rows[:2]) == set()


def test_cost_ceiling_counts_fees_and_shows_band_and_lpr() -> None:
    fees = app(1, apr=20.0, upfront_fee=1_000.0)  # 20 % + 5 % fees a year
    h = hits("COST_CEILING", [fees, app(2, apr=23.9)])
    assert h["application_id"].tolist() == [1]
    detail = json.loads(h["detail"][0])
    assert detail["cost"] == 25.0 and detail["band"] == ">24%" and detail["lpr4"] == 12.0
    assert "25.00" in sentence("COST_CEILING", detail)


def test_bullet_term() -> None:
    rows = [app(1, repayment_type="bullet", term_months=24),
            app(2, repayment_type="bullet", term_months=12),
            app(3, term_months=24)]
    assert fired("BULLET_TERM", rows) == {1}


def test_outside_region() -> None:
    rows = [app(1, region_code="310101"), app(2, region_code="110105")]
    assert fired("OUTSIDE_REGION", rows, params={"licensed_prefixes": ["11"]}) == {1}
    assert fired("OUTSIDE_REGION", rows) == set()  # no list: a nationwide licence


def test_blacklist() -> None:
    """Devices match through their keyed hash, as the lists keep them (issue 30)."""
    rows = [app(1, phone_hash="bad"), app(2), app(3, device_id="farm1", device_hash="h-farm1"),
            app(4, device_id="h-farm1")]
    listed = pd.DataFrame({"kind": ["phone", "device"], "value_key": ["bad", "h-farm1"]})
    assert fired("BLACKLIST", rows, blacklist=listed) == {1, 3}
    assert fired("BLACKLIST", rows) == set()


def test_partner_suspended() -> None:
    """issue 30: an application through a partner that is not active is flagged."""
    rows = [app(1, partner_status="suspended", partner_code="P1"),
            app(2, partner_status="active", partner_code="P2"),
            app(3, partner_status=None, partner_code=None),
            app(4, partner_status="exited", partner_code="P4")]
    found = hits("PARTNER_SUSPENDED", rows)
    assert set(found["application_id"]) == {1, 4}
    assert sentence("PARTNER_SUSPENDED", json.loads(found["detail"].iloc[0])) == \
        "Applied through partner P1, whose status is suspended"
    assert fired("PARTNER_SUSPENDED", [app(5)]) == set()  # no partner column: nothing


def test_every_rule_has_a_test_and_a_source() -> None:
    assert {r.code for r in RULES} == set(BY_CODE)
    assert all(r.source for r in RULES)


def test_rule_change_is_compliance_only_and_audited(engine: Engine, actors: dict) -> None:
    with unit_of_work(engine) as session:
        with pytest.raises(PermissionDenied):
            rulesets.change_rule(session, actors["officer"], code="DEBT_TO_INCOME",
                                 params={"max_ratio": 0.4})
    with unit_of_work(engine) as session:
        first, _ = rulesets.current_rule_set(session, actors["compliance"])
        rs = rulesets.change_rule(session, actors["compliance"], code="DEBT_TO_INCOME",
                                  params={"max_ratio": 0.4}, note="tighter")
        assert rs.id != first.id
        with pytest.raises(InvalidInput):
            rulesets.change_rule(session, actors["compliance"], code="DEBT_TO_INCOME",
                                 params={"max_ratio": "high"})
    with unit_of_work(engine, write=False) as session:
        _, settings = rulesets.current_rule_set(session, actors["compliance"])
        assert settings["DEBT_TO_INCOME"].params["max_ratio"] == 0.4
        ev = session.execute(select(AuditEvent).where(AuditEvent.action == "rules.change")
                             ).scalar_one()
        assert ev.actor == "compliance"
        assert json.loads(ev.before or "{}")["DEBT_TO_INCOME"]["params"]["max_ratio"] == 0.5
        assert json.loads(ev.after or "{}")["DEBT_TO_INCOME"]["params"]["max_ratio"] == 0.4
