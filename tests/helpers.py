"""Small builders shared by the tests (core and ui). Nothing here imports Qt: the pytest-qt
fakes are in ``tests/ui/fakes.py``."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import Engine, select, text

from riskdesk.demo.frame import DEMO_PASSWORD, demo_frame
from riskdesk.domain.cases import Case
from riskdesk.domain.scoring import DecisionRecord, ModelVersion
from riskdesk.security.signing import Signer
from riskdesk.services.actor import Actor
from riskdesk.services.admin.users import sign_in
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.hard_stops import hard_stops_of
from riskdesk.services.credit import registry as models
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.intake.columns import BY_NAME
from riskdesk.services.intake.loans import import_loan_file
from riskdesk.services.partners import register as partners
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work

ROOT = Path(__file__).resolve().parents[1]

# The signing keys this process unlocked for test users (public key -> signer), kept here
# because conftest is imported twice (as conftest and as tests.conftest) and this module once.
SIGNERS: dict[str, Signer] = {}


def sample(rows: int = 30, *, seed: int = 7, prefix: str = "T") -> pd.DataFrame:
    frame = demo_frame(rows, seed=seed)
    frame["application_no"] = [f"{prefix}{i:05d}" for i in range(rows)]
    return frame


def chinese_headers(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns={c: BY_NAME[c].aliases[0] for c in frame.columns
                                 if BY_NAME[c].aliases})


def write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8") -> Path:
    frame.to_csv(path, index=False, encoding=encoding)
    return path


# What a command may be given in ``env`` and still run in the test's own process: what is
# read when the command runs, not when a module is imported. The passwords and the clock
# offset; a home of its own (platformdirs reads XDG_*_HOME at each call, and the file
# keyring's path follows XDG_DATA_HOME at each access); the Qt platform, which only the window
# reads, and the window always gets a process of its own (one QApplication per process).
# Anything else (RISKDESK_SOURCE_TZ is read at import, a whole environment replaced) takes a
# process of its own.
_IN_PROCESS_ENV = frozenset({"RISKDESK_PASSWORD", "RISKDESK_NEW_PASSWORD",
                             "RISKDESK_CLOCK_OFFSET", "QT_QPA_PLATFORM", "XDG_DATA_HOME",
                             "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 300,
            fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """``riskdesk ARGS`` as a user would run it: its exit code, standard output and error.

    Run in this process (``riskdesk.cli.main``) unless ``fresh``, the command is the window,
    or ``env`` sets more than :data:`_IN_PROCESS_ENV`: a new Python process pays 2-3 s of
    imports, and 110 calls in the suite paid it. What the command sets process-wide is put
    back after it (see :func:`_cli_in_process`). The tests of a process's own start (imports,
    signals, the environment read at import) keep ``fresh=True`` or start it themselves."""
    command = [sys.executable, "-m", "riskdesk", *args]
    if fresh or (args[:1] or ("gui",))[0] == "gui" or not set(env or {}) <= _IN_PROCESS_ENV:
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, **(env or {})}, timeout=timeout)
    code, out, err = _cli_in_process(list(args), env or {})
    return subprocess.CompletedProcess(command, code, out, err)


def _cli_in_process(argv: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``riskdesk.cli.main(argv)`` run here as its own process
    would run it: in the checkout, with ``env`` applied, no terminal on stdin, the clock of a
    fresh process (the offset variable, not this process's shift: a server database's own
    time), an uncaught exception as a traceback and exit 1, SystemExit as its code, warnings
    on stderr under the interpreter's default filters (not the test run's). Put back
    afterwards: the environment, clock, working folder, the ``riskdesk`` logger (the command
    attaches the log file to it), the core's translators, and the databases' connections the
    command opened (a process that ends closes them)."""
    import contextlib
    import io
    import logging
    import traceback
    import warnings

    from sqlalchemy import event

    from riskdesk import i18n
    from riskdesk.cli import main
    from riskdesk.storage import clock

    saved_env = {k: os.environ.get(k) for k in env}
    logger = logging.getLogger("riskdesk")
    handlers, level = list(logger.handlers), logger.level
    translators = (i18n._translator, i18n._catalogues)
    shift, cwd, stdin = clock._shift, os.getcwd(), sys.stdin
    engines: dict[int, Engine] = {}

    def opened(conn: Any) -> None:
        engines[id(conn.engine)] = conn.engine

    out, err = io.StringIO(), io.StringIO()
    event.listen(Engine, "engine_connect", opened)
    try:
        os.environ.update(env)
        clock._shift = None
        os.chdir(ROOT)
        sys.stdin = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            warnings.resetwarnings()  # then Python's own defaults, as a new process has them
            warnings.simplefilter("default")
            for category in (ResourceWarning, ImportWarning, PendingDeprecationWarning,
                             DeprecationWarning):
                warnings.simplefilter("ignore", category)  # ahead of "default"
            try:
                code = main(argv)
            except SystemExit as exc:
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
            except Exception:  # noqa: BLE001 - as the interpreter reports an uncaught one
                traceback.print_exc()
                code = 1
            for w in caught:
                err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno,
                                                 w.line))
    finally:
        event.remove(Engine, "engine_connect", opened)
        for engine in engines.values():
            engine.dispose()
        for handler in logger.handlers[:]:
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
        logger.setLevel(level)
        i18n._translator, i18n._catalogues = translators
        sys.stdin = stdin
        os.chdir(cwd)
        clock._shift = shift
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return int(code), out.getvalue(), err.getvalue()


