"""The Textual layer of followup-tui: a thin app over the core."""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Start the app (what `followup-tui [FILE] [--demo]` does)."""
    from followup_tui.app import collector

    collector.start()
    from followup_tui.app.app import make_app

    app = make_app(path, demo=demo)
    app.run()
    return app.return_code or 0
