"""`riskdesk model ...`: train, the registry, monitoring."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    model = sub.add_parser("model", help="credit model: train, registry, monitoring")
    ms = model.add_subparsers(dest="model_command", required=True)
    tr = ms.add_parser("train", help="train an XGBoost model and register it")
    src = tr.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", type=Path, help="CSV file with a binary target column")
    src.add_argument("--demo", action="store_true", help="the bundled demo data")
    tr.add_argument("--target", help="target column (with --data)")
    tr.add_argument("--bad-value", help="the target value that means default")
    tr.add_argument("--time-column", help="hold out the latest 25 %% by this date column")
    tr.add_argument("--exclude", action="append", default=[], help="column not to use")
    tr.add_argument("--name", help="model name (default: from the data)")
    tr.add_argument("--save-default", type=Path, help=argparse.SUPPRESS)
    add_common(tr)
    ml = ms.add_parser("list", help="registered models")
    add_common(ml, user=False)
    for verb, text in (("show", "a model's metrics and metadata"),
                       ("propose", "propose a model for activation (admin)"),
                       ("approve", "approve a proposed model (compliance or senior officer, "
                                   "not the proposer)")):
        mp = ms.add_parser(verb, help=text)
        mp.add_argument("id", type=int)
        add_common(mp, user=verb != "show")
    mon = ms.add_parser("monitor", help="PSI, AUC/KS on known outcomes, override rate")
    mon.add_argument("--month", help="YYYY-MM (default: the current month)")
    add_common(mon)
    notes = ms.add_parser("notes", help="the notes shown beside the reasons of each feature")
    add_common(notes, user=False)
    note = ms.add_parser("note", help="write (or with both texts empty, remove) a feature's "
                                      "note shown beside its reason (compliance; audited)")
    note.add_argument("feature", help="the feature, e.g. verification_status")
    note.add_argument("--en", required=True, help="the note in English")
    note.add_argument("--zh", required=True, help="the note in Chinese")
    add_common(note)


def run(args: argparse.Namespace) -> int:
    from riskdesk.services.credit import registry as models
    from riskdesk.services.credit import training
    from riskdesk.storage.session import unit_of_work

    if args.model_command == "train" and args.save_default:
        trained = training.train_demo(author="riskdesk")
        models.save_default(trained, args.save_default)
        print("\n".join(training.report(trained.meta)))
        return 0
    engine = open_engine(args.db)
    if args.model_command in ("notes", "note"):
        return _notes(engine, args)
    if args.model_command in ("list", "show"):
        with unit_of_work(engine, write=False) as session:
            if args.model_command == "list":
                rows = models.list_models(session)
                print(f"{'id':>4}  {'status':<9} {'AUC':>6} {'KS':>6}  {'created':<19}  "
                      "name")
                for mv in rows:
                    print(f"{mv.id:>4}  {mv.status:<9} {mv.auc:6.4f} {mv.ks:6.4f}  "
                          f"{mv.created_at:%Y-%m-%d %H:%M:%S}  {mv.name}")
                if not rows:
                    print("no models registered")
            else:
                mv = models.get(session, args.id)
                print(f"model {mv.id}: {mv.name} [{mv.status}]")
                print(f"artefact sha256 {mv.artefact_sha256} ({mv.artefact_format}, "
                      f"{len(mv.artefact):,} bytes); created {mv.created_at:%Y-%m-%d %H:%M:%S} "
                      f"by {mv.created_by}")
                print(f"proposed by {mv.proposed_by or '-'}, approved by {mv.approved_by or '-'}")
                print("\n".join(training.report(models.meta_of(mv))))
        return 0
    actor = acting_user(engine, args.user)
    if args.model_command == "train":
        if args.demo:
            trained = training.train_demo(author=actor.username)
        else:
            if not args.target:
                raise RiskdeskError("--data needs --target COLUMN.")
            trained = training.train_file(args.data, args.target, bad_value=args.bad_value,
                                          time_column=args.time_column, exclude=args.exclude,
                                          author=actor.username)
        with unit_of_work(engine) as session:
            mv = models.register(session, actor, trained, args.name or trained.meta["data"]["name"])
        print("\n".join(training.report(trained.meta)))
        print(f"registered as model {mv.id} (status trained); an admin proposes it with "
              f"`riskdesk model propose {mv.id}`")
        return 0
    if args.model_command == "monitor":
        from riskdesk.services.credit.monitoring import monitor

        print("\n".join(monitor(engine, actor, month=args.month)))
        return 0
    with unit_of_work(engine) as session:
        if args.model_command == "propose":
            mv = models.propose(session, actor, args.id)
            print(f"model {mv.id} proposed by {actor.username}; it needs approval by another "
                  "user with the compliance or senior officer role")
        else:
            mv = models.approve(session, actor, args.id)
            print(f"model {mv.id} approved by {actor.username}; it is now the active model")
    return 0


def _notes(engine, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from riskdesk.services.credit import feature_notes
    from riskdesk.storage.session import unit_of_work

    if args.model_command == "note":
        actor = acting_user(engine, args.user)
        with unit_of_work(engine) as session:
            feature_notes.set_feature_note(session, actor, feature=args.feature, en=args.en,
                                           zh=args.zh)
        print(f"note on {args.feature} saved by {actor.username}")
        return 0
    with unit_of_work(engine, write=False) as session:
        for feature, n in sorted(feature_notes.feature_notes(session).items()):
            who = n.changed_by or "shipped with the model"
            print(f"{feature} ({who})\n  en: {n.en}\n  zh: {n.zh}")
    return 0
