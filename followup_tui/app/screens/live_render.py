"""The live email: the draft rendered off the UI thread, one render at a time."""

from __future__ import annotations

import asyncio
from asyncio import Future
from collections.abc import Callable
from functools import partial

from textual.screen import Screen
from textual.worker import get_current_worker

from followup_tui.app import render_process
from followup_tui.practices.spelling import do_not_wait, load_in_background
from followup_tui.review import Rendered

# Takes what a render needs from the draft as it stands (on the UI thread) and returns the
# render itself, run in the render process (so it pickles) or on a thread; the int is the
# render's generation.
RenderJob = Callable[[int], Callable[[], Rendered]]


class LiveRender:
    """Keeps the email on screen a render of the draft as it stands.

    Changes that arrive together (a burst of keys, a paste) render once, and a slow template
    never holds up the keys. One render runs at a time: a change made while one runs renders
    as soon as it is shown, so the preview keeps up with fast typing instead of waiting for a
    pause (a render cut short by each key would never be seen). Renders run in the render
    process once it is ready (`render_process`, started by `start_process`), else on a
    thread. If there is no such process, or it fails, renders stay on threads and this
    process reads the spelling dictionary itself.
    """

    def __init__(
        self, screen: Screen[None], job: RenderJob, show: Callable[[Rendered], None]
    ) -> None:
        self._screen = screen
        self._job = job
        self._show = show
        # The spelling dictionary is read once the first email is shown (`start_process`): by
        # the render process, or in this one when there is none.
        do_not_wait()
        self._reading_dictionary = False
        self.pending = False
        """True from a change of the draft until the email on screen shows it."""
        self.shown = asyncio.Event()
        """Set while the email on screen is a render of the draft as it stands."""
        self._queued = False
        self._running = False
        self._again = False
        self._generation = 0
        self._dropped_upto = 0

    def schedule(self) -> None:
        """Render once the messages already queued on the screen are handled."""
        self.shown.clear()
        self.pending = True
        if self._running:
            self._again = True
        elif not self._queued:
            self._queued = True
            self._screen.call_later(self._start)

    def drop_running(self) -> None:
        """The draft was replaced: a render still running is of the old one, never shown."""
        self._dropped_upto = self._generation

    def _start(self) -> None:
        self._queued = False
        self._again = False
        self._running = True
        self._generation += 1
        render = self._job(self._generation)
        process = render_process.running()
        if process is None:
            self._in_thread(render)
        else:
            process.submit(render).add_done_callback(partial(self._rendered_in_process, render))

    def _rendered_in_process(
        self, render: Callable[[], Rendered], future: Future[Rendered]
    ) -> None:
        if future.cancelled():
            return  # the app is closing
        try:
            outcome = future.result()
        except Exception:  # the process died, the job could not reach it, or it raised
            # Render this one again here, and every one after it: a thread always works,
            # and an error of the render itself then shows as it would have.
            self._give_up_process()
            if self._screen.app.is_running:
                self._in_thread(render)
            return
        self._finish(outcome)

    def start_process(self) -> None:
        """Start the render process (once the first email is drawn: beside the first frames
        it held them up); renders move to it once it is ready."""
        render_process.start(self._process_started)

    def _process_started(self, ready: bool) -> None:
        """The process is ready (the next render is judged with its dictionary), or is not to
        be had (the dictionary is read here)."""
        if not self._screen.app.is_running:
            return
        if ready:
            self.schedule()
        else:
            self._read_dictionary()

    def _give_up_process(self) -> None:
        render_process.give_up()
        self._read_dictionary()

    def _read_dictionary(self) -> None:
        """Read the spelling dictionary in this process, then judge the email again."""
        if self._reading_dictionary:
            return
        self._reading_dictionary = True
        app = self._screen.app

        def loaded() -> None:  # on the loader's thread: now spelling can be judged
            if app.is_running:
                app.call_from_thread(self.schedule)

        load_in_background(loaded)

    def _in_thread(self, render: Callable[[], Rendered]) -> None:
        app = self._screen.app

        def run() -> None:
            outcome = render()
            if not get_current_worker().is_cancelled:
                app.call_from_thread(self._finish, outcome)

        self._screen.run_worker(run, thread=True, group="render")

    def _finish(self, outcome: Rendered) -> None:
        self._running = False
        if not self._screen.app.is_running:
            return  # the app is closing: its panes are being taken down
        if outcome.generation > self._dropped_upto:
            self._show(outcome)
        if self._again:
            self._start()  # the draft changed while this one was rendered
            return
        self.pending = False
        self.shown.set()
