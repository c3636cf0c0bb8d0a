"""A pseudo-terminal driver: an app spawned under a pty, its output timestamped and replayed.

`Term` starts a command on the slave side of a pty of a given size, sends it keys (and mouse
clicks) as a terminal would, and keeps every chunk of its output with the time it was read.
`Replay` feeds those chunks, in order, through `pyte` (a terminal emulator), so a caller can
ask when some text was first on screen: at the end of which chunk, and at what time.

Like most terminals of today (kitty, WezTerm, foot, iTerm2, Windows Terminal), this one
answers Textual's query for synchronized output, so each frame arrives between "begin" and
"end" marks and the screen is looked at only when a frame is complete, as a terminal would
show it. Imports neither Textual nor followup-tui.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import tempfile
import termios
import threading
import time
import tty
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pyte

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently reset" (DECRPM)
SYNC_BEGIN = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
CLK_TCK = os.sysconf("SC_CLK_TCK")


class NotShown(Exception):
    """What was waited for did not show on screen in time."""


@dataclass
class Chunk:
    """Bytes read from the terminal and when (time.perf_counter())."""

    at: float
    data: bytes


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a live process and its live descendants, from /proc
    (clock-tick resolution). An app's helper processes count: followup-tui renders in one."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parent[int(entry)] = int(fields[1])
        ticks[int(entry)] = int(fields[11]) + int(fields[12])
    if pid not in ticks:
        raise ProcessLookupError(pid)
    tree = {pid}
    grew = True
    while grew:
        below = {child for child, up in parent.items() if up in tree} - tree
        tree |= below
        grew = bool(below)
    return sum(ticks[p] for p in tree) / CLK_TCK


def _controlling_tty() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Term:
    """One command running in a pseudo-terminal of `size` (columns, rows); a context manager.

    Leaving the `with` block ends a child still running (SIGKILL), whatever went wrong.
    """

    def __init__(
        self, argv: Sequence[str], env: dict[str, str], size: tuple[int, int] = (120, 40)
    ) -> None:
        self.size = size
        self.chunks: list[Chunk] = []
        master, slave = os.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # No line discipline echo or buffering: keys sent before the app puts the terminal in
        # raw mode wait for it unseen, instead of being echoed by the kernel.
        tty.setraw(slave)
        env = dict(env, TERM="xterm-256color", COLORTERM="truecolor")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            # Away from any checkout: `python -m followup_tui` (a `--base` command) would
            # otherwise import the one in the current folder, whatever PYTHONPATH says.
            cwd=tempfile.gettempdir(),
            start_new_session=True,
            # The pty becomes the child's controlling terminal, as in a terminal emulator:
            # closing it (the window) sends the child SIGHUP.
            preexec_fn=_controlling_tty,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.closed = False
        self.rusage: os.struct_rusage | None = None
        """The child's resource usage (from wait4), once closed; None if it was reaped first."""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def __enter__(self) -> Term:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.closed:
            self.close(quit_keys="", signals=(signal.SIGKILL,))

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:  # EIO: the child closed its side
                return
            if not data:
                return
            self.chunks.append(Chunk(time.perf_counter(), data))
            if SYNC_QUERY in data:
                self.write(SYNC_REPLY)

    def write(self, data: bytes) -> float:
        """Send bytes as typed; returns the time they were sent."""
        at = time.perf_counter()
        os.write(self.master, data)
        return at

    def key(self, text: str) -> float:
        """Type `text` (one key per character, or a control sequence)."""
        return self.write(text.encode())

    def click(self, x: int, y: int) -> None:
        """A left click at a cell (0-based), in the SGR mouse encoding Textual asks for."""
        self.write(f"\x1b[<0;{x + 1};{y + 1}M".encode())
        time.sleep(0.02)
        self.write(f"\x1b[<0;{x + 1};{y + 1}m".encode())

    def cpu(self) -> float:
        """The child's CPU seconds so far, its own children's included."""
        return cpu_seconds(self.proc.pid)

    def wait_quiet(self, window: float = 0.3, most: float = 0.02, timeout: float = 15) -> float:
        """Wait until the child used at most `most` s of CPU in `window` s; the seconds waited.

        A started app still works in the background for a while (followup-tui loads its
        spelling dictionary after the first email): measures of a started app begin once
        that is done, not after a fixed sleep that a slow machine outlasts.
        """
        start = time.perf_counter()
        while time.perf_counter() - start < timeout and self.proc.poll() is None:
            before = self.cpu()
            time.sleep(window)
            if self.cpu() - before <= most:
                break
        return time.perf_counter() - start

    def wait_for(self, found: Callable[[Replay], bool], timeout: float) -> Replay:
        """Poll (every 50 ms) until `found` holds for the screen so far; NotShown if never."""
        replay = Replay(self.size)
        deadline = time.perf_counter() + timeout
        while True:
            replay.feed(self.chunks)
            if found(replay):
                return replay
            if time.perf_counter() > deadline or self.proc.poll() is not None:
                tail = "\n".join(replay.lines())
                raise NotShown(f"{self.proc.args}: not on screen within {timeout} s:\n{tail}")
            time.sleep(0.05)

    def close(
        self,
        quit_keys: str = "\x11",
        signals: Sequence[signal.Signals] = (signal.SIGTERM, signal.SIGKILL),
    ) -> os.struct_rusage | None:
        """Quit with `quit_keys` (ctrl+q), else each of `signals`; the child's rusage."""
        if self.closed:
            return self.rusage
        self.closed = True
        if quit_keys and self.proc.returncode is None:
            self.key(quit_keys)
        # A child that wait_for saw exit was reaped by Popen already: no rusage then.
        for sig in (None, *signals) if self.proc.returncode is None else ():
            if sig is not None:
                self.proc.send_signal(sig)
            deadline = time.perf_counter() + 3
            while time.perf_counter() < deadline:
                pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
                if pid:
                    self.proc.returncode = os.waitstatus_to_exitcode(status)
                    self.rusage = usage
                    break
                time.sleep(0.02)
            if self.rusage is not None:
                break
        self._reader.join(timeout=2)
        os.close(self.master)
        return self.rusage


