"""Sign-in, and the first administrator of a new database."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class _CredentialsDialog(QDialog):
    """User name, password, a message line and OK/Cancel; subclasses decide what OK does."""

    def __init__(self, title: str, ok_text: str, username: str, intro: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        layout.addLayout(self.form)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try(self) -> None:
        raise NotImplementedError


class SignInDialog(_CredentialsDialog):
    """``attempt(username, password)`` returns who signed in (their backend) or None; the
    dialog stays open on None."""

    def __init__(self, attempt: Callable[[str, str], Any], *, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sign in to riskdesk"), self.tr("Sign in"), username,
                         parent=parent)
        self._attempt = attempt
        self.actor: Any = None  # what attempt returned
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


class FirstAdminDialog(_CredentialsDialog):
    """A new database has no users: the first one is an administrator."""

    def __init__(self, create: Callable[[str, str], str | None],
                 parent: QWidget | None = None, *, database: str = "",
                 new: bool = False) -> None:
        """``database``: which one (shown); ``new``: its file is made only when the
        administrator is created (cancelling leaves nothing behind)."""
        intro = self.tr("This database has no users yet. Create the first administrator; "
                        "the administrator then adds the other users.")
        if database:
            intro = (self.tr("There is no database at {db} yet: creating its first "
                             "administrator creates it.") if new else
                     self.tr("The database {db} has no users yet.")).format(db=database) + \
                "\n\n" + self.tr("Create the first administrator; the administrator then adds "
                                 "the other users. To try riskdesk on demo data instead, cancel "
                                 "and run `riskdesk demo`: it builds the demo database and "
                                 "makes it the default.")
        super().__init__(self.tr("Create the administrator"), self.tr("Create"), "admin",
                         intro, parent)
        self._create = create
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)

    def _try(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        error = self._create(self.username.text().strip(), self.password.text())
        if error:
            self.message.setText(error)
            return
        self.accept()
