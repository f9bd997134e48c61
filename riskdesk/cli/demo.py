"""`riskdesk demo`: build (once) and open the demo database."""
from __future__ import annotations

import argparse
import os

from riskdesk.cli.common import Subparsers, add_common
from riskdesk.cli.gui import no_display, run_gui


def add_parser(sub: Subparsers) -> None:
    demo = sub.add_parser("demo", help="build a demo database of real credit data and open it")
    add_common(demo, user=False)
    demo.add_argument("--rows", type=int, default=None, help="resample to N rows (<= 10,000,000)")
    demo.add_argument("--no-gui", action="store_true")
    demo.add_argument("--lang")


def run(args: argparse.Namespace) -> int:
    from riskdesk import config
    from riskdesk.demo.database import build_demo

    target = args.db or str(config.demo_db_path())
    try:  # the bundled model's validation report in Chinese where QtCore is installed
        from riskdesk.cli.report import _report_language

        _report_language("zh")
    except ImportError:  # a core-only install: the report is written in English
        pass
    summary = build_demo(target, rows=args.rows)
    print(summary)
    if args.db is None and not os.environ.get(config.DB_ENV) and config.recorded_db() is None:
        config.record_default_db(target)  # a bare `riskdesk gui` / `riskdesk import` opens it
        print(f"{target} is now the default database (until another is given with --db or "
              f"RISKDESK_DB, or chosen in File > Settings): `riskdesk gui --user officer` "
              "opens it.")
    if args.no_gui:
        return 0
    problem = no_display()
    if problem:
        where = f" --db {args.db}" if args.db else ""
        print(f"note: {problem}; the demo database is built, open it where a window can open "
              f"with `riskdesk gui{where}`.")
        return 0
    return run_gui(target, user=None, lang=args.lang, screenshot=None)
