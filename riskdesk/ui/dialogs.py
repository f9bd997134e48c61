"""Modal dialogs behind one replaceable factory, so tests never block on a dialog."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from riskdesk.services.imports.service import ImportResult


class Dialogs:
    def open_import_file(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Dialogs", "Import applications"), "",
            QCoreApplication.translate("Dialogs", "Application files (*.csv *.xlsx);;All files (*)"))
        return path or None

    def info(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def progress(self, parent: QWidget) -> QProgressDialog:
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Working"))
        dialog.setCancelButtonText(QCoreApplication.translate("Dialogs", "Cancel"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def show_problems(self, parent: QWidget, result: ImportResult) -> bool:
        """True when the officer chooses to import the valid rows only."""
        from riskdesk.ui.import_problems import ImportProblemsDialog

        return ImportProblemsDialog(result, parent).exec() == QDialog.DialogCode.Accepted

    def save_rejects_file(self, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("Dialogs", "Save rejected rows as"), suggested,
            QCoreApplication.translate("Dialogs", "CSV files (*.csv)"))
        return path or None
