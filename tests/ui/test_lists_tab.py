"""The Lists tab (issue 30, item 3): compliance adds entries, finds one by typing its value
(hashed in the service; the plain value is never shown and leaves the box once saved), asks
for a removal and sees it pending; the same user cannot approve it, a senior officer can; an
officer has no Lists tab."""
from __future__ import annotations

from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend

PHONE = "13900002222"


def test_lists_tab_adds_searches_and_shows_a_pending_removal(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:  # type: ignore[no-untyped-def]
    from riskdesk.ui.lists_tab import ListsTab
    from riskdesk.ui.main_window import MainWindow
    from tests.ui.fakes import FakeDialogs

    dialogs = FakeDialogs()
    window = MainWindow(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(window)
    tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
    tab = next(t for t in tabs if isinstance(t, ListsTab))
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Lists"

    def add(list_name: str, kind: str, value: str, reason: str) -> None:
        tab.list_box.setCurrentIndex(tab.list_box.findData(list_name))
        tab.kind_box.setCurrentIndex(tab.kind_box.findData(kind))
        tab.value.setText(value)
        tab.reason.setText(reason)
        tab.buttons["add"].click()

    add("black", "phone", "139 0000 2222", "fraud confirmed")
    add("allow", "device", "branch-tablet-9", "the branch's shared tablet")
    assert dialogs.errors == [] and tab.value.text() == ""
    assert tab.model.rowCount() == 2
    tab.search.setText(PHONE)
    tab.reload()
    assert tab.model.rowCount() == 1
    cells = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert "139****2222" in cells and "blacklist" in cells and "phone" in cells
    assert not any(PHONE in str(c) or "branch-tablet-9" in str(c) for c in cells)
    tab.view.selectRow(0)
    tab.reason.setText("paid back, cleared")
    tab.buttons["remove"].click()
    assert dialogs.errors == []
    status = tab.model.index(0, 4).data()
    assert "removal pending" in status and "compliance" in status
    tab.view.selectRow(0)
    tab.buttons["approve"].click()  # the user who asked may not approve
    assert len(dialogs.errors) == 1 and "second user" in dialogs.errors[0][1]

    senior = ListsTab(Backend(sqlite_engine, sqlite_actors["senior"]), FakeDialogs())
    qtbot.addWidget(senior)
    assert not senior.buttons["add"].isEnabled() and senior.buttons["approve"].isEnabled()
    senior.search.setText("+86 139-0000-2222")
    senior.reload()
    assert senior.model.rowCount() == 1
    senior.view.selectRow(0)
    senior.buttons["approve"].click()
    assert senior.model.rowCount() == 0  # removed: shown only with "Removed too"
    senior.with_removed.setChecked(True)
    senior.reload()
    assert "removed" in senior.model.index(0, 4).data()

    officer = MainWindow(Backend(sqlite_engine, sqlite_actors["officer"]), FakeDialogs())
    qtbot.addWidget(officer)
    assert not any(isinstance(officer.tabs.widget(i), ListsTab)
                   for i in range(officer.tabs.count()))
