"""The speed benchmark of followup-tui (issue #4): every figure measured in one run, side by side.

    python bench/run.py            # about 2-3 minutes
    python bench/run.py --quick    # fewer repetitions, under a minute
    python bench/run.py --write    # also rewrite this script's part of bench/RESULTS.md

Every figure is a ratio to a baseline measured in the same run, interleaved with it, because
the machines this runs on are shared and noisy. Child processes get fresh temporary
XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME folders (the real home is never touched)
and a temporary PYTHONPYCACHEPREFIX, warmed before timing: every side runs from bytecode, as after
`pip install`, even where PYTHONDONTWRITEBYTECODE is set. This script imports neither Textual
nor followup-tui: the work runs in child processes (`first_paint.py`,
`core_bench.py`), so the parent stays small and the children's peak memory is theirs alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal_report import kept_section  # noqa: E402

BENCH = Path(__file__).resolve().parent
PY = sys.executable
RESULTS = BENCH / "RESULTS.md"
# This script writes RESULTS.md down to this line; what follows it is written by hand and kept.
OWN_END = "<!-- bench/run.py: end -->"


def followup_cmd() -> list[str]:
    """The installed `followup-tui` script beside this interpreter, else `python -m`."""
    script = Path(PY).with_name("followup-tui")
    return [str(script)] if script.exists() else [PY, "-m", "followup_tui"]


# ---------------------------------------------------------------- running children


@dataclass
class Run:
    """One child process: wall time from spawn to exit, peak memory (ru_maxrss), stdout."""

    wall_ms: float
    maxrss_kib: int
    out: str


class Children:
    """Starts children with the benchmark's environment and measures them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(
            XDG_CONFIG_HOME=str(tmp / "config"),
            XDG_DATA_HOME=str(tmp / "data"),
            XDG_CACHE_HOME=str(tmp / "cache"),
            PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        )
        self.env = env

    def env_with(self, **extra: str | None) -> dict[str, str]:
        env = dict(self.env)
        for key, value in extra.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def run(
        self,
        argv: Sequence[str],
        env: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,),
        stamp: bool = False,
    ) -> Run:
        """Run to the end; wall time and ru_maxrss come from wait4 on this very child."""
        env = dict(self.env if env is None else env)
        with tempfile.TemporaryFile() as err:
            if stamp:
                env["BENCH_T0"] = repr(time.time())
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err
            )
            assert proc.stdout is not None
            out = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = (time.perf_counter() - t0) * 1000
            proc.returncode = os.waitstatus_to_exitcode(status)
            proc.stdout.close()
            if proc.returncode not in ok:
                err.seek(0)
                raise SystemExit(
                    f"{' '.join(argv)} exited {proc.returncode}:\n{err.read().decode()[-3000:]}"
                )
        return Run(wall, usage.ru_maxrss, out.decode())

    def json(self, argv: Sequence[str], env: dict[str, str] | None = None) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.run(argv, env).out.strip().splitlines()[-1])
        return result

    def interleaved(
        self,
        cases: dict[str, list[str]],
        repeat: int,
        env: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,),
        stamp: bool = False,
        warm: int = 1,
    ) -> dict[str, list[Run]]:
        """Each case `repeat` times, taking turns, after `warm` untimed runs of each."""
        for _ in range(warm):
            for argv in cases.values():
                self.run(argv, env, ok, stamp)
        runs: dict[str, list[Run]] = {name: [] for name in cases}
        for _ in range(repeat):
            for name, argv in cases.items():
                runs[name].append(self.run(argv, env, ok, stamp))
        return runs


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------- the table


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    value: str
    baseline: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    key: str = ""

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "**missed**")


def ms(value: float) -> str:
    return (
        f"{value:,.0f} ms"
        if value >= 100
        else f"{value:.1f} ms"
        if value >= 10
        else f"{value:.2f} ms"
    )


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def ratio_text(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio:.2f}x"


