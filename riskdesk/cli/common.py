"""What every command group shares: the --db/--user options, the database and the acting
user, passwords from the environment or a prompt, atomic writes, a refused file's problems."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TypeAlias

from riskdesk.config import PASSWORD_ENV
from riskdesk.errors import RiskdeskError

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_common(p: argparse.ArgumentParser, *, user: bool = True) -> None:
    p.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: RISKDESK_DB, else "
                                "the demo database once `riskdesk demo` has built it, else "
                                "riskdesk.sqlite in the user data folder)")
    if user:
        p.add_argument("--user", help="act as this user (password from RISKDESK_PASSWORD)")


def read_password(prompt: str, env: str) -> str:
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
    password = read_password(f"Password for {name}: ", PASSWORD_ENV)
    with unit_of_work(engine) as session:
        actor = sign_in(session, username=name, password=password, channel="cli")
    if actor is None:
        raise AuthenticationFailed(
            f"Sign-in refused for {name}: wrong user name or password, or the account is locked.")
    from riskdesk.services.admin.signing_keys import pending_note

    with unit_of_work(engine, write=False) as session:
        note = pending_note(session, actor)
    if note:
        print(f"note: {note}", file=sys.stderr)
    return actor


def json_values(items: list[str], option: str) -> dict[str, Any]:
    """``NAME=JSON`` options (``--set``, ``--param``) as a mapping; a value that is not JSON
    is refused naming the option."""
    import json

    out = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            out[name] = json.loads(value)
        except json.JSONDecodeError as exc:
            raise RiskdeskError(f"{option} {item}: the value is not JSON ({exc.msg}).") from exc
    return out


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


def print_refusal(name: str, problems: Any) -> None:
    """A refused complaint or loan file: its problems by row, column and value."""
    print(f"{name}: refused, nothing imported. {len(problems)} problem(s):", file=sys.stderr)
    for r in problems.head(50).itertuples(index=False):
        print(f"  row {r.row}, column {r.column}, value \"{r.value}\": {r.reason}",
              file=sys.stderr)
