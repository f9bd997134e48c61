"""One start of a window, measured in the process that draws it (``bench start``, issue 35).

Run as ``python -m riskdesk.ui.bench_start bare|signed-in ...`` in a fresh process by
:mod:`riskdesk.bench.start` (and by the GUI test that checks what the window imports). It
prints one JSON line when the window is shown and drawn: the wall clock then (the parent
subtracts its own clock at launch, so the interpreter's start counts), the peak resident
memory so far, the heavy packages loaded by then, and for the signed-in window when its
imports, its sign-in and its build ended.

Both windows are drawn the same way: 1280x800, ``show()``, pending events processed, then
``grab()`` (a full paint, as ``gui --screenshot`` does).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from typing import Any

from riskdesk.bench.start import HEAVY, SCHEMA_TOOLS  # none is needed to show the window

SIZE = (1280, 800)
BARE_ROWS, BARE_COLUMNS = 50, 12  # about what the queue's first page shows


def _drawn(app: Any, window: Any) -> None:
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.grab()


def bare() -> dict[str, Any]:
    """A bare PySide6 main window with a table of text cells: the floor of any Qt window."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    model = QStandardItemModel(BARE_ROWS, BARE_COLUMNS)
    for r in range(BARE_ROWS):
        for c in range(BARE_COLUMNS):
            model.setItem(r, c, QStandardItem(f"cell {r}.{c}"))
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    _drawn(app, window)
    return {}


def signed_in(db: str, user: str, lang: str | None) -> dict[str, Any]:
    """The main window as ``riskdesk gui`` opens it: the same imports, translators, database
    opening and sign-in (with its password-based key derivation), then the window; the
    garbage collector paused as there."""
    marks: dict[str, float] = {}
    from riskdesk.collector import paused_for_the_start
    from riskdesk.ui.app import _sign_in, application

    with paused_for_the_start():  # as ui.app.run: no cyclic collection until the window shows
        from riskdesk.services.admin.backend import open_database
        from riskdesk.ui.i18n import install_translators
        from riskdesk.ui.main_window import MainWindow

        marks["imported"] = time.time()
        app = application()
        install_translators(app, lang)
        backend = _sign_in(open_database(db, create=False), user, interactive=False)
        if backend is None:
            raise SystemExit(f"sign-in refused for {user} on {db} "
                             "(password from RISKDESK_PASSWORD)")
        marks["signed_in"] = time.time()
        window = MainWindow(backend)
        marks["built"] = time.time()
        _drawn(app, window)
    return marks


def peak_mib() -> float:
    """This process's peak resident memory. On Linux the kernel's high-water mark of this
    program's own address space: ``ru_maxrss`` would also count the parent's pages the process
    had between fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m riskdesk.ui.bench_start")
    parser.add_argument("window", choices=("bare", "signed-in"))
    parser.add_argument("--db")
    parser.add_argument("--user")
    parser.add_argument("--lang")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.window == "bare":
        marks = bare()
    else:
        if not args.db or not args.user:
            parser.error("signed-in needs --db and --user")
        marks = signed_in(args.db, args.user, args.lang)
    shown = time.time()
    print(json.dumps({"shown": shown, "peak_mib": peak_mib(), **marks,
                      "heavy": [m for m in HEAVY if m in sys.modules],
                      "schema_tools": [m for m in SCHEMA_TOOLS if m in sys.modules]}),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
