"""The complaints tab and windows as a handler uses them (issue 28, item 1): Enter never
registers, channel and category must be chosen, a reply that is only the template is refused,
closing asks in words, and a complaint replied after its due time is marked late in the tab,
the window and the month's figures."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine
from sqlmodel import select

from riskdesk.domain.complaints import Complaint
from riskdesk.errors import InvalidInput
from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.complaints import figures as complaint_figures
from riskdesk.services.complaints import handling
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.complaints.intake import ComplaintForm
from riskdesk.ui.complaints.tab import ComplaintsTab
from tests.ui.fakes import FakeDialogs


def _complaints(engine: Engine) -> int:
    with unit_of_work(engine, write=False) as s:
        return len(s.exec(select(Complaint)).all())


def test_enter_never_registers_and_channel_is_required(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """issue 28: Enter in the customer search registered the complaint with the default
    channel; now Enter only searches, and channel and category have no default."""
    dialogs = FakeDialogs()
    form = ComplaintForm(Backend(sqlite_engine, sqlite_actors["officer"]), dialogs)
    qtbot.addWidget(form)
    form.show()
    assert form.channel.currentData() is None and form.category.currentData() is None
    form.name.setText("张三")
    form.description.setPlainText("对还款提醒短信的频率不满")
    form.search.setText("张三")
    qtbot.keyClick(form.search, Qt.Key.Key_Return)
    qtbot.keyClick(form.name, Qt.Key.Key_Enter)
    assert _complaints(sqlite_engine) == 0 and form.isVisible() and form.created is None
    form.register()  # the Register button, channel and category not chosen
    assert _complaints(sqlite_engine) == 0
    assert dialogs.errors and form.tr("the channel") in dialogs.errors[-1][1]
    form.channel.setCurrentIndex(form.channel.findData("phone"))
    form.category.setCurrentIndex(form.category.findData("service_quality"))
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # chosen now, and Enter still does not
    assert _complaints(sqlite_engine) == 0
    form.register()
    assert _complaints(sqlite_engine) == 1 and form.created is not None
    assert form.created.channel == "phone"


def test_a_late_reply_is_marked_and_counted(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """issue 28: a complaint whose final reply was sent after its due time is late: marked in
    the tab's list and in its window, and counted in the month's figures."""
    engine, officer = sqlite_engine, sqlite_actors["officer"]
    with unit_of_work(engine) as s:
        now = utcnow(s)
        late = handling.register(s, officer, channel="phone", category="service_quality",
                                 description="催收电话过多", complainant_name="李四",
                                 received_at=now - timedelta(days=40))
        on_time = handling.register(s, officer, channel="app", category="service_quality",
                                    description="利率说明不清", complainant_name="王五",
                                    received_at=now - timedelta(days=1))
        ids = [late.id or 0, on_time.id or 0]
    for cid in ids:
        with unit_of_work(engine) as s:
            c = handling.investigate(s, officer, complaint_id=cid, version=1)
            template = handling.response_template("zh").format(number=c.number)
            with pytest.raises(InvalidInput, match="template"):
                handling.respond(s, officer, complaint_id=cid, version=c.version,
                                 response=template)  # the bare template
        with unit_of_work(engine) as s:
            c = handling.get(s, officer, complaint_id=cid)
            reply = template.replace("\n\n\n", "\n已核实，我行将调整催收频率。\n")
            handling.respond(s, officer, complaint_id=cid, version=c.version, response=reply)
    with unit_of_work(engine, write=False) as s:
        month = f"{utcnow(s):%Y-%m}"
        f = complaint_figures.figures(s, officer, month=month)
    assert (f.responded, f.late) == (2, 1)
    dialogs = FakeDialogs()
    tab = ComplaintsTab(Backend(engine, officer), dialogs, open_case=lambda _id: None)
    qtbot.addWidget(tab)
    tab.month.set_month(month)
    assert tab.figures.late == 1
    assert "replied late 1;" in tab.dashboard.toPlainText()
    column = [c for c in range(tab.model.columnCount())
              if tab.model._fields[c] == "days_left"][0]
    marks = {tab.model.row_at(r).id: tab.model.data(tab.model.index(r, column))
             for r in range(tab.model.rowCount())}
    assert marks == {ids[0]: "replied late", ids[1]: ""}
    window = tab.open(ids[0])
    qtbot.addWidget(window)
    assert window.complaint is not None and window.complaint.late
    assert window.tr("late: replied after the due time") in window.view.toPlainText()
    handler = window.complaint.handler or window.tr("(not assigned)")
    assert handler == officer.username  # investigating took it
    assert f"Handler\n{handler}\n" in window.view.toPlainText()
    assert "(status: responded)" in window.view.toPlainText()  # each status change listed
    assert f"(status: investigating; handler: {officer.username})" in window.view.toPlainText()
    # closing without the customer's reaction names what is missing in words, not codes
    window.act("close")
    assert dialogs.errors
    text = dialogs.errors[-1][1]
    assert "no_answer" not in text and "accepted" not in text
