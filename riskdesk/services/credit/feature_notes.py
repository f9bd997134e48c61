"""Notes on the model's features: why a reason points the way it does where that needs saying
(issue 26: "income verified" raises risk in the data the demo model learnt from).

The notes are data kept with the model (``resources/model/feature_notes.json``, shipped with
it), not text in the code; compliance changes a note through :func:`set_feature_note` (its
permission, an audit event with before and after), which the database keeps as a setting
(``feature_note.<feature>``) in front of the shipped one. The case window shows each note
beside its reason, in the reader's language.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from riskdesk.domain.users import AppSetting
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.paths import resources_dir
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

PREFIX = "feature_note."
MAX_CHARS = 600  # per language: both and the JSON around them fit a setting's 2000


@dataclass(frozen=True)
class FeatureNote:
    feature: str
    en: str
    zh: str
    changed_by: str  # "" for the note shipped with the model


@functools.lru_cache(maxsize=1)
def shipped() -> dict[str, FeatureNote]:
    """The notes shipped with the model (resources/model/feature_notes.json)."""
    data = json.loads((resources_dir() / "model" / "feature_notes.json").read_text("utf-8"))
    return {f: FeatureNote(f, str(v.get("en", "")), str(v.get("zh", "")), "")
            for f, v in data.items()}


def feature_notes(session: Session) -> dict[str, FeatureNote]:
    """Every feature's note: compliance's where it changed one, else the shipped one. A note
    with both texts empty is a note compliance removed."""
    notes = dict(shipped())
    for row in session.exec(select(AppSetting).where(
            col(AppSetting.key).startswith(PREFIX))):
        value = json.loads(row.value)
        feature = row.key[len(PREFIX):]
        notes[feature] = FeatureNote(feature, value["en"], value["zh"], row.changed_by)
    return {f: n for f, n in notes.items() if n.en or n.zh}


def set_feature_note(session: Session, actor: Actor, *, feature: str, en: str,
                     zh: str) -> FeatureNote:
    """Compliance writes (or, with both texts empty, removes) the note on one feature."""
    require(actor, Action.FEATURE_NOTES)
    feature, en, zh = feature.strip(), en.strip(), zh.strip()
    if not feature or len(PREFIX + feature) > 64 or not feature.isidentifier():
        raise InvalidInput(translate("Model", "{feature} is not a feature name.").format(
            feature=feature[:64]))
    if len(en) > MAX_CHARS or len(zh) > MAX_CHARS:
        raise InvalidInput(translate("Model", "A feature note holds at most {n} characters "
                                     "in each language.").format(n=MAX_CHARS))
    old = feature_notes(session).get(feature)
    key = PREFIX + feature
    row = session.get(AppSetting, key) or AppSetting(
        key=key, value="", changed_by="", changed_at=utcnow(session))
    row.value = json.dumps({"en": en, "zh": zh}, ensure_ascii=False)
    row.changed_by, row.changed_at = actor.username, utcnow(session)
    session.add(row)
    audit.append(session, actor, action="feature_note.change", entity_type="setting", entity_id=key,
                 before={"en": old.en, "zh": old.zh} if old else None,
                 after={"en": en, "zh": zh})
    return FeatureNote(feature, en, zh, actor.username)
