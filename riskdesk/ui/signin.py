"""Sign-in, and the first administrator of a new database."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from riskdesk.services.actor import Actor


class SignInDialog(QDialog):
    """``attempt(username, password)`` returns the actor or None; the dialog stays open on None."""

    def __init__(self, attempt: Callable[[str, str], Actor | None], *, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to riskdesk"))
        self._attempt = attempt
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _try(self) -> None:
        actor = self._attempt(self.username.text().strip(), self.password.text())
        self.password.clear()
        if actor is None:
            self.message.setText(self.tr("Wrong user name or password, or the account is "
                                         "locked. Failed attempts are recorded."))
            return
        self.actor = actor
        self.accept()


class FirstAdminDialog(QDialog):
    """A new database has no users: the first one is an administrator."""

    def __init__(self, create: Callable[[str, str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create the administrator"))
        self._create = create
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This database has no users yet. Create the first administrator; "
                               "the administrator then adds the other users."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        error = self._create(self.username.text().strip(), self.password.text())
        if error:
            self.message.setText(error)
            return
        self.accept()
