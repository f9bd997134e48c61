"""`riskdesk complaints ...`: call-centre files, a month's figures."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, print_refusal


def add_parser(sub: Subparsers) -> None:
    comp = sub.add_parser("complaints", help="complaints from the call centre, monthly figures")
    cs = comp.add_subparsers(dest="complaints_command", required=True)
    ci = cs.add_parser("import", help="import a call-centre complaint file (CSV or Excel)")
    ci.add_argument("file", type=Path)
    add_common(ci)
    cf = cs.add_parser("figures", help="a month's complaint figures")
    cf.add_argument("--month", help="YYYY-MM (default: this month)")
    add_common(cf)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from riskdesk.services.complaints import figures as complaints
    from riskdesk.services.intake.complaints import import_complaints
    from riskdesk.services.periods import current_month
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.complaints_command == "figures":
        with unit_of_work(engine, write=False) as session:
            month = args.month or current_month(session)
            figures = complaints.figures(session, actor, month=month)
        for key, value in asdict(figures).items():
            print(f"{key}: {value}")
        return 0
    result = import_complaints(engine, actor, path=args.file)
    if result.refused:
        print_refusal(args.file.name, result.problems)
        return 2
    print(f"{args.file.name}: rows {result.rows_total}, complaints registered "  # issue 28
          f"{result.inserted}, already present {result.present}")
    return 0
