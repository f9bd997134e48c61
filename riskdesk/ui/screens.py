"""The user guide's pictures: every main window in Chinese and in English, on a demo database of
real data with a morning's work on it.

``python3 tasks.py screens`` (that is ``python -m riskdesk.ui.screens docs/guide/screens``)
writes them for the guide and the README; tests/test_screens.py makes the same pictures with the
same code in a temporary folder and checks each window as it is pictured (nothing cut short at
1280x800, no English left in a Chinese window). The test suite never writes into the checkout.

The clock is fixed (:func:`riskdesk.storage.clock.shifted`): the demo is imported at
:data:`BUILT_AT`, the morning's work is done at :data:`WORKED_AT` and the pictures are taken
from :data:`SHOWN_AT`, so the same code on the same fonts draws the same pictures whenever it
runs (but for the audit pack's random id). The command shows times in :data:`ZONE` (where
the system honours ``TZ``), draws on Qt's offscreen platform as the tests do, and keeps its
settings, keyring and data to itself.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import Engine
from sqlmodel import col, select

from riskdesk.domain.enums import Role
from riskdesk.services.actor import Actor

BUILT_AT = datetime(2026, 11, 25, 1, 0)  # UTC: 09:00 in Shanghai, the demo is imported
WORKED_AT = datetime(2026, 11, 25, 3, 0)  # 11:00: claims, notes, complaints
SHOWN_AT = datetime(2026, 11, 25, 4, 0)  # noon on a Wednesday: the Chinese pictures
LANGUAGE_STEP = timedelta(minutes=10)  # then the English ones: each language from its instant
ZONE = "Asia/Shanghai"  # the officers' (the command's) zone for the times shown
ROWS = 1500
LANGUAGES = ("zh_CN", "en")
TABS = ("queue", "applications", "complaints", "postloan", "reports", "partners", "findings")
WINDOWS = (*TABS, "case", "case-postloan", "loan", "complaint", "complaint-new", "pack",
           "settings", "admin")

# Called with each window as it is pictured ("queue-zh", the widget), shown and settled at the
# size it is pictured at: the screens test's checks.
Check = Callable[[str, QWidget], None]


def suffix(lang: str) -> str:
    return "zh" if lang == "zh_CN" else "en"


def file_names() -> set[str]:
    """Every picture this module makes: ``queue-zh.png`` ..."""
    return {f"{w}-{suffix(lang)}.png" for w in WINDOWS for lang in LANGUAGES}


COMPLAINTS = [
    ("phone", "collection_conduct", 16, "催收人员多次致电我单位同事，影响我的工作。"),
    ("app", "interest_and_fees", 14, "实际年化费用高于申请时展示的利率。"),
    ("letter", "identity_theft", 3, "我从未申请过这笔贷款，手机号被他人冒用。"),
    ("branch", "service_quality", 1, "客服电话长时间无人接听。"),
    ("regulator_referral", "privacy", 9, "未经同意查询了我的征信报告。"),
]


@dataclass
class Demo:
    engine: Engine
    actors: dict[str, Actor]
    worked_case: int  # claimed, with investigation notes
    cash_out_case: int  # a post-loan case on proceeds moved out at once
    complaint: int  # an overdue complaint under investigation


def a_mornings_work(engine: Engine, actors: dict[str, Actor]) -> tuple[int, int]:
    """Claims, two investigation notes and five complaints (two already overdue), so the
    pictures show a queue in use rather than a fresh import. Returns the worked case and the
    overdue complaint."""
    from riskdesk.domain.applications import Application
    from riskdesk.services.cases import queue
    from riskdesk.services.cases import work as cases
    from riskdesk.services.complaints import handling as complaints
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.session import unit_of_work

    officer, compliance = actors["officer"], actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        rows = queue.page_cases(s, officer, queue.CaseFilter(), limit=8)
        now = utcnow(s)
    for r in rows[1:5]:
        with unit_of_work(engine) as s:
            cases.claim(s, officer, r.id, r.version)
    first = rows[0]
    with unit_of_work(engine) as s:
        cases.claim(s, officer, first.id, first.version)
        cases.add_note(s, officer, first.id, kind="phone", outcome="verified",
                       text="致电申请人手机，本人接听，确认申请用途为装修。")
        cases.add_note(s, officer, first.id, kind="employer", outcome="discrepancy",
                       text="单位电话无人接听；社保缴纳单位与申报单位不一致。")
    overdue = 0  # the first: received 16 days ago
    for (channel, category, days, text), r in zip(COMPLAINTS, rows[3:], strict=False):
        with unit_of_work(engine) as s:
            app = s.exec(select(Application).where(
                col(Application.application_no) == r.application_no)).one()
            c = complaints.register(s, compliance, channel=channel, category=category,
                                    description=text, application_id=app.id,
                                    received_at=now - timedelta(days=days))
        with unit_of_work(engine) as s:
            complaints.investigate(s, compliance, c.id or 0, c.version)
        overdue = overdue or c.id or 0
    return first.id, overdue


def build(path: Path, *, rows: int = ROWS) -> Demo:
    """The demo database at ``path`` (a new file), imported at BUILT_AT, every demo user signed
    in and a morning's work done at WORKED_AT. The caller disposes of ``Demo.engine``."""
    from riskdesk.demo.database import build_demo
    from riskdesk.demo.frame import DEMO_PASSWORD
    from riskdesk.domain.loans import LoanAlert
    from riskdesk.services.admin.users import sign_in
    from riskdesk.storage.clock import shifted
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    with shifted(BUILT_AT):
        build_demo(str(path), rows=rows, now=BUILT_AT)  # submission times to the second
    engine = make_engine(str(path))
    actors = {}
    with shifted(WORKED_AT):
        with unit_of_work(engine) as session:
            for who in ("officer", "senior", "compliance", "admin", "auditor"):
                actor = sign_in(session, who, DEMO_PASSWORD, channel="gui")
                assert actor is not None
                actors[who] = actor
        worked, complaint = a_mornings_work(engine, actors)
    with unit_of_work(engine, write=False) as session:
        cash_out = session.exec(select(LoanAlert.case_id).where(
            col(LoanAlert.code) == "PROCEEDS_OUT", col(LoanAlert.case_id).is_not(None))
            .order_by(col(LoanAlert.id))).first()
    if cash_out is None:
        raise RuntimeError("the demo database has no post-loan case on proceeds moved out")
    return Demo(engine, actors, worked, cash_out, complaint)


