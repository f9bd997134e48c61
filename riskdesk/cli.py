"""The one entry point: ``riskdesk`` opens the GUI; subcommands do the rest.

Exit codes: 0 success, 1 error, 2 refused (bad input file, broken audit chain, bad usage).
Every command that changes data acts as a signed-in user (``--user``, password from
RISKDESK_PASSWORD or a prompt).
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from riskdesk import __version__
from riskdesk.config import NEW_PASSWORD_ENV, PASSWORD_ENV, data_dir
from riskdesk.errors import RiskdeskError


def _common(p: argparse.ArgumentParser, *, user: bool = True) -> None:
    p.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: RISKDESK_DB or the "
                                "local file in the user data folder)")
    if user:
        p.add_argument("--user", help="act as this user (password from RISKDESK_PASSWORD)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="riskdesk", description="Risk case management.")
    parser.add_argument("--version", action="version", version=f"riskdesk {__version__}")
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="open the application window (default)")
    _common(gui)
    gui.add_argument("--lang", help="zh_CN or en (default: the system locale)")
    gui.add_argument("--screenshot", type=Path, help="sign in as --user, save a 1280x800 PNG, exit")

    db = sub.add_parser("db", help="database schema and connection")
    dbs = db.add_subparsers(dest="db_command", required=True)
    up = dbs.add_parser("upgrade", help="apply the schema migrations")
    _common(up, user=False)
    sql = dbs.add_parser("sql", help="print the schema DDL for a DBA")
    sql.add_argument("--dialect", required=True, choices=["postgresql", "mysql", "sqlite"])
    pw = dbs.add_parser("set-password", help="store a server database password in the OS keyring")
    pw.add_argument("url")
    cur = dbs.add_parser("current", help="show the schema revision of a database")
    _common(cur, user=False)

    user = sub.add_parser("user", help="users and roles")
    us = user.add_subparsers(dest="user_command", required=True)
    add = us.add_parser("add", help="add a user (the first user of a database must be an admin)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, dest="roles")
    add.add_argument("--display-name", default="")
    _common(add)

    imp = sub.add_parser("import", help="import an application file (CSV or Excel)")
    imp.add_argument("file", type=Path, nargs="?")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the good rows; write the others to --rejects")
    imp.add_argument("--rejects", type=Path, help="CSV file for rejected rows")
    imp.add_argument("--describe", action="store_true",
                     help="print the accepted columns (Markdown) and exit")
    _common(imp)

    aud = sub.add_parser("audit", help="audit trail")
    auds = aud.add_subparsers(dest="audit_command", required=True)
    ver = auds.add_parser("verify", help="verify the hash chain and print its head hash")
    _common(ver, user=False)

    demo = sub.add_parser("demo", help="build a demo database of real credit data and open it")
    _common(demo, user=False)
    demo.add_argument("--rows", type=int, default=None, help="resample to N rows (<= 10,000,000)")
    demo.add_argument("--no-gui", action="store_true")
    demo.add_argument("--lang")

    key = sub.add_parser("key", help="data key escrow")
    ks = key.add_subparsers(dest="key_command", required=True)
    kexp = ks.add_parser("export", help="print the data key for escrow (admin; audited)")
    _common(kexp)
    kimp = ks.add_parser("import", help="store an escrowed data key (read from stdin)")
    kimp.add_argument("key_id")

    bench = sub.add_parser("bench", help="benchmarks")
    bs = bench.add_subparsers(dest="bench_command", required=True)
    bi = bs.add_parser("import", help="import throughput against a raw pandas+sqlite3 floor")
    bi.add_argument("--rows", type=int, default=1_000_000)
    bi.add_argument("--workdir", type=Path)
    return parser


def _password(prompt: str, env: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise RiskdeskError(f"Set {env} or run in a terminal to be asked for the password.")
    return getpass.getpass(prompt)


def open_engine(db: str | None):  # type: ignore[no-untyped-def]
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.migrate import ensure_local_schema

    engine = make_engine(db)
    ensure_local_schema(engine)
    return engine


def acting_user(engine, name: str | None):  # type: ignore[no-untyped-def]
    from riskdesk.errors import AuthenticationFailed
    from riskdesk.services.users import sign_in
    from riskdesk.storage.session import unit_of_work

    if not name:
        raise RiskdeskError("This command changes data: name the acting user with --user.")
    password = _password(f"Password for {name}: ", PASSWORD_ENV)
    with unit_of_work(engine) as session:
        actor = sign_in(session, name, password, channel="cli")
    if actor is None:
        raise AuthenticationFailed(
            f"Sign-in refused for {name}: wrong user name or password, or the account is locked.")
    return actor


def cmd_db(args: argparse.Namespace) -> int:
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine, redact_url, set_password

    if args.db_command == "sql":
        sys.stdout.write(migrate.sql_script(args.dialect))
        return 0
    if args.db_command == "set-password":
        entry = set_password(args.url, _password("Database password: ", "RISKDESK_DB_PASSWORD"))
        print(f"Password stored in the OS keyring for {entry}")
        return 0
    engine = make_engine(args.db)
    if args.db_command == "upgrade":
        migrate.upgrade(engine)
        print(f"{redact_url(engine.url)}: schema at revision {migrate.current_revision(engine)}")
    else:
        print(f"{redact_url(engine.url)}: revision {migrate.current_revision(engine)}, "
              f"this riskdesk: {migrate.head_revision()}")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from riskdesk.services.users import create_user, has_users
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    with unit_of_work(engine, write=False) as session:
        first = not has_users(session)
    actor = None if first and not args.user else acting_user(engine, args.user)
    password = _password(f"Password for the new user {args.name}: ", NEW_PASSWORD_ENV)
    with unit_of_work(engine) as session:
        user = create_user(session, actor, username=args.name, password=password,
                           roles=args.roles, display_name=args.display_name)
    print(f"User {user.username} created with role(s): {', '.join(sorted(args.roles))}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from riskdesk.services.imports.docs import describe
    from riskdesk.services.imports.service import import_file

    if args.describe:
        sys.stdout.write(describe())
        return 0
    if args.file is None:
        raise RiskdeskError("Name the file to import.")
    if args.rejects and not args.skip_invalid:
        raise RiskdeskError("--rejects goes with --skip-invalid.")
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    result = import_file(engine, actor, args.file, skip_invalid=args.skip_invalid,
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
    print(f"{args.file.name} ({result.file_format}, sha256 {result.sha256[:12]}...): "
          f"{result.rows_total} rows, {result.inserted} imported, {result.present} already "
          f"present, {result.conflicts} conflict(s), {result.rejected} rejected "
          f"(batch {result.batch_id})")
    if result.rejected:
        for line in result.problem_lines():
            print("  " + line)
        if result.rejects_path:
            print(f"Rejected rows written to {result.rejects_path}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from riskdesk.services.audit import verify
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.migrate import check_current
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(args.db)
    check_current(engine)
    with unit_of_work(engine, write=False) as session:
        result = verify(session)
    if result.ok:
        print(f"audit trail intact: {result.events} events; head hash {result.head_hash}")
        return 0
    print(f"audit trail BROKEN at event {result.broken_seq}: {result.reason}. "
          f"{result.events} events verified before it; last good hash {result.head_hash}",
          file=sys.stderr)
    return 2


def cmd_demo(args: argparse.Namespace) -> int:
    from riskdesk.services.demo_db import build_demo

    target = args.db or str(data_dir() / "demo.sqlite")
    summary = build_demo(target, rows=args.rows)
    print(summary)
    if args.no_gui:
        return 0
    return run_gui(target, user=None, lang=args.lang, screenshot=None)


def cmd_key(args: argparse.Namespace) -> int:
    from riskdesk.security.datakey import import_key
    from riskdesk.services.keys import export_data_key

    if args.key_command == "import":
        import_key(args.key_id, sys.stdin.readline().strip())
        print(f"Data key {args.key_id} stored in this computer's keyring.")
        return 0
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    key_id, secret = export_data_key(engine, actor)
    print(f"{key_id} {secret}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from riskdesk.bench import bench_import

    print(bench_import(args.rows, workdir=args.workdir))
    return 0


def run_gui(db: str | None, *, user: str | None, lang: str | None,
            screenshot: Path | None) -> int:
    from riskdesk.ui.app import run

    return run(db=db, user=user, lang=lang, screenshot=screenshot)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"db": cmd_db, "user": cmd_user, "import": cmd_import, "audit": cmd_audit,
                "demo": cmd_demo, "key": cmd_key, "bench": cmd_bench}
    try:
        if args.command in (None, "gui"):
            return run_gui(getattr(args, "db", None), user=getattr(args, "user", None),
                           lang=getattr(args, "lang", None),
                           screenshot=getattr(args, "screenshot", None))
        return handlers[args.command](args)
    except RiskdeskError as exc:
        print(f"riskdesk: {exc}", file=sys.stderr)
        return 2 if exc.__class__.__name__ in ("InvalidInput", "SchemaTooNew") else 1
    except DBAPIError as exc:  # outside a unit of work: connecting, migrating
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"riskdesk: the database at {_where(args)} cannot be used: {reason}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("riskdesk: interrupted; the transaction was rolled back.", file=sys.stderr)
        return 130


def _where(args: argparse.Namespace) -> str:
    from riskdesk.config import db_target
    from riskdesk.storage.engine import redact_url

    return redact_url(db_target(getattr(args, "db", None)))


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
