"""`riskdesk audit ...`: verify the chain, anchors, audit packs and their findings."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine
from riskdesk.errors import InvalidInput, RiskdeskError


def add_parser(sub: Subparsers) -> None:
    aud = sub.add_parser("audit", help="audit trail")
    auds = aud.add_subparsers(dest="audit_command", required=True)
    ver = auds.add_parser("verify", help="verify the hash chain and print its head hash; "
                          "check it against the heads issued monthly reports print and the "
                          "keyed anchors")
    ver.add_argument("pack", type=Path, nargs="?",
                     help="an audit pack (.rdpack) to check instead: its seal and chain")
    ver.add_argument("--report", type=Path, action="append", default=[],
                     help="a monthly report PDF kept outside the database (repeatable)")
    ver.add_argument("--anchors", type=Path, metavar="FILE",
                     help="the anchor file to check against (default: the one the settings "
                     "name); exit 0 intact and anchored, 1 intact but nothing outside the "
                     "chain vouches for it, 2 broken or rewritten")
    ver.add_argument("--database", metavar="ID",
                     help="the database's identity as its monthly reports print it: the "
                     "anchor file and the signatures are checked for that identity, not the "
                     "one the database names itself by (a file holding only other databases' "
                     "anchors is then exit 2)")
    add_common(ver, user=False)
    exp = auds.add_parser("export", help="a sealed offline audit pack of a month or of listed "
                          "cases (masked unless --unmasked)")
    scope = exp.add_mutually_exclusive_group(required=True)
    scope.add_argument("--month", help="YYYY-MM")
    scope.add_argument("--cases", type=Path, help="a file of application numbers or case ids, "
                       "one per line")
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--unmasked", action="store_true",
                     help="plain personal data (a role that may see it; audited)")
    add_common(exp)
    imf = auds.add_parser("import-findings", help="bring an audit pack's findings into this "
                          "database (a pack whose seal is broken is refused)")
    imf.add_argument("pack", type=Path)
    add_common(imf)
    anc = auds.add_parser("anchor", help="anchor the chain's head: in the anchor file outside "
                          "the database and, where this workstation holds the bank's anchor "
                          "key, sealed with it (HMAC; the key stays in the OS keyring)")
    anc.add_argument("--create-key", action="store_true",
                     help="create this workstation's anchor key and print it for escrow")
    anc.add_argument("--folder", metavar="DIR",
                     help="first set the folder of the anchor file (admin; e.g. a network "
                     "share; \"\" for the default beside the user data folder)")
    add_common(anc)


def run(args: argparse.Namespace) -> int:
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
        if args.folder is not None:
            from riskdesk.services.audit.anchor_file import set_folder

            with unit_of_work(engine) as session:
                print(f"anchor file: {set_folder(session, actor, folder=args.folder)}")
        with unit_of_work(engine) as session:
            mark = audit_anchors.anchor_head(session, actor, note="riskdesk audit anchor")
        sealed = (f"under key {mark.key_id}" if mark.key_id else
                  "not sealed: no anchor key in this workstation's keyring (create one with "
                  "--create-key or import the bank's from escrow)")
        print(f"anchored event {mark.seq} ({mark.hash}) in {mark.file}; {sealed}")
        return 0
    extra = []
    for path in args.report:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {path}: {exc.strerror}") from None
        extra.append(audit_anchors.file_anchor(data, path.name))
    if args.anchors is not None and not args.anchors.is_file():
        raise InvalidInput(f"No anchor file {args.anchors}")
    with unit_of_work(engine, write=False) as session:
        result = audit.verify(session)
        anchors = audit_anchors.check_all(session, extra=extra, anchors=args.anchors,
                                          database=args.database) if result.ok else None
        from riskdesk.services.audit.signatures import check_against_file

        signed = check_against_file(session, path=anchors.file, database=args.database) \
            if anchors is not None else None
        from riskdesk.services.privacy.free_text import audit_text_warning

        personal = audit_text_warning(session)  # issue 25: a warning, never a failure
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
    assert signed is not None
    if signed.failures:  # issue 24: hashes hold, but not every decision is its actor's
        print(f"audit trail FORGED: {len(signed.failures)} decision event(s) without a valid "
              "signature of their actor's trusted key:", file=sys.stderr)
        for failure in signed.failures[:50]:
            print(f"  {failure.line()}", file=sys.stderr)
        return 2
    print(f"audit trail intact: {result.events} events; head hash {result.head_hash}; "
          f"{anchors.checked} anchor(s) match")
    if personal:
        print(f"  warning: {personal}")
    print(f"  {signed.signed} signed event(s) verified against their actors' keys")
    if signed.before is not None:
        print(f"  {signed.before.line()}")
    for line in signed.warnings:
        print(f"  warning: {line}", file=sys.stderr)
    print(f"  anchor file {anchors.file}: {anchors.file_anchors} anchor(s) of this database"
          + (f", {anchors.file_other} of others" if anchors.file_other else "")
          + ("" if anchors.file is None or anchors.file.exists() else " (no such file)"))
    if anchors.reports_checked or anchors.reports_unchecked:
        print(f"  {anchors.reports_checked} archived report(s) match their issue events"
              + (f"; {anchors.reports_unchecked} encrypted one(s) not read (no data key here)"
                 if anchors.reports_unchecked else ""))
    if anchors.unchecked:
        print(f"  {anchors.unchecked} keyed anchor(s) not checked: this workstation does not "
              "hold their key")
    if not anchors.vouched:
        print("WARNING: nothing outside the chain vouches for it (no anchor in the anchor "
              "file, no keyed anchor, no issued report's head): a rewrite of the whole chain "
              "could not be told. Anchor it with `riskdesk audit anchor` and keep the anchor "
              "file where the database's owner cannot rewrite it.", file=sys.stderr)
        return 1
    if signed.root_pinned is False:
        print("WARNING: the first administrator's signing key is not pinned in the anchor "
              "file, so the signatures rest on the database alone.", file=sys.stderr)
        return 1
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
            done = findings.import_findings(session, actor, pack=args.pack)
        print(f"{args.pack.name}: pack {done.pack_id}: {done.added} finding(s) added, "
              f"{done.present} already here")
        return 0
    refs = None
    if args.cases is not None:
        try:
            refs = args.cases.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {args.cases}: {exc.strerror}") from None
    info = audit_pack.export_pack(engine, actor, out=args.out, month=args.month, case_refs=refs,
                                  unmasked=args.unmasked)
    print(f"{info.path}: pack {info.pack_id}, {info.scope}, {info.events} audit events, "
          f"{'UNMASKED' if info.unmasked else 'masked'}; seal {info.digest}")
    return 0