def make(demo: Demo, out: Path, *, work: Path, check: Check | None = None,
         languages: Sequence[str] = LANGUAGES) -> list[Path]:
    """Every picture in every language into ``out``, the first language's taken from SHOWN_AT,
    the next from LANGUAGE_STEP later; ``work`` holds what is made on the way (the auditor's
    pack). Returns the pictures."""
    from riskdesk.storage.clock import shifted

    made: list[Path] = []
    for step, lang in enumerate(languages):
        with shifted(SHOWN_AT + step * LANGUAGE_STEP):
            made += pictures(demo, lang, out, work=work, check=check)
    return made


def _settle(ms: int) -> None:
    """Let queued work (background counts and the layout they change) happen for ``ms``."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def pictures(demo: Demo, lang: str, out: Path, *, work: Path,
             check: Check | None = None) -> list[Path]:
    """Each main window in ``lang``: shown, settled, checked by ``check`` and saved as
    ``out/<window>-<zh|en>.png``. Every window opened here is closed again."""
    from riskdesk import i18n
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import findings
    from riskdesk.services.audit.packs import export_pack, verify_pack
    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.engine import open_pack
    from riskdesk.storage.session import unit_of_work
    from riskdesk.ui.app import SCREENSHOT_SIZE, PackView
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    engine, actors = demo.engine, demo.actors
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, lang)
    end = suffix(lang)
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    opened: list[QWidget] = []  # closed at the end, as a user would

    def look(widget: QWidget, name: str, *, natural: bool = False) -> None:
        """natural: a dialog at the size it opens with, not stretched to the window's."""
        widget.show()
        if not natural:
            widget.resize(*SCREENSHOT_SIZE)  # 1280x800
        _settle(50)  # background counts arrive, then the layout they change settles
        app.processEvents()
        if check is not None:
            check(f"{name}-{end}", widget)
        picture = out / f"{name}-{end}.png"
        part = picture.with_suffix(".part")  # never a half-written picture under its name
        if not widget.grab().save(str(part), "PNG"):
            raise OSError(f"cannot write {part}")
        os.replace(part, picture)
        made.append(picture)

    try:
        # An officer's case report, previewed in the Reports tab; issued first, so the time it
        # prints is the instant the pictures start from (to the second).
        issued = reports.case_report(engine, actors["officer"],
                                     _application_no(engine, demo.worked_case), end)
        senior = MainWindow(engine, actors["senior"])
        compliance = MainWindow(engine, actors["compliance"])
        opened += [senior, compliance]
        with unit_of_work(engine, write=False) as session:
            last_month = f"{utcnow(session).replace(day=1) - timedelta(days=1):%Y-%m}"
            month = f"{utcnow(session):%Y-%m}"
        for index, name in enumerate(TABS):
            shown = senior if name in ("queue", "applications", "postloan") else compliance
            shown.tabs.setCurrentIndex(index)
            if name == "reports":
                shown.reports.reload()
                shown.reports.show_pdf(issued.pdf)
            if name == "postloan":  # last month: its roll rates are complete
                shown.postloan.month.setText(last_month)
                shown.postloan.reload()
            look(shown, name)
        look(CaseDialog(engine, actors["officer"], demo.worked_case, senior.dialogs, senior),
             "case")
        cash_out = CaseDialog(engine, actors["officer"], demo.cash_out_case, senior.dialogs,
                              senior)
        look(cash_out, "case-postloan")
        loan = cash_out.open_loan()
        if loan is None:
            raise RuntimeError("the cash-out case shows no loan")
        loan.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]  # fund flows: the proceeds
        look(loan, "loan")
        look(compliance.complaints.open(demo.complaint), "complaint", natural=True)
        look(compliance.complaints.register(), "complaint-new", natural=True)
        # An auditor's offline pack of this month, open on the Audit findings tab.
        if audit_anchors._key() is None:
            audit_anchors.create_key()  # the bank's audit key, in this keyring
        pack = export_pack(engine, actors["auditor"], work / f"{month}.rdpack",
                           month=month).path
        findings.add_in_pack(pack, "auditor", findings.Draft(
            "medium", "投诉 TS-202611-000001 已超过答复期限，仍在调查中。",
            "按期答复并记录延期审批。", month=month))
        try:
            pack_engine = open_pack(pack)
            packed = MainWindow(pack_engine, Actor(None, "auditor", frozenset({Role.AUDITOR})),
                                pack=PackView(pack, verify_pack(pack)))
            try:
                packed.tabs.setCurrentWidget(packed.findings)
                look(packed, "pack")
            finally:
                packed.close()
                packed.deleteLater()
                pack_engine.dispose()
        finally:
            pack.unlink(missing_ok=True)
        admin = MainWindow(engine, actors["admin"])
        opened.append(admin)
        look(admin.open_settings(), "settings", natural=True)
        look(admin.open_admin(), "admin", natural=True)
    finally:
        for w in opened:
            w.close()
            w.deleteLater()
        app.processEvents()
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)
    return made


