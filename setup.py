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
import warnings
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
# `pip install -e .` (tasks.py) says on every run that the editable install uses a finder and
# that folders named like the package may shadow it: information, not a problem, and 10 lines.
warnings.filterwarnings("ignore", message="Editable installation")


def data_packages(package: str, folder: Path) -> list[str]:
    """``package`` (at ``folder``) and every folder below it: Python can import a data folder
    as a package, so setuptools warns about each one the configuration leaves out."""
    below = sorted(p.relative_to(folder).parts for p in folder.rglob("*") if p.is_dir()
                   and all(part.isidentifier() for part in p.relative_to(folder).parts))
    return [package] + [".".join((package, *parts)) for parts in below]


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
        + data_packages("riskdesk.resources.help", HERE / "docs" / "guide")
        + data_packages("riskdesk.resources", HERE / "resources"),
        # The user guide's source is docs/guide (`tasks.py screens` writes its screenshots).
        package_dir={"riskdesk.resources": "resources", "riskdesk.resources.help": "docs/guide"},
        package_data={
            "riskdesk": ["migrations/script.py.mako"],
            "riskdesk.resources": ["**/*"],
            "riskdesk.resources.help": ["*.md", "screens/*.png"],
        },
        exclude_package_data={"riskdesk.resources": ["**/*.ts"]},
        cmdclass={"build_py": BuildPyWithTranslations},
    )
