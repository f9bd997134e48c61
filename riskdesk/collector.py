"""Python's cyclic garbage collector paused around work that makes many objects and almost no
reference cycles: a bulk job's millions of rows (storage/bulk.py), the window's start (the
modules, tables and Qt wrappers that live as long as the process, ui/app.py). Each full
collection walks every live object; paused, the work does not pay for walking its own
results again and again. It imports nothing of riskdesk's, so pausing costs no imports."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees what
    is not in a cycle): for a million-row import about an eighth of its time, for the
    window's start 0.1-0.2 s. Nested or already paused: the outer pause decides."""
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def paused_for_the_start() -> Iterator[None]:
    """:func:`collector_paused` for a process's start, whose objects then stay for good: at
    the end they are frozen (``gc.freeze``), so that neither the first collection after the
    pause (0.05-0.1 s: everything made since it began is young) nor any later full one walks
    them. The price: the start's own cyclic garbage is never collected (for the window
    about 600 objects holding some 55,000 others, 4 MB)."""
    with collector_paused():
        yield
        gc.freeze()
