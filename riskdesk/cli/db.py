"""`riskdesk db ...`: schema, connection, DBA scripts, backups, key rotation."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, read_password
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    db = sub.add_parser("db", help="database schema and connection")
    dbs = db.add_subparsers(dest="db_command", required=True)
    up = dbs.add_parser("upgrade", help="apply the schema migrations")
    add_common(up, user=False)
    sql = dbs.add_parser("sql", help="print the schema DDL for a DBA")
    sql.add_argument("--dialect", required=True, choices=["postgresql", "mysql", "sqlite"])
    rsql = dbs.add_parser("roles-sql", help="print the DBA's script for an owner role "
                          "(migrations) and an application role (no DDL, no UPDATE/DELETE "
                          "of audit events)")
    rsql.add_argument("--dialect", required=True, choices=["postgresql", "mariadb"])
    rsql.add_argument("--database", required=True)
    rsql.add_argument("--owner", default="riskdesk_owner")
    rsql.add_argument("--app", default="riskdesk_app")
    pw = dbs.add_parser("set-password", help="store a server database password in the OS keyring")
    pw.add_argument("url")
    cur = dbs.add_parser("current", help="show the schema revision of a database")
    add_common(cur, user=False)
    bk = dbs.add_parser("backup", help="a consistent copy of a local SQLite database, even "
                        "while the app is open (server databases: the DBA's tools)")
    bk.add_argument("--out", type=Path, required=True)
    add_common(bk, user=False)
    rs_ = dbs.add_parser("restore", help="replace a local SQLite database with a backup "
                         "(checked first; the replaced database is kept beside it)")
    rs_.add_argument("file", type=Path)
    add_common(rs_, user=False)
    rot = dbs.add_parser("rotate-key", help="re-encrypt personal data under a new data key, "
                         "in batches; run again to resume an interrupted rotation (admin)")
    rot.add_argument("--batch", type=int, default=2000)
    add_common(rot)
    bset = dbs.add_parser("backup-settings", help="automatic backups on exit: how many to "
                          "keep (0: none) and where (admin; audited)")
    bset.add_argument("--keep", type=int, required=True)
    bset.add_argument("--folder", default="")
    add_common(bset)


def run(args: argparse.Namespace) -> int:
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine, redact_url, set_password

    if args.db_command == "sql":
        sys.stdout.write(migrate.sql_script(args.dialect))
        return 0
    if args.db_command == "roles-sql":
        from riskdesk.storage.roles import script

        try:
            sys.stdout.write(script(args.dialect, database=args.database, owner=args.owner,
                                    app=args.app))
        except ValueError as exc:
            raise RiskdeskError(str(exc)) from None
        return 0
    if args.db_command == "set-password":
        entry = set_password(args.url,
                             read_password("Database password: ", "RISKDESK_DB_PASSWORD"))
        print(f"Password stored in the OS keyring for {entry}")
        return 0
    if args.db_command not in ("upgrade", "restore"):  # these two may make the file
        from riskdesk.storage.engine import require_database

        require_database(args.db)
    engine = make_engine(args.db)
    if args.db_command in ("backup", "restore", "backup-settings"):
        return _db_backup(args, engine)
    if args.db_command == "rotate-key":
        from riskdesk.services.audit.keys import rotate_key

        engine = open_engine(args.db)
        done = rotate_key(engine, acting_user(engine, args.user), batch=args.batch)
        print(f"{'resumed; ' if done.resumed else ''}personal data now under key {done.key_id}: "
              f"{done.applicants} applicants, {done.applications} applications re-encrypted. "
              "Export the keys for escrow now: riskdesk key export")
        return 0
    if args.db_command == "upgrade":
        migrate.upgrade(engine)
        print(f"{redact_url(engine.url)}: schema at revision {migrate.current_revision(engine)}")
    else:
        print(f"{redact_url(engine.url)}: revision {migrate.current_revision(engine)}, "
              f"this riskdesk: {migrate.head_revision()}")
    return 0


def _db_backup(args: argparse.Namespace, engine: Any) -> int:
    from riskdesk.services.admin import settings
    from riskdesk.storage import backup
    from riskdesk.storage.session import unit_of_work

    if args.db_command == "backup":
        info = backup.backup(engine, args.out)
        print(f"{info.path}: {info.size:,} bytes, sha256 {info.sha256}, integrity ok, "
              f"{info.audit_events} audit events")
        return 0
    if args.db_command == "restore":
        kept = backup.restore(engine, args.file)
        print(f"restored {backup.sqlite_path(engine)} from {args.file}; the database it "
              f"replaced is kept as {kept}")
        return 0
    ensure = open_engine(args.db)
    actor = acting_user(ensure, args.user)
    with unit_of_work(ensure) as session:
        settings.set_backups(session, actor, keep=args.keep, folder=args.folder)
        folder = settings.backup_folder(session)
    print(f"automatic backups on exit: keep {args.keep} in {folder}")
    return 0
