"""The installed `followup-tui` in a real terminal (tmux): type into a field, read the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup_tui import storage
from followup_tui.model import Interview
from tests.tmux_screen import wait_for

TMUX = shutil.which("tmux")
EXECUTABLE = Path(sys.executable).with_name("followup-tui")


@pytest.fixture
def tmux_session(isolated_home: Path) -> Iterator[str]:
    assert TMUX, "tmux is needed for the end-to-end tests (.ci/run installs it)"
    assert EXECUTABLE.exists(), f"{EXECUTABLE} is not installed: pip install -e '.[test]'"
    name = f"followup-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def start(session: str, *args: str, size: tuple[int, int] = (120, 40)) -> None:
    env = " ".join(
        f"{k}={shlex.quote(os.environ[k])}"
        for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "HOME")
    )
    # pytest exports COLUMNS=80 and LINES=24, and Textual (like shutil) trusts them over the
    # terminal's real size: drop them so the app sees the tmux window.
    command = (
        f"env -u COLUMNS -u LINES {env} TERM=xterm-256color {shlex.quote(str(EXECUTABLE))} "
        + " ".join(shlex.quote(a) for a in args)
    )
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            command,
        ],
        check=True,
    )


def new_draft(*options: str) -> Path:
    """A draft made by `followup-tui new` with these options; its path."""
    made = subprocess.run(
        [str(EXECUTABLE), "new", *options], capture_output=True, text=True, check=True
    )
    return Path(made.stdout.strip())


def saved(path: Path, holds: Callable[[Interview], bool], timeout: float = 15) -> bool:
    """Whether the draft's file comes to hold an interview for which `holds` is true."""
    deadline = time.monotonic() + timeout
    while not holds(storage.load_draft(path).interview):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_type_a_company_and_see_it_in_the_email(
    tmux_session: str, isolated_home: Path, size: tuple[int, int]
) -> None:
    path = new_draft("--role", "Platform Engineer", "--interviewer", "Ines Duarte")
    start(tmux_session, str(path), size=size)
    wait_for(tmux_session, "Interview notes")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "-l", "Zephyr Robotics"], check=True)
    if size == (80, 24):
        # Narrow: the preview is a tab away.
        subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-e"], check=True)
    screen = wait_for(tmux_session, "Zephyr Robotics", timeout=15)
    if size == (120, 40):
        assert "Interview notes" in screen and "Checklist" in screen and "Preview" in screen
    wait_for(tmux_session, "Hi Ines")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-q"], check=True)
    assert saved(path, lambda iv: iv.company == "Zephyr Robotics")


def test_keys_typed_while_the_app_opens_are_kept_in_order(
    tmux_session: str, isolated_home: Path
) -> None:
    """Type-ahead: a user who starts typing as the app opens loses nothing, and the keys act
    in the order typed: letters into the first field, a tab to the next, letters there."""
    path = new_draft("--company", "Acme", "--role", "SRE")
    start(tmux_session, str(path))
    # At once: the app is still starting (Python, Textual, the screen being built). The
    # second Tab goes to the interview's time, a field the first frame does not have yet.
    keys = (["-l", " Labs"], ["Tab"], ["-l", " II"], ["Tab"], ["-l", "tomorrow 3pm"])
    for key in keys:
        subprocess.run(["tmux", "send-keys", "-t", tmux_session, *key], check=True)
    wait_for(tmux_session, "Acme Labs")
    wait_for(tmux_session, "SRE II")
    assert saved(
        path,
        lambda iv: (iv.company, iv.role) == ("Acme Labs", "SRE II") and iv.when is not None,
    )
