from riskdesk.cli import main

raise SystemExit(main())
