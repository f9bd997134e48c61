"""The PyInstaller app starts, scores and draws its window."""
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


_TEST_KEYRING = '''"""A file keyring for the packaging test only: the built app has no keyrings.alt and a bare
Linux box no keyring service, so keyring's own config (keyring-path) loads this from outside."""
import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["RISKDESK_TEST_KEYRING_FILE"])

    def _load(self) -> dict:
        return json.loads(self._path().read_text()) if self._path().exists() else {}

    def get_password(self, service, username):
        return self._load().get(service + "\\0" + username)

    def set_password(self, service, username, password):
        stored = self._load()
        stored[service + "\\0" + username] = password
        self._path().write_text(json.dumps(stored))

    def delete_password(self, service, username):
        stored = self._load()
        stored.pop(service + "\\0" + username, None)
        self._path().write_text(json.dumps(stored))
'''



@pytest.mark.packaging
@pytest.mark.slow
@pytest.mark.xdist_group("pyinstaller")
def test_pyinstaller_build_starts_scores_and_draws_the_window(tmp_path: Path) -> None:
    """packaging/riskdesk.spec builds a one-folder app that runs with no Python and no checkout:
    --version, a demo database built by the app itself (migrations, XGBoost scoring, keyring)
    and `gui --screenshot` offscreen in Chinese."""
    from PySide6.QtGui import QImage

    from riskdesk import __version__

    dist, work = tmp_path / "dist", tmp_path / "build"
    built = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level",
                            "ERROR", "--distpath", str(dist), "--workpath", str(work),
                            str(ROOT / "packaging" / "riskdesk.spec")],
                           capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr[-3000:]
    app_dir = dist / "riskdesk"
    exe = app_dir / ("riskdesk.exe" if os.name == "nt" else "riskdesk")
    assert (app_dir / ("riskdesk-gui.exe" if os.name == "nt" else "riskdesk-gui")).exists()
    internal = app_dir / "_internal"
    assert (internal / "resources" / "i18n" / "riskdesk_zh_CN.qm").exists()
    assert (internal / "riskdesk" / "migrations" / "env.py").exists()
    assert (internal / "resources" / "help" / "screens" / "case-zh.png").exists()

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "keyring-backend").mkdir(parents=True)
    (elsewhere / "keyring-backend" / "testkeyring.py").write_text(_TEST_KEYRING)
    config = elsewhere / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=testkeyring.FileKeyring\n"
        f"keyring-path={elsewhere / 'keyring-backend'}\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHON_KEYRING_BACKEND", "VIRTUAL_ENV")}
    env.update(XDG_CONFIG_HOME=str(elsewhere / "config"), XDG_DATA_HOME=str(elsewhere / "data"),
               XDG_STATE_HOME=str(elsewhere / "state"), HOME=str(elsewhere),
               RISKDESK_TEST_KEYRING_FILE=str(elsewhere / "keyring.json"),
               RISKDESK_PASSWORD="demo-password", QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=elsewhere,
                              env=env, timeout=300)

    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"riskdesk {__version__}"
    db = elsewhere / "demo.sqlite"
    demo = run("demo", "--no-gui", "--db", str(db))
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "new scores" in demo.stdout and "0 new scores" not in demo.stdout, demo.stdout
    current = run("db", "current", "--db", str(db))
    assert current.returncode == 0 and migrate.head_revision() in current.stdout, current.stdout

    shot = elsewhere / "window.png"
    gui = run("gui", "--db", str(db), "--user", "officer", "--lang", "zh_CN",
              "--screenshot", str(shot))
    assert gui.returncode == 0, gui.stderr[-3000:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20, "the window drew (almost) nothing"
    windowed = subprocess.run(  # the Start-menu executable: the window, arguments as for gui
        [str(app_dir / ("riskdesk-gui.exe" if os.name == "nt" else "riskdesk-gui")), "--db",
         str(db), "--user", "compliance", "--lang", "en", "--screenshot",
         str(elsewhere / "windowed.png")], capture_output=True, text=True, cwd=elsewhere,
        env=env, timeout=300)
    assert windowed.returncode == 0, windowed.stderr[-3000:]
    assert QImage(str(elsewhere / "windowed.png")).width() == 1280
    refused = run("gui", "--db", str(db), "--user", "nobody", "--screenshot", str(shot))
    assert refused.returncode != 0 and "nobody" in refused.stderr


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
