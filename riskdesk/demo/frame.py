"""The demo data set: real LendingClub credit rows with synthetic applicants.

Rows become an import frame (strings, canonical headers) that goes through the normal importer,
so the demo exercises the same validation, encryption and audit as a real file. The personal
data is built so it cannot belong to anyone (see resources/data/README.md), with the patterns
the fraud rules look for: repeat applicants within days, shared devices, shared phones.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from riskdesk.config import SOURCE_TIMEZONE
from riskdesk.domain.identity import CHECK_CHARS, WEIGHTS
from riskdesk.paths import resources_dir
from riskdesk.storage.clock import utcnow

MAX_ROWS = 10_000_000
CNY_PER_USD_SCALE = 5
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红晨宇浩然欣怡佳琪子涵梓轩雨泽思博文彬斌丹凯晓云亮林峰婷雪慧颖琳倩蕾健志海鑫")
EMP = {"emp_lt_1": "0", "emp_ge_10": "10", "emp_unk": ""} | {f"emp_{i}": str(i) for i in range(1, 10)}


def source_frame() -> pd.DataFrame:
    return pd.read_csv(resources_dir() / "data" / "lending_club.csv")


def _pick(rng: np.random.Generator, options: list[str], weights: list[float], n: int) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    return np.asarray(options)[rng.choice(len(options), size=n, p=w / w.sum())]


def _id_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Unique, checksum-correct ID numbers in the non-existent region 99xxxx."""
    space = 1000 * 14_600 * 100
    k = (np.arange(n, dtype=np.int64) * 1_000_003 + int(rng.integers(0, space))) % space
    seq = k % 1000
    day = (k // 1000) % 14_600  # 40 years of birth dates from 1966
    region = 9900 + ((k // 14_600_000) % 100)
    birth = (np.datetime64("1966-01-01") + day.astype("timedelta64[D]")).astype(str)
    first17 = (pd.Series(region.astype(str)) + "01" + pd.Series(birth).str.replace("-", "")
               + pd.Series(seq).astype(str).str.zfill(3))
    digits = np.frombuffer("".join(first17).encode(), dtype=np.uint8).reshape(-1, 17) - 48
    check = np.array(list(CHECK_CHARS))[(digits.astype(np.int64) @ np.array(WEIGHTS)) % 11]
    return np.asarray(first17 + check, dtype=object)


def _names(rng: np.random.Generator, n: int) -> np.ndarray:
    sur = np.asarray(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    g1 = np.asarray(GIVEN)[rng.integers(0, len(GIVEN), n)]
    g2 = np.where(rng.random(n) < 0.6, np.asarray(GIVEN)[rng.integers(0, len(GIVEN), n)], "")
    return np.asarray(pd.Series(sur) + g1 + g2, dtype=object)


def demo_frame(rows: int, *, seed: int = 20_261_124, now: datetime | None = None) -> pd.DataFrame:
    """An import frame of ``rows`` applications; all rows of the source once, then resampled."""
    if not 1 <= rows <= MAX_ROWS:
        raise ValueError(f"rows must be between 1 and {MAX_ROWS}")
    rng = np.random.default_rng(seed)
    src = source_frame()
    order = rng.permutation(len(src))
    if rows > len(src):
        order = np.concatenate([order, rng.integers(0, len(src), rows - len(src))])
    lc = src.iloc[order[:rows]].reset_index(drop=True)
    n = rows

    # People: ~88 % apply once; the rest are repeat applicants (multi-lending).
    persons = max(1, int(n * 0.88))
    person = np.concatenate([np.arange(persons), rng.integers(0, persons, n - persons)])
    rng.shuffle(person)
    ids, names = _id_numbers(rng, persons), _names(rng, persons)
    start = int(rng.integers(0, 10**8))
    phone_of = 14_100_000_000 + (np.arange(persons, dtype=np.int64) * 7_919_317 + start) % 10**8
    shared_phone = rng.random(persons) < 0.01  # a few people give someone else's phone
    phone_of[shared_phone] = phone_of[rng.integers(0, persons, int(shared_phone.sum()))]
    card_digits = pd.Series(rng.integers(0, 10**10, persons)).astype(str).str.zfill(10)
    card_of = np.asarray(("990000" + card_digits).where(rng.random(persons) < 0.8, ""),
                         dtype=object)

    now = now or utcnow()
    span = 182 * 24 * 3600
    offsets = rng.integers(3600, span, n)
    # Repeat applications of one person cluster within a few days of each other.
    first_seen = pd.Series(offsets).groupby(person).transform("first").to_numpy()
    repeat = pd.Series(person).duplicated().to_numpy()
    close = repeat & (rng.random(n) < 0.6)
    nearby = first_seen + rng.integers(-2 * 86400, 2 * 86400, n)
    nearby = np.where(nearby < 3600, 2 * first_seen - nearby, nearby)  # reflect, do not pile up
    offsets = np.where(close, np.clip(nearby, 3600, span), offsets)
    submitted_utc = pd.Timestamp(now) - pd.to_timedelta(offsets, unit="s")
    submitted = (submitted_utc.tz_localize("UTC").tz_convert(SOURCE_TIMEZONE)
                 .strftime("%Y-%m-%d %H:%M:%S"))

    device = pd.Series(rng.integers(0, 16**12, persons)).map("{:012x}".format).to_numpy()[person]
    farm = rng.random(n) < 0.03  # device farms: a few devices behind many applicants
    farms = max(1, n // 400)
    device = np.where(farm, pd.Series(rng.integers(0, farms, n)).map("farm{:08x}".format), device)
    ip = (np.asarray(["192.0.2.", "198.51.100.", "203.0.113."])[rng.integers(0, 3, n)]
          + rng.integers(1, 255, n).astype(str))

    product = _pick(rng, ["cash_loan", "instalment", "credit_card"], [55, 30, 15], n)
    channel = _pick(rng, ["own_app", "partner"], [60, 40], n)
    amount = lc["funded_amnt"].to_numpy() * CNY_PER_USD_SCALE
    fee = np.where(channel == "partner", np.round(amount * rng.uniform(0, 0.03, n), 2), 0.0)
    frame = pd.DataFrame({
        "application_no": [f"DEMO{i:08d}" for i in range(1, n + 1)],
        "name": names[person],
        "id_no": ids[person],
        "phone": phone_of[person].astype(str),
        "card_no": card_of[person],
        "product": product,
        "channel": channel,
        "amount": amount.astype(str),
        "term_months": lc["term"].str.removeprefix("term_").to_numpy(),
        "apr": lc["int_rate"].astype(str).to_numpy(),
        "upfront_fee": pd.Series(fee).map("{:.2f}".format).to_numpy(),
        "repayment_type": _pick(rng, ["equal_instalment", "equal_principal", "interest_only",
                                      "bullet"], [70, 15, 10, 5], n),
        "purpose": _pick(rng, ["consumption", "home_improvement", "education", "medical",
                               "travel", "car", "debt_consolidation", "other"],
                         [35, 15, 8, 6, 8, 8, 15, 5], n),
        "submitted_at": np.asarray(submitted),
        "device_id": device,
        "ip": ip,
        "outcome": lc["Class"].to_numpy(),
        "annual_income": (lc["annual_inc"] * CNY_PER_USD_SCALE).round(2).astype(str).to_numpy(),
        "emp_length_years": lc["emp_length"].map(EMP).fillna("").to_numpy(),
        "verification_status": lc["verification_status"].to_numpy(),
        "lender_grade": lc["sub_grade"].to_numpy(),
    })
    # Declared age: true age at application, a few fabricated ones off by years.
    birth = pd.to_datetime(pd.Series(ids[person]).str.slice(6, 14), format="%Y%m%d")
    at = pd.to_datetime(pd.Series(np.asarray(submitted)))
    age = (at.dt.year - birth.dt.year - ((at.dt.month * 100 + at.dt.day)
                                         < (birth.dt.month * 100 + birth.dt.day))).to_numpy()
    lie = rng.random(n) < 0.01
    frame["stated_age"] = np.where(lie, np.clip(age + rng.choice([-7, -5, 5, 8], n), 18, 70),
                                   age)
    for col in ("delinq_2yrs", "inq_last_6mths", "revol_util", "acc_now_delinq", "open_il_6m",
                "open_il_12m", "open_il_24m", "total_bal_il", "all_util", "inq_fi",
                "inq_last_12m", "delinq_amnt", "num_il_tl", "total_il_high_credit_limit"):
        frame[col] = lc[col].astype(str).to_numpy()
    return frame.astype(str)


def demo_users() -> list[tuple[str, list[str]]]:
    """One user per role; every demo password is ``demo-password`` (README)."""
    return [("admin", ["admin"]), ("officer", ["officer"]), ("senior", ["senior_officer"]),
            ("compliance", ["compliance"]), ("auditor", ["auditor"])]


DEMO_PASSWORD = "demo-password"


