"""`riskdesk decisions ...`: the decision feed to origination as sealed files (issue 29)."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine


def add_parser(sub: Subparsers) -> None:
    par = sub.add_parser("decisions", help="the decision feed to origination: export, verify, "
                         "acknowledge")
    ds = par.add_subparsers(dest="decisions_command", required=True)
    pexp = ds.add_parser("export", help="the final decisions after a sequence into FILE.csv "
                         "and FILE.csv.manifest.json (compliance, administrators; audited)")
    pexp.add_argument("--since", type=int, default=None,
                      help="the last sequence origination has (default: what the last "
                      "export wrote)")
    pexp.add_argument("--out", required=True, help="FILE.csv")
    add_common(pexp)
    pver = ds.add_parser("verify", help="check FILE.csv against its manifest and seal: exit "
                         "0, or 2 on any mismatch")
    pver.add_argument("file")
    add_common(pver)
    pack = ds.add_parser("ack", help="record the sequences origination confirmed (a file of "
                         "sequence numbers, one per line)")
    pack.add_argument("file")
    add_common(pack)
    pset = ds.add_parser("settings", help="the feed folder for urgent actions and the hours "
                         "before an unacknowledged record warns (administrators)")
    pset.add_argument("--folder", default=None)
    pset.add_argument("--warn-hours", type=int, default=None)
    add_common(pset)
    pst = ds.add_parser("status", help="last sequence, exported and acknowledged up to")
    add_common(pst)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.feed import files
    from riskdesk.services.feed.status import feed_status
    from riskdesk.storage.session import unit_of_work

    if args.decisions_command == "verify":  # the file and this keyring: no database needed
        path = Path(args.file)
        problems = files.verify(path)
        if problems:
            print(f"REFUSED {path}")
            for p in problems:
                print(f"  {p}")
            return 2
        print(f"{path}: intact and sealed")
        return 0
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.decisions_command == "export":
        with unit_of_work(engine) as session:
            res = files.export(session, actor, out=Path(args.out), since=args.since)
        span = f"{res.first_seq}..{res.last_seq}" if res.count else "none"
        print(f"{res.count} record(s), sequences {span}, written to {res.path} "
              f"(manifest {res.manifest})")
        return 0
    if args.decisions_command == "ack":
        with unit_of_work(engine) as session:
            ack = files.acknowledge(session, actor, path=Path(args.file))
        print(f"{ack.acknowledged} acknowledged, {ack.already} already, "
              f"{len(ack.unknown)} unknown sequence(s)")
        return 2 if ack.unknown else 0
    if args.decisions_command == "settings":
        with unit_of_work(engine) as session:
            files.set_feed_settings(session, actor, folder=args.folder, hours=args.warn_hours)
            folder, hours = files.feed_folder(session), files.warn_hours(session)
        print(f"feed folder: {folder or '(none)'}; warn after {hours} h")
        return 0
    with unit_of_work(engine, write=False) as session:
        st = feed_status(session, actor, limit=20)
    print(f"last sequence {st.last_seq}, exported up to {st.exported_to}, acknowledged up to "
          f"{st.acknowledged_to}; {st.unacknowledged} unacknowledged, {st.overdue} older than "
          f"{st.warn_hours} h")
    return 0
