"""Audit: the hash-chained audit trail and its anchors outside the database, audit packs
(export and verification), auditors' findings, and data key escrow and rotation."""
