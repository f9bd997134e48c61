"""`riskdesk key ...`: data key escrow."""
from __future__ import annotations

import argparse
import sys

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine


def add_parser(sub: Subparsers) -> None:
    key = sub.add_parser("key", help="data key escrow")
    ks = key.add_subparsers(dest="key_command", required=True)
    kexp = ks.add_parser("export", help="print the database's data keys for escrow, one "
                         "per line (admin; audited)")
    add_common(kexp)
    kimp = ks.add_parser("import", help="store an escrowed data key (read from stdin)")
    kimp.add_argument("key_id")


def run(args: argparse.Namespace) -> int:
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
    from riskdesk.services.admin.signing_keys import root_key
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=False) as session:
        root = root_key(session)
    if root is not None:  # issue 24: a second place, beside the anchor file, that pins it
        print(f"admin-key {root[0]} {root[1]}  (the first administrator's signing key: keep "
              "with the escrow; `audit verify` trusts signatures only through it)")
    return 0
