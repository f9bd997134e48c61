"""Modal dialogs behind one replaceable factory, so tests never block on a dialog."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

if TYPE_CHECKING:  # the import service loads pandas: with the first import, not the window
    from riskdesk.services.intake.applications import ImportResult


class Dialogs:
    def open_import_file(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Dialogs", "Import applications"), "",
            QCoreApplication.translate("Dialogs", "Application files (*.csv *.xlsx);;All files (*)"))
        return path or None

    def open_evidence_file(self, parent: QWidget) -> str | None:
        """An evidence file to attach (the type is checked by its content, not this filter)."""
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Dialogs", "Attach an evidence file"), "",
            QCoreApplication.translate(
                "Dialogs", "Documents and images (*.pdf *.png *.jpg *.jpeg *.xlsx *.xls *.docx "
                "*.doc);;All files (*)"))
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

    def save_export_file(self, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("Dialogs", "Export the view as"), suggested,
            QCoreApplication.translate("Dialogs", "Excel (*.xlsx);;CSV (*.csv)"))
        return path or None

    def choose(self, parent: QWidget, title: str, text: str, items: list[str]) -> int | None:
        """The index of the item picked, or None."""
        item, ok = QInputDialog.getItem(parent, title, text, items, 0, False)
        return items.index(item) if ok and item in items else None

    def ask_int(self, parent: QWidget, title: str, text: str, value: int, low: int,
                high: int) -> int | None:
        number, ok = QInputDialog.getInt(parent, title, text, value, low, high)
        return number if ok else None

    def ask_text(self, parent: QWidget, title: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(parent, title, text)
        return value if ok else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes
