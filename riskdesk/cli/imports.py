"""`riskdesk import`: application files, and `--describe` of their columns."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    imp = sub.add_parser("import", help="import an application file (CSV or Excel)")
    imp.add_argument("file", type=Path, nargs="?")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the good rows; write the others to --rejects")
    imp.add_argument("--rejects", type=Path, help="CSV file for rejected rows")
    imp.add_argument("--describe", action="store_true",
                     help="print the accepted columns (Markdown) and exit")
    add_common(imp)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.intake.applications import import_file
    from riskdesk.services.intake.describe import describe

    if args.describe:
        sys.stdout.write(describe())
        return 0
    if args.file is None:
        raise RiskdeskError("Name the file to import.")
    if args.rejects and not args.skip_invalid:
        raise RiskdeskError("--rejects goes with --skip-invalid.")
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    result = import_file(engine, actor, path=args.file, skip_invalid=args.skip_invalid,
                         rejects_path=args.rejects)
    for col in result.unknown_columns:
        print(f"note: column \"{col}\" is not recognised and was ignored")
    if result.refused:
        print(f"{args.file.name}: refused, nothing imported. {len(result.problems)} problem(s) "
              f"in {result.rejected} of {result.rows_total} rows "
              f"({result.conflicts} conflict(s)):", file=sys.stderr)
        for line in result.problem_lines():
            print("  " + line, file=sys.stderr)
        return 2
    scored = ("" if result.scoring is None else
              f"{result.flagged} flagged, {result.cases_opened} case(s) opened, ")
    print(f"{args.file.name} ({result.file_format}, sha256 {result.sha256[:12]}...): "
          f"{result.rows_total} rows, {result.inserted} imported, {scored}{result.present} "
          f"already present, {result.conflicts} conflict(s), {result.rejected} rejected "
          f"(batch {result.batch_id})")
    if result.inserted and result.scoring is None and result.scoring_note:
        print(f"not scored: {result.scoring_note}")
    if result.rejected:
        for line in result.problem_lines():
            print("  " + line)
        if result.rejects_path:
            print(f"Rejected rows written to {result.rejects_path}")
    return 0
