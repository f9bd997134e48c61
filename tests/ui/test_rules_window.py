"""The "Rules and policy" tab (issue 30): the backtest shows the figures the service computes,
and a change is proposed by compliance and approved by a senior officer through the tab."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.credit import proposals, rulesets
from riskdesk.services.credit.backtest import backtest
from riskdesk.storage.session import unit_of_work


def test_propose_backtest_and_approve_through_the_tab(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],  # type: ignore[no-untyped-def]
        sqlite_scored: tuple[int, int]) -> None:
    from riskdesk.ui.rules_tab import RulesTab
    from tests.ui.fakes import FakeDialogs

    dialogs = FakeDialogs()
    tab = RulesTab(Backend(sqlite_engine, sqlite_actors["compliance"]), dialogs)
    qtbot.addWidget(tab)
    assert tab.rules_model.rowCount() >= 12 and "SHARED_DEVICE" in {
        r.code for r in tab.rules_model.rows}
    assert tab.proposal_buttons["approve"].isEnabled()  # compliance approves others' changes
    tab.rule_edit.setText("SHARED_DEVICE.min_applicants=10")
    tab.days.setValue(90)
    tab.run_backtest()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60_000)
    with unit_of_work(sqlite_engine, write=False) as s:
        expected = backtest(s, sqlite_actors["compliance"], changes=proposals.parse_changes(
            ["SHARED_DEVICE.min_applicants=10"], []), days=90)
    assert tab.figure_labels["flagged_before"].text() == str(expected.before.flagged)
    assert tab.figure_labels["flagged_after"].text() == str(expected.after.flagged)
    assert tab.changed_model.rowCount() == len(expected.changed)
    tab.rule_edit.setText("SHARED_DEVICE.min_applicants=2")  # some applications change
    tab.result = None
    tab.run_backtest()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60_000)
    model = tab.changed_model
    assert model.rowCount() > 0 and all(
        model.index(r, c).data() is not None
        for r in range(model.rowCount()) for c in range(model.columnCount()))

    tab.rule_edit.setText("SHARED_DEVICE.min_applicants=10")
    tab.why_edit.setText("device farms only")
    tab.propose()
    assert not dialogs.errors and tab.proposals_model.rowCount() == 1
    pid = tab.proposals_model.row(0).id
    tab.proposals_table.selectRow(0)
    tab.approve_selected()  # the proposer: refused, shown, nothing changes
    assert dialogs.errors and "four-eyes" in dialogs.errors[-1][1]
    with unit_of_work(sqlite_engine, write=False) as s:
        _, settings = rulesets.current_rule_set(s, sqlite_actors["compliance"])
    assert settings["SHARED_DEVICE"].params["min_applicants"] == 3

    senior = RulesTab(Backend(sqlite_engine, sqlite_actors["senior"]), FakeDialogs())
    qtbot.addWidget(senior)
    assert not senior.propose_button.isEnabled()
    senior.proposals_table.selectRow(0)
    senior.approve_selected()
    assert senior.proposals_model.row(0).status == "approved" == proposals.APPROVED
    with unit_of_work(sqlite_engine, write=False) as s:
        rs, settings = rulesets.current_rule_set(s, sqlite_actors["compliance"])
        assert settings["SHARED_DEVICE"].params["min_applicants"] == 10
        assert proposals.get_proposal(s, sqlite_actors["senior"],
                                      proposal_id=pid).rule_set_id == rs.id
    versions = [v for v in senior.versions_model.rows if v.kind == "rules"]
    assert versions[0].approved_by == "senior" and versions[0].state == "in_force"
    senior.versions_table.selectRow(0)  # compare the two newest rule sets
    senior.versions_table.selectionModel().select(senior.versions_model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
               | QItemSelectionModel.SelectionFlag.Rows)
    senior.compare_selected()
    assert {(d.item, d.field) for d in senior.diff_model.rows} == {
        ("SHARED_DEVICE", "min_applicants")}
