"""The scorecard scale: 600 points at good:bad odds of 50:1, 20 points to double the odds.

A common retail-credit convention: officers read points (higher = safer) rather than
probabilities, and the scale stays put when the model is retrained.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NumPy loads with the first score drawn, not with the window (issue 35)
    import numpy as np

BASE_POINTS = 600
BASE_ODDS = 50.0
PDO = 20
FACTOR = PDO / math.log(2)
OFFSET = BASE_POINTS - FACTOR * math.log(BASE_ODDS)


def points(pd_: np.ndarray) -> np.ndarray:
    import numpy as np

    p = np.clip(np.asarray(pd_, dtype=float), 1e-9, 1 - 1e-9)
    out: np.ndarray = np.rint(OFFSET + FACTOR * np.log((1 - p) / p)).astype(np.int64)
    return out


def points_effect(contribution: float) -> int:
    """A reason's effect in points: its contribution to the log-odds of default moves the score
    by -FACTOR points per unit (a reason that raises risk costs points)."""
    return int(round(-FACTOR * contribution))


def points_at(pd_: float) -> int:
    """The score of a probability of default (a band's threshold in points)."""
    import numpy as np

    return int(points(np.asarray([pd_]))[0])


def describe() -> str:
    return (f"points = {OFFSET:.2f} + {FACTOR:.4f} x ln(good:bad odds); "
            f"{BASE_POINTS} points at {BASE_ODDS:.0f}:1, {PDO} points double the odds")