# --- Scored applications and cases ----------------------------------------------------------

def activate_default(engine: Engine, actors: dict[str, Actor]) -> ModelVersion:
    """The bundled model registered and proposed by the admin, validated and approved by
    compliance (issue 31), on a cheap report (no bootstrap) to keep the templates fast, not
    anchored (a template is copied under new database identities)."""
    from riskdesk.services.credit.validation import validate_and_approve

    with unit_of_work(engine) as session:
        mv = models.register(session, actors["admin"], model=models.default_model(), name="default")
        models.propose(session, actors["admin"], model_id=mv.id or 0)
        model_id = mv.id or 0
    return validate_and_approve(engine, actors["compliance"], model_id=model_id, bootstrap=0,
                                anchor=False, findings="bundled model, validated for the tests")


def build_scored(engine: Engine, actors: dict[str, Actor]) -> None:
    """The default model approved and 400 applications imported and scored by the officer: the
    start of most case tests (conftest's ``scored`` template)."""
    activate_default(engine, actors)
    import_frame(engine, actors["officer"], frame=sample(400, seed=3), file_name="c.csv",
                 sha256="4" * 64)


def scored_pair(engine: Engine) -> tuple[int, int]:
    """(a case whose approval is an override, a case an officer may approve alone); neither
    has a hard stop (issue 26: those nobody approves, see ``hard_stop_case``)."""
    with unit_of_work(engine, write=False) as session:
        rows = session.execute(select(Case.id, DecisionRecord.band, DecisionRecord.max_severity,
                                      Case.application_id)
                               .join(DecisionRecord, DecisionRecord.id == Case.decision_record_id)
                               .order_by(Case.id)).all()
        rows = [(i, band, sev) for i, band, sev, app in rows
                if not hard_stops_of(session, application_id=app)]
        override = next(i for i, band, sev in rows if band == "decline" or sev == "high")
        plain = [i for i, band, sev in rows if band != "decline" and sev != "high"]
        alone = next(i for i in plain if not cases.needs_check(
            session, case=cases.get_case(session, case_id=i)))
    return override, alone


def hard_stop_case(engine: Engine, code: str | None = None) -> int:
    """A scored case whose application hit a hard-stop rule (``code`` if given), issue 26."""
    with unit_of_work(engine, write=False) as session:
        for case_id, app in session.execute(select(Case.id, Case.application_id)
                                             .where(Case.kind == "pre_loan").order_by(Case.id)):
            stops = hard_stops_of(session, application_id=app)
            if stops and (code is None or code in {s.code for s in stops}):
                return int(case_id)
    raise AssertionError(f"no case with a hard stop {code or ''}")


def scored_cases(engine: Engine, actors: dict[str, Actor]) -> tuple[int, int]:
    """``build_scored`` on a database a test made itself, then ``scored_pair``; tests on the
    fixtures' databases ask for the ``scored`` fixture instead (a copy of a template)."""
    build_scored(engine, actors)
    return scored_pair(engine)


# --- Months and PDFs -------------------------------------------------------------------------

