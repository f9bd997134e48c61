"""`riskdesk report ...`: PDF reports archived with their hash, the bank's time zone."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from riskdesk.cli.common import Subparsers, acting_user, add_common, open_engine, write_atomically
from riskdesk.errors import RiskdeskError


def add_parser(sub: Subparsers) -> None:
    rep = sub.add_parser("report", help="PDF reports, archived with their hash")
    rs = rep.add_subparsers(dest="report_command", required=True)
    rc = rs.add_parser("case", help="the case audit report of an application")
    rc.add_argument("application_no")
    rc.add_argument("--out", type=Path, required=True)
    rc.add_argument("--lang", default="zh", help="zh or en (default zh)")
    rc.add_argument("--unmasked", action="store_true",
                    help="include personal data (full name, ID number, phone): a role that "
                    "may see it; audited, and every page is marked \"contains personal data\"")
    add_common(rc)
    rm = rs.add_parser("monthly", help="the monthly compliance report, frozen at a cut-off")
    rm.add_argument("--month", required=True, help="YYYY-MM (the bank's local month)")
    rm.add_argument("--out", type=Path, required=True)
    rm.add_argument("--lang", default="zh", help="zh or en (default zh)")
    rm.add_argument("--cut-off", help="ISO time in UTC (default: the month's first issue's, "
                    "else now)")
    add_common(rm)
    rv = rs.add_parser("verify", help="was this exact file issued by riskdesk? by whom, when")
    rv.add_argument("file", type=Path)
    add_common(rv, user=False)
    rz = rs.add_parser("time-zone", help="the bank's time zone, which decides every month and "
                       "report time (docs/periods.md); with ZONE, set it (compliance, audited)")
    rz.add_argument("zone", nargs="?", help="an IANA name, e.g. Asia/Shanghai")
    add_common(rz)


def _report_language(lang: str) -> str:
    """The report's own catalogue (QtCore only, no application object needed)."""
    from riskdesk.ui.i18n import choose_language, install_catalogues

    install_catalogues()
    return "zh" if choose_language(lang) == "zh_CN" else "en"


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.session import unit_of_work

    engine = open_engine(args.db)
    if args.report_command == "verify":
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise RiskdeskError(f"Cannot read {args.file}: {exc.strerror}") from None
        with unit_of_work(engine, write=False) as session:
            verdict = reports.verify(session, pdf=data)
        if not verdict.issued:
            print(f"{args.file.name}: NOT issued by this riskdesk database (no report has "
                  "this SHA-256; the file differs from every issued one)", file=sys.stderr)
            return 2
        print(f"{args.file.name}: issued as {verdict.report_no} ({verdict.kind} "
              f"{verdict.subject}) by {verdict.generated_by} at "
              f"{verdict.generated_at:%Y-%m-%d %H:%M:%S} UTC")
        return 0
    actor = acting_user(engine, args.user)
    if args.report_command == "time-zone":
        from riskdesk.services import periods

        with unit_of_work(engine, write=args.zone is not None) as session:
            if args.zone is not None:
                periods.set_business_zone(session, actor, zone=args.zone)
            print(f"time zone: {periods.business_zone(session)}")
        return 0
    language = _report_language(args.lang)
    if args.report_command == "monthly":
        cut_off = None
        if args.cut_off:
            try:
                cut_off = datetime.fromisoformat(args.cut_off)
            except ValueError:
                raise RiskdeskError(f"--cut-off: not an ISO time: {args.cut_off}") from None
            if cut_off.tzinfo is not None:  # "...+08:00" or "...Z": the same instant in UTC
                cut_off = cut_off.astimezone(UTC)
            cut_off = cut_off.replace(tzinfo=None)
        issued = reports.monthly_report(engine, actor, month=args.month, language=language,
                                        cut_off=cut_off)
    else:
        issued = reports.case_report(engine, actor, application_no=args.application_no,
                                     language=language,
                                     include_personal=args.unmasked)
    write_atomically(args.out, issued.pdf)
    print(f"{args.out}: {issued.report.report_no}, {issued.report.size:,} bytes, sha256 "
          f"{issued.report.sha256}")
    return 0
