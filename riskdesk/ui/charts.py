"""Small charts drawn with QPainter (issue 28): bars (stacked when there are several series, a
bar or segment clickable) and lines, with axis titles, tick values and a legend.

Why not Qt Charts: PySide6.QtCharts ships in pyside6-addons, not in the pyside6-essentials
riskdesk depends on; the addons wheel adds well over 100 MB for four simple charts. These
widgets draw what the Post-loan and Partners tabs need in a few hundred lines."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = ("#2e7d32", "#f9a825", "#ef6c00", "#c62828", "#6a1b9a", "#1565c0", "#00838f",
           "#5d4037")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    color: str
    dashed: bool = False


def _nice_top(value: float) -> float:
    """The axis top: four ticks of a round step (1, 2, 2.5, 5 x 10^k) reaching ``value``;
    counts never get fractional ticks."""
    if value <= 0:
        return 1.0
    if value < 1:  # shares: quarter ticks at round percentages
        for top in (0.01, 0.02, 0.04, 0.08, 0.2, 0.4, 0.8, 1.0):
            if top >= value:
                return top
    scale = 1.0
    while True:
        for step in (1, 2, 2.5, 5):
            if step * scale >= 1 and 4 * step * scale >= value and \
                    (step * scale).is_integer():
                return 4 * step * scale
        scale *= 10


def share_ticks(fraction: float) -> int:
    """Decimals a share's tick needs: 0 for whole percentages, 1 otherwise."""
    return 0 if abs(100 * fraction - round(100 * fraction)) < 1e-9 else 1


class Chart(QWidget):
    """The frame: title, axes with titles and ticks, legend; subclasses draw the data."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.x_title, self.y_title = title, "", ""
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.empty_text = ""
        self.setMinimumSize(280, 190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 240)

    def set_data(self, labels: Sequence[str], series: Sequence[Series], *, x_title: str = "",
                 y_title: str = "", value_text: Callable[[float], str] | None = None,
                 empty_text: str = "") -> None:
        self.labels, self.series = list(labels), list(series)
        self.x_title, self.y_title, self.empty_text = x_title, y_title, empty_text
        if value_text is not None:
            self.value_text = value_text
        self.update()

    def top(self) -> float:
        return _nice_top(max((v for s in self.series for v in s.values if v is not None),
                             default=0.0))

    def plot_area(self) -> QRectF:
        fm = QFontMetrics(self.font())
        h = fm.height()
        left = max((fm.horizontalAdvance(self.value_text(self.top() * i / 4))
                    for i in range(5)), default=20) + h + 10
        legend_rows = len({y for x, y in self.legend_at() if x >= 0})
        right = 12 + (max((fm.horizontalAdvance(t) for t in self.labels), default=0) / 2
                      if isinstance(self, LineChart) else 0)
        return QRectF(self.rect()).adjusted(left, 2 * h + legend_rows * (h + 4) + 4, -right,
                                            -(2 * h + 14))

    def legend_at(self) -> list[tuple[float, float]]:
        """Where each series' legend entry goes (wrapping to more rows when narrow)."""
        fm = QFontMetrics(self.font())
        h = fm.height()
        x, y, out = 8.0, float(h + 8), []
        for s in self.series:
            if not s.name:  # not in the legend (a line the title explains)
                out.append((-1.0, y))
                continue
            width = 24 + fm.horizontalAdvance(s.name)
            if x > 8 and x + width > self.width():
                x, y = 8.0, y + h + 4
            out.append((x, y))
            x += width
        return out

    def paintEvent(self, _event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        h = fm.height()
        text = self.palette().text().color()
        p.setPen(text)
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(0, 2, self.width(), h + 2), Qt.AlignmentFlag.AlignHCenter, self.title)
        p.setFont(self.font())
        # legend
        for s, (x, y) in zip(self.series, self.legend_at(), strict=True):
            if x < 0:
                continue
            if s.dashed:
                p.setPen(QPen(QColor(s.color), 2, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x, y + 5), QPointF(x + 10, y + 5))
                p.setPen(text)
            else:
                p.fillRect(QRectF(x, y, 10, 10), QColor(s.color))
            p.drawText(QPointF(x + 14, y + fm.ascent() - 2), s.name)
        box = self.plot_area()
        if box.width() < 20 or box.height() < 20:
            p.end()
            return
        grid = QColor(text)
        grid.setAlpha(50)
        top = self.top()
        for i in range(5):
            y = box.bottom() - box.height() * i / 4
            p.setPen(QPen(grid))
            p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
            p.setPen(text)
            p.drawText(QRectF(0, y - h / 2, box.left() - 6, h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self.value_text(top * i / 4))
        p.drawLine(box.bottomLeft(), box.bottomRight())
        p.drawLine(box.bottomLeft(), box.topLeft())
        p.drawText(QRectF(box.left(), self.height() - h - 2, box.width(), h),
                   Qt.AlignmentFlag.AlignHCenter, self.x_title)
        p.save()
        p.translate(2, box.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-box.height() / 2, 0, box.height(), h),
                   Qt.AlignmentFlag.AlignHCenter, self.y_title)
        p.restore()
        if not self.labels or not any(v for s in self.series for v in s.values):
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        else:
            self.draw(p, box, top)
        p.end()

    def draw_x_labels(self, p: QPainter, box: QRectF, centres: list[float]) -> None:
        fm = QFontMetrics(self.font())
        room = box.width() / max(1, len(centres))
        every = 1
        widest = max((fm.horizontalAdvance(t) for t in self.labels), default=0) + 6
        while widest * 1.0 > room * every:
            every += 1
        p.setPen(self.palette().text().color())
        for i, (x, t) in enumerate(zip(centres, self.labels, strict=False)):
            if i % every == 0:
                p.drawText(QRectF(x - room * every / 2, box.bottom() + 3, room * every,
                                  fm.height()), Qt.AlignmentFlag.AlignHCenter, t)

    def draw(self, p: QPainter, box: QRectF, top: float) -> None:
        raise NotImplementedError


