"""Where bundled files live in a source checkout, an installed wheel and a PyInstaller build."""
from __future__ import annotations

import sys
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def resources_dir() -> Path:
    candidates = [_PKG / "resources", _PKG.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for c in candidates:
        if (c / "data").is_dir():
            return c
    raise FileNotFoundError("riskdesk resources folder not found; reinstall riskdesk")


def migrations_dir() -> Path:
    return _PKG / "migrations"


def help_dir() -> Path:
    """The user guide and its screenshots: docs/guide in a checkout (its source, where
    `tasks.py screens` writes the screenshots), resources/help in a wheel or a PyInstaller
    build."""
    shipped = resources_dir() / "help"
    if (shipped / "user-guide-en.md").exists():
        return shipped
    checkout = _PKG.parent / "docs" / "guide"
    if (checkout / "user-guide-en.md").exists():
        return checkout
    raise FileNotFoundError("riskdesk user guide not found; reinstall riskdesk")
