"""Speed as a user feels it: followup-tui in a real pseudo-terminal, against stock yardsticks.

    python bench/terminal_bench.py                 # every measure, about 5 minutes
    python bench/terminal_bench.py --quick         # one round of each, about 2 minutes
    python bench/terminal_bench.py --only typing   # a group: usable typing field large list idle
    python bench/terminal_bench.py --write         # also put the table in bench/RESULTS.md
    python bench/terminal_bench.py --only usable --only typing --base OTHER/.venv/bin/followup-tui
                                                   # this build against another, same rounds

Every app is spawned under a pty of 120x40 (`bench/terminal.py`); keys are written to it on a
fixed schedule and its output, timestamped as it is read, is replayed through pyte to find the
frame in which each key is first on screen: in the field typed into (echo) and in the email
preview. Yardsticks run in the same rounds, taking turns with the app (`terminal_apps.py`),
and each figure is given as the median over rounds of the app/yardstick ratio of that round.
Each run of the app starts with empty XDG folders (no cache of any kind); every side runs
from bytecode (a shared PYTHONPYCACHEPREFIX, warmed by an untimed first round). This script
imports neither Textual nor followup-tui.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import terminal_measures  # noqa: E402
from terminal_measures import (  # noqa: E402
    Env,
    Typing,
    field_cpu,
    idle_cpu,
    interviews_first_row,
    p95,
    time_to_usable,
    type_keys,
)
from terminal_report import Row, load, ms, ratio_of_rounds, section, write_results  # noqa: E402

# ---------------------------------------------------------------- the rounds


def rotate(items: Sequence[str], k: int) -> list[str]:
    """`items` starting at its k-th, so no case always runs first."""
    k %= len(items)
    return list(items[k:]) + list(items[:k])


def cpu_per_update(run: Typing, keys: int) -> float:
    """CPU per preview update of a typing run (NaN when the preview never showed a key)."""
    return run.cpu_per_key_ms * keys / run.previews if run.previews else float("nan")


class Bench:
    """Runs the groups of measures and collects the table's rows."""

    def __init__(self, env: Env, quick: bool, log: Callable[[str], None]) -> None:
        self.env = env
        self.quick = quick
        self.log = log
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def usable(self) -> None:
        rounds = 3 if self.quick else 8
        self.log(f"time to usable: {rounds} rounds of static, textarea, app (+1 warm-up)")
        runs: dict[str, list[dict[str, float]]] = {"static": [], "textarea": [], "app": []}
        if terminal_measures.BASE_CMD:
            runs["base"] = []
        for r in range(rounds + 1):
            for kind in rotate(list(runs), r):
                result = time_to_usable(kind, self.env)
                if r:  # the first round warms the bytecode folder
                    runs[kind].append(result)
        static = [x["paint"] for x in runs["static"]]
        app_usable = [x["usable"] for x in runs["app"]]
        if "base" in runs:
            base = [x["usable"] for x in runs["base"]]
            self.against_base("time to usable", app_usable, base)
        app_paint = [x["paint"] for x in runs["app"]]
        bare = [x["usable"] for x in runs["textarea"]]
        med = statistics.median
        self.rows += [
            Row(
                "time to usable (a key typed from the spawn on shows in the focused field),"
                " no cache",
                ms(med(app_usable)),
                f"one-Static app's first paint {ms(med(static))}",
                ratio_of_rounds(app_usable, static),
                "<= 2.0x",
                ratio_of_rounds(app_usable, static) <= 2.0,
            ),
            Row(
                "first paint (anything on screen), no cache",
                ms(med(app_paint)),
                f"one-Static app {ms(med(static))}",
                ratio_of_rounds(app_paint, static),
            ),
            Row(
                "bare TextArea app, time to usable",
                ms(med(bare)),
                f"one-Static app {ms(med(static))}",
                ratio_of_rounds(bare, static),
            ),
        ]

    def typing(self, gap: float) -> None:
        per = 100 if self.quick else 200
        keys = per if gap < 0.05 else per // 2
        rounds = 1 if self.quick else (3 if gap < 0.05 else 2)
        at = f"{gap * 1000:.0f} ms"
        self.log(f"typing: {rounds} rounds of textarea, mirror, app; {keys} keys, one every {at}")
        runs: dict[str, list[Typing]] = {"textarea": [], "mirror": [], "app": []}
        if terminal_measures.BASE_CMD:
            runs["base"] = []
        for r in range(rounds):
            for kind in rotate(list(runs), r):
                run = type_keys(kind, self.env, keys, gap, seed=r)
                if run.missing:
                    self.log(f"  {kind}, round {r + 1}: {run.missing} of the keys never seen")
                runs[kind].append(run)
        app, bare, mirror = runs["app"], runs["textarea"], runs["mirror"]
        med = statistics.median

        def pooled(ts: list[Typing], what: str, f: Callable[[list[float]], float]) -> float:
            return f([x for t in ts for x in getattr(t, what)])

        def each(ts: list[Typing], what: str) -> list[float]:
            # a run in which no key was seen has no p95: counted as missing above
            return [p95(getattr(t, what)) if getattr(t, what) else float("nan") for t in ts]

        if "base" in runs:
            base = runs["base"]
            self.against_base(f"key echo p95 at {at}", each(app, "echo"), each(base, "echo"))
            self.against_base(f"preview p95 at {at}", each(app, "preview"), each(base, "preview"))
            self.against_base(
                f"CPU per key at {at}",
                [t.cpu_per_key_ms for t in app],
                [t.cpu_per_key_ms for t in base],
            )
            # A build that renders fewer times (keys coalesced into one render) spends less
            # CPU a key; this tells that apart from more work a render.
            self.rows.append(
                Row(
                    f"preview updates (frames showing new keys in it), {keys} keys at {at},"
                    " per run: this build vs `--base`",
                    ", ".join(str(t.previews) for t in app),
                    "base " + ", ".join(str(t.previews) for t in base),
                )
            )
            self.against_base(
                f"CPU per preview update at {at}",
                [cpu_per_update(t, keys) for t in app],
                [cpu_per_update(t, keys) for t in base],
                budget=False,
            )
        echo_ratio = ratio_of_rounds(each(app, "echo"), each(bare, "echo"))
        preview_ratio = ratio_of_rounds(each(app, "preview"), each(mirror, "preview"))
        cpu = [t.cpu_per_key_ms for t in app]
        cpu_bare = [t.cpu_per_key_ms for t in bare]
        coalesced = [t.coalesced for t in app]
        self.rows += [
            Row(
                f"key echo p95 (median), a key every {at}",
                f"{ms(pooled(app, 'echo', p95))} ({ms(pooled(app, 'echo', med))})",
                f"bare TextArea {ms(pooled(bare, 'echo', p95))} ({ms(pooled(bare, 'echo', med))})",
                echo_ratio,
                "<= 1.5x" if gap < 0.05 else "",
                echo_ratio <= 1.5 if gap < 0.05 else None,
            ),
            Row(
                f"preview shows the key, p95 (median), a key every {at}",
                f"{ms(pooled(app, 'preview', p95))} ({ms(pooled(app, 'preview', med))})",
                f"TextArea + Static mirror {ms(pooled(mirror, 'preview', p95))}"
                f" ({ms(pooled(mirror, 'preview', med))})",
                preview_ratio,
                "<= 1.5x" if gap < 0.05 else "",
                preview_ratio <= 1.5 if gap < 0.05 else None,
            ),
            Row(
                f"keys coalesced (no frame of their own), {keys} keys at {at}, per run",
                ", ".join(str(c) for c in coalesced),
                "mirror "
                + ", ".join(str(t.coalesced) for t in mirror)
                + "; bare "
                + ", ".join(str(t.coalesced) for t in bare),
                None,
                "0" if gap >= 0.1 else "",
                (max(coalesced) == 0) if gap >= 0.1 else None,
            ),
            Row(
                f"CPU per key (child's user+system, first key to last preview), at {at}",
                ms(med(cpu)),
                f"bare TextArea {ms(med(cpu_bare))}",
                ratio_of_rounds(cpu, cpu_bare),
            ),
        ]
        missing = sum(t.missing for ts in runs.values() for t in ts)
        if missing:
            self.notes.append(f"At {at} a key: {missing} key-sightings never seen on screen.")

    def against_base(
        self, what: str, app: list[float], base: list[float], budget: bool = True
    ) -> None:
        """A row of this build against `--base`, same rounds (with `budget`, issue 14's 10%)."""
        pairs = [(a, b) for a, b in zip(app, base, strict=True) if a == a and b == b]  # no NaN
        app, base = [a for a, _ in pairs], [b for _, b in pairs]
        if not pairs:
            self.log(f"  {what}: no round with figures on both sides")
            return
        ratio = ratio_of_rounds(app, base)
        self.rows.append(
            Row(
                f"{what}: this build vs `--base`",
                ms(statistics.median(app)),
                f"base {ms(statistics.median(base))}",
                ratio,
                "<= 1.10x" if budget else "",
                ratio <= 1.10 if budget else None,
            )
        )

    def large(self, words: int = 20_000) -> None:
        draft = self.env.tmp / "large.toml"
        self.env.core("notes", str(draft), str(words))
        gaps = (0.1,) if self.quick else (0.03, 0.1)
        self.log(f"typing into a draft with {words:,} words of notes, one key every {gaps} s")
        for gap in gaps:
            keys = 60 if self.quick else (200 if gap < 0.05 else 100)
            copy = self.env.tmp / f"large-{gap}.toml"
            shutil.copy(draft, copy)
            t = type_keys("app", self.env, keys, gap, seed=7, draft=copy)
            at = f"{gap * 1000:.0f} ms"
            no_lag = t.coalesced == 0 if gap >= 0.1 else None
            self.rows += [
                Row(
                    f"{words:,} words of notes, a key every {at}: echo median / p95",
                    f"{ms(statistics.median(t.echo))} / {ms(p95(t.echo))}",
                ),
                Row(
                    f"{words:,} words of notes, a key every {at}: preview median / p95",
                    f"{ms(statistics.median(t.preview))} / {ms(p95(t.preview))}"
                    if t.preview
                    else "never shown",
                ),
                Row(
                    f"{words:,} words of notes, a key every {at}: keys coalesced (of {keys});"
                    " CPU per key",
                    f"{t.coalesced}; {ms(t.cpu_per_key_ms)}",
                    "",
                    None,
                    "0 coalesced" if gap >= 0.1 else "",
                    no_lag,
                ),
            ]

    def interviews(self) -> None:
        rounds = 1 if self.quick else 3
        sizes = (10, 1000)
        folders = {}
        for n in sizes:
            folders[n] = self.env.tmp / f"data-{n}"
            self.env.core("gen", str(folders[n] / "followup-tui" / "drafts"), str(n))
        self.log(f"interviews screen: {rounds} rounds of 10 and 1,000 drafts")
        times: dict[int, list[float]] = {n: [] for n in sizes}
        cold: list[float] = []
        for r in range(rounds):
            for n in rotate([str(s) for s in sizes], r):
                times[int(n)].append(interviews_first_row(self.env, folders[int(n)]))
            cold.append(interviews_first_row(self.env, folders[1000], warm=False))
        if terminal_measures.BASE_CMD:
            app, base = [], []
            for r in range(rounds):
                for kind in rotate(["app", "base"], r):
                    shown = interviews_first_row(self.env, folders[1000], kind)
                    (app if kind == "app" else base).append(shown)
            self.against_base("interviews screen, 1,000 drafts", app, base)
        small, big = statistics.median(times[10]), statistics.median(times[1000])
        self.rows += [
            Row("interviews screen (ctrl+o, listed before), first row: 10 drafts", ms(small)),
            Row(
                "interviews screen (ctrl+o, listed before), first row on screen: 1,000 drafts",
                ms(big),
                f"10 drafts {ms(small)}",
                ratio_of_rounds(times[1000], times[10]),
                "<= 250 ms",
                big <= 250,
            ),
            Row(
                "interviews screen, 1,000 drafts listed for the first time (no index yet)",
                ms(statistics.median(cold)),
            ),
        ]

    def field(self) -> None:
        keys, gap = 100, 0.1
        rounds = 1 if self.quick else 2
        kinds = ["textarea", "app"] + (["base"] if terminal_measures.BASE_CMD else [])
        self.log(f"typing into the company's name: {rounds} rounds of {', '.join(kinds)}")
        cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
        for r in range(rounds):
            for kind in rotate(kinds, r):
                cpu[kind].append(field_cpu(kind, self.env, keys, gap))
        if "base" in cpu:
            self.against_base("CPU per key typed into the company's name", cpu["app"], cpu["base"])
        self.rows.append(
            Row(
                f"CPU per key typed into the company's name, {keys} keys at {gap * 1000:.0f} ms",
                ms(statistics.median(cpu["app"])),
                f"bare TextArea {ms(statistics.median(cpu['textarea']))}",
                ratio_of_rounds(cpu["app"], cpu["textarea"]),
            )
        )

    def idle(self) -> None:
        rounds, seconds = (1, 3.0) if self.quick else (2, 5.0)
        self.log(f"idle CPU: {rounds} rounds of textarea and app, {seconds:.0f} s each")
        cpu: dict[str, list[float]] = {"textarea": [], "app": []}
        for r in range(rounds):
            for kind in rotate(list(cpu), r):
                cpu[kind].append(idle_cpu(kind, self.env, seconds))
        ratio = ratio_of_rounds(cpu["app"], cpu["textarea"])
        self.rows.append(
            Row(
                "idle CPU, cursor blinking (ms of CPU per second)",
                f"{statistics.median(cpu['app']):.1f} ms/s",
                f"bare TextArea {statistics.median(cpu['textarea']):.1f} ms/s",
                ratio,
                "<= 1.0x",
                ratio <= 1.05,
            )
        )


