"""Model-governance policy kept in the database: the protected attributes no model may use,
the proxy threshold, the default definition outcomes are computed with, and how often a model
is validated again. Compliance changes it (signed, audited); training, validation and
monitoring read it.

The default definition's source: a default is 90 or more days past due (Basel framework,
CRE36.69 / EU CRR art. 178; in China the Measures for Risk Classification of Financial Assets,
2023, make over 90 days substandard, i.e. non-performing), observed within 12 months on book
(the one-year horizon of a Basel PD and of IFRS 9's 12-month expected loss).
"""
from __future__ import annotations

import copy
import json
from typing import Any

from sqlmodel import Session

from riskdesk.domain.users import AppSetting
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.scoring.protected import PROTECTED_DEFAULT, PROXY_THRESHOLD
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

KEY = "model.governance"
DEFAULT_DEFINITION: dict[str, Any] = {
    "dpd": 90, "months_on_book": 12,
    "source": "Basel CRE36.69 / EU CRR art. 178 (90+ days past due); NFRA Measures for Risk "
              "Classification of Financial Assets (2023); 12-month horizon of Basel PD and "
              "IFRS 9 12-month ECL",
}
DEFAULTS: dict[str, Any] = {
    "protected": PROTECTED_DEFAULT,
    "proxy_threshold": PROXY_THRESHOLD,
    "default_definition": DEFAULT_DEFINITION,
    "validation_months": 12,
}


def policy(session: Session | None) -> dict[str, Any]:
    """The policy in force: the stored changes over the defaults (no session: the defaults)."""
    out = copy.deepcopy(DEFAULTS)
    row = session.get(AppSetting, KEY) if session is not None else None
    if row is not None:
        out.update(json.loads(row.value))
    return out


def set_policy(session: Session, actor: Actor, **changes: Any) -> dict[str, Any]:
    """Compliance changes part of the policy; the event (signed) holds before and after."""
    require(actor, Action.POLICY_CHANGE)
    unknown = sorted(set(changes) - set(DEFAULTS))
    if unknown:
        raise InvalidInput(translate("Model", "Unknown model-governance setting: {names}.")
                           .format(names=", ".join(unknown)))
    definition = changes.get("default_definition")
    if definition is not None and not (
            isinstance(definition.get("dpd"), int) and 1 <= definition["dpd"] <= 360
            and isinstance(definition.get("months_on_book"), int)
            and 1 <= definition["months_on_book"] <= 60):
        raise InvalidInput(translate("Model", "A default definition needs days past due "
                                     "between 1 and 360 and months on book between 1 and 60."))
    before = policy(session)
    after = before | changes
    stored = {k: v for k, v in after.items() if v != DEFAULTS[k]}
    row = session.get(AppSetting, KEY) or AppSetting(
        key=KEY, value="", changed_by="", changed_at=utcnow(session))
    row.value = json.dumps(stored, sort_keys=True, ensure_ascii=False)
    row.changed_by, row.changed_at = actor.username, utcnow(session)
    session.add(row)
    audit.append(session, actor, action="model.governance", entity_type="setting", entity_id=KEY,
                 before={k: before[k] for k in changes}, after=changes)
    return after
