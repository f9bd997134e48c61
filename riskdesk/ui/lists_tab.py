"""The Lists tab (issue 30): the blacklist and allowlist, masked. A typed value is found
through its keyed hash (computed in the service, never stored); compliance adds entries, loads
a file and asks for a removal, which a second user (compliance or a senior officer) approves.
Senior officers and auditors see the lists."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.errors import RiskdeskError
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.services.admin.backend import Backend
from riskdesk.services.lists import entries
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import fit_combos
from riskdesk.ui.formats import clock_today, date_format, datetime_text
from riskdesk.ui.operations import read_op, write_op
from riskdesk.ui.table_model import ColumnTableModel

COLUMNS = [
    ("id", QT_TRANSLATE_NOOP("ListsModel", "No.")),
    ("list_name", QT_TRANSLATE_NOOP("ListsModel", "List")),
    ("kind", QT_TRANSLATE_NOOP("ListsModel", "Kind")),
    ("masked", QT_TRANSLATE_NOOP("ListsModel", "Value")),
    ("status", QT_TRANSLATE_NOOP("ListsModel", "Status")),
    ("reason", QT_TRANSLATE_NOOP("ListsModel", "Reason")),
    ("source", QT_TRANSLATE_NOOP("ListsModel", "Source")),
    ("expires_at", QT_TRANSLATE_NOOP("ListsModel", "Expires")),
    ("added_by", QT_TRANSLATE_NOOP("ListsModel", "Added by")),
    ("added_at", QT_TRANSLATE_NOOP("ListsModel", "Added")),
]
RAW = Qt.ItemDataRole.UserRole + 1
ROW = Qt.ItemDataRole.UserRole + 2
STATUS_COLORS = {"removal_pending": QColor("#8a5a00"), "expired": QColor("#707070"),
                 "removed": QColor("#707070")}
Index = QModelIndex | QPersistentModelIndex


class ListsModel(ColumnTableModel):
    """The entries shown; RAW sorts by value, ROW is the entry."""
    CONTEXT = "ListsModel"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.rows: list[entries.EntryView] = []
        self._rows = self.rows

    def set_rows(self, rows: list[entries.EntryView]) -> None:
        self.beginResetModel()
        self.rows = self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        name = COLUMNS[index.column()][0]
        raw = getattr(e, name)
        if role == RAW:
            return raw
        if role == ROW:
            return e
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATUS_COLORS.get(e.status)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if name == "list_name":
            return translate("Lists", entries.LIST_NAMES[raw])
        if name == "kind":
            return translate("Lists", entries.KIND_NAMES[raw])
        if name == "status":
            text = translate("Lists", entries.STATUS_NAMES[raw])
            if e.status == "removal_pending" and e.removal_requested_by:
                return translate("Lists", "{status} (asked by {user})").format(
                    status=text, user=e.removal_requested_by)
            return text
        if name == "source" and raw == "manual":
            return translate("Lists", "manual")
        if name in ("expires_at", "added_at"):
            return datetime_text(raw) if raw else "-"
        return str(raw)


class ListsTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        actor = backend.actor
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a value: ID number, phone, card or device"))
        self.search.returnPressed.connect(self.reload)
        self.kind_filter = self._kinds(self.tr("All kinds"))
        self.list_filter = self._lists(self.tr("Both lists"))
        self.with_removed = QCheckBox(self.tr("Removed too"), self)
        find = QPushButton(self.tr("Find"), self)
        find.clicked.connect(self.reload)
        self.model = ListsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(self)
        # compliance adds, loads, asks; a second user approves
        self.list_box = self._lists(None)
        self.kind_box = self._kinds(None)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(self.tr("Value"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason"))
        self.expires_on = QCheckBox(self.tr("Expires on"), self)
        self.expires = QDateEdit(clock_today().addYears(1), self)
        self.expires.setDisplayFormat(date_format())
        self.expires.setCalendarPopup(True)
        self.buttons = {key: QPushButton(text, self) for key, text in (
            ("add", self.tr("Add")), ("load", self.tr("Load file...")),
            ("remove", self.tr("Ask to remove")), ("approve", self.tr("Approve removal")))}
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["load"].clicked.connect(self.load)
        self.buttons["remove"].clicked.connect(self.ask_removal)
        self.buttons["approve"].clicked.connect(self.approve)
        change = allowed(actor, Action.LIST_CHANGE)
        for key in ("add", "load", "remove"):
            self.buttons[key].setEnabled(change)
        self.buttons["approve"].setEnabled(allowed(actor, Action.LIST_APPROVE))
        editors: tuple[QWidget, ...] = (self.list_box, self.kind_box, self.value, self.reason,
                                        self.expires_on, self.expires)
        for editor in editors:
            editor.setEnabled(change)
        fit_combos(self.kind_filter, self.list_filter, self.list_box, self.kind_box)
        top = QHBoxLayout()
        searching: tuple[QWidget, ...] = (self.search, self.kind_filter, self.list_filter,
                                          self.with_removed, find)
        for widget in searching:
            top.addWidget(widget)
        grid = QGridLayout()
        for c, widget in enumerate((*editors, self.buttons["add"], self.buttons["load"])):
            grid.addWidget(widget, 0, c)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.buttons["remove"])
        actions.addWidget(self.buttons["approve"])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addLayout(grid)
        self.reload()

    def _combo(self, items: list[tuple[str, str]], everything: str | None) -> QComboBox:
        box = QComboBox(self)
        if everything is not None:
            box.addItem(everything, "")
        for key, text in items:
            box.addItem(translate("Lists", text), key)
        return box

    def _kinds(self, everything: str | None) -> QComboBox:
        return self._combo(list(entries.KIND_NAMES.items()), everything)

    def _lists(self, everything: str | None) -> QComboBox:
        return self._combo(list(entries.LIST_NAMES.items()), everything)

    def reload(self) -> None:
        read_op(self, entries.show, kind=self.kind_filter.currentData() or None,
                list_name=self.list_filter.currentData() or None,
                value=self.search.text().strip() or None,
                include_removed=self.with_removed.isChecked(), title=self.tr("Not shown"),
                on_done=self._show)

    def _show(self, rows: list[entries.EntryView]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.count.setText(self.tr("{n} entries").format(n=len(rows)))

    def selected(self) -> entries.EntryView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.dialogs.error(self, self.tr("Not saved"), self.tr("Select an entry first."))
            return None
        entry: entries.EntryView = self.model.data(rows[0], ROW)
        return entry

    def _saved(self, *_: Any) -> None:
        self.value.clear()  # the typed value leaves the window once it is hashed
        self.reload()

    def add(self) -> None:
        expires = self.expires.date().toPython() if self.expires_on.isChecked() else None
        write_op(self, entries.add, kind=str(self.kind_box.currentData()), value=self.value.text(),
                 list_name=str(self.list_box.currentData()), reason=self.reason.text(),
                 expires=expires, title=self.tr("Not saved"), on_done=self._saved)

    def ask_removal(self) -> None:
        e = self.selected()
        if e is not None:
            write_op(self, entries.request_removal, entry_id=e.id, reason=self.reason.text(),
                     title=self.tr("Not saved"), on_done=self._saved)

    def approve(self) -> None:
        e = self.selected()
        if e is not None:
            write_op(self, entries.approve_removal, entry_id=e.id, title=self.tr("Not saved"),
                     on_done=self._saved)

    def load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load list entries"), "",
            self.tr("List files (*.csv *.xlsx);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Loads ``path`` into the list chosen above: all rows or none, problems shown."""
        list_name = str(self.list_box.currentData())
        from riskdesk.services.lists import bulk  # reads files with pandas: on first use

        try:
            result = self.backend.job(bulk.import_list, path=Path(path), list_name=list_name)
        except RiskdeskError as exc:  # the whole file refused (unreadable, a column missing)
            self.dialogs.error(self, self.tr("Not loaded"), str(exc))
            return
        if result.refused:
            lines = [self.tr("Row {row}, {column} \"{value}\": {reason}").format(
                row=r.row, column=r.column, value=r.value, reason=r.reason)
                for r in result.problems.head(20).itertuples(index=False)]
            self.dialogs.error(self, self.tr("Not loaded"), self.tr(
                "{file}: nothing loaded, {n} problem(s):").format(
                file=result.file_name, n=len(result.problems)) + "\n" + "\n".join(lines))
            return
        self.dialogs.info(self, self.tr("Loaded"), self.tr("{file}: {n} entries added.").format(
            file=result.file_name, n=result.added))
        self.reload()
