"""The Textual layer of followup-tui: a thin app over the core."""

from __future__ import annotations

import gc
from pathlib import Path

# Python collects its youngest objects every 700 net allocations. Textual allocates tens of
# thousands of short-lived containers per frame, so with that default the collector runs
# several times per keystroke, and its full passes over the ~100,000 objects of a started
# app stall typing for 100 ms and more. Collecting the young generation less often costs a
# few megabytes of garbage at most; measured in bench/RESULTS.md.
GC_YOUNG_THRESHOLD = 20_000


def tune_gc() -> None:
    """Set the collector up for a Textual app (done once, as the process starts the app)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Start the app (what `followup-tui [FILE] [--demo]` does)."""
    tune_gc()
    from followup_tui.app.app import make_app

    app = make_app(path, demo=demo)
    app.run()
    return app.return_code or 0
