"""When the open draft reaches the disk: soon after a change, and before the app exits.

A change is saved once typing pauses for `AUTOSAVE_DELAY`, and at the latest `AUTOSAVE_MAX_WAIT`
after the first unsaved change even while typing goes on. A closed terminal (SIGHUP), a
`kill` (SIGTERM) or SIGINT save the draft before the app exits. Quitting with text that could
not be saved asks where it should go (`UnsavedDialog`).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label

from followup_tui import storage
from followup_tui.folder import unused_path
from followup_tui.model import Draft

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

# Save this long after the last change: often enough to lose nothing, rarely enough to be cheap.
AUTOSAVE_DELAY = 1.0
# ...and never later than this after the first unsaved change, however steadily the user types.
AUTOSAVE_MAX_WAIT = 2.0
# After a signal, a shutdown that takes longer than this is cut short (the draft is saved).
SHUTDOWN_DEADLINE = 3.0
EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


class Autosave:
    """A debounced save with a maximum wait: `changed()` on every change, `cancel()` when saved.

    `paused` is called after a save that came of a pause in typing (not of the deadline).
    """

    def __init__(
        self, app: App[Any], save: Callable[[], object], paused: Callable[[], object] = lambda: None
    ) -> None:
        self._app = app
        self._save = save
        self._paused = paused
        self._last_change = 0.0
        self._timer: Timer | None = None
        self._deadline: float | None = None

    @property
    def pending(self) -> bool:
        """True while a change waits for its save."""
        return self._deadline is not None

    def changed(self) -> None:
        """A change was made: save after a pause in typing, or at the deadline."""
        now = self._last_change = time.monotonic()
        if self._deadline is None:
            self._deadline = now + AUTOSAVE_MAX_WAIT
            self._wait(AUTOSAVE_DELAY)
        # Else the timer is set already, and when it goes off it looks at the last change: a
        # timer a key (each an asyncio task) would cost every key typed.

    def cancel(self) -> None:
        """Forget the pending save (the draft was saved another way, or switched)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._deadline = None

    def _wait(self, delay: float) -> None:
        self._timer = self._app.set_timer(delay, self._due)

    def _due(self) -> None:
        self._timer = None
        if self._deadline is None:
            return  # saved or cancelled meanwhile
        left = min(self._last_change + AUTOSAVE_DELAY, self._deadline) - time.monotonic()
        if left > 0:  # typed on since the timer was set: wait for the pause, or the deadline
            self._wait(left)
            return
        self.cancel()
        self._save()
        if time.monotonic() - self._last_change >= AUTOSAVE_DELAY:
            self._paused()


def rescue_path(draft: Draft, failed: Path | None) -> Path:
    """Where to offer to save a draft that could not be saved where it belongs.

    The home folder first (the drafts folder is the one that failed, most likely), else the
    system's temporary folder; never a file that exists already.
    """
    import tempfile

    name = storage.new_draft_path(draft).name if failed is None else failed.name
    stem = Path(name).stem
    for folder in (Path.home(), Path(tempfile.gettempdir())):
        if failed is not None and folder == failed.parent:
            continue
        return unused_path(folder, f"{stem}.rescued")
    return Path(tempfile.gettempdir()) / f"{stem}.rescued.toml"


def has_unsaved(app: FollowupApp) -> bool:
    """True when the draft holds changes that belong on disk and are not there yet."""
    session = app.session
    return session.dirty and not session.ephemeral and not session.read_only


def quit_keeping_text(app: FollowupApp) -> None:
    """Quit, saving first; when the save fails, ask where the text goes (or stay)."""
    result = app.session.save(now=app.now()) if has_unsaved(app) else None
    if result is None or result.ok:
        app.leave()
        return
    draft = app.session.draft
    dialog = UnsavedDialog(result.message, rescue_path(draft, app.session.path), draft)

    def answer(choice: str | None) -> None:
        if choice is not None:  # None: stay, with the text
            app.leave()

    app.push_screen(dialog, answer)


