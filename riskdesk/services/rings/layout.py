"""A small force layout for a ring's graph (Fruchterman-Reingold, in NumPy).

A ring has tens of nodes, so the graph library the issue allows would be a dependency for forty
lines: nodes repel as k^2/d, edges pull as d^2/k, the step cools linearly, and the start is a
circle (no randomness: the same ring is drawn the same way every time, in the guide's pictures
too). Positions come back scaled into a unit box around the origin.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# The colours of the graph's nodes by kind, in the window and the report alike.
KIND_COLOURS = {"applicant": "#3b78c4", "device": "#e08a1e", "phone": "#2e9e5b",
                "card": "#8a55c0", "employer": "#2a9d9d"}
FLAGGED_COLOUR = "#d23b3b"


def spring_layout(n: int, edges: Sequence[tuple[int, int]], *,
                  iterations: int = 150) -> np.ndarray:
    """``n`` x 2 positions in [-1, 1] for nodes 0..n-1 joined by ``edges``."""
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)])
    k = np.sqrt(4.0 / n)
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        move = (delta * (k * k / dist ** 2)[:, :, None]).sum(axis=1)  # repulsion
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 0.01)
            pull = d * (length / k)[:, None]
            np.add.at(move, e[:, 0], -pull)
            np.add.at(move, e[:, 1], pull)
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos
