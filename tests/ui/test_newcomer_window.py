"""A newcomer's first steps in the window."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from riskdesk.services.admin.backend import Backend
from tests.helpers import ROOT, activate_default, flagged_and_cases, fresh_home, headless_env


def _build_output(tmp_path: Path, hook: str) -> str:
    """A copy of what the build reads (never the work tree: a build writes build/ and
    *.egg-info beside setup.py), built by setuptools' own hook in a fresh process."""
    import shutil
    import subprocess
    import sys

    tree = tmp_path / "tree"
    tree.mkdir(exist_ok=True)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for folder in ("riskdesk", "resources", "docs/guide"):
        if not (tree / folder).exists():
            shutil.copytree(ROOT / folder, tree / folder, ignore=shutil.ignore_patterns(
                "__pycache__", "*.qm"))
    out = tmp_path / f"out-{hook}"
    done = subprocess.run([sys.executable, "-W", "default", "-c",
                           f"from setuptools import build_meta as b; print(b.{hook}({str(out)!r}))"],
                          cwd=tree, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout + done.stderr


def test_gui_import_message_says_flagged_and_cases_in_both_languages(
        qtbot: Any, sqlite_engine: Any, sqlite_actors: dict[str, Any], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from riskdesk import i18n
    from riskdesk.services.intake.applications import import_file
    from riskdesk.ui.dialogs import Dialogs
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow
    from tests.helpers import sample, write_csv

    class Recorded(Dialogs):
        def __init__(self) -> None:
            self.infos: list[str] = []

        def info(self, parent: QWidget, title: str, text: str) -> None:
            self.infos.append(text)

    activate_default(sqlite_engine, sqlite_actors)
    result = import_file(sqlite_engine, sqlite_actors["officer"],
                         path=write_csv(sample(60, seed=11), tmp_path / "a.csv"))
    flagged, cases = flagged_and_cases(sqlite_engine)
    assert result.flagged == flagged > 0 and result.cases_opened == cases > 0
    dialogs = Recorded()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window._import_done(result)
    assert (f"a.csv: rows 60, imported 60, flagged {flagged}, cases opened {cases}, "
            "already present 0.") in dialogs.infos[-1]
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")  # type: ignore[arg-type]
    try:
        chinese = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
        qtbot.addWidget(chinese)
        chinese._import_done(result)
        assert (f"a.csv：共 60 行，导入 60 行，其中标记 {flagged} 笔、开立案件 {cases} 件，"
                "已存在 0 行。") in dialogs.infos[-1]
    finally:
        for t in translators:
            app.removeTranslator(t)  # type: ignore[union-attr]
        i18n.install(None)


def test_first_administrator_of_a_new_file_names_it_and_cancel_leaves_nothing(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    from riskdesk.services.admin.backend import open_database
    from riskdesk.ui import app
    from riskdesk.ui.signin import FirstAdminDialog

    shown: list[str] = []

    def cancel(dialog: FirstAdminDialog) -> int:
        qtbot.addWidget(dialog)
        shown.extend(label.text() for label in dialog.findChildren(QLabel))
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(FirstAdminDialog, "exec", cancel)
    new = tmp_path / "new.sqlite"
    entrance = open_database(str(new))
    assert app._sign_in(entrance, None, interactive=True) is None
    entrance.close()
    assert any(str(new) in text and "riskdesk demo" in text for text in shown), shown
    assert not new.exists()


def test_settings_connection_test_creates_no_database(
        qtbot: Any, sqlite_engine: Any, sqlite_actors: dict[str, Any], tmp_path: Path) -> None:
    from riskdesk.ui.dialogs import Dialogs
    from riskdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Backend(sqlite_engine, sqlite_actors["admin"]), Dialogs())
    qtbot.addWidget(dialog)
    missing = tmp_path / "typo.sqlite"
    dialog.db.setText(str(missing))
    assert not dialog.test_connection()
    assert str(missing) in dialog.connection_label.text() and not missing.exists()


@pytest.mark.packaging
@pytest.mark.parametrize("hook", ["build_wheel", "build_editable"])
def test_the_build_prints_no_setuptools_warnings(tmp_path: Path, hook: str) -> None:
    """`tasks.py` installs riskdesk editable on every run: its build used to print about 250
    lines of setuptools warnings (license table deprecated, resource folders absent from the
    packages, the editable finder's note) that hid what mattered."""
    printed = _build_output(tmp_path, hook)
    warnings = [line for line in printed.splitlines()
                if ("warning" in line.lower() or "!!" in line or "deprecat" in line.lower())
                and "byte-compiling is disabled" not in line]
    assert warnings == []


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="Linux displays")
def test_gui_without_a_display_says_so_instead_of_aborting(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "riskdesk", "gui", "--db",
                           str(tmp_path / "x.sqlite")], capture_output=True, text=True,
                          cwd=ROOT, env=headless_env(), timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "no display" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_after_demo_a_bare_gui_and_import_open_the_demo_database(tmp_path: Path) -> None:
    """Issue 22: after `tasks.py demo`, `riskdesk gui --user officer` without --db used to
    make an empty riskdesk.sqlite and answer only "sign-in refused"."""
    from riskdesk.demo.frame import DEMO_PASSWORD
    from tests.helpers import run_cli, sample, write_csv

    home = fresh_home(tmp_path)
    built = run_cli("demo", "--no-gui", "--rows", "300", env=home)
    assert built.returncode == 0, built.stderr
    data = Path(home["XDG_DATA_HOME"]) / "riskdesk"
    demo = data / "demo.sqlite"
    assert demo.exists() and "is now the default database" in built.stdout
    env = {**home, "RISKDESK_PASSWORD": DEMO_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    shot = run_cli("gui", "--user", "officer", "--screenshot", str(tmp_path / "q.png"), env=env)
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "q.png").stat().st_size > 0
    imported = run_cli("import", str(write_csv(sample(4, prefix="N"), tmp_path / "n.csv")),
                       "--user", "officer", env=env)
    assert imported.returncode == 0, imported.stderr
    assert "4 imported" in imported.stdout
    assert not (data / "riskdesk.sqlite").exists()
    again = run_cli("demo", "--no-gui", env=home)  # built once; recorded once
    assert again.returncode == 0 and "already holds" in again.stdout
    assert "is now the default" not in again.stdout


def test_a_command_on_a_missing_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    from tests.helpers import run_cli, sample, write_csv

    home = fresh_home(tmp_path)
    env = {**home, "RISKDESK_PASSWORD": "whatever-it-is", "QT_QPA_PLATFORM": "offscreen"}
    default = Path(home["XDG_DATA_HOME"]) / "riskdesk" / "riskdesk.sqlite"
    csv = str(write_csv(sample(3), tmp_path / "a.csv"))
    bare = run_cli("import", csv, "--user", "officer", env=env)
    assert bare.returncode == 1, bare.stderr
    assert str(default) in bare.stderr and "riskdesk demo`" in bare.stderr
    assert "riskdesk user add NAME --role admin`" in bare.stderr
    elsewhere = tmp_path / "none.sqlite"
    for args in (("import", csv, "--user", "officer"), ("audit", "verify"), ("db", "current"),
                 ("model", "list"), ("report", "verify", csv),
                 ("gui", "--user", "officer", "--screenshot", str(tmp_path / "x.png"))):
        done = run_cli(*args, "--db", str(elsewhere), env=env)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert f"There is no database at {elsewhere}" in done.stderr, (args, done.stderr)
        assert f"riskdesk demo --db {elsewhere}" in done.stderr
    assert not default.exists() and not elsewhere.exists()
    assert not (tmp_path / "x.png").exists()


def test_a_database_without_users_says_which_and_what_to_do(tmp_path: Path) -> None:
    from tests.helpers import run_cli, sample, write_csv

    env = {**fresh_home(tmp_path), "RISKDESK_PASSWORD": "whatever-it-is",
           "QT_QPA_PLATFORM": "offscreen"}
    empty = tmp_path / "empty.sqlite"
    assert run_cli("db", "upgrade", "--db", str(empty), env=env).returncode == 0
    csv = str(write_csv(sample(3), tmp_path / "a.csv"))
    for args in (("import", csv, "--user", "officer"), ("import", csv),
                 ("gui", "--user", "officer", "--screenshot", str(tmp_path / "x.png"))):
        done = run_cli(*args, "--db", str(empty), env=env)
        assert done.returncode == 1, (args, done.stderr)
        assert f"The database {empty} has no users yet" in done.stderr, (args, done.stderr)
        assert f"riskdesk demo --db {empty}" in done.stderr
        assert f"riskdesk user add NAME --role admin --db {empty}" in done.stderr
