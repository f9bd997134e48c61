"""Before free text is saved: the writer sees which personal data it will be stored without
(issue 25). The service masks it whatever the window does; this only tells the writer first."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from riskdesk.security.pii_scan import find_pii
from riskdesk.ui.dialogs import Dialogs

_KINDS = {
    "id_number": lambda: QCoreApplication.translate("PiiConfirm", "ID number"),
    "phone": lambda: QCoreApplication.translate("PiiConfirm", "mobile number"),
    "card": lambda: QCoreApplication.translate("PiiConfirm", "bank card"),
}


def masked_values(text: str) -> list[str]:
    """What the text will show instead of each value found, with its kind (masked only)."""
    return [f"{f.masked} ({_KINDS[f.kind]()})" for f in find_pii(text)]


def confirm_masking(parent: QWidget, dialogs: Dialogs, *texts: str) -> bool:
    """True to save: nothing to mask, or the writer agreed to the list shown."""
    values = [v for t in texts for v in masked_values(t)]
    if not values:
        return True
    title = QCoreApplication.translate("PiiConfirm", "Personal data will be masked")
    text = QCoreApplication.translate(
        "PiiConfirm", "This text holds personal data. It is saved masked, and the full values "
        "are kept encrypted beside it:\n{values}\n\nSave it so?")
    return dialogs.confirm(parent, title, text.format(
        values="\n".join(f"  {v}" for v in values)))
