"""The Post-loan tab's figures and drill-downs, and the partners' thresholds (issue 28)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from riskdesk.errors import InvalidInput
from riskdesk.services.actor import Actor
from riskdesk.services.partners import register as partners
from riskdesk.services.partners.performance import OVER, partners_position
from riskdesk.services.postloan.charts import loans_in, postloan_charts
from riskdesk.services.postloan.mcc import mcc_text, merchant_categories
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.services.postloan.policy import DEFAULTS
from riskdesk.storage.session import unit_of_work
from tests.helpers import Book, approved, register_partner

START = date(2026, 4, 1)


def small_book(engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """Ten loans started in April: "a" stops paying at the September instalment, "b" and
    "c" at October's, "d" at November's (normal in October, special mention in November);
    P1 funds 40 % of its loans, P2 20 % of "thin" (below the 30 % minimum)."""
    register_partner(engine, actors, "P1")
    register_partner(engine, actors, "P2")
    b = Book(approved(engine, actors, 10))
    b.loan("a", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(5, 13)})
    b.loan("b", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(6, 13)})
    b.loan("c", start=START, partner="P1", share=40, paid={k: (None, 0) for k in range(6, 13)})
    b.loan("d", start=START, paid={k: (None, 0) for k in range(7, 13)})
    for i in range(5):
        b.loan(f"ok{i}", start=START, partner="P1", share=40)
    b.loan("thin", start=START, partner="P2", share=20)
    b.load(engine, actors["officer"], tmp_path)
    run_monitoring(engine, actors["officer"], as_of=date(2026, 10, 25))
    run_monitoring(engine, actors["officer"], as_of=date(2026, 11, 20))


def test_class_mix_buckets_vintages_and_roll_cell_loans(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """Issue 28: the charts' figures come from the monthly snapshots, and a roll-rate cell
    lists exactly the loans that moved from its row's class to its column's."""
    small_book(engine, actors, tmp_path)
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s:
        charts = postloan_charts(s, officer, month="2026-11")
        moved = loans_in(s, officer, month="2026-11", category="special_mention",
                         rolled_from="normal")
        stayed = loans_in(s, officer, month="2026-11", category="special_mention",
                          rolled_from="special_mention")
        bucket = loans_in(s, officer, month="2026-11", bucket="31-60")
        late = loans_in(s, officer, month="2026-11", bucket="61-90")
    assert charts.months == ("2026-10", "2026-11")  # only months with snapshots
    assert charts.mix == ((7, 3, 0, 0, 0), (6, 4, 0, 0, 0))
    assert [(b.key, b.loans) for b in charts.buckets] == [
        ("current", 6), ("1-30", 1), ("31-60", 2), ("61-90", 1), ("91-180", 0), ("181+", 0)]
    assert charts.roll_counts[0] == (6, 1, 0, 0, 0)  # normal -> normal, special mention
    assert charts.roll_counts[1] == (0, 3, 0, 0, 0)
    assert [x.loan_no for x in moved] == ["LN-d"]
    assert sorted(x.loan_no for x in stayed) == ["LN-a", "LN-b", "LN-c"]
    assert sorted(x.loan_no for x in bucket) == ["LN-b", "LN-c"]
    assert [x.loan_no for x in late] == ["LN-a"] and 61 <= late[0].dpd <= 90
    (vintage,) = charts.vintages
    assert vintage.start_month == "2026-04" and vintage.loans == 10
    assert len(vintage.dpd30) == 7  # months on book 1 .. 7 (April to November)
    assert vintage.dpd30[5] == pytest.approx(0.1)  # October: "a" only
    assert vintage.dpd30[6] == pytest.approx(0.3)  # November: a, b, c
    assert vintage.dpd90 == (0.0,) * 7


def test_a_month_outside_the_data_is_refused(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """Issue 28: a future month (or one before the data) no longer shows zeros."""
    officer = actors["officer"]
    with unit_of_work(engine, write=False) as s, pytest.raises(InvalidInput, match="yet"):
        postloan_charts(s, officer, month="2026-11")
    small_book(engine, actors, tmp_path)
    for month in ("2027-01", "2026-09"):
        with unit_of_work(engine, write=False) as s, pytest.raises(
                InvalidInput, match="2026-10 to 2026-11"):
            postloan_charts(s, officer, month=month)
        with unit_of_work(engine, write=False) as s, pytest.raises(InvalidInput):
            loans_in(s, officer, month=month, category="normal")


def test_partner_thresholds(engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    """Issue 28: the bad rate doubling, the share below the 30 % minimum and the 25 % of
    tier-1 capital limit (and its 80 % warning) are flagged for the table and the banner."""
    small_book(engine, actors, tmp_path)
    compliance = actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        before = {p.row.code: p for p in partners_position(s, compliance, month="2026-11").partners}
    p1, p2 = before["P1"], before["P2"]
    assert p1.row.bad_rate == pytest.approx(3 / 8) and p1.previous_bad_rate == pytest.approx(
        1 / 8)
    assert p1.row.matured == 8  # under 10 matured loans: not "doubled", however it rose
    assert not p1.bad_rate_doubled and not p2.bad_rate_high
    assert p2.share_below_minimum and p2.lowest_share == 20 and not p1.share_below_minimum
    assert p1.capital_ratio is None and not p1.capital_level  # no capital figures yet
    # The bank's part of P1's November balance is 60 %; capital so P1 sits between 80 % and
    # 100 % of the 25 % limit, then past it.
    with unit_of_work(engine, write=False) as s:
        bank = float(partners_position(s, compliance, month="2026-11").joint.by_partner["P1"])
    for tier1, level in ((bank / 0.22, "near"), (bank / 0.3, OVER)):
        with unit_of_work(engine) as s:
            partners.set_capital(s, compliance, effective=date(2026, 1, 1), tier1=f"{tier1:.2f}",
                                 balance=f"{bank * 100:.2f}")
        with unit_of_work(engine, write=False) as s:
            pos = partners_position(s, compliance, month="2026-11")
        p1 = next(p for p in pos.partners if p.row.code == "P1")
        assert p1.capital_level == level, (tier1, p1.capital_ratio)
        assert any(a.level == level and "P1" in a.text and "tier-1" in a.text
                   for a in pos.alerts)
    assert pos.minimum_share == DEFAULTS["joint_min_partner_share"]
    assert pos.alerts[0].level == OVER  # worst first


def test_merchant_codes_the_rules_name_have_names_in_both_languages() -> None:
    """Issue 28: every MCC the banned-use rule names is listed with an English and a
    Chinese name."""
    listed = merchant_categories()
    for code in DEFAULTS["banned_mcc"]:
        assert listed[code].name_en and listed[code].name_zh, code
    assert mcc_text("6211", True) == "6211 证券经纪及交易商"
    assert mcc_text("6211", False).startswith("6211 Securities")
    assert mcc_text("0000", True) == "0000"  # unlisted: the code alone
