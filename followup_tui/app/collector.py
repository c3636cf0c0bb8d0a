"""Python's garbage collector, kept out of the way of typing in the running app.

A full pass of the collector walks every object the app keeps (its widgets, the caches of the
lines on screen); one that comes in the middle of typing holds a key up for as long as the
walk takes (bench/RESULTS.md has the figures). So `followup-tui` builds its first screen with
the collector off, and at pauses (the first email on screen, a pause in typing) collects what
is garbage and freezes the rest out of later passes: those then walk only what is new.

Only for the app that `run` starts: a test's process keeps Python's defaults, and freezing
there would keep every test's app alive.
"""

from __future__ import annotations

import gc

_managed = False


def start() -> None:
    """The app is about to be built: no collector passes until the first `settle`."""
    global _managed
    _managed = True
    gc.disable()


def settle(*, collect: bool = True) -> None:
    """A pause: collect the garbage (unless told not to), freeze what is left, collector on."""
    if not _managed:
        return
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()