GROUPS = ("usable", "typing", "field", "large", "list", "idle")

NOTES = [
    "Each app runs under a pty of 120x40 with TERM=xterm-256color; the pty answers Textual's"
    " query for synchronized output, as most terminals of today do, so a frame is looked at"
    " once it is complete. Output is timestamped as read; pyte replays it afterwards.",
    "A key is on screen in the first complete frame where the last 8 characters typed up to it"
    " show in the field's pane (echo) or in the preview pane, spaces and line breaks ignored."
    " Keys are lowercase letters typed as one long word at the end of the demo's first topic"
    " (the app) or into an empty TextArea (the yardsticks), on a fixed schedule.",
    "Time to usable: a key is typed every 50 ms from the spawn on; usable is the first frame"
    " showing one. The one-Static app's figure is its first frame showing its text.",
    "Every run of the app starts with empty XDG config, data and cache folders (no cache of any"
    " kind); bytecode is warm for every side. Ratios are medians of the ratios within rounds.",
    "CPU is the user+system time of the child and its own children (followup-tui renders in a"
    " process of its own since 2026-12-03 14:30 UTC; before, only the child's was counted,"
    " which was all of it), from /proc/PID/stat (10 ms ticks).",
    "Typing, the interviews screen and idle measure a started app: each begins once the"
    " child has used at most 20 ms of CPU in 0.3 s (`Term.wait_quiet`), as followup-tui loads"
    " its spelling dictionary in the background after its first email. Until 2026-12-02 18:00"
    " UTC a fixed pause (0.5 s before ctrl+o, 1.5 s before idle) stood for it, which a slow"
    " hour outlasted: the list's first row then waited behind the dictionary.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--only", choices=GROUPS, action="append")
    parser.add_argument(
        "--base",
        metavar="CMD",
        help="another build's followup-tui (e.g. /work/wt/x/.venv/bin/followup-tui), run in"
        " the same rounds: rows of this build against it",
    )
    args = parser.parse_args(argv)
    if args.base:
        terminal_measures.BASE_CMD[:] = args.base.split()
    started = time.perf_counter()
    load_start = load()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s, load {load()}] {text}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="terminal-bench-") as tmp:
        bench = Bench(Env(Path(tmp)), args.quick, log)
        for group in args.only or GROUPS:
            if group == "typing":
                bench.typing(0.03)
                bench.typing(0.1)
            elif group == "list":
                bench.interviews()
            else:
                getattr(bench, group)()
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "seconds": f"{time.perf_counter() - started:.0f}",
        "settings": "quick" if args.quick else "full",
        "load_start": load_start,
        "load_end": load(),
    }
    text = section(bench.rows, NOTES + bench.notes, info)
    print(text)
    print(json.dumps({"rows": [r.cells() for r in bench.rows]}), file=sys.stderr)
    if args.write:
        write_results(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
