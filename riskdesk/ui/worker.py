"""One helper for all long work: runs a core function on the thread pool with a TaskState,
shows a progress dialog with Cancel, and hands the result or error back on the GUI thread."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from riskdesk.tasks import TaskState

_running: set[BackgroundTask] = set()
# Finished tasks stay referenced here (by the GUI thread) for a while: the worker thread may
# still be returning from run(), and the last reference to a task (and whatever its callbacks
# held: a window) must never be dropped on a worker thread, where Qt objects cannot be deleted.
_finished: deque[BackgroundTask] = deque(maxlen=64)


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
        self._fn: Callable[[TaskState], Any] | None = fn
        self.finished = False

    def release(self) -> None:
        """Drops the work function (and what it captured); called on the GUI thread."""
        self._fn = None

    @Slot()
    def run(self) -> None:
        fn = self._fn
        if fn is None:
            return
        error: BaseException | None = None
        result: Any = None
        try:
            result = fn(self.state)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            error = exc
        del fn  # nothing the work captured may be released on this thread after the hand-over
        self.finished = True
        if error is not None:
            self.signals.failed.emit(error)
        else:
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
            # the label first: a window-modal dialog handles the next updates inside setValue,
            # and a label set after it would put this older stage back over theirs
            if message:
                dialog.setLabelText(message)
            dialog.setValue(int(fraction * 1000))

        task.signals.progress.connect(show_progress)
        dialog.show()
    connected = [task.signals.progress] if dialog is not None else []

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        for signal in connected:
            signal.disconnect()  # the callbacks (and the widgets they hold) go on this thread
        task.release()
        _finished.append(task)
        _running.discard(task)
        if dialog is not None:
            dialog.reset()
            dialog.hide()
        handler(value)

    task.signals.done.connect(lambda r: finish(on_done, r))
    task.signals.failed.connect(lambda e: finish(on_error, e))
    connected += [task.signals.done, task.signals.failed]
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
