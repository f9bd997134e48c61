"""The wheel carries the migrations, resources and compiled translations (issue 3): it is built,
installed into a fresh virtual environment and runs `riskdesk db upgrade` from there."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from riskdesk.storage import migrate
from tests.helpers import ROOT


@pytest.mark.packaging
@pytest.mark.xdist_group("packaging")
def test_wheel_installs_and_upgrades_a_database(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, cwd=ROOT)
    wheel = next(dist.glob("riskdesk-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    # Dependencies come from this environment; riskdesk itself only from the wheel.
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    Path(site.stdout.strip(), "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(py), "-c", "import riskdesk, riskdesk.paths as p; "
                            "print(riskdesk.__file__); print(p.resources_dir()); "
                            "print(p.migrations_dir())"], capture_output=True, text=True,
                           cwd=work, env=env, check=True).stdout.split()
    assert all(str(env_dir) in w for w in where), where
    assert (Path(where[1]) / "i18n" / "riskdesk_zh_CN.qm").exists()
    assert (Path(where[1]) / "data" / "lending_club.csv").exists()
    up = subprocess.run([str(bindir / "riskdesk"), "db", "upgrade", "--db",
                         str(work / "fresh.sqlite")], capture_output=True, text=True, cwd=work,
                        env=env)
    assert up.returncode == 0, up.stderr
    assert f"revision {migrate.head_revision()}" in up.stdout
