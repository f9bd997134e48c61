"""Compliance's complaint deadlines: the regulator's days by default (docs/regulation.md), and
whether they count working days. Saving goes through the service (compliance only, audited)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import handling as complaints
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.operations import write_op


class DeadlinesDialog(QDialog):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = backend.actor
        self.setWindowTitle(self.tr("Complaint deadlines"))
        current = backend.lookup(complaints.deadlines)
        form = QFormLayout(self)
        self.days: dict[str, QSpinBox] = {}
        for key, text in (("decide_days", self.tr("Decide and notify within (days)")),
                          ("complex_days", self.tr("Complex case, extended to (days)")),
                          ("special_days", self.tr("Special extension, at most (days)"))):
            box = QSpinBox(self)
            box.setRange(1, 365)
            box.setValue(getattr(current, key))
            self.days[key] = box
            form.addRow(text, box)
        self.working = QCheckBox(self.tr("Count working days (Monday to Friday; public "
                                         "holidays are not known)"), self)
        self.working.setChecked(current.working_days)
        form.addRow(self.working)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        new = complaints.Deadlines(**{k: b.value() for k, b in self.days.items()},
                                   working_days=self.working.isChecked())
        if write_op(self, complaints.set_deadlines, new=new, title=self.tr("Not saved")):
            self.accept()
