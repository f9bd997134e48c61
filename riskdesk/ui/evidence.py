"""Evidence files in the case and complaint windows (issue 27): the list (name, type, size,
short hash, who, when; superseded versions greyed), Attach and New version (a file dialog
through :class:`~riskdesk.ui.dialogs.Dialogs`), and a preview of images and PDF pages, and of
Excel and Word files as their text and cell values (read-only).

Attaching (reading, encrypting and writing up to 20 MB) and opening a file for its preview
(decrypting, rendering a PDF page with PDFium) run on the thread pool
(:func:`riskdesk.ui.worker.run_task`); the services check the permission and audit both.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.errors import InvalidInput, RiskdeskError
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.security.filetypes import MAX_BYTES
from riskdesk.security.office_preview import PREVIEWED, Block, office_preview
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases.evidence import (
    EvidenceContent,
    EvidenceList,
    EvidenceRow,
    attach,
    evidence_list,
    open_file,
)
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import datetime_text
from riskdesk.ui.operations import read_op
from riskdesk.ui.table_model import ColumnTableModel
from riskdesk.ui.table_tools import equip_window
from riskdesk.ui.worker import BackgroundTask, run_task

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PREVIEW_WIDTH = 900  # pixels a PDF page is drawn at
NAME_WIDTH = 180  # the file name column's first width


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class EvidenceModel(ColumnTableModel):
    CONTEXT = "EvidenceModel"
    COLUMNS = [
        ("name", QT_TRANSLATE_NOOP("EvidenceModel", "File")),
        ("kind", QT_TRANSLATE_NOOP("EvidenceModel", "Type")),
        ("size", QT_TRANSLATE_NOOP("EvidenceModel", "Size")),
        ("sha256", QT_TRANSLATE_NOOP("EvidenceModel", "SHA-256")),
        ("added_by", QT_TRANSLATE_NOOP("EvidenceModel", "Added by")),
        ("added_at", QT_TRANSLATE_NOOP("EvidenceModel", "Added at")),
    ]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.COLUMNS, parent)
        self._rows: list[EvidenceRow] = []

    def set_rows(self, rows: tuple[EvidenceRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int) -> EvidenceRow:
        return self._rows[i]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, key = self._rows[index.row()], self.COLUMNS[index.column()][0]
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return getattr(r, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "size":
                return size_text(r.size)
            if key == "sha256":
                return r.short_hash
            if key == "kind":
                return r.kind.upper()
            if key == "added_at":
                return datetime_text(r.added_at)
            if key == "name" and r.superseded_by_id:
                return self.tr("{name} (superseded)").format(name=r.name)
            return getattr(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"#{r.id} {r.name}", f"SHA-256 {r.sha256}"]
            if r.note:
                lines.append(r.note)
            if r.superseded_by_id:
                lines.append(self.tr("Superseded by file #{id}").format(id=r.superseded_by_id))
            if r.supersedes_id:
                lines.append(self.tr("New version of file #{id}").format(id=r.supersedes_id))
            if not r.carried:
                lines.append(self.tr("Not in this audit pack: listed by name, type and hash"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and (r.superseded_by_id or not r.carried):
            return QBrush(QColor("#888888"))
        return None


@dataclass(frozen=True)
class Preview:
    """One page to show: the image, which page, of how many (1 for an image)."""

    image: QImage
    page: int
    pages: int


def render_preview(content: EvidenceContent, page: int = 0,
                   width: int = PREVIEW_WIDTH) -> Preview:
    """An image as it is, or one PDF page drawn by PDFium at ``width`` pixels (on a worker
    thread: QImage needs no GUI thread)."""
    if content.row.is_image:
        image = QImage.fromData(content.data)
        if image.isNull():
            raise InvalidInput(translate("Evidence", "The image cannot be read."))
        return Preview(image, 0, 1)
    if content.row.kind != "pdf":
        raise InvalidInput(translate(
            "Evidence", "Legacy Excel (.xls) and Word (.doc) files are not previewed; the "
            "list shows their SHA-256."))
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(content.data)
    except pdfium.PdfiumError as exc:
        raise InvalidInput(str(exc)) from None
    try:
        pages = len(doc)
        page = max(0, min(page, pages - 1))
        pdf_page = doc[page]
        scale = width / max(pdf_page.get_width(), 1.0)
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888).copy()  # own the pixels
    finally:
        doc.close()
    return Preview(image, page, pages)


class PreviewDialog(QDialog):
    """One file's preview; a PDF's other pages are drawn on the thread pool as asked for."""

    def __init__(self, content: EvidenceContent, first: Preview, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content, self.dialogs, self.preview = content, dialogs, first
        self.task: BackgroundTask | None = None
        row = content.row
        self.setWindowTitle(self.tr("{name} - SHA-256 {hash}").format(
            name=row.name, hash=row.short_hash))
        self.resize(980, 760)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.picture)
        self.page_label = QLabel(self)
        self.previous = QPushButton(self.tr("Previous page"), self)
        self.next = QPushButton(self.tr("Next page"), self)
        self.previous.clicked.connect(lambda: self.show_page(self.preview.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.preview.page + 1))
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self._show(first)

    def _show(self, preview: Preview) -> None:
        self.preview = preview
        self.picture.setPixmap(QPixmap.fromImage(preview.image))
        self.page_label.setText(self.tr("Page {x} of {y}").format(x=preview.page + 1,
                                                                  y=preview.pages))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous.setEnabled(preview.page > 0)
        self.next.setEnabled(preview.page + 1 < preview.pages)

    def show_page(self, page: int) -> None:
        if self.task is not None and not self.task.finished:
            return
        content = self.content
        self.task = run_task(self, lambda _state: render_preview(content, page),
                             label="", on_done=self._show, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, RiskdeskError):
            raise error
        self.dialogs.error(self, self.tr("No preview"), str(error))


def office_html(blocks: list[Block], cut_note: str) -> str:
    """The blocks of an Excel or Word file as escaped HTML: sheets and tables as tables,
    paragraphs as paragraphs (nothing of the file is interpreted as markup)."""
    parts = []
    for b in blocks:
        if b.heading:
            parts.append(f"<h3>{escape(b.heading)}</h3>")
        if b.rows:
            cells = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
                            for row in b.rows)
            parts.append(f'<table border="1" cellspacing="0" cellpadding="3">{cells}</table>')
        elif not b.heading:
            parts.append(f"<p style='white-space: pre-wrap'>{escape(b.text)}</p>")
        if b.cut:
            parts.append(f"<p><i>{escape(cut_note)}</i></p>")
    return "".join(parts)


class OfficePreviewDialog(QDialog):
    """An Excel or Word file's cell values or text, read-only (security/office_preview.py)."""

    def __init__(self, content: EvidenceContent, blocks: list[Block],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = content.row
        self.setWindowTitle(self.tr("{name} - SHA-256 {hash}").format(
            name=row.name, hash=row.short_hash))
        self.resize(980, 760)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setHtml(office_html(blocks, self.tr(
            "Only the first rows and columns are shown.")))
        note = QLabel(self.tr("Text and cell values only, as saved: no formulas, pictures or "
                              "macros are run or shown."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(note)


class EvidencePanel(QWidget):
    """The evidence section of a case (``case_id``) or complaint (``complaint_id``) window."""

    changed = Signal()

    def __init__(self, backend: Backend, dialogs: Dialogs, *, case_id: int | None = None,
                 complaint_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.owner = {"case_id": case_id} if case_id is not None else {
            "complaint_id": complaint_id}
        self.state = EvidenceList((), False, False)
        self.task: BackgroundTask | None = None
        self.preview_window: PreviewDialog | OfficePreviewDialog | None = None
        self.model = EvidenceModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # The name keeps a readable width (elided in the middle: the extension stays); in a
        # narrow window the other columns scroll sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(0, NAME_WIDTH)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(90)
        self.table.doubleClicked.connect(lambda _i: self.preview())
        # export in the context menu (issue 28)
        equip_window(self, self.tr("Evidence files"), backend, dialogs)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the file is (optional)"))
        self.attach_button = QPushButton(self.tr("Attach..."), self)
        self.attach_button.setToolTip(self.tr(
            "PDF, PNG, JPEG, Excel or Word, at most 20 MB; stored encrypted, its SHA-256 "
            "recorded in the audit trail"))
        self.version_button = QPushButton(self.tr("New version..."), self)
        self.version_button.setToolTip(self.tr(
            "Attach a file that supersedes the chosen one; both are kept"))
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.attach_button.clicked.connect(lambda: self.attach())
        self.version_button.clicked.connect(lambda: self.attach(new_version=True))
        self.preview_button.clicked.connect(self.preview)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        title = QLabel(self.tr("Evidence files"), self)
        title.setStyleSheet("font-weight: bold")
        buttons = QHBoxLayout()
        for b in (self.attach_button, self.version_button, self.preview_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)  # the window calls reload() as it loads its record

    # -- state ---------------------------------------------------------------------------
    def reload(self) -> None:
        read_op(self, evidence_list, title=self.tr("Evidence files"),
                on_done=self._loaded, **self.owner)

    def _loaded(self, state: EvidenceList) -> None:
        self.state = state
        self.model.set_rows(state.rows)
        self.table.resizeColumnsToContents()
        self._fit()
        self._enable()

    def _fit(self) -> None:
        """The name takes the width the other columns leave, never under NAME_WIDTH."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(1, self.model.columnCount()))
        header.resizeSection(0, max(NAME_WIDTH, self.table.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def selected(self) -> EvidenceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    def _enable(self) -> None:
        chosen, idle = self.selected(), not self.busy()
        self.attach_button.setEnabled(self.state.may_attach and idle)
        self.note.setEnabled(self.state.may_attach)
        self.version_button.setEnabled(self.state.may_attach and idle and chosen is not None
                                       and not chosen.superseded_by_id)
        self.preview_button.setEnabled(idle and chosen is not None and self.state.may_open
                                       and chosen.carried)

    # -- actions -------------------------------------------------------------------------
    def attach(self, *, new_version: bool = False) -> BackgroundTask | None:
        """Asks for the file, then reads, encrypts and stores it on the thread pool."""
        old = self.selected() if new_version else None
        if new_version and old is None:
            return None
        chosen = self.dialogs.open_evidence_file(self)
        if not chosen:
            return None
        path = Path(chosen)
        title = self.tr("Not attached")
        try:
            if path.stat().st_size > MAX_BYTES:
                self.dialogs.error(self, title, self.tr(
                    "{name} is larger than 20 MB.").format(name=path.name))
                return None
            data = path.read_bytes()
        except OSError as exc:
            self.dialogs.error(self, title, f"{path.name}: {exc.strerror}")
            return None
        backend, owner, note = self.backend, dict(self.owner), self.note.text()
        supersedes = old.id if old is not None else None

        def work(_state: Any) -> EvidenceRow:
            return backend.write(attach, name=path.name, data=data, note=note,
                                 supersedes=supersedes, **owner)

        self.task = run_task(self, work, label="", on_done=self._attached,
                             on_error=lambda e: self._failed(title, e))
        self._enable()
        return self.task

    def _attached(self, _row: EvidenceRow) -> None:
        self.note.clear()
        self.reload()
        self.changed.emit()

    def _failed(self, title: str, error: BaseException) -> None:
        self._enable()
        if not isinstance(error, RiskdeskError):
            raise error
        self.dialogs.error(self, title, str(error))

    def preview(self) -> BackgroundTask | None:
        """Decrypts (audited) and draws the chosen file's first page off the GUI thread."""
        row = self.selected()
        if row is None or not self.preview_button.isEnabled():
            return None
        backend = self.backend

        def work(_state: Any) -> tuple[EvidenceContent, Preview | list[Block]]:
            content = backend.write(open_file, file_id=row.id)
            if content.row.kind in PREVIEWED:  # Excel, Word: their text (issue 27)
                return content, office_preview(content.data, content.row.name)
            return content, render_preview(content)

        self.task = run_task(self, work, label="", on_done=self._opened,
                             on_error=lambda e: self._failed(self.tr("No preview"), e))
        self._enable()
        return self.task

    def _opened(self, result: tuple[EvidenceContent, Preview | list[Block]]) -> None:
        content, first = result
        self._enable()
        if isinstance(first, list):
            self.preview_window = OfficePreviewDialog(content, first, self)
        else:
            self.preview_window = PreviewDialog(content, first, self.dialogs, self)
        self.preview_window.show()
