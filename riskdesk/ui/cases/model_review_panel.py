"""The model-review part of the case window (issue 32): the validator's decision on the model
under review (keep, recalibrate, retrain, retire) with a reason, in place of approve / decline.

Writes only through ``services.credit.model_review.close_review`` (signed there); shown on a
model-review case only, enabled for a user who may validate models while the case is open.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from riskdesk.domain.enums import CaseKind, CaseStatus, label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.credit.model_review import DECISIONS, close_review
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.operations import write_op

OPEN = {s.value for s in (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.PENDING_INFO,
                          CaseStatus.ESCALATED, CaseStatus.RETURNED)}


class ModelReviewPanel(QWidget):
    """Decision, reason and the Close button; ``acted`` runs after a close was saved."""

    def __init__(self, backend: Backend, case_id: int, acted: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.case_id, self.acted = backend, case_id, acted
        self.version = 0
        self.decision = QComboBox(self)
        for code in DECISIONS:
            self.decision.addItem(label(code), code)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (the validator's reason, signed)"))
        self.close_button = QPushButton(self.tr("Close the model review"), self)
        self.close_button.clicked.connect(self.close_review)
        line = QHBoxLayout()
        line.addWidget(self.decision, 1)
        line.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reason)
        layout.addLayout(line)
        self.hide()

    def show_for(self, kind: str, status: str, version: int) -> None:
        """Shown on a model-review case; enabled for a validator while it is open."""
        self.version = version
        self.setVisible(kind == CaseKind.MODEL_REVIEW.value)
        may = allowed(self.backend.actor, Action.MODEL_VALIDATE) and status in OPEN
        for widget in (self.decision, self.reason, self.close_button):
            widget.setEnabled(may)

    def close_review(self) -> bool:
        """Close the review with the chosen decision; True when saved."""
        if not write_op(self, close_review, case_id=self.case_id, version=self.version,
                        decision=str(self.decision.currentData()), reason=self.reason.text(),
                        title=self.tr("Not closed")):
            return False
        self.reason.clear()
        self.acted()
        return True
