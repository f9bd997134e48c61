"""`riskdesk rules propose / approve / reject / proposals / versions / diff / backtest`: rule
and policy changes with four-eyes, their versions, and a backtest before approval (issue 30)."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from riskdesk.cli.common import acting_user, add_common, open_engine, write_atomically
from riskdesk.errors import RiskdeskError

COMMANDS = ("propose", "approve", "reject", "proposals", "versions", "diff", "backtest")
SET_HELP = "a rule's parameter, severity, enabled or hard_stop (repeatable)"
POLICY_HELP = ("a policy setting: approve_below, decline_from, review_sla_hours, "
               "four_eyes_amount (repeatable)")


def _changes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--set", dest="sets", action="append", default=[],
                   metavar="CODE.PARAM=VALUE", help=SET_HELP)
    p.add_argument("--policy", action="append", default=[], metavar="NAME=VALUE",
                   help=POLICY_HELP)


def add_parsers(rs: Any) -> None:
    pr = rs.add_parser("propose", help="propose a rule or policy change (compliance); it takes "
                       "effect when a second person approves it")
    _changes(pr)
    pr.add_argument("--restore", type=int, metavar="RULE_SET",
                    help="propose going back to an earlier rule-set version")
    pr.add_argument("--restore-policy", type=int, metavar="POLICY_VERSION",
                    help="propose going back to an earlier policy version")
    pr.add_argument("--why", required=True, help="why the change is proposed")
    pr.add_argument("--effective", type=date.fromisoformat, metavar="YYYY-MM-DD",
                    help="the day (bank's time zone) from which it applies; default: at "
                    "approval")
    add_common(pr)
    ap = rs.add_parser("approve", help="approve proposal N (compliance or senior officer, not "
                       "its proposer; signed)")
    ap.add_argument("proposal", type=int)
    ap.add_argument("--note", default="")
    add_common(ap)
    rj = rs.add_parser("reject", help="reject proposal N (or withdraw your own)")
    rj.add_argument("proposal", type=int)
    rj.add_argument("--note", default="")
    add_common(rj)
    ls = rs.add_parser("proposals", help="the proposals, newest first")
    ls.add_argument("--status", choices=["proposed", "approved", "rejected", "withdrawn"])
    add_common(ls)
    add_common(rs.add_parser("versions", help="every rule-set and policy version"))
    df = rs.add_parser("diff", help="what differs between rule-set versions A and B")
    df.add_argument("a", type=int)
    df.add_argument("b", type=int)
    df.add_argument("--policy", action="store_true", help="compare policy versions instead")
    add_common(df)
    bt = rs.add_parser("backtest", help="the change over the last N days' applications, "
                       "writing nothing: flagged before and after, what changes")
    _changes(bt)
    bt.add_argument("--proposal", type=int, metavar="N", help="backtest proposal N")
    bt.add_argument("--days", type=int, default=90)
    bt.add_argument("--out", type=Path, help="export the changed applications (.csv or .xlsx)")
    add_common(bt)


def run(args: argparse.Namespace) -> int:
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.rules_command == "backtest":
        with unit_of_work(engine, write=False) as session:
            return _backtest(session, actor, args)
    with unit_of_work(engine, write=args.rules_command in ("propose", "approve", "reject")
                      ) as session:
        return _run(session, actor, args)


def _run(session: Any, actor: Any, args: argparse.Namespace) -> int:
    from riskdesk.services.credit import proposals, rule_versions

    command = args.rules_command
    if command == "propose":
        if args.restore is not None or args.restore_policy is not None:
            if args.sets or args.policy:
                raise RiskdeskError("--restore is a proposal of its own: no --set or --policy "
                                    "with it.")
            row = proposals.propose_restore(session, actor, rule_set_id=args.restore,
                                            policy_version_id=args.restore_policy,
                                            why=args.why, effective_on=args.effective)
        else:
            row = proposals.propose(session, actor,
                                    changes=proposals.parse_changes(args.sets, args.policy),
                                    why=args.why,
                                    effective_on=args.effective)
        print_proposal(proposals.view(row))
        print(f"proposal {row.id} awaits a second person's approval: riskdesk rules approve "
              f"{row.id}")
        return 0
    if command in ("approve", "reject"):
        fn = proposals.approve if command == "approve" else proposals.reject
        row = fn(session, actor, proposal_id=args.proposal, note=args.note)
        print_proposal(proposals.view(row))
        return 0
    if command == "proposals":
        for p in proposals.list_proposals(session, actor, status=args.status):
            print_proposal(p)
        return 0
    if command == "versions":
        for v in rule_versions.versions(session, actor):
            approved = f", approved by {v.approved_by} (proposal {v.proposal_id})" \
                if v.approved_by else ""
            print(f"{v.kind:<6} {v.id:>4}  {v.state:<8} effective "
                  f"{v.effective_from:%Y-%m-%d %H:%M:%S}  by {v.created_by}{approved}  {v.note}")
        return 0
    kind = rule_versions.POLICY if args.policy else rule_versions.RULES
    rows = rule_versions.diff(session, actor, a=args.a, b=args.b, kind=kind)
    print(f"{kind} {args.a} -> {args.b}: {len(rows)} difference(s)")
    for d in rows:
        name = f"{d.item}.{d.field}" if d.field else d.item
        print(f"  {name:<40} {rule_versions.shown(d.a)} -> {rule_versions.shown(d.b)}")
    return 0


def print_proposal(p: Any) -> None:
    decided = f"; {p.status} by {p.decided_by} {p.decided_at:%Y-%m-%d %H:%M}" \
        if p.decided_by else ""
    effective = f"; effective {p.effective_from:%Y-%m-%d %H:%M} UTC" if p.effective_from else ""
    print(f"proposal {p.id} [{p.status}] by {p.proposed_by} "
          f"{p.proposed_at:%Y-%m-%d %H:%M}{effective}{decided}")
    for line in p.summary:
        print(f"  {line}")
    print(f"  why: {p.why}")


def _percent(x: float | None) -> str:
    return "-" if x is None else f"{x:.1%}"


def _backtest(session: Any, actor: Any, args: argparse.Namespace) -> int:
    from riskdesk.services.credit import proposals
    from riskdesk.services.credit.backtest import backtest, changed_table

    r = backtest(session, actor, changes=proposals.parse_changes(args.sets, args.policy),
                 proposal_id=args.proposal, days=args.days)
    # The first two lines are read by scripts: keep their words and order (issue 30).
    print(f"flagged before: {r.before.flagged}")
    print(f"flagged after: {r.after.flagged}")
    print(f"applications: {r.applications} submitted {r.since:%Y-%m-%d %H:%M} .. "
          f"{r.until:%Y-%m-%d %H:%M} UTC (last {r.days} days); not scored: {r.unscored}")
    print(f"change: {'; '.join(r.changes) or 'none'}")
    print(f"approval rate: {_percent(r.before.approval_rate)} -> "
          f"{_percent(r.after.approval_rate)}")
    print(f"cases per day: {r.before.cases_per_day:.1f} -> {r.after.cases_per_day:.1f}")
    print(f"known outcomes: {r.known} ({r.bads} bad)")
    print(f"bad rate among approved: {_percent(r.before.bad_rate_approved)} -> "
          f"{_percent(r.after.bad_rate_approved)}")
    print(f"bads caught: {_percent(r.before.bads_caught)} -> {_percent(r.after.bads_caught)}")
    print(f"applications that change: {len(r.changed)}")
    for row in r.changed.head(20).to_dict("records"):
        print(f"  {row['application_no']:<16} {row['before']:>8} -> {row['after']:<8} "
              f"[{row['rules_before'] or '-'} -> {row['rules_after'] or '-'}] "
              f"pd {row['pd']:.4f} {row['band_before']} -> {row['band_after']}")
    if len(r.changed) > 20:
        print(f"  ... {len(r.changed) - 20} more (--out FILE for all)")
    if args.out is not None:
        table = changed_table(r)
        if args.out.suffix.lower() == ".xlsx":
            import io

            buffer = io.BytesIO()
            table.to_excel(buffer, index=False)
            data = buffer.getvalue()
        else:
            data = table.to_csv(index=False).encode("utf-8-sig")
        write_atomically(args.out, data)
        print(f"wrote {len(table)} changed applications to {args.out}", file=sys.stderr)
    print(f"took {r.seconds:.2f} s", file=sys.stderr)
    return 0
