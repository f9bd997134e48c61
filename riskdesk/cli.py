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
from typing import Any

from sqlalchemy.exc import DBAPIError

from riskdesk import __version__
from riskdesk.config import NEW_PASSWORD_ENV, PASSWORD_ENV
from riskdesk.errors import RiskdeskError


def _common(p: argparse.ArgumentParser, *, user: bool = True) -> None:
    p.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: RISKDESK_DB, else "
                                "the demo database once `riskdesk demo` has built it, else "
                                "riskdesk.sqlite in the user data folder)")
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
    gui.add_argument("--case", metavar="APPLICATION_NO",
                     help="with --screenshot: capture that application's case window")

    db = sub.add_parser("db", help="database schema and connection")
    dbs = db.add_subparsers(dest="db_command", required=True)
    up = dbs.add_parser("upgrade", help="apply the schema migrations")
    _common(up, user=False)
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
    _common(cur, user=False)
    bk = dbs.add_parser("backup", help="a consistent copy of a local SQLite database, even "
                        "while the app is open (server databases: the DBA's tools)")
    bk.add_argument("--out", type=Path, required=True)
    _common(bk, user=False)
    rs_ = dbs.add_parser("restore", help="replace a local SQLite database with a backup "
                         "(checked first; the replaced database is kept beside it)")
    rs_.add_argument("file", type=Path)
    _common(rs_, user=False)
    rot = dbs.add_parser("rotate-key", help="re-encrypt personal data under a new data key, "
                         "in batches; run again to resume an interrupted rotation (admin)")
    rot.add_argument("--batch", type=int, default=2000)
    _common(rot)
    bset = dbs.add_parser("backup-settings", help="automatic backups on exit: how many to "
                          "keep (0: none) and where (admin; audited)")
    bset.add_argument("--keep", type=int, required=True)
    bset.add_argument("--folder", default="")
    _common(bset)

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
    ver = auds.add_parser("verify", help="verify the hash chain and print its head hash; "
                          "check it against the heads issued monthly reports print and the "
                          "keyed anchors")
    ver.add_argument("pack", type=Path, nargs="?",
                     help="an audit pack (.rdpack) to check instead: its seal and chain")
    ver.add_argument("--report", type=Path, action="append", default=[],
                     help="a monthly report PDF kept outside the database (repeatable)")
    _common(ver, user=False)
    exp = auds.add_parser("export", help="a sealed offline audit pack of a month or of listed "
                          "cases (masked unless --unmasked)")
    scope = exp.add_mutually_exclusive_group(required=True)
    scope.add_argument("--month", help="YYYY-MM")
    scope.add_argument("--cases", type=Path, help="a file of application numbers or case ids, "
                       "one per line")
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--unmasked", action="store_true",
                     help="plain personal data (a role that may see it; audited)")
    _common(exp)
    imf = auds.add_parser("import-findings", help="bring an audit pack's findings into this "
                          "database (a pack whose seal is broken is refused)")
    imf.add_argument("pack", type=Path)
    _common(imf)
    anc = auds.add_parser("anchor", help="seal the chain's head with the bank's anchor key "
                          "(HMAC; the key stays in the OS keyring)")
    anc.add_argument("--create-key", action="store_true",
                     help="create this workstation's anchor key and print it for escrow")
    _common(anc)

    demo = sub.add_parser("demo", help="build a demo database of real credit data and open it")
    _common(demo, user=False)
    demo.add_argument("--rows", type=int, default=None, help="resample to N rows (<= 10,000,000)")
    demo.add_argument("--no-gui", action="store_true")
    demo.add_argument("--lang")

    key = sub.add_parser("key", help="data key escrow")
    ks = key.add_subparsers(dest="key_command", required=True)
    kexp = ks.add_parser("export", help="print the database's data keys for escrow, one "
                         "per line (admin; audited)")
    _common(kexp)
    kimp = ks.add_parser("import", help="store an escrowed data key (read from stdin)")
    kimp.add_argument("key_id")

    model = sub.add_parser("model", help="credit model: train, registry, monitoring")
    ms = model.add_subparsers(dest="model_command", required=True)
    tr = ms.add_parser("train", help="train an XGBoost model and register it")
    src = tr.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", type=Path, help="CSV file with a binary target column")
    src.add_argument("--demo", action="store_true", help="the bundled demo data")
    tr.add_argument("--target", help="target column (with --data)")
    tr.add_argument("--bad-value", help="the target value that means default")
    tr.add_argument("--time-column", help="hold out the latest 25 %% by this date column")
    tr.add_argument("--exclude", action="append", default=[], help="column not to use")
    tr.add_argument("--name", help="model name (default: from the data)")
    tr.add_argument("--save-default", type=Path, help=argparse.SUPPRESS)
    _common(tr)
    ml = ms.add_parser("list", help="registered models")
    _common(ml, user=False)
    for verb, text in (("show", "a model's metrics and metadata"),
                       ("propose", "propose a model for activation (admin)"),
                       ("approve", "approve a proposed model (compliance or senior officer, "
                                   "not the proposer)")):
        mp = ms.add_parser(verb, help=text)
        mp.add_argument("id", type=int)
        _common(mp, user=verb != "show")
    mon = ms.add_parser("monitor", help="PSI, AUC/KS on known outcomes, override rate")
    mon.add_argument("--month", help="YYYY-MM (default: the current month)")
    _common(mon)

    score = sub.add_parser("score", help="score applications, check rules, open cases")
    sg = score.add_mutually_exclusive_group()
    sg.add_argument("--all", action="store_true", help="every application not yet decided "
                                                       "under the versions in force (default)")
    sg.add_argument("--unscored", action="store_true", help="only never-scored applications")
    _common(score)

    rules = sub.add_parser("rules", help="anti-fraud and compliance rules")
    rs = rules.add_subparsers(dest="rules_command", required=True)
    rl = rs.add_parser("list", help="the rule settings in force")
    _common(rl)
    rset = rs.add_parser("set", help="change one rule (compliance; writes a new version)")
    rset.add_argument("code")
    rset.add_argument("--enable", action="store_true")
    rset.add_argument("--disable", action="store_true")
    rset.add_argument("--severity", choices=["low", "medium", "high"])
    rset.add_argument("--param", action="append", default=[], metavar="NAME=JSON")
    rset.add_argument("--note", default="")
    _common(rset)
    bl = rs.add_parser("blacklist", help="add an identifier to the internal blacklist")
    bl.add_argument("kind", choices=["id_no", "phone", "card", "device"])
    bl.add_argument("value")
    bl.add_argument("--reason", required=True)
    _common(bl)

    comp = sub.add_parser("complaints", help="complaints from the call centre, monthly figures")
    cs = comp.add_subparsers(dest="complaints_command", required=True)
    ci = cs.add_parser("import", help="import a call-centre complaint file (CSV or Excel)")
    ci.add_argument("file", type=Path)
    _common(ci)
    cf = cs.add_parser("figures", help="a month's complaint figures")
    cf.add_argument("--month", help="YYYY-MM (default: this month)")
    _common(cf)

    loans = sub.add_parser("loans", help="post-loan: loans, repayments, fund flows, monitoring")
    ls_ = loans.add_subparsers(dest="loans_command", required=True)
    li = ls_.add_parser("import", help="import loan, repayment or fund-flow files (CSV or "
                        "Excel; the kind is told by the columns), each whole or not at all")
    li.add_argument("files", type=Path, nargs="+")
    _common(li)
    lm = ls_.add_parser("monitor", help="the daily monitoring run: DPD, five categories, "
                        "early-warning rules; raises post-loan cases")
    lm.add_argument("--as-of", help="YYYY-MM-DD (default: today in the bank's time zone)")
    _common(lm)
    lpol = ls_.add_parser("policy", help="the post-loan thresholds in force; compliance "
                          "changes them with --set NAME=JSON --note WHY (a new audited version)")
    lpol.add_argument("--set", dest="changes", action="append", default=[],
                      metavar="NAME=JSON")
    lpol.add_argument("--note", default="")
    _common(lpol)
    lp = ls_.add_parser("portfolio", help="loans and balances by category, roll rates")
    lp.add_argument("--month", required=True, help="YYYY-MM")
    _common(lp)

    par = sub.add_parser("partners", help="partner register, performance, joint-lending limits")
    ps = par.add_subparsers(dest="partners_command", required=True)
    pperf = ps.add_parser("performance", help="each partner's month and the joint-lending "
                          "ratios")
    pperf.add_argument("--month", required=True, help="YYYY-MM")
    _common(pperf)
    pcap = ps.add_parser("capital", help="the bank's net tier-1 capital and total loan balance "
                         "from a date (compliance; audited)")
    pcap.add_argument("--from", dest="effective", required=True, help="YYYY-MM-DD")
    pcap.add_argument("--tier1", required=True, help="net tier-1 capital, CNY")
    pcap.add_argument("--balance", required=True, help="total loan balance, CNY")
    _common(pcap)
    prev = ps.add_parser("review", help="open partner review cases for a month (a bad rate "
                         "that doubled, complaints above the threshold)")
    prev.add_argument("--month", required=True, help="YYYY-MM")
    _common(prev)

    rep = sub.add_parser("report", help="PDF reports, archived with their hash")
    rs = rep.add_subparsers(dest="report_command", required=True)
    rc = rs.add_parser("case", help="the case audit report of an application")
    rc.add_argument("application_no")
    rc.add_argument("--out", type=Path, required=True)
    rc.add_argument("--lang", default="zh", help="zh or en (default zh)")
    _common(rc)
    rm = rs.add_parser("monthly", help="the monthly compliance report, frozen at a cut-off")
    rm.add_argument("--month", required=True, help="YYYY-MM (the bank's local month)")
    rm.add_argument("--out", type=Path, required=True)
    rm.add_argument("--lang", default="zh", help="zh or en (default zh)")
    rm.add_argument("--cut-off", help="ISO time in UTC (default: the month's first issue's, "
                    "else now)")
    _common(rm)
    rv = rs.add_parser("verify", help="was this exact file issued by riskdesk? by whom, when")
    rv.add_argument("file", type=Path)
    _common(rv, user=False)
    rz = rs.add_parser("time-zone", help="the bank's time zone, which decides every month and "
                       "report time (docs/periods.md); with ZONE, set it (compliance, audited)")
    rz.add_argument("zone", nargs="?", help="an IANA name, e.g. Asia/Shanghai")
    _common(rz)

    bench = sub.add_parser("bench", help="benchmarks")
    bs = bench.add_subparsers(dest="bench_command", required=True)
    bi = bs.add_parser("import", help="import throughput against a raw pandas+sqlite3 floor")
    bi.add_argument("--rows", type=int, default=1_000_000)
    bi.add_argument("--workdir", type=Path)
    bsc = bs.add_parser("score", help="scoring throughput against a bare predict floor")
    bsc.add_argument("--rows", type=int, default=1_000_000)
    bsc.add_argument("--workdir", type=Path)
    br = bs.add_parser("report", help="the monthly report over a month of N applications")
    br.add_argument("--cases", type=int, default=100_000)
    br.add_argument("--workdir", type=Path)
    bcc = bs.add_parser("concurrency", help="N simulated officers (processes) working one "
                        "queue on PostgreSQL: actions/s, latency, conflicts, lost decisions")
    bcc.add_argument("--users", type=int, default=20)
    bcc.add_argument("--seconds", type=float, default=30.0)
    bcc.add_argument("--db", help="a PostgreSQL URL to use (default: a throwaway database on "
                     "RISKDESK_BENCH_PG, the local server)")
    bm = bs.add_parser("monitor", help="a full daily post-loan monitoring run over N loans "
                       "(12 repayments and ~5 fund flows each)")
    bm.add_argument("--loans", type=int, default=1_000_000)
    bm.add_argument("--workdir", type=Path)
    bq = bs.add_parser("queue", help="the case queue through its Qt model at N cases "
                       "(builds the database once, then reuses it)")
    bq.add_argument("--rows", type=int, default=10_000_000)
    bq.add_argument("--workdir", type=Path, help="where the database is built "
                    "(default: the user cache folder)")
    return parser


