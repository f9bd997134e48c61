"""riskdesk.exe: the command line (and the GUI when started with no command)."""
import multiprocessing

from riskdesk.cli import main

# the benchmarks' fresh processes start this executable again: let them run their task
multiprocessing.freeze_support()
raise SystemExit(main())
