"""A closed terminal or a `kill` in the middle of typing, in a real terminal (tmux): all kept.

The app runs as a user runs it, in a tmux server of its own (`test_e2e_faults.Terminal`).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_e2e_faults import Terminal, saved, wait_for

from followup_tui import paths, storage
from followup_tui.session import _pid_alive


@pytest.fixture
def terminal() -> Terminal:
    term = Terminal()
    try:
        yield term  # type: ignore[misc]
    finally:
        term.close()


def type_slowly(terminal: Terminal, text: str) -> None:
    """Type as a person does: a key at a time, a tenth of a second apart."""
    for char in text:
        terminal.type(char)
        time.sleep(0.1)


def open_and_type(terminal: Terminal, path: Path, text: str) -> int:
    pid = terminal.start(str(path))
    wait_for(lambda: "Interview notes" in terminal.screen(), "the app's screen", terminal)
    type_slowly(terminal, text)
    # What the user saw on screen (the email has the company) is what must be kept.
    last_word = text.split()[-1]
    wait_for(lambda: last_word in terminal.screen(), "the typing on screen", terminal)
    return pid


def the_app_ends(pid: int, terminal: Terminal) -> Callable[[], bool]:
    """True once the process is gone, or a zombie (its tmux server gone, nobody reaps it)."""

    def ended() -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except (OSError, IndexError):
            return not _pid_alive(pid)
        return state == "Z"

    return ended


def test_closing_the_terminal_mid_typing_keeps_every_word(terminal: Terminal) -> None:
    path = paths.drafts_dir() / "zephyr.toml"
    text = "Zephyr Robotics of Lisbon"
    pid = open_and_type(terminal, path, text)
    terminal.tmux("kill-session", "-t", terminal.session)  # SIGHUP, as a closed window
    wait_for(the_app_ends(pid, terminal), "the app to exit", terminal)
    assert storage.load_draft(path).interview.company == text
    assert sorted(p.name for p in path.parent.iterdir()) == ["zephyr.toml"]  # lock released


def test_kill_term_mid_typing_keeps_every_word(terminal: Terminal) -> None:
    path = paths.drafts_dir() / "zephyr.toml"
    text = "Zephyr Robotics of Porto"
    pid = open_and_type(terminal, path, text)
    os.kill(pid, signal.SIGTERM)
    wait_for(the_app_ends(pid, terminal), "the app to exit", terminal)
    wait_for(saved(path, lambda d: d.interview.company == text), "the saved draft", terminal)
    assert sorted(p.name for p in path.parent.iterdir()) == ["zephyr.toml"]
