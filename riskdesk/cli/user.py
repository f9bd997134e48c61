"""`riskdesk user add`: users and roles."""
from __future__ import annotations

import argparse

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, read_password
from riskdesk.config import NEW_PASSWORD_ENV


def add_parser(sub: Subparsers) -> None:
    user = sub.add_parser("user", help="users and roles")
    us = user.add_subparsers(dest="user_command", required=True)
    add = us.add_parser("add", help="add a user (the first user of a database must be an admin)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, dest="roles")
    add.add_argument("--display-name", default="")
    add_common(add)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.admin.users import create_user, has_users
    from riskdesk.storage.session import unit_of_work

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