class Replay:
    """The output replayed through pyte, looked at at the end of every complete frame."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self.done = 0
        self.depth = 0  # open synchronized-output blocks
        self.at = 0.0
        self.index = -1

    def feed(self, chunks: Sequence[Chunk]) -> None:
        """Feed every chunk not fed yet (for a caller that only wants the latest screen)."""
        for _ in self.frames(chunks):
            pass

    def feed_text(self, chunks: Sequence[Chunk]) -> str:
        """Feed every chunk not fed yet; the screen as it stands then."""
        self.feed(chunks)
        return self.text()

    def frames(self, chunks: Sequence[Chunk]) -> Iterator[tuple[int, float]]:
        """Feed chunks not fed yet, yielding (index, time) wherever a frame is complete."""
        while self.done < len(chunks):
            chunk = chunks[self.done]
            self.stream.feed(chunk.data)
            self.depth += chunk.data.count(SYNC_BEGIN) - chunk.data.count(SYNC_END)
            self.depth = max(self.depth, 0)
            self.index, self.at = self.done, chunk.at
            self.done += 1
            if self.depth == 0:
                yield self.index, self.at

    def lines(self) -> list[str]:
        """The screen, one string per row."""
        return list(self.screen.display)

    def region(self, x0: int, x1: int, y0: int = 0, y1: int | None = None) -> str:
        """Columns x0..x1 (exclusive) of rows y0..y1, each row stripped, joined as one.

        Joined without separators (and without a pane's padding), so a word the screen wraps
        or folds reads whole again.
        """
        rows = self.screen.display[y0:y1]
        return "".join(row[x0:x1].strip() for row in rows)

    def text(self) -> str:
        """The whole screen as one string, rows joined by newlines."""
        return "\n".join(self.screen.display)

    def find(self, text: str) -> tuple[int, int] | None:
        """Where `text` first shows on screen: (column, row), or None."""
        for y, row in enumerate(self.screen.display):
            x = row.find(text)
            if x >= 0:
                return x, y
        return None
