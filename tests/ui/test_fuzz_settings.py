"""Fuzzed input the window reads: the settings file."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


@FUZZ
@given(data=st.binary(max_size=400))
def test_the_settings_file(qapp, tmp_path: Path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    """The window's own settings (QSettings ini): garbage is ignored, never fatal."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow

    path = tmp_path / "riskdesk.ini"
    path.write_bytes(data)
    stored = QSettings(str(path), QSettings.Format.IniFormat)
    window = QMainWindow()
    window.resize(900, 600)
    before = window.geometry()
    geometry = stored.value("main/geometry")
    restored = window.restoreGeometry(geometry if isinstance(geometry, bytes | bytearray)
                                      else b"")
    # Garbage is refused and changes nothing; anything Qt accepts gives a usable window.
    assert window.geometry() == before if not restored else window.geometry().isValid()
    window.close()
