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
