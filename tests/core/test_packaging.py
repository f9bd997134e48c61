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


def _copy_of_the_source(tree: Path) -> Path:
    """What the wheel is built from, copied: a build in the work tree would leave build/,
    riskdesk.egg-info and the compiled translations there (issue 22: the tests leave the
    checkout alone), and an old build/lib could slip a deleted module into the wheel."""
    import shutil

    tree.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for folder in ("riskdesk", "resources", "docs/guide"):
        shutil.copytree(ROOT / folder, tree / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    return tree


@pytest.mark.packaging
@pytest.mark.xdist_group("packaging")
def test_wheel_installs_and_upgrades_a_database(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    source = _copy_of_the_source(tmp_path / "source")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(source)], check=True, capture_output=True, cwd=source)
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
    assert (Path(where[1]) / "help" / "user-guide-zh.md").exists()
    assert (Path(where[1]) / "help" / "screens" / "queue-zh.png").exists()
    up = subprocess.run([str(bindir / "riskdesk"), "db", "upgrade", "--db",
                         str(work / "fresh.sqlite")], capture_output=True, text=True, cwd=work,
                        env=env)
    assert up.returncode == 0, up.stderr
    assert f"revision {migrate.head_revision()}" in up.stdout






def test_installer_script_points_at_what_the_spec_builds() -> None:
    """ISCC cannot run here; what can go stale can be checked: the folder and executables the
    .iss installs are the ones the spec names, and the icon it uses exists."""
    import re

    iss = (ROOT / "packaging" / "riskdesk.iss").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "riskdesk.spec").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', iss, re.M))
    assert defines["AppDir"] == r"..\dist\riskdesk" and 'name="riskdesk")' in spec
    assert defines["AppExe"] == "riskdesk-gui.exe" and 'name="riskdesk-gui"' in spec
    assert 'name="riskdesk", console=True' in spec
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon and (ROOT / "packaging" / icon.group(1).replace("\\", "/")).is_file()
    assert 'ROOT / "resources" / "icons" / "riskdesk.ico"' in spec
    assert "ChineseSimplified.isl" in iss and "PrivilegesRequired=admin" in iss
