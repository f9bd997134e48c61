"""The wheel carries the migrations, resources and compiled translations (issue 3): it is built,
installed into a fresh virtual environment and runs `riskdesk db upgrade` from there."""
from __future__ import annotations

from tests.helpers import ROOT


def test_installer_script_points_at_what_the_spec_builds() -> None:
    """ISCC cannot run here; what can go stale can be checked: the folder and executables the
    .iss installs are the ones the spec names, and the icon it uses exists."""
    import re

    iss = (ROOT / "packaging" / "riskdesk.iss").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "riskdesk.spec").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', iss, re.M))
    assert defines["AppDir"] == r"..\dist\riskdesk" and 'name="riskdesk")' in spec
    assert defines["AppExe"] == "riskdesk-gui.exe" and 'name="riskdesk-gui"' in spec
    assert 'name="riskdesk", console=True' in spec
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon and (ROOT / "packaging" / icon.group(1).replace("\\", "/")).is_file()
    assert 'ROOT / "resources" / "icons" / "riskdesk.ico"' in spec
    assert "ChineseSimplified.isl" in iss and "PrivilegesRequired=admin" in iss
