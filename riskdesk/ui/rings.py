"""A fraud ring as an officer reads it: the graph of its applicants and shared keys, and the
same members as a table beside it (issue 33).

The layout is the small force layout in ``services/rings/layout.py`` (the same ring is drawn
the same way every time). Applicants are circles, blue or red when flagged; devices orange
squares, phones green diamonds, cards purple rounded squares, employers teal triangles; every
label is masked. Edges are labelled by how the key was given and the day last seen. The wheel
zooms, dragging pans; a click on a node lists its applications, and Open (or a double click)
opens one.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.services.admin.backend import Backend
from riskdesk.services.rings.layout import FLAGGED_COLOUR, KIND_COLOURS, spring_layout
from riskdesk.services.rings.views import MemberApp, Node, RingDetail, show_ring
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import date_text, money, number, percent

# Scene units from the centre to the layout's edge, more for more nodes; nodes and labels keep
# their size when the view zooms (only the distances scale), so labels stay readable.
SPREAD, SPREAD_PER_NODE = 260.0, 19.0
SIZE = 11.0
COLOURS, FLAGGED = KIND_COLOURS, FLAGGED_COLOUR
Opener = Callable[[int, str], Any]


def _shape(kind: str) -> QPainterPath:
    path = QPainterPath()
    s = SIZE
    if kind == "applicant":
        path.addEllipse(QPointF(0, 0), s, s)
    elif kind == "device":
        path.addRect(-s * 0.8, -s * 0.8, s * 1.6, s * 1.6)
    elif kind == "card":
        path.addRoundedRect(-s * 0.9, -s * 0.6, s * 1.8, s * 1.2, 4, 4)
    elif kind == "employer":
        path.moveTo(0, -s)
        path.lineTo(s, s * 0.8)
        path.lineTo(-s, s * 0.8)
        path.closeSubpath()
    else:  # phone: a diamond
        path.moveTo(0, -s)
        path.lineTo(s, 0)
        path.lineTo(0, s)
        path.lineTo(-s, 0)
        path.closeSubpath()
    return path


class NodeItem(QGraphicsPathItem):
    def __init__(self, node: Node):
        super().__init__(_shape(node.kind))
        self.node = node
        colour = FLAGGED if node.flagged else COLOURS.get(node.kind, "#777777")
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(QColor("#333333"), 1))
        self.setFlag(QGraphicsPathItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsPathItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)


class RingGraph(QGraphicsView):
    """The ring's graph; ``node_clicked`` carries the node's id ("a12", "k40")."""
    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.items_by_id: dict[str, NodeItem] = {}
        self._auto_fit = True  # the whole ring in view until the user zooms

    def show_ring(self, detail: RingDetail, via_names: dict[str, str]) -> None:
        scene = self.scene()
        scene.clear()
        self.items_by_id = {}
        index = {n.id: i for i, n in enumerate(detail.nodes)}
        pos = spring_layout(len(detail.nodes), [(index[e.applicant], index[e.key])
                                                for e in detail.edges])
        spread = max(SPREAD, SPREAD_PER_NODE * len(detail.nodes))
        at = {n.id: QPointF(float(x) * spread, float(y) * spread)
              for n, (x, y) in zip(detail.nodes, pos, strict=True)}
        pen = QPen(QColor("#8a8a8a"), 1.2)
        for e in detail.edges:
            a, b = at[e.applicant], at[e.key]
            scene.addLine(a.x(), a.y(), b.x(), b.y(), pen).setZValue(0)
            text = QGraphicsSimpleTextItem(
                f"{via_names.get(e.via, e.via)} {date_text(e.last_seen.date())}")
            text.setBrush(QBrush(QColor("#666666")))
            font = text.font()
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
            text.setFont(font)
            mid = (a + b) / 2
            text.setPos(mid)
            text.setZValue(1)
            text.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            scene.addItem(text)
        for n in detail.nodes:
            item = NodeItem(n)
            item.setPos(at[n.id])
            item.setToolTip("\n".join([n.label, *n.applications]))
            scene.addItem(item)
            label = QGraphicsSimpleTextItem(n.label, item)
            label.setPos(-label.boundingRect().width() / 2, SIZE + 2)
            self.items_by_id[n.id] = item
        self.fit()

    def fit(self) -> None:
        self._auto_fit = True
        self.resetTransform()
        # Labels keep their size whatever the zoom, so the margin is generous.
        rect = self.scene().itemsBoundingRect().adjusted(-110, -40, 110, 60)
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        self.scale(factor, factor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        self.zoom(1.15 ** (event.angleDelta().y() / 120))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.node_clicked.emit(item.node.id)
        super().mousePressEvent(event)


class MembersModel(QAbstractTableModel):
    """The ring's applications: number, applicant (masked), submitted, amount, flagged."""
    NUMBER, APPLICANT, SUBMITTED, AMOUNT, FLAGGED = range(5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[MemberApp] = []
        self.people: dict[int, str] = {}

    def set_rows(self, rows: list[MemberApp], people: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.people = rows, people
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Application"), self.tr("Applicant"), self.tr("Submitted"),
                self.tr("Amount"), self.tr("Flagged"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return m
        if role == Qt.ItemDataRole.ForegroundRole and m.flagged:
            return QBrush(QColor(FLAGGED))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (m.application_no, self.people.get(m.applicant_id, ""),
                date_text(m.submitted_at.date()), money(m.amount),
                self.tr("yes") if m.flagged else "")[index.column()]


class RingDialog(QDialog):
    """One ring: its figures, the graph, the members table and the clicked node's
    applications."""

    def __init__(self, backend: Backend, ring_id: int, dialogs: Dialogs,
                 parent: QWidget | None = None, open_application: Opener | None = None):
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.open_application = open_application or self._open_case
        self.opened: QWidget | None = None
        self.resize(1200, 760)
        self.detail: RingDetail = backend.read(show_ring, ring_id=ring_id)
        self.setWindowTitle(self.tr("Fraud ring {code}").format(code=self.detail.ring.code))
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        self.graph = RingGraph(self)
        self.members = MembersModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.members)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open_row)
        self.node_label = QLabel(self.tr("Click a node to see its applications."), self)
        self.node_label.setWordWrap(True)
        self.node_apps = QStringListModel(self)
        self.node_list = QListView(self)
        self.node_list.setModel(self.node_apps)
        self.node_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.node_list.doubleClicked.connect(lambda _=None: self.open_selected())
        self.open_button = QPushButton(self.tr("Open application"), self)
        self.open_button.clicked.connect(self.open_selected)
        zoom = QHBoxLayout()
        for text, slot in ((self.tr("Zoom in"), lambda: self.graph.zoom(1.25)),
                           (self.tr("Zoom out"), lambda: self.graph.zoom(0.8)),
                           (self.tr("Fit"), self.graph.fit)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            zoom.addWidget(button)
        zoom.addStretch(1)
        zoom.addWidget(QLabel(self._legend(), self))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(zoom)
        left_layout.addWidget(self.graph, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(self.node_label)
        right_layout.addWidget(self.node_list, 1)
        right_layout.addWidget(self.open_button)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.graph.node_clicked.connect(self.select_node)
        people = {int(n.id[1:]): n.label for n in self.detail.nodes if n.kind == "applicant"}
        self.members.set_rows(self.detail.members, people)
        self.graph.show_ring(self.detail, self._via_names())

    def _via_names(self) -> dict[str, str]:
        return {"device": self.tr("device"), "phone": self.tr("phone"),
                "card": self.tr("card"), "contact_phone": self.tr("contact phone"),
                "employer": self.tr("employer")}

    def _legend(self) -> str:
        parts = [(COLOURS["applicant"], "●", self.tr("applicant")), (FLAGGED, "●",
                                                                       self.tr("flagged")),
                 (COLOURS["device"], "■", self.tr("device")),
                 (COLOURS["phone"], "◆", self.tr("phone")),
                 (COLOURS["card"], "▬", self.tr("card")),
                 (COLOURS["employer"], "▲", self.tr("employer"))]
        return "  ".join(f"<span style='color:{c}'>{s}</span> {t}" for c, s, t in parts)

    def _summary(self) -> str:
        r, m = self.detail.ring, self.detail.metrics
        return self.tr("{code}: {applicants} applicants, {applications} applications, {keys} "
                       "shared keys, {amount} applied; density {density}, over {days} days, "
                       "{flagged} flagged, {bad} with bad outcomes").format(
            code=r.code, applicants=number(r.applicants), applications=number(r.applications),
            keys=number(r.keys), amount=money(r.amount),
            density=number(m.get("density", 0), 2), days=number(m.get("span_days", 0), 1),
            flagged=percent(m.get("share_flagged", 0)), bad=percent(m.get("share_bad", 0)))

    def select_node(self, node_id: str) -> None:
        node = next(n for n in self.detail.nodes if n.id == node_id)
        if node.kind == "applicant":
            numbers = list(node.applications)
        else:
            numbers = sorted({no for e in self.detail.edges if e.key == node_id
                              for no in e.applications})
        self.node_label.setText(self.tr("{node}: {n} applications").format(
            node=node.label, n=len(numbers)))
        self.node_apps.setStringList(numbers)
        if numbers:
            self.node_list.setCurrentIndex(self.node_apps.index(0))
        for item in self.graph.items_by_id.values():
            item.setSelected(item.node.id == node_id)

    def open_selected(self) -> Any:
        index = self.node_list.currentIndex()
        if not index.isValid():
            return None
        return self._open_number(str(index.data()))

    def _open_row(self, index: QModelIndex) -> Any:
        return self._open_number(self.members.rows[index.row()].application_no)

    def _open_number(self, number_: str) -> Any:
        member = next((m for m in self.detail.members if m.application_no == number_), None)
        if member is None:
            return None
        self.opened = self.open_application(member.application_id, member.application_no)
        return self.opened

    def _open_case(self, application_id: int, application_no: str) -> QWidget | None:
        """The application's case window, or a note that it has none."""
        from riskdesk.services.cases.applications import case_of_application
        from riskdesk.ui.cases.detail import CaseDialog

        case_id = self.backend.read(case_of_application, application_id=application_id)
        if case_id is None:
            self.dialogs.info(self, self.tr("Application {no}").format(no=application_no),
                              self.tr("This application has no case to open."))
            return None
        window = CaseDialog(self.backend, case_id, self.dialogs, self.parentWidget())
        window.show()
        return window
