"""What every table view in the window shares (issue 28): columns sized from their content
and kept per user, and "Export to Excel/CSV" in the context menu.

Columns: sized to the wider of the content and the header whenever rows arrive, so a list
that was empty when the tab opened does not keep header-wide columns ("TS-2…") once rows come;
a width the user drags is kept (QSettings, per user and table) and restored next time.

Export: the rows as the view model shows them (display text), which the read-model services
already masked for the user's role; written formula-safe and audited by
:func:`riskdesk.services.reporting.table_export.export_table`. The queue keeps its own service export
(services/cases/export.py), which pages through the whole view rather than the loaded rows."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTabWidget, QWidget

from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.reporting.table_export import export_table
from riskdesk.ui.dialogs import Dialogs

MAX_FIT = 420  # a long free-text column does not push the rest out of sight


def _settings_key(user: str, key: str) -> str:
    return f"columns/{user}/{key}"


class ColumnKeeper(QObject):
    """Fits ``view``'s columns to their content and remembers what the user drags. A child
    of the view: its connections end with the view."""

    def __init__(self, view: QTableView, key: str, user: str) -> None:
        super().__init__(view)
        self.view, self.key = view, _settings_key(user, key)
        self._fitting = False
        self.user_widths: dict[int, int] = {}
        stored = QSettings().value(self.key)
        if isinstance(stored, (list, tuple)):
            for i, width in enumerate(stored):
                try:
                    if int(width) > 0:
                        self.user_widths[i] = int(width)
                except (TypeError, ValueError):
                    continue
        header = view.horizontalHeader()
        header.sectionResized.connect(self._resized)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                signal.connect(self._later)
        self.fit()

    def _later(self, *_: Any) -> None:
        # after the view has taken the new rows; dropped if the view is gone by then
        if shiboken6.isValid(self.view):
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        view = self.view
        if not shiboken6.isValid(view):
            return
        model = view.model()
        if model is None:
            return
        header = view.horizontalHeader()
        self._fitting = True
        try:
            for column in range(model.columnCount()):
                if column in self.user_widths:
                    header.resizeSection(column, self.user_widths[column])
                    continue
                content = view.sizeHintForColumn(column) if model.rowCount() else 0
                width = max(content, header.sectionSizeHint(column))
                header.resizeSection(column, min(width, max(MAX_FIT,
                                                            header.sectionSizeHint(column))))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if (self._fitting or not self.view.isVisible()
                or QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton):
            return  # only a width the user drags is kept, never the program's own sizing
        header = self.view.horizontalHeader()
        if header.stretchLastSection() and column == header.count() - 1:
            return
        self.user_widths[column] = new
        count = header.count()
        QSettings().setValue(self.key, [self.user_widths.get(i, 0) for i in range(count)])


def table_rows(model: QAbstractItemModel) -> tuple[list[str], list[list[str]]]:
    """The headers and every row as the model displays them (more pages fetched first)."""
    root = QModelIndex()
    while model.canFetchMore(root):
        before = model.rowCount()
        model.fetchMore(root)
        if model.rowCount() == before:
            break
    display = Qt.ItemDataRole.DisplayRole
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, display) or "")
               for c in range(model.columnCount())]
    rows = [[str(model.data(model.index(r, c), display) or "")
             for c in range(model.columnCount())] for r in range(model.rowCount())]
    return headers, rows


def export_view(view: QAbstractItemView, backend: Backend, dialogs: Dialogs,
                title: str, parent: QWidget | None = None) -> int | None:
    """Asks for a file and writes the table there; the rows written, or None."""
    model = view.model()
    if model is None:
        return None
    parent = parent or view
    target = dialogs.save_export_file(parent, f"{title}.xlsx")
    if not target:
        return None
    headers, rows = table_rows(model)
    try:
        written = backend.write(export_table, path=Path(target), title=title,
                                headers=headers, rows=rows)
    except (RiskdeskError, OSError) as exc:
        dialogs.error(parent, QCoreApplication.translate("TableTools", "Not exported"),
                      str(exc))
        return None
    dialogs.info(parent, QCoreApplication.translate("TableTools", "Exported"),
                 QCoreApplication.translate("TableTools", "{n} rows written to {file}.")
                 .format(n=written, file=Path(target).name))
    return written


def add_export(view: QTableView, backend: Backend, dialogs: Dialogs, title: str, *,
               export: Callable[[], Any] | None = None, enabled: bool = True) -> QAction:
    """"Export to Excel/CSV..." in ``view``'s context menu (an action of the view, so a test
    can find it without opening the menu). ``export``: the table's own service export (the
    queue pages through its whole view); else the rows shown, through export_table."""
    action = QAction(QCoreApplication.translate("TableTools", "Export to Excel/CSV..."), view)
    action.setObjectName("export_table")
    action.setEnabled(enabled)
    if export is not None:
        action.triggered.connect(lambda: export())
    else:
        action.triggered.connect(lambda: export_view(view, backend, dialogs, title))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(action)
    view.setProperty("riskdesk_export_title", title)
    return action


def export_action(view: QAbstractItemView) -> QAction | None:
    return next((a for a in view.actions() if a.objectName() == "export_table"), None)


def equip_all(root: QWidget, backend: Backend, dialogs: Dialogs, title: str) -> int:
    """Every table under ``root`` that has no export yet gets one, titled by its accessible
    name or ``title``: a tab or window adds this once and every table in it, including ones
    added later by others, exports (issue 28). Returns how many were equipped."""
    count = 0
    for view in root.findChildren(QTableView):
        if export_action(view) is None:
            add_export(view, backend, dialogs, view.accessibleName() or title)
            count += 1
    return count


def _found(widget: QWidget | None, name: str) -> Any:
    while widget is not None:
        if getattr(widget, name, None) is not None:
            return getattr(widget, name)
        widget = widget.parentWidget()
    return None


def equip_window(window: QWidget, title: str, backend: Backend | None = None,
                 dialogs: Dialogs | None = None) -> int:
    """equip_all for a window of its own (loan, loan list, users, evidence, import problems):
    the signed-in backend and the dialogs come from the window or the window that opened it.
    Without a backend (a window opened before sign-in) nothing can be audited: no export."""
    backend = backend or _found(window, "backend")
    if backend is None:
        return 0
    return equip_all(window, backend, dialogs or _found(window, "dialogs") or Dialogs(), title)


def equip_tabs(tabs: QTabWidget, backend: Backend, dialogs: Dialogs, *,
               own: dict[QTableView, tuple[Callable[[], Any], bool]] | None = None) -> int:
    """equip_all for each page of ``tabs``, titled by the tab's text; ``own``: tables with
    their own export (the queue: the service export of its whole view, if allowed)."""
    for view, (export, enabled) in (own or {}).items():
        add_export(view, backend, dialogs, view.accessibleName(), export=export,
                   enabled=enabled)
    pages = (tabs.widget(i) for i in range(tabs.count()))
    return sum(equip_all(page, backend, dialogs, tabs.tabText(i).replace("&", ""))
               for i, page in enumerate(pages) if page is not None)


def equip_table(view: QTableView, backend: Backend, dialogs: Dialogs, *, key: str,
                title: str) -> ColumnKeeper:
    """Columns fitted and kept, and the export in the context menu: call once per view."""
    keeper = ColumnKeeper(view, key, backend.actor.username)
    add_export(view, backend, dialogs, title)
    setattr(view, "column_keeper", keeper)  # noqa: B010 - kept alive with the view
    return keeper
