#!/usr/bin/env python3
"""Set up riskdesk in ./.venv and run it: the README's two quick-start commands.

    python3 tasks.py demo   # set up, build the demo database of real credit data, open the app
    python3 tasks.py test   # set up with test extras, run the whole test suite: tests/core in
                            # a second venv without PySide6 (.venv-core: the core needs no Qt),
                            # then tests/ui; with arguments, pytest with them in ./.venv
    python3 tasks.py screens  # set up with test extras, remake docs/guide/screens (the guide's
                              # pictures; the tests make them in a temporary folder only)

Works on Windows, macOS and Linux with Python 3.11+; extra arguments go to riskdesk / pytest /
riskdesk.ui.screens.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
CORE_VENV = ROOT / ".venv-core"
CORE_PY = CORE_VENV / ("Scripts" if os.name == "nt" else "bin") / (
    "python.exe" if os.name == "nt" else "python")
CORE_TEST_TOOLS = ["pytest>=8", "pytest-xdist>=3.6", "hypothesis>=6.100", "keyrings.alt>=5"]


def sh(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("riskdesk needs Python 3.11 or newer")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(PY, "-m", "pip", "install", "-q", "--upgrade", "pip", "setuptools>=77", "wheel",
       "pyside6-essentials>=6.8")
    sh(PY, "-m", "pip", "install", "-q", "--no-build-isolation", "-e", f".[{extras}]"
       if extras else ".")
    sh(PY, "-c", "import setup", env={**os.environ, "RISKDESK_COMPILE_ONLY": "1"})


def setup_core() -> None:
    """A venv with riskdesk's dependencies except PySide6, for tests/core: proof that the core
    (everything outside riskdesk.ui) imports and works with no Qt installed. riskdesk itself is
    not installed there (building it compiles the translations with Qt's tools); the tests run
    from the checkout, which is first on the path."""
    import tomllib

    if not CORE_PY.exists():
        venv.EnvBuilder(with_pip=True).create(CORE_VENV)
    needs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = [d for d in needs["project"]["dependencies"]
            if not d.lower().replace("_", "-").startswith("pyside6")]
    sh(CORE_PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
    sh(CORE_PY, "-m", "pip", "install", "-q", *deps, *CORE_TEST_TOOLS)
    probe = subprocess.run([str(CORE_PY), "-c", "import PySide6"], capture_output=True)
    if probe.returncode == 0:
        sys.exit(f"{CORE_VENV} has PySide6 installed: remove the folder and run again")


def keyring_fallback(env: dict[str, str]) -> dict[str, str]:
    """A machine with no OS keyring service (a bare Linux box) gets a file keyring, with a
    warning: fine for the demo, never for real data (docs/keys.md)."""
    if "PYTHON_KEYRING_BACKEND" in env:
        return env
    probe = subprocess.run([str(PY), "-c", "import keyring, keyring.backends.fail as f; "
                            "print(isinstance(keyring.get_keyring(), f.Keyring))"],
                           capture_output=True, text=True, cwd=ROOT)
    if probe.stdout.strip() == "True":
        print("note: no OS keyring service found; the demo keeps its data key in a plain file "
              "keyring (keyrings.alt). Use a real keyring for real data.")
        sh(PY, "-m", "pip", "install", "-q", "keyrings.alt")
        return {**env, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
    return env


def window_problem(env: dict[str, str]) -> str | None:
    """Why riskdesk's window cannot open on this machine, or None. Qt aborts the process (exit
    134) when it cannot load its platform plugin, after the demo database was built."""
    if env.get("QT_QPA_PLATFORM"):
        return None  # a platform chosen on purpose (offscreen, vnc ...)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY")
                                                 or env.get("WAYLAND_DISPLAY")):
        return "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    try:  # a display is named: can Qt really open it here?
        probe = subprocess.run([str(PY), "-c", "from PySide6.QtWidgets import QApplication; "
                                "QApplication([])"], capture_output=True, text=True, cwd=ROOT,
                               env=env, timeout=60)
    except subprocess.TimeoutExpired:
        return "Qt did not start within 60 s"
    if probe.returncode == 0:
        return None
    if "xcb-cursor" in probe.stderr:
        return (f"Qt could not load its xcb platform plugin for display "
                f"{env.get('DISPLAY', '')!r}: it needs the system library libxcb-cursor0 "
                "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0) and a display it can "
                "reach")
    said = [line for line in probe.stderr.splitlines() if line.strip()]
    return "Qt cannot open a window here: " + (said[-1] if said else
                                               f"exit {probe.returncode}")


def demo_args(rest: list[str], env: dict[str, str]) -> list[str]:
    """The demo's arguments: with ``--no-gui`` added, and the reason said, where the window
    cannot open (the database is built all the same)."""
    if "--no-gui" in rest or "--help" in rest or "-h" in rest:
        return rest
    problem = window_problem(env)
    if problem is None:
        return rest
    db = f" --db {rest[rest.index('--db') + 1]}" if "--db" in rest[:-1] else ""
    print(f"note: the riskdesk window cannot open on this machine: {problem}. Building the demo "
          "database only (--no-gui); open it where a window can open with "
          f"`{BIN / 'riskdesk'} gui{db}` (users and password below).", flush=True)
    return [*rest, "--no-gui"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test", "screens"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "demo":
        setup("")
        env = keyring_fallback(dict(os.environ))
        return subprocess.run([str(PY), "-m", "riskdesk", "demo", *demo_args(rest, env)],
                              cwd=ROOT, env=env).returncode
    setup("test")
    if command == "screens":  # riskdesk/ui/screens.py, the code the screens test runs
        return subprocess.run([str(PY), "-m", "riskdesk.ui.screens",
                               str(ROOT / "docs" / "guide" / "screens"), *rest],
                              cwd=ROOT).returncode
    env = {"QT_QPA_PLATFORM": "offscreen", "RISKDESK_THREADS": "1",  # 2 xdist workers
           "OMP_WAIT_POLICY": "PASSIVE", **os.environ}
    pytest = ["-m", "pytest", "-n", "2", "--dist", "loadgroup"]
    if rest:  # chosen tests: the full venv runs them all
        return subprocess.run([str(PY), *pytest, *rest], cwd=ROOT, env=env).returncode
    setup_core()
    core = subprocess.run([str(CORE_PY), *pytest, "tests/core"], cwd=ROOT, env=env).returncode
    ui = subprocess.run([str(PY), *pytest, "tests/ui"], cwd=ROOT, env=env).returncode
    print(f"tests/core (no PySide6): {'passed' if core == 0 else 'FAILED'}; "
          f"tests/ui: {'passed' if ui == 0 else 'FAILED'}", flush=True)
    return core or ui


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
