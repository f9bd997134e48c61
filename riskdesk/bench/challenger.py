"""A challenger for ``riskdesk bench score --challenger`` (issue 32): the bundled model cut to
its first half of boosting rounds (same features, a different model), registered, proposed,
validated and approved to score in shadow the way a bank's would be, so the job's time with a
challenger beside the active model can be set against its time without one."""
from __future__ import annotations

from typing import Any

import xgboost as xgb
from sqlalchemy import Engine

from riskdesk.scoring.train import TrainedModel
from riskdesk.services.actor import Actor
from riskdesk.services.credit import registry as models
from riskdesk.services.credit import shadow
from riskdesk.services.credit.validation import issue
from riskdesk.storage.session import unit_of_work


def half_model() -> TrainedModel:
    """The bundled model's first half of boosting rounds, with its metadata."""
    shipped = models.default_model()
    booster = xgb.Booster()
    booster.load_model(bytearray(shipped.artefact))
    half = max(1, booster.num_boosted_rounds() // 2)
    return TrainedModel(bytes(booster[0:half].save_raw("ubj")), dict(shipped.meta))


def add_challenger(engine: Engine, admin: Actor, compliance: Actor) -> Any:
    """The half model proposed by ``admin`` and approved for shadow by ``compliance`` on its
    own validation report (cheap: no bootstrap)."""
    with unit_of_work(engine) as session:
        mv = models.register(session, admin, model=half_model(), name="bench challenger")
        models.propose(session, admin, model_id=mv.id or 0)
        model_id = mv.id or 0
    issued, _ = issue(engine, compliance, model_id=model_id, language="en", bootstrap=0)
    with unit_of_work(engine) as session:
        return shadow.approve_for_shadow(session, compliance, model_id=model_id,
                                         report_sha256=issued.report.sha256,
                                         findings="bench: a challenger in shadow")