def table(rows: list[Row]) -> str:
    # In the order of the list (1, 1b, 2, ... 5b), whatever order they were measured in.
    rows = sorted(rows, key=lambda r: r.measure.split(".", 1)[0])
    lines = [
        "| measure | followup-tui | baseline | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        cells = (r.measure, r.value, r.baseline, ratio_text(r.ratio), r.target, r.verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------- the benchmarks


@dataclass
class Settings:
    paint_runs: int
    cli_runs: int
    source_runs: int
    core_reps: int
    scale_reps: str
    list_runs: int


FULL = Settings(10, 12, 6, 400, "40,12,3", 5)
QUICK = Settings(5, 6, 3, 150, "15,5,2", 3)


class Benchmark:
    def __init__(self, settings: Settings, tmp: Path, log: Callable[[str], None]) -> None:
        self.s = settings
        self.tmp = tmp
        self.kids = Children(tmp)
        self.log = log
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.evidence: dict[str, list[str]] = {}

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self.log(f"  {row.measure}: {row.value} vs {row.baseline} {ratio_text(row.ratio)}")

    # 1 and 4 ------------------------------------------------------------------------------

    def first_paint(self) -> None:
        self.log(f"first paint and memory: {self.s.paint_runs} runs of each, headless")
        script = str(BENCH / "first_paint.py")
        runs = self.kids.interleaved(
            {"app": [PY, script, "app"], "minimal": [PY, script, "minimal"]},
            self.s.paint_runs,
            stamp=True,
        )
        data = {
            name: [json.loads(r.out.strip().splitlines()[-1]) for r in rs]
            for name, rs in runs.items()
        }

        def med(name: str, key: str) -> float:
            return median([d[key] for d in data[name]])

        app, base = med("app", "ready_since_spawn_ms"), med("minimal", "ready_since_spawn_ms")
        self.add(
            Row(
                "1. first paint: `followup-tui --demo` headless, spawn to first frame"
                f" (median of {self.s.paint_runs}) vs a one-Static Textual app",
                ms(app),
                ms(base),
                app / base,
                "<= 1.3x",
                app / base <= 1.3,
                key="paint",
            )
        )
        usable = med("app", "usable_since_spawn_ms")
        self.add(
            Row(
                "1b. same runs, spawn to usable: a field of the form focused"
                " (the minimal app: its first frame)",
                ms(usable),
                ms(base),
                usable / base,
            )
        )
        wall_app = median([r.wall_ms for r in runs["app"]])
        wall_base = median([r.wall_ms for r in runs["minimal"]])
        self.add(
            Row(
                "1c. same runs, whole process (spawn to exit; the app quits once usable, its"
                " first email drawn and the spelling dictionary loaded, the minimal app at its"
                " first frame)",
                ms(wall_app),
                ms(wall_base),
                wall_app / wall_base,
            )
        )
        email = med("app", "email_since_spawn_ms")
        self.add(
            Row(
                "1d. same runs, spawn to the first email drawn (rendered on a worker thread"
                " once the first frame is drawn) vs the minimal app's first frame",
                ms(email),
                ms(base),
                email / base,
            )
        )
        rss_app = median([r.maxrss_kib for r in runs["app"]])
        rss_base = median([r.maxrss_kib for r in runs["minimal"]])
        self.add(
            Row(
                "4. peak memory over the whole start-up, to the first email and the spelling"
                " dictionary loaded (ru_maxrss of the child, from wait4)",
                mib(rss_app),
                mib(rss_base),
                rss_app / rss_base,
                "<= 1.3x",
                rss_app / rss_base <= 1.3,
                key="memory",
            )
        )
        paint_app, paint_base = med("app", "peak_at_ready_kib"), med("minimal", "peak_at_ready_kib")
        self.add(
            Row(
                "4b. peak memory to the first frame (VmHWM read at the first frame)",
                mib(paint_app),
                mib(paint_base),
                paint_app / paint_base,
            )
        )
        before_app, before_base = med("app", "run_called_ms"), med("minimal", "run_called_ms")
        ready = med("app", "ready_ms")
        self.evidence["paint"] = [
            f"Where the time goes (medians, from the script's first line): `App.run` is called"
            f" at {ms(before_app)} in the app vs {ms(before_base)} in the minimal app"
            f" (imports, settings, themes, demo draft), and the first frame follows"
            f" {ms(ready - before_app)} later vs {ms(med('minimal', 'ready_ms') - before_base)}"
            f" (compose, mount and style {int(med('app', 'nodes'))} DOM nodes vs"
            f" {int(med('minimal', 'nodes'))}, lay out, paint). A field has the focus"
            f" {ms(med('app', 'usable_ms') - ready)} after that frame; the first email is set"
            f" on the screen {ms(med('app', 'email_set') - ready)} after it and drawn"
            f" {ms(med('app', 'email_ms') - ready)} after it; the spelling dictionary is"
            f" loaded {ms(med('app', 'dictionary_ms') - ready)} after it.",
        ]
        self.evidence["memory"] = [
            f"Peak RSS measured inside the child (VmHWM) agrees: {mib(med('app', 'peak_kib'))}"
            f" vs {mib(med('minimal', 'peak_kib'))}.",
            f"Resident when `App.run` is called (imports done, no widget yet):"
            f" {mib(med('app', 'rss_at_run_kib'))} vs {mib(med('minimal', 'rss_at_run_kib'))};"
            f" peak at the first frame {mib(paint_app)} vs {mib(paint_base)}; the rest is the"
            f" first render (Jinja2, the templates) and the spelling dictionary.",
        ]

    # 2 ------------------------------------------------------------------------------------

    def core_keystroke(self) -> None:
        """The core's share of a key (typing as felt is bench/terminal_bench.py's)."""
        core = self.kids.json(
            [PY, str(BENCH / "core_bench.py"), "keystroke", "--reps", str(self.s.core_reps)]
        )
        total = core["total"]
        self.add(
            Row(
                f"2. app-side work per key: render_all + evaluate, {core['email_words']}-word"
                f" email, new text each call (median / p95 of {total['n']})",
                f"{ms(total['median'])} / {ms(total['p95'])}",
                f"render {ms(core['render']['median'])}, evaluate {ms(core['evaluate']['median'])}",
                None,
                "median < 2 ms",
                total["median"] < 2.0,
                key="core",
            )
        )

    # 3 ------------------------------------------------------------------------------------

    def cli(self) -> None:
        n = self.s.cli_runs
        self.log(f"command line: render, check and `import jinja2`, {n} runs each")
        draft = self.tmp / "demo.toml"
        self.kids.run([PY, str(BENCH / "core_bench.py"), "demo", str(draft)])
        tool = followup_cmd()
        cases = {
            "render": [*tool, "render", str(draft)],
            "check": [*tool, "check", str(draft)],
            "jinja2": [PY, "-c", "import jinja2"],
        }
        # `check` exits 1 when a practice fails: that is an answer, not an error.
        runs = self.kids.interleaved(cases, n, ok=(0, 1), warm=2)
        base = median([r.wall_ms for r in runs["jinja2"]])
        for name in ("render", "check"):
            value = median([r.wall_ms for r in runs[name]])
            self.add(
                Row(
                    f"3. `followup-tui {name} FILE`, whole process (median of {n})"
                    ' vs `python -c "import jinja2"`',
                    ms(value),
                    ms(base),
                    value / base,
                    "<= 1.5x",
                    value / base <= 1.5,
                    key=name,
                )
            )
        # Without bytecode, as in a checkout where PYTHONDONTWRITEBYTECODE=1 (site-packages keep
        # the .pyc files pip wrote): the package is compiled from source on every start.
        source = self.kids.env_with(PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=None)
        src = self.kids.interleaved(
            {"render": cases["render"], "jinja2": cases["jinja2"]},
            self.s.source_runs,
            env=source,
        )
        value = median([r.wall_ms for r in src["render"]])
        base_src = median([r.wall_ms for r in src["jinja2"]])
        self.add(
            Row(
                "3b. `followup-tui render FILE` with no .pyc for the package"
                f" (PYTHONDONTWRITEBYTECODE=1, median of {self.s.source_runs})",
                ms(value),
                ms(base_src),
                value / base_src,
            )
        )
        for name in ("render", "check"):
            self.evidence[name] = self.import_evidence(cases[name])

    def import_evidence(self, argv: list[str]) -> list[str]:
        """What `-X importtime` says about one command: heavy imports, and forbidden ones."""
        proc = subprocess.run(
            [PY, "-X", "importtime", "-m", "followup_tui", *argv[-2:]],
            env=self.kids.env,
            capture_output=True,
            text=True,
            check=False,
        )
        rows = []
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
            if m:
                rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
        top = [r for r in rows if r[2] == 1]
        top.sort(key=lambda r: -r[1])
        names = {r[3] for r in rows}
        forbidden = sorted(n for n in names if n.startswith("textual") or n == "importlib.metadata")
        total = sum(r[1] for r in top) / 1000
        heavy = ", ".join(f"{r[3]} {r[1] / 1000:.1f}" for r in top[:6])
        return [
            f"`-X importtime` of `{argv[-2]}`: {len(rows)} modules, {total:.0f} ms of imports;"
            f" heaviest top-level (cumulative ms): {heavy}.",
            "Textual and importlib.metadata are "
            + (f"IMPORTED: {', '.join(forbidden)}." if forbidden else "not imported."),
        ]

    # 5 ------------------------------------------------------------------------------------

    def scale(self) -> None:
        sizes = (10, 100, 1000)
        self.log(f"scale: `followup-tui list` over {', '.join(map(str, sizes))} drafts")
        cases = {}
        envs = {}
        for count in sizes:
            data = self.tmp / f"data-{count}"
            folder = data / "followup-tui" / "drafts"
            self.kids.run([PY, str(BENCH / "core_bench.py"), "gen", str(folder), str(count)])
            envs[count] = self.kids.env_with(XDG_DATA_HOME=str(data))
            cases[count] = [*followup_cmd(), "list"]
        times: dict[int, float] = {}
        for count in sizes:
            runs = self.kids.interleaved({"list": cases[count]}, self.s.list_runs, env=envs[count])
            lines = runs["list"][0].out.count("\n")
            if lines < count:
                raise SystemExit(f"list printed {lines} lines for {count} drafts")
            times[count] = median([r.wall_ms for r in runs["list"]])
        self.scale_rows(
            "5a. `followup-tui list`, whole process",
            [(f"{n:,} drafts", times[n]) for n in sizes],
            "list",
        )
        per_draft = (times[1000] - times[10]) / 990
        self.notes.append(
            f"`list` costs about {per_draft:.2f} ms per draft on top of a fixed"
            f" {times[10]:.0f} ms start (from the 10- and 1,000-draft runs)."
        )
        self.log("scale: render + evaluate with notes of 200, 2,000 and 20,000 words")
        core = self.kids.json(
            [PY, str(BENCH / "core_bench.py"), "scale", "--reps", self.s.scale_reps]
        )
        self.scale_rows(
            "5b. render_all + evaluate per change",
            [
                (
                    f"{r['notes_words']:,} words of notes ({r['email_words']:,}-word email)",
                    r["total_ms"],
                )
                for r in core["rows"]
            ],
            "grow",
        )

    def scale_rows(self, title: str, points: list[tuple[str, float]], key: str) -> None:
        previous: float | None = None
        for label, value in points:
            growth = None if previous is None else value / previous
            self.add(
                Row(
                    f"{title}: {label}",
                    ms(value),
                    "" if previous is None else f"{ms(previous)} at a tenth",
                    growth,
                    "" if growth is None else "<= 10x per 10x",
                    None if growth is None else growth <= 10,
                    key=key,
                )
            )
            previous = value


# ---------------------------------------------------------------- the report


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    textual = subprocess.run(
        [PY, "-c", "import textual; print(textual.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "textual": textual or "unknown",
        "os": platform.platform(),
    }


# Why each target was missed and what was done: the investigation behind issue #4. The
# measured evidence beside it is regenerated on every run.
ANALYSIS: dict[str, str] = {
    "paint": """\
The first frame is the whole screen: the title bar, the switchers, the tabs, the notes form,
the checklist and the preview's frame, all composed, styled and laid out before Textual draws
anything (issue #4 had the first frame hold only the screen's frame and the email, the form
mounted after it; issue 14 composes everything at once, with stock widgets). The email is not
in that frame: it is rendered on a worker thread once the frame is drawn (Jinja2 loaded, the
templates compiled), which row 1d times. Time to usable in a real terminal, with its own
target, is in the section above.""",
    "memory": """\
The peak comes after the first frame (row 4b): the first render loads Jinja2 and compiles the
templates, and the spelling dictionary (pyspellchecker's English word list), loaded in the
background once the first email is shown, stays for the app's life. Measured in a bare
Textual app during issue #4, 30 of a kind at a time: a Static or a Label costs about 35 KB of
peak memory, an Input about 96 KB, a TextArea about 161 KB and a Select about 283 KB.""",
    "core": "Render and judgement grow with the draft's notes; rows 5b show the curve.",
    "render": "See the `-X importtime` figures above.",
    "check": """\
`check` does what `render` does (the row beside it) and then judges the email: importing the
practices (about twenty regular expressions compiled, and difflib: about 8 ms) and the first
judgement in a process (about 3 ms more than the next). Under that is a floor this project
cannot move: argparse (about 7 ms; its help formatter also imports shutil), dataclasses for
the model (9 to 14 ms, as it imports inspect) and tomllib. Since spelling is judged, `check`
also loads the spelling dictionary (pyspellchecker's English word list) before it judges,
which the app loads in the background instead. Done: `json` imported only for `--json`.
Tried, no effect beyond the noise: a higher collector threshold for the commands.""",
    "list": "Growth above 10x per 10x means work that is not linear in the number of drafts.",
    "grow": "Growth above 10x per 10x means work that is not linear in the length of the notes.",
}

# The code changes made for issue #4 that are still in the code, with their effect measured
# A/B (the old behaviour put back by a patch, cases interleaved, one run each) while they were
# made. The figures are of the app as it was then.
CHANGES: tuple[tuple[str, str], ...] = (
    (
        "`app/widgets/preview.py`: `Preview.show` updates only the Statics whose text changed"
        " (`Static.update` repaints even for the same text)",
        "typing, 150 keys: CPU per key median 53 -> 44 ms, p95 wall 260 -> 200 ms (with the"
        " line below)",
    ),
    (
        "`app/screens/main.py`: the checklist pane's border subtitle is set only when it changes"
        " (setting it repainted the whole pane at every render)",
        "in the line above",
    ),
    (
        "`app/widgets/preview.py`: the email's lines are updated with `layout=False` and laid"
        " out again only when their wrapped height changes (`Preview._set`)",
        "typing, 150 keys, two interleaved pairs: screen updates per key 23 -> 12 ms, CPU per"
        " key median 39 -> 25 ms, wall median 124 -> 96 ms, wall p95 156 -> 130 ms",
    ),
    (
        "`commands.py`: `json` imported only for `--json`",
        "about 2 ms off every command (`-X importtime`)",
    ),
    (
        "`cli.py`: `--version` reads the version only when asked (`_VersionAction`) instead of"
        " at every start",
        "building the app's parser 98 -> 59 ms (whole process); first paint about 50 ms"
        " sooner and 2 MiB smaller",
    ),
    (
        "`practices/notes.py`: `email.utils` imported where it is used, not at the top",
        "`followup-tui check` 187 -> 166 ms; also off every app start",
    ),
    (
        "`render.py`: `traceback` imported on the template-error path only",
        "`followup-tui render` 156 -> 151 ms (about 2 ms of imports by `-X importtime`)",
    ),
    (
        "`app/widgets/preview.py`: the email editor is mounted on first use",
        "one Input and one TextArea fewer at start (measured with a change since removed)",
    ),
    (
        "`app/widgets/checklist.py`: a Line API widget caching each entry's lines instead of"
        " an OptionList",
        "the checklist's repaint at a key that changes one result 3.8 -> about 1 ms",
    ),
    (
        "`storage.py`: tomli_w imported only when saving",
        "off every `render`, `check` and `list`, and the app's start",
    ),
    (
        "`app.tcss`: the email's scroll view keeps the scrollbar's room (`scrollbar-gutter:"
        " stable`), so the body is not wrapped again when it outgrows the pane",
        "the second layout of the first frame 9 -> 4 ms (timed inside the child); typing no"
        " longer re-wraps the email when it crosses the pane's height",
    ),
    (
        "`app/widgets/preview.py`: no ContentSwitcher (a class shows the view or the editor)",
        "first frame 211.9 -> 201.3 ms with a focus change since removed (14 runs each;"
        " one-Static app 148.5 ms)",
    ),
    (
        "`cli.py`: `followup-tui`, `--demo` and `FILE` are read without importing argparse"
        " (anything else goes to argparse; a property test holds the two to the same reading)",
        "about 2 ms of imports off the app's start (`-X importtime`)",
    ),
)

# What issue #4 also did and later changes took out, so that the list above is not read as
# the whole story.
REMOVED = (
    "Also made for issue #4 and since taken out: the email cache and the on-disk cache of"
    " compiled templates (the preview is always a fresh render), the collector tuning"
    " (`tune_gc`, `settle_gc`; now `app/collector.py` keeps the collector off while the app"
    " starts and freezes what it built once the first email is shown), a first frame before"
    " the form with early keys replayed, the `Choice` drop-down and `TitleBar` (stock Select"
    " and Header now), `AUTO_FOCUS`, and the render on the UI thread as soon as the queued"
    " changes were handled (the email is now rendered on a worker thread)."
)


def report(bench: Benchmark, info: dict[str, str], started: float, quick: bool) -> str:
    missed = [r for r in bench.rows if r.met is False]
    seen_keys: list[str] = []
    for r in missed:
        if r.key not in seen_keys:
            seen_keys.append(r.key)
    out = [
        "# Speed benchmark results",
        "",
        "Written by `python bench/run.py --write`"
        + (" (--quick)" if quick else "")
        + f" on {datetime.now():%Y-%m-%d %H:%M}, in {time.time() - started:.0f} s.",
        "",
        "## Machine",
        "",
        f"- CPUs (nproc): {info['nproc']}; CPU: {info['cpu']}",
        f"- Python {info['python']}; Textual {info['textual']}; {info['os']}",
        f"- load average at the start and end: {info['load_start']} / {info['load_end']}"
        " (the machine is shared: only ratios within one run mean anything)",
        "",
        "## Results",
        "",
        table(bench.rows),
        "",
        *([kept, ""] if (kept := kept_section()) else []),
        "## How it is measured",
        "",
        "- Whole-process times are wall time from spawn to exit (os.wait4 on the child), and"
        " peak memory is the child's ru_maxrss from the same call; cases take turns, after"
        " untimed warm-up runs, and the median is reported.",
        "- First paint: `bench/first_paint.py` makes `App.run` headless at 120x40 and notes"
        " Textual's `Ready` event (sent after the first frame is drawn); the app goes through"
        " the real command line (`followup-tui --demo`). The times are from just before"
        " spawning. The child then notes when a field has the focus, when the first email"
        " (rendered on a worker thread) is drawn and when the spelling dictionary (loaded in"
        " the background after that email) is in, and exits once all three have happened, so"
        " the peak memory of row 4 covers the whole start-up.",
        "- Typing is measured in a real terminal by `bench/terminal_bench.py` (its section"
        " above, kept as it is by this script): Textual's Pilot adds fixed waits of its own.",
        "- Every child has its own temporary XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME"
        " (warmed by the untimed runs, as for a user's second run: the drafts' index `list`"
        " keeps in the cache folder; the app keeps no cache of what it shows) and runs from"
        " bytecode (a temporary PYTHONPYCACHEPREFIX, warmed), except row 3b.",
        "- The app runs as shipped, with the collector and thread-switch settings"
        " `followup-tui` starts it with (`followup_tui/app/collector.py`,"
        " `sys.setswitchinterval` in `followup_tui/app/__init__.py`); the baselines are stock"
        " Textual apps with Python's defaults.",
        *[f"- {note}" for note in bench.notes],
        "",
    ]
    out += [
        "## Changes made for issue #4",
        "",
        "Those still in the code, each measured A/B while it was made (the old behaviour put"
        " back by a patch, cases interleaved in one run; the figures are of the app then):",
        "",
        "| change | measured effect |",
        "| --- | --- |",
        *[f"| {change} | {effect} |" for change, effect in CHANGES],
        "",
        REMOVED,
        "",
    ]
    if missed:
        out += ["## Missed targets: why, and what was done", ""]
        for key in seen_keys:
            rows = [r for r in missed if r.key == key]
            out.append(f"### {rows[0].measure.split(':')[0]}")
            out.append("")
            out += [f"- {line}" for line in bench.evidence.get(key, [])]
            out += ["", ANALYSIS.get(key, ""), ""]
    else:
        out += ["All targets met.", ""]
    verified = [
        line
        for key in ("render", "check")
        for line in bench.evidence.get(key, [])
        if key not in seen_keys
    ]
    if verified:
        out += ["## Command-line imports (targets met; checked anyway)", ""]
        out += [f"- {line}" for line in verified]
        out.append("")
    out.append(OWN_END)
    return "\n".join(out)


def kept_tail(path: Path = RESULTS) -> str:
    """What follows this script's part of RESULTS.md, to be kept as it is."""
    old = path.read_text() if path.exists() else ""
    if not old:
        return "\n"
    if OWN_END not in old:
        raise SystemExit(
            f"{path} has no {OWN_END!r} line: put it where this script's part ends"
            " (what follows it is kept), or move the file away"
        )
    return old.split(OWN_END, 1)[1] or "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="followup-tui speed benchmark (issue #4)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (< 1 minute)")
    parser.add_argument(
        "--write", action="store_true", help="rewrite this script's part of bench/RESULTS.md"
    )
    args = parser.parse_args(argv)
    started = time.time()

    def log(text: str) -> None:
        print(f"[{time.time() - started:5.1f}s] {text}", file=sys.stderr, flush=True)

    tail = kept_tail() if args.write else ""  # before the long run: a missing marker stops it
    info = machine()
    info["load_start"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as tmp:
        bench = Benchmark(QUICK if args.quick else FULL, Path(tmp), log)
        bench.first_paint()
        bench.cli()
        bench.core_keystroke()
        bench.scale()
    info["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(bench, info, started, args.quick)
    print(text)
    if args.write:
        RESULTS.write_text(text + tail)
        log(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
