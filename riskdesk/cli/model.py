"""`riskdesk model ...`: train, the registry, monitoring."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, write_atomically
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    model = sub.add_parser("model", help="credit model: train, registry, monitoring")
    ms = model.add_subparsers(dest="model_command", required=True)
    tr = ms.add_parser("train", help="train an XGBoost model and register it")
    src = tr.add_mutually_exclusive_group()  # one of them, or --outcomes loan-book
    src.add_argument("--data", type=Path, help="CSV file with a binary target column")
    src.add_argument("--demo", action="store_true", help="the bundled demo data")
    tr.add_argument("--target", help="target column (with --data)")
    tr.add_argument("--bad-value", help="the target value that means default")
    tr.add_argument("--time-column", help="hold out the latest 25 %% by this date column")
    tr.add_argument("--exclude", action="append", default=[], help="column not to use")
    tr.add_argument("--name", help="model name (default: from the data)")
    tr.add_argument("--allow-feature", action="append", default=[], metavar="NAME",
                    help="use a protected column the policy allows with a reason (only age), "
                         "e.g. --allow-feature age --why TEXT")
    tr.add_argument("--why", default="", help="the reason for --allow-feature (recorded)")
    tr.add_argument("--outcomes", choices=("column", "loan-book"), default="column",
                    help="outcomes from the file's target column (default) or from the loan "
                         "book by the policy's default definition (90+ days past due within "
                         "12 months on book)")
    tr.add_argument("--save-default", type=Path, help=argparse.SUPPRESS)
    add_common(tr)
    ml = ms.add_parser("list", help="registered models")
    add_common(ml, user=False)
    for verb, text in (("show", "a model's metrics and metadata"),
                       ("propose", "propose a model for activation (admin)"),
                       ("approve", "approve a proposed model on its validation report "
                                   "(compliance; not its trainer or proposer)")):
        mp = ms.add_parser(verb, help=text)
        mp.add_argument("id", type=int)
        if verb == "approve":
            mp.add_argument("--report", required=True, metavar="PDF_OR_SHA256",
                            help="the validation report on this model (its PDF or SHA-256)")
            mp.add_argument("--findings", required=True, help="the validator's findings")
        add_common(mp, user=verb != "show")
    va = ms.add_parser("validate", help="write the model's validation report (PDF, archived "
                                        "with its SHA-256; compliance)")
    va.add_argument("id", type=int)
    va.add_argument("--out", type=Path, required=True, help="the PDF to write")
    va.add_argument("--lang", choices=("zh", "en"), default="zh")
    va.add_argument("--data", type=Path, help="the model's training file (not needed for the "
                                              "bundled demo data or the loan book)")
    va.add_argument("--bootstrap", type=int, default=1000,
                    help="resamples for the confidence intervals (default 1000)")
    add_common(va)
    rc = ms.add_parser("recalibrate", help="fit a Platt or isotonic map on a recent window of "
                                           "applications with known outcomes and register the "
                                           "booster with it as a new model version (issue 32)")
    rc.add_argument("--method", choices=("platt", "isotonic"), required=True)
    rc.add_argument("--since", required=True, metavar="DATE",
                    help="first day of the window (YYYY-MM-DD, the bank's calendar)")
    rc.add_argument("--until", metavar="DATE", help="last day of the window (default: today)")
    rc.add_argument("--model", type=int, help="the model to recalibrate (default: the active one)")
    add_common(rc)
    sh = ms.add_parser("shadow", help="approve a proposed model to score in shadow beside the "
                                      "active one, a challenger (compliance; same rules as "
                                      "approve), or stop the challenger with --stop (issue 32)")
    sh.add_argument("id", type=int, nargs="?", help="the proposed model")
    sh.add_argument("--report", metavar="PDF_OR_SHA256",
                    help="the validation report on this model (its PDF or SHA-256)")
    sh.add_argument("--findings", help="the validator's findings")
    sh.add_argument("--stop", action="store_true", help="stop the challenger scoring in shadow")
    add_common(sh)
    mon = ms.add_parser("monitor", help="PSI, AUC/KS on known outcomes, override rate")
    mon.add_argument("--month", help="YYYY-MM (default: the current month)")
    add_common(mon)
    rev = ms.add_parser("review", help="a model-review case opened by monitoring (issue 32): "
                                       "its figures; with --decision, close it (validator)")
    rev.add_argument("case", type=int, help="the model-review case's id")
    rev.add_argument("--decision", choices=("keep", "recalibrate", "retrain", "retire"))
    rev.add_argument("--reason", default="", help="why (needed with --decision)")
    add_common(rev)
    gov = ms.add_parser("governance", help="the model-governance policy: protected attributes, "
                                           "default definition, validation interval; with "
                                           "options, change it (compliance; signed)")
    gov.add_argument("--dpd", type=int, help="days past due that make a default (default 90)")
    gov.add_argument("--months-on-book", type=int,
                     help="months on book a default is looked for in (default 12)")
    gov.add_argument("--protect", action="append", default=[], metavar="GROUP=TERM",
                     help="add a column name to a protected group, e.g. marital_status=婚否")
    add_common(gov)
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
    if args.model_command == "governance":
        return _governance(engine, args)
    if args.model_command in ("list", "show"):
        with unit_of_work(engine, write=False) as session:
            if args.model_command == "list":
                rows = models.list_models(session)
                print(f"{'id':>4}  {'status':<9} {'AUC':>6} {'KS':>6}  {'created':<19}  "
                      "name")
                for mv in rows:
                    due = "" if mv.next_validation_at is None else (
                        f"  [{'OVERDUE: ' if models.overdue(session, mv=mv) else ''}"
                        f"validation due {mv.next_validation_at:%Y-%m-%d}]")
                    print(f"{mv.id:>4}  {mv.status:<9} {mv.auc:6.4f} {mv.ks:6.4f}  "
                          f"{mv.created_at:%Y-%m-%d %H:%M:%S}  {mv.name}{due}")
                if not rows:
                    print("no models registered")
            else:
                mv = models.get(session, model_id=args.id)
                print(f"model {mv.id}: {mv.name} [{mv.status}]")
                print(f"artefact sha256 {mv.artefact_sha256} ({mv.artefact_format}, "
                      f"{len(mv.artefact):,} bytes); created {mv.created_at:%Y-%m-%d %H:%M:%S} "
                      f"by {mv.created_by}")
                print(f"proposed by {mv.proposed_by or '-'}, approved by {mv.approved_by or '-'}")
                if mv.shadow_approved_by:  # a challenger (issue 32)
                    print(f"approved for shadow by {mv.shadow_approved_by} on "
                          f"{mv.shadow_approved_at:%Y-%m-%d}"
                          + ("; scoring in shadow now" if mv.shadow_slot else ""))
                if mv.validation_sha256:
                    print(f"validation report sha256 {mv.validation_sha256}; next validation "
                          f"due {mv.next_validation_at:%Y-%m-%d}"
                          + (" (OVERDUE)" if models.overdue(session, mv=mv) else "")
                          + f"\nfindings: {mv.validation_findings}")
                print("\n".join(training.report(models.meta_of(mv))))
                cal = models.meta_of(mv).get("calibration")
                if cal:  # a recalibrated version (issue 32): the training figures are its booster's
                    w, h = cal["window"], cal["held_out"]
                    print(f"recalibrated from model {cal['base_model']} ({cal['method']}) on "
                          f"{cal['fitted_rows']} applications submitted {w['since']} to "
                          f"{w['until']}; on {h['rows']} held-out rows: Brier "
                          f"{h['brier']['before']:.5f} -> {h['brier']['after']:.5f}, ECE "
                          f"{h['ece']['before']:.4f} -> {h['ece']['after']:.4f}")
        return 0
    actor = acting_user(engine, args.user)
    if args.model_command == "train":
        trained = _train(engine, actor, args)
        with unit_of_work(engine) as session:
            mv = models.register(session, actor, model=trained,
                                 name=args.name or trained.meta["data"]["name"])
        print("\n".join(training.report(trained.meta)))
        print(f"registered as model {mv.id} (status trained); an admin proposes it with "
              f"`riskdesk model propose {mv.id}`")
        return 0
    if args.model_command == "validate":
        return _validate(engine, actor, args)
    if args.model_command == "monitor":
        from riskdesk.services.credit.monitoring import monitor

        print("\n".join(monitor(engine, actor, month=args.month)))
        return 0
    if args.model_command == "review":
        return _review(engine, actor, args)
    if args.model_command == "shadow":
        return _shadow(engine, actor, args)
    if args.model_command == "recalibrate":
        from riskdesk.services.credit import recalibration

        done = recalibration.recalibrate(
            engine, actor, method=args.method,
            since=recalibration.parse_day(args.since, "--since"),
            until=recalibration.parse_day(args.until, "--until") if args.until else None,
            model_id=args.model)
        print("\n".join(recalibration.lines(done)))
        print(f"registered as model {done.model_id} (status trained); an admin proposes it with "
              f"`riskdesk model propose {done.model_id}`, a validator validates and approves it")
        return 0
    with unit_of_work(engine) as session:
        if args.model_command == "propose":
            mv = models.propose(session, actor, model_id=args.id)
            print(f"model {mv.id} proposed by {actor.username}; it needs approval by another "
                  "user with the compliance or senior officer role")
        else:
            mv = models.approve(session, actor, model_id=args.id,
                                report_sha256=_sha_of(args.report),
                                findings=args.findings)
            print(f"model {mv.id} approved by {actor.username} on validation report "
                  f"{mv.validation_sha256}; it is now the active model; next validation due "
                  f"{mv.next_validation_at:%Y-%m-%d}")
    return 0


def _governance(engine, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    import json

    from riskdesk.services.credit import governance
    from riskdesk.storage.session import unit_of_work

    changes: dict[str, object] = {}
    with unit_of_work(engine, write=False) as session:
        current = governance.policy(session)
    if args.dpd is not None or args.months_on_book is not None:
        d = dict(current["default_definition"])
        d["dpd"] = args.dpd if args.dpd is not None else d["dpd"]
        d["months_on_book"] = args.months_on_book if args.months_on_book is not None \
            else d["months_on_book"]
        d["source"] = "bank policy set with riskdesk model governance"
        changes["default_definition"] = d
    if args.protect:
        groups = {k: list(v) for k, v in current["protected"].items()}
        for item in args.protect:
            group, _, term = item.partition("=")
            if not term.strip():
                raise RiskdeskError(f"--protect needs GROUP=TERM, not {item!r}.")
            groups.setdefault(group.strip(), []).append(term.strip())
        changes["protected"] = groups
    if changes:
        actor = acting_user(engine, args.user)
        with unit_of_work(engine) as session:
            current = governance.set_policy(session, actor, **changes)
    print(json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


def _sha_of(report: str) -> str:
    """A report named by its PDF file or by its SHA-256."""
    import hashlib

    path = Path(report)
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return report.strip().lower()


def _validate(engine, actor, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from riskdesk.services.credit.validation import issue

    language = args.lang
    if language == "zh":
        from riskdesk.cli.report import _report_language

        language = _report_language(language)  # the report's own catalogue (QtCore)
    issued, figs = issue(engine, actor, model_id=args.id, language=language, data=args.data,
                         bootstrap=args.bootstrap)
    write_atomically(args.out, issued.pdf)
    held = figs.samples[-1]
    print(f"validation report {issued.report.report_no} on model {args.id} written to "
          f"{args.out} (sha256 {issued.report.sha256})")
    print(f"{held.name}: AUC {held.auc:.4f} KS {held.ks:.4f}; benchmark difference "
          f"{figs.benchmark['difference']:+.4f} ("
          f"{'within noise' if figs.benchmark['within_noise'] else 'beyond noise'}); "
          f"Hosmer-Lemeshow p {figs.hosmer_lemeshow['p_value']:.4f}")
    print(f"approve with: riskdesk model approve {args.id} --report {args.out} "
          "--findings TEXT")
    return 0


def _train(engine, actor, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Train as asked, under the model-governance policy kept in the database: protected
    columns excluded (age only with --allow-feature age --why), outcomes from the file or
    from the loan book."""
    from riskdesk.services.credit import governance, training
    from riskdesk.storage.session import unit_of_work

    if args.allow_feature and not args.why.strip():
        raise RiskdeskError("--allow-feature needs --why TEXT (the reason is recorded).")
    allow = {name: args.why.strip() for name in args.allow_feature}
    with unit_of_work(engine, write=False) as session:
        gov = governance.policy(session)
    if args.outcomes == "loan-book":
        from riskdesk.services.credit.outcomes import train_on_loan_book

        return train_on_loan_book(engine, actor, allow=allow, exclude=args.exclude)
    if not args.demo and args.data is None:
        raise RiskdeskError("model train needs --data FILE, --demo or --outcomes loan-book.")
    if args.demo:
        return training.train_demo(author=actor.username, protected=gov["protected"],
                                   allow=allow)
    if not args.target:
        raise RiskdeskError("--data needs --target COLUMN.")
    return training.train_file(args.data, args.target, bad_value=args.bad_value,
                               time_column=args.time_column, exclude=args.exclude,
                               author=actor.username, protected=gov["protected"], allow=allow,
                               proxy_threshold=gov["proxy_threshold"])


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


