"""Measure what signed approvals cost (issue 24): sign-in with and without the signing key,
one signed decision against one unsigned event, and verifying signatures.

    python tools/measure_signing.py [--runs N]

Works in a temporary folder (database, anchor file); prints medians in milliseconds.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="riskdesk-measure-")
    os.environ["XDG_DATA_HOME"] = os.path.join(home, "data")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")

    from argon2 import PasswordHasher

    from riskdesk.services.admin import signing_keys, users
    from riskdesk.services.audit import anchor_file, signatures, trail
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(os.path.join(home, "m.sqlite"))
    migrate.upgrade(engine)
    password = "measure-password"
    with unit_of_work(engine) as s:
        users.create_user(s, None, username="admin", password=password, roles=["admin"])
    with unit_of_work(engine) as s:
        admin = users.sign_in(s, "admin", password, channel="measure")
    assert admin is not None

    first: list[float] = []
    for i in range(max(3, args.runs // 3)):  # a first sign-in: a new key, registered
        with unit_of_work(engine) as s:
            users.create_user(s, admin, username=f"u{i}", password=password,
                              roles=["senior_officer"])
        t = time.perf_counter()
        with unit_of_work(engine) as s:
            who = users.sign_in(s, f"u{i}", password, channel="measure")
        first.append(time.perf_counter() - t)
        assert who is not None and who.signer is not None
        with unit_of_work(engine) as s:
            signing_keys.countersign(s, admin, who.user_id or 0,
                                     fingerprint=who.signer.fingerprint)

    def sign_in() -> object:
        with unit_of_work(engine) as s:
            return users.sign_in(s, "u0", password, channel="measure")

    old_hash = PasswordHasher().hash(password)

    def before_change() -> object:  # what sign-in cost before: argon2-cffi's verify, audited
        PasswordHasher().verify(old_hash, password)
        with unit_of_work(engine) as s:
            return trail.append(s, admin, "auth.sign_in", "user", 1, after={"channel": "m"})

    officer = sign_in()

    def signed() -> object:
        with unit_of_work(engine) as s:
            return trail.append(s, officer, "case.decide", "case", 1,  # type: ignore[arg-type]
                                after={"decision": "approve", "reason": "x" * 200})

    def unsigned() -> object:
        with unit_of_work(engine) as s:
            return trail.append(s, officer, "case.note", "case", 1,  # type: ignore[arg-type]
                                after={"decision": "approve", "reason": "x" * 200})

    print(f"sign-in, first (new key, registered): {1000 * statistics.median(first):7.1f} ms")
    print(f"sign-in, later (key unwrapped):       {_median_ms(sign_in, args.runs):7.1f} ms")
    print(f"sign-in as before this change:        {_median_ms(before_change, args.runs):7.1f} ms")
    print(f"a signed decision event:              {_median_ms(signed, 10 * args.runs):7.2f} ms")
    print(f"an unsigned event (same size):        {_median_ms(unsigned, 10 * args.runs):7.2f} ms")
    records = anchor_file.read_records(anchor_file.default_path())
    with unit_of_work(engine, write=False) as s:
        database = anchor_file.database_id(s)
        t = time.perf_counter()
        check = signatures.verify_signatures(s, anchor_records=records, database=database)
        spent = time.perf_counter() - t
    assert check.ok, check.failures
    print(f"verify: {check.signed} signed events in {1000 * spent:.0f} ms "
          f"({1e6 * spent / max(check.signed, 1):.0f} us each)")


if __name__ == "__main__":
    main()
