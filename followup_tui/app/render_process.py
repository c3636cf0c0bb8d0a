"""The live email rendered in a process of its own, beside the app's.

Rendering and judging an email is pure Python. On a thread of the app's process it shares the
interpreter lock with the UI thread, so every render held up the frames drawn meanwhile: the
echo of the very key that caused it. In a process of its own it runs on another core, and the
spelling dictionary is read there too, never in the app's process.

Only for the app that `run` starts: tests render on a thread, where they can stand in for the
core's functions (a few start the process on purpose). If the process cannot start or dies,
the app renders on a thread again (`LiveRender`), as it always could.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor

_pool: ProcessPoolExecutor | None = None


def start() -> None:
    """Start the process now: it gets ready (imports, dictionary) while the screen is built."""
    global _pool
    if _pool is not None:
        return
    try:
        # spawn, not fork: the app's process has threads (Textual's input reader) by now.
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_prepare,
        )
        _pool.submit(os.getpid)  # the pool starts its process with the first job
    except (OSError, RuntimeError):  # no process to be had (limits, a locked-down system)
        _pool = None


def pool() -> Executor | None:
    """The render process, or None: render on a thread."""
    return _pool


def give_up() -> None:
    """The process failed a render (it died, or could not take the job): use threads now."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def stop() -> None:
    """The app is closing: let the process go once its current render is done."""
    give_up()


def _prepare() -> None:
    """In the render process, before its first render."""
    # It shares the app's terminal: anything it wrote (a library's warning) would land on
    # the app's screen.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.close(quiet)
    import followup_tui.render  # noqa: F401  (the template engine, before the first key)
    from followup_tui.practices.spelling import dictionary

    # A dictionary that fails to load here fails again when an email is judged, which says why.
    with contextlib.suppress(Exception):
        dictionary()