def _application_no(engine: Engine, case_id: int) -> str:
    from riskdesk.domain.applications import Application
    from riskdesk.domain.cases import Case
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=False) as session:
        return session.exec(select(Application.application_no).join(
            Case, col(Case.application_id) == Application.id).where(col(Case.id) == case_id)
        ).one()


def _keep_to_yourself(home: Path) -> None:
    """This process's settings, keyring, data (the demo's exit backups) and zone, away from the
    user's own: a fresh ``home``, a keyring in memory, QSettings under ``home``."""
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QSettings

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[service, username] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        os.environ[var] = str(home / sub)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(home / "config"))
    os.environ["TZ"] = ZONE
    if hasattr(time, "tzset"):
        time.tzset()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the pictures' DPI and fonts, not a screen's
    os.environ.pop("RISKDESK_SOURCE_TZ", None)  # the demo's times read as the default's


def _quiet_offscreen() -> None:
    """The offscreen platform warns about every dialog it cannot size; Qt's other messages
    still go to stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m riskdesk.ui.screens",
        description="Make the user guide's pictures of every main window, in Chinese and in "
                    "English, on a fresh demo database (python3 tasks.py screens).")
    parser.add_argument("out", type=Path, help="folder for the pictures (docs/guide/screens)")
    parser.add_argument("--rows", type=int, default=ROWS, help=f"demo rows (default {ROWS})")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    # A fixed folder, not a random one: the database's path shows in the status bar and the
    # settings dialog, and the pictures should not change with it.
    home = Path(tempfile.gettempdir()) / "riskdesk-screens"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    _keep_to_yourself(home)
    _quiet_offscreen()
    from riskdesk.ui.app import application

    app = application()
    demo = build(home / "demo.sqlite", rows=args.rows)
    try:
        made = make(demo, out, work=home)
    finally:
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        demo.engine.dispose()
    print(f"{len(made)} pictures in {out}")
    others = sorted(p.name for p in out.glob("*.png") if p.name not in file_names())
    if others:
        print(f"not made by this command (delete them if the guide no longer shows them): "
              f"{', '.join(others)}", file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
