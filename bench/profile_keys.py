"""Profile the key path: the app in a pty, cProfile on only while keys are typed.

    python bench/profile_keys.py                   # the demo draft, 150 keys every 30 ms
    python bench/profile_keys.py --words 20000     # a draft with 20,000 words of notes
    python bench/profile_keys.py --out keys.prof   # keep the stats (for snakeviz, pstats)
    python bench/profile_keys.py --start           # instead: from the spawn to usable
    python bench/profile_keys.py --list 1000       # instead: ctrl+o to the first row, N drafts
    python bench/profile_keys.py --idle 10         # instead: the started app left alone, N s

The child is `followup-tui` started through this very script (`--child`), which turns
cProfile on at SIGUSR1 and off at SIGUSR2, writing the stats then; the parent types as
`terminal_bench.py` does and prints the functions that took the most time. With `--start`
the profile runs from the child's first line until a key typed from the spawn on shows.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

if TYPE_CHECKING:
    from terminal_measures import Env


def child(out: str, argv: list[str]) -> int:
    """Run the app's command line, profiling between SIGUSR1 (or the start) and SIGUSR2."""
    profile = cProfile.Profile()
    if os.environ.pop("PROFILE_FROM_START", None):
        profile.enable()

    def start(signum: int, frame: FrameType | None) -> None:
        profile.enable()

    def stop(signum: int, frame: FrameType | None) -> None:
        profile.disable()
        profile.dump_stats(out)

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    from followup_tui.cli import main

    return main(argv)


def wait_for_file(path: Path) -> None:
    """Until the child has written its stats (10 s at most)."""
    deadline = time.perf_counter() + 10
    while not path.exists() and time.perf_counter() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # the dump is written in one go; let it finish


def parent(args: argparse.Namespace) -> int:
    from terminal import NotShown, Replay, Term
    from terminal_measures import PROBE, PROBE_EVERY, SIZE, SUFFIX, Env, ready_to_type, typed_text

    with tempfile.TemporaryDirectory(prefix="profile-keys-") as tmp:
        env = Env(Path(tmp))
        out = args.out or str(Path(tmp) / "keys.prof")
        target = ["--demo"]
        if args.words:
            draft = Path(tmp) / "large.toml"
            env.core("notes", str(draft), str(args.words))
            target = [str(draft)]
        argv = [sys.executable, __file__, "--child", out, *target]
        if args.list:
            return profile_list(env, argv, Path(tmp), Path(out), args)
        if args.idle:
            return profile_idle(env, argv, Path(out), args)
        if args.start:
            # Twice: the first start writes the bytecode the profiled one runs from.
            for profiled in (False, True):
                run_env = dict(env.fresh(), PROFILE_FROM_START="1" if profiled else "")
                with Term(argv, run_env, SIZE) as term:
                    replay = Replay(SIZE)
                    while PROBE not in replay.feed_text(term.chunks):
                        term.key(PROBE)
                        time.sleep(PROBE_EVERY)
                    if profiled:
                        os.kill(term.proc.pid, signal.SIGUSR2)
                        wait_for_file(Path(out))
                    term.close(quit_keys="")
            pstats.Stats(out).sort_stats(args.sort).print_stats(args.top)
            return 0
        with Term(argv, env.fresh(), SIZE) as term:
            regions, before = ready_to_type(term, "app")
            text = typed_text(args.keys, seed=3)
            os.kill(term.proc.pid, signal.SIGUSR1)
            due = time.perf_counter()
            for ch in text:
                time.sleep(max(0.0, due - time.perf_counter()))
                term.key(ch)
                due += args.gap
            final = (before + text)[-SUFFIX:]
            with contextlib.suppress(NotShown):
                term.wait_for(lambda r: final in regions.preview_text(r), 30)
            os.kill(term.proc.pid, signal.SIGUSR2)
            wait_for_file(Path(out))
            term.close(quit_keys="")
        stats = pstats.Stats(out)
        stats.sort_stats(args.sort).print_stats(args.top)
    return 0


def profile_list(env: Env, argv: list[str], tmp: Path, out: Path, args: argparse.Namespace) -> int:
    """Profile from ctrl+o to the first row of the interviews list on screen."""
    from terminal import Term
    from terminal_measures import LIST_ROW, SIZE

    data = tmp / "list-data"
    env.core("gen", str(data / "followup-tui" / "drafts"), str(args.list))
    with Term(argv, env.fresh(data), SIZE) as term:
        term.wait_for(lambda r: "Topics discussed" in r.text(), 30)
        time.sleep(1.0)
        os.kill(term.proc.pid, signal.SIGUSR1)
        pressed = term.key("\x0f")
        replay = term.wait_for(lambda r: LIST_ROW.search(r.text()) is not None, 60)
        print(f"first row after {(replay.at - pressed) * 1000:.0f} ms (polled)")
        os.kill(term.proc.pid, signal.SIGUSR2)
        wait_for_file(out)
        term.close(quit_keys="")
    pstats.Stats(str(out)).sort_stats(args.sort).print_stats(args.top)
    return 0


def profile_idle(env: Env, argv: list[str], out: Path, args: argparse.Namespace) -> int:
    """Profile the started app left alone for `--idle` seconds, its cursor blinking."""
    from terminal import Term
    from terminal_measures import SIZE

    with Term(argv, env.fresh(), SIZE) as term:
        term.wait_for(lambda r: "Topics discussed" in r.text(), 30)
        time.sleep(3.0)  # the start-up's work in the background is over
        os.kill(term.proc.pid, signal.SIGUSR1)
        time.sleep(args.idle)
        os.kill(term.proc.pid, signal.SIGUSR2)
        wait_for_file(out)
        term.close(quit_keys="")
    pstats.Stats(str(out)).sort_stats(args.sort).print_stats(args.top)
    return 0


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=150)
    parser.add_argument("--gap", type=float, default=0.03)
    parser.add_argument("--words", type=int, default=0)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--out")
    parser.add_argument("--start", action="store_true")
    parser.add_argument("--list", type=int, default=0, metavar="N")
    parser.add_argument("--idle", type=float, default=0, metavar="SECONDS")
    return parent(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
