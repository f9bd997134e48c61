"""The issue 33 acceptance file: 200 ordinary applicants, a couple sharing one device, and 12
applicants chained through 12 devices each shared by exactly two of them, each applying twice
within a week. Shared by the core and the UI tests (no Qt)."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from riskdesk.services.actor import Actor
from riskdesk.services.intake.applications import ImportResult, import_file
from riskdesk.storage.clock import utcnow
from tests.helpers import sample

CHAIN = 12


def ring_frame(*, seed: int = 33, prefix: str = "RG") -> pd.DataFrame:
    """226 rows: R..000-199 ordinary, 200-201 the couple, then the chain's 24."""
    people = sample(400, seed=seed, prefix=prefix).drop_duplicates("id_no")  # one row each
    people = people.iloc[:200 + 2 + CHAIN].reset_index(drop=True)
    people["application_no"] = [f"{prefix}{i:05d}" for i in range(len(people))]
    local_now = utcnow() + timedelta(hours=8)  # the file's times are Shanghai time
    people["submitted_at"] = [(local_now - timedelta(days=6, minutes=7 * i)).strftime(
        "%Y-%m-%d %H:%M:%S") for i in range(len(people))]
    people["device_id"] = [f"{prefix}-dev-{i:04d}" for i in range(len(people))]
    people["phone"] = [f"1370{seed:03d}{i:04d}" for i in range(len(people))]
    people["card_no"] = [f"62220{seed:03d}0000{i:04d}" for i in range(len(people))]
    people.loc[[200, 201], "device_id"] = f"{prefix}-dev-couple"
    ordinary = people.iloc[:202]
    chain = []
    for j in range(CHAIN):
        person = people.iloc[202 + j]
        for k in (0, 1):  # two applications within a week, each on one of two devices
            row = person.copy()
            row["application_no"] = f"{prefix}-C{j:02d}-{k}"
            row["device_id"] = f"{prefix}-chain-{(j + k) % CHAIN:02d}"
            row["submitted_at"] = (local_now - timedelta(days=5 - 3 * k, hours=j)).strftime(
                "%Y-%m-%d %H:%M:%S")
            chain.append(row)
    return pd.concat([ordinary, pd.DataFrame(chain)], ignore_index=True)


def chain_numbers(prefix: str = "RG") -> list[str]:
    return [f"{prefix}-C{j:02d}-{k}" for j in range(CHAIN) for k in (0, 1)]


def import_rings(engine: Engine, actor: Actor, tmp_path: Path, frame: pd.DataFrame | None = None,
                 name: str = "rings.csv") -> ImportResult:
    """The file written as CSV and imported as ``riskdesk import`` does it."""
    path = tmp_path / name
    (ring_frame() if frame is None else frame).to_csv(path, index=False)
    result = import_file(engine, actor, path=path)
    assert not result.refused, result.problem_lines()
    return result
