"""`riskdesk cases ...`: evidence files on a case (attach, list)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine
from riskdesk.errors import InvalidInput


def add_parser(sub: Subparsers) -> None:
    cases = sub.add_parser("cases", help="cases: evidence files")
    cs = cases.add_subparsers(dest="cases_command", required=True)
    at = cs.add_parser("attach", help="attach an evidence file (PDF, PNG, JPEG, Excel, Word; "
                                      "at most 20 MB) to an open case, stored encrypted")
    _case_arguments(at)
    at.add_argument("file", type=Path, metavar="FILE")
    at.add_argument("--note", default="", help="what the file is, for the case's history")
    at.add_argument("--supersedes", type=int, metavar="FILE_ID",
                    help="this file is a new version of that one (both are kept)")
    add_common(at)
    ls = cs.add_parser("attachments", help="the case's evidence files: id, name, type, size, "
                                           "SHA-256, who and when")
    _case_arguments(ls)
    add_common(ls)


def _case_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("application_no", nargs="?", metavar="APPLICATION_NO",
                   help="the application whose case it is")
    p.add_argument("--case", type=int, metavar="ID",
                   help="the case id instead (cases without an application: post-loan, "
                        "partner, ring)")


def run(args: argparse.Namespace) -> int:
    from riskdesk.security.filetypes import MAX_BYTES
    from riskdesk.services.cases import evidence
    from riskdesk.storage.session import unit_of_work

    if (args.case is None) == (args.application_no is None):
        raise InvalidInput("Name the case: APPLICATION_NO, or --case ID.")
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    case_id = args.case
    if case_id is None:
        with unit_of_work(engine, write=False) as session:
            case_id = evidence.case_of(session, actor, application_no=args.application_no)
    if args.cases_command == "attach":
        path: Path = args.file
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:  # refused before it is read into memory
                raise InvalidInput(f"{path.name} is {size / 1024 / 1024:.1f} MB; evidence "
                                   "files may be at most 20 MB.")
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Cannot read {path}: {exc.strerror}") from None
        with unit_of_work(engine) as session:
            row = evidence.attach(session, actor, case_id=case_id, name=path.name, data=data,
                                  note=args.note, supersedes=args.supersedes)
        print(f"attached #{row.id} {row.name} ({row.kind}, {row.size} bytes) to case "
              f"{case_id}; SHA-256 {row.sha256}")
        return 0
    with unit_of_work(engine, write=False) as session:
        rows = evidence.attachments(session, actor, case_id=case_id)
    if not rows:
        print(f"case {case_id} has no evidence files", file=sys.stderr)
    for r in rows:
        state = (f"superseded by #{r.superseded_by_id}" if r.superseded_by_id
                 else f"supersedes #{r.supersedes_id}" if r.supersedes_id else "")
        print("\t".join((f"#{r.id}", r.name, r.kind, f"{r.size} bytes", r.sha256, r.added_by,
                         r.added_at.strftime("%Y-%m-%d %H:%M:%S UTC"), state)).rstrip("\t"))
    return 0

