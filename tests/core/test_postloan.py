"""Post-loan monitoring (issue 8): hand-built loans for each rule, positive and negative, each
category boundary, no duplicate cases on a second run, and imports that refuse bad files."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.intake.loans import import_loan_file
from riskdesk.services.postloan.monitoring import run_monitoring
from riskdesk.services.postloan.policy import DEFAULTS, category_of
from riskdesk.storage.session import unit_of_work
from tests.helpers import AS_OF, Book, approved, write

pytestmark = pytest.mark.dates









def alerts(engine: Engine) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for no, code, detail in conn.execute(text(
                "SELECT l.loan_no, a.code, a.detail FROM loan_alert a JOIN loan l ON "
                "l.id = a.loan_id")):
            out.setdefault((no, code), []).append(json.loads(detail))
    return out


def test_category_floors_follow_the_regulation() -> None:
    floors = DEFAULTS["category_from_dpd"]
    assert [category_of(d, floors) for d in (0, 1, 90, 91, 270, 271, 360, 361)] == [
        "normal", "special_mention", "special_mention", "substandard", "substandard",
        "doubtful", "doubtful", "loss"]


def test_each_rule_fires_on_its_pattern_and_not_beside_it(
        engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> None:
    apps = approved(engine, actors, 18)
    b = Book(apps[:17])
    start = AS_OF - timedelta(days=200)
    ok = b.loan("ok", start=start)
    fpd = b.loan("fpd", start=date(2026, 9, 1), paid={1: (None, 0), 2: (None, 0)})
    dpd35 = b.loan("dpd35", start=date(2026, 6, 16), paid={4: (None, 0), 5: (None, 0)})
    partial = b.loan("partial", start=start, paid={1: (start + timedelta(days=31), 100),
                                                   2: (start + timedelta(days=61), 100)})
    partial1 = b.loan("partial1", start=start, paid={1: (start + timedelta(days=31), 100)})
    # 90 and 91 days past due: special mention / substandard
    d90 = b.loan("d90", start=(pd.Timestamp(AS_OF - timedelta(days=90)) - pd.DateOffset(
        months=1)).date(), paid={1: (None, 0)})
    d91 = b.loan("d91", start=(pd.Timestamp(AS_OF - timedelta(days=91)) - pd.DateOffset(
        months=1)).date(), paid={1: (None, 0)})
    fast = b.loan("fast", start=start, disbursed=f"{start} 09:00")
    split = b.loan("split", start=start, disbursed=f"{start} 09:00")
    late_out = b.loan("late", start=start, disbursed=f"{start} 09:00")
    credit = b.loan("credit", start=start)
    banned = b.loan("banned", start=start)
    own = b.loan("own", start=start)
    cash = b.loan("cash", start=start, principal=60000)
    annual = b.loan("annual", start=AS_OF - timedelta(days=400), term=24)
    b.loan("short", start=AS_OF - timedelta(days=400), term=12,
           paid={k: ((AS_OF - timedelta(days=400) + timedelta(days=31 * k)), 1100)
                 for k in range(1, 13)})
    b.flow(fast, f"{start} 11:00", 7000, "person", account="6222000011112222")  # 58 % in 2 h
    for k in range(3):
        b.flow(split, f"{start} 11:0{k}", 2300, "person", account=f"622200001111333{k}")
    b.flow(late_out, f"{start + timedelta(days=3)} 11:00", 7000, "person")
    b.flow(credit, f"{start + timedelta(days=10)} 12:00", 3000, "credit_card")
    b.flow(credit, f"{start + timedelta(days=11)} 12:00", 3000, "merchant", mcc="5411")
    b.flow(banned, f"{start + timedelta(days=5)} 12:00", 5000, "merchant", mcc="6513")
    b.flow(banned, f"{start + timedelta(days=6)} 12:00", 100, "merchant", mcc="5411")
    b.flow(own, f"{start + timedelta(days=5)} 12:00", 5000, "own_account")
    other_card = b.loan("othercard", start=start)
    b.flow(other_card, f"{start + timedelta(days=6)} 12:00", 4000, "person",
           account="6222000099998888")
    b.flow(cash, f"{start + timedelta(days=5)} 10:00", 30000, "person", channel="cash")
    b.flow(cash, f"{start + timedelta(days=5)} 15:00", 25000, "person", channel="cash")
    b.flow(cash, f"{start + timedelta(days=8)} 10:00", 30000, "person", channel="cash")
    b.flow(cash, f"{start + timedelta(days=9)} 10:00", 25000, "person", channel="cash")
    b.load(engine, actors["officer"], tmp_path)
    from riskdesk.security.datakey import load_cipher
    with unit_of_work(engine) as s:  # the same borrower gave that card on another application
        card = load_cipher(s, create=False).digest("card", "6222000099998888")
        s.execute(text(
            "UPDATE application SET card_hash = :h, applicant_id = (SELECT applicant_id FROM "
            "application WHERE application_no = :mine) WHERE application_no = :other"),
            {"h": card, "mine": apps[16], "other": apps[17]})

    first = run_monitoring(engine, actors["officer"], as_of=AS_OF)
    hits = alerts(engine)
    codes = {k for k in hits}
    assert (fpd, "FIRST_PAYMENT_MISSED") in codes and (ok, "FIRST_PAYMENT_MISSED") not in codes
    assert hits[(dpd35, "DPD")][0]["threshold"] == 30 and hits[(dpd35, "DPD")][0]["dpd"] == 35
    assert not any(k[0] == ok for k in codes)
    assert (partial, "PARTIAL_PAYMENTS") in codes and (partial1, "PARTIAL_PAYMENTS") not in codes
    assert (fast, "PROCEEDS_OUT") in codes
    assert (split, "PROCEEDS_OUT") not in codes and (late_out, "PROCEEDS_OUT") not in codes
    assert (credit, "OTHER_CREDIT") in codes and len(hits[(credit, "OTHER_CREDIT")]) == 1
    assert (banned, "BANNED_USE") in codes and len(hits[(banned, "BANNED_USE")]) == 1
    assert (own, "ROUND_TRIP") in codes and (fast, "ROUND_TRIP") not in codes
    assert (other_card, "ROUND_TRIP") in codes  # found by the keyed hash of the card
    assert [h["day"] for h in hits[(cash, "LARGE_VALUE")]] == [f"{start + timedelta(days=5)}"]
    assert (annual, "ANNUAL_REVIEW") in codes and ("LN-short", "ANNUAL_REVIEW") not in codes
    with engine.connect() as conn:
        category = dict(conn.execute(text(
            "SELECT l.loan_no, s.category FROM loan_snapshot s JOIN loan l ON l.id = s.loan_id "
            "WHERE s.month = '2026-11'")).all())
        kinds = dict(conn.execute(text(
            "SELECT l.loan_no, c.kind FROM review_case c JOIN loan l ON l.application_id = "
            "c.application_id WHERE c.kind IN ('post_loan', 'annual_review')")).all())
    assert (category[d90], category[d91], category[ok]) == (
        "special_mention", "substandard", "normal")
    assert kinds[annual] == "annual_review" and kinds[fast] == "post_loan" and ok not in kinds
    assert first.cases_opened == len(kinds) and first.alerts == sum(len(v) for v in hits.values())

    again = run_monitoring(engine, actors["officer"], as_of=AS_OF)  # the same day: nothing new
    assert (again.alerts, again.cases_opened, again.cases_updated) == (0, 0, 0)
    later = run_monitoring(engine, actors["officer"], as_of=AS_OF + timedelta(days=30))
    assert later.cases_updated >= 1  # dpd35 crossed 60: its open case gains the alert
    with engine.connect() as conn:
        n, flags = conn.execute(text(
            "SELECT count(*), max(c.flags) FROM review_case c JOIN loan l ON l.application_id "
            "= c.application_id WHERE l.loan_no = :n"), {"n": dpd35}).one()
        logged = conn.execute(text("SELECT count(*) FROM audit_event WHERE action IN "
                                   "('case.open', 'case.alert', 'loan.monitor')")).scalar_one()
    assert n == 1 and "DPD" in flags
    assert logged == first.cases_opened + later.cases_opened + later.cases_updated + 3
    from riskdesk.services.audit import trail as audit
    with unit_of_work(engine, write=False) as s:
        assert audit.verify(s).ok


def test_imports_refuse_bad_rows_whole_and_recognise_repeats(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    apps = approved(sqlite_engine, sqlite_actors, 3)
    officer = sqlite_actors["officer"]
    b = Book(apps)
    b.loan("a", start=date(2026, 5, 1))
    b.loan("b", start=date(2026, 5, 1))
    bad = [dict(r) for r in b.loans]
    bad[1]["principal"] = "-5"
    bad.append({**b.loans[0], "loan_no": "LN-c", "application_no": "NO-SUCH"})
    refused = import_loan_file(sqlite_engine, officer, path=write(tmp_path, "bad.csv", bad))
    assert refused.refused
    problems = refused.problems.to_dict("records")
    assert {(p["row"], p["column"]) for p in problems} == {(3, "principal"),
                                                           (4, "application_no")}
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM loan")).scalar_one() == 0  # nothing
    b.load(sqlite_engine, officer, tmp_path)
    again = import_loan_file(sqlite_engine, officer, path=tmp_path / "loans.csv")
    assert (again.inserted, again.present) == (0, 2)
    reps = pd.read_csv(tmp_path / "repayments.csv", dtype=str, keep_default_na=False)
    reps.loc[reps.index[-1], ["paid_date", "paid_amount"]] = ["2027-05-01", "1100"]
    reps.to_csv(tmp_path / "repayments2.csv", index=False)
    paid = import_loan_file(sqlite_engine, officer, path=tmp_path / "repayments2.csv")
    assert (paid.updated, paid.inserted) == (1, 0)  # a payment arriving is news
    reps.loc[reps.index[0], "due_amount"] = "1"
    reps.to_csv(tmp_path / "repayments3.csv", index=False)
    assert import_loan_file(sqlite_engine, officer, path=tmp_path / "repayments3.csv").refused
    cheat = [{**b.loans[0], "loan_no": "LN-x", "application_no": apps[2]}]
    with sqlite_engine.begin() as conn:  # an application that was not approved
        conn.execute(text("UPDATE decision_record SET outcome = 'flagged' WHERE application_id "
                          "= (SELECT id FROM application WHERE application_no = :n)"),
                     {"n": apps[2]})
    result = import_loan_file(sqlite_engine, officer, path=write(tmp_path, "x.csv", cheat))
    assert result.refused and "not approved" in result.problems.iloc[0]["reason"]
    flows = [{"flow_no": "F1", "loan_no": "LN-a", "at": "2026-05-01 12:00", "amount": "10",
              "direction": "sideways", "channel": "transfer",
              "counterparty_account": "6222020000000001", "counterparty_name": "x",
              "counterparty_type": "person", "mcc": "12"}]
    result = import_loan_file(sqlite_engine, officer, path=write(tmp_path, "f.csv", flows))
    assert {p["column"] for p in result.problems.to_dict("records")} == {"direction", "mcc"}


def test_monitoring_needs_its_role(sqlite_engine: Engine,
                                   sqlite_actors: dict[str, Actor]) -> None:
    from riskdesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        run_monitoring(sqlite_engine, sqlite_actors["auditor"], as_of=AS_OF)


def test_monthly_report_post_loan_section_matches_sql(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], tmp_path: Path) -> None:
    import re

    from riskdesk.services.reporting import archive as reports
    from tests.helpers import pdftotext, without_issue_stamp

    apps = approved(sqlite_engine, sqlite_actors, 8)
    b = Book(apps)
    start = date(2026, 6, 10)
    b.loan("good", start=start)
    b.loan("good2", start=start, principal=30000)
    b.loan("late", start=start, paid={4: (None, 0), 5: (None, 0), 6: (None, 0)})  # Oct 10
    b.loan("worse", start=start, paid={k: (None, 0) for k in range(2, 13)})  # Aug 10: 102 d
    b.loan("part", start=start, paid={3: (date(2026, 9, 15), 300), 4: (None, 0),
                                      5: (None, 0)})
    b.loan("cured", start=start, paid={4: (date(2026, 11, 5), 1100)})  # late in Oct only
    b.load(sqlite_engine, sqlite_actors["officer"], tmp_path)
    officer = sqlite_actors["officer"]
    run_monitoring(sqlite_engine, officer, as_of=date(2026, 10, 31))
    run_monitoring(sqlite_engine, officer, as_of=AS_OF)
    issued = reports.monthly_report(sqlite_engine, sqlite_actors["compliance"], month="2026-11",
                                    language="en")
    path = tmp_path / "m.pdf"
    path.write_bytes(issued.pdf)
    body = pdftotext(path)
    with sqlite_engine.connect() as conn:
        by_sql = {c: (n, round(b_, 2)) for c, n, b_ in conn.execute(text(
            "SELECT category, count(*), sum(balance) FROM loan_snapshot WHERE month = '2026-11' "
            "GROUP BY category"))}
        # the book's balance straight from loans and repayments paid by the as-of date
        total = conn.execute(text(
            "SELECT sum(l.principal) - (SELECT coalesce(sum(CASE WHEN r.paid_amount >= "
            "r.due_amount THEN r.due_principal ELSE 1.0 * r.due_principal * r.paid_amount / "
            "r.due_amount END), 0) FROM repayment r WHERE r.paid_date <= '2026-11-20') "
            "FROM loan l")).scalar_one()
        moves = conn.execute(text(
            "SELECT b.category, n.category, count(*) FROM loan_snapshot b JOIN loan_snapshot n "
            "ON n.loan_id = b.loan_id WHERE b.month = '2026-10' AND n.month = '2026-11' "
            "GROUP BY b.category, n.category")).all()
    labels = {"normal": "normal", "special_mention": "special mention",
              "substandard": "substandard", "doubtful": "doubtful", "loss": "loss"}
    printed_total = 0.0
    for category, name in labels.items():
        n, balance = by_sql.get(category, (0, 0.0))
        m = re.search(rf"^\s*{name}\s+(\d+)\s+([\d,]+\.\d\d)\s", body, re.M)
        assert m, category
        assert (int(m.group(1)), float(m.group(2).replace(",", ""))) == (n, balance), category
        printed_total += float(m.group(2).replace(",", ""))
    assert by_sql["substandard"][0] == 1 and by_sql["special_mention"][0] == 2
    assert abs(printed_total - float(total)) < 0.05
    roll = body[body.index("Roll rates 2026-10 to 2026-11"):]
    sources = {s for s, _, _ in moves}
    for src in sources:  # every row of the roll-rate table sums to 100 %
        m = re.search(rf"^\s*{labels[src]}((?:\s+\d+\.\d %)+)", roll, re.M)
        assert m, src
        shares = [float(x) for x in re.findall(r"(\d+\.\d) %", m.group(1))]
        assert len(shares) == 5 and abs(sum(shares) - 100.0) < 1e-9
        n_src = sum(n for s, _, n in moves if s == src)
        for dst, share in zip(labels, shares, strict=True):
            n = sum(k for s, d, k in moves if s == src and d == dst)
            assert abs(share - 100 * n / n_src) <= 0.1
    cured = [(s, d) for s, d, _ in moves if s == "special_mention" and d == "normal"]
    assert cured  # the loan paid in November rolled back to normal
    run_monitoring(sqlite_engine, officer, as_of=AS_OF + timedelta(days=5))  # after the issue ...
    again = reports.monthly_report(sqlite_engine, sqlite_actors["compliance"], month="2026-11",
                                   language="en")
    path.write_bytes(again.pdf)
    post = pdftotext(path)
    assert without_issue_stamp(post) == without_issue_stamp(body)  # ... the month reads the same


def test_cli_imports_monitors_and_prints_the_book(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        tmp_path: Path) -> None:
    from tests.conftest import PASSWORD
    from tests.helpers import run_cli

    apps = approved(sqlite_engine, sqlite_actors, 2)
    b = Book(apps)
    late = b.loan("late", start=date(2026, 6, 16), paid={4: (None, 0), 5: (None, 0)})
    b.loan("fine", start=date(2026, 6, 16))
    files = [write(tmp_path, f"{n}.csv", rows) for n, rows in (
        ("loans", b.loans), ("repayments", b.repayments))]
    db = ["--db", str(sqlite_path), "--user", "officer"]
    env = {"RISKDESK_PASSWORD": PASSWORD}
    bad = write(tmp_path, "bad.csv", [{**b.repayments[0], "loan_no": "LN-nope"}])
    refused = run_cli("loans", "import", str(bad), *db, env=env)
    assert refused.returncode == 2
    assert "row 2, column loan_no" in refused.stderr and "no such loan" in refused.stderr
    ok = run_cli("loans", "import", *map(str, files), *db, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "loans.csv: loans, 2 rows: 2 new" in ok.stdout
    run = run_cli("loans", "monitor", "--as-of", "2026-11-20", *db, env=env)
    assert run.returncode == 0, run.stderr
    assert "loans 2" in run.stdout and "cases opened 1" in run.stdout
    book = run_cli("loans", "portfolio", "--month", "2026-11", *db, env=env)
    assert book.returncode == 0 and "special mention" in book.stdout
    assert re_line(book.stdout, "normal").split()[1] == "1"
    assert late


def re_line(text_: str, start: str) -> str:
    return next(line.strip() for line in text_.splitlines() if line.strip().startswith(start))
