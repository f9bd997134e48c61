"""Tabs built when first shown (issue 35): the main window shows its queue at once and builds
each other tab, with its first reads, the first time it is shown or asked for.

:class:`LazyTabs` is a QTabWidget whose later pages are :class:`LazyPage` places holding a
build function. Selecting the tab builds the page (before it is painted); so does asking for
it from Python: ``widget(i)``, ``currentWidget()``, ``indexOf(page)`` and
``setCurrentWidget(page)`` see the page itself, as with a plain QTabWidget. On the window a
:class:`TabPage` attribute gives the built page (``window.postloan``).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

T = TypeVar("T")


class LazyPage(QWidget):
    """A tab's place until its page is built: ``build(parent)`` makes it, then ``on_built``
    (the window's finishing touch, e.g. the tables' export) runs once on it."""

    def __init__(self, build: Callable[[QWidget], QWidget],
                 on_built: Callable[[QWidget], Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build, self._on_built = build, on_built
        self.built: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self.built is None:
            page = self.built = self._build(self)
            self._layout.addWidget(page)
            # Built while shown: show it now. Otherwise it shows with its tab, as a plain
            # page does; shown at once, it was laid out at the hidden placeholder's size
            # (its buttons zero high).
            if self.isVisible():
                page.show()
            if self._on_built is not None:
                self._on_built(page)
        return self.built

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self.page()
        super().showEvent(event)


class LazyTabs(QTabWidget):
    """A QTabWidget whose pages added with :meth:`add_later` are built on first showing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._selected)

    def add_later(self, build: Callable[[QWidget], QWidget], title: str, *,
                  on_built: Callable[[QWidget, str], Any] | None = None) -> LazyPage:
        """A tab titled ``title`` whose page ``build(parent)`` makes when first shown;
        ``on_built(page, title)`` then runs on it."""
        lazy = LazyPage(build, (lambda page: on_built(page, title)) if on_built else None,
                        self)
        self.addTab(lazy, title)
        return lazy

    def _selected(self, index: int) -> None:
        place = super().widget(index)
        if isinstance(place, LazyPage):
            place.page()

    @staticmethod
    def _page(place: QWidget | None) -> Any:
        return place.page() if isinstance(place, LazyPage) else place

    def widget(self, index: int) -> Any:
        """The page at ``index`` (built if it was not)."""
        return self._page(super().widget(index))

    def currentWidget(self) -> Any:  # noqa: N802
        return self._page(super().currentWidget())

    def _place(self, page: QWidget) -> QWidget:
        for i in range(self.count()):
            place = super().widget(i)
            if place is page or (isinstance(place, LazyPage) and place.built is page):
                return place
        return page

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        return super().indexOf(self._place(page))

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        super().setCurrentWidget(self._place(page))


class TabPage(Generic[T]):
    """A window's attribute holding a :class:`LazyPage` (or a page, or None): reading it gives
    the page, built on first reading."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_place"

    @overload
    def __get__(self, window: None, owner: type | None = None) -> TabPage[T]: ...

    @overload
    def __get__(self, window: object, owner: type | None = None) -> T: ...

    def __get__(self, window: Any, owner: type | None = None) -> Any:
        if window is None:
            return self  # on the class: the attribute itself (``MainWindow.feed.built``)
        place = getattr(window, self.slot, None)
        return place.page() if isinstance(place, LazyPage) else place

    def __set__(self, window: Any, place: LazyPage | T) -> None:
        setattr(window, self.slot, place)

    def built(self, window: Any) -> T | None:
        """The page if it has been built; None if not (or there is none)."""
        place = getattr(window, self.slot, None)
        return place.built if isinstance(place, LazyPage) else place  # type: ignore[return-value]
