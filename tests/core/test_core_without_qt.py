"""The core never imports Qt (issue 3): every module outside riskdesk.ui imports with PySide6
blocked."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt is blocked in core modules")
        return None

sys.meta_path.insert(0, Block())
import riskdesk
names = []
for info in pkgutil.walk_packages(riskdesk.__path__, "riskdesk."):
    if info.name.startswith(("riskdesk.ui", "riskdesk.migrations", "riskdesk.__main__")):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert "PySide6" not in sys.modules
print(len(names))
"""


def test_core_modules_import_with_qt_blocked() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 25