class BarChart(Chart):
    """Bars per label; several series stack. ``clicked(label index, series index)``."""

    clicked = Signal(int, int)

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.hits: list[tuple[QRectF, int, int]] = []
        self.show_totals = True
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def top(self) -> float:
        totals = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.labels))]
        return _nice_top(max(totals, default=0.0))

    def draw(self, p: QPainter, box: QRectF, top: float) -> None:
        n = len(self.labels)
        room = box.width() / n
        width = min(room * 0.7, 60)
        self.hits = []
        centres = []
        fm = QFontMetrics(self.font())
        for i in range(n):
            x = box.left() + room * (i + 0.5)
            centres.append(x)
            y = box.bottom()
            for k, s in enumerate(self.series):
                v = s.values[i] or 0
                h = box.height() * v / top
                if h <= 0:
                    continue
                rect = QRectF(x - width / 2, y - h, width, h)
                p.fillRect(rect, QColor(s.color))
                self.hits.append((rect, i, k))
                y -= h
            total = sum(s.values[i] or 0 for s in self.series)
            if self.show_totals and total:
                p.setPen(self.palette().text().color())
                p.drawText(QRectF(x - room / 2, y - fm.height() - 1, room, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, self.value_text(total))
        self.draw_x_labels(p, box, centres)

    def hit(self, at: QPointF) -> tuple[int, int] | None:
        for rect, i, k in self.hits:
            if rect.contains(at):
                return i, k
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.hit(event.position())
        if found is not None:
            self.clicked.emit(*found)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.hit(event.position())
        if found is None:
            QToolTip.hideText()
        else:
            i, k = found
            s = self.series[k]
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{self.labels[i]} {s.name}: {self.value_text(s.values[i] or 0)}",
                              self)
        super().mouseMoveEvent(event)


class LineChart(Chart):
    """One line per series over the labels (a missing value breaks the line)."""

    def draw(self, p: QPainter, box: QRectF, top: float) -> None:
        n = len(self.labels)
        step = box.width() / max(1, n - 1) if n > 1 else 0
        centres = [box.left() + step * i if n > 1 else box.center().x() for i in range(n)]
        for s in self.series:
            pen = QPen(QColor(s.color), 2)
            if s.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            last: QPointF | None = None
            for i, v in enumerate(s.values[:n]):
                if v is None:
                    last = None
                    continue
                pt = QPointF(centres[i], box.bottom() - box.height() * v / top)
                if last is not None:
                    p.drawLine(last, pt)
                p.drawEllipse(pt, 2.5, 2.5)
                last = pt
        self.draw_x_labels(p, box, centres)
