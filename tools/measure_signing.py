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


def _median_ms(fn: Callable[[], object], runs: int) -> str:
    """Median wall time and median CPU time of this process (all its threads: argon2id runs
    four lanes), in ms; on a busy machine the CPU time is the steadier of the two."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return f"{1000 * statistics.median(wall):7.2f} ms wall, {1000 * statistics.median(cpu):7.2f} " \
        "ms CPU"


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

    made = iter(range(1000))

    def first_sign_in() -> object:  # a new user's first sign-in: a new key, registered
        i = next(made)
        with unit_of_work(engine) as s:
            users.create_user(s, admin, username=f"u{i}", password=password,
                              roles=["senior_officer"])
        t, c = time.perf_counter(), time.process_time()
        with unit_of_work(engine) as s:
            who = users.sign_in(s, f"u{i}", password, channel="measure")
        first.append((time.perf_counter() - t, time.process_time() - c))
        assert who is not None and who.signer is not None
        with unit_of_work(engine) as s:
            signing_keys.countersign(s, admin, user_id=who.user_id or 0,
                                     fingerprint=who.signer.fingerprint)
        return who

    first: list[tuple[float, float]] = []
    for _ in range(max(3, args.runs // 3)):
        first_sign_in()

    def sign_in() -> object:
        with unit_of_work(engine) as s:
            return users.sign_in(s, "u0", password, channel="measure")

    old_hash = PasswordHasher().hash(password)

    def before_change() -> object:  # what sign-in cost before: argon2-cffi's verify, audited
        PasswordHasher().verify(old_hash, password)
        with unit_of_work(engine) as s:
            return trail.append(s, admin, action="auth.sign_in", entity_type="user", entity_id=1,
                                after={"channel": "m"})

    officer = sign_in()

    def signed() -> object:
        with unit_of_work(engine) as s:
            return trail.append(s, officer, action="case.decide", entity_type="case",
                                entity_id=1,  # type: ignore[arg-type]
                                after={"decision": "approve", "reason": "x" * 200})

    def unsigned() -> object:
        with unit_of_work(engine) as s:
            return trail.append(s, officer, action="case.note", entity_type="case",
                                entity_id=1,  # type: ignore[arg-type]
                                after={"decision": "approve", "reason": "x" * 200})

    print(f"sign-in, first (new key, registered): "
          f"{1000 * statistics.median(w for w, _ in first):7.2f} ms wall, "
          f"{1000 * statistics.median(c for _, c in first):7.2f} ms CPU")
    print(f"sign-in, later (key unwrapped):       {_median_ms(sign_in, args.runs)}")
    print(f"sign-in as before this change:        {_median_ms(before_change, args.runs)}")
    print(f"a signed decision event:              {_median_ms(signed, 10 * args.runs)}")
    print(f"an unsigned event (same size):        {_median_ms(unsigned, 10 * args.runs)}")
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
