"""The live email rendered in a process of its own, beside the app's.

Rendering and judging an email is pure Python. On a thread of the app's process it shares the
interpreter lock with the UI thread, so every render held up the frames drawn meanwhile: the
echo of the very key that caused it. In a process of its own it runs beside the UI, and the
spelling dictionary is read there, never in the app's process.

The process starts once the first email is on screen (started with the app, it slowed the
first frame down) and takes the renders over once it is ready; until then, and for good if it
cannot start or dies, the app renders on a thread (`LiveRender`), as it always could. Only for
the app that `run` starts (`allow`): tests render on a thread, where they can stand in for the
core's functions, and a few allow the process on purpose.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from functools import partial

_allowed = False
_pool: ProcessPoolExecutor | None = None
_ready: Future[int] | None = None


def allow() -> None:
    """This process is the app's: it may render in a process of its own."""
    global _allowed
    _allowed = True


def start(started: Callable[[bool], None]) -> None:
    """Start the process, from the app's event loop, which later calls `started(True)` once
    the process is ready to render or `started(False)` if it is not to be had."""
    global _pool, _ready
    loop = asyncio.get_running_loop()
    if _ready is None and _allowed:
        # spawn, not fork: the app's process has threads (Textual's input reader) by now.
        # Spawning hands the real stderr on to multiprocessing's helper; the running app has
        # swapped sys.stderr for its own capture, which has no file descriptor.
        try:
            with contextlib.redirect_stderr(sys.__stderr__):
                _pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_prepare,
                )
                _ready = _pool.submit(os.getpid)  # the first job starts the process
        except (OSError, ValueError, RuntimeError):  # no process to be had (limits, no stderr)
            give_up()
    if _ready is None or _pool is None:
        loop.call_soon(started, False)
        return
    # Started before (for an earlier screen) or now: the answer comes on the loop either way.
    asyncio.wrap_future(_ready, loop=loop).add_done_callback(partial(_answer, started))


def _answer(started: Callable[[bool], None], job: asyncio.Future[int]) -> None:
    ready = not job.cancelled() and job.exception() is None and _pool is not None
    if not ready:
        give_up()  # it died as it started
    started(ready)


def pool() -> Executor | None:
    """The render process once it is ready, or None: render on a thread."""
    # One that failed as it started is given up (`_answer`), or fails its first render.
    return _pool if _ready is not None and _ready.done() else None


def give_up() -> None:
    """The process failed (it died, or could not take a job): render on threads from now on."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def stop() -> None:
    """The app is closing: let the process go once its current render is done."""
    global _allowed, _ready
    give_up()
    _allowed = False
    _ready = None


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
