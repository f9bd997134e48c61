"""The fraud-ring graph (issue 33): from the ring's case, click an applicant's node, see its
applications, open one; the members table beside the graph; zoom."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases.applications import case_of_application
from riskdesk.services.rings.views import list_rings
from tests.ring_helpers import chain_numbers, import_rings
from tests.ui.fakes import FakeDialogs


def test_click_a_node_and_open_its_application(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 33 acceptance: the ring case's window offers the graph; a click on an applicant
    lists their two applications; Open opens the application's case (or says it has none)."""
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.rings import RingDialog

    import_rings(sqlite_engine, sqlite_actors["officer"], tmp_path)
    backend = Backend(sqlite_engine, sqlite_actors["officer"])
    [ring] = backend.read(list_rings)
    assert ring.case_id is not None
    dialogs = FakeDialogs()
    case = CaseDialog(backend, ring.case_id, dialogs)
    qtbot.addWidget(case)
    assert not case.ring_button.isHidden()
    window = case.open_ring()
    assert isinstance(window, RingDialog)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    assert window.members.rowCount() == 24
    assert sorted(window.members.rows[i].application_no for i in range(24)) == \
        sorted(chain_numbers())
    applicants = [n for n in window.detail.nodes if n.kind == "applicant"]
    keys = [n for n in window.detail.nodes if n.kind != "applicant"]
    assert len(applicants) == 12 and len(keys) == 12 and {n.kind for n in keys} == {"device"}
    assert all("*" in n.label for n in window.detail.nodes)  # masked
    # the applicant whose application has a case, if any has one
    has_case = {m.application_no for m in window.detail.members
                if backend.read(case_of_application, application_id=m.application_id) is not None}
    with_case = [n for n in applicants if has_case & set(n.applications)]
    node = (with_case or applicants)[0]
    item = window.graph.items_by_id[node.id]
    point = window.graph.mapFromScene(item.scenePos())
    qtbot.mouseClick(window.graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert sorted(window.node_apps.stringList()) == sorted(node.applications)
    assert len(node.applications) == 2 and item.isSelected()
    if with_case:  # the one with a case
        row = window.node_apps.stringList().index(sorted(has_case & set(node.applications))[0])
        window.node_list.setCurrentIndex(window.node_apps.index(row))
    opened = window.open_selected()
    if with_case:
        assert isinstance(opened, CaseDialog)
        qtbot.addWidget(opened)
    else:
        assert opened is None and dialogs.infos
    before = window.graph.transform().m11()
    window.graph.zoom(1.25)
    assert window.graph.transform().m11() > before


def test_ring_case_queue_row_names_its_counts() -> None:
    """A ring case's queue row shows its applicants and applications where a name would be
    (issue 33); a name is shown as it is."""
    from riskdesk.ui.paged_model import display_value

    assert display_value("applicant_name", "12 / 24") == "12 applicants, 24 applications"
    assert display_value("applicant_name", "王小明") == "王小明"


def test_close_a_ring_as_confirmed_fraud_four_eyes(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        sqlite_scored: tuple[int, int], tmp_path: Path) -> None:
    """Issue 33: in the ring's case an officer proposes "confirmed fraud" (asked once more);
    the proposer may not confirm; a senior officer sends it back without a reason (refused,
    said why), then with one; proposed again, the senior confirms: keys blacklisted, open
    applications declined into the decision feed, the case closed, both steps signed."""
    from sqlalchemy import select
    from sqlmodel import col

    from riskdesk.domain.audit import AuditEvent
    from riskdesk.domain.feed import FeedRecord
    from riskdesk.storage.session import unit_of_work
    from riskdesk.ui.cases.detail import CaseDialog

    import_rings(sqlite_engine, sqlite_actors["officer"], tmp_path)
    officer = Backend(sqlite_engine, sqlite_actors["officer"])
    senior = Backend(sqlite_engine, sqlite_actors["senior"])
    [ring] = officer.read(list_rings)
    assert ring.case_id is not None
    dialogs = FakeDialogs()

    def window(backend: Backend) -> CaseDialog:
        dialog = CaseDialog(backend, ring.case_id, dialogs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()  # a click reaches a shown button only
        return dialog

    mine = window(officer)
    panel = mine.ring_close
    assert not panel.isHidden() and panel.propose_button.isEnabled()
    assert "12" in panel.blacklist.text() and panel.confirm_button.isHidden()
    panel.reason.setText("同一中介包装，设备串联")
    dialogs.confirm_answer = False  # asked once more: "no" saves nothing
    qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    assert panel.state is not None and panel.state.status == "open"
    dialogs.confirm_answer = True
    qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    assert panel.state is not None and panel.state.status == "awaiting_check"
    assert "RING-" in dialogs.confirms[-1][0] and not dialogs.errors
    assert not panel.confirm_button.isEnabled()  # the proposer may not check it
    checker = window(senior).ring_close
    assert checker.confirm_button.isEnabled() and "officer" in checker.status.text()
    qtbot.mouseClick(checker.send_back_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors and checker.state is not None \
        and checker.state.status == "awaiting_check"  # no reason: refused, said why
    checker.reason.setText("先核实工作单位")
    qtbot.mouseClick(checker.send_back_button, Qt.MouseButton.LeftButton)
    assert checker.state is not None and checker.state.status == "open"
    panel.reload()
    panel.reason.setText("同一中介包装，设备串联")
    qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    checker.reload()
    open_apps = checker.state.open_applications if checker.state else 0
    qtbot.mouseClick(checker.confirm_button, Qt.MouseButton.LeftButton)
    assert checker.state is not None and checker.state.status == "confirmed"
    assert not checker.confirm_button.isEnabled() and not checker.propose_button.isEnabled()
    assert "12" in dialogs.infos[-1][1]
    with unit_of_work(sqlite_engine, write=False) as s:
        fed = s.execute(select(col(FeedRecord.application_no)).where(
            col(FeedRecord.source) == "ring")).scalars().all()
        signed = s.execute(select(col(AuditEvent.action), col(AuditEvent.signature)).where(
            col(AuditEvent.action).like("ring.confirm%"))).all()
    assert len(fed) == open_apps > 0
    assert sorted(a for a, _ in signed) == ["ring.confirm", "ring.confirm.propose",
                                            "ring.confirm.propose", "ring.confirm.send_back"]
    assert all(sig for _, sig in signed)