def _review(engine, actor, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Print a model-review case's figures, or close it with the validator's decision."""
    from riskdesk.services.cases.work import get_case
    from riskdesk.services.credit import model_review
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine, write=args.decision is not None) as session:
        if args.decision is None:
            print("\n".join(model_review.evidence(session, actor, case_id=args.case)))
            return 0
        case = get_case(session, case_id=args.case)
        closed = model_review.close_review(session, actor, case_id=args.case, version=case.version,
                                           decision=args.decision, reason=args.reason)
        print(f"case {closed.id} closed by {actor.username}: {closed.decision} (signed)")
    return 0


def _shadow(engine, actor, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Approve a proposed model as the challenger scoring in shadow, or stop it (issue 32)."""
    from riskdesk.services.credit import shadow
    from riskdesk.storage.session import unit_of_work

    if args.stop == (args.id is not None):
        raise RiskdeskError("model shadow needs a model id (to approve it for shadow) or --stop.")
    if not args.stop and not (args.report and args.findings):
        raise RiskdeskError("model shadow ID needs --report PDF_OR_SHA256 and --findings TEXT.")
    with unit_of_work(engine) as session:
        if args.stop:
            mv = shadow.stop(session, actor)
            print(f"model {mv.id} no longer scores in shadow (now {mv.status}); its shadow "
                  "scores are kept")
            return 0
        mv = shadow.approve_for_shadow(session, actor, model_id=args.id,
                                       report_sha256=_sha_of(args.report),
                                       findings=args.findings)
        print(f"model {mv.id} approved by {actor.username} to score in shadow beside the "
              "active model; its scores never decide. To make it the active model: "
              f"`riskdesk model propose {mv.id}`, then validate and approve it")
    return 0
