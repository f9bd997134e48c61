"""`riskdesk partners ...`: performance, capital figures, review cases."""
from __future__ import annotations

import argparse

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    par = sub.add_parser("partners", help="partner register, performance, joint-lending limits")
    ps = par.add_subparsers(dest="partners_command", required=True)
    pperf = ps.add_parser("performance", help="each partner's month and the joint-lending "
                          "ratios")
    pperf.add_argument("--month", required=True, help="YYYY-MM")
    add_common(pperf)
    pcap = ps.add_parser("capital", help="the bank's net tier-1 capital and total loan balance "
                         "from a date (compliance; audited)")
    pcap.add_argument("--from", dest="effective", required=True, help="YYYY-MM-DD")
    pcap.add_argument("--tier1", required=True, help="net tier-1 capital, CNY")
    pcap.add_argument("--balance", required=True, help="total loan balance, CNY")
    add_common(pcap)
    prev = ps.add_parser("review", help="open partner review cases for a month (a bad rate "
                         "that doubled, complaints above the threshold)")
    prev.add_argument("--month", required=True, help="YYYY-MM")
    add_common(prev)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from riskdesk.services.partners import register as partners
    from riskdesk.services.partners.performance import (
        joint_position,
        performance,
        raise_review_cases,
    )
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.partners_command == "capital":
        try:
            effective = date.fromisoformat(args.effective)
        except ValueError:
            raise RiskdeskError(f"--from: not a date (YYYY-MM-DD): {args.effective}") from None
        with unit_of_work(engine) as session:
            partners.set_capital(session, actor, effective=effective, tier1=args.tier1,
                                 balance=args.balance)
        print(f"capital figures from {effective}: net tier-1 {args.tier1}, loan balance "
              f"{args.balance}")
        return 0
    if args.partners_command == "review":
        with unit_of_work(engine) as session:
            opened = raise_review_cases(session, actor, month=args.month)
        print(f"{len(opened)} partner review case(s) opened for {args.month}")
        return 0
    with unit_of_work(engine, write=False) as session:
        rows = performance(session, actor, month=args.month)
        joint = joint_position(session, actor, month=args.month)

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{100 * v:.1f} %"

    print(f"{'partner':<10} {'apps':>6} {'approved':>9} {'flagged':>8} {'fraud':>6} "
          f"{'bad rate':>16} {'compl/1000':>10}")
    for r in rows:
        per = "-" if r.complaints_per_1000 is None else f"{r.complaints_per_1000:.1f}"
        print(f"{r.code:<10} {r.applications:>6} {pct(r.approval_rate):>9} "
              f"{pct(r.flag_rate):>8} {r.fraud_hits:>6} "
              f"{pct(r.bad_rate) + f' ({r.bad}/{r.matured})':>16} {per:>10}")
    if joint.tier1 is None:
        print("joint lending: no capital figures set (riskdesk partners capital)")
    else:
        for code, ratio in joint.ratio_one.items():
            print(f"joint lending with {code}: {100 * ratio:.1f} % of net tier-1 capital "
                  "(limit 25 %)")
        print(f"joint lending, all partners: {pct(joint.ratio_all)} of the loan balance "
              "(limit 50 %)")
        for w in joint.warnings:
            print(f"WARNING {w}")
    return 0
