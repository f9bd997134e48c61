"""Cases: the review queue (filters, keyset pages, counts), a case as its window shows it, the
work on a case (claim, assign, notes, drafts, decide, check), the export of a queue view, and
the Applications tab's read model."""
from riskdesk.services.cases import tally as _tally  # noqa: E402, F401  (its flush listener)
