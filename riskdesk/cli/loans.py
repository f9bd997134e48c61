"""`riskdesk loans ...`: post-loan files, the daily monitoring run, policy, the book."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import (
    Subparsers,
    acting_user,
    add_common,
    json_values,
    open_engine,
    print_refusal,
)
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    loans = sub.add_parser("loans", help="post-loan: loans, repayments, fund flows, monitoring")
    ls_ = loans.add_subparsers(dest="loans_command", required=True)
    li = ls_.add_parser("import", help="import loan, repayment or fund-flow files (CSV or "
                        "Excel; the kind is told by the columns), each whole or not at all")
    li.add_argument("files", type=Path, nargs="+")
    add_common(li)
    lm = ls_.add_parser("monitor", help="the daily monitoring run: DPD, five categories, "
                        "early-warning rules; raises post-loan cases")
    lm.add_argument("--as-of", help="YYYY-MM-DD (default: today in the bank's time zone)")
    add_common(lm)
    lpol = ls_.add_parser("policy", help="the post-loan thresholds in force; compliance "
                          "changes them with --set NAME=JSON --note WHY (a new audited version)")
    lpol.add_argument("--set", dest="changes", action="append", default=[],
                      metavar="NAME=JSON")
    lpol.add_argument("--note", default="")
    add_common(lpol)
    lp = ls_.add_parser("portfolio", help="loans and balances by category, roll rates")
    lp.add_argument("--month", required=True, help="YYYY-MM")
    add_common(lp)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from riskdesk.domain.enums import label
    from riskdesk.services.intake.loans import import_loan_file
    from riskdesk.services.postloan.book import portfolio
    from riskdesk.services.postloan.monitoring import run_monitoring
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.loans_command == "import":
        code = 0
        for path in args.files:
            result = import_loan_file(engine, actor, path=path)
            if result.refused:
                print_refusal(path.name, result.problems)
                code = 2
                continue
            print(f"{path.name}: {result.kind}, {result.rows_total} rows: {result.inserted} "
                  f"new, {result.updated} updated, {result.present} already present")
        return code
    if args.loans_command == "policy":
        import json

        from riskdesk.services.postloan import policy as postloan_policy

        with unit_of_work(engine, write=bool(args.changes)) as session:
            if args.changes:
                changes = json_values(args.changes, "--set")
                row = postloan_policy.change(session, actor, changes=changes, note=args.note)
            else:
                row = postloan_policy.current(session)
            print(f"post-loan policy version {row.id} by {row.created_by} at "
                  f"{row.created_at:%Y-%m-%d %H:%M} UTC ({row.note})")
            for name, value in sorted(postloan_policy.params(row).items()):
                print(f"  {name} = {json.dumps(value, ensure_ascii=False)}")
        return 0
    if args.loans_command == "monitor":
        try:
            as_of = date.fromisoformat(args.as_of) if args.as_of else None
        except ValueError:
            raise RiskdeskError(f"--as-of: not a date (YYYY-MM-DD): {args.as_of}") from None
        run = run_monitoring(engine, actor, as_of=as_of)
        # each count after its noun: no "1 cases opened" (issue 28)
        print(f"monitoring run {run.run_id} as of {run.as_of}: loans {run.loans}, "
              f"new alerts {run.alerts}, cases opened {run.cases_opened}, "
              f"cases updated {run.cases_updated}")
        for code_, n in sorted((run.by_code or {}).items()):
            print(f"  {code_}: {n}")
        return 0
    with unit_of_work(engine, write=False) as session:
        book = portfolio(session, actor, month=args.month)
    print(f"portfolio {book.month}: {book.total_loans} loans, balance "
          f"{book.total_balance:,.2f}")
    for category in book.loans:
        print(f"  {label(category):<16} {book.loans[category]:>8} loans  "
              f"{book.balance[category]:>16,.2f}  overdue {book.overdue[category]:,.2f}")
    if book.roll:
        print(f"roll rates {book.previous} -> {book.month} (share of each row):")
        for src, shares in book.roll.items():
            print(f"  {label(src):<16} " + "  ".join(f"{label(d)} {100 * v:.1f} %"
                                                     for d, v in shares.items() if v))
    return 0
