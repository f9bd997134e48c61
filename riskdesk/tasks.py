"""Progress and cancellation for long work, handed to core code instead of a widget.

The GUI's worker wraps this; the CLI passes one that prints nothing. Core code calls
:meth:`TaskState.check` between chunks, so Cancel rolls the whole transaction back.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from riskdesk.errors import Cancelled
from riskdesk.i18n import translate


class TaskState:
    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled(translate("Tasks", "Cancelled; nothing was saved."))

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        self.report(fraction, message)

    def report(self, fraction: float, message: str = "") -> None:
        """Progress past the point of no return (the work committed): a cancel asked now
        changes nothing, so it is not raised as one that saved nothing."""
        if self._on_progress is not None:
            self._on_progress(max(0.0, min(1.0, fraction)), message)

    def sub(self, start: float, end: float) -> TaskState:
        """A stage of this task: its 0..1 maps onto start..end here; cancel is shared."""
        child = TaskState(lambda f, m: self.progress(start + (end - start) * f, m))
        child._cancelled = self._cancelled
        return child
