"""Outcomes from the loan book: each funded application is good, bad or not yet known under
the policy's default definition (default: 90 or more days past due within 12 months on book;
source in services/credit/governance.py), computed from the repayments, by vintage (the month
the loan started). ``riskdesk model train --outcomes loan-book`` trains on them.

A loan is bad when an instalment falling due inside its window (start date plus the months on
book) was still not paid in full ``dpd`` days after its due date, that day being inside the
window and not after today (days past due counted as the post-loan monitoring counts them:
from the first instalment not settled). It is good when its window has ended without that;
otherwise its outcome is not known yet (immature) and it is left out of training.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Application
from riskdesk.domain.loans import Loan, Repayment
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.scoring.features import scoreable_columns
from riskdesk.scoring.train import TrainedModel, train
from riskdesk.services.actor import Actor
from riskdesk.services.credit import governance
from riskdesk.services.credit.explanations import load_features
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import frame_of
from riskdesk.storage.session import unit_of_work


@dataclass(frozen=True)
class BookOutcomes:
    """Per loan (application_id, loan_id, vintage, outcome: bad / good / None) and the
    definition it was computed with (with the day it was computed as of)."""

    loans: pd.DataFrame
    definition: dict[str, Any]

    def by_vintage(self) -> pd.DataFrame:
        """Loans, known outcomes, bads and the bad rate per vintage."""
        f = self.loans
        g = f.groupby("vintage")
        out = pd.DataFrame({"loans": g.size(),
                            "known": g["outcome"].apply(lambda s: int(s.notna().sum())),
                            "bad": g["outcome"].apply(lambda s: int((s == "bad").sum()))})
        out["bad_rate"] = (out["bad"] / out["known"].where(out["known"] > 0)).round(4)
        return out.reset_index()

    def sha256(self) -> str:
        """The outcomes and their definition, hashed: the training data's identity."""
        text = self.loans.sort_values("loan_id").to_csv(index=False) + repr(
            sorted(self.definition.items()))
        return hashlib.sha256(text.encode()).hexdigest()


def loan_outcomes(session: Session, *, today: date,
                  definition: dict[str, Any] | None = None) -> BookOutcomes:
    """Every loan's outcome as of ``today`` under ``definition`` (default: the policy's)."""
    d = dict(definition or governance.policy(session)["default_definition"])
    dpd, months = int(d["dpd"]), int(d["months_on_book"])
    conn = session.connection()
    loans = frame_of(conn, select(col(Loan.id).label("loan_id"), col(Loan.application_id),
                                  col(Loan.start_date)))
    reps = frame_of(conn, select(col(Repayment.loan_id), col(Repayment.due_date),
                                 col(Repayment.due_amount), col(Repayment.paid_date),
                                 col(Repayment.paid_amount)))
    loans["start_date"] = pd.to_datetime(loans["start_date"])
    loans["window_end"] = loans["start_date"] + pd.DateOffset(months=months)
    now = pd.Timestamp(today)
    r = reps.merge(loans[["loan_id", "window_end"]], on="loan_id")
    due = pd.to_datetime(r["due_date"])
    paid = pd.to_datetime(r["paid_date"], errors="coerce")
    in_full = pd.to_numeric(r["paid_amount"]).astype(float) >= \
        pd.to_numeric(r["due_amount"]).astype(float)
    reached = due + pd.Timedelta(days=dpd)  # the day the instalment is dpd days past due
    bad = (reached <= r["window_end"]) & (reached <= now) & (
        ~in_full | paid.isna() | (paid > reached))
    bad_loans = set(r.loc[bad, "loan_id"].astype(int))
    is_bad = loans["loan_id"].astype(int).isin(bad_loans)
    mature = loans["window_end"] <= now
    loans["outcome"] = None
    loans.loc[mature, "outcome"] = "good"
    loans.loc[is_bad, "outcome"] = "bad"
    loans["vintage"] = loans["start_date"].dt.strftime("%Y-%m")
    # "reference": where the definition comes from (the policy's source text)
    d["reference"] = d.get("source") or governance.DEFAULT_DEFINITION["source"]
    d["source"], d["as_of"] = "loan-book", today.isoformat()
    return BookOutcomes(loans[["application_id", "loan_id", "vintage", "outcome"]], d)


def training_frame(session: Session, *, today: date) -> tuple[pd.DataFrame, BookOutcomes]:
    """The features of every funded application with a known outcome, its outcome and its
    submission time (for an out-of-time hold-out), and the outcomes they came from."""
    book = loan_outcomes(session, today=today)
    known = book.loans[book.loans["outcome"].notna()]
    ids = [int(i) for i in known["application_id"]]
    if not ids:
        raise InvalidInput(translate(
            "Model", "The loan book has no loan with a known outcome yet (a loan needs {m} "
            "months on book, or to have defaulted)").format(
            m=book.definition["months_on_book"]))
    feats = load_features(session.connection(), ids=ids)
    submitted = frame_of(session.connection(), select(
        col(Application.id).label("id"), col(Application.submitted_at)).where(
        col(Application.id).in_(ids)))
    frame = feats.merge(submitted, on="id").merge(
        known.rename(columns={"application_id": "id"})[["id", "outcome"]], on="id")
    return frame, book


def train_on_loan_book(engine: Engine, actor: Actor, *, allow: dict[str, str] | None = None,
                       exclude: list[str] | tuple[str, ...] = ()) -> TrainedModel:
    """A model on the applications the bank funded, outcomes from their repayments; the
    latest quarter of submissions held out (out of time)."""
    require(actor, Action.MODEL_TRAIN)
    from riskdesk.services.periods import local_day

    with unit_of_work(engine, write=False) as session:
        today = local_day(session)
        frame, book = training_frame(session, today=today)
        gov = governance.policy(session)
    usable = sorted(scoreable_columns() & set(frame.columns))
    definition = book.definition | {"loans": int(len(book.loans)),
                                    "known": int(book.loans["outcome"].notna().sum())}
    return train(frame[[*usable, "submitted_at", "outcome"]], "outcome", bad_value="bad",
                 exclude=exclude, time_column="submitted_at",
                 data_name=f"loan book as of {today.isoformat()}",
                 data_sha256=book.sha256(), author=actor.username,
                 protected=gov["protected"], allow=allow,
                 proxy_threshold=gov["proxy_threshold"], outcome_definition=definition)