def _password(prompt: str, env: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise RiskdeskError(f"Set {env} or run in a terminal to be asked for the password.")
    return getpass.getpass(prompt)


def open_engine(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The database, migrated if local. A local file that is not there is refused (naming it
    and what to do) unless ``create``: connecting would leave an empty database behind."""
    from riskdesk.storage.engine import make_engine, require_database
    from riskdesk.storage.migrate import ensure_local_schema

    if not create:
        require_database(db)
    engine = make_engine(db)
    ensure_local_schema(engine)
    return engine


def acting_user(engine, name: str | None):  # type: ignore[no-untyped-def]
    from riskdesk.errors import AuthenticationFailed
    from riskdesk.services.admin.users import has_users, sign_in
    from riskdesk.storage.engine import no_users_error
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=False) as session:
        if not has_users(session):  # say which database it is, not just "sign-in refused"
            raise no_users_error(engine.url.render_as_string(hide_password=False))
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
    if args.db_command == "roles-sql":
        from riskdesk.storage.roles import script

        try:
            sys.stdout.write(script(args.dialect, database=args.database, owner=args.owner,
                                    app=args.app))
        except ValueError as exc:
            raise RiskdeskError(str(exc)) from None
        return 0
    if args.db_command == "set-password":
        entry = set_password(args.url, _password("Database password: ", "RISKDESK_DB_PASSWORD"))
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


def cmd_user(args: argparse.Namespace) -> int:
    from riskdesk.services.admin.users import create_user, has_users
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db, create=True)
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


def cmd_audit(args: argparse.Namespace) -> int:
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import trail as audit
    from riskdesk.storage.engine import make_engine, require_database
    from riskdesk.storage.migrate import check_current
    from riskdesk.storage.session import unit_of_work

    if args.audit_command == "verify" and args.pack is not None:
        return _verify_pack(args.pack)
    if args.audit_command in ("export", "import-findings"):
        return _pack_command(args)
    require_database(args.db)
    engine = make_engine(args.db)
    check_current(engine)
    if args.audit_command == "anchor":
        engine = open_engine(args.db)
        actor = acting_user(engine, args.user)
        if args.create_key:
            value = audit_anchors.create_key()
            print(f"anchor key created in this workstation's keyring; give it to the key "
                  f"custodians for escrow now (it is not shown again):\n{value}")
        with unit_of_work(engine) as session:
            audit.append(session, actor, "audit.anchor", "audit", "head")
            row = audit_anchors.anchor_head(session, actor, "riskdesk audit anchor")
        if row is None:
            raise RiskdeskError("No anchor key in this workstation's keyring: create one with "
                                "--create-key (or import the bank's from escrow).")
        print(f"anchored event {row.seq} ({row.hash}) under key {row.key_id}")
        return 0
    extra = []
    for path in args.report:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {path}: {exc.strerror}") from None
        extra.append(audit_anchors.file_anchor(data, path.name))
    with unit_of_work(engine, write=False) as session:
        result = audit.verify(session)
        anchors = audit_anchors.check_all(session, extra) if result.ok else None
    if not result.ok:
        print(f"audit trail BROKEN at event {result.broken_seq}: {result.reason}. "
              f"{result.events} events verified before it; last good hash {result.head_hash}",
              file=sys.stderr)
        return 2
    assert anchors is not None
    if anchors.failures:
        print("audit trail REWRITTEN: the chain is consistent but does not match what was "
              "anchored outside it:", file=sys.stderr)
        for line in anchors.failures:
            print(f"  {line}", file=sys.stderr)
        return 2
    print(f"audit trail intact: {result.events} events; head hash {result.head_hash}; "
          f"{anchors.checked} anchor(s) match")
    if anchors.unchecked:
        print(f"  {anchors.unchecked} keyed anchor(s) not checked: this workstation does not "
              "hold their key")
    return 0


def _verify_pack(path: Path) -> int:
    from riskdesk.services.audit.packs import verify_pack

    verdict = verify_pack(path)
    if not verdict.ok:
        print(f"{path.name}: REFUSED", file=sys.stderr)
        for line in verdict.problems:
            print(f"  {line}", file=sys.stderr)
        return 2
    signed = ("signature checked with the bank's audit key" if verdict.signed else
              "content matches its seal; the signature was NOT checked (no audit key here)")
    print(f"{path.name}: pack {verdict.pack_id} ({verdict.scope}) intact: {signed}; "
          f"{verdict.events} audit events match the chain")
    return 0


def _pack_command(args: argparse.Namespace) -> int:
    from riskdesk.services.audit import findings
    from riskdesk.services.audit import packs as audit_pack
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.audit_command == "import-findings":
        with unit_of_work(engine) as session:
            done = findings.import_findings(session, actor, args.pack)
        print(f"{args.pack.name}: pack {done.pack_id}: {done.added} finding(s) added, "
              f"{done.present} already here")
        return 0
    refs = None
    if args.cases is not None:
        try:
            refs = args.cases.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {args.cases}: {exc.strerror}") from None
    info = audit_pack.export_pack(engine, actor, args.out, month=args.month, case_refs=refs,
                                  unmasked=args.unmasked)
    print(f"{info.path}: pack {info.pack_id}, {info.scope}, {info.events} audit events, "
          f"{'UNMASKED' if info.unmasked else 'masked'}; seal {info.digest}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from riskdesk import config
    from riskdesk.demo.database import build_demo

    target = args.db or str(config.demo_db_path())
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


def cmd_key(args: argparse.Namespace) -> int:
    from riskdesk.security.datakey import import_key
    from riskdesk.services.audit.keys import export_data_key

    if args.key_command == "import":
        import_key(args.key_id, sys.stdin.readline().strip())
        print(f"Data key {args.key_id} stored in this computer's keyring.")
        return 0
    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    for key_id, secret in export_data_key(engine, actor):  # each: `riskdesk key import`
        print(f"{key_id} {secret}")
    return 0


def _print_refusal(name: str, problems: Any) -> None:
    """A refused complaint or loan file: its problems by row, column and value."""
    print(f"{name}: refused, nothing imported. {len(problems)} problem(s):", file=sys.stderr)
    for r in problems.head(50).itertuples(index=False):
        print(f"  row {r.row}, column {r.column}, value \"{r.value}\": {r.reason}",
              file=sys.stderr)


def cmd_complaints(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from riskdesk.services.complaints import figures as complaints
    from riskdesk.services.intake.complaints import import_complaints
    from riskdesk.services.periods import current_month
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.complaints_command == "figures":
        with unit_of_work(engine, write=False) as session:
            month = args.month or current_month(session)
            figures = complaints.figures(session, actor, month)
        for key, value in asdict(figures).items():
            print(f"{key}: {value}")
        return 0
    result = import_complaints(engine, actor, args.file)
    if result.refused:
        _print_refusal(args.file.name, result.problems)
        return 2
    print(f"{args.file.name}: {result.rows_total} rows, {result.inserted} complaints "
          f"registered, {result.present} already present")
    return 0


def cmd_partners(args: argparse.Namespace) -> int:
    from datetime import date

    from riskdesk.services.partners import register as partners
    from riskdesk.services.partners.performance import (
        joint_position,
        performance,
        raise_review_cases,
    )
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.partners_command == "capital":
        try:
            effective = date.fromisoformat(args.effective)
        except ValueError:
            raise RiskdeskError(f"--from: not a date (YYYY-MM-DD): {args.effective}") from None
        with unit_of_work(engine) as session:
            partners.set_capital(session, actor, effective, args.tier1, args.balance)
        print(f"capital figures from {effective}: net tier-1 {args.tier1}, loan balance "
              f"{args.balance}")
        return 0
    if args.partners_command == "review":
        with unit_of_work(engine) as session:
            opened = raise_review_cases(session, actor, args.month)
        print(f"{len(opened)} partner review case(s) opened for {args.month}")
        return 0
    with unit_of_work(engine, write=False) as session:
        rows = performance(session, actor, args.month)
        joint = joint_position(session, actor, args.month)

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{100 * v:.1f} %"

    print(f"{'partner':<10} {'apps':>6} {'approved':>9} {'flagged':>8} {'fraud':>6} "
          f"{'bad rate':>16} {'compl/1000':>10}")
    for r in rows:
        per = "-" if r.complaints_per_1000 is None else f"{r.complaints_per_1000:.1f}"
        print(f"{r.code:<10} {r.applications:>6} {pct(r.approval_rate):>9} "
              f"{pct(r.flag_rate):>8} {r.fraud_hits:>6} "
              f"{pct(r.bad_rate) + f' ({r.bad}/{r.matured})':>16} {per:>10}")
    if joint.tier1 is None:
        print("joint lending: no capital figures set (riskdesk partners capital)")
    else:
        for code, ratio in joint.ratio_one.items():
            print(f"joint lending with {code}: {100 * ratio:.1f} % of net tier-1 capital "
                  "(limit 25 %)")
        print(f"joint lending, all partners: {pct(joint.ratio_all)} of the loan balance "
              "(limit 50 %)")
        for w in joint.warnings:
            print(f"WARNING {w}")
    return 0


def cmd_loans(args: argparse.Namespace) -> int:
    from datetime import date

    from riskdesk.domain.enums import label
    from riskdesk.services.intake.loans import import_loan_file
    from riskdesk.services.postloan.book import portfolio
    from riskdesk.services.postloan.monitoring import run_monitoring
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.loans_command == "import":
        code = 0
        for path in args.files:
            result = import_loan_file(engine, actor, path)
            if result.refused:
                _print_refusal(path.name, result.problems)
                code = 2
                continue
            print(f"{path.name}: {result.kind}, {result.rows_total} rows: {result.inserted} "
                  f"new, {result.updated} updated, {result.present} already present")
        return code
    if args.loans_command == "policy":
        import json

        from riskdesk.services.postloan import policy as postloan_policy

        with unit_of_work(engine, write=bool(args.changes)) as session:
            if args.changes:
                changes = {}
                for item in args.changes:
                    name, _, value = item.partition("=")
                    try:
                        changes[name] = json.loads(value)
                    except json.JSONDecodeError as exc:
                        raise RiskdeskError(f"--set {item}: the value is not JSON "
                                            f"({exc.msg}).") from exc
                row = postloan_policy.change(session, actor, changes, args.note)
            else:
                row = postloan_policy.current(session)
            print(f"post-loan policy version {row.id} by {row.created_by} at "
                  f"{row.created_at:%Y-%m-%d %H:%M} UTC ({row.note})")
            for name, value in sorted(postloan_policy.params(row).items()):
                print(f"  {name} = {json.dumps(value, ensure_ascii=False)}")
        return 0
    if args.loans_command == "monitor":
        try:
            as_of = date.fromisoformat(args.as_of) if args.as_of else None
        except ValueError:
            raise RiskdeskError(f"--as-of: not a date (YYYY-MM-DD): {args.as_of}") from None
        run = run_monitoring(engine, actor, as_of)
        print(f"monitoring run {run.run_id} as of {run.as_of}: {run.loans} loans, "
              f"{run.alerts} new alerts, {run.cases_opened} cases opened, "
              f"{run.cases_updated} updated")
        for code_, n in sorted((run.by_code or {}).items()):
            print(f"  {code_}: {n}")
        return 0
    with unit_of_work(engine, write=False) as session:
        book = portfolio(session, actor, args.month)
    print(f"portfolio {book.month}: {book.total_loans} loans, balance "
          f"{book.total_balance:,.2f}")
    for category in book.loans:
        print(f"  {label(category):<16} {book.loans[category]:>8} loans  "
              f"{book.balance[category]:>16,.2f}  overdue {book.overdue[category]:,.2f}")
    if book.roll:
        print(f"roll rates {book.previous} -> {book.month} (share of each row):")
        for src, shares in book.roll.items():
            print(f"  {label(src):<16} " + "  ".join(f"{label(d)} {100 * v:.1f} %"
                                                     for d, v in shares.items() if v))
    return 0


def _report_language(lang: str) -> str:
    """The report's own catalogue (QtCore only, no application object needed)."""
    from riskdesk.ui.i18n import choose_language, install_catalogues

    install_catalogues()
    return "zh" if choose_language(lang) == "zh_CN" else "en"


def cmd_report(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    if args.report_command == "verify":
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {args.file}: {exc.strerror}") from None
        with unit_of_work(engine, write=False) as session:
            verdict = reports.verify(session, data)
        if not verdict.issued:
            print(f"{args.file.name}: NOT issued by this riskdesk database (no report has "
                  "this SHA-256; the file differs from every issued one)", file=sys.stderr)
            return 2
        print(f"{args.file.name}: issued as {verdict.report_no} ({verdict.kind} "
              f"{verdict.subject}) by {verdict.generated_by} at "
              f"{verdict.generated_at:%Y-%m-%d %H:%M:%S} UTC")
        return 0
    actor = acting_user(engine, args.user)
    if args.report_command == "time-zone":
        from riskdesk.services import periods

        with unit_of_work(engine, write=args.zone is not None) as session:
            if args.zone is not None:
                periods.set_business_zone(session, actor, args.zone)
            print(f"time zone: {periods.business_zone(session)}")
        return 0
    language = _report_language(args.lang)
    if args.report_command == "monthly":
        cut_off = None
        if args.cut_off:
            try:
                cut_off = datetime.fromisoformat(args.cut_off)
            except ValueError:
                raise RiskdeskError(f"--cut-off: not an ISO time: {args.cut_off}") from None
            if cut_off.tzinfo is not None:  # "...+08:00" or "...Z": the same instant in UTC
                cut_off = cut_off.astimezone(UTC)
            cut_off = cut_off.replace(tzinfo=None)
        issued = reports.monthly_report(engine, actor, args.month, language, cut_off)
    else:
        issued = reports.case_report(engine, actor, args.application_no, language)
    write_atomically(args.out, issued.pdf)
    print(f"{args.out}: {issued.report.report_no}, {issued.report.size:,} bytes, sha256 "
          f"{issued.report.sha256}")
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """Beside the target, then renamed: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise RiskdeskError(f"Cannot write {path}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)


def cmd_bench(args: argparse.Namespace) -> int:
    if args.bench_command == "queue":  # no pandas/xgboost import cost in its memory
        from riskdesk.ui.bench_queue import bench_queue

        print(bench_queue(args.rows, workdir=args.workdir))
        return 0
    if args.bench_command == "concurrency":
        from riskdesk.bench.concurrency import bench_concurrency

        print(bench_concurrency(args.users, seconds=args.seconds, db=args.db))
        return 0
    if args.bench_command == "monitor":
        from riskdesk.bench.monitor import bench_monitor

        print(bench_monitor(args.loans, workdir=args.workdir))
        return 0
    from riskdesk.bench.pipeline import bench_import, bench_report, bench_score

    if args.bench_command == "report":
        print(bench_report(args.cases, workdir=args.workdir))
        return 0
    run = bench_import if args.bench_command == "import" else bench_score
    print(run(args.rows, workdir=args.workdir))
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from riskdesk.services.credit import registry as models
    from riskdesk.services.credit import training
    from riskdesk.storage.session import unit_of_work

    if args.model_command == "train" and args.save_default:
        trained = training.train_demo(author="riskdesk")
        models.save_default(trained, args.save_default)
        print("\n".join(training.report(trained.meta)))
        return 0
    engine = open_engine(args.db)
    if args.model_command in ("list", "show"):
        with unit_of_work(engine, write=False) as session:
            if args.model_command == "list":
                rows = models.list_models(session)
                print(f"{'id':>4}  {'status':<9} {'AUC':>6} {'KS':>6}  {'created':<19}  "
                      "name")
                for mv in rows:
                    print(f"{mv.id:>4}  {mv.status:<9} {mv.auc:6.4f} {mv.ks:6.4f}  "
                          f"{mv.created_at:%Y-%m-%d %H:%M:%S}  {mv.name}")
                if not rows:
                    print("no models registered")
            else:
                mv = models.get(session, args.id)
                print(f"model {mv.id}: {mv.name} [{mv.status}]")
                print(f"artefact sha256 {mv.artefact_sha256} ({mv.artefact_format}, "
                      f"{len(mv.artefact):,} bytes); created {mv.created_at:%Y-%m-%d %H:%M:%S} "
                      f"by {mv.created_by}")
                print(f"proposed by {mv.proposed_by or '-'}, approved by {mv.approved_by or '-'}")
                print("\n".join(training.report(models.meta_of(mv))))
        return 0
    actor = acting_user(engine, args.user)
    if args.model_command == "train":
        if args.demo:
            trained = training.train_demo(author=actor.username)
        else:
            if not args.target:
                raise RiskdeskError("--data needs --target COLUMN.")
            trained = training.train_file(args.data, args.target, bad_value=args.bad_value,
                                          time_column=args.time_column, exclude=args.exclude,
                                          author=actor.username)
        with unit_of_work(engine) as session:
            mv = models.register(session, actor, trained, args.name or trained.meta["data"]["name"])
        print("\n".join(training.report(trained.meta)))
        print(f"registered as model {mv.id} (status trained); an admin proposes it with "
              f"`riskdesk model propose {mv.id}`")
        return 0
    if args.model_command == "monitor":
        from riskdesk.services.credit.monitoring import monitor

        print("\n".join(monitor(engine, actor, month=args.month)))
        return 0
    with unit_of_work(engine) as session:
        if args.model_command == "propose":
            mv = models.propose(session, actor, args.id)
            print(f"model {mv.id} proposed by {actor.username}; it needs approval by another "
                  "user with the compliance or senior officer role")
        else:
            mv = models.approve(session, actor, args.id)
            print(f"model {mv.id} approved by {actor.username}; it is now the active model")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from riskdesk.services.credit.scoring_job import score_applications

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    result = score_applications(engine, actor, scope="unscored" if args.unscored else "all")
    print(f"score run {result.run_id}: {result.summary()}")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    import json

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
                      f"{json.dumps(st.params, ensure_ascii=False):<45} {rule_name(code)} "
                      f"[{src}]")
            return 0
        if args.rules_command == "blacklist":
            entry = rulesets.add_blacklist(session, actor, args.kind, args.value, args.reason)
            print(f"blacklist entry {entry.id}: {entry.kind} {entry.masked}")
            return 0
        if args.enable and args.disable:
            raise RiskdeskError("--enable or --disable, not both.")
        params = {}
        for item in args.param:
            name, _, value = item.partition("=")
            try:
                params[name] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise RiskdeskError(f"--param {item}: the value is not JSON ({exc.msg}).") from exc
        rs = rulesets.change_rule(session, actor, args.code,
                                  enabled=True if args.enable else False if args.disable else None,
                                  severity=args.severity, params=params, note=args.note)
        print(f"rule {args.code} changed: rule set {rs.id} is in force")
    return 0


def no_display() -> str | None:
    """Why no window can open here, or None: on Linux without a display Qt aborts the
    process (exit 134) instead of saying so. A platform chosen with QT_QPA_PLATFORM
    (offscreen for screenshots) is left to Qt."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return "no window can open: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"


def run_gui(db: str | None, *, user: str | None, lang: str | None,
            screenshot: Path | None, case: str | None = None) -> int:
    from riskdesk.ui.app import run

    problem = no_display()
    if problem:
        raise RiskdeskError(f"{problem}. Use a desktop session, or QT_QPA_PLATFORM=offscreen "
                            "with --screenshot.")
    return run(db=db, user=user, lang=lang, screenshot=screenshot, case=case)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"db": cmd_db, "user": cmd_user, "import": cmd_import, "audit": cmd_audit,
                "demo": cmd_demo, "key": cmd_key, "bench": cmd_bench, "model": cmd_model,
                "complaints": cmd_complaints, "report": cmd_report, "loans": cmd_loans,
                "partners": cmd_partners,
                "score": cmd_score, "rules": cmd_rules}
    import logging

    from riskdesk import logs

    logs.setup()
    log = logging.getLogger("riskdesk.cli")
    sub = next((getattr(args, a) for a in vars(args) if a.endswith("_command")
                and getattr(args, a)), "")
    log.info("start: %s %s on %s", args.command or "gui", sub, _where(args))
    try:
        if args.command in (None, "gui"):
            return run_gui(getattr(args, "db", None), user=getattr(args, "user", None),
                           lang=getattr(args, "lang", None),
                           screenshot=getattr(args, "screenshot", None),
                           case=getattr(args, "case", None))
        code = handlers[args.command](args)
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
