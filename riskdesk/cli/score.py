"""`riskdesk score`: score, check rules, record decisions, open cases."""
from __future__ import annotations

import argparse

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine


def add_parser(sub: Subparsers) -> None:
    score = sub.add_parser("score", help="score applications, check rules, open cases")
    sg = score.add_mutually_exclusive_group()
    sg.add_argument("--all", action="store_true", help="every application not yet decided "
                                                       "under the versions in force (default)")
    sg.add_argument("--unscored", action="store_true", help="only never-scored applications")
    add_common(score)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.credit.scoring_job import score_applications

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    result = score_applications(engine, actor, scope="unscored" if args.unscored else "all")
    print(f"score run {result.run_id}: {result.summary()}")
    return 0
