"""Small builders shared by the tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from riskdesk.demo.frame import demo_frame
from riskdesk.services.intake.columns import BY_NAME

ROOT = Path(__file__).resolve().parents[1]


def sample(rows: int = 30, *, seed: int = 7, prefix: str = "T") -> pd.DataFrame:
    frame = demo_frame(rows, seed=seed)
    frame["application_no"] = [f"{prefix}{i:05d}" for i in range(rows)]
    return frame


def chinese_headers(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns={c: BY_NAME[c].aliases[0] for c in frame.columns
                                 if BY_NAME[c].aliases})


def write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8") -> Path:
    frame.to_csv(path, index=False, encoding=encoding)
    return path


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 300,
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "riskdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})},
                          timeout=timeout)
