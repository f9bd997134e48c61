"""The model-review case window (issue 32): the figures as evidence, no approve/decline, and
the validator's close with a decision on the model."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases.opening import open_case
from riskdesk.storage.session import unit_of_work
from tests.ui.fakes import FakeDialogs


def test_the_validator_closes_a_model_review_from_its_window(
        qtbot: Any, sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
        tmp_path: Path) -> None:
    """Issue 32: the window lists the breaches in words; an officer sees no approve button
    and cannot close; compliance closes it as "retrain" with a reason."""
    from riskdesk.ui.cases.detail import CaseDialog

    with unit_of_work(sqlite_engine) as s:
        case_id = open_case(
            s, sqlite_actors["compliance"], kind="model_review", priority=1,
            due_at=datetime(2026, 12, 10), dedupe_key="model_review:1:2026-11",
            reason="PSI: value 0.31, limit 0.25", application_no="M1", applicant_name="demo",
            flags="PSI", audit={"model_version": 1, "month": "2026-11", "figures": [
                {"code": "PSI", "value": 0.31, "limit": 0.25}]}).id
    officer = CaseDialog(Backend(sqlite_engine, sqlite_actors["officer"]), case_id or 0,
                         FakeDialogs())
    qtbot.addWidget(officer)
    assert officer.model_figures[1] == "score PSI 0.3100 above 0.25"
    assert officer.buttons["approve"].isHidden() and not officer.model_review.isHidden()
    assert not officer.model_review.close_button.isEnabled()
    window = CaseDialog(Backend(sqlite_engine, sqlite_actors["compliance"]), case_id or 0,
                        FakeDialogs())
    qtbot.addWidget(window)
    panel = window.model_review
    assert panel.close_button.isEnabled()
    panel.decision.setCurrentIndex(panel.decision.findData("retrain"))
    panel.reason.setText("PSI 0.31: the population moved")
    assert panel.close_review()
    assert window.value("status") == "decided" and window.value("decision") == "retrain"
    assert not panel.close_button.isEnabled()