def local_month_utc(now: datetime) -> tuple[str, datetime, datetime]:
    shanghai = ZoneInfo("Asia/Shanghai")
    local = now.replace(tzinfo=ZoneInfo("UTC")).astimezone(shanghai)
    first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    nxt = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
    utc = ZoneInfo("UTC")
    return (f"{first:%Y-%m}", first.astimezone(utc).replace(tzinfo=None),
            nxt.astimezone(utc).replace(tzinfo=None))


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


# What differs between two issues of one report: its number, who issued it and when. The
# issue time is printed as a local time with its zone and offset, which the table layout may
# wrap anywhere (even inside "Asia/Shanghai"), so the time is cut by its digits and the zone by
# what follows it up to the offset's closing bracket.
_ISSUE_STAMP = re.compile(
    r"RD-[A-Z]+-\d{8}-\d{6}"
    r"|Issued (?:by|at)\s+\S+(?: \S+ UTC)?"
    r"|\b(?:auditor|compliance)\b"
    r"|\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}(?:\s+[A-Za-z_/\s]*\(UTC[+-]\d{2}:\d{2}\)|\s+UTC)?"
    r"|\d{2}:\d{2}:\d{2}")


def without_issue_stamp(text: str) -> str:
    """A report's text with its issue number, issuer and issue time removed, and whitespace
    collapsed, so two issues of the same figures compare equal however the layout wrapped."""
    return " ".join(_ISSUE_STAMP.sub(" ", text).split())


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


# --- A hand-built loan book (post-loan monitoring) ---------------------------------------

AS_OF = date(2026, 11, 20)


def approved(engine: Engine, actors: dict[str, Actor], n: int) -> list[str]:
    activate_default(engine, actors)
    import_frame(engine, actors["officer"], frame=sample(300, seed=11, prefix="L"),
                 file_name="l.csv", sha256="7" * 64)
    with engine.connect() as conn:
        numbers = conn.execute(text(
            "SELECT a.application_no FROM application a JOIN decision_record d ON "
            "d.application_id = a.id WHERE d.current_slot = 1 AND d.outcome = 'auto_approve' "
            "ORDER BY a.application_no")).scalars().all()
    assert len(numbers) >= n
    return list(numbers[:n])


