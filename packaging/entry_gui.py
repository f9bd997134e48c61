"""riskdesk-gui.exe: the window, with no console behind it (the Start-menu shortcut)."""
from riskdesk.cli import gui_main

raise SystemExit(gui_main())
