"""The idle lock: after the administrator's idle time without keyboard or mouse input the main
window hides its contents and asks for the signed-in user's password again. Unlocking is a
sign-in (audited, counted towards the five-failure account lock); the lock itself is audited."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.admin.users import record_lock

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel}
CHECK_MS = 5_000


class LockDialog(QDialog):
    def __init__(self, username: str, attempt: Callable[[str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("riskdesk is locked"))
        self.setModal(True)
        self._attempt = attempt
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The session of {user} was locked after a period without input. Enter your "
            "password to go on, or sign out.").format(user=username), self))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.message = QLabel("", self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out_button = buttons.addButton(self.tr("Sign out"),
                                                 QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try(self) -> None:
        ok = self._attempt(self.password.text())
        self.password.clear()
        if ok:
            self.accept()
        else:
            self.message.setText(self.tr("Wrong password, or the account is locked. Failed "
                                         "attempts are recorded."))


class IdleLock(QObject):
    def __init__(self, window: QMainWindow, backend: Backend, minutes: int) -> None:
        super().__init__(window)
        self.window, self.backend, self.minutes = window, backend, minutes
        self.actor = backend.actor
        self.last_input = time.monotonic()
        self.dialog: LockDialog | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if not self.locked and time.monotonic() - self.last_input >= 60 * self.minutes:
            self.lock()

    def lock(self) -> None:
        try:
            self.backend.write(record_lock, idle_minutes=self.minutes)
        except RiskdeskError:
            pass  # the database is unreachable: lock all the same
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w.isVisible() and w is not self.window]
        for widget in self._hidden:
            widget.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.dialog = LockDialog(self.actor.username, self._attempt, self.window)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self.window.close)
        self.dialog.open()

    def _attempt(self, password: str) -> bool:
        try:
            return self.backend.check_password(password, channel="unlock")
        except RiskdeskError:
            return False

    def _unlocked(self) -> None:
        self.dialog = None
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        for widget in self._hidden:
            widget.show()
        self.last_input = time.monotonic()
