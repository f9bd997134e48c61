"""A fraud ring for the demo (issue 33): twelve applicants chained through twelve devices, each
device shared by two of them, each applying twice within a week; two share an employer and
one gives another's phone as emergency contact. No single-application rule sees it; the
FRAUD_RING rule opens one case for its 24 applications. Synthetic personal data throughout."""
from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import Engine

from riskdesk.demo.frame import demo_frame
from riskdesk.services.actor import Actor

CHAIN = 12


def ring_frame(now: datetime, *, seed: int = 4242, prefix: str = "RING-DEMO") -> pd.DataFrame:
    """The ring's 24 applications, submitted in the week before ``now`` (naive UTC; the
    file's times are Shanghai time)."""
    people = demo_frame(CHAIN * 4, seed=seed).drop_duplicates("id_no").iloc[:CHAIN]
    people = people.reset_index(drop=True)
    local = now + timedelta(hours=8)
    people["phone"] = [f"1398765{i:04d}" for i in range(CHAIN)]
    people["card_no"] = [f"6222987600{i:06d}" for i in range(CHAIN)]
    people["employer"] = None
    people.loc[[3, 8], "employer"] = "深圳市某某网络科技有限公司"
    people["contact_phone"] = None
    people.loc[5, "contact_phone"] = str(people["phone"].iloc[10])
    rows = []
    for j in range(CHAIN):
        for k in (0, 1):
            row = people.iloc[j].copy()
            row["application_no"] = f"{prefix}-{j:02d}{k}"
            row["device_id"] = f"{prefix.lower()}-dev-{(j + k) % CHAIN:02d}"
            row["submitted_at"] = (local - timedelta(days=6 - 3 * k, hours=2 * j)).strftime(
                "%Y-%m-%d %H:%M:%S")
            rows.append(row)
    return pd.DataFrame(rows).reset_index(drop=True)


def import_ring(engine: Engine, actor: Actor, now: datetime) -> int:
    """Imports the ring (scored on import, which finds it); the ring's id."""
    from hashlib import sha256

    from sqlalchemy import select

    from riskdesk.domain.rings import FraudRing
    from riskdesk.domain.tables import table_of
    from riskdesk.services.intake.applications import import_frame
    from riskdesk.storage.session import unit_of_work

    frame = ring_frame(now)
    import_frame(engine, actor, frame=frame, file_name="ring.csv",
                 sha256=sha256(frame.to_csv(index=False).encode()).hexdigest())
    with unit_of_work(engine, write=False) as session:
        ring = table_of(FraudRing).c
        found = session.execute(select(ring.id).order_by(ring.id.desc())).first()
    if found is None:
        raise RuntimeError("the demo's ring was not found")
    return int(found[0])
