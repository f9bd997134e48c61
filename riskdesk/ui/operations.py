"""Operations: a window's calls into the services, with the error shown the same way everywhere.

After Anki's ``QueryOp`` / ``CollectionOp``: a window (anything with ``backend`` and ``dialogs``)
hands a service function to :func:`read_op` or :func:`write_op`; the backend opens the unit of
work and calls ``fn(session, actor, *args)``. A quick read runs on the GUI thread; ``slow=True``
runs it on the thread pool through :func:`riskdesk.ui.worker.run_task`. Either way ``on_done``
gets the result on the GUI thread, and a refusal (a :class:`RiskdeskError`: no permission, a
save over someone else's change, the database locked) is shown in an error dialog titled
``title`` (or handed to ``on_error``), with nothing saved.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Call
from riskdesk.ui.worker import BackgroundTask, run_task

T = TypeVar("T")


def _fail(owner: Any, title: str,
          on_error: Callable[[BaseException], None] | None) -> Callable[[BaseException], None]:
    def failed(error: BaseException) -> None:
        if on_error is not None:
            on_error(error)
        elif isinstance(error, RiskdeskError):
            owner.dialogs.error(owner, title, str(error))
        else:
            raise error

    return failed


def _run_read(owner: QWidget, thunk: Callable[[], T], title: str, on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None] | None,
              slow: bool) -> BackgroundTask | None:
    failed = _fail(owner, title, on_error)
    if slow:
        return run_task(owner, lambda _state: thunk(), label="", on_done=on_done,
                        on_error=failed)
    try:
        result = thunk()
    except RiskdeskError as exc:
        failed(exc)
        return None
    on_done(result)
    return None


def read_op(owner: QWidget, fn: Callable[..., T], *args: Any, title: str,
            on_done: Callable[[T], None], on_error: Callable[[BaseException], None] | None = None,
            slow: bool = False, **kw: Any) -> BackgroundTask | None:
    """``owner.backend.read(fn, *args, **kw)``, its result to ``on_done``; a refusal is shown."""
    backend = owner.backend  # type: ignore[attr-defined]
    return _run_read(owner, lambda: backend.read(fn, *args, **kw), title, on_done, on_error,
                     slow)


def reads_op(owner: QWidget, *calls: Call[Any], title: str,
             on_done: Callable[[tuple[Any, ...]], None],
             on_error: Callable[[BaseException], None] | None = None,
             slow: bool = False) -> BackgroundTask | None:
    """Several reads in one transaction (``backend.read_all``): their results as a tuple."""
    backend = owner.backend  # type: ignore[attr-defined]
    return _run_read(owner, lambda: backend.read_all(*calls), title, on_done, on_error, slow)


def write_op(owner: QWidget, fn: Callable[..., T], *args: Any, title: str,
             on_done: Callable[[T], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kw: Any) -> bool:
    """``owner.backend.write(fn, *args, **kw)`` in one transaction on the GUI thread (a
    decision, a note: quick, and the window waits for it). True when saved."""
    backend = owner.backend  # type: ignore[attr-defined]
    try:
        result = backend.write(fn, *args, **kw)
    except RiskdeskError as exc:
        _fail(owner, title, on_error)(exc)
        return False
    if on_done is not None:
        on_done(result)
    return True


def query(owner: QWidget, fn: Callable[..., T], *args: Any, title: str, default: T,
          **kw: Any) -> T:
    """A quick read whose result the caller uses at once; ``default`` after a shown refusal."""
    box: list[T] = [default]

    def keep(result: T) -> None:
        box[0] = result

    read_op(owner, fn, *args, title=title, on_done=keep, **kw)
    return box[0]
