"""Fakes for the pytest-qt tests: the dialogs a window would show, recorded instead of shown."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from riskdesk.services.intake.applications import ImportResult
from riskdesk.ui.dialogs import Dialogs


class FakeDialogs(Dialogs):
    """Records what would have been shown; never blocks."""

    def __init__(self, path: Path | None = None, *, valid_only: bool = False,
                 rejects: Path | None = None) -> None:
        self.path = path
        self.valid_only = valid_only
        self.rejects = rejects
        self.infos: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        self.problems: list[ImportResult] = []
        self.progress_dialogs: list[QProgressDialog] = []
        self.choice: int | None = None
        self.export_path: Path | None = None
        self.number: int | None = None
        self.evidence_paths: list[Path] = []  # what open_evidence_file returns, in turn
        self.confirm_answer = True
        self.confirms: list[tuple[str, str]] = []

    def open_import_file(self, parent: QWidget) -> str | None:
        return str(self.path) if self.path else None

    def open_evidence_file(self, parent: QWidget) -> str | None:
        """The next of ``evidence_paths``, or None (the dialog cancelled)."""
        return str(self.evidence_paths.pop(0)) if self.evidence_paths else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.confirms.append((title, text))
        return self.confirm_answer

    def info(self, parent: QWidget, title: str, text: str) -> None:
        self.infos.append((title, text))

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append((title, text))

    def progress(self, parent: QWidget) -> QProgressDialog:
        dialog = super().progress(parent)
        self.progress_dialogs.append(dialog)
        return dialog

    def show_problems(self, parent: QWidget, result: ImportResult) -> bool:
        self.problems.append(result)
        return self.valid_only

    def choose(self, parent: QWidget, title: str, text: str, items: list[str]) -> int | None:
        self.items = items
        return self.choice

    def save_export_file(self, parent: QWidget, suggested: str) -> str | None:
        return str(self.export_path) if self.export_path else None

    def ask_int(self, parent: QWidget, title: str, text: str, value: int, low: int,
                high: int) -> int | None:
        return self.number

    def save_rejects_file(self, parent: QWidget, suggested: str) -> str | None:
        self.suggested = suggested
        return str(self.rejects) if self.rejects else None
