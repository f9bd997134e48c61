"""Translations (issue 3): the catalogue is complete and current, and a window shown in Chinese
has no English left in it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from sqlalchemy import Engine

from riskdesk import i18n
from riskdesk.services.admin.backend import Backend
from riskdesk.ui.i18n import install_translators
from riskdesk.ui.main_window import MainWindow
from tests.helpers import ROOT
from tests.ui.texts import ALLOWED_SAME, TS, every_text, ts_messages


def test_catalogue_has_no_unfinished_entries() -> None:
    messages = ts_messages(TS)
    assert len(messages) > 100
    for key, m in messages.items():
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None and (tr.text or "").strip(), key


def test_lupdate_finds_no_new_strings(tmp_path: Path) -> None:
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "riskdesk").rglob("*.py"))
    subprocess.run([tool, "-no-obsolete", *files, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    assert set(ts_messages(fresh)) == set(ts_messages(TS))


def test_no_tr_inside_f_strings() -> None:
    """pyside6-lupdate does not look inside f-string braces: a tr() there never reaches the
    catalogue and stays English in a Chinese window."""
    import re

    inside = re.compile(r"""\bf(["'])[^"']*\{[^}]*\b(tr\(|translate\([^,]*,)\s*["']""")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "riskdesk").rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if inside.search(line)]
    assert not found, found


def _visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
    for a in window.findChildren(QAction):
        texts.append(a.text())
    model = window.table.model()  # type: ignore[attr-defined]
    for c in range(model.columnCount()):
        texts.append(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Horizontal))
    for c in (5, 6, 10):
        texts.append(model.index(0, c).data())
    return [t for t in texts if t]


def test_main_window_in_chinese_has_no_english_source_left(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict) -> None:
    from riskdesk.services.intake.applications import import_frame
    from tests.helpers import sample

    import_frame(sqlite_engine, sqlite_actors["officer"], frame=sample(3), file_name="t",
                 sha256="0" * 64)
    app = QApplication.instance()
    sources = {src for _, src in ts_messages(TS)}
    translators = install_translators(app, "zh_CN")
    try:
        window = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]))
        qtbot.addWidget(window)
        texts = _visible_texts(window)
        english = [t for t in texts if t in sources and t not in ALLOWED_SAME]
        assert not english, english
        assert "导入申请…" in texts and "申请编号" in texts
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)


def test_dialogs_in_chinese_have_no_english_source_left(qtbot: Any) -> None:
    import pandas as pd

    from riskdesk.services.intake.applications import ImportResult
    from riskdesk.ui.import_problems import ImportProblemsDialog
    from riskdesk.ui.signin import FirstAdminDialog, SignInDialog

    app = QApplication.instance()
    sources = {src for _, src in ts_messages(TS)}
    translators = install_translators(app, "zh_CN")
    try:
        result = ImportResult("refused", None, "a.csv", "0" * 64, "csv-utf-8", 3, rejected=1,
                              problems=pd.DataFrame([{"row": 2, "column": "amount",
                                                      "value": "-1", "reason": "x"}]))
        for dialog in (SignInDialog(lambda a, b: None), FirstAdminDialog(lambda a, b: None),
                       ImportProblemsDialog(result)):
            qtbot.addWidget(dialog)
            texts = [dialog.windowTitle()]
            texts += [w.text() for w in dialog.findChildren(QLabel)]
            texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
            english = [t for t in texts if t in sources and t not in ALLOWED_SAME]
            assert not english, (type(dialog).__name__, english)
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)




def test_every_tab_and_dialog_in_chinese_has_no_english_source_left(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict, tmp_path: Path,
        sqlite_scored: tuple[int, int]) -> None:
    from riskdesk.ui.cases.detail import CaseDialog

    case_id, _ = sqlite_scored
    app = QApplication.instance()
    sources = {src for _, src in ts_messages(TS)}
    translators = install_translators(app, "zh_CN")
    try:
        for who in ("compliance", "admin", "senior"):
            window = MainWindow(Backend(sqlite_engine, sqlite_actors[who]))
            qtbot.addWidget(window)
            shown: list[QWidget] = [window, window.open_settings()]
            if who == "senior":
                shown.append(CaseDialog(Backend(sqlite_engine, sqlite_actors[who]), case_id,
                                        window.dialogs, window))
            if who == "admin":
                shown.append(window.open_admin())
            data = {"officer", "senior", "admin", "compliance", "auditor"}  # user names
            for widget in shown:
                english = sorted({t for t in every_text(widget) if t in sources
                                  and t not in ALLOWED_SAME | data | {"SHA-256", "MCC"}})
                assert not english, (who, type(widget).__name__, english)
            window.close()
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.install(None)
