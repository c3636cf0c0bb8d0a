"""Type into a text area with Textual's Pilot and time every key.

    python bench/typing_bench.py app    # the topics field of `followup-tui --demo`, preview live
    python bench/typing_bench.py bare   # a Textual app holding one TextArea, configured alike

Both run under `App.run_test(size=(120, 40))` and get the same keys through `pilot.press`, one
character per call. Pilot waits after each key until the app has gone idle (it sleeps in
20 ms steps until a step passes with under 1 ms of CPU), so the wall time per key is what
the key costs in full, rounded up to those steps; the CPU time per key is measured too.
For the app, the time from the last key until the preview shows everything typed is also
measured, and where the keys' time went (garbage collection, the app's `refresh_email`,
the screen updates). The app gets the collector settings `followup-tui` starts it with;
the bare app keeps Python's defaults, as any stock Textual app. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import time
from datetime import UTC, datetime
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static, TextArea

NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
SIZE = (120, 40)
WARM_UP = 5
WORDS_TEXT = (
    "with exactly once delivery and replay of the event log so that analysts can trust "
    "the numbers in the morning dashboards while the team keeps on call calm and boring"
)
WORDS = tuple(WORDS_TEXT.split())


def text_to_type(n: int) -> str:
    """`n` characters of words; they end in a letter, so the rendered email keeps them whole."""
    out = ""
    i = 0
    while len(out) < n:
        out += " " + WORDS[i % len(WORDS)]
        i += 1
    return out[:n].rstrip() + "x" * (n - len(out[:n].rstrip()))


class Bare(App[None]):
    """The baseline: one TextArea, set up like the note fields of the app."""

    def compose(self) -> ComposeResult:
        yield TextArea(id="text", soft_wrap=True, compact=True, highlight_cursor_line=False)


def key_name(ch: str) -> str:
    return "space" if ch == " " else ch


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "max": ordered[-1]}


# Where a key's time goes, summed over the timed keys (seconds).
spent: dict[str, float] = {"gc": 0.0, "refresh_email": 0.0, "screen_update": 0.0}
counting = False


def timed(cls: type, name: str, label: str) -> None:
    """Add the time spent in `cls.name` to `spent[label]` while counting."""
    original = getattr(cls, name, None)
    if original is None:  # a Textual internal that moved: the breakdown just lacks it
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            if counting:
                spent[label] += time.perf_counter() - t0

    setattr(cls, name, wrapper)


def count_gc() -> None:
    started = 0.0

    def callback(phase: str, info: dict[str, int]) -> None:
        nonlocal started
        if phase == "start":
            started = time.perf_counter()
        elif counting:
            spent["gc"] += time.perf_counter() - started

    gc.callbacks.append(callback)


async def type_keys(case: str, keys: int) -> dict[str, Any]:
    global counting
    app: App[Any]
    result: dict[str, Any] = {"case": case, "keys": keys}
    count_gc()
    # The screen's update: layout, render and compositing of whatever changed.
    timed(Screen, "_on_timer_update", "screen_update")
    if case == "app":
        import followup_tui.app as app_package
        import followup_tui.app.screens.main as main_screen
        from followup_tui.app.app import make_app
        from followup_tui.clipboard import CopyResult

        # As `followup-tui` does when it starts the app (run_test does not go through it).
        app_package.tune_gc()
        timed(main_screen.MainScreen, "refresh_email", "refresh_email")

        app = make_app(
            demo=True, clipboard=lambda _: CopyResult(True, "none", ""), clock=lambda: NOW
        )
        app.settles_gc = True  # as `followup-tui` sets it
        selector = "#n-topics"
    else:
        app = Bare()
        selector = "#text"
    typed = text_to_type(keys)
    warm = text_to_type(WARM_UP + 1)[1:]
    wall: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        if case == "app":  # the app mounts its form just after the first frame
            await app.main.wait_built()  # type: ignore[attr-defined]
        area = app.query_one(selector, TextArea)
        area.focus()
        # At the end of the first line: the first topic, which the first email quotes.
        area.move_cursor((0, len(area.document.get_line(0))))
        await pilot.pause(0.2)
        for ch in warm:
            await pilot.press(key_name(ch))
        await pilot.pause(0.2)
        counting = True
        for ch in typed:
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(key_name(ch))
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        counting = False
        last_key = time.perf_counter()
        if case == "app":
            body = app.screen.query_one("#p-body", Static)
            wanted = typed.strip()
            while wanted not in str(body.content):
                if time.perf_counter() - last_key > 10:
                    raise SystemExit("the preview never showed the typed text")
                await asyncio.sleep(0.001)
            result["preview_latency_ms"] = (time.perf_counter() - last_key) * 1000
        await pilot.pause()
        if typed.strip() not in area.text:
            raise SystemExit(f"{case}: the text area did not receive the keys")
    result["wall_ms"] = summary(wall)
    result["cpu_ms"] = summary(cpu)
    result["per_key_ms"] = {label: total * 1000 / keys for label, total in spent.items()}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", choices=("app", "bare"))
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(type_keys(args.case, args.keys))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
