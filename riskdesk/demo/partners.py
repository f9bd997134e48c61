"""The demo's partners: four of different quality, all active (an application through a
partner that is not active is flagged by PARTNER_SUSPENDED, issue 30). The partner channel's
applications are shared among them; the one of poor quality receives most of the applications
whose real LendingClub outcome was bad, funds too small a share of its joint loans, and failed
a check at its last review that compliance has not acted on yet."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session

from riskdesk.services.actor import Actor
from riskdesk.services.partners import register as partners
from riskdesk.storage.session import unit_of_work

DEMO_PARTNERS = (  # code, name, kind, share of the bank's joint loans funded by the partner
    ("HUIMIN", "惠民数科", "platform", 30.0),
    ("JIEBEI", "捷贝金服", "platform", 35.0),
    ("YOUPIN", "优品商城", "merchant", None),
    ("KUAIDAI", "快贷通", "platform", 20.0),  # below the 30 % minimum
)
SHARES = {code: share for code, _, _, share in DEMO_PARTNERS}


def register_partners(session: Session, compliance: Actor) -> None:
    for i, (code, name, kind, _) in enumerate(DEMO_PARTNERS):
        p = partners.register(session, compliance, code=code, name=name, kind=kind,
                              licence_no=f"JR-2024-{100 + i}", registration_no=f"9131000{i}MA1DEMO")
        for item in partners.CHECKLIST:
            partners.record_check(session, compliance, partner_id=p.id or 0, item=item, passed=True,
                                  evidence=f"{item}: reviewed in the 2026 onboarding file",
                                  review_due=date(2026, 10, 31) if code == "KUAIDAI"
                                  else date(2027, 6, 30))
        partners.set_status(session, compliance, partner_id=p.id or 0, version=p.version,
                            status="active",
                            reason="due diligence complete")
        if code == "KUAIDAI":  # active and lending, but a later review found a failing
            partners.record_check(  # (the tab and the report flag it; the bank must act)
                session, compliance, partner_id=p.id or 0, item="no_outsourced_risk_control",
                passed=False, evidence="2026 Q3 review: credit decisions outsourced to a "
                "third-party risk-control vendor", review_due=date(2026, 10, 31))
    partners.set_capital(session, compliance, effective=date(2026, 1, 1), tier1="90000000",
                         balance="2000000000")


def assign_partners(frame: pd.DataFrame, seed: int = 10) -> pd.DataFrame:
    """Partner-channel rows get a partner code; bad outcomes lean to the poor partner."""
    rng = np.random.default_rng(seed)
    out = frame.copy()
    via = (out["channel"] == "partner").to_numpy()
    bad = (out["outcome"] == "bad").to_numpy()
    codes = np.asarray([c for c, *_ in DEMO_PARTNERS])
    good_pick = codes[rng.choice(4, len(out), p=[0.4, 0.3, 0.25, 0.05])]
    bad_pick = codes[rng.choice(4, len(out), p=[0.1, 0.1, 0.1, 0.7])]
    out["partner_code"] = np.where(via, np.where(bad, bad_pick, good_pick), "")
    return out


def review_partners(engine: Engine, officer: Actor) -> str:
    from riskdesk.services.partners.performance import raise_review_cases
    from riskdesk.services.periods import current_month

    with unit_of_work(engine) as session:
        opened = raise_review_cases(session, officer, month=current_month(session))
    return f"{len(DEMO_PARTNERS)} partners, {len(opened)} partner review case(s)"