def on_exit_signal(app: FollowupApp, signum: int) -> None:
    """The terminal closed (SIGHUP) or the app was told to stop: save, then exit."""
    if has_unsaved(app) and not app.session.save(now=app.now()).ok:
        # Nobody is there to ask: keep the text in the home folder instead.
        with contextlib.suppress(OSError):
            storage.save_draft(rescue_path(app.session.draft, app.session.path), app.session.draft)
    app.session.release_lock()
    end_after_signal(app, signum)
    app.leave(128 + signum)


def save_on_exit_signals(app: FollowupApp) -> Callable[[], None]:
    """Save the draft and exit on SIGHUP, SIGTERM and SIGINT; returns the undo of that."""
    try:
        loop = asyncio.get_running_loop()
        for sig in EXIT_SIGNALS:
            loop.add_signal_handler(sig, on_exit_signal, app, sig)
    except (RuntimeError, ValueError, NotImplementedError):
        return lambda: None  # not the main thread (an app in a test's worker thread)

    def remove() -> None:
        for sig in EXIT_SIGNALS:
            loop.remove_signal_handler(sig)

    return remove


def end_after_signal(app: App[Any], signum: int) -> None:
    """Make sure the process ends soon after a signal, the draft being saved already.

    After SIGHUP there is no terminal left to restore, and Textual's shutdown blocks on
    writing to it: the process ends at once. After SIGTERM or SIGINT the terminal is restored
    as usual, with a deadline in case that blocks too. (Headless, as in tests, the process is
    not the app's to end.)
    """
    import os
    import threading

    if app.is_headless:
        return
    if signum == signal.SIGHUP:
        os._exit(128 + signum)
    deadline = threading.Timer(SHUTDOWN_DEADLINE, os._exit, (128 + signum,))
    deadline.daemon = True
    deadline.start()


class UnsavedDialog(ModalScreen[str | None]):
    """Quit with text that could not be saved: save it elsewhere, discard it, or stay.

    Dismisses with "saved" (written to the path in the field), "discard", or None (stay).
    """

    BINDINGS = [Binding("escape", "stay", "Stay")]

    def __init__(self, reason: str, suggestion: Path, draft: Draft) -> None:
        super().__init__(classes="dialog", id="unsaved")
        self.reason = reason
        self.suggestion = suggestion
        self.draft = draft
        self.saved_to: Path | None = None
        """Where the copy was saved, once it was."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box") as box:
            box.border_title = "Not saved"
            yield Label(
                "Your changes are not saved. Quit anyway?", classes="dialog-question", markup=False
            )
            yield Label(self.reason, classes="dialog-detail", markup=False)
            yield Label("Save a copy to:", classes="dialog-detail")
            yield Input(str(self.suggestion), id="unsaved-path", select_on_focus=False)
            yield Label("", id="unsaved-error", classes="dialog-detail", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save there and quit", id="unsaved-save", variant="primary")
                yield Button("Discard and quit", id="unsaved-discard", variant="error")
                yield Button("Stay (esc)", id="unsaved-stay")

    def on_mount(self) -> None:
        self.query_one("#unsaved-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_there()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "unsaved-save":
            self._save_there()
        elif event.button.id == "unsaved-discard":
            self.dismiss("discard")
        else:
            self.dismiss(None)

    def action_stay(self) -> None:
        """Back to the draft, nothing lost."""
        self.dismiss(None)

    def _save_there(self) -> None:
        text = self.query_one("#unsaved-path", Input).value.strip()
        error = self.query_one("#unsaved-error", Label)
        if not text:
            error.update("Type a path to save to.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            path = path / self.suggestion.name
        if path.exists():
            error.update(f"{path} exists already: choose another name.")
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            storage.save_draft(path, self.draft)
        except OSError as exc:
            error.update(f"Not saved there either ({exc.strerror or exc}). Try another path.")
            return
        self.saved_to = path
        self.dismiss("saved")
