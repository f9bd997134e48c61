"""The one entry point: ``riskdesk`` opens the GUI; subcommands do the rest.

Exit codes: 0 success, 1 error, 2 refused (bad input file, broken audit chain, bad usage).
Every command that changes data acts as a signed-in user (``--user``, password from
RISKDESK_PASSWORD or a prompt).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DBAPIError

from riskdesk import __version__
from riskdesk.cli import (
    audit,
    bench,
    cases,
    complaints,
    db,
    decisions,
    demo,
    gui,
    imports,
    key,
    lists,
    loans,
    model,
    partners,
    report,
    rings,
    rules,
    score,
    user,
)
from riskdesk.cli.common import Subparsers
from riskdesk.errors import RiskdeskError

# The command groups in the order `riskdesk --help` lists them: each adds its own subparser
# and runs its own commands. The window (no command, or `gui`) is started by main itself.
PARSERS: tuple[Callable[[Subparsers], None], ...] = (
    gui.add_parser, db.add_parser, user.add_parser, imports.add_parser, audit.add_parser,
    demo.add_parser, key.add_parser, model.add_parser, score.add_parser, rules.add_parser,
    cases.add_parser, complaints.add_parser, loans.add_parser, lists.add_parser,
    partners.add_parser,
    decisions.add_parser, rings.add_parser, report.add_parser, bench.add_parser)
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "db": db.run, "user": user.run, "import": imports.run, "audit": audit.run,
    "demo": demo.run, "key": key.run, "bench": bench.run, "model": model.run,
    "cases": cases.run, "complaints": complaints.run, "report": report.run,
    "loans": loans.run, "partners": partners.run, "score": score.run, "rules": rules.run,
    "lists": lists.run,
    "decisions": decisions.run, "rings": rings.run}

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="riskdesk", description="Risk case management.")
    parser.add_argument("--version", action="version", version=f"riskdesk {__version__}")
    sub = parser.add_subparsers(dest="command")
    for add_parser in PARSERS:
        add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import logging

    from riskdesk import logs

    logs.setup()
    log = logging.getLogger("riskdesk.cli")
    sub = next((getattr(args, a) for a in vars(args) if a.endswith("_command")
                and getattr(args, a)), "")
    log.info("start: %s %s on %s", args.command or "gui", sub, _where(args))
    try:
        if args.command in (None, "gui"):
            return gui.run_gui(getattr(args, "db", None), user=getattr(args, "user", None),
                               lang=getattr(args, "lang", None),
                               screenshot=getattr(args, "screenshot", None),
                               case=getattr(args, "case", None))
        code = HANDLERS[args.command](args)
        log.info("done: %s %s, exit %s", args.command, sub, code)
        return code
    except RiskdeskError as exc:
        log.warning("refused: %s %s: %s: %s", args.command, sub, type(exc).__name__, exc)
        print(f"riskdesk: {exc}", file=sys.stderr)
        return 2 if exc.__class__.__name__ in ("InvalidInput", "SchemaTooNew") else 1
    except DBAPIError as exc:  # outside a unit of work: connecting, migrating
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        log.error("database unusable at %s: %s", _where(args), reason)
        print(f"riskdesk: the database at {_where(args)} cannot be used: {reason}",
              file=sys.stderr)
        return 1
    except Exception:
        log.exception("unexpected failure: %s %s", args.command, sub)
        raise
    except KeyboardInterrupt:
        print("riskdesk: interrupted; the transaction was rolled back.", file=sys.stderr)
        return 130


def _where(args: argparse.Namespace) -> str:
    from riskdesk.config import db_target
    from riskdesk.storage.engine import redact_url

    return redact_url(db_target(getattr(args, "db", None)))


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
