"""Who is acting: the signed-in user, as services see them."""
from __future__ import annotations

from dataclasses import dataclass, field

from riskdesk.security.signing import Signer


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    # the user's signing key, unlocked by their password at sign-in and held for the session;
    # the audit trail signs their final decisions with it (services/audit/signatures.py)
    signer: Signer | None = field(default=None, compare=False, repr=False)

    def has(self, role: str) -> bool:
        return role in self.roles


SYSTEM = Actor(user_id=None, username="system", roles=frozenset())
