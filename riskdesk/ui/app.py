"""Start the GUI: translations, database, sign-in, main window (or a screenshot and exit)."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from riskdesk.collector import paused_for_the_start
from riskdesk.config import PASSWORD_ENV
from riskdesk.errors import RiskdeskError
from riskdesk.ui.i18n import install_translators

if TYPE_CHECKING:  # the services, the database and the window load inside run (issue 35)
    from riskdesk.services.admin.backend import Backend, Entrance

SCREENSHOT_SIZE = (1280, 800)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("riskdesk")
    app.setApplicationName("riskdesk")
    from PySide6.QtGui import QIcon

    from riskdesk.paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "riskdesk.png")))
    return app


def _log_uncaught(kind: type[BaseException], value: BaseException, tb: object) -> None:
    """An error no window caught goes to the log (masked) before Qt's default handling."""
    import logging

    logging.getLogger("riskdesk.gui").error("uncaught: %s", value,
                                             exc_info=(kind, value, tb))  # type: ignore[arg-type]
    sys.__excepthook__(kind, value, tb)  # type: ignore[arg-type]


def run(*, db: str | None, user: str | None, lang: str | None, screenshot: Path | None,
        case: str | None = None) -> int:
    with ExitStack() as starting:
        # Issue 35: no cyclic garbage collection until the window is shown. The start makes
        # some 130,000 objects that live as long as the process (modules, tables and their
        # mappers, Qt's wrappers) and little cyclic garbage; each full collection on the
        # way walked them all (0.1-0.2 s of the start together).
        starting.enter_context(paused_for_the_start())
        return _run(starting.close, db=db, user=user, lang=lang, screenshot=screenshot,
                    case=case)


def _run(started: Callable[[], None], *, db: str | None, user: str | None, lang: str | None,
         screenshot: Path | None, case: str | None) -> int:
    """``started()`` once the window is shown (or the start has ended otherwise)."""
    import logging

    from riskdesk import logs

    logs.setup()
    sys.excepthook = _log_uncaught
    log = logging.getLogger("riskdesk.gui")
    app = application()
    from PySide6.QtCore import QSettings

    from riskdesk.ui.settings_dialog import DB_KEY, LANGUAGE_KEY

    stored = QSettings()  # this workstation's choices, where the command line gave none
    lang = lang or str(stored.value(LANGUAGE_KEY, "") or "") or None
    if db is None and not os.environ.get("RISKDESK_DB"):
        db = str(stored.value(DB_KEY, "") or "") or None
    install_translators(app, lang)
    from riskdesk.storage.engine import is_pack

    if db and is_pack(Path(db)):
        started()
        return _run_pack(app, Path(db), screenshot)
    if screenshot is not None and not user:
        print("riskdesk: --screenshot needs --user (password from RISKDESK_PASSWORD).",
              file=sys.stderr)
        return 2
    from riskdesk.services.admin.backend import DatabaseUnusable, open_database

    try:
        entrance = open_database(db, create=screenshot is None)
        backend = _sign_in(entrance, user, interactive=screenshot is None)
    except RiskdeskError as exc:
        if isinstance(exc, DatabaseUnusable):
            exc = RiskdeskError(QCoreApplication.translate(
                "App", "The database cannot be used: {error}").format(error=exc.detail))
        if screenshot is not None:
            print(f"riskdesk: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, QCoreApplication.translate("App", "riskdesk"), str(exc))
        return 1
    if backend is None:
        log.info("no sign-in; closing")
        if screenshot is not None:
            print(f"riskdesk: sign-in refused for {user}.", file=sys.stderr)
        return 1
    actor = backend.actor
    log.info("signed in: %s (%s)", actor.username, ",".join(sorted(actor.roles)))
    from riskdesk.ui.main_window import MainWindow

    window = MainWindow(backend)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        app.processEvents()
        started()
        shown: QWidget = window
        if case:
            case_id = _case_of(backend, case)
            if case_id is None:
                print(f"riskdesk: application {case} has no case.", file=sys.stderr)
                return 2
            shown = window.open_case_id(case_id)

        def save_and_quit() -> None:
            _save(shown, screenshot)
            app.quit()

        QTimer.singleShot(200, save_and_quit)
        app.exec()
        return 0
    window.show()
    started()
    from riskdesk.services.admin.signing_keys import pending_note

    note = backend.read(pending_note)  # issue 24: a new signing key awaits countersigning
    if note:
        QMessageBox.information(window, QCoreApplication.translate("App", "Signing key"),
                                note[:1].upper() + note[1:])
    code = app.exec()
    log.info("window closed by %s", actor.username)
    return code


@dataclass(frozen=True)
class PackView:
    path: Path
    verdict: Any


def _run_pack(app: QApplication, path: Path, screenshot: Path | None) -> int:
    """An audit pack: opened read-only (never migrated, never switched to WAL), as an auditor
    without sign-in (a pack holds no password hashes), behind a banner with its seal."""
    from riskdesk.services.admin.backend import open_audit_pack
    from riskdesk.services.audit.packs import verify_pack
    from riskdesk.ui.main_window import MainWindow

    verdict = verify_pack(path)
    window = MainWindow(open_audit_pack(path), pack=PackView(path, verdict))
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if screenshot is not None:
        def save_and_quit() -> None:
            _save(window, screenshot)
            app.quit()

        QTimer.singleShot(200, save_and_quit)
        app.exec()
        return 0 if verdict.ok else 2
    return app.exec()


def _case_of(backend: Backend, application_no: str) -> int | None:
    from riskdesk.services.cases.queue import CaseFilter, page_cases

    rows = backend.read(page_cases, f=CaseFilter(application_no=application_no), limit=1)
    return rows[0].id if rows else None


def _save(window: QWidget, path: Path) -> None:
    window.resize(*SCREENSHOT_SIZE)
    QApplication.processEvents()
    if not window.grab().save(str(path)):
        print(f"riskdesk: cannot write {path}", file=sys.stderr)


def _sign_in(entrance: Entrance, user: str | None, *, interactive: bool) -> Backend | None:
    """The backend of whoever signs in; a database without users first gets its administrator
    (interactively), else it is named with what to do."""
    from riskdesk.ui.signin import FirstAdminDialog, SignInDialog

    if not entrance.has_users():
        if not interactive:  # which database it is, not just "sign-in refused"
            raise entrance.no_users_error()
        if FirstAdminDialog(entrance.create_first_admin, database=entrance.label,
                            new=entrance.new_file).exec() != \
                FirstAdminDialog.DialogCode.Accepted:
            return None
    password = os.environ.get(PASSWORD_ENV)
    if user and password is not None:
        return entrance.sign_in(user, password)
    if not interactive:
        return None
    signed_in: list[Backend] = []

    def attempt(name: str, password: str) -> Backend | None:
        backend = entrance.sign_in(name, password)
        if backend is not None:
            signed_in.append(backend)
        return backend

    dialog = SignInDialog(attempt, username=user or "")
    return signed_in[-1] if dialog.exec() == SignInDialog.DialogCode.Accepted else None
