"""The model registry: trained models are stored, proposed by an admin, and activated only
when a validator (compliance), neither its trainer nor its proposer, approves it on a
validation report issued on that exact model (issue 31). Exactly one is active; a model past
its next validation date is overdue."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from riskdesk.domain.enums import ModelStatus
from riskdesk.domain.scoring import ModelVersion, model_name
from riskdesk.errors import InvalidInput, NotFound, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.paths import resources_dir
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

if TYPE_CHECKING:  # training pulls XGBoost, scikit-learn and pandas: on first use (issue 35)
    from riskdesk.scoring.train import TrainedModel

DEFAULT_MODEL = "model/demo_model.ubj"
DEFAULT_META = "model/demo_model.json"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def register(session: Session, actor: Actor, *, model: TrainedModel, name: str) -> ModelVersion:
    require(actor, Action.MODEL_TRAIN)
    mv = ModelVersion(
        name=name[:128], status=ModelStatus.TRAINED, artefact=model.artefact,
        artefact_format="ubj", artefact_sha256=model.sha256, meta=canonical_json(model.meta),
        training_sha256=model.meta["data"]["sha256"], auc=model.meta["held_out"]["auc"],
        ks=model.meta["held_out"]["ks"], created_at=utcnow(session),
        created_by=actor.username)
    session.add(mv)
    session.flush()
    audit.append(session, actor, action="model.register", entity_type="model_version",
                 entity_id=mv.id or 0, after={
        "name": mv.name, "artefact_sha256": mv.artefact_sha256,
        "training_sha256": mv.training_sha256, "auc": mv.auc, "ks": mv.ks,
        "cv": model.meta["cv"]})
    return mv


def get(session: Session, *, model_id: int) -> ModelVersion:
    mv = session.get(ModelVersion, model_id)
    if mv is None:
        raise NotFound(translate("Model", "There is no model {id}.").format(id=model_id))
    return mv


def meta_of(mv: ModelVersion) -> dict[str, Any]:
    return dict(json.loads(mv.meta))


def list_models(session: Session) -> list[ModelVersion]:
    return list(session.exec(select(ModelVersion).order_by(col(ModelVersion.id))).all())


@dataclass(frozen=True)
class ModelInForce:
    """The active model as a window names it (Help > About)."""

    id: int
    name: str
    approved_by: str | None
    next_validation_at: datetime | None = None
    overdue: bool = False


def overdue(session: Session, *, mv: ModelVersion) -> bool:
    """An approved model past its next validation date (by the app's clock)."""
    return mv.next_validation_at is not None and mv.next_validation_at < utcnow(session)


def model_in_force(session: Session, actor: Actor) -> ModelInForce | None:
    """The active model's id, name, approver and next validation date: anyone signed in may
    see which model scores (it is on every decision record)."""
    model = active(session)
    return None if model is None else ModelInForce(
        model.id or 0, model_name(model.name), model.approved_by, model.next_validation_at,
        overdue(session, mv=model))


def active(session: Session) -> ModelVersion | None:
    return session.exec(select(ModelVersion).where(col(ModelVersion.active_slot) == 1)).first()


def propose(session: Session, actor: Actor, *, model_id: int) -> ModelVersion:
    require(actor, Action.MODEL_PROPOSE)
    mv = get(session, model_id=model_id)
    # A challenger in shadow is proposed like any model to become the active one (issue 32).
    if mv.status not in (ModelStatus.TRAINED, ModelStatus.RETIRED, ModelStatus.SHADOW):
        raise InvalidInput(translate("Model", "Model {id} is {status}; only a trained, retired "
                                     "or shadow model can be proposed.").format(
            id=mv.id, status=mv.status))
    from riskdesk.scoring.features import scoreable_columns

    missing = [f for f in meta_of(mv)["features"] if f not in scoreable_columns()]
    if missing:
        raise InvalidInput(translate(
            "Model", "Model {id} uses columns that applications do not have ({cols}); it can be "
            "kept for analysis but not activated.").format(id=mv.id, cols=", ".join(missing)))
    mv.status, mv.proposed_by, mv.proposed_at = ModelStatus.PROPOSED, actor.username, \
        utcnow(session)
    mv.approved_by = mv.approved_at = None
    audit.append(session, actor, action="model.propose", entity_type="model_version",
                 entity_id=model_id,
                 after={"artefact_sha256": mv.artefact_sha256})
    return mv


def approve(session: Session, actor: Actor, *, model_id: int, report_sha256: str = "",
            findings: str = "") -> ModelVersion:
    """The validator's approval: a user who may validate models, neither the model's trainer
    nor its proposer, on a validation report issued on this exact model (its SHA-256, checked
    against the report's issue event), with their findings. The signed event records both;
    the old active model retires in the same transaction (the unique active slot makes a
    second active model impossible)."""
    mv = get(session, model_id=model_id)
    report, findings = approvable(session, actor, mv=mv, report_sha256=report_sha256,
                                  findings=findings)
    previous = active(session)
    if previous is not None:
        session.execute(update(ModelVersion).where(col(ModelVersion.id) == previous.id)
                        .values(active_slot=None, status=ModelStatus.RETIRED))
        session.expire(previous)
    mv.status, mv.active_slot, mv.shadow_slot = ModelStatus.ACTIVE, 1, None  # no longer shadow
    mv.approved_by, mv.approved_at = actor.username, utcnow(session)
    mv.validation_report_id, mv.validation_sha256 = report.report_id, report.sha256
    mv.validation_findings, mv.next_validation_at = findings[:4000], report.next_validation
    session.flush()
    audit.append(session, actor, action="model.approve", entity_type="model_version",
                 entity_id=model_id, after={
        "artefact_sha256": mv.artefact_sha256, "proposed_by": mv.proposed_by,
        "trained_by": mv.created_by, "retired": previous.id if previous else None,
        "validation_report": report.report_no, "validation_sha256": report.sha256,
        "findings": mv.validation_findings,
        "next_validation": report.next_validation.isoformat()})
    return mv


def approvable(session: Session, actor: Actor, *, mv: ModelVersion, report_sha256: str,
               findings: str) -> tuple[Any, str]:
    """The checks every approval of a model passes, to activate it or to run it in shadow
    (issue 32): a user who may approve and validate models, neither its trainer nor its
    proposer, a proposed model, a validation report issued on it, findings written. Returns
    the report on record and the findings."""
    require(actor, Action.MODEL_APPROVE)
    require(actor, Action.MODEL_VALIDATE)
    if mv.status != ModelStatus.PROPOSED:
        raise InvalidInput(translate("Model", "Model {id} is {status}, not proposed.").format(
            id=mv.id, status=mv.status))
    if mv.proposed_by == actor.username:
        raise PermissionDenied(translate(
            "Model", "{user} proposed model {id} and may not also approve it (four-eyes).")
            .format(user=actor.username, id=mv.id))
    if mv.created_by == actor.username:
        raise PermissionDenied(translate(
            "Model", "{user} trained model {id} and may not also validate it.")
            .format(user=actor.username, id=mv.id))
    from riskdesk.services.credit.validation import on_record

    report = on_record(session, mv=mv, sha256=report_sha256)
    findings = findings.strip()
    if not findings:
        raise InvalidInput(translate("Model", "An approval records the validator's findings: "
                                     "write them (--findings TEXT)."))
    return report, findings


def default_model() -> TrainedModel:
    """The model trained on the demo data that ships with riskdesk."""
    base = resources_dir()
    return load_model_files(base / DEFAULT_MODEL, base / DEFAULT_META, trusted=True)


MAX_MODEL_BYTES = 200 * 2**20


def _loads_in_a_child(artefact: bytes) -> bool:
    """XGBoost aborts the whole process on some malformed artefacts (found by fuzzing): a file
    from outside the installation is first loaded in a throwaway process."""
    import multiprocessing
    import tempfile

    from riskdesk.scoring import probe

    with tempfile.TemporaryDirectory(prefix="riskdesk-model-") as tmp:
        path = Path(tmp) / "probe.ubj"
        path.write_bytes(artefact)
        child = multiprocessing.get_context("spawn").Process(target=probe.load,
                                                             args=(str(path),))
        child.start()
        child.join(timeout=120)
        if child.is_alive():
            child.kill()
            child.join()
        return child.exitcode == 0


def load_model_files(artefact_path: Path, meta_path: Path, *,
                     trusted: bool = False) -> TrainedModel:
    """A model artefact (XGBoost UBJ) and its metadata, checked against each other and loaded
    once, so a damaged or foreign file is refused with a message, never half-used.
    ``trusted``: the installation's own files (their hash is checked, no probe process)."""
    def damaged(why: str) -> InvalidInput:
        return InvalidInput(translate("Model", "The model files {file} cannot be used: {why}")
                            .format(file=artefact_path.name, why=why))

    try:
        if artefact_path.stat().st_size > MAX_MODEL_BYTES:
            raise damaged(translate("Model", "larger than {mb} MB").format(
                mb=MAX_MODEL_BYTES // 2**20))
        artefact = artefact_path.read_bytes()
        meta = json.loads(meta_path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise damaged(str(exc.strerror)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise damaged(translate("Model", "the metadata is not JSON ({error})").format(
            error=str(exc)[:200])) from None
    if not isinstance(meta, dict) or not isinstance(meta.get("features"), list) \
            or not isinstance(meta.get("artefact_sha256"), str):
        raise damaged(translate("Model", "the metadata lacks the feature list or the "
                                "artefact's SHA-256"))
    if hashlib.sha256(artefact).hexdigest() != meta["artefact_sha256"]:
        raise InvalidInput(translate("Model", "The bundled model file does not match its "
                                     "metadata (damaged installation)."))
    # The installation's own files are vouched for by their hash; any other file must load
    # in a throwaway process first (that load is the check: it is not repeated here).
    if not artefact.startswith(b"{") or (not trusted and not _loads_in_a_child(artefact)):
        raise damaged(translate("Model", "not an XGBoost model"))
    del meta["artefact_sha256"]
    from riskdesk.scoring.train import TrainedModel

    return TrainedModel(artefact, meta)


def save_default(model: TrainedModel, base: Path) -> None:
    (base / DEFAULT_MODEL).parent.mkdir(parents=True, exist_ok=True)
    (base / DEFAULT_MODEL).write_bytes(model.artefact)
    (base / DEFAULT_META).write_text(json.dumps(model.meta | {"artefact_sha256": model.sha256},
                                                ensure_ascii=False, indent=1, sort_keys=True),
                                     encoding="utf-8")
