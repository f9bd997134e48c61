"""Build hooks that pyproject.toml cannot express.

The top-level ``resources/`` folder (and ``docs/guide``, the user guide, as its ``help``) ships
inside the wheel as ``riskdesk.resources`` so an
installed app (and a PyInstaller build) finds it next to the code, and the Qt translations are
compiled from ``.ts`` to ``.qm`` at build time rather than committed as binaries.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent


def compile_translations() -> None:
    exe = "pyside6-lrelease" + (".exe" if os.name == "nt" else "")
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / exe)
    for ts in sorted((HERE / "resources" / "i18n").glob("*.ts")):
        subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        super().run()


if os.environ.get("RISKDESK_COMPILE_ONLY"):  # tasks.py: compile translations in a checkout
    compile_translations()
else:
    setup(
        packages=find_packages(include=["riskdesk", "riskdesk.*"])
        + ["riskdesk.resources", "riskdesk.resources.help"],
        # The user guide's source is docs/guide (the tests write its screenshots there).
        package_dir={"riskdesk.resources": "resources", "riskdesk.resources.help": "docs/guide"},
        package_data={
            "riskdesk": ["migrations/script.py.mako"],
            "riskdesk.resources": ["**/*"],
            "riskdesk.resources.help": ["*.md", "screens/*.png"],
        },
        exclude_package_data={"riskdesk.resources": ["**/*.ts"]},
        cmdclass={"build_py": BuildPyWithTranslations},
    )
