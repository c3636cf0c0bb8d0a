"""Start an app headless, note the points of its start-up, and exit once it is done.

    python bench/first_paint.py app       # `followup-tui --demo`, through the real command line
    python bench/first_paint.py minimal   # a Textual app holding one Static

Both cases start the same way: this script, the same interpreter, `App.run` made headless at
120x40, and Textual's `Ready` event (sent once the first frame has been drawn) noted.
`bench/run.py` times the whole process from the outside; this prints one JSON line with the
times (from the spawn, when `BENCH_T0` holds the parent's `time.time()`, and from the script's
first line) of: `App.run` called, the first frame, usable (a field has the focus), the first
email on screen (rendered on a thread once the first frame is drawn) and the spelling
dictionary loaded (by the render process the app starts after that email, before it takes
the renders over; an app with no such process loads it in the background instead); with
the widget counts and the peak memory (VmHWM) at those points. The process exits once all of
that has happened, so its peak memory covers the whole start-up. The minimal app, with no
field, email or dictionary, is done at its first frame.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

from textual.app import App  # noqa: E402

SIZE = (120, 40)
seen: dict[str, Any] = {}
_run = App.run


def status_kib(field: str) -> int:
    """A memory figure of this process from /proc (VmHWM is its own peak, not its parent's)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    return 0


def _headless_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
    seen["run_called_ms"] = (time.perf_counter() - T0) * 1000
    seen["rss_at_run_kib"] = status_kib("VmRSS")
    kwargs.update(headless=True, size=SIZE)
    return _run(self, *args, **kwargs)


def since_spawn_ms() -> float | None:
    """Milliseconds since the parent's clock read just before it started this process."""
    if "BENCH_T0" not in os.environ:
        return None
    return (time.time() - float(os.environ["BENCH_T0"])) * 1000


def _since(key: str) -> None:
    """Note that a point of the start-up is reached: its times and the peak memory so far."""
    seen[f"{key}_ms"] = (time.perf_counter() - T0) * 1000
    seen[f"{key}_since_spawn_ms"] = since_spawn_ms()
    seen[f"peak_at_{key}_kib"] = status_kib("VmHWM")


def _first_frame(self: App[Any]) -> None:
    _since("ready")
    seen["nodes"] = len(list(self.screen.walk_children(with_self=True)))
    if not self.screen.query("#preview"):  # the minimal app: usable at its first frame
        _since("usable")
        self.exit()
        return
    from textual.widgets import Input, Static, TextArea

    from followup_tui.app import render_process
    from followup_tui.practices import spelling

    waited = time.perf_counter()

    def check() -> None:
        if "usable_ms" not in seen and isinstance(self.focused, Input | TextArea):
            _since("usable")
            seen["focused"] = getattr(self.focused, "id", None)
        subject = self.screen.query("#p-subject")
        if (
            "email_set" not in seen
            and subject
            and str(subject.first(Static).content).startswith("Subject: ")
        ):
            seen["email_set"] = (time.perf_counter() - T0) * 1000
            # drawn with the screen's next update
            self.call_after_refresh(_since, "email")
        # The render process reads the dictionary before it takes the renders over: once it
        # has, the dictionary is loaded (in that process, not this one).
        in_process = render_process.running() is not None
        if "dictionary_ms" not in seen and (spelling.is_loaded() or in_process):
            seen["dictionary_ms"] = (time.perf_counter() - T0) * 1000
        done = all(f"{key}_ms" in seen for key in ("usable", "email", "dictionary"))
        if (done or time.perf_counter() - waited > 10) and "nodes_done" not in seen:
            seen["nodes_done"] = len(list(self.screen.walk_children(with_self=True)))
            self.exit()

    self.set_interval(0.002, check)
    check()


# Textual dispatches `Ready` to `_on_ready` on every class of the app's MRO, App included.
App.run = _headless_run  # type: ignore[method-assign]
App._on_ready = _first_frame  # type: ignore[attr-defined]


def main() -> int:
    case = sys.argv[1]
    if case == "app":
        from followup_tui.cli import main as cli_main

        code = cli_main(["--demo"])
    elif case == "minimal":
        from textual.app import ComposeResult
        from textual.widgets import Static

        class Minimal(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("Hello")

        app = Minimal()
        app.run()
        code = app.return_code or 0
    else:
        raise SystemExit(f"unknown case {case!r}")
    if "ready_ms" not in seen:
        raise SystemExit(f"{case}: exited without drawing a frame")
    if case == "app" and not all(f"{k}_ms" in seen for k in ("usable", "email", "dictionary")):
        raise SystemExit(f"app: not usable, no email or no dictionary within 10 s: {seen}")
    seen["peak_kib"] = status_kib("VmHWM")
    print(json.dumps(seen))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
