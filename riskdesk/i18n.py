"""One helper for translatable core messages.

The core never imports Qt; the GUI installs Qt's translator with :func:`install` so core messages
shown in windows come out in the user's language, while the CLI gets the same catalogue through
the same call. ``pyside6-lupdate`` finds ``translate("Context", "text")`` calls and
``QT_TRANSLATE_NOOP`` marks, so core strings land in the ``.ts`` file like widget strings.
"""
from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def install(translator: Callable[[str, str], str] | None) -> None:
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    return _translator(context, text) if _translator else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Marks a string for extraction where it is defined; translate it where it is shown."""
    return text
