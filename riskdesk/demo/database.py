"""Build the demo database: schema, one user per role, and the demo applications imported
through the normal importer (so the demo's audit trail and encryption are the real ones)."""
from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Engine, func
from sqlmodel import select

from riskdesk.demo.frame import DEMO_PASSWORD, demo_frame, demo_users, source_frame
from riskdesk.domain.applications import Application
from riskdesk.paths import resources_dir
from riskdesk.services.actor import Actor
from riskdesk.services.admin.signing_keys import countersign
from riskdesk.services.admin.users import create_user, sign_in
from riskdesk.services.credit import registry as models
from riskdesk.services.credit.scoring_job import score_applications
from riskdesk.services.intake.applications import import_frame
from riskdesk.storage import migrate
from riskdesk.storage.engine import make_engine, redact_url
from riskdesk.storage.session import unit_of_work


def build_demo(target: str, *, rows: int | None = None, now: datetime | None = None,
               post_loan: bool = True) -> str:
    """``now``: the instant the demo applications were submitted up to (default: the clock's
    now, when their frame is made); the guide's pictures pass one so their times repeat.
    ``post_loan=False`` leaves out the loan book, its monthly monitoring runs and the partner
    reviews drawn from it (most of the build's time): for a benchmark of the pre-loan queue
    alone. ``riskdesk demo`` always builds them."""
    engine = make_engine(target)
    migrate.upgrade(engine)
    with unit_of_work(engine, write=False) as session:
        existing = session.exec(select(func.count()).select_from(Application)).one()
    if existing:
        return f"{redact_url(engine.url)}: demo database already holds {existing} applications"
    with unit_of_work(engine) as session:
        users = demo_users()
        admin = create_user(session, None, username=users[0][0], password=DEMO_PASSWORD,
                            roles=users[0][1])
        assert admin.id is not None
        creator = Actor(admin.id, admin.username, frozenset(users[0][1]))
        for name, roles in users[1:]:
            create_user(session, creator, username=name, password=DEMO_PASSWORD, roles=roles)
    actor = _signed_in(engine, users[0][0])  # the first administrator: the root signing key
    signed = {actor.username: actor}
    for name, _ in users[1:]:  # each demo user's key, made at sign-in, countersigned
        signed[name] = _countersigned(engine, actor, _signed_in(engine, name))
    n = rows or len(source_frame())
    frame = demo_frame(n, now=now)
    from riskdesk.demo.partners import assign_partners, register_partners

    with unit_of_work(engine) as session:
        register_partners(session, signed["compliance"])
    frame = assign_partners(frame)
    digest = hashlib.sha256((resources_dir() / "data" / "lending_club.csv").read_bytes()
                            + f":{n}".encode()).hexdigest()
    result = import_frame(engine, actor, frame=frame, file_name=f"demo:lending_club.csv x{n}",
                          sha256=digest, file_format="demo", score=False)
    if result.refused:
        raise RuntimeError("demo data failed validation: " + "; ".join(result.problem_lines(5)))
    scoring = _activate_default_model(engine, actor, signed["compliance"])
    if post_loan:
        from riskdesk.demo.loans import load_demo_loans
        from riskdesk.demo.partners import review_partners

        officer = signed["officer"]
        book = load_demo_loans(engine, officer)
        book += "; " + review_partners(engine, officer)
    else:
        book = "left out"
    anchored = _first_anchor(engine, actor)
    return (f"{redact_url(engine.url)}: demo database with {result.inserted} applications; "
            f"users {', '.join(u for u, _ in users)} (password: {DEMO_PASSWORD}); "
            f"{scoring}; post-loan: {book}; {anchored}")


def _first_anchor(engine: Engine, admin: Actor) -> str:
    """The anchor key (in this computer's keyring, when it has none and a keyring works), a
    first anchor of the finished demo and the anchor file it is appended to: a fresh demo
    verifies as anchored (``riskdesk audit verify`` exits 0; issue 24)."""
    import logging

    from keyring.errors import KeyringError

    from riskdesk.services.audit import anchors

    try:
        if not anchors.has_key():
            anchors.create_key()
    except KeyringError as exc:  # no usable keyring here: the file anchor still holds
        logging.getLogger(__name__).warning("no anchor key made: %s", exc)
    with unit_of_work(engine) as session:
        mark = anchors.anchor_head(session, admin, note="riskdesk demo")
    sealed = f"sealed with anchor key {mark.key_id}" if mark.key_id else "not sealed (no key)"
    return f"audit anchored at event {mark.seq} in {mark.file} ({sealed})"


def _activate_default_model(engine: Engine, admin: Actor, compliance: Actor) -> str:
    """The bundled model, registered and proposed by the admin, validated by compliance (its
    validation report archived in Chinese) and approved on that report (the same path as any
    model, issue 31), then every application scored."""
    from riskdesk.services.credit.validation import report_language, validate_and_approve

    with unit_of_work(engine) as session:
        mv = models.register(session, admin, model=models.default_model(),
                             name="demo model (bundled)")
        models.propose(session, admin, model_id=mv.id or 0)
        model_id = mv.id or 0
    validate_and_approve(engine, compliance, model_id=model_id, language=report_language("zh"),
                         bootstrap=200,
                         findings="演示模型：按验证报告批准；最高十分位的校准需持续关注。")
    return score_applications(engine, admin, scope="all").summary()


def _signed_in(engine: Engine, username: str) -> Actor:
    """The demo user signed in, their signing key unlocked (a demo user's decisions are signed
    like anyone's)."""
    with unit_of_work(engine) as session:
        actor = sign_in(session, username=username, password=DEMO_PASSWORD, channel="demo")
    if actor is None:
        raise RuntimeError(f"demo user {username} cannot sign in")
    return actor


def _countersigned(engine: Engine, admin: Actor, actor: Actor) -> Actor:
    assert actor.user_id is not None and actor.signer is not None
    with unit_of_work(engine) as session:
        countersign(session, admin, user_id=actor.user_id, fingerprint=actor.signer.fingerprint)
    return actor
