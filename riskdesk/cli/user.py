"""`riskdesk user add`: users and roles."""
from __future__ import annotations

import argparse

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, read_password
from riskdesk.config import NEW_PASSWORD_ENV, PASSWORD_ENV


def add_parser(sub: Subparsers) -> None:
    user = sub.add_parser("user", help="users and roles")
    us = user.add_subparsers(dest="user_command", required=True)
    add = us.add_parser("add", help="add a user (the first user of a database must be an admin)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, dest="roles")
    add.add_argument("--display-name", default="")
    add_common(add)
    keys = us.add_parser("keys", help="users' signing keys and where they stand (admin)")
    keys.add_argument("--pending", action="store_true", help="only keys awaiting a "
                      "countersignature")
    add_common(keys)
    cs = us.add_parser("countersign", help="countersign a user's pending signing key (admin; "
                       "compare the fingerprint with the one the user reads out)")
    cs.add_argument("name")
    cs.add_argument("--fingerprint", required=True,
                    help="the key's whole fingerprint as the user reads it (32 hex "
                    "digits; spaces ignored)")
    add_common(cs)
    rv = us.add_parser("revoke-key", help="revoke a departing user's signing key (admin): "
                       "whatever it signs afterwards fails `audit verify`")
    rv.add_argument("name")
    rv.add_argument("--reason", default="revoked by an administrator")
    add_common(rv)
    rs = us.add_parser("reset-password", help="set a new password for a user (admin; the new "
                       "one from RISKDESK_NEW_PASSWORD); their signing key is revoked and a new "
                       "one made at their next sign-in, to be countersigned")
    rs.add_argument("name")
    add_common(rs)
    pw = us.add_parser("password", help="change your own password (current from "
                       "RISKDESK_PASSWORD, new from RISKDESK_NEW_PASSWORD); your signing key is "
                       "re-wrapped under the new one")
    add_common(pw)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.admin.users import create_user, has_users
    from riskdesk.storage.session import unit_of_work

    if args.user_command != "add":
        return _keys_command(args)
    engine = open_engine(args.db, create=True)
    with unit_of_work(engine, write=False) as session:
        first = not has_users(session)
    actor = None if first and not args.user else acting_user(engine, args.user)
    password = read_password(f"Password for the new user {args.name}: ", NEW_PASSWORD_ENV)
    with unit_of_work(engine) as session:
        user = create_user(session, actor, username=args.name, password=password,
                           roles=args.roles, display_name=args.display_name)
    print(f"User {user.username} created with role(s): {', '.join(sorted(args.roles))}")
    return 0


def _user_id(session, name: str) -> int:  # type: ignore[no-untyped-def]
    from sqlmodel import col, select

    from riskdesk.domain.users import User
    from riskdesk.errors import RiskdeskError

    user_id = session.exec(select(User.id).where(col(User.username) == name)).first()
    if user_id is None:
        raise RiskdeskError(f"There is no user {name}.")
    return int(user_id)


def _keys_command(args: argparse.Namespace) -> int:
    from riskdesk.security.signing import grouped
    from riskdesk.services.admin import signing_keys, users
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    actor = acting_user(engine, args.user)
    if args.user_command == "password":
        new = read_password("New password: ", NEW_PASSWORD_ENV)
        with unit_of_work(engine) as session:
            users.change_password(session, actor, old_password=read_password(
                "Current password: ", PASSWORD_ENV), new_password=new)
        print(f"Password of {actor.username} changed; signing key re-wrapped.")
        return 0
    if args.user_command == "keys":
        with unit_of_work(engine, write=False) as session:
            rows = signing_keys.key_rows(session, actor, pending_only=args.pending)
        for r in rows:
            by = f" (countersigned by {r.countersigned_by})" if r.countersigned_by else ""
            print(f"{r.username}\t{r.fingerprint}\t{r.status}{by}\t"
                  f"{r.created_at:%Y-%m-%d %H:%M} UTC\t{r.grouped}"
                  + ("\tADMINISTRATOR key" if r.admin else ""))
        return 0
    with unit_of_work(engine) as session:
        user_id = _user_id(session, args.name)
        if args.user_command == "countersign":
            pending = signing_keys.pending_key(session, actor, user_id=user_id)
            if pending is not None and pending.admin:
                print(f"{args.name} holds the admin role: this is an ADMINISTRATOR key, whose "
                      "countersignatures vouch for other users' keys.")
            key = signing_keys.countersign(session, actor, user_id=user_id,
                                           fingerprint=args.fingerprint)
            print(f"Signing key {grouped(key.fingerprint)} of {args.name} "
                  f"countersigned by {actor.username}: {args.name} may now record decisions.")
        elif args.user_command == "revoke-key":
            n = signing_keys.revoke(session, actor, user_id=user_id, reason=args.reason)
            print(f"{n} signing key(s) of {args.name} revoked.")
        else:
            n = users.reset_password(session, actor, user_id=user_id, new_password=read_password(
                f"New password for {args.name}: ", NEW_PASSWORD_ENV))
            print(f"Password of {args.name} reset; {n} signing key(s) revoked. Their next "
                  "sign-in makes a new key: countersign it (riskdesk user countersign).")
    return 0
