"""What the rules read beside the applications themselves, built one way for the scoring job
and for the backtest that replays its evaluation (issue 30): the check digits of the ID
numbers, the LPR table and the lists in force, the windows' context rows, and each
application's fired codes. One module, so a backtest cannot drift from what the job decides.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Float, select, type_coerce
from sqlmodel import Session

from riskdesk.domain.identity import ID_PATTERN, id_checksum_ok
from riskdesk.domain.rules import LprRate
from riskdesk.domain.tables import table_of
from riskdesk.rules.evaluate import RuleInput
from riskdesk.security.datakey import load_cipher
from riskdesk.services.lists import entries as lists

# The application columns the windowed rules (velocity, shared keys) read for context rows.
CONTEXT = ["id", "applicant_id", "submitted_at", "device_id", "phone_hash", "card_hash",
           "amount"]


def checksums(session: Session, *, frame: pd.DataFrame) -> pd.Series:
    """The check digits tested when the ID numbers were written; the others are re-read
    (decrypted per applicant, never kept) and tested now."""
    stored = frame["checksum_stored"]
    todo = stored.isna().to_numpy()
    out = pd.Series(stored.where(~todo, False).astype(bool).to_numpy(), index=frame.index)
    if todo.any():
        cipher = load_cipher(session, create=False)
        people = frame[todo].drop_duplicates("applicant_id")
        ids = pd.Series([cipher.decrypt("id_no", b) for b in people["id_no_enc"]],
                        index=people["applicant_id"].to_numpy())
        ok = ids.str.fullmatch(ID_PATTERN.pattern)
        good = pd.Series(False, index=ids.index)
        good[ok] = id_checksum_ok(ids[ok])
        out[todo] = frame.loc[todo, "applicant_id"].map(good).astype(bool).to_numpy()
    return out


def rule_input(conn: Connection, *, frame: pd.DataFrame, context: pd.DataFrame,
               at: datetime) -> RuleInput:
    """The rules' whole input: the scope, its context rows, the LPR table and the blacklist
    and allowlist in force at ``at`` (an expired entry no longer counts)."""
    lpr = conn.execute(select(table_of(LprRate).c.effective_date,
                              type_coerce(table_of(LprRate).c.one_year_pct, Float)))
    black, allow = lists.rule_lists(conn, at=at)
    return RuleInput(frame, context,
                     pd.DataFrame(lpr.fetchall(), columns=["effective_date", "one_year_pct"]),
                     black, allow)


def fired_codes(hits: pd.DataFrame) -> pd.Series:
    """Each application's fired rule codes, sorted and comma-joined. One bit per code summed
    per application (a vectorised group sum), then each distinct set spelled once: a Python
    join per application took seconds at a million."""
    if hits.empty:
        return pd.Series(dtype=object)
    pairs = hits[["application_id", "code"]].drop_duplicates()
    names = sorted(pairs["code"].unique())
    bits = pairs["code"].map({c: 1 << i for i, c in enumerate(names)}).astype(np.int64)
    masks = bits.groupby(pairs["application_id"].to_numpy()).sum()
    spelled = {int(m): ",".join(n for i, n in enumerate(names) if int(m) >> i & 1)
               for m in masks.unique()}
    return masks.map(spelled)
