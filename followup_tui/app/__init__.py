"""The Textual layer of followup-tui: a thin app over the core."""

from __future__ import annotations

import sys
from pathlib import Path

# The email is rendered on a thread that shares the interpreter lock with the UI. Python hands
# the lock over only every 5 ms by default, so a typed key's frame could wait that long behind
# a render; a shorter interval lets the UI take it back sooner (bench/RESULTS.md).
SWITCH_INTERVAL = 0.0005


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Start the app (what `followup-tui [FILE] [--demo]` does)."""
    from followup_tui.app import collector

    collector.start()
    sys.setswitchinterval(SWITCH_INTERVAL)
    from followup_tui.app.app import make_app

    app = make_app(path, demo=demo)
    app.run()
    return app.return_code or 0
