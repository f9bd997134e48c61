"""The user guide's pictures: every main window in Chinese and in English, on a demo database of
real data with a morning's work on it.

``python3 tasks.py screens`` (that is ``python -m riskdesk.ui.screens docs/guide/screens``)
writes them for the guide and the README; tests/ui/test_screens.py makes the same pictures with the
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
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from riskdesk.demo.morning import WorkedDemo, build_worked_demo

BUILT_AT = datetime(2026, 11, 25, 1, 0)  # UTC: 09:00 in Shanghai, the demo is imported
WORKED_AT = datetime(2026, 11, 25, 3, 0)  # 11:00: claims, notes, complaints
SHOWN_AT = datetime(2026, 11, 25, 4, 0)  # noon on a Wednesday: the Chinese pictures
LANGUAGE_STEP = timedelta(minutes=10)  # then the English ones: each language from its instant
ZONE = "Asia/Shanghai"  # the officers' (the command's) zone for the times shown
ROWS = 1500
LANGUAGES = ("zh_CN", "en")
TABS = ("queue", "applications", "complaints", "postloan", "reports", "partners", "findings")
# Compliance's own tabs, found by their page's class (their place depends on the role).
ROLE_TABS = {"rules": "RulesTab", "lists": "ListsTab"}
# The case window pre-loan, awaiting its check and sent back, each also at WIDE (issue 26).
CASES = ("case", "case-check", "case-returned")
WIDE = (1920, 1080)
SMALL = (1024, 768)
# The queue and the Applications tab also at the smallest and the widest screen (issue 27).
SIZED_TABS = ("queue", "applications")
WINDOWS = (*TABS, *ROLE_TABS, *(f"{t}-{s}" for t in SIZED_TABS for s in ("small", "wide")),
           *CASES, *(f"{c}-wide" for c in CASES), "case-postloan", "case-postloan-wide",
           "loan", "ring", "complaint",
           "complaint-new", "pack", "settings", "admin")

# Called with each window as it is pictured ("queue-zh", the widget), shown and settled at the
# size it is pictured at: the screens test's checks.
Check = Callable[[str, QWidget], None]


def suffix(lang: str) -> str:
    return "zh" if lang == "zh_CN" else "en"


def file_names() -> set[str]:
    """Every picture this module makes: ``queue-zh.png`` ..."""
    return {f"{w}-{suffix(lang)}.png" for w in WINDOWS for lang in LANGUAGES}


Demo = WorkedDemo  # the demo database the pictures are made on (riskdesk.demo.morning)


def build(path: Path, *, rows: int = ROWS) -> Demo:
    """The demo database at ``path`` (a new file), imported at BUILT_AT, every demo user signed
    in and a morning's work done at WORKED_AT. The caller closes it (``Demo.close``)."""
    return build_worked_demo(path, rows=rows, built_at=BUILT_AT, worked_at=WORKED_AT)


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
    from riskdesk.services.admin.backend import open_audit_pack
    from riskdesk.services.audit import anchors as audit_anchors
    from riskdesk.services.audit import findings
    from riskdesk.services.audit.packs import export_pack, verify_pack
    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.clock import utcnow
    from riskdesk.ui.app import SCREENSHOT_SIZE, PackView
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    backends = demo.backends
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, lang)
    end = suffix(lang)
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    opened: list[QWidget] = []  # closed at the end, as a user would

    def look(widget: QWidget, name: str, *, natural: bool = False,
             size: tuple[int, int] = SCREENSHOT_SIZE) -> None:
        """natural: a dialog at the size it opens with, not stretched to the window's."""
        widget.show()
        if not natural:
            widget.resize(*size)  # 1280x800 unless told
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
        issued = backends["officer"].job(reports.case_report,
                                         application_no=demo.worked_application_no, language=end)
        senior = MainWindow(backends["senior"])
        compliance = MainWindow(backends["compliance"])
        opened += [senior, compliance]
        now = backends["officer"].lookup(utcnow)
        last_month = f"{now.replace(day=1) - timedelta(days=1):%Y-%m}"
        month = f"{now:%Y-%m}"
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
            if name in SIZED_TABS:
                look(shown, f"{name}-small", size=SMALL)
                look(shown, f"{name}-wide", size=WIDE)
                shown.resize(*SCREENSHOT_SIZE)
        for name, page in ROLE_TABS.items():
            pages = [compliance.tabs.widget(i) for i in range(compliance.tabs.count())]
            found = [i for i, w in enumerate(pages) if type(w).__name__ == page]
            if not found:
                raise LookupError(f"compliance has no {page} tab to picture")
            compliance.tabs.setCurrentIndex(found[0])
            look(compliance, name)
        # The officer's worked case, the senior checking an approval (the maker and the
        # maker's reason at the top) and the officer's approval sent back (the checker's
        # reason at the top), each at 1280x800 and at 1920x1080.
        for name, who, case_id in (("case", "officer", demo.worked_case),
                                   ("case-check", "senior", demo.check_case),
                                   ("case-returned", "officer", demo.returned_case)):
            for size, suffix_ in ((SCREENSHOT_SIZE, ""), (WIDE, "-wide")):
                look(CaseDialog(backends[who], case_id, senior.dialogs, senior),
                     name + suffix_, size=size)
        # The post-loan case leads with its loan and offers the post-loan actions (issue 26).
        look(CaseDialog(backends["officer"], demo.cash_out_case, senior.dialogs, senior),
             "case-postloan-wide", size=WIDE)
        cash_out = CaseDialog(backends["officer"], demo.cash_out_case, senior.dialogs, senior)
        look(cash_out, "case-postloan")
        loan = cash_out.open_loan()
        if loan is None:
            raise RuntimeError("the cash-out case shows no loan")
        loan.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]  # fund flows: the proceeds
        look(loan, "loan")
        # A fraud ring's graph beside its members, an applicant clicked (issue 33).
        from riskdesk.ui.rings import RingDialog

        ring = RingDialog(backends["officer"], demo.ring, senior.dialogs, senior)
        opened.append(ring)
        ring.select_node(next(n.id for n in ring.detail.nodes if n.kind == "applicant"))
        look(ring, "ring")
        look(compliance.complaints.open(demo.complaint), "complaint", natural=True)
        look(compliance.complaints.register(), "complaint-new", natural=True)
        # An auditor's offline pack of this month, open on the Audit findings tab.
        if audit_anchors._key() is None:
            audit_anchors.create_key()  # the bank's audit key, in this keyring
        pack = backends["auditor"].job(export_pack, out=work / f"{month}.rdpack",
                                       month=month).path
        findings.add_in_pack(pack, "auditor", findings.Draft(
            "medium", "投诉 TS-202611-000001 已超过答复期限，仍在调查中。",
            "按期答复并记录延期审批。", month=month))
        try:
            pack_backend = open_audit_pack(pack)
            packed = MainWindow(pack_backend, pack=PackView(pack, verify_pack(pack)))
            try:
                packed.tabs.setCurrentWidget(packed.findings)
                look(packed, "pack")
            finally:
                packed.close()
                packed.deleteLater()
                pack_backend.close()
        finally:
            pack.unlink(missing_ok=True)
        admin = MainWindow(backends["admin"])
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
        demo.close()
    print(f"{len(made)} pictures in {out}")
    others = sorted(p.name for p in out.glob("*.png") if p.name not in file_names())
    if others:
        print(f"not made by this command (delete them if the guide no longer shows them): "
              f"{', '.join(others)}", file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