def write(tmp_path: Path, name: str, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


class Book:
    """Loans built by hand: each gets a monthly schedule from its start date."""

    def __init__(self, apps: list[str]) -> None:
        self.apps = apps
        self.loans: list[dict[str, Any]] = []
        self.repayments: list[dict[str, Any]] = []
        self.flows: list[dict[str, Any]] = []

    def loan(self, name: str, *, start: date, term: int = 12, principal: float = 12000,
             paid: dict[int, tuple[date | None, float]] | None = None,
             disbursed: str | None = None, partner: str = "", share: float | None = None,
             ) -> str:
        no = f"LN-{name}"
        self.loans.append({
            "loan_no": no, "application_no": self.apps[len(self.loans)],
            "principal": principal, "disbursed_at": disbursed or f"{start} 10:00",
            "start_date": start.isoformat(), "term_months": term, "apr": 18.0,
            "repayment_type": "equal_instalment", "partner_code": partner,
            "partner_share": "" if share is None else share})
        each = round(principal * 1.1 / term, 2)
        for k in range(1, term + 1):
            due = (pd.Timestamp(start) + pd.DateOffset(months=k)).date()
            when, amount = (paid or {}).get(k, (due, each) if due < AS_OF else (None, 0))
            self.repayments.append({
                "loan_no": no, "instalment_no": k, "due_date": due.isoformat(),
                "due_amount": each, "due_principal": round(principal / term, 2),
                "paid_date": when.isoformat() if when else "", "paid_amount": amount})
        return no

    def flow(self, loan_no: str, at: str, amount: float, kind: str, *, channel: str = "transfer",
             account: str = "6222020000000001", mcc: str = "") -> None:
        self.flows.append({
            "flow_no": f"F{len(self.flows):05d}", "loan_no": loan_no, "at": at,
            "amount": amount, "direction": "out", "channel": channel,
            "counterparty_account": account, "counterparty_name": "x",
            "counterparty_type": kind, "mcc": mcc})

    def load(self, engine: Engine, actor: Actor, tmp_path: Path) -> None:
        for name, rows in (("loans.csv", self.loans), ("repayments.csv", self.repayments),
                           ("flows.csv", self.flows)):
            if rows:
                result = import_loan_file(engine, actor, path=write(tmp_path, name, rows))
                assert not result.refused, result.problems.to_dict("records")


def register_partner(engine: Engine, actors: dict[str, Actor], code: str = "HUIMIN") -> int:
    compliance = actors["compliance"]
    with unit_of_work(engine) as s:
        p = partners.register(s, compliance, code=code, name=f"{code} Finance", kind="platform",
                              licence_no="L-1", registration_no="91310000MA1")
        return p.id or 0


# --- Counting and checking -------------------------------------------------------------------

def cash_out_case(engine: Engine, actors: dict[str, Actor], tmp_path: Path) -> tuple[int, str]:
    """A funded loan whose proceeds went out at once and whose first instalment is unpaid
    (special mention by its days past due), monitored today: (its post-loan case, loan no.)."""
    from datetime import timedelta

    from riskdesk.services.postloan.monitoring import run_monitoring
    from riskdesk.storage.clock import utcnow

    apps = approved(engine, actors, 1)
    today = utcnow().date()
    b = Book(apps)
    start = today - timedelta(days=75)
    no = b.loan("cash", start=start, disbursed=f"{start} 09:00", paid={1: (None, 0)})
    b.flow(no, f"{start} 10:30", 9000, "person", account="6222000011112222")
    b.load(engine, actors["officer"], tmp_path)
    run_monitoring(engine, actors["officer"])
    with engine.connect() as conn:
        case_id = conn.execute(text(
            "SELECT c.id FROM review_case c JOIN loan l ON l.application_id = c.application_id "
            "WHERE c.kind = 'post_loan' AND l.loan_no = :no"), {"no": no}).scalar_one()
    return int(case_id), no


def flagged_and_cases(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        flagged = conn.execute(text("SELECT count(*) FROM decision_record "
                                    "WHERE outcome = 'flagged'")).scalar_one()
        cases = conn.execute(text("SELECT count(*) FROM review_case")).scalar_one()
    return int(flagged), int(cases)


def audit_events_in(path: Path) -> int:
    """Audit events in a SQLite file, read with sqlite3 (no engine, no migration check)."""
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    finally:
        con.close()


def signed_in(engine: Engine, name: str) -> Actor:
    with unit_of_work(engine) as s:
        actor = sign_in(s, username=name, password=DEMO_PASSWORD, channel="test")
    assert actor is not None
    return actor


AUDIT_DEMO_ROWS = 300  # the demo database the audit-pack tests export


def month_sql(engine: Engine, start: datetime, end: datetime, cut_off: datetime,
               ) -> dict[str, Any]:
    """Every summary figure of the monthly report, counted here in plain SQL."""
    args = {"s": start, "e": end, "c": cut_off}
    current = ("FROM decision_record d JOIN application a ON a.id = d.application_id "
               "WHERE a.submitted_at >= :s AND a.submitted_at < :e AND d.current_slot = 1")
    finals = ("SELECT e.entity_id, e.at, c.created_at, c.due_at FROM audit_event e JOIN "
              "review_case c ON CAST(c.id AS TEXT) = e.entity_id WHERE e.at >= :s AND e.at < :e "
              "AND e.at <= :c AND ((e.action = 'case.decide' AND e.after LIKE "
              "'%\"status\":\"decided\"%') OR e.action = 'case.check.confirm')")
    with engine.connect() as conn:
        q = {k: conn.execute(text(v), args).scalar_one() for k, v in {
            "received": "SELECT count(*) FROM application WHERE submitted_at >= :s AND "
                        "submitted_at < :e AND created_at <= :c",
            "decided": f"SELECT count(*) {current}",
            "flagged": f"SELECT count(*) {current} AND d.outcome = 'flagged'",
            "auto": f"SELECT count(*) {current} AND d.outcome = 'auto_approve'",
            # Made final in the month: decided without a check, or confirmed by the checker.
            "decides": "SELECT count(*) FROM audit_event WHERE at >= :s AND at < :e AND "
                       "at <= :c AND ((action = 'case.decide' AND after LIKE "
                       "'%\"status\":\"decided\"%') OR action = 'case.check.confirm')",
            "awaiting": "SELECT count(*) FROM audit_event d WHERE d.action = 'case.decide' AND "
                        "d.at >= :s AND d.at < :e AND d.at <= :c AND d.after LIKE "
                        "'%\"status\":\"awaiting_check\"%' AND NOT EXISTS (SELECT 1 FROM "
                        "audit_event k WHERE k.entity_type = 'case' AND k.entity_id = "
                        "d.entity_id AND k.seq > d.seq AND k.at <= :c AND k.action IN "
                        "('case.check.confirm', 'case.check.send_back'))",
            "overrides": "SELECT count(*) FROM audit_event WHERE action = 'case.decide' AND "
                         "at >= :s AND at < :e AND at <= :c AND after LIKE "
                         "'%\"status\":\"awaiting_check\"%'",
            "head": "SELECT hash FROM audit_event WHERE at <= :c ORDER BY seq DESC LIMIT 1",
            "complaints": "SELECT count(*) FROM complaint WHERE received_at >= :s AND "
                          "received_at < :e AND created_at <= :c",
            "complaints_overdue": "SELECT count(*) FROM complaint WHERE received_at <= :c AND "
                                  "(responded_at IS NULL OR responded_at > :c) AND (closed_at "
                                  "IS NULL OR closed_at > :c) AND due_at < :c",
            "open_overdue": "SELECT count(*) FROM review_case c WHERE c.created_at >= :s AND "
                            "c.created_at < :e AND c.created_at <= :c AND c.due_at < :c AND "
                            "NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_type = "
                            "'case' AND e.entity_id = CAST(c.id AS TEXT) AND e.at <= :c AND "
                            "(e.action = 'case.check.confirm' OR (e.action = 'case.decide' "
                            "AND e.after LIKE '%\"status\":\"decided\"%')))"}.items()}
        q["bands"] = conn.execute(text(f"SELECT d.band, d.outcome, count(*) {current} "
                                       "GROUP BY d.band, d.outcome"), args).all()
        q["fired"] = conn.execute(text(f"SELECT d.outcome, d.flags {current}"), args).all()
        done = conn.execute(text(finals), args).all()
    def parse(v: Any) -> datetime:
        return v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
    hours = sorted((parse(at) - parse(created)).total_seconds() / 3600
                   for _, at, created, _ in done)
    q["hours"] = hours
    q["late"] = sum(parse(at) > parse(due) for _, at, _, due in done) + q["open_overdue"]
    return q


# --- Faults: a child process killed half way through its transaction ---------------------

CHILD = r"""
import json, sys, time
from pathlib import Path
from riskdesk.services.actor import Actor
from riskdesk.services.admin.users import sign_in
from riskdesk.services.audit import trail as audit
from riskdesk.storage.engine import make_engine
from riskdesk.tasks import TaskState
job, db, flag, who, arg = sys.argv[1], sys.argv[2], Path(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
at = float(sys.argv[6])
actor = Actor(who["id"], who["name"], frozenset(who["roles"]))
engine = make_engine(db)

def stall(fraction, message=""):
    if fraction >= at and not flag.exists():
        flag.write_text(message or "stalled")
        time.sleep(120)

state = TaskState(stall)
if job == "import":
    from riskdesk.services.intake.applications import import_file
    import_file(engine, actor, path=Path(arg), state=state, score=False)
elif job == "score":
    from riskdesk.services.credit.scoring_job import score_applications
    score_applications(engine, actor, scope="all", state=state)
else:
    from riskdesk.services.cases import work as cases
    from riskdesk.storage.session import unit_of_work
    with unit_of_work(engine) as s:
        cases.save_draft(s, actor, case_id=int(arg), kind="phone", outcome="verified",
                         text="called the applicant: confirmed")
    with unit_of_work(engine) as s:
        cases.add_note(s, actor, case_id=int(arg), kind="phone", outcome="verified",
                       text="called the applicant: confirmed")
        stall(1.0, "note flushed, not committed")
"""


def actor_json(actor: Actor) -> str:
    return json.dumps({"id": actor.user_id, "name": actor.username, "roles": sorted(actor.roles)})


def kill_half_way(job: str, db: Path, actor: Actor, arg: str, tmp_path: Path,
                  at: float = 1.0) -> str:
    """Kill -9 the job once its progress reaches ``at`` (its writes under way, inside the
    transaction); returns the progress message it had reached."""
    flag = tmp_path / f"{job}.flag"
    child = subprocess.Popen([sys.executable, "-c", CHILD, job, str(db), str(flag), actor_json(actor),
                              arg, str(at)], cwd=ROOT, env=dict(os.environ),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not flag.exists():
        if child.poll() is not None:
            raise AssertionError(f"{job} ended before the kill: {child.stderr.read()!r}")
        assert time.monotonic() < deadline, f"{job} never reached half way"
        time.sleep(0.05)
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return flag.read_text()


def intact(db: Path) -> None:
    """The SQLite file passes its integrity check and its audit trail verifies."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    engine = make_engine(str(db))
    with unit_of_work(engine, write=False) as session:
        assert audit.verify(session).ok
    engine.dispose()


def count_rows(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# --- Evidence files (issue 27) ---------------------------------------------------------------

def evidence_pdf(text_line: str, *, pages: int = 1) -> bytes:
    """A real PDF whose page shows ``text_line`` in plain (uncompressed) bytes."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pageCompression=0)
    for i in range(pages):
        c.drawString(72, 720, f"{text_line} page {i + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def evidence_png(width: int = 40, height: int = 30) -> bytes:
    """A small real PNG (red), written without Qt or Pillow."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + b"\xcc\x22\x33" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def office_zip(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def compound_file(streams: list[str], *, padding_sectors: int = 0) -> bytes:
    """A minimal compound file (OLE2, 512-byte sectors, version 3) whose directory holds a root
    entry and one empty stream per name: the structure legacy .doc/.xls, .msi and .msg share.
    Sector 0 is the FAT, 1 the directory, then ``padding_sectors`` unused ones."""
    import struct

    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)  # FAT sectors, first dir sector, txn
    struct.pack_into("<IIIII", header, 0x38, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = [fat_sect, end] + [free] * 126
    entries = [("Root Entry", 5)] + [(n, 2) for n in streams]
    assert len(entries) <= 4
    directory = bytearray(512)
    for i, (name, kind) in enumerate(entries):
        raw = (name + "\0").encode("utf-16-le")
        off = i * 128
        directory[off:off + len(raw)] = raw
        struct.pack_into("<HBB", directory, off + 64, len(raw), kind, 1)
        struct.pack_into("<III", directory, off + 68, free, free,
                         1 if i == 0 and len(entries) > 1 else free)
        struct.pack_into("<II", directory, off + 116, end, 0)
    for i in range(len(entries), 4):
        struct.pack_into("<III", directory, i * 128 + 68, free, free, free)
    return (bytes(header) + struct.pack("<128I", *fat) + bytes(directory)
            + bytes(512 * padding_sectors))


# --- A newcomer's machine ----------------------------------------------------------------------

def headless_env(**extra: str) -> dict[str, str]:
    """The environment with no display named (a bare Linux box), plus ``extra``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


def fresh_home(tmp_path: Path) -> dict[str, str]:
    """A user with nothing yet: their own data, config and state folders."""
    return {f"XDG_{kind}_HOME": str(tmp_path / "home" / kind.lower())
            for kind in ("DATA", "CONFIG", "STATE", "CACHE")}


# --- Database roles, as the DBA's script sets them up ----------------------------------------

def run_role_script(engine: Engine, sql: str) -> None:
    """Run `riskdesk db roles-sql`'s script statement by statement, as a DBA's SQL tool would
    (comments dropped; pymysql formats %, so a literal one is doubled there)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for statement in sql.split(";\n"):
            body = "\n".join(line for line in statement.splitlines()
                             if not line.startswith("--")).strip()
            if body:
                conn.exec_driver_sql(body.rstrip(";").replace(
                    "%", "%%" if engine.dialect.name != "postgresql" else "%"))


def drop_roles(admin_url: str, database: str, dialect: str, roles: list[str]) -> None:
    """Remove the roles a test made: they are server-wide and outlive the test's database. On
    PostgreSQL what they own in the database is handed back first (REASSIGN/DROP OWNED)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if dialect == "postgresql":
                names = ", ".join(roles)
                in_db = create_engine(str(make_url(admin_url).set(database=database)),
                                      isolation_level="AUTOCOMMIT")
                try:
                    with in_db.connect() as inner:
                        inner.exec_driver_sql(f"REASSIGN OWNED BY {names} TO CURRENT_USER")
                        inner.exec_driver_sql(f"DROP OWNED BY {names}")
                finally:
                    in_db.dispose()
                for role in roles:
                    conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
            else:
                for role in roles:
                    conn.exec_driver_sql(f"DROP USER IF EXISTS '{role}'@'%%'")
    finally:
        admin.dispose()
