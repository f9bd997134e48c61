"""The Help menu: the user guide (resources/help) in a window, in the interface's language,
its screenshots scaled to the reading width; and what About says."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImageReader, QTextCursor
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from riskdesk import __version__
from riskdesk.i18n import translate
from riskdesk.paths import help_dir
from riskdesk.services.admin.backend import Backend
from riskdesk.ui.operations import query


def guide_dialog(parent: QWidget) -> tuple[QDialog, QTextBrowser]:
    """The guide's dialog (not yet shown) and its text view."""
    lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
    folder = help_dir()
    text = (folder / f"user-guide-{lang}.md").read_text(encoding="utf-8")
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("MainWindow", "User guide"))
    dialog.resize(980, 720)
    view = QTextBrowser(dialog)
    view.setSearchPaths([str(folder)])  # the pictures: screens/*.png beside the guide
    view.setMarkdown(text)
    fit_pictures(view, folder, 900)
    QVBoxLayout(dialog).addWidget(view)
    return dialog, view


def fit_pictures(view: Any, folder: Path, width: int) -> None:
    """The guide's screenshots (1280 px wide) scaled to the reading width, not scrolled."""
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                size = QImageReader(str(folder / image.name())).size()
                if size.width() > width:
                    image.setWidth(width)
                    image.setHeight(size.height() * width / size.width())
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
            it += 1
        block = block.next()


def about_text(window: QWidget, backend: Backend, pack: Any) -> str:
    """Version, database (never its password), schema and the model in force."""
    from riskdesk.services.credit.registry import model_in_force
    from riskdesk.storage.migrate import head_revision

    model = query(window, model_in_force, title=translate("MainWindow", "About riskdesk"),
                  default=None)
    where = str(pack.path) if pack is not None else backend.location
    return translate("MainWindow", "riskdesk {version}\nDatabase: {db} (schema {schema})\n"
                     "Credit model: {model}").format(
        version=__version__, db=where, schema=head_revision(),
        model=(f"{model.id} {model.name}, " + translate("MainWindow", "approved by {who}").format(
            who=model.approved_by or "-") + _validation_due(model))
        if model else translate("MainWindow", "none active"))


def _validation_due(model: Any) -> str:
    """", next validation due 2027-12-07" or, past that date, marked overdue (issue 31)."""
    if model.next_validation_at is None:
        return ""
    day = f"{model.next_validation_at:%Y-%m-%d}"
    return ", " + (translate("MainWindow", "validation OVERDUE since {day}") if model.overdue
                   else translate("MainWindow", "next validation due {day}")).format(day=day)


def open_log_folder() -> bool:
    """The folder of the application's log (Help menu), opened in the system's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from riskdesk.logs import log_file

    folder = log_file().parent
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
