"""The list of problems of a refused import, as a table an officer can sort and copy."""
from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from riskdesk.i18n import QT_TRANSLATE_NOOP
from riskdesk.services.intake.applications import ImportResult
from riskdesk.ui.table_model import ColumnTableModel
from riskdesk.ui.table_tools import equip_window

PROBLEM_HEADERS = [
    ("row", QT_TRANSLATE_NOOP("ProblemsModel", "Row")),
    ("column", QT_TRANSLATE_NOOP("ProblemsModel", "Column")),
    ("value", QT_TRANSLATE_NOOP("ProblemsModel", "Value")),
    ("reason", QT_TRANSLATE_NOOP("ProblemsModel", "Reason")),
]


class ProblemsModel(ColumnTableModel):
    CONTEXT = "ProblemsModel"

    def __init__(self, problems: pd.DataFrame, parent: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(PROBLEM_HEADERS, parent)
        headers = headers or {}
        self._rows = self._records = problems[[c for c, _ in PROBLEM_HEADERS]].to_dict("records")
        for record in self._records:
            record["column"] = headers.get(str(record["column"]), record["column"])

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return str(self._records[index.row()][PROBLEM_HEADERS[index.column()][0]])
        return None


class ImportProblemsDialog(QDialog):
    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        summary = QLabel(self.tr(
            "{file} was refused and nothing was imported: {n} problem(s) in {rows} of {total} "
            "rows. Correct the file and import it again, or import only the valid rows: the "
            "others then go to a rejects file with their reasons.").format(file=result.file_name, n=len(result.problems),
                                              rows=result.rejected, total=result.rows_total))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.table = QTableView(self)
        self.table.setModel(ProblemsModel(result.problems, self, result.headers))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.valid_only = buttons.addButton(self.tr("Import valid rows only..."),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        # Conflicts with stored applications are never skipped into an import silently,
        # but they are skipped like invalid rows: the rejects file names each one.
        self.valid_only.setEnabled(result.rejected < result.rows_total)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        equip_window(self, self.windowTitle())  # export, with the importing window's backend
