"""Start an app headless and exit as soon as its first frame is drawn.

    python bench/first_paint.py app       # `followup-tui --demo`, through the real command line
    python bench/first_paint.py app-cold  # the same with no cached email (a first start)
    python bench/first_paint.py minimal   # a Textual app holding one Static

Both cases start the same way: this script, the same interpreter, `App.run` made headless at
120x40, and an exit on Textual's `Ready` event (sent once the first frame has been drawn).
`bench/run.py` times the whole process from the outside; this prints one JSON line with the
time to that frame (from the spawn, when `BENCH_T0` holds the parent's `time.time()`, and from
the script's first line), when `App.run` was called, the widget count, the peak memory
(VmHWM) and, for the app, how much of the email preview was on screen. After the first frame it
waits until the app is usable (a field has the focus: the app mounts its form just after the
first frame) and records that time too; the process exits then, so its peak memory covers the
whole start-up, not just the first frame.
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


def _first_frame(self: App[Any]) -> None:
    seen["ready_ms"] = (time.perf_counter() - T0) * 1000
    seen["since_spawn_ms"] = since_spawn_ms()
    seen["nodes"] = len(list(self.screen.walk_children(with_self=True)))
    try:
        seen["preview_chars"] = len(str(self.screen.query_one("#p-body").render()))
    except Exception:  # the minimal app has no preview
        seen["preview_chars"] = None
    seen["peak_at_paint_kib"] = status_kib("VmHWM")
    seen["email_from_cache"] = bool(getattr(self.screen, "cached_emails", None))
    # Then on to "usable": the app's form mounted and a field of it focused (the minimal app,
    # with no field, is usable at its first frame).
    from textual.widgets import Input, TextArea

    has_field = bool(self.screen.query("#notes-pane"))  # the app's form comes after this frame
    waited = time.perf_counter()

    def check_usable() -> None:
        typing_ready = isinstance(self.focused, Input | TextArea)
        if has_field and not typing_ready and time.perf_counter() - waited < 10:
            return
        seen["usable_ms"] = (time.perf_counter() - T0) * 1000
        seen["usable_since_spawn_ms"] = since_spawn_ms()
        seen["nodes_usable"] = len(list(self.screen.walk_children(with_self=True)))
        seen["focused"] = getattr(self.focused, "id", None)
        self.exit()

    self.set_interval(0.002, check_usable)
    check_usable()


# Textual dispatches `Ready` to `_on_ready` on every class of the app's MRO, App included.
App.run = _headless_run  # type: ignore[method-assign]
App._on_ready = _first_frame  # type: ignore[attr-defined]


def main() -> int:
    case = sys.argv[1]
    if case == "app-cold":
        # Its own cache folder (the compiled templates stay warm), without the emails the app
        # keeps for its next start: the first frame is rendered with Jinja2, as on a first
        # start or for a draft changed since it was last open.
        import shutil
        import tempfile

        base = os.environ.get("XDG_CACHE_HOME") or tempfile.mkdtemp()
        cache = os.environ["XDG_CACHE_HOME"] = base + "-cold"
        shutil.rmtree(os.path.join(cache, "followup-tui", "emails"), ignore_errors=True)
    if case in ("app", "app-cold"):
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
    seen["peak_kib"] = status_kib("VmHWM")
    print(json.dumps(seen))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
