"""`riskdesk gui`: the window (the default command); Qt only inside run_gui, through riskdesk.ui."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from riskdesk.cli.common import Subparsers, add_common
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    gui = sub.add_parser("gui", help="open the application window (default)")
    add_common(gui)
    gui.add_argument("--lang", help="zh_CN or en (default: the system locale)")
    gui.add_argument("--screenshot", type=Path, help="sign in as --user, save a 1280x800 PNG, exit")
    gui.add_argument("--case", metavar="APPLICATION_NO",
                     help="with --screenshot: capture that application's case window")


def no_display() -> str | None:
    """Why no window can open here, or None: on Linux without a display Qt aborts the
    process (exit 134) instead of saying so. A platform chosen with QT_QPA_PLATFORM
    (offscreen for screenshots) is left to Qt."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return "no window can open: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"


def run_gui(db: str | None, *, user: str | None, lang: str | None,
            screenshot: Path | None, case: str | None = None) -> int:
    from riskdesk.ui.app import run

    problem = no_display()
    if problem:
        raise RiskdeskError(f"{problem}. Use a desktop session, or QT_QPA_PLATFORM=offscreen "
                            "with --screenshot.")
    return run(db=db, user=user, lang=lang, screenshot=screenshot, case=case)
