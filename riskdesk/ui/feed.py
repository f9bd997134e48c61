"""The Decision feed tab (issue 29, item 5), for compliance and administrators: the last
sequence, exported up to, acknowledged up to, and the records origination has not acknowledged
(those older than the warning time in red)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.feed.status import FeedStatus, Unacknowledged, feed_status
from riskdesk.ui.operations import read_op

SEQ, APPLICATION, LOAN, DECISION, FINAL_AT, DECIDED_BY, CHECKED_BY = range(7)
RAW = Qt.ItemDataRole.UserRole + 1
ROW = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class UnacknowledgedModel(QAbstractTableModel):
    """The unacknowledged records, oldest first; RAW sorts by value, ROW is the record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Unacknowledged, ...] = ()
        self.headers = (self.tr("Sequence"), self.tr("Application no."), self.tr("Loan no."),
                        self.tr("Decision"), self.tr("Final (UTC)"), self.tr("Decided by"),
                        self.tr("Checked by"))

    def set_rows(self, rows: tuple[Unacknowledged, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        raw = (r.seq, r.application_no, r.loan_no, r.decision, r.final_at, r.decided_by,
               r.checked_by)[index.column()]
        if role == RAW:
            return raw
        if role == ROW:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == DECISION:
                return label(r.decision)
            if index.column() == FINAL_AT:
                return r.final_at.strftime("%Y-%m-%d %H:%M:%S")
            return str(raw)
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QColor("#a01010")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FeedTab(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.status: FeedStatus | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setStyleSheet("color: #a01010; font-weight: bold")
        self.warning.setWordWrap(True)
        self.model = UnacknowledgedModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        note = QLabel(self.tr(
            "Origination reads the feed through its database view or the files of "
            "\u201criskdesk decisions export\u201d, and acknowledges what it has taken."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(QLabel(self.tr("Not acknowledged by origination:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        read_op(self, feed_status, title=self.tr("Decision feed"), on_done=self.show_status)

    def show_status(self, st: FeedStatus) -> None:
        self.status = st
        self.summary.setText(self.tr(
            "Last sequence: {last}    Exported up to: {exported}    Acknowledged up to: "
            "{acked}    Not acknowledged: {open}").format(
            last=st.last_seq, exported=st.exported_to, acked=st.acknowledged_to,
            open=st.unacknowledged))
        self.warning.setText(self.tr(
            "{n} record(s) not acknowledged within {hours} hours.").format(
            n=st.overdue, hours=st.warn_hours) if st.overdue else "")
        self.warning.setVisible(bool(st.overdue))
        self.model.set_rows(st.rows)
        self.table.resizeColumnsToContents()
