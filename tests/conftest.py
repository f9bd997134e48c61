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
import tempfile
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

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

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from sqlalchemy import Engine, create_engine, text  # noqa: E402

from riskdesk.services.actor import Actor  # noqa: E402
from riskdesk.services.admin.users import create_user  # noqa: E402
from riskdesk.storage import migrate  # noqa: E402
from riskdesk.storage.engine import make_engine  # noqa: E402
from riskdesk.storage.session import unit_of_work  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

PG_ADMIN = os.environ.get("RISKDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MY_ADMIN = os.environ.get("RISKDESK_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test")
PASSWORD = "test-password-1"
SERVERS = {"postgresql": PG_ADMIN, "mariadb": MY_ADMIN}


def _unavailable(kind: str, exc: Exception) -> None:
    message = f"{kind} server not reachable: {exc}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: a database test may not skip)")
    pytest.skip(message)


def server_database(kind: str) -> Iterator[str]:
    """Create a uniquely named database on the server, yield its URL, drop it."""
    admin_url = SERVERS[kind]
    name = f"rd_{_WORKER}_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if kind == "postgresql":
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            else:
                conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        _unavailable(kind, exc)
    base = admin_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            if kind == "postgresql":
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            else:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server),
                        pytest.param("mariadb", marks=pytest.mark.server)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on each supported database."""
    if request.param == "sqlite":
        yield str(tmp_path / "riskdesk.sqlite")
    else:
        yield from server_database(request.param)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    migrate.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "riskdesk.sqlite"


@pytest.fixture
def sqlite_engine(sqlite_path: Path) -> Iterator[Engine]:
    eng = make_engine(str(sqlite_path))
    migrate.upgrade(eng)
    yield eng
    eng.dispose()


def add_users(engine: Engine) -> dict[str, Actor]:
    """An admin (first user) and one user per other role, all with PASSWORD."""
    actors: dict[str, Actor] = {}
    with unit_of_work(engine) as session:
        admin = create_user(session, None, username="admin", password=PASSWORD, roles=["admin"])
        assert admin.id is not None
        actors["admin"] = Actor(admin.id, "admin", frozenset({"admin"}))
        for name, role in [("officer", "officer"), ("senior", "senior_officer"),
                           ("compliance", "compliance"), ("auditor", "auditor")]:
            u = create_user(session, actors["admin"], username=name, password=PASSWORD,
                            roles=[role])
            assert u.id is not None
            actors[name] = Actor(u.id, name, frozenset({role}))
    return actors


@pytest.fixture
def actors(engine: Engine) -> dict[str, Actor]:
    return add_users(engine)


@pytest.fixture
def sqlite_actors(sqlite_engine: Engine) -> dict[str, Actor]:
    return add_users(sqlite_engine)


@pytest.fixture(autouse=True)
def _locale_restored() -> Iterator[None]:
    """A test that installs the Chinese translators also sets QLocale's default (dates and
    numbers follow the language); the next test on this worker starts from the same locale."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    QLocale.setDefault(before)
