"""`riskdesk lists ...`: the managed blacklist and allowlist (issue 30). Values are hashed as
they are read; what is printed is masked."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, print_refusal
from riskdesk.errors import RiskdeskError

KINDS = ["id_no", "phone", "card", "device"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text} (write 2027-06-30)") from None


def add_parser(sub: Subparsers) -> None:
    lists = sub.add_parser("lists", help="the blacklist and allowlist (keyed hashes only)")
    ls = lists.add_subparsers(dest="lists_command", required=True)
    add = ls.add_parser("add", help="list a value (compliance; signed)")
    add.add_argument("kind", choices=KINDS)
    add.add_argument("value")
    add.add_argument("--list", dest="list_name", choices=["black", "allow"], required=True)
    add.add_argument("--reason", required=True)
    add.add_argument("--expires", type=_day, help="YYYY-MM-DD: stops matching from that day")
    add.add_argument("--source", default="manual", help="where the listing comes from")
    add_common(add)
    rm = ls.add_parser("remove", help="ask for an entry's removal (a second user approves it)")
    rm.add_argument("entry", type=int, help="the entry's number (lists show)")
    rm.add_argument("--reason", required=True)
    add_common(rm)
    ap = ls.add_parser("approve", help="approve an entry's removal (another user; signed)")
    ap.add_argument("entry", type=int)
    add_common(ap)
    imp = ls.add_parser("import", help="load entries from CSV or Excel: columns kind, value, "
                        "reason, optional expires and source; whole file or nothing")
    imp.add_argument("file", type=Path)
    imp.add_argument("--list", dest="list_name", choices=["black", "allow"], required=True)
    add_common(imp)
    show = ls.add_parser("show", help="the entries in force (masked), newest first")
    show.add_argument("--kind", choices=KINDS)
    show.add_argument("--list", dest="list_name", choices=["black", "allow"])
    show.add_argument("--value", help="find a value (hashed, never stored)")
    show.add_argument("--all", action="store_true", help="removed entries too")
    add_common(show)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.lists import bulk, entries
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.lists_command == "import":
        result = bulk.import_list(engine, actor, path=args.file, list_name=args.list_name)
        if result.refused:
            print_refusal(args.file.name, result.problems)
            return 1
        print(f"{args.file.name}: {result.added} entries added to the {args.list_name}list")
        return 0
    with unit_of_work(engine) as session:
        if args.lists_command == "add":
            e = entries.add(session, actor, kind=args.kind, value=args.value,
                            list_name=args.list_name,
                            reason=args.reason, expires=args.expires, source=args.source)
            print(f"list entry {e.id}: {e.list_name}list {e.kind} {e.masked}")
        elif args.lists_command == "remove":
            e = entries.request_removal(session, actor, entry_id=args.entry, reason=args.reason)
            print(f"list entry {e.id}: removal asked; another user approves it: "
                  f"riskdesk lists approve {e.id}")
        elif args.lists_command == "approve":
            e = entries.approve_removal(session, actor, entry_id=args.entry)
            print(f"list entry {e.id}: removed")
        elif args.lists_command == "show":
            rows = entries.show(session, actor, kind=args.kind, list_name=args.list_name,
                                value=args.value, include_removed=args.all)
            for e in rows:
                expires = f"{e.expires_at:%Y-%m-%d %H:%M}" if e.expires_at else "-"
                print(f"{e.id:>6} {e.list_name:<5} {e.kind:<6} {e.masked:<22} {e.status:<15} "
                      f"expires {expires:<16} {e.added_by} {e.added_at:%Y-%m-%d} "
                      f"[{e.source}] {e.reason}")
            print(f"{len(rows)} entries")
        else:  # pragma: no cover - argparse refuses other commands
            raise RiskdeskError(f"unknown lists command {args.lists_command}")
    return 0
