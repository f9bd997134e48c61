"""The Findings tab. In an audit pack: the auditor's findings on a case, a complaint or the
month (the one thing a pack lets them write). In the live app: the findings brought back, with
their follow-up status and note."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.audit import findings
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import keep_items_whole
from riskdesk.ui.operations import query, write_op
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.table_tools import equip_table


class FindingsTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 pack: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs, self.pack = backend, dialogs, pack
        self.actor = actor = backend.actor
        self.rows: list[findings.FindingRow] = []
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("On"), self.tr("Severity"), self.tr("Finding"),
            self.tr("Recommendation"), self.tr("Auditor"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        # columns from their content whenever rows come, kept per user; export (issue 28)
        equip_table(self.table, backend, dialogs, key="findings", title=self.tr("Findings"))
        self.severity = QComboBox(self)
        for s in findings.SEVERITIES:
            self.severity.addItem(label(s), s)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What is wrong, with the evidence"))
        self.recommendation = QLineEdit(self)
        self.target_kind = QComboBox(self)
        for key, text in (("case", self.tr("Case (application no. or case id)")),
                          ("complaint", self.tr("Complaint (id)")),
                          ("month", self.tr("The month (YYYY-MM)"))):
            self.target_kind.addItem(text, key)
        self.target = QLineEdit(self)
        self.status = QComboBox(self)
        for s in findings.STATUSES:
            self.status.addItem(label(s), s)
        keep_items_whole(self.status)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What was done about it"))
        self.add_button = QPushButton(self.tr("Add finding"), self)
        self.add_button.clicked.connect(self.add)
        self.follow_button = QPushButton(self.tr("Save follow-up"), self)
        self.follow_button.clicked.connect(self.save_follow_up)
        form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        # In a pack the auditor adds findings; in the live app they are followed up: the other
        # mode's controls are not shown (nor left floating without a layout).
        for w in ((self.status, self.note, self.follow_button) if pack is not None else
                  (self.target_kind, self.target, self.severity, self.text,
                   self.recommendation, self.add_button)):
            w.setVisible(False)
        if pack is not None:
            form.addRow(self.tr("On"), self.target_kind)
            form.addRow("", self.target)
            form.addRow(self.tr("Severity"), self.severity)
            form.addRow(self.tr("Finding"), self.text)
            form.addRow(self.tr("Recommendation"), self.recommendation)
            layout.addLayout(form)
            layout.addWidget(self.add_button)
        else:
            line = QHBoxLayout()
            line.addWidget(self.status)
            line.addWidget(self.note, 1)
            line.addWidget(self.follow_button)
            layout.addLayout(line)
            self.follow_button.setEnabled(allowed(actor, Action.FINDING_FOLLOW_UP))
        self.reload()

    def reload(self) -> None:
        if self.pack is not None:
            self.rows = findings.rows_in_pack(self.pack)
        else:
            self.rows = query(self, findings.rows, default=[], title=QCoreApplication.translate(
                "PartnersTab", "Not shown"))
        shown = [(f.id, self._target(f), f.severity, f.text, f.recommendation, f.auditor,
                  f.status) for f in self.rows]
        fill_table(self.table, [[label(str(v)) if c in (2, 6) else str(v or "")
                                 for c, v in enumerate(row)] for row in shown])

    def _target(self, f: findings.FindingRow) -> str:
        if f.case_id:
            return self.tr("case {id}").format(id=f.case_id)
        if f.complaint_id:
            return self.tr("complaint {id}").format(id=f.complaint_id)
        return self.tr("month {m}").format(m=f.month)

    def _resolve(self) -> findings.Draft:
        kind, value = str(self.target_kind.currentData()), self.target.text().strip()
        severity, text = str(self.severity.currentData()), self.text.toPlainText()
        advice = self.recommendation.text()
        if kind == "month":
            return findings.Draft(severity, text, advice, month=value[:7])
        if kind == "complaint":
            if not value.isdigit():
                raise RiskdeskError(self.tr("A complaint is named by its id (a number)."))
            return findings.Draft(severity, text, advice, complaint_id=int(value))
        case_id = self.backend.read(findings.case_named, ref=value)
        if case_id is None:
            raise RiskdeskError(self.tr("There is no case {ref} in this pack.").format(
                ref=value))
        return findings.Draft(severity, text, advice, case_id=int(case_id))

    def add(self) -> None:
        assert self.pack is not None
        try:
            findings.add_in_pack(self.pack, self.actor.username, self._resolve())
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not added"), str(exc))
            return
        self.text.clear()
        self.recommendation.clear()
        self.reload()

    def save_follow_up(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        finding = self.rows[row]
        if not write_op(self, findings.follow_up, finding_id=finding.id, version=finding.version,
                        status=str(self.status.currentData()), note=self.note.text(),
                        title=self.tr("Not saved")):
            return
        self.note.clear()
        self.reload()
