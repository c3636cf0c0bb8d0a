"""The measures of the terminal benchmark, one run of an app each (see terminal_bench.py)."""

from __future__ import annotations

import contextlib
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from terminal import NotShown, Replay, Term

BENCH = Path(__file__).resolve().parent
PY = sys.executable
SIZE = (120, 40)
PROBE = "ж"  # a key no screen of these apps shows on its own
# Time to usable types a probe this often from the spawn on: a user who starts typing at
# once, and a bound on the error if the app dropped keys typed before it was ready.
PROBE_EVERY = 0.05
SUFFIX = 8  # a key is on screen when the last SUFFIX characters up to it are
ANCHOR = "streaming"  # the end of the demo's first topic, where the app gets the keys
# The company names `core_bench.py gen` writes: two capitalised words and a number.
LIST_ROW = re.compile(r"\b[A-Z][\w-]+ [A-Z][\w-]+ \d+\b")


def followup_cmd() -> list[str]:
    """The installed `followup-tui` script beside this interpreter, else `python -m`."""
    script = Path(PY).with_name("followup-tui")
    return [str(script)] if script.exists() else [PY, "-m", "followup_tui"]


def yardstick(name: str) -> list[str]:
    """The command of a yardstick app."""
    return [PY, str(BENCH / "terminal_apps.py"), name]


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def typed_text(n: int, seed: int) -> str:
    """`n` lowercase letters, one long word: wrapped or folded, it still reads whole."""
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


