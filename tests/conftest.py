"""Test fixtures: a fixed clock, a headless keyring per worker, and databases on SQLite,
PostgreSQL and MariaDB, each created under a unique name for the test and dropped afterwards.

The clock: every worker starts at :data:`TEST_NOW` (a Wednesday noon in Shanghai, late in a
month so that "16 days ago" is the same month) and ticks on in real time; the command-line
processes a test starts get the same clock through ``RISKDESK_CLOCK_OFFSET``. So the suite
passes whatever the machine's clock says (CI runs it under faketime too). A test about another
instant moves the clock with ``riskdesk.storage.clock.shifted``.

With CI=true a server that cannot be reached fails the test instead of skipping it.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
# Imported twice (as conftest by pytest, as tests.conftest by test modules): one home per process.
_HOME_VAR = f"RISKDESK_TEST_HOME_{_WORKER.upper()}"
_HOME = Path(os.environ.get(_HOME_VAR) or tempfile.mkdtemp(prefix=f"riskdesk-test-{_WORKER}-"))
os.environ[_HOME_VAR] = str(_HOME)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_STATE_HOME"] = str(_HOME / "state")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("RISKDESK_DB", None)
os.environ.pop("RISKDESK_PASSWORD", None)

from riskdesk.storage import clock  # noqa: E402

TEST_NOW = datetime(2026, 11, 25, 4, 0, 0)  # UTC: 12:00 in Shanghai
if clock.OFFSET_ENV not in os.environ:  # set once by the first process, inherited by the rest
    _offset = clock.shift_to(TEST_NOW)
    assert _offset is not None
    os.environ[clock.OFFSET_ENV] = f"{_offset.total_seconds():.6f}"
clock.shift_by(clock.env_offset() or timedelta(0))

# Password hashes made in the test processes are cheap (argon2id, 8 KiB, one pass, one lane,
# microseconds instead of a 64 MiB, t=3, p=4 run on every user created or signed in, a few
# hundred in the suite). Set here, by assignment in this process, never through the
# environment: a riskdesk process a test starts (the window, a benchmark's workers) hashes with
# the real parameters, and on signing in upgrades a cheap hash as it would an old one
# (passwords.needs_rehash). test_users checks that a fresh process gets the real parameters.
from argon2 import PasswordHasher  # noqa: E402

from riskdesk.security import passwords as _passwords  # noqa: E402

_passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402
from sqlalchemy import Engine, create_engine, select, text  # noqa: E402

from riskdesk.services.actor import Actor  # noqa: E402
from riskdesk.services.admin.users import create_user  # noqa: E402
from riskdesk.storage import migrate  # noqa: E402
from riskdesk.storage.engine import make_engine  # noqa: E402
from riskdesk.storage.session import unit_of_work  # noqa: E402
from tests.helpers import SIGNERS  # noqa: E402

# Hypothesis keeps nothing in the work tree: no example database, and its other caches (the
# constants it collects from the source) in the temporary folder
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"riskdesk-hypothesis-{os.getuid()}")
settings.register_profile("ci", max_examples=60, deadline=None, database=None)
settings.register_profile("dev", max_examples=30, deadline=None, database=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

PG_ADMIN = os.environ.get("RISKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MY_ADMIN = os.environ.get("RISKDESK_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test")
PASSWORD = "test-password-1"
SERVERS = {"postgresql": PG_ADMIN, "mariadb": MY_ADMIN}


def unavailable(kind: str, exc: Exception) -> None:
    message = f"{kind} server not reachable: {exc}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: a database test may not skip)")
    pytest.skip(message)


def _on_server(kind: str, statement: str) -> None:
    admin = create_engine(SERVERS[kind], isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def _create(kind: str, name: str) -> None:
    """A new, empty database ``name``; an unreachable server skips (fails with CI=true)."""
    try:
        _on_server(kind, f'CREATE DATABASE "{name}"' if kind == "postgresql" else
                   f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        unavailable(kind, exc)


def _drop(kind: str, name: str) -> None:
    _on_server(kind, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' if kind == "postgresql"
               else f"DROP DATABASE IF EXISTS `{name}`")


def server_database(kind: str) -> Iterator[str]:
    """Create a uniquely named database on the server, yield its URL, drop it."""
    name = f"rd_{_WORKER}_{uuid.uuid4().hex[:10]}"
    _create(kind, name)
    try:
        yield f"{SERVERS[kind].rsplit('/', 1)[0]}/{name}"
    finally:
        _drop(kind, name)


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.server),
                        pytest.param("mariadb", marks=pytest.mark.server)])
def server_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated database on each server (roles exist on server databases only; a local
    SQLite file has the triggers alone)."""
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine

    for url in server_database(request.param):
        eng = make_engine(url)
        migrate.upgrade(eng)
        try:
            yield eng
        finally:
            eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server),
                        pytest.param("mariadb", marks=pytest.mark.server)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on each supported database: on a server, a copy of the template made
    ahead when the test asks for ``engine`` (see ``_copy_ahead``), else an empty database."""
    if request.param == "sqlite":
        yield str(tmp_path / "riskdesk.sqlite")
    elif "engine" in request.fixturenames:
        yield from _server_copy(request.param, _level(request))
    else:
        yield from server_database(request.param)


# --- Template databases ---------------------------------------------------------------------
# Migrating a database takes about a second (two on MariaDB), hashing the five test users'
# passwords (argon2id) half a second more, and importing and scoring the 400 applications most
# case tests start from two to five seconds more; most tests need exactly one of those starting
# points. Each worker builds each level once per database kind, under the tests' fixed clock,
# and every test gets a copy: a file copy on SQLite, CREATE DATABASE ... TEMPLATE on
# PostgreSQL, the tables, rows and triggers copied on MariaDB (which has no templates).
#
# The level follows the fixtures a test asks for: ``scored`` / ``sqlite_scored`` (the users,
# the default model approved, 400 applications imported and scored: helpers.build_scored),
# else ``actors`` / ``sqlite_actors`` (the users), else the migrated schema alone.

LEVELS = ("schema", "users", "scored")
_TEMPLATES: dict[tuple[str, str], str] = {}


def _kind(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else \
        "mariadb" if url.startswith(("mysql", "mariadb")) else "sqlite"


def _build(url: str, level: str) -> None:
    from tests.helpers import build_scored

    eng = make_engine(url)
    try:
        migrate.upgrade(eng)
        if level != "schema":
            actors = add_users(eng)
            if level == "scored":
                build_scored(eng, actors)
        if _kind(url) == "sqlite":
            with eng.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        eng.dispose()


def _drop_server_templates() -> None:
    for (kind, _), name in list(_TEMPLATES.items()):
        if kind != "sqlite":
            try:
                _drop(kind, name)
            except Exception:  # noqa: BLE001 - the server may be gone at exit
                pass


def _template(kind: str, level: str) -> str:
    """The template's path (SQLite) or database name (servers), built on first use."""
    key = (kind, level)
    if key in _TEMPLATES:
        return _TEMPLATES[key]
    if kind == "sqlite":
        folder = _HOME / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{level}-{uuid.uuid4().hex[:8]}.sqlite"
        _build(str(path), level)
        _TEMPLATES[key] = str(path)
        return str(path)
    if not any(k != "sqlite" for k, _ in _TEMPLATES):
        import atexit

        atexit.register(_at_exit)
    name = f"rd_tpl_{_WORKER}_{uuid.uuid4().hex[:10]}"
    _create(kind, name)
    try:
        _build(f"{SERVERS[kind].rsplit('/', 1)[0]}/{name}", level)
    except BaseException:  # a half-built template must not serve the next test
        _drop(kind, name)
        raise
    _TEMPLATES[key] = name
    return name


