"""The Textual layer of followup-tui: a thin app over the core."""

from __future__ import annotations

import sys
from pathlib import Path

# Threads of the app's process share the interpreter lock with the UI (the interviews list's
# reader; the email's render when it has no process of its own), and Python's default switch
# interval let a typed key's frame wait behind one; a shorter one lets the UI take the lock
# back sooner (the effect is in bench/RESULTS.md).
SWITCH_INTERVAL = 0.0005


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Start the app (what `followup-tui [FILE] [--demo]` does)."""
    from followup_tui.app import collector, render_process

    render_process.allow()
    collector.start()
    sys.setswitchinterval(SWITCH_INTERVAL)
    from followup_tui.app.app import make_app

    app = make_app(path, demo=demo)
    try:
        app.run()
    finally:
        render_process.stop()
    return app.return_code or 0
