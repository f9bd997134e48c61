"""The GUI's one way into the services: a signed-in desk holding the engine and the actor.

The windows never see an engine or a session. They hold a :class:`Backend` and call service
functions through it: ``backend.read(fn, *args)`` and ``backend.write(fn, *args)`` open one
unit of work (read-only or writing) and call ``fn(session, actor, *args)``;
``backend.read_all(call(f, ...), call(g, ...))`` makes several reads in one transaction;
``backend.lookup(fn, *args)`` calls a read that needs no actor (``fn(session, *args)``: the
names of the assignees, a setting); ``backend.job(fn, *args)`` calls a long use case that
keeps its own units of work (``fn(engine, actor, *args)``: an import, an export, a report).

:func:`open_database` opens a database for the sign-in (:class:`Entrance`), which hands the
backend to whoever signs in; :func:`open_audit_pack` opens an audit pack read-only for an
auditor. Nothing here imports Qt.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from riskdesk.config import db_target
from riskdesk.domain.enums import Role
from riskdesk.errors import RiskdeskError
from riskdesk.services.actor import Actor
from riskdesk.storage.session import unit_of_work

P = ParamSpec("P")
T = TypeVar("T")

# The reads a window may make without an actor (``Backend.lookup``): nothing personal, nothing
# about a case. Every other read goes through ``Backend.read``, which hands the service the
# signed-in actor for its permission check. Named by module and function so that this module
# need not import the services it lists.
ACTORLESS_READS = frozenset({
    "riskdesk.services.admin.settings.idle_lock_minutes",  # the idle lock, before any check
    "riskdesk.services.cases.work.assignees",  # staff names for the assign menus
    "riskdesk.services.complaints.handling.deadlines",  # the regulatory deadlines in force
    "riskdesk.services.periods.current_month",  # the business month, in the business zone
    "riskdesk.services.periods.business_zone",  # the bank's time zone (Settings, issue 28)
    "riskdesk.services.reporting.archive.verify",  # is this PDF one the bank issued?
    "riskdesk.storage.clock.utcnow",  # the application's clock
})


class DatabaseUnusable(RiskdeskError):
    """The database cannot be opened or read (the driver's first line in ``detail``)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Call(Generic[T]):
    """One service call ``fn(session, actor, *args, **kw)`` for :meth:`Backend.read_all`."""

    fn: Callable[..., T]
    args: tuple[Any, ...] = ()
    kw: dict[str, Any] = field(default_factory=dict)


def call(fn: Callable[Concatenate[Session, Actor, P], T], *args: P.args,
         **kw: P.kwargs) -> Call[T]:
    return Call(fn, args, dict(kw))


class Backend:
    """The engine and the signed-in actor; see the module's note. Thread-safe as the engine
    is: each call opens its own session, so a call may run on a worker thread."""

    def __init__(self, engine: Engine, actor: Actor, *, pack: Path | None = None) -> None:
        self._engine = engine
        self.actor = actor
        self.pack = pack

    @property
    def read_only(self) -> bool:
        """An audit pack: only findings are written (through their own connection)."""
        return self.pack is not None

    @property
    def location(self) -> str:
        """The database as shown to people: the pack's path, or the URL without password."""
        from riskdesk.storage.engine import redact_url

        return str(self.pack) if self.pack is not None else redact_url(self._engine.url)

    @property
    def is_local_file(self) -> bool:
        return self._engine.url.get_backend_name() == "sqlite"

    def read(self, fn: Callable[Concatenate[Session, Actor, P], T], *args: P.args,
             **kw: P.kwargs) -> T:
        with unit_of_work(self._engine, write=False) as session:
            return fn(session, self.actor, *args, **kw)

    def write(self, fn: Callable[Concatenate[Session, Actor, P], T], *args: P.args,
              **kw: P.kwargs) -> T:
        with unit_of_work(self._engine) as session:
            return fn(session, self.actor, *args, **kw)

    def read_all(self, *calls: Call[Any]) -> tuple[Any, ...]:
        """Several reads in one transaction (a page and its count agree)."""
        with unit_of_work(self._engine, write=False) as session:
            return tuple(c.fn(session, self.actor, *c.args, **c.kw) for c in calls)

    def lookup(self, fn: Callable[Concatenate[Session, P], T], *args: P.args,
               **kw: P.kwargs) -> T:
        """A read that needs no actor: a setting, the list of assignees, the clock. Only the
        functions in :data:`ACTORLESS_READS` (a read of case or personal data must check its
        actor's permission, so it goes through :meth:`read`)."""
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}"
        if name not in ACTORLESS_READS:
            raise TypeError(f"{name} is not a read without an actor; call it with "
                            "Backend.read so that it checks the signed-in user's permission")
        with unit_of_work(self._engine, write=False) as session:
            return fn(session, *args, **kw)

    def job(self, fn: Callable[Concatenate[Engine, Actor, P], T], *args: P.args,
            **kw: P.kwargs) -> T:
        """A long use case that opens its own units of work (import, export, a report)."""
        return fn(self._engine, self.actor, *args, **kw)

    def sign_out(self) -> None:
        from riskdesk.services.admin.users import sign_out

        self.write(sign_out, channel="gui")

    def check_password(self, password: str, *, channel: str = "unlock") -> bool:
        """The signed-in user's password again (the idle lock): audited like a sign-in."""
        from riskdesk.services.admin.users import sign_in

        with unit_of_work(self._engine) as session:
            return sign_in(session, username=self.actor.username, password=password,
                           channel=channel) is not None

    def backup_on_exit(self) -> None:
        """A local database gets a dated backup; the oldest beyond the kept number go."""
        from riskdesk.services.admin import settings as app_settings
        from riskdesk.storage import backup

        if not self.is_local_file or self.read_only:
            return
        with unit_of_work(self._engine, write=False) as session:
            keep = app_settings.backup_keep(session)
            folder = app_settings.backup_folder(session)
        backup.rotate(self._engine, folder, keep)

    def as_user(self, actor: Actor) -> Backend:
        """The same database for another signed-in user (the guide's screenshots)."""
        return Backend(self._engine, actor, pack=self.pack)

    def close(self) -> None:
        self._engine.dispose()


