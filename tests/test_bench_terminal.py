"""The terminal benchmark's pty driver: keys reach the child, its frames are replayed right."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from terminal import NotShown, Replay, Term  # noqa: E402

# A stand-in for a TUI: answers the sync query's reply with a marker, then echoes each key,
# upper-cased, inside a synchronized-output frame, at the cell after the last one.
CHILD = r"""
import os, sys, tty
tty.setraw(0)
out = sys.stdout.buffer
out.write(b"\x1b[?2026$p"); out.flush()
reply = os.read(0, 64)
out.write(b"\x1b[1;1H" + (b"sync" if reply == b"\x1b[?2026;2$y" else b"nosync")); out.flush()
col = 1
while True:
    key = os.read(0, 1)
    if key == b"q":
        break
    out.write(b"\x1b[?2026h\x1b[3;%dH" % col + key.upper() + b"\x1b[?2026l"); out.flush()
    col += 1
    # a frame split across two writes: only its end may count as on screen
    out.write(b"\x1b[?2026h\x1b[5;1Hhalf"); out.flush()
    out.write(b"\x1b[5;5Hdone\x1b[?2026l"); out.flush()
"""


def child() -> Term:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    return Term([sys.executable, "-c", CHILD], env, size=(40, 6))


def test_keys_reach_the_child_and_frames_are_timed() -> None:
    term = child()
    try:
        term.wait_for(lambda r: r.find("sync") == (0, 0), 10)
        sent = [term.key(ch) for ch in "abc"]
        replay = term.wait_for(lambda r: "ABC" in r.region(0, 40, 2, 3), 10)
        assert replay.lines()[0].startswith("sync")  # the pty answered the query
    finally:
        term.close(quit_keys="q")
    assert term.proc.returncode == 0
    assert term.rusage is not None and term.rusage.ru_utime >= 0

    # Replayed afresh, each letter first shows in a complete frame after it was sent, and
    # no frame is looked at between the two halves of the split one.
    again = Replay(term.size)
    first: dict[str, float] = {}
    for _, at in again.frames(term.chunks):
        row = again.lines()[2]
        for ch in "ABC":
            if ch in row and ch not in first:
                first[ch] = at
        assert "half" not in again.lines()[4] or again.lines()[4].startswith("halfdone")
    assert [first[ch] >= t for ch, t in zip("ABC", sent, strict=True)] == [True] * 3


def test_region_reads_a_folded_word_whole() -> None:
    replay = Replay((10, 3))
    replay.stream.feed(b"\x1b[1;1H  abcdefgh\x1b[2;1H  ijk    x")
    assert replay.region(0, 10, 0, 2) == "abcdefghijk    x"
    assert replay.region(0, 8, 0, 2) == "abcdefijk"


def test_a_child_that_died_is_closed_cleanly() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    child = [sys.executable, "-c", "raise SystemExit(3)"]
    with Term(child, env, size=(20, 3)) as term, pytest.raises(NotShown):
        term.wait_for(lambda r: "never" in r.text(), 10)  # sees the exit, reaps it
    assert term.closed and term.proc.returncode == 3


def test_waiting_for_what_never_shows_says_so() -> None:
    term = child()
    try:
        with pytest.raises(NotShown, match="not on screen"):
            term.wait_for(lambda r: "never" in r.text(), 0.3)
    finally:
        term.close(quit_keys="q")


BUSY_THEN_IDLE = r"""
import sys, time
end = time.process_time() + 0.6
while time.process_time() < end:
    pass
sys.stdout.write("idle"); sys.stdout.flush()
time.sleep(30)
"""


def test_waiting_until_the_child_is_quiet_outlasts_its_busy_start() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    term = Term([sys.executable, "-c", BUSY_THEN_IDLE], env, size=(40, 6))
    try:
        waited = term.wait_quiet(window=0.2)
        # not while it was busy (0.6 s of CPU), and not until the timeout once it was idle
        assert 0.5 <= waited < 10
        term.wait_for(lambda r: "idle" in r.text(), 2)
    finally:
        term.close(quit_keys="")
