"""The copied email outlives the app and its terminal (a real X server: Xvfb, and xclip)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from followup_tui import paths, storage
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Settings
from tests.tmux_screen import wait_for

EXECUTABLE = Path(sys.executable).with_name("followup-tui")
NOW = "2026-11-21T15:00:00+00:00"


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server; its number is the one Xvfb picked (no clash with a real one)."""
    for tool in ("Xvfb", "xclip", "tmux"):
        assert shutil.which(tool), f"{tool} is needed for this test (.ci/run installs it)"
    reader, writer = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(writer,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    try:
        with os.fdopen(reader) as out:
            number = out.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_copied_email_outlives_the_app_and_its_terminal(
    x_display: str, isolated_home: Path
) -> None:
    """Issue 10 item 18: copy with ctrl+y, close the terminal, the clipboard still holds it."""
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(datetime.fromisoformat(NOW)))
    storage.save_settings(Settings(profile=demo_profile()))
    # The real clock, as the app has: the email says "today" or the date like the app's.
    env = {**os.environ, "DISPLAY": x_display}
    env.pop("FOLLOWUP_TUI_NOW", None)
    expected = subprocess.run(
        [str(EXECUTABLE), "render", str(path), "--interviewer", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    session = f"followup-clip-{uuid.uuid4().hex[:8]}"
    variables = " ".join(
        f"{k}={shlex.quote(env[k])}"
        for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "HOME", "DISPLAY", "PATH")
    )
    command = (
        f"env -u COLUMNS -u LINES {variables} TERM=xterm-256color"
        f" {shlex.quote(str(EXECUTABLE))} {shlex.quote(str(path))}"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
    )
    try:
        wait_for(session, "Interview notes")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-y"], check=True)
        wait_for(session, "with xclip")
    finally:
        # What closing the terminal does: SIGHUP to everything in the app's session.
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    deadline = time.monotonic() + 10
    while (
        subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0
    ):
        assert time.monotonic() < deadline, "the tmux session never closed"
        time.sleep(0.1)
    pasted = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        capture_output=True,
        text=True,
        env=env,
        timeout=10,
    )
    assert pasted.returncode == 0, pasted.stderr
    assert pasted.stdout == expected.rstrip("\n")
