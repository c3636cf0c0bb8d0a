"""The Textual layer of followup-tui: a thin app over the core."""

from __future__ import annotations

import gc
from pathlib import Path

# Python collects its youngest objects every 700 net allocations. Textual allocates tens of
# thousands of short-lived containers per frame, so with that default the collector runs
# several times per keystroke; and its full passes over the ~80,000 objects of a started app
# stall typing for 100 ms and more. So the young generation is collected less often, and
# once the screen is built (`settle_gc`) the objects made so far, which live as long as the
# app, are frozen out of the collector's passes. Measured in bench/RESULTS.md.
GC_YOUNG_THRESHOLD = 20_000


def tune_gc() -> None:
    """Set the collector up for a Textual app (done once, as the process starts the app)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def settle_gc() -> None:
    """Once the screen is built: collect, then freeze what is left out of later passes."""
    gc.unfreeze()  # a rebuilt screen leaves the old one's objects behind: let them go
    gc.collect()
    gc.freeze()


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Start the app (what `followup-tui [FILE] [--demo]` does)."""
    tune_gc()
    from followup_tui.app.app import make_app

    app = make_app(path, demo=demo)
    app.settles_gc = True
    app.run()
    return app.return_code or 0
