"""The demo's loan book: loans on the approved demo applications, their schedules as paid,
and where the money went, written as the core system's export files and loaded through the
normal loan import, then monitored month by month so the book has a history (roll rates).

Who falls behind follows the real outcome of each LendingClub row ("bad" loans stop paying);
a few good payers are late and catch up. A few loans show the cash-out and banned-use patterns
the rules look for; the rest spend at ordinary merchants.
"""
from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.intake.loans import import_loan_file
from riskdesk.services.postloan.monitoring import run_monitoring

BENIGN = [("merchant", "5411"), ("merchant", "5812"), ("merchant", "5732"),
          ("merchant", "5311"), ("merchant", "8062"), ("merchant", "8220"), ("person", "")]


def _share(code: object) -> object:
    from riskdesk.demo.partners import SHARES

    return SHARES.get(str(code)) if code else None


def _card(rng: np.random.Generator, n: int, prefix: str = "6228") -> list[str]:
    return [prefix + f"{v:012d}" for v in rng.integers(0, 10**12, n)]


def demo_books(engine: Engine, *, loans: int, today: date,
               seed: int = 8) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    with engine.connect() as conn:
        apps = pd.DataFrame(conn.execute(text(
            "SELECT a.application_no, a.amount, a.term_months, a.apr, a.repayment_type, "
            "a.submitted_at, a.outcome, p.code FROM application a JOIN decision_record d ON "
            "d.application_id = a.id AND d.current_slot = 1 LEFT JOIN partner p ON p.id = "
            "a.partner_id WHERE d.outcome = 'auto_approve' ORDER BY a.submitted_at, a.id"))
            .all(), columns=["application_no", "amount", "term", "apr", "repayment_type",
                             "submitted", "outcome", "partner"])
    apps = apps.head(loans).reset_index(drop=True)
    n = len(apps)
    submitted = pd.to_datetime(apps["submitted"])
    disbursed = submitted + pd.to_timedelta(rng.integers(6, 72, n), unit="h")
    principal = apps["amount"].astype(float).round(2)
    term = apps["term"].astype(int)
    apr = apps["apr"].astype(float)
    book = pd.DataFrame({
        "loan_no": [f"JJ{i:08d}" for i in range(1, n + 1)],
        "application_no": apps["application_no"], "principal": principal,
        "disbursed_at": disbursed.dt.strftime("%Y-%m-%d %H:%M:%S"),
        "start_date": disbursed.dt.strftime("%Y-%m-%d"), "term_months": term, "apr": apr,
        "repayment_type": apps["repayment_type"],
        "partner_share": apps["partner"].map(_share).astype(object).where(
            apps["partner"].map(_share).notna(), "")})

    # Schedules (annuity; bullet and interest-only pay the principal at the end) as paid.
    bad = (apps["outcome"] == "bad").to_numpy()
    stop_at = rng.integers(1, 5, n)  # a bad loan's first unpaid instalment
    late_payer = ~bad & (rng.random(n) < 0.04)
    partial_payer = bad & (rng.random(n) < 0.3)
    rows = []
    for i in range(n):
        r = apr[i] / 1200
        t = int(term[i])
        kind = book["repayment_type"][i]
        start = pd.Timestamp(book["start_date"][i])
        if kind == "equal_instalment":
            each = principal[i] * r / (1 - (1 + r) ** -t) if r else principal[i] / t
            dues = [each] * t
            left = principal[i]
            parts = []
            for _ in range(t):
                part = each - left * r
                parts.append(part)
                left -= part
        elif kind == "equal_principal":
            parts = [principal[i] / t] * t
            dues = [principal[i] / t + (principal[i] - k * principal[i] / t) * r
                    for k in range(t)]
        else:  # bullet, interest-only: interest monthly, principal at maturity
            parts = [0.0] * (t - 1) + [principal[i]]
            dues = [principal[i] * r] * (t - 1) + [principal[i] * (1 + r)]
        for k in range(1, t + 1):
            due = (start + pd.DateOffset(months=k)).date()
            amount, part = round(dues[k - 1], 2), round(parts[k - 1], 2)
            paid_date: date | None = None
            paid = 0.0
            if due <= today:
                if bad[i] and k >= stop_at[i]:
                    if partial_payer[i] and k < stop_at[i] + 2:
                        paid_date, paid = due + timedelta(days=3), round(amount * 0.3, 2)
                elif late_payer[i] and k == 2:
                    paid_date, paid = due + timedelta(days=int(rng.integers(3, 20))), amount
                else:
                    paid_date, paid = due - timedelta(days=int(rng.integers(0, 4))), amount
            if paid_date is not None and paid_date > today:
                paid_date, paid = None, 0.0
            rows.append((book["loan_no"][i], k, due.isoformat(), amount, min(part, amount),
                         paid_date.isoformat() if paid_date else "", paid))
    repayments = pd.DataFrame(rows, columns=["loan_no", "instalment_no", "due_date",
                                             "due_amount", "due_principal", "paid_date",
                                             "paid_amount"])
    return book, repayments, _flows(rng, book, disbursed, principal, today)


