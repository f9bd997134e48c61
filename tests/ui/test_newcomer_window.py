"""A newcomer's first steps in the window."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from riskdesk.services.admin.backend import Backend
from tests.helpers import activate_default, flagged_and_cases


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
                         write_csv(sample(60, seed=11), tmp_path / "a.csv"))
    flagged, cases = flagged_and_cases(sqlite_engine)
    assert result.flagged == flagged > 0 and result.cases_opened == cases > 0
    dialogs = Recorded()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(window)
    window._import_done(result)
    assert (f"a.csv: 60 rows, 60 imported, {flagged} flagged, {cases} cases opened, "
            "0 already present.") in dialogs.infos[-1]
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
