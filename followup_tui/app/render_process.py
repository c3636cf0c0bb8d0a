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

The two talk over the child's stdin and stdout, each message a length and a pickle. The app's
end is read and written by its event loop (`add_reader`, `add_writer`): no thread of the app
wakes for a render, where a `ProcessPoolExecutor` woke two (bench/RESULTS.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import struct
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from typing import IO, Any

# Each message: its length, then the pickle.
_HEADER = struct.Struct("!I")
# `-P`: the folder the app was started in is not searched for modules; sys.path comes from
# the app (`_child_env`), so the child imports the very code the app runs.
_COMMAND = ("-P", "-c", "from followup_tui.app.render_process import serve; serve()")

_allowed = False
_tried = False
_process: RenderProcess | None = None


class ProcessLost(Exception):
    """The render process died, or could not be reached."""


class RenderFailed(Exception):
    """A render raised in the render process (its type and message are this one's)."""


def allow() -> None:
    """This process is the app's: it may render in a process of its own."""
    global _allowed
    _allowed = True


def start(started: Callable[[bool], None]) -> None:
    """Start the process, from the app's event loop, which later calls `started(True)` once
    the process is ready to render or `started(False)` if it is not to be had."""
    global _process, _tried
    loop = asyncio.get_running_loop()
    if _allowed and not _tried:
        _tried = True  # once: a process that failed is not tried again
        try:
            _process = RenderProcess(loop)
        except (OSError, ValueError, NotImplementedError):  # limits; a loop without pipes
            _process = None
    if _process is None:
        loop.call_soon(started, False)
    else:
        # Started before (for an earlier screen) or now: the answer comes on the loop either way.
        _process.when_ready(started)


def running() -> RenderProcess | None:
    """The render process once it is ready, or None: render on a thread."""
    return _process if _process is not None and _process.ready else None


def give_up() -> None:
    """The process failed (it died, or could not take a job): render on threads from now on."""
    if _process is not None:
        _process.close()


def stop() -> None:
    """The app is closing: end the process."""
    global _allowed, _tried, _process
    give_up()
    _allowed = _tried = False
    _process = None


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


class RenderProcess:
    """The app's end of the render process: jobs go out in order, answers come back in order."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        # Its stderr goes nowhere: it shares the app's terminal, and a library's warning
        # would land on the app's screen.
        self._child = subprocess.Popen(
            [sys.executable, *_COMMAND],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_child_env(),
        )
        assert self._child.stdin is not None and self._child.stdout is not None
        self.pid = self._child.pid
        self._to: IO[bytes] = self._child.stdin
        self._from: IO[bytes] = self._child.stdout
        self.ready = False
        self.lost = False
        self._waiting: list[Callable[[bool], None]] = []
        self._answers: deque[asyncio.Future[Any]] = deque()
        self._received = bytearray()
        self._unsent = bytearray()
        try:
            os.set_blocking(self._to.fileno(), False)
            os.set_blocking(self._from.fileno(), False)
            loop.add_reader(self._from.fileno(), self._read)
        except BaseException:
            self._end_child()
            raise

    def when_ready(self, started: Callable[[bool], None]) -> None:
        """Call `started(True)` once the process is ready, `started(False)` if it is lost."""
        if self.ready or self.lost:
            self._loop.call_soon(started, self.ready)
        else:
            self._waiting.append(started)

    def submit(self, job: Callable[[], Any]) -> asyncio.Future[Any]:
        """Run `job` (pickled by name) in the process; its result, or the error it raised
        (`RenderFailed`), or `ProcessLost`."""
        answer: asyncio.Future[Any] = self._loop.create_future()
        if self.lost:
            answer.set_exception(ProcessLost())
            return answer
        try:
            data = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: BLE001  (anything a pickle can raise)
            answer.set_exception(error)
            return answer
        self._answers.append(answer)
        self._unsent += _HEADER.pack(len(data)) + data
        self._write()
        return answer

    def _write(self) -> None:
        try:
            sent = os.write(self._to.fileno(), self._unsent)
        except BlockingIOError:
            sent = 0
        except OSError:  # it died (a broken pipe)
            self.close()
            return
        del self._unsent[:sent]
        # A long draft's job can be more than the pipe holds: the rest goes as it reads.
        if self._unsent:
            self._loop.add_writer(self._to.fileno(), self._write)
        else:
            self._loop.remove_writer(self._to.fileno())

    def _read(self) -> None:
        try:
            chunk = os.read(self._from.fileno(), 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:  # it ended
            self.close()
            return
        self._received += chunk
        while len(self._received) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._received)
            end = _HEADER.size + size
            if len(self._received) < end:
                break
            try:
                kind, value = pickle.loads(self._received[_HEADER.size : end])
            except Exception:  # noqa: BLE001  (a garbled answer: the process is not to be trusted)
                self.close()
                return
            del self._received[:end]
            self._answer(kind, value)

    def _answer(self, kind: str, value: Any) -> None:
        if kind == "ready":
            self.ready = True
            self._tell_waiting(True)
            return
        answer = self._answers.popleft()
        if answer.done():  # cancelled: the app is closing
            return
        if kind == "done":
            answer.set_result(value)
        else:
            answer.set_exception(RenderFailed(value))

    def _tell_waiting(self, ready: bool) -> None:
        waiting, self._waiting = self._waiting, []
        for started in waiting:
            started(ready)

    def close(self) -> None:
        """End the process; jobs it had not answered fail with `ProcessLost`."""
        if self.lost:
            return
        self.lost = True
        self.ready = False
        if not self._loop.is_closed():
            self._loop.remove_reader(self._from.fileno())
            self._loop.remove_writer(self._to.fileno())
            while self._answers:
                answer = self._answers.popleft()
                if not answer.done():
                    answer.set_exception(ProcessLost())
            self._tell_waiting(False)
        self._end_child()

    def _end_child(self) -> None:
        for pipe in (self._to, self._from):
            with contextlib.suppress(OSError):
                pipe.close()
        # Nothing of the user's is in there: the draft is the app's and saved by the app.
        with contextlib.suppress(OSError):
            self._child.kill()
        self._child.wait()


# ---------------------------------------------------------------- in the render process


def serve() -> None:
    """The render process: run each job the app sends and answer it, until the app is gone."""
    jobs = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    # What the process prints (a library's notice) must not garble the answers.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.close(quiet)
    _prepare()
    _send(answers, "ready", os.getpid())
    while True:
        header = jobs.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return  # the app closed its end
        (size,) = _HEADER.unpack(header)
        try:
            job = pickle.loads(jobs.read(size))
            kind, value = "done", job()
        except Exception as error:  # noqa: BLE001  (the app renders it again on a thread)
            kind, value = "failed", f"{type(error).__name__}: {error}"
        try:
            _send(answers, kind, value)
        except BrokenPipeError:
            return
        except Exception as error:  # noqa: BLE001  (a result that does not pickle)
            _send(answers, "failed", f"{type(error).__name__}: {error}")


def _send(answers: IO[bytes], kind: str, value: Any) -> None:
    data = pickle.dumps((kind, value), pickle.HIGHEST_PROTOCOL)
    answers.write(_HEADER.pack(len(data)) + data)
    answers.flush()


def _prepare() -> None:
    """Before the first render: the template engine and the spelling dictionary."""
    import followup_tui.render  # noqa: F401
    from followup_tui.practices.spelling import dictionary

    # A dictionary that fails to load here fails again when an email is judged, which says why.
    with contextlib.suppress(Exception):
        dictionary()
