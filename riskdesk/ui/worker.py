"""One helper for all long work: runs a core function on the thread pool with a TaskState,
shows a progress dialog with Cancel, and hands the result or error back on the GUI thread."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from riskdesk.tasks import TaskState

_running: set[BackgroundTask] = set()


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)


class BackgroundTask(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.state = TaskState(on_progress=self.signals.progress.emit)
        self._fn = fn
        self.finished = False

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self.state)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self.finished = True
            self.signals.failed.emit(exc)
        else:
            self.finished = True
            self.signals.done.emit(result)


def run_task(parent: QWidget, fn: Callable[[TaskState], Any], *, label: str,
             on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
             progress: QProgressDialog | None = None) -> BackgroundTask:
    task = BackgroundTask(fn)
    dialog = progress
    if dialog is not None:
        dialog.setLabelText(label)
        dialog.setRange(0, 1000)
        dialog.setValue(0)
        dialog.canceled.connect(task.state.cancel)

        def show_progress(fraction: float, message: str) -> None:
            dialog.setValue(int(fraction * 1000))
            if message:
                dialog.setLabelText(message)

        task.signals.progress.connect(show_progress)
        dialog.show()

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.reset()
            dialog.hide()
        handler(value)

    task.signals.done.connect(lambda r: finish(on_done, r))
    task.signals.failed.connect(lambda e: finish(on_error, e))
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
