"""riskdesk-gui.exe: the window, with no console behind it (the Start-menu shortcut)."""
import multiprocessing

from riskdesk.cli import gui_main

# the benchmarks' fresh processes start this executable again: let them run their task
multiprocessing.freeze_support()
raise SystemExit(gui_main())
