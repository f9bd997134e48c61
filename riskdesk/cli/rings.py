"""`riskdesk rings ...`: fraud rings (issue 33): list, show one, rebuild the link store."""
from __future__ import annotations

import argparse
import json

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine


def add_parser(sub: Subparsers) -> None:
    rings = sub.add_parser("rings", help="fraud rings: applicants joined by shared devices, "
                                         "phones, cards and employers")
    rs = rings.add_subparsers(dest="rings_command", required=True)
    ls = rs.add_parser("list", help="one ring per line: ID, applicants, applications, keys, "
                                    "status")
    ls.add_argument("--min-size", type=int, default=4, metavar="N",
                    help="rings of at least N applicants (default 4, FRAUD_RING's default)")
    add_common(ls)
    show = rs.add_parser("show", help="a ring's figures and its member application numbers "
                                      "(personal data masked)")
    show.add_argument("ring", metavar="RING-000123")
    add_common(show)
    rb = rs.add_parser("rebuild", help="link every application again and recompute the rings "
                                       "(after a key rotation or a rule change)")
    add_common(rb)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.rings import detect, views
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.rings_command == "rebuild":
        result = detect.rebuild(engine, actor)
        print(f"{result.edges} links; {result.rings} rings ({len(result.changes.opened)} new, "
              f"{len(result.changes.updated)} changed, {len(result.changes.merged)} merged)")
        return 0
    with unit_of_work(engine, write=False) as session:
        if args.rings_command == "list":
            for r in views.list_rings(session, actor, min_size=args.min_size):
                print(f"{r.code}\tapplicants {r.applicants}\tapplications {r.applications}"
                      f"\tkeys {r.keys}\t{r.status}")
            return 0
        detail = views.show_ring(session, actor, ring_id=views.parse_code(args.ring))
    r = detail.ring
    print(f"{r.code}\t{r.status}\tcase {r.case_id or '-'}")
    for name in ("applicants", "applications", "keys", "keys_by_kind", "density", "span_days",
                 "share_flagged", "share_bad", "amount"):
        if name in detail.metrics:
            value = detail.metrics[name]
            print(f"{name}: {json.dumps(value) if isinstance(value, dict) else value}")
    for m in detail.members:
        print(m.application_no)
    return 0