class Env:
    """Fresh XDG folders per run; one bytecode folder for the whole benchmark."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.count = 0
        base = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        base["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        self.base = base

    def fresh(self, data: Path | None = None) -> dict[str, str]:
        """An environment with empty config and cache folders (and `data`, or an empty one)."""
        self.count += 1
        run = self.tmp / f"run{self.count}"
        env = dict(self.base)
        env.update(
            HOME=str(run / "home"),
            XDG_CONFIG_HOME=str(run / "config"),
            XDG_CACHE_HOME=str(run / "cache"),
            XDG_DATA_HOME=str(data or run / "data"),
        )
        return env

    def core(self, *args: str) -> None:
        """Run `core_bench.py` (it writes drafts with the project's own storage)."""
        subprocess.run(
            [PY, str(BENCH / "core_bench.py"), *args],
            env=self.fresh(),
            check=True,
            stdout=subprocess.DEVNULL,
        )


# ---------------------------------------------------------------- where to look


@dataclass
class Regions:
    """Columns (and rows) of the field typed into and of the preview, for `Replay.region`."""

    echo: tuple[int, int, int, int]
    preview: tuple[int, int, int, int] | None

    def echo_text(self, replay: Replay) -> str:
        return replay.region(*self.echo).replace(" ", "")

    def preview_text(self, replay: Replay) -> str:
        assert self.preview is not None
        return replay.region(*self.preview).replace(" ", "")


def pane(replay: Replay, title: str) -> tuple[int, int, int, int]:
    """The inside of the bordered pane titled `title`, less its scrollbar's two columns."""
    at = replay.find(f"╭─ {title}")
    if at is None:
        raise SystemExit(f"no pane titled {title!r} on screen:\n{replay.text()}")
    x, y = at
    row = replay.lines()[y]
    right = row.index("╮", x)
    return x + 1, right - 2, y + 1, SIZE[1] - 1


def app_regions(replay: Replay) -> Regions:
    """The app's notes pane (echo) and preview pane."""
    return Regions(pane(replay, "Interview notes"), pane(replay, "Preview"))


YARDSTICK_REGIONS = {
    "textarea": Regions((0, SIZE[0], 0, SIZE[1]), None),
    "mirror": Regions((0, SIZE[0] // 2, 0, SIZE[1]), (SIZE[0] // 2, SIZE[0], 0, SIZE[1])),
}


# ---------------------------------------------------------------- one run


@dataclass
class Typing:
    """What one typing run saw, per key (milliseconds from the key being written)."""

    echo: list[float]
    preview: list[float]
    coalesced: int
    cpu_per_key_ms: float
    missing: int = 0
    previews: int = 0
    """Frames that showed one key or more in the preview for the first time: its updates."""
    extra: dict[str, float] = field(default_factory=dict)


# `--base CMD` of terminal_bench.py: another build of the app (another checkout's
# `followup-tui`), run as the case "base" in the same rounds as "app".
BASE_CMD: list[str] = []


def spawn(kind: str, env: Env, draft: Path | None = None, data: Path | None = None) -> Term:
    """Start the app (`--demo`, or `draft`) or a yardstick under a pty, with fresh folders."""
    if kind in ("app", "base"):
        command = BASE_CMD if kind == "base" else followup_cmd()
        argv = command + ([str(draft)] if draft else ["--demo"])
    else:
        argv = yardstick(kind)
    return Term(argv, env.fresh(data), SIZE)


def ready_to_type(term: Term, kind: str) -> tuple[Regions, str]:
    """Put the cursor where the keys go; where to look, and what shows just before it."""
    if kind in ("app", "base"):
        replay = term.wait_for(lambda r: "Topics discussed" in r.text(), 30)
        term.wait_quiet()
        regions = app_regions(replay)
        x0, x1, y0, y1 = regions.echo
        # The form's fields wrap their text once laid out: the first topic's end then shows.
        # (A layout that cuts the topic: focusing it below shows it whole.)
        with contextlib.suppress(NotShown):
            replay = term.wait_for(lambda r: ANCHOR in r.region(x0, x1, y0, y1), 10)
        time.sleep(0.2)
        replay.feed(term.chunks)
        label = replay.find("Topics discussed")
        assert label is not None
        term.click(label[0] + 2, label[1] + 1)  # focus the topics: a focused note grows
        time.sleep(0.5)
        replay.feed(term.chunks)
        for y, row in enumerate(replay.lines()[y0:y1], start=y0):
            x = row.find(ANCHOR, x0, x1)
            if x >= 0:
                term.click(x + len(ANCHOR), y)
                break
        else:
            raise NotShown(f"{ANCHOR!r} not in the notes:\n{replay.text()}")
        time.sleep(0.1)
        term.key("\x1b[F")  # End: after the topic's last letter, wrapped or not
    else:
        regions = YARDSTICK_REGIONS[kind]
    # Ready when a probe typed now shows, and then is gone again once deleted; what shows
    # just before it is where the keys go.
    term.key(PROBE)
    replay = term.wait_for(lambda r: PROBE in regions.echo_text(r), 30)
    shown = regions.echo_text(replay)
    before = shown[: shown.index(PROBE)][-SUFFIX:]
    term.key("\x7f")
    term.wait_for(lambda r: PROBE not in r.text(), 10)
    time.sleep(0.3)
    return regions, before


def type_paced(term: Term, text: str, gap: float) -> list[float]:
    """Type `text` one key every `gap` seconds, on a fixed schedule; when each was written."""
    sent: list[float] = []
    due = time.perf_counter()
    for ch in text:
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        sent.append(term.key(ch))
        due += gap
    return sent


def wait_started(term: Term, kind: str) -> None:
    """Wait until the app (its form on screen) or a yardstick (a first frame) is started and
    quiet."""
    if kind in ("app", "base"):
        term.wait_for(lambda r: "Topics discussed" in r.text(), 30)
    else:
        term.wait_for(lambda r: r.done > 0, 30)
    term.wait_quiet()


def type_keys(
    kind: str, env: Env, keys: int, gap: float, seed: int, draft: Path | None = None
) -> Typing:
    """Type `keys` letters, one every `gap` seconds, and see when each is on screen."""
    text = typed_text(keys, seed)
    with spawn(kind, env, draft) as term:
        regions, before = ready_to_type(term, kind)
        cpu0 = term.cpu()
        sent = type_paced(term, text, gap)
        final = (before + text)[-SUFFIX:]
        look = regions.preview_text if regions.preview else regions.echo_text
        with contextlib.suppress(NotShown):  # counted as missing below
            term.wait_for(lambda r: final in look(r), 20)
        cpu1 = term.cpu()
        term.close(quit_keys="")
    return analyse(term, regions, before, text, sent, cpu1 - cpu0)


def analyse(
    term: Term, regions: Regions, before: str, text: str, sent: list[float], cpu: float
) -> Typing:
    """Replay the run's output; the first complete frame showing each key, per region."""
    full = before + text
    targets = [
        full[max(0, len(before) + i + 1 - SUFFIX) : len(before) + i + 1] for i in range(len(text))
    ]
    echo_at: list[float] = []
    echo_frame: list[int] = []
    preview_at: list[float] = []
    preview_frames: set[int] = set()
    replay = Replay(term.size)
    for index, at in replay.frames(term.chunks):
        if at < sent[0]:
            continue
        if len(echo_at) < len(text):
            shown = regions.echo_text(replay)
            while len(echo_at) < len(text) and sent[len(echo_at)] <= at:
                if targets[len(echo_at)] not in shown:
                    break
                echo_at.append(at - sent[len(echo_at)])
                echo_frame.append(index)
        if regions.preview and len(preview_at) < len(text):
            shown = regions.preview_text(replay)
            while len(preview_at) < len(text) and sent[len(preview_at)] <= at:
                if targets[len(preview_at)] not in shown:
                    break
                preview_at.append(at - sent[len(preview_at)])
                preview_frames.add(index)
    coalesced = sum(1 for a, b in zip(echo_frame, echo_frame[1:], strict=False) if a == b)
    missing = len(text) - len(echo_at) + (len(text) - len(preview_at) if regions.preview else 0)
    return Typing(
        [t * 1000 for t in echo_at],
        [t * 1000 for t in preview_at],
        coalesced,
        cpu / len(text) * 1000,
        missing,
        len(preview_frames),
    )


def time_to_usable(kind: str, env: Env) -> dict[str, float]:
    """Spawn to the first frame, and to the first frame where a key typed meanwhile shows."""
    with spawn(kind, env) as term:
        if kind == "static":
            replay = term.wait_for(lambda r: "Hello" in r.text(), 30)
            term.close(quit_keys="")
            return {"paint": (replay.at - term.started) * 1000}
        painted = 0.0
        replay = Replay(SIZE)
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            term.key(PROBE)
            time.sleep(PROBE_EVERY)
            for _, at in replay.frames(term.chunks):
                screen = replay.text()
                if not painted and screen.strip():
                    painted = at
                if PROBE in screen:
                    term.close(quit_keys="")
                    return {
                        "paint": (painted - term.started) * 1000,
                        "usable": (at - term.started) * 1000,
                    }
    raise NotShown(f"{kind}: no key landed within 30 s:\n{replay.text()}")


def interviews_first_row(env: Env, data: Path, kind: str = "app", warm: bool = True) -> float:
    """Ctrl+O on a started app to the first row of the interviews list on screen (ms).

    `warm`: the user has listed the drafts before (`followup-tui list` is run first in the same
    folders), so the drafts' index is in the cache folder; else it is the first list ever.
    """
    command = BASE_CMD if kind == "base" else followup_cmd()
    run_env = env.fresh(data)
    if warm:
        subprocess.run([*command, "list"], env=run_env, stdout=subprocess.DEVNULL, check=True)
    with Term([*command, "--demo"], run_env, SIZE) as term:
        term.wait_for(lambda r: "Topics discussed" in r.text(), 30)
        term.wait_quiet()
        pressed = term.key("\x0f")
        replay = term.wait_for(lambda r: LIST_ROW.search(r.text()) is not None, 30)
        term.close(quit_keys="")
    # wait_for polls; the frame that first showed a row is found by replaying afresh.
    again = Replay(SIZE)
    for _, at in again.frames(term.chunks[: replay.done]):
        if at >= pressed and LIST_ROW.search(again.text()):
            return (at - pressed) * 1000
    return (replay.at - pressed) * 1000


def field_cpu(kind: str, env: Env, keys: int, gap: float) -> float:
    """CPU per key typed into the field focused at the start (ms): the demo's company name,
    which the header, the checklist and the email all show; the bare TextArea itself."""
    with spawn(kind, env) as term:
        wait_started(term, kind)
        cpu0 = term.cpu()
        type_paced(term, typed_text(keys, seed=0), gap)
        term.wait_quiet()  # what the last keys set off (a render, a new title) is counted
        cpu1 = term.cpu()
        term.close(quit_keys="")
    return (cpu1 - cpu0) / keys * 1000


def idle_cpu(kind: str, env: Env, seconds: float) -> float:
    """CPU per second of a started app left alone, its cursor blinking (ms per s)."""
    with spawn(kind, env) as term:
        wait_started(term, kind)
        time.sleep(0.5)
        cpu0 = term.cpu()
        time.sleep(seconds)
        cpu1 = term.cpu()
        term.close(quit_keys="")
    return (cpu1 - cpu0) / seconds * 1000
