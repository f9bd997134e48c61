"""The officer's hands on the case window (issue 27): keyboard shortcuts for the note and every
decision, next/previous case of the queue's view, and save-and-next (after a decision the
next case of the same view opens in the same place). The case window itself stays as it is;
this module adds the actions to it, and the main window says what "next" is.

Shortcuts (also in each button's tooltip, in the window's "Case" menu and in the user guide):

- Ctrl+Enter: add the note being written, then the reason box takes the keys
- Ctrl+Shift+A approve, Ctrl+Shift+D decline, Ctrl+Shift+I request information,
  Ctrl+Shift+E escalate (each needs the reason, as the buttons do)
- Ctrl+L: to the reason box
- Ctrl+PgDown / Ctrl+PgUp: the next / previous case of the view the case was opened from
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QWidget

DECISIONS = ("approve", "decline", "request_info", "escalate")
SHORTCUTS: dict[str, str] = {
    "note": "Ctrl+Return",
    "approve": "Ctrl+Shift+A",
    "decline": "Ctrl+Shift+D",
    "request_info": "Ctrl+Shift+I",
    "escalate": "Ctrl+Shift+E",
    "reason": "Ctrl+L",
    "next": "Ctrl+PgDown",
    "previous": "Ctrl+PgUp",
}
# (dialog, step) -> the neighbouring case's window, or None at the end of the view.
Navigate = Callable[[Any, int], Any]


def shortcut_text(key: str) -> str:
    """The shortcut as the platform writes it (Ctrl+Enter reads "Ctrl+Return" in Qt)."""
    return QKeySequence(SHORTCUTS[key]).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, key: str) -> str:
    return f"{text} ({shortcut_text(key)})"


def claim_on_open(username: str) -> bool:
    """The user's setting: opening an unassigned open case claims it."""
    return QSettings().value(f"users/{username}/claim_on_open", False, type=bool) is True


def set_claim_on_open(username: str, on: bool) -> None:
    QSettings().setValue(f"users/{username}/claim_on_open", on)


def save_and_next(username: str) -> bool:
    return QSettings().value(f"users/{username}/save_and_next", True, type=bool) is True


class _NoteKeys(QObject):
    """Ctrl+Enter in the note box adds the note (the box would take it as a new line)."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    key.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if event.type() == QEvent.Type.KeyPress:
                    add_note(self.dialog)
                event.accept()
                return True
        return False


def decide(dialog: Any, key: str) -> None:
    if dialog.buttons[key].isEnabled():
        dialog.act(key)


def add_note(dialog: Any) -> None:
    if not dialog.note_text.isEnabled() or not dialog.note_text.toPlainText().strip():
        return
    dialog.add_note()
    if not dialog.note_text.toPlainText():  # added: the reason is what comes next
        dialog.reason.setFocus()


def install(dialog: Any, navigate: Navigate | None = None) -> None:
    """The shortcuts on ``dialog``; with ``navigate``, next/previous and save-and-next too."""
    dialog.navigate = navigate
    dialog.key_actions = actions = {}
    texts = {key: button.text() for key, button in dialog.buttons.items() if key in DECISIONS}

    def action(key: str, slot: Callable[[], None]) -> QAction:
        act = QAction(dialog)
        act.setShortcut(QKeySequence(SHORTCUTS[key]))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(slot)
        dialog.addAction(act)
        actions[key] = act
        return act

    for key, text in texts.items():
        button = dialog.buttons[key]
        action(key, functools.partial(decide, dialog, key))
        button.setToolTip(with_shortcut(text, key))
    action("note", lambda: add_note(dialog))
    dialog.add_note_button.setToolTip(with_shortcut(dialog.add_note_button.text(), "note"))
    dialog.note_text.installEventFilter(_NoteKeys(dialog))
    action("reason", dialog.reason.setFocus)
    dialog.reason.setToolTip(with_shortcut(dialog.reason.placeholderText(), "reason"))
    dialog.note_text.setFocus()
    if navigate is None:
        return
    action("next", lambda: navigate(dialog, 1))
    action("previous", lambda: navigate(dialog, -1))
    dialog.next_after = box = QCheckBox(QCoreApplication.translate(
        "CaseKeys", "After a decision, open the next case"), dialog)
    box.setToolTip(QCoreApplication.translate(
        "CaseKeys", "The next case of the same queue view; {next} and {previous} move without "
        "deciding").format(next=shortcut_text("next"), previous=shortcut_text("previous")))
    username = dialog.actor.username
    box.setChecked(save_and_next(username))
    box.toggled.connect(lambda on: QSettings().setValue(f"users/{username}/save_and_next", on))
    side = dialog.add_note_button.parentWidget()
    layout = side.layout() if isinstance(side, QWidget) else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(dialog.reason) + 1, box)

    def decided(key: str) -> None:
        if key in DECISIONS and box.isChecked():
            navigate(dialog, 1)

    dialog.after_act = decided
