"""The users screen countersigns a new user's signing key (issue 24): the administrator types
the fingerprint the user reads out; a wrong one is refused and the key stays pending."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from riskdesk.services.admin import signing_keys, users
from riskdesk.services.admin.backend import Backend
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.ui.fakes import FakeDialogs


class TypingDialogs(FakeDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.typed: list[str] = []

    def ask_text(self, parent: QWidget, title: str, text: str) -> str | None:
        return self.typed.pop(0) if self.typed else None


def test_the_users_screen_countersigns_a_new_key(qtbot: Any, sqlite_engine: Engine,
                                                 sqlite_actors: dict) -> None:
    from riskdesk.ui.admin import AdminDialog

    with unit_of_work(sqlite_engine) as s:
        users.create_user(s, sqlite_actors["admin"], username="newbie", password=PASSWORD,
                          roles=["officer"])
    with unit_of_work(sqlite_engine) as s:
        newbie = users.sign_in(s, username="newbie", password=PASSWORD, channel="test")
    assert newbie is not None and newbie.signer is not None
    dialogs = TypingDialogs()
    screen = AdminDialog(Backend(sqlite_engine, sqlite_actors["admin"]), dialogs)
    qtbot.addWidget(screen)
    screen.select_user("admin")
    assert not screen.buttons["countersign"].isEnabled()  # never one's own key
    screen.select_user("newbie")
    fingerprint = newbie.signer.fingerprint
    dialogs.typed = ["0" * 32, " ".join(fingerprint[i:i + 4] for i in range(0, 32, 4))]
    qtbot.mouseClick(screen.buttons["countersign"], Qt.MouseButton.LeftButton)
    assert dialogs.errors and "fingerprint does not match" in dialogs.errors[-1][1]
    screen.select_user("newbie")
    qtbot.mouseClick(screen.buttons["countersign"], Qt.MouseButton.LeftButton)
    assert len(dialogs.errors) == 1
    with unit_of_work(sqlite_engine, write=False) as s:
        assert signing_keys.pending_note(s, newbie) == ""
        assert [k.status for k in signing_keys.key_rows(s, sqlite_actors["admin"])
                if k.username == "newbie"] == ["active"]