def _flows(rng: np.random.Generator, book: pd.DataFrame, disbursed: pd.Series,
           principal: pd.Series, today: date) -> pd.DataFrame:
    n = len(book)
    pattern = rng.choice(["none", "fast_out", "credit", "banned", "own", "cash"], size=n,
                         p=[0.90, 0.03, 0.025, 0.02, 0.015, 0.01])
    flows: list[tuple[str, str, datetime, float, str, str, str, str, str]] = []
    end = datetime.combine(today, datetime.min.time())
    for i in range(n):
        loan, at0, amount = book["loan_no"][i], disbursed[i].to_pydatetime(), principal[i]
        budget = amount
        if pattern[i] == "fast_out":
            out = round(amount * rng.uniform(0.6, 0.95), 2)
            flows.append((loan, "out", at0 + timedelta(hours=float(rng.uniform(0.2, 6))), out,
                          "transfer", _card(rng, 1, "6217")[0], "person", "", "张某"))
            budget -= out
        elif pattern[i] == "credit":
            out = round(amount * rng.uniform(0.3, 0.8), 2)
            flows.append((loan, "out", at0 + timedelta(days=float(rng.uniform(1, 20))), out,
                          "transfer", _card(rng, 1, "4392")[0], "credit_card", "", "信用卡还款"))
            budget -= out
        elif pattern[i] == "banned":
            kind, mcc = [("real_estate", "6513"), ("securities", "6211"),
                         ("merchant", "1520")][int(rng.integers(0, 3))]
            out = round(amount * rng.uniform(0.3, 0.7), 2)
            flows.append((loan, "out", at0 + timedelta(days=float(rng.uniform(2, 40))), out,
                          "transfer", _card(rng, 1, "6222")[0], kind, mcc, "某某置业/证券"))
            budget -= out
        elif pattern[i] == "own":
            out = round(amount * rng.uniform(0.3, 0.9), 2)
            flows.append((loan, "out", at0 + timedelta(days=float(rng.uniform(1, 10))), out,
                          "transfer", _card(rng, 1, "6230")[0], "own_account", "", "本人"))
            budget -= out
        elif pattern[i] == "cash" and amount >= 60000:
            day = at0 + timedelta(days=float(rng.uniform(1, 20)))
            for part in (0.45, 0.4):
                flows.append((loan, "out", day + timedelta(hours=part * 10), round(
                    amount * part, 2), "cash", "", "cash", "", ""))
            budget *= 0.15
        for _ in range(int(rng.integers(2, 6))):  # ordinary spending
            kind, mcc = BENIGN[int(rng.integers(0, len(BENIGN)))]
            share = float(rng.uniform(0.02, 0.15))
            flows.append((loan, "out", at0 + timedelta(days=float(rng.uniform(3, 120))),
                          round(budget * share, 2), "transfer", _card(rng, 1, "6225")[0],
                          kind, mcc, "商户" if kind == "merchant" else "李某"))
    frame = pd.DataFrame(flows, columns=["loan_no", "direction", "at", "amount", "channel",
                                         "counterparty_account", "counterparty_type", "mcc",
                                         "counterparty_name"])
    frame = frame[(frame["at"] < end) & (frame["amount"] > 0)].sort_values("at")
    frame.insert(0, "flow_no", [f"LS{i:09d}" for i in range(1, len(frame) + 1)])
    frame["at"] = pd.to_datetime(frame["at"]).dt.strftime("%Y-%m-%d %H:%M:%S")
    return frame


def month_ends(first: date, today: date) -> list[date]:
    """The last day of every month from ``first``'s to the one before today's, then today."""
    out = []
    cursor = date(first.year, first.month, 1)
    while True:
        nxt = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
        if nxt > today:
            break
        out.append(nxt - timedelta(days=1))
        cursor = nxt
    return [*out, today]


def load_demo_loans(engine: Engine, officer: Actor, *, loans: int = 2500,
                    today: date | None = None) -> str:
    """Import the book through the loan import, then run the monitoring at each month end."""
    if today is None:
        from riskdesk.services.periods import local_day
        from riskdesk.storage.session import unit_of_work

        with unit_of_work(engine, write=False) as session:
            today = local_day(session)
    book, repayments, flows = demo_books(engine, loans=loans, today=today)
    with tempfile.TemporaryDirectory() as tmp:
        for name, frame in (("loans", book), ("repayments", repayments), ("flows", flows)):
            path = Path(tmp) / f"demo-{name}.csv"
            frame.to_csv(path, index=False)
            result = import_loan_file(engine, officer, path=path)
            if result.refused:
                raise RuntimeError(f"demo {name} failed validation: "
                                   f"{result.problems.head(5).to_dict('records')}")
    first = pd.to_datetime(book["start_date"]).min().date() if len(book) else today
    runs = [run_monitoring(engine, officer, as_of=day) for day in month_ends(first, today)]
    opened = sum(r.cases_opened for r in runs)
    return (f"{len(book)} loans, {len(repayments)} instalments, {len(flows)} fund flows; "
            f"{len(runs)} monitoring runs raised {sum(r.alerts for r in runs)} alerts in "
            f"{opened} post-loan cases")
