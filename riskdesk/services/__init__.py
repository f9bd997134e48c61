"""Use cases. Each takes an explicit session and acting user; permission checks and audit
records happen here, in the same transaction as the change."""
