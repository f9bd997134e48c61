"""The signed-in main window starts without the heavy numeric packages (issue 35)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from riskdesk.bench.start import HEAVY, start_once
from tests.conftest import PASSWORD


def test_signed_in_window_loads_none_of_the_heavy_packages(
        sqlite_engine: Engine, sqlite_scored: tuple[int, int], sqlite_path: Path) -> None:
    """Issue 35: built and shown in a fresh process (this one has imported them all), the
    officer's main window on a scored database has loaded none of XGBoost, scikit-learn,
    SciPy and pandas: they load on first use, not before the first window."""
    sqlite_engine.dispose()
    start = start_once("signed-in", db=str(sqlite_path), user="officer",
                       env={"RISKDESK_PASSWORD": PASSWORD})
    assert start.phases and start.seconds > 0 and start.peak_mib > 0
    assert set(HEAVY) == {"xgboost", "sklearn", "scipy", "pandas"}
    assert start.heavy == (), f"loaded before the window showed: {start.heavy}"
    # a database at this riskdesk's schema is opened without Alembic (part 2)
    assert start.schema_tools == (), f"loaded to open the database: {start.schema_tools}"
