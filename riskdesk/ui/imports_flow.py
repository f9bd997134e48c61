"""Importing an application file from the main window: the file chosen, the import run off the
GUI thread with progress and Cancel, refused rows shown with the choice to import the valid ones
and write the rest to a rejects file, and the result said in a sentence. A mixin of
:class:`riskdesk.ui.main_window.MainWindow` (its strings keep the window's context).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from riskdesk.errors import Cancelled, RiskdeskError
from riskdesk.i18n import translate
from riskdesk.tasks import TaskState
from riskdesk.ui.worker import BackgroundTask, run_task

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow as _Window

    from riskdesk.services.admin.backend import Backend
    from riskdesk.services.intake.applications import ImportResult
    from riskdesk.ui.dialogs import Dialogs
else:
    _Window = object


class ImportsMixin(_Window):
    """The window's import: needs ``backend``, ``dialogs``, ``import_action`` and
    ``refresh``."""

    backend: Backend
    dialogs: Dialogs
    import_action: QAction
    last_task: BackgroundTask | None
    _import_path: Path | None

    def refresh(self) -> None:
        raise NotImplementedError

    def import_applications(self) -> None:
        path = self.dialogs.open_import_file(self)
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path, *, rejects: Path | None = None) -> BackgroundTask:
        """Import ``path``; with ``rejects`` the valid rows go in and the rest go there."""
        backend = self.backend
        self._import_path = path

        def work(state: TaskState) -> ImportResult:
            # pandas loads with the first import, on this worker thread (issue 35)
            from riskdesk.services.intake.applications import import_file

            return backend.job(import_file, path=path, skip_invalid=rejects is not None,
                               rejects_path=rejects, state=state)

        self.import_action.setEnabled(False)
        self.last_task = run_task(self, work, label=translate("MainWindow", "Importing {file}").format(
            file=path.name), on_done=self._import_done, on_error=self._import_failed,
            progress=self.dialogs.progress(self))
        return self.last_task

    def _import_done(self, result: ImportResult) -> None:
        self.import_action.setEnabled(True)
        if result.refused:
            if self.dialogs.show_problems(self, result) and self._import_path is not None:
                path = self._import_path
                target = self.dialogs.save_rejects_file(
                    self, str(path.with_name(path.stem + "-rejects.csv")))
                if target:
                    self.start_import(path, rejects=Path(target))
            return
        self.refresh()
        if result.scoring is None:  # nothing new, or no active model (the note says so)
            text = translate("MainWindow", "{file}: rows {total}, imported {new}, already present {present}."
                           ).format(file=result.file_name, total=result.rows_total,
                                    new=result.inserted, present=result.present)
        else:
            text = translate("MainWindow", "{file}: rows {total}, imported {new}, flagged {flagged}, cases "
                           "opened {cases}, already present {present}.").format(
                file=result.file_name, total=result.rows_total, new=result.inserted,
                flagged=result.flagged, cases=result.cases_opened, present=result.present)
        if result.rejects_path is not None:
            text += "\n" + translate("MainWindow", "Rows rejected: {n}, written with their reasons to {path}.") \
                .format(n=result.rejected, path=result.rejects_path)
        if result.scoring_note:
            text += "\n" + translate("MainWindow", "Scoring: {summary}").format(summary=result.scoring_note)
        self.dialogs.info(self, translate("MainWindow", "Import finished"), text)

    def _import_failed(self, error: BaseException) -> None:
        self.import_action.setEnabled(True)
        if isinstance(error, Cancelled):
            self.dialogs.info(self, translate("MainWindow", "Import cancelled"), translate("MainWindow",
                "The import was cancelled; nothing was saved."))
        elif isinstance(error, RiskdeskError):
            self.dialogs.error(self, translate("MainWindow", "Import refused"), str(error))
        else:
            self.dialogs.error(self, translate("MainWindow", "Import failed"), translate("MainWindow",
                "The import failed and nothing was saved: {error}").format(error=error))
