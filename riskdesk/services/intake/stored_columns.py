"""The import's rows as they are stored: what each new applicant and application row holds,
personal data encrypted, keyed and masked, built a column at a time from the checked file."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Connection

from riskdesk.domain.identity import id_checksum_ok
from riskdesk.security.datakey import DataCipher
from riskdesk.services.intake.columns import BY_NAME, FEATURE_COLUMNS
from riskdesk.services.rings import keys as ring_keys
from riskdesk.storage.bulk import column_values


def applicant_columns(conn: Connection, cipher: DataCipher, people: pd.DataFrame,
                      id_hashes: list[str]) -> dict[str, list[Any]]:
    """New applicants' columns: the ID number encrypted, masked and keyed (``id_hashes``),
    and what the number itself says (birth date, checksum, gender, region)."""
    ids = people["id_no"].astype(str)
    births = people["birth_from_id"]
    return {
        "name": people["name"].tolist(),
        "id_no_enc": cipher.encrypt_many("id_no", ids.tolist()),
        "id_no_hash": id_hashes,
        "id_no_masked": (ids.str.slice(0, 6) + "********" + ids.str.slice(14)).tolist(),
        "birth_date": (births.dt.strftime("%Y-%m-%d").tolist() if conn.dialect.name == "sqlite"
                       else [d.date() for d in births]),
        "id_checksum_ok": id_checksum_ok(ids).tolist(),
        "gender": np.where(ids.str.slice(16, 17).astype(int) % 2 == 1, "M", "F").tolist(),
        "region_code": ids.str.slice(0, 6).tolist(),
    }


def application_columns(conn: Connection, cipher: DataCipher, rows: pd.DataFrame,
                        hashes: pd.Series, digests: dict[str, pd.Series],
                        ) -> dict[str, list[Any]]:
    """The applications' columns as stored: phone and card encrypted, keyed (``digests``)
    and masked, the ring keys of contact phone and employer, the rest as the driver takes
    them. Reads ``conn`` for its dialect alone, so it may run beside a load on that
    connection (``bulk.prepared_alongside``)."""
    n = len(rows)
    phones = rows["phone"].astype(str)
    cards = rows["card_no"]
    has_card = cards.notna().to_numpy()
    card_text = cards.astype(object).where(cards.notna(), "").astype(str)
    card_enc = np.full(n, None, dtype=object)
    card_enc[has_card] = cipher.encrypt_many("card", card_text[has_card].tolist())
    hidden = card_text.str.len().sub(10).clip(lower=0).to_numpy(dtype=np.int64)
    stars = pc.take(pa.array(["*" * k for k in range(int(hidden.max(initial=0)) + 1)]), hidden)
    card_masked = pd.Series(pc.binary_join_element_wise(
        pa.array(card_text.str.slice(0, 6), type=pa.string()), stars,
        pa.array(card_text.str.slice(-4), type=pa.string()), "",
    ).to_pylist(), index=cards.index, dtype=object)
    cols: dict[str, list[Any]] = {"application_no": rows["application_no"].tolist()}
    for name in ("product", "channel", "repayment_type", "purpose", "device_id", "ip", "outcome"):
        cols[name] = column_values(conn, rows[name])
    for name in ("amount", "apr", "upfront_fee", "monthly_fee", "other_fees"):
        cols[name] = column_values(conn, rows[name].astype(float))
    for name in ("term_months", "stated_age"):
        cols[name] = column_values(conn, rows[name])
    cols["submitted_at"] = column_values(conn, rows["submitted_at"])
    if "partner_id" in rows:
        cols["partner_id"] = [None if v is None or v != v else int(v)
                              for v in rows["partner_id"].tolist()]
    cols.update({
        "phone_enc": cipher.encrypt_many("phone", phones.tolist()),
        "phone_hash": digests["phone"].tolist(),
        "phone_masked": (phones.str.slice(0, 3) + "****" + phones.str.slice(7)).tolist(),
        "card_enc": card_enc.tolist(),
        "card_hash": [h or None for h in digests["card_no"].tolist()],
        "card_masked": card_masked.astype(object).where(has_card, None).tolist(),
        "content_hash": hashes.tolist(),
        **ring_keys.import_columns(cipher, rows),  # contact phone and employer (issue 33)
    })
    return cols


def feature_columns(conn: Connection, rows: pd.DataFrame) -> dict[str, list[Any]]:
    """The model's input columns as the driver takes them (the application ids added by the
    caller once known). Reads ``conn`` for its dialect alone."""
    return {name: column_values(conn, rows[name].astype(float) if BY_NAME[name].kind == "float"
                                else rows[name]) for name in FEATURE_COLUMNS}
