"""One helper for translatable core messages.

The core never imports Qt; the GUI installs Qt's translator with :func:`install` so core messages
shown in windows come out in the user's language, while the CLI gets the same catalogue through
the same call. ``pyside6-lupdate`` finds ``translate("Context", "text")`` calls and
``QT_TRANSLATE_NOOP`` marks, so core strings land in the ``.ts`` file like widget strings.

A report is written in the language picked for it, not the interface's: :func:`language` sets a
catalogue for the current thread (context) only, so a worker rendering a Chinese report leaves
the English window it runs under alone.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Translator = Callable[[str, str], str]

_translator: Translator | None = None
_catalogues: Callable[[str], Translator] | None = None
_local: ContextVar[Translator | None] = ContextVar("riskdesk_language", default=None)


def install(translator: Translator | None) -> None:
    global _translator
    _translator = translator


def install_catalogues(factory: Callable[[str], Translator] | None) -> None:
    """``factory("zh")`` returns that language's translator; registered by the Qt layer."""
    global _catalogues
    _catalogues = factory


def _identity(_context: str, text: str) -> str:
    return text


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Core messages in ``lang`` (``zh`` or ``en``) inside the block, in this context only."""
    if lang.startswith("zh"):
        if _catalogues is None:
            raise RuntimeError("no translation catalogue is installed for " + lang)
        chosen = _catalogues("zh")
    else:
        chosen = _identity  # the source strings are English
    token = _local.set(chosen)
    try:
        yield
    finally:
        _local.reset(token)


def translate(context: str, text: str) -> str:
    local = _local.get()
    if local is not None:
        return local(context, text)
    return _translator(context, text) if _translator else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Marks a string for extraction where it is defined; translate it where it is shown."""
    return text


def join_list(items: Iterable[str]) -> str:
    """The items of a short list in a message: "审计、合规" in Chinese, "audit, compliance" in
    English (issue 28: no ASCII comma in Chinese text)."""
    return translate("Lists", ", ").join(items)


def join_clauses(items: Iterable[str]) -> str:
    """Clauses that each say something (reasons, problems): "；" between them in Chinese, "; "
    in English (issue 28)."""
    return translate("Lists", "; ").join(items)


def chinese() -> bool:
    """Whether core text is coming out in Chinese here (the report's or the window's
    language): for what a catalogue cannot hold, such as a merchant category's name."""
    return translate("Language", "en") == "zh"
