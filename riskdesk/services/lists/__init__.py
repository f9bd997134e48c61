"""The managed blacklist and allowlist (issue 30): entries by keyed hash only, a removal that
needs a second user, bulk loads, and what the rules read from them (``entries.rule_lists``,
``entries.allowlisted``)."""
