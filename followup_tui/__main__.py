"""`python -m followup_tui`."""

from followup_tui.cli import main

raise SystemExit(main())
