"""`riskdesk rules ...`: rule settings in force, the blacklist."""
from __future__ import annotations

import argparse

from riskdesk.cli import rule_changes
from riskdesk.cli.common import Subparsers, acting_user, add_common, json_values, open_engine
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    rules = sub.add_parser("rules", help="anti-fraud and compliance rules")
    rs = rules.add_subparsers(dest="rules_command", required=True)
    rl = rs.add_parser("list", help="the rule settings in force")
    add_common(rl)
    rset = rs.add_parser("set", help="propose a change of one rule (compliance); it takes "
                         "effect when a second person approves it (rules approve N)")
    rset.add_argument("code")
    rset.add_argument("--enable", action="store_true")
    rset.add_argument("--disable", action="store_true")
    rset.add_argument("--severity", choices=["low", "medium", "high"])
    rset.add_argument("--param", action="append", default=[], metavar="NAME=JSON")
    rset.add_argument("--hard-stop", choices=["yes", "no"],
                      help="whether a hit forbids approval by anyone")
    rset.add_argument("--note", "--why", dest="note", default="", help="why (required)")
    add_common(rset)
    rule_changes.add_parsers(rs)
    bl = rs.add_parser("blacklist", help="add an identifier to the internal blacklist")
    bl.add_argument("kind", choices=["id_no", "phone", "card", "device"])
    bl.add_argument("value")
    bl.add_argument("--reason", required=True)
    add_common(bl)


def run(args: argparse.Namespace) -> int:
    import json

    if args.rules_command in rule_changes.COMMANDS:
        return rule_changes.run(args)

    from riskdesk.rules.catalog import BY_CODE, rule_name
    from riskdesk.services.credit import rulesets
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    with unit_of_work(engine) as session:
        if args.rules_command == "list":
            rs, settings = rulesets.current_rule_set(session, actor)
            print(f"rule set {rs.id}, effective {rs.effective_from:%Y-%m-%d %H:%M:%S}, "
                  f"by {rs.created_by}")
            for code, st in settings.items():
                src = BY_CODE[code].source if code in BY_CODE else ""
                print(f"  {code:<15} {'on ' if st.enabled else 'off'} {st.severity:<6} "
                      f"{'hard stop ' if st.hard_stop else '':<10}"
                      f"{json.dumps(st.params, ensure_ascii=False):<45} {rule_name(code)} "
                      f"[{src}]")
            return 0
        if args.rules_command == "blacklist":
            entry = rulesets.add_blacklist(session, actor, kind=args.kind, value=args.value,
                                           reason=args.reason)
            print(f"blacklist entry {entry.id}: {entry.kind} {entry.masked}")
            return 0
        if args.enable and args.disable:
            raise RiskdeskError("--enable or --disable, not both.")
        from riskdesk.services.credit import proposals

        wanted: dict[str, object] = {"params": json_values(args.param, "--param")}
        if args.enable or args.disable:
            wanted["enabled"] = bool(args.enable)
        if args.severity:
            wanted["severity"] = args.severity
        if args.hard_stop is not None:
            wanted["hard_stop"] = args.hard_stop == "yes"
        row = proposals.propose(session, actor, changes={"rules": {args.code: {
            k: v for k, v in wanted.items() if v != {}}}}, why=args.note)
        rule_changes.print_proposal(proposals.view(row))
        print(f"proposal {row.id} awaits a second person's approval: riskdesk rules approve "
              f"{row.id}")
    return 0
