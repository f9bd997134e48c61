"""`riskdesk bench start`'s figures and lines (issue 35), from the children's JSON lines."""
from __future__ import annotations

import json

from riskdesk.bench.start import Start, median_start, parse, report


def test_child_lines_become_phases_medians_and_the_report() -> None:
    launched = 1000.0
    line = json.dumps({"shown": 1002.0, "peak_mib": 180.0, "imported": 1000.9,
                       "signed_in": 1001.4, "built": 1001.8, "heavy": []})
    app = parse(line, launched)
    assert app.seconds == 2.0 and app.peak_mib == 180.0 and app.heavy == ()
    assert [name for name, _ in app.phases] == [
        "imports", "opening the database and signing in", "building the window", "drawing"]
    assert abs(sum(s for _, s in app.phases) - 2.0) < 1e-9
    bare = parse(json.dumps({"shown": 1000.25, "peak_mib": 60.0, "heavy": []}), launched)
    assert bare.phases == () and bare.seconds == 0.25
    runs = [Start(0.3, 62.0), bare, Start(0.2, 58.0, heavy=("pandas",))]
    middle = median_start(runs)
    assert (middle.seconds, middle.peak_mib, middle.heavy) == (0.25, 60.0, ("pandas",))

    text = report(bare, app, db="demo.sqlite", user="officer", runs=3, load=(0.5, 0.7))
    lines = text.splitlines()
    assert lines[0].startswith("bench start: officer signed in on demo.sqlite")
    assert "median of 3 (load average 0.5 at start, 0.7 at end)" in lines[0]
    assert lines[1].split() == ["bare", "PySide6", "window", "0.25", "s", "60", "MB", "peak"]
    assert lines[2].split() == ["signed-in", "main", "window", "2.00", "s", "180", "MB", "peak"]
    assert lines[3] == ("  of which imports 0.90 s, opening the database and signing in 0.50 s, "
                        "building the window 0.40 s, drawing 0.20 s")
    assert lines[4].split()[:5] == ["ratio", "8.0x", "time", "3.0x", "memory"]
    assert lines[4].endswith("(goal: within 8x, under 250 MB: met)")
    assert lines[5] == "loaded before the window showed: none of xgboost, sklearn, scipy, pandas"
    slow = report(bare, Start(2.5, 300.0, heavy=("pandas", "xgboost")), db="d", user="u",
                  runs=3, load=(1.0, 1.0))
    assert "NOT met" in slow and slow.endswith("loaded before the window showed: pandas, xgboost")