_MARIADB_DUMPS: dict[str, tuple[list[tuple[str, str, bool]], list[str]]] = {}


def _dump_mariadb(conn: Any, template: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """The template's schema, dumped once: (table, CREATE TABLE, has rows), then the CREATE
    VIEW (names unqualified, so they read the copy's tables) and CREATE TRIGGER statements."""
    if template not in _MARIADB_DUMPS:
        tables, views = [], []
        for table, kind in conn.execute(text(f"SHOW FULL TABLES FROM `{template}`")):
            if kind == "VIEW":
                ddl = str(conn.execute(text(f"SHOW CREATE VIEW `{template}`.`{table}`"))
                          .one()[1]).replace(f"`{template}`.", "")
                views.append(re.sub(r"DEFINER=\S+ ", "", ddl))
                continue
            ddl = conn.execute(text(f"SHOW CREATE TABLE `{template}`.`{table}`")).one()[1]
            rows = conn.execute(text(f"SELECT 1 FROM `{template}`.`{table}` LIMIT 1")).first()
            tables.append((str(table), str(ddl), rows is not None))
        triggers = [str(conn.execute(text(f"SHOW CREATE TRIGGER `{template}`.`{row[0]}`"))
                        .mappings().one()["SQL Original Statement"])
                    for row in conn.execute(text(f"SHOW TRIGGERS FROM `{template}`")).all()]
        _MARIADB_DUMPS[template] = (tables, views + triggers)
    return _MARIADB_DUMPS[template]


def _copy_mariadb(conn: Any, template: str, name: str) -> None:
    """Tables (with their keys), rows, views and triggers of ``template`` into the empty
    ``name``."""
    tables, statements = _dump_mariadb(conn, template)
    conn.execute(text("SET SESSION foreign_key_checks = 0"))
    conn.execute(text(f"USE `{name}`"))
    for table, ddl, has_rows in tables:
        conn.execute(text(ddl))
        if has_rows:
            conn.execute(text(f"INSERT INTO `{name}`.`{table}` SELECT * FROM "
                              f"`{template}`.`{table}`"))
    for statement in statements:
        conn.exec_driver_sql(statement)
    conn.execute(text("SET SESSION foreign_key_checks = 1"))


def _from_template(url: str, level: str) -> None:
    """Fill the test's new, empty database ``url`` from the template of that level."""
    kind = _kind(url)
    template = _template(kind, level)
    if kind == "sqlite":
        shutil.copyfile(template, url)
        return
    name = url.rsplit("/", 1)[1]
    admin = create_engine(SERVERS[kind], isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if kind == "postgresql":
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            else:
                _copy_mariadb(conn, template, name)
    finally:
        admin.dispose()


def _level(request: pytest.FixtureRequest, prefix: str = "") -> str:
    names = request.fixturenames
    return ("scored" if f"{prefix}scored" in names else
            "users" if f"{prefix}actors" in names else "schema")


def _engine(url: str, request: pytest.FixtureRequest, prefix: str = "") -> Engine:
    if url not in _FILLED:  # a server copy made ahead is filled already
        _from_template(url, _level(request, prefix))
    _own_identity(url)
    return make_engine(url)


# --- Server copies made ahead ---------------------------------------------------------------
# Copying a template on a server is mostly the server waiting on its disk (MariaDB: 57 CREATE
# TABLE, a file each, 1-3 s of wall time for 0.3 s of its CPU; PostgreSQL: 0.5-1 s with the
# empty database it replaced), and so is dropping a database afterwards. So each worker makes
# the next test's copy, and drops the last test's database, on a thread of its own while the
# test runs: a copy of the level the last test on that server asked for (the tests of a module
# mostly ask for the same); an unused one is dropped at exit.

_AHEAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskdesk-test-db")
_SPARE: dict[tuple[str, str], Future[str]] = {}
_FILLED: set[str] = set()  # the URLs of server copies filled from a template
_DROPS: list[Future[None]] = []


def _new_copy(kind: str, level: str) -> str:
    name = f"rd_{_WORKER}_{uuid.uuid4().hex[:10]}"
    url = f"{SERVERS[kind].rsplit('/', 1)[0]}/{name}"
    _create(kind, name)
    try:
        _from_template(url, level)
    except BaseException:
        _drop(kind, name)
        raise
    return url


def _server_copy(kind: str, level: str) -> Iterator[str]:
    """A copy of the template on the server (made ahead if the last test asked for the same),
    the next one started ahead, and this one dropped on the side after the test."""
    ahead = _SPARE.pop((kind, level), None)
    url = None
    if ahead is not None:
        try:
            url = ahead.result()
        except Exception:  # noqa: BLE001 - made again here, where a failure reaches the test
            url = None
    if url is None:
        url = _new_copy(kind, level)
    _SPARE[(kind, level)] = _AHEAD.submit(_new_copy, kind, level)
    _FILLED.add(url)
    try:
        yield url
    finally:
        _FILLED.discard(url)
        _DROPS.append(_AHEAD.submit(_drop, kind, url.rsplit("/", 1)[1]))


def _at_exit() -> None:
    """The side's work finished (the executor takes no more by now: its threads are joined
    before atexit runs), what failed said, the copies made ahead and not used dropped, then
    the templates."""
    _AHEAD.shutdown(wait=True)
    failed = [done.exception() for done in _DROPS if done.exception() is not None]
    for ahead in _SPARE.values():
        if ahead.exception() is None:
            url = ahead.result()
            try:
                _drop(_kind(url), url.rsplit("/", 1)[1])
            except Exception as exc:  # noqa: BLE001 - the server may be gone at exit
                failed.append(exc)
    for exc in failed:
        print(f"riskdesk tests: a test database was not dropped: {exc}")
    _drop_server_templates()


def _own_identity(url: str) -> None:
    """Every copy of a template is a database of its own in the worker's anchor file (issue
    24): a new identity, with the template's pinned administrator keys pinned under it too;
    otherwise one copy's anchors would be checked against another copy's chain."""
    from riskdesk.domain.users import AppSetting
    from riskdesk.services.audit import anchor_file, anchors

    eng = make_engine(url)
    try:
        with unit_of_work(eng) as session:
            row = session.get(AppSetting, anchor_file.DATABASE_SETTING)
            if row is None or not row.value:
                return
            old, row.value = row.value, uuid.uuid4().hex
            new, path = row.value, anchor_file.configured_path(session)
        for record in anchor_file.read_records(path):
            if record.get("kind") == "admin-key" and record.get("database") == old:
                copied = {**record, "database": new}
                anchor_file.append_record(path, anchors.seal_admin_key(copied)
                                          if "mac" in record else copied)
        _resign(eng, new)
    finally:
        eng.dispose()


def _resign(eng: Engine, database: str) -> None:
    """The template's signed events signed again for the copy's identity, as if the copy had
    been built under it: signatures are bound to the database they are recorded in (an event
    signed in one database does not verify in another). Outside the hashed text, so the chain
    is unchanged; the append-only triggers are lifted for the update and put back."""
    from riskdesk.storage import audit_guard

    signers = {signer.fingerprint: signer for signer in SIGNERS.values()}
    with eng.connect() as conn:
        rows = conn.execute(text("SELECT seq, canonical, signature FROM audit_event "
                                 "WHERE signature IS NOT NULL")).all()
    updates = []
    for seq, canonical, signature in rows:
        fingerprint, _, rest = str(signature).partition(":")
        signer = signers.get(fingerprint)
        if signer is not None and rest.startswith("d:"):
            updates.append({"s": seq, "g": signer.sign(str(canonical), database)})
    if not updates:
        return
    dialect = eng.dialect.name
    with eng.begin() as conn:
        for sql in audit_guard.statements(dialect, drop=True):
            conn.exec_driver_sql(sql)
        conn.execute(text("UPDATE audit_event SET signature = :g WHERE seq = :s"), updates)
        for sql in audit_guard.statements(dialect):
            conn.exec_driver_sql(sql)


@pytest.fixture
def engine(db_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated database (with the test users when the test also asks for ``actors``, and
    the scored applications when it asks for ``scored``)."""
    eng = _engine(db_url, request)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "riskdesk.sqlite"


@pytest.fixture
def sqlite_engine(sqlite_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    eng = _engine(str(sqlite_path), request, "sqlite_")
    yield eng
    eng.dispose()


# The template database's users are signed in once when it is built, and every copy's actors
# carry the signing keys then unlocked, as a signed-in session's do (issue 24), without an
# argon2 run per test.


def sign_in_countersigned(engine: Engine, name: str, admin: Actor | None = None,
                          password: str = PASSWORD) -> Actor:
    """``name`` signed in with an unlocked signing key; a new (pending) key is countersigned
    by ``admin`` (default: the database's ``admin``), as an administrator would."""
    from riskdesk.services.admin.signing_keys import countersign
    from riskdesk.services.admin.users import sign_in

    with unit_of_work(engine) as session:
        actor = sign_in(session, username=name, password=password, channel="test")
    assert actor is not None and actor.signer is not None
    SIGNERS[actor.signer.public_key] = actor.signer
    if _key_status(engine, actor) == "pending":
        admin = admin or users_of(engine)["admin"]
        with unit_of_work(engine) as session:
            assert actor.user_id is not None
            countersign(session, admin, user_id=actor.user_id, fingerprint=actor.signer.fingerprint)
    return actor


def _key_status(engine: Engine, actor: Actor) -> str:
    from riskdesk.domain.users import UserKey

    assert actor.signer is not None
    with unit_of_work(engine, write=False) as session:
        return str(session.scalars(select(UserKey.status).where(
            UserKey.fingerprint == actor.signer.fingerprint)).one())


def add_users(engine: Engine) -> dict[str, Actor]:
    """An admin (first user) and one user per other role, all with PASSWORD, each signed in
    once: the admin's key is the root, the others' countersigned by the admin."""
    actors: dict[str, Actor] = {}
    with unit_of_work(engine) as session:
        admin = create_user(session, None, username="admin", password=PASSWORD, roles=["admin"])
        assert admin.id is not None
        creator = Actor(admin.id, "admin", frozenset({"admin"}))
        for name, role in [("officer", "officer"), ("senior", "senior_officer"),
                           ("compliance", "compliance"), ("auditor", "auditor")]:
            u = create_user(session, creator, username=name, password=PASSWORD, roles=[role])
            assert u.id is not None
    actors["admin"] = sign_in_countersigned(engine, "admin")
    for name in ("officer", "senior", "compliance", "auditor"):
        actors[name] = sign_in_countersigned(engine, name, actors["admin"])
    return actors


def users_of(engine: Engine) -> dict[str, Actor]:
    """The test users of a database copied from the template with users, with the signing keys
    this process unlocked for them."""
    from riskdesk.domain.users import User, UserKey, UserRole

    with unit_of_work(engine, write=False) as session:
        roles: dict[int, set[str]] = {}
        for user_id, role in session.execute(select(UserRole.user_id, UserRole.role)):
            roles.setdefault(int(user_id), set()).add(str(role))
        keys = {int(uid): str(pk) for uid, pk in session.execute(
            select(UserKey.user_id, UserKey.public_key).where(
                UserKey.status.in_(("pending", "active"))))}  # type: ignore[attr-defined]
        return {str(u.username): Actor(int(u.id or 0), str(u.username),
                                       frozenset(roles.get(int(u.id or 0), set())),
                                       SIGNERS.get(keys.get(int(u.id or 0), "")))
                for u in session.scalars(select(User).order_by(User.id))}


@pytest.fixture
def actors(engine: Engine) -> dict[str, Actor]:
    return users_of(engine)


@pytest.fixture
def sqlite_actors(sqlite_engine: Engine) -> dict[str, Actor]:
    return users_of(sqlite_engine)


@pytest.fixture
def scored(engine: Engine, actors: dict[str, Actor]) -> tuple[int, int]:
    """The template's 400 scored applications: (a case whose approval is an override, a case
    an officer may approve alone)."""
    from tests.helpers import scored_pair

    return scored_pair(engine)


@pytest.fixture
def sqlite_scored(sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> tuple[int, int]:
    """``scored`` on SQLite only."""
    from tests.helpers import scored_pair

    return scored_pair(sqlite_engine)


@pytest.fixture(autouse=True)
def _locale_restored() -> Iterator[None]:
    """A test that installs the Chinese translators also sets QLocale's default (dates and
    numbers follow the language); the next test on this worker starts from the same locale.
    Qt is only touched once some test has imported it: core tests run without PySide6."""
    import sys

    qt = sys.modules.get("PySide6.QtCore")
    before = qt.QLocale() if qt is not None else None
    yield
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None:
        qt.QLocale.setDefault(before if before is not None else qt.QLocale.system())


# --- Shared data sets -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def audit_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A demo database (with the bank's audit key in this worker's keyring) and last month."""
    from riskdesk.demo.database import build_demo
    from riskdesk.services.audit import anchors as audit_anchors
    from tests.helpers import AUDIT_DEMO_ROWS

    if audit_anchors._key() is None:
        audit_anchors.create_key()  # the bank's audit key, in this worker's keyring
    db = tmp_path_factory.mktemp("pack") / "demo.sqlite"
    build_demo(str(db), rows=AUDIT_DEMO_ROWS)
    month = f"{TEST_NOW.date().replace(day=1) - timedelta(days=1):%Y-%m}"  # last month
    return db, month


@pytest.fixture
def worked_case(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                sqlite_scored: tuple[int, int]) -> tuple[int, str]:
    """A case decided by an officer and confirmed by a senior: (case id, application number)."""
    from riskdesk.services.cases import work as cases
    override, _ = sqlite_scored
    officer, senior = sqlite_actors["officer"], sqlite_actors["senior"]
    with unit_of_work(sqlite_engine) as s:
        case = cases.get_case(s, case_id=override)
        cases.claim(s, officer, case_id=override, version=case.version)
        cases.add_note(s, officer, case_id=override, kind="income", outcome="verified",
                       text="payslips for six months seen")
        case = cases.get_case(s, case_id=override)
        cases.decide(s, officer, case_id=override, version=case.version, decision="approve",
                     reason="stable income, low DTI")
    with unit_of_work(sqlite_engine) as s:
        case = cases.get_case(s, case_id=override)
        cases.check(s, senior, case_id=override, version=case.version, confirm=True, reason="agree")
    with sqlite_engine.connect() as conn:
        app_no = conn.execute(text("SELECT a.application_no FROM review_case c JOIN application "
                                   "a ON a.id = c.application_id WHERE c.id = :i"),
                              {"i": override}).scalar_one()
    return override, app_no
