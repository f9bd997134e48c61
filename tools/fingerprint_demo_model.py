"""Add the fingerprints of its training rows to the shipped demo model's metadata, without
training it again: the booster (resources/model/demo_model.ubj) and its SHA-256 stay as they
are, only ``training_rows`` is added to demo_model.json.

The split is reproduced from the same data and the fixed seed and checked against what the
model stored at training time (held-out metrics, PD reference distribution); see
riskdesk.services.credit.training.demo_training_rows. Run from the repository:

    .venv/bin/python tools/fingerprint_demo_model.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from riskdesk.services.credit.registry import DEFAULT_META, DEFAULT_MODEL, default_model  # noqa: E402
from riskdesk.services.credit.training import demo_training_rows  # noqa: E402


def main() -> int:
    base = ROOT / "resources"
    model = default_model()
    rows = demo_training_rows(model)
    if model.meta.get("training_rows") == rows:
        print("demo_model.json already holds these fingerprints")
        return 0
    if "training_rows" in model.meta:
        print("demo_model.json holds other fingerprints: not changed", file=sys.stderr)
        return 1
    before = (base / DEFAULT_MODEL).read_bytes()
    (base / DEFAULT_META).write_text(json.dumps(
        model.meta | {"training_rows": rows, "artefact_sha256": model.sha256},
        ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    assert (base / DEFAULT_MODEL).read_bytes() == before
    print(f"added {rows['distinct']} fingerprints of {rows['rows']} training rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
