"""The administrator's screen: users, their roles, grants waiting for a second administrator,
and the idle lock. Every change goes through ``services.admin.users`` /
``services.admin.settings``, which refuse what the rules forbid (own roles, approving one's own
request) and audit the rest."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import Role, label
from riskdesk.services.admin import settings, signing_keys, users
from riskdesk.services.admin.backend import Backend, call
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import datetime_text, list_sep
from riskdesk.ui.operations import write_op
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.table_tools import equip_window


class RolesDialog(QDialog):
    """Roles as check boxes; for a new user also name and password."""

    def __init__(self, title: str, roles: frozenset[str], *, new_user: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.username, self.display_name = QLineEdit(self), QLineEdit(self)
        self.password, self.repeat = QLineEdit(self), QLineEdit(self)
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if new_user:
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Display name"), self.display_name)
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Repeat password"), self.repeat)
        self.checks: dict[str, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(label(role), self)
            box.setChecked(role.value in roles)
            self.checks[role.value] = box
            form.addRow("", box)
        note = QLabel(self.tr("Granting the senior officer or admin role waits for a second "
                              "administrator's approval."), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def roles(self) -> list[str]:
        return [r for r, box in self.checks.items() if box.isChecked()]


class AdminDialog(QDialog):
    COLUMNS = ("username", "display_name", "roles", "active", "locked_until", "pending")

    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None,
                 roles_dialog: Callable[..., RolesDialog] = RolesDialog) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = backend.actor
        self.roles_dialog = roles_dialog
        self.setWindowTitle(self.tr("Users and roles"))
        self.resize(900, 560)
        headers = [self.tr("User"), self.tr("Name"), self.tr("Roles"), self.tr("Active"),
                   self.tr("Locked until"), self.tr("Waiting for approval")]
        self.table = self._table(headers)
        self.requests = self._table([self.tr("Request"), self.tr("User"), self.tr("New roles"),
                                     self.tr("Asked by"), self.tr("Asked at")])
        self.buttons: dict[str, QPushButton] = {}
        user_row, request_row = QHBoxLayout(), QHBoxLayout()
        for key, text, slot, row in (
                ("add", self.tr("Add user..."), self.add_user, user_row),
                ("roles", self.tr("Change roles..."), self.change_roles, user_row),
                ("active", self.tr("Activate / deactivate"), self.toggle_active, user_row),
                ("unlock", self.tr("Unlock"), self.unlock, user_row),
                ("countersign", self.tr("Countersign key..."), self.countersign, user_row),
                ("idle", self.tr("Idle lock..."), self.set_idle_lock, user_row),
                ("bank", self.tr("Name on reports..."), self.set_bank_name, user_row),
                ("approve", self.tr("Approve"), lambda: self.decide(True), request_row),
                ("reject", self.tr("Reject"), lambda: self.decide(False), request_row)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        user_row.addStretch(1)
        request_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(user_row)
        layout.addWidget(QLabel(self.tr("Role grants waiting for a second administrator"), self))
        layout.addWidget(self.requests, 1)
        layout.addLayout(request_row)
        self.table.itemSelectionChanged.connect(self._enable)
        self.rows: list[users.UserRow] = []
        self.pending: list[users.PendingGrant] = []
        self.reload()
        equip_window(self, self.windowTitle(), backend, dialogs)  # export (issue 28)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def reload(self) -> None:
        self.rows, self.pending = self.backend.read_all(call(users.list_users),
                                                        call(users.pending_grants))
        def roles(names: frozenset[str] | tuple[()]) -> str:
            return list_sep().join(label(r) for r in sorted(names))

        fill_table(self.table, [
            [u.username, u.display_name, roles(u.roles),
             self.tr("yes") if u.active else self.tr("no"),
             datetime_text(u.locked_until), roles(u.pending or ())]
            for u in self.rows])
        fill_table(self.requests, [
            [str(p.id), p.username, roles(p.roles), p.requested_by,
             datetime_text(p.requested_at)] for p in self.pending])
        self.table.resizeColumnsToContents()
        self._enable()


    def selected_user(self) -> users.UserRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select_user(self, username: str) -> None:
        self.table.selectRow(next(i for i, u in enumerate(self.rows) if u.username == username))

    def _enable(self) -> None:
        user = self.selected_user()
        own = user is not None and user.id == self.actor.user_id
        for key in ("roles", "active", "countersign"):
            self.buttons[key].setEnabled(user is not None and not own)
        self.buttons["unlock"].setEnabled(user is not None and user.locked_until is not None)
        for key in ("approve", "reject"):
            self.buttons[key].setEnabled(bool(self.pending))

    def _write(self, fn: Callable[..., object], *args: Any, **kw: Any) -> bool:
        try:
            return write_op(self, fn, *args, title=self.tr("Not saved"), **kw)
        finally:
            self.reload()

    def add_user(self) -> None:
        dialog = self.roles_dialog(self.tr("Add user"), frozenset(), new_user=True, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.password.text() != dialog.repeat.text():
            self.dialogs.error(self, self.tr("Not saved"), self.tr("The two passwords differ."))
            return
        self._write(users.create_user, username=dialog.username.text(),
                    password=dialog.password.text(), roles=dialog.roles(),
                    display_name=dialog.display_name.text())

    def change_roles(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = self.roles_dialog(self.tr("Roles of {user}").format(user=user.username),
                                   user.roles, new_user=False, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._write(users.change_roles, user_id=user.id, roles=dialog.roles())

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._write(users.set_active, user_id=user.id, active=not user.active)

    def unlock(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._write(users.unlock, user_id=user.id)

    def countersign(self) -> None:
        """Vouch for the user's new signing key (issue 24), once they read out its
        fingerprint: until then they cannot record decisions."""
        user = self.selected_user()
        if user is None:
            return
        pending = self.backend.read(signing_keys.pending_key, user_id=user.id)
        prompt = self.tr("The whole fingerprint {user} reads out from their sign-in (32 "
                         "characters; spaces are ignored):").format(user=user.username)
        if pending is not None and pending.admin:
            prompt = self.tr("{user} holds the admin role: this is an ADMINISTRATOR key, whose "
                             "countersignatures vouch for other users' keys.").format(
                user=user.username) + "\n\n" + prompt
        fingerprint = self.dialogs.ask_text(self, self.tr("Countersign signing key"), prompt)
        if fingerprint:
            self._write(signing_keys.countersign, user_id=user.id, fingerprint=fingerprint)

    def decide(self, approve: bool) -> None:
        row = self.requests.currentRow()
        if not 0 <= row < len(self.pending):
            row = 0
        request = self.pending[row]
        self._write(users.decide_role_request, request_id=request.id, approve=approve)

    def set_idle_lock(self) -> None:
        current = self.backend.lookup(settings.idle_lock_minutes)
        low, high = settings.IDLE_LOCK_RANGE
        minutes = self.dialogs.ask_int(
            self, self.tr("Idle lock"), self.tr("Lock a workstation's session after this many "
                                                "minutes without input:"), current, low, high)
        if minutes is not None:
            self._write(settings.set_idle_lock_minutes, minutes=minutes)

    def set_bank_name(self) -> None:
        name = self.dialogs.ask_text(self, self.tr("Name on reports"), self.tr(
            "Bank and team printed on report covers:"))
        if name is not None:
            self._write(settings.set_bank_name, name=name)
