"""Reading a tmux pane in the end-to-end tests: what is on screen, and waiting for a text."""

from __future__ import annotations

import subprocess
import time


def capture(session: str) -> str:
    """The text on the pane of a tmux session now."""
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=True
    ).stdout


def wait_for(session: str, text: str, timeout: float = 30.0) -> str:
    """The screen once `text` is on it; AssertionError with the last screen if it never is."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
