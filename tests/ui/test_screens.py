"""Every main window in Chinese and in English, on the demo database of real data (issue 12):
no label, button or combo box cut short at 1280x800, no English left in the Chinese windows,
dates written the locale's way. The pictures are made by riskdesk.ui.screens, the code of
`python3 tasks.py screens` that writes them into docs/guide/screens for the user guide and the
README; here they go to a temporary folder (issue 22: the tests leave the checkout alone)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from riskdesk.ui import screens
from riskdesk.ui.app import SCREENSHOT_SIZE as SIZE
from riskdesk.ui.fit import combo_width_for
from tests.helpers import ROOT
from tests.ui.texts import ALLOWED_SAME, TS, every_text, ts_messages

SCREENS = ROOT / "docs" / "guide" / "screens"  # what `tasks.py screens` writes; read only here
# Words that are the same in both languages: user names, codes, abbreviations.
SAME = ALLOWED_SAME | {"officer", "senior", "admin", "compliance", "auditor", "SHA-256", "MCC",
                       "SQLite", "PostgreSQL", "MariaDB"}
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z]{3,}(?: [A-Za-z]{3,})+\b")
TAG = re.compile(r"<[^>]*>")  # rich text's markup is not read
COMMAND = re.compile(r"\briskdesk(?: -*[a-z][a-z-]*)+")  # a command reads the same in both


def cut_short(root: QWidget) -> list[str]:
    """Widgets whose text does not fit the width the layout gave them."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        if isinstance(w, QComboBox):
            need = combo_width_for(w, w.currentText())
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton) and w.text():
            need = w.sizeHint().width()
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap():
            need = w.minimumSizeHint().width()
        else:
            continue
        if w.width() < need:
            text = w.currentText() if isinstance(w, QComboBox) else w.text()  # type: ignore
            out.append(f"{type(w).__name__} {text[:40]!r}: {w.width()} < {need} px")
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[screens.Demo]:
    """The demo database the guide's pictures are made on, built as `tasks.py screens` does."""
    built = screens.build(tmp_path_factory.mktemp("screens") / "demo.sqlite")
    yield built
    built.close()