def _unusable(exc: DBAPIError) -> DatabaseUnusable:
    return DatabaseUnusable(str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc))


class Entrance:
    """A database opened for signing in: nobody is signed in yet."""

    def __init__(self, target: str, *, create: bool) -> None:
        from riskdesk.storage.engine import make_engine, require_database, sqlite_file
        from riskdesk.storage.migrate import ensure_local_schema

        self.target = target
        path = sqlite_file(target)
        self.new_file = path is not None and not path.exists()
        if self.new_file and not create:
            require_database(target)  # says there is none, and what to do; creates nothing
        try:
            self._engine = make_engine(target)
            if not self.new_file:  # a new file is made when its first administrator is
                ensure_local_schema(self._engine)
        except DBAPIError as exc:
            raise _unusable(exc) from exc

    @property
    def label(self) -> str:
        from riskdesk.storage.engine import db_label

        return db_label(self._engine.url.render_as_string(hide_password=False))

    def has_users(self) -> bool:
        from riskdesk.services.admin.users import has_users

        if self.new_file:
            return False
        try:
            with unit_of_work(self._engine, write=False) as session:
                return has_users(session)
        except DBAPIError as exc:
            raise _unusable(exc) from exc

    def no_users_error(self) -> RiskdeskError:
        from riskdesk.storage.engine import no_users_error

        return no_users_error(self._engine.url.render_as_string(hide_password=False))

    def create_first_admin(self, username: str, password: str) -> str | None:
        """None when made, else why not (shown in the dialog)."""
        from riskdesk.services.admin.users import create_user
        from riskdesk.storage.migrate import ensure_local_schema

        try:
            if self.new_file:
                ensure_local_schema(self._engine)
            with unit_of_work(self._engine) as session:
                create_user(session, None, username=username, password=password,
                            roles=[Role.ADMIN])
        except RiskdeskError as exc:
            return str(exc)
        self.new_file = False
        return None

    def sign_in(self, username: str, password: str) -> Backend | None:
        from riskdesk.services.admin.users import sign_in

        try:
            with unit_of_work(self._engine) as session:
                actor = sign_in(session, username=username, password=password, channel="gui")
        except DBAPIError as exc:
            raise _unusable(exc) from exc
        return Backend(self._engine, actor) if actor is not None else None

    def close(self) -> None:
        self._engine.dispose()


def open_database(db: str | None, *, create: bool = True) -> Entrance:
    """``--db`` / ``RISKDESK_DB`` / the default database, opened (and upgraded where it is a
    local file) for signing in; ``create=False`` refuses a local file that is not there."""
    return Entrance(db_target(db), create=create)


def open_audit_pack(path: Path) -> Backend:
    """An audit pack, read-only, for an auditor without sign-in (a pack holds no passwords)."""
    from riskdesk.storage.engine import open_pack

    return Backend(open_pack(path), Actor(None, "auditor", frozenset({Role.AUDITOR})), pack=path)


def demo_backend(engine: Engine, actor: Actor) -> Backend:
    """A backend on an engine the caller already holds (tests, the guide's screenshots)."""
    return Backend(engine, actor)


@dataclass(frozen=True)
class Probe:
    """A connection test (File > Settings): what answered, or why not."""

    missing: Path | None = None  # a local file that is not there (connecting would make it)
    database: str = ""  # the database that answered, without its password
    revision: str | None = None  # its schema
    head: str = ""  # this riskdesk's schema
    error: str = ""


def probe_database(target: str, password: str = "") -> Probe:
    """Connects with the address (and password, not stored) given, reads the schema, and
    disconnects; every failure is a :class:`Probe` with ``error``, none is raised."""
    from sqlalchemy.engine import make_url

    from riskdesk.storage.engine import is_url, make_engine, redact_url, sqlite_file
    from riskdesk.storage.migrate import current_revision, head_revision

    try:
        path = sqlite_file(target)
        if path is not None and not path.exists():
            return Probe(missing=path)
        if is_url(target) and password:
            target = make_url(target).set(password=password).render_as_string(
                hide_password=False)
        engine = make_engine(target)
        try:
            revision = current_revision(engine)
            shown = redact_url(engine.url)
        finally:
            engine.dispose()
    except Exception as exc:  # noqa: BLE001 - every failure is shown, none is fatal
        return Probe(error=str(getattr(exc, "orig", None) or exc).splitlines()[0][:300])
    return Probe(database=shown, revision=revision, head=head_revision())


def remember_password(target: str, password: str) -> None:
    """A server database's password, into the OS keyring (never a file)."""
    from riskdesk.storage.engine import is_url, set_password

    if target and is_url(target) and password:
        set_password(target, password)
