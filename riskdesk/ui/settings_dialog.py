"""The settings dialog. This workstation's own choices (which database, the interface's
language) are kept with QSettings; what an administrator sets for everyone (idle lock, backups)
and what compliance sets (deadlines, SLA) live in the database, audited, and are changed
through their services (the controls follow the signed-in user's role)."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine, text

from riskdesk.errors import RiskdeskError
from riskdesk.services.actor import Actor
from riskdesk.services.admin import settings as app_settings
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.permissions import Action, allowed
from riskdesk.storage.engine import redact_url
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.dialogs import Dialogs

DB_KEY = "db/target"
LANGUAGE_KEY = "ui/language"


class SettingsDialog(QDialog):
    def __init__(self, engine: Engine, actor: Actor, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.actor, self.dialogs = engine, actor, dialogs
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)  # a server address and its placeholder read whole
        stored = QSettings()
        self.db = QLineEdit(str(stored.value(DB_KEY, "") or ""), self)
        self.db.setPlaceholderText(self.tr("A SQLite file, or postgresql+psycopg://user@host/db"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Kept in the OS keyring, never in a file"))
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.connection_label = QLabel(self)
        self.connection_label.setText(self.tr("In use now: {db}").format(
            db=redact_url(engine.url)))
        self.connection_label.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        running = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        chosen = str(stored.value(LANGUAGE_KEY, "") or "") or running
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        with unit_of_work(engine, write=False) as session:
            idle = app_settings.idle_lock_minutes(session)
            keep = app_settings.backup_keep(session)
            folder = str(app_settings.backup_folder(session))
            due = complaints.deadlines(session)
            sla = session.execute(text(
                "SELECT review_sla_hours FROM policy_version ORDER BY id DESC LIMIT 1")
            ).scalar()
        self.idle = QSpinBox(self)
        self.idle.setRange(*app_settings.IDLE_LOCK_RANGE)
        self.idle.setValue(idle)
        self.keep = QSpinBox(self)
        self.keep.setRange(0, 365)
        self.keep.setValue(keep)
        self.folder = QLineEdit(folder, self)
        self.complaint_days = QSpinBox(self)
        self.complaint_days.setRange(1, 60)
        self.complaint_days.setValue(due.decide_days)
        admin = allowed(actor, Action.SETTINGS_CHANGE)
        for w in (self.idle, self.keep, self.folder):
            w.setEnabled(admin)
        self.complaint_days.setEnabled(allowed(actor, Action.COMPLAINT_SETTINGS))
        form = QFormLayout()
        line = QHBoxLayout()
        line.addWidget(self.db, 1)
        line.addWidget(self.test_button)
        form.addRow(self.tr("Database"), line)
        form.addRow(self.tr("Database password"), self.password)
        form.addRow("", self.connection_label)
        form.addRow(self.tr("Language (after a restart)"), self.language)
        form.addRow(self.tr("Idle lock (minutes)"), self.idle)
        form.addRow(self.tr("Backups kept on exit"), self.keep)
        form.addRow(self.tr("Backup folder"), self.folder)
        form.addRow(self.tr("Complaint reply due (days)"), self.complaint_days)
        form.addRow(self.tr("Case review SLA (hours)"), QLabel(
            str(sla if sla is not None else "-") + "  " + self.tr(
                "(part of the decision policy: compliance changes it)"), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(max(720, self.sizeHint().width()), self.sizeHint().height())

    def test_connection(self) -> bool:
        """Connects with the address and password given (the password is not stored here)."""
        from riskdesk.storage.engine import make_engine, redact_url
        from riskdesk.storage.migrate import current_revision, head_revision

        target = self.db.text().strip()
        if not target:
            self.connection_label.setText(self.tr("Give a database first."))
            return False
        try:
            from sqlalchemy.engine import make_url

            from riskdesk.storage.engine import is_url, sqlite_file

            path = sqlite_file(target)
            if path is not None and not path.exists():  # connecting would make an empty file
                self.connection_label.setText(self.tr(
                    "There is no database at {path} yet: riskdesk creates it on its next start, "
                    "with its first administrator.").format(path=path))
                return False
            if is_url(target) and self.password.text():
                target = make_url(target).set(password=self.password.text()).render_as_string(
                    hide_password=False)
            engine = make_engine(target)
            try:
                revision = current_revision(engine)
            finally:
                engine.dispose()
        except Exception as exc:  # noqa: BLE001 - every failure is shown, none is fatal
            self.connection_label.setText(self.tr("Cannot connect: {error}").format(
                error=str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]))
            return False
        self.connection_label.setText(self.tr("Connected to {db}: schema {rev} (this riskdesk: {head})")
                            .format(db=redact_url(make_engine(target).url), rev=revision,
                                    head=head_revision()))
        return True

    def save(self) -> None:
        from riskdesk.storage.engine import is_url, set_password

        stored = QSettings()
        target = self.db.text().strip()
        try:
            if target and is_url(target) and self.password.text():
                set_password(target, self.password.text())
            with unit_of_work(self.engine) as session:
                if allowed(self.actor, Action.SETTINGS_CHANGE):
                    if self.idle.value() != app_settings.idle_lock_minutes(session):
                        app_settings.set_idle_lock_minutes(session, self.actor,
                                                           self.idle.value())
                    if (self.keep.value(), self.folder.text().strip()) != (
                            app_settings.backup_keep(session),
                            str(app_settings.backup_folder(session))):
                        app_settings.set_backups(session, self.actor, keep=self.keep.value(),
                                                 folder=self.folder.text())
                current = complaints.deadlines(session)
                if allowed(self.actor, Action.COMPLAINT_SETTINGS) and \
                        self.complaint_days.value() != current.decide_days:
                    complaints.set_deadlines(session, self.actor, complaints.Deadlines(
                        self.complaint_days.value(), current.complex_days,
                        current.special_days, current.working_days))
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not saved"), str(exc))
            return
        stored.setValue(DB_KEY, target)
        stored.setValue(LANGUAGE_KEY, str(self.language.currentData()))
        self.password.clear()
        self.accept()
