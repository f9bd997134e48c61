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

from riskdesk.errors import RiskdeskError
from riskdesk.services import periods
from riskdesk.services.admin import settings as app_settings
from riskdesk.services.admin.backend import Backend, probe_database, remember_password
from riskdesk.services.admin.workstation import SettingsView, save_settings, settings_view
from riskdesk.services.feed import files as feed_files
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.dialogs import Dialogs

DB_KEY = "db/target"
LANGUAGE_KEY = "ui/language"
ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Singapore",
         "Europe/London", "UTC")


class SettingsDialog(QDialog):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = actor = backend.actor
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
            db=backend.location))
        self.connection_label.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        running = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        chosen = str(stored.value(LANGUAGE_KEY, "") or "") or running
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        shown: SettingsView = backend.read(settings_view)
        sla = shown.review_sla_hours
        self.idle = QSpinBox(self)
        self.idle.setRange(*app_settings.IDLE_LOCK_RANGE)
        self.idle.setValue(shown.idle_minutes)
        self.keep = QSpinBox(self)
        self.keep.setRange(0, 365)
        self.keep.setValue(shown.backup_keep)
        self.folder = QLineEdit(shown.backup_folder, self)
        self.anchor_folder = QLineEdit(shown.anchor_folder, self)
        self.anchor_folder.setPlaceholderText(self.tr("default: {path}").format(
            path=shown.anchor_default))
        self.anchor_folder.setToolTip(self.tr(
            "The audit anchor file is kept here, outside the database: choose a share the "
            "database's owner cannot rewrite"))
        # The decision feed (issue 29): where urgent freezes and calls are written for
        # origination, and when an unacknowledged record warns; administrators set them.
        self.feed_before = backend.read(feed_files.feed_settings)
        self.feed_folder = QLineEdit(self.feed_before.folder, self)
        self.feed_folder.setPlaceholderText(self.tr("none: urgent actions go out with the feed"))
        self.feed_hours = QSpinBox(self)
        self.feed_hours.setRange(*feed_files.WARN_RANGE)
        self.feed_hours.setValue(self.feed_before.warn_hours)
        self.complaint_days = QSpinBox(self)
        self.complaint_days.setRange(1, 60)
        self.complaint_days.setValue(shown.decide_days)
        # The bank's time zone: months, local days and every time printed on reports follow
        # it; compliance changes it, audited in the service (issue 28).
        self.zone_before = backend.lookup(periods.business_zone)
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        for zone in dict.fromkeys((self.zone_before, *ZONES)):
            self.zone.addItem(zone)
        self.zone.setCurrentText(self.zone_before)
        self.zone.setEnabled(allowed(actor, Action.TIME_ZONE_CHANGE))
        self.zone.setToolTip(self.tr("Compliance sets it; months, report numbers and report "
                                     "times follow it"))
        admin = allowed(actor, Action.SETTINGS_CHANGE)
        for w in (self.idle, self.keep, self.folder, self.anchor_folder, self.feed_folder,
                  self.feed_hours):
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
        form.addRow(self.tr("Audit anchor folder"), self.anchor_folder)
        form.addRow(self.tr("Decision feed folder (urgent actions)"), self.feed_folder)
        form.addRow(self.tr("Feed acknowledgement warning (hours)"), self.feed_hours)
        form.addRow(self.tr("Complaint reply due (days)"), self.complaint_days)
        form.addRow(self.tr("Bank's time zone (reports, months)"), self.zone)
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
        target = self.db.text().strip()
        if not target:
            self.connection_label.setText(self.tr("Give a database first."))
            return False
        probe = probe_database(target, self.password.text())
        if probe.missing is not None:  # connecting would make an empty file
            self.connection_label.setText(self.tr(
                "There is no database at {path} yet: riskdesk creates it on its next start, "
                "with its first administrator.").format(path=probe.missing))
            return False
        if probe.error:
            self.connection_label.setText(self.tr("Cannot connect: {error}").format(
                error=probe.error))
            return False
        self.connection_label.setText(self.tr("Connected to {db}: schema {rev} (this riskdesk: {head})")
                            .format(db=probe.database, rev=probe.revision, head=probe.head))
        return True

    def save(self) -> None:
        stored = QSettings()
        target = self.db.text().strip()
        try:
            remember_password(target, self.password.text())
            self.backend.write(save_settings, idle_minutes=self.idle.value(),
                               backup_keep=self.keep.value(), backup_folder=self.folder.text(),
                               decide_days=self.complaint_days.value(),
                               anchor_folder=self.anchor_folder.text())
            feed_now = feed_files.FeedSettings(self.feed_folder.text().strip(),
                                               self.feed_hours.value())
            if self.feed_folder.isEnabled() and feed_now != self.feed_before:
                self.backend.write(feed_files.set_feed_settings, folder=feed_now.folder,
                                   hours=feed_now.warn_hours)
                self.feed_before = feed_now
            zone = self.zone.currentText().strip()
            if self.zone.isEnabled() and zone != self.zone_before:
                self.backend.write(periods.set_business_zone, zone=zone)
                self.zone_before = zone
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not saved"), str(exc))
            return
        stored.setValue(DB_KEY, target)
        stored.setValue(LANGUAGE_KEY, str(self.language.currentData()))
        self.password.clear()
        self.accept()
