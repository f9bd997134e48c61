"""Who is acting: the signed-in user, as services see them."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    roles: frozenset[str] = field(default_factory=frozenset)

    def has(self, role: str) -> bool:
        return role in self.roles


SYSTEM = Actor(user_id=None, username="system", roles=frozenset())
