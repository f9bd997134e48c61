"""The log file: what the program did and what went wrong, for the administrator and support,
in the platform's log folder, rotating (5 files of 2 MB). No personal data and no secrets go
in: messages are written without them, and a last filter masks anything shaped like an ID
number, phone or card number should one slip into an error text.
"""
from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from riskdesk.config import log_dir

LOG_NAME = "riskdesk.log"
_PATTERNS = (
    (re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)"), r"\1********\2"),  # ID numbers
    (re.compile(r"(?<!\d)(\d{6})\d{3,9}(\d{4})(?!\d)"), r"\1******\2"),  # cards, accounts
    (re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)"), r"\1****\2"),  # mobile phones
    # anything else of 11 digits or more, whatever it is (issue 25)
    (re.compile(r"(\d{3})\d{4,}(\d{4})"), r"\1****\2"),
)


def scrub(text: str) -> str:
    """The shapes of personal data and any long digit run masked, then what is spaced, dashed
    or written with +86 (the same scan as messages, ``security.redact``)."""
    from riskdesk.security.redact import redact

    for pattern, masked in _PATTERNS:
        text = pattern.sub(masked, text)
    return redact(text)


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup(level: int = logging.INFO) -> Path:
    """Attach the rotating file to the ``riskdesk`` logger (once per process)."""
    logger = logging.getLogger("riskdesk")
    path = log_file()
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2 * 2**20, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter(
        "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
