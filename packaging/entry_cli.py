"""riskdesk.exe: the command line (and the GUI when started with no command)."""
from riskdesk.cli import main

raise SystemExit(main())