@pytest.mark.slow
@pytest.mark.xdist_group("screens")
def test_every_main_window_fits_reads_in_its_language_and_is_pictured(
        qtbot: Any, demo: screens.Demo, tmp_path: Path) -> None:
    """The pictures `tasks.py screens` makes, made here into tmp_path and checked on the way."""
    sources = {src for _, src in ts_messages(TS)}
    problems: list[str] = []
    seen: list[str] = []

    def check(name: str, widget: QWidget) -> None:
        zh = name.endswith("-zh")
        seen.append(name)
        problems.extend(f"{name}: {p}" for p in cut_short(widget))
        problems.extend(f"{name}: date field without a 4-digit year: {e.displayFormat()}"
                        for e in widget.findChildren(QDateTimeEdit)
                        if "yyyy" not in e.displayFormat())
        if zh:
            english = sorted({t for t in every_text(widget) if t in sources} - SAME)
            problems.extend(f"{name}: English left: {t!r}" for t in english)
            # and English built into a text (issue 28: "demo model (bundled)" inside the
            # About text): two English words in a row anywhere a person reads
            phrases = sorted({m for t in every_text(widget)
                              for m in ENGLISH_PHRASE.findall(COMMAND.sub(" ", TAG.sub(" ", t)))}
                             - SAME)
            problems.extend(f"{name}: English left: {t!r}" for t in phrases)
        if QLocale().language() != (QLocale.Language.Chinese if zh
                                    else QLocale.Language.English):
            problems.append(f"{name}: locale {QLocale().name()}")
        base = name.rsplit("-", 1)[0]
        if base in (*screens.CASES, *(f"{c}-wide" for c in screens.CASES)):  # issue 26
            view = widget.view  # type: ignore[attr-defined]
            if view.horizontalScrollBar().maximum() > 0:
                problems.append(f"{name}: the case scrolls sideways")
            wide = base.endswith("-wide")
            if widget.size().width() != (screens.WIDE[0] if wide else SIZE[0]):
                problems.append(f"{name}: pictured at {widget.size().width()} px wide")
            if widget._columns != (3 if wide else 2):  # type: ignore[attr-defined]
                problems.append(f"{name}: the application's groups in "
                                f"{widget._columns} columns")  # type: ignore[attr-defined]
            banner = widget.banner  # type: ignore[attr-defined]
            state = {"case-check": "awaiting_check", "case-returned": "returned"}.get(
                base.removesuffix("-wide"))
            if (state is not None) != banner.isVisible():
                problems.append(f"{name}: four-eyes banner shown: {banner.isVisible()}")
            if state == "returned" and "单位电话" not in banner.text():
                problems.append(f"{name}: the checker's reason is not at the top")
            if state is not None and "工资流水" not in banner.text():
                problems.append(f"{name}: the maker's reason is not at the top")
        if base in ("case-postloan", "case-postloan-wide"):  # issue 26, item 4
            wide = base.endswith("-wide")
            if widget.size().width() != (screens.WIDE[0] if wide else SIZE[0]):
                problems.append(f"{name}: pictured at {widget.size().width()} px wide")
            if widget.view.horizontalScrollBar().maximum() > 0:  # type: ignore[attr-defined]
                problems.append(f"{name}: the case scrolls sideways")
            panel = widget.postloan  # type: ignore[attr-defined]
            if not panel.isVisible() or panel.view is None:
                problems.append(f"{name}: no post-loan actions")
            if any(widget.buttons[k].isVisible()  # type: ignore[attr-defined]
                   for k in ("approve", "decline", "request_info")):
                problems.append(f"{name}: pre-loan actions offered on a post-loan case")
            shown = widget.view.toPlainText()  # type: ignore[attr-defined]
            loan, score = ("贷款编号", "评分") if zh else ("Loan no.", "Score")
            if panel.view is not None and not (
                    0 <= shown.find(loan) < shown.find(panel.view.loan_no, shown.find(loan))
                    < shown.find(score)):
                problems.append(f"{name}: does not lead with the loan")
        if name.startswith("queue-"):
            due = widget.cases_model.index(0, 4).data()  # type: ignore[attr-defined]
            pattern = r"\d{4}/\d{2}/\d{2} " if zh else r"\d{2}/\d{2}/\d{4} "
            if not re.match(pattern, due or ""):
                problems.append(f"{name}: due date {due!r} not written the locale's way")

    out = tmp_path / "screens"
    committed = {p.name: p.stat().st_mtime_ns for p in SCREENS.iterdir()}
    made = screens.make(demo, out, work=tmp_path, check=check)
    assert {p.name: p.stat().st_mtime_ns for p in SCREENS.iterdir()} == committed
    assert not problems, "\n".join(problems)
    assert {p.name for p in made} == screens.file_names() == {f"{n}.png" for n in seen}
    assert {p.name for p in out.iterdir()} == screens.file_names()  # nothing half-written
    for picture in made:
        image = QImage(str(picture))
        assert not image.isNull(), picture
        if picture.stem.rsplit("-", 1)[0] in screens.TABS:
            assert (image.width(), image.height()) == SIZE, picture


def test_the_guide_shows_only_pictures_the_screens_command_makes() -> None:
    """Each guide points at pictures `tasks.py screens` makes, in its own language, and the
    committed folder holds exactly those."""
    made = screens.file_names()
    for lang in ("zh", "en"):
        guide = (ROOT / "docs" / "guide" / f"user-guide-{lang}.md").read_text(encoding="utf-8")
        shown = re.findall(r"\]\(screens/([^)]+)\)", guide)
        assert shown, lang
        assert set(shown) <= made, set(shown) - made
        assert all(s.endswith(f"-{lang}.png") for s in shown), shown
    assert {p.name for p in SCREENS.iterdir()} == made
