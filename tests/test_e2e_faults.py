"""Kill -9 in the middle of typing, in a real terminal (tmux): nothing saved is lost or torn.

The app runs as a user runs it (`python -m followup_tui FILE` from this venv) inside a tmux
server of its own, on its own socket, with the test's XDG folders.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup_tui import paths, storage
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft
from followup_tui.session import Session, _pid_alive

WIDTH, HEIGHT = 120, 40


class Terminal:
    """A tmux server and session of our own; the pane's process is the app itself (exec)."""

    def __init__(self) -> None:
        assert shutil.which("tmux"), "these tests need tmux (.ci/run installs it)"
        self.socket = f"followup-faults-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.session = "app"

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=check,
        )
        return done.stdout

    def start(self, *app_args: str) -> int:
        """Start the app in a fresh session and return its pid."""
        env = " ".join(
            f"{name}={shlex.quote(os.environ[name])}"
            for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "HOME")
        )
        app = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "followup_tui", *app_args))
        # exec: the pane's process is the app, so its pid is the one to kill.
        # stderr is not redirected: Textual draws on it.
        command = f"exec env -u COLUMNS -u LINES {env} TERM=xterm-256color {app}"
        # A placeholder first: the app starts only once the window has its size, so it never
        # sees a passing 80x24.
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            "exec sleep 600",
        )
        wait_for(
            lambda: (
                self.tmux(
                    "display", "-p", "-t", self.session, "#{window_width}x#{window_height}"
                ).strip()
                == f"{WIDTH}x{HEIGHT}"
            ),
            "the terminal's size",
            self,
        )
        self.tmux("respawn-pane", "-k", "-t", self.session, command)
        return int(self.tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").split()[0])

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def key(self, key: str) -> None:
        self.tmux("send-keys", "-t", self.session, key)

    def close(self) -> None:
        self.tmux("kill-server", check=False)


def wait_for(condition: Callable[[], bool], what: str, terminal: Terminal) -> None:
    """Poll until `condition` holds (a generous budget, not a timing assertion)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"never happened: {what}\n--- screen ---\n{terminal.screen()}")


def saved(path: Path, check: Callable[[Draft], bool]) -> Callable[[], bool]:
    """True once the draft on disk parses and passes `check` (a half-written file never does)."""

    def probe() -> bool:
        try:
            return check(storage.load_draft(path))
        except FileFormatError:
            return False

    return probe


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    try:
        yield term
    finally:
        term.close()


def test_kill_9_while_typing_keeps_the_last_autosave_whole(terminal: Terminal) -> None:
    path = paths.drafts_dir() / "northwind.toml"  # a new draft: the file does not exist yet
    folder = path.parent
    pid = terminal.start(str(path))
    wait_for(lambda: "Interview notes" in terminal.screen(), "the app's screen", terminal)

    # The company field has the focus when the app opens.
    terminal.type("Northwind")
    wait_for(saved(path, lambda d: d.interview.company == "Northwind"), "autosave 1", terminal)
    terminal.type(" Traders")
    wait_for(
        saved(path, lambda d: d.interview.company == "Northwind Traders"), "autosave 2", terminal
    )

    # More typing, and the power goes before the next autosave.
    terminal.type(" of the North Sea")
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not _pid_alive(pid), "the app to die", terminal)

    draft = storage.load_draft(path)  # parses: never a torn file
    company = draft.interview.company
    assert company.startswith("Northwind Traders"), company
    assert "Northwind Traders of the North Sea".startswith(company), company
    assert sorted(p.name for p in folder.glob(".*.tmp")) == []
    assert sorted(p.name for p in folder.glob("*.toml")) == ["northwind.toml"]

    # The killed app's lock is left behind; it is stale, and opening again works.
    lock = folder / ".northwind.toml.lock"
    assert lock.read_text().strip() == str(pid)
    stale = lock.read_bytes()
    session = Session.open(path)
    assert not session.read_only
    assert session.acquire_lock() is None  # a dead pid does not count as another window
    assert session.other_instance is None
    assert lock.read_text() == str(os.getpid())
    session.release_lock()
    assert not lock.exists()

    # And the app itself opens it again without "open in another followup-tui".
    lock.write_bytes(stale)
    terminal.tmux("kill-server", check=False)
    again = terminal.start(str(path))
    wait_for(
        lambda: "Northwind Traders" in terminal.screen(), "the draft on screen again", terminal
    )
    wait_for(lambda: lock.read_text().strip() == str(again), "the app to take the lock", terminal)
    assert "another followup-tui" not in terminal.screen()
    terminal.key("C-q")
    wait_for(lambda: not _pid_alive(again), "the app to quit", terminal)
    assert not lock.exists()
    assert storage.load_draft(path).interview.company == company
    assert sorted(p.name for p in folder.iterdir()) == ["northwind.toml"]


# --------------------------------------------------------------------------- hostile input (#11)


def test_a_crafted_draft_cannot_command_the_terminal(terminal: Terminal) -> None:
    """OSC 52 (set the clipboard), OSC 2 (the title) and clear-screen typed into a draft."""
    from datetime import datetime

    from followup_tui.demo import demo_draft

    hostile = r"\u001b]52;c;cm0gLXJmIH4=\u0007\u001b]2;owned\u0007\u001b[2J\u0007"
    text = storage.dump_draft(demo_draft(datetime.fromisoformat("2026-11-21T15:00:00+00:00")))
    path = paths.drafts_dir() / "crafted.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace('company = "', f'company = "{hostile}', 1), encoding="utf-8")
    terminal.start(str(path))  # (a placeholder pane first, then the app)
    terminal.tmux("set-option", "-g", "set-clipboard", "on")  # OSC 52 would fill a buffer
    title = terminal.tmux("display", "-p", "-t", terminal.session, "#{pane_title}")
    wait_for(lambda: "Hi Priya" in terminal.screen(), "the email in the preview", terminal)
    assert "Interview notes" in terminal.screen()  # not wiped
    assert terminal.tmux("display", "-p", "-t", terminal.session, "#{pane_title}") == title
    assert "owned" not in title
    assert terminal.tmux("list-buffers", check=False).strip() == ""
    terminal.key("C-q")


def test_a_runaway_template_is_stopped_and_the_app_quits(terminal: Terminal) -> None:
    template = paths.user_templates_dir() / "thank-you" / "warm.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(
        "Subject: Hi\n\n{% for i in range(99999) %}{% for j in range(99999) %}"
        "{% endfor %}{% endfor %}\n"
    )
    pid = terminal.start("--demo")
    wait_for(lambda: "took too long" in terminal.screen(), "the budget's message", terminal)
    terminal.key("C-q")
    wait_for(lambda: not _pid_alive(pid) or _zombie(pid), "the app to quit", terminal)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True
