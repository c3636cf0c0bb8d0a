"""The core alone, in one process: render + judge per keystroke, and how both scale.

Started by `bench/run.py` in a fresh interpreter (with temporary XDG folders); prints one
JSON object on stdout. `gen` mode writes drafts for the `followup-tui list` scale test.

    python bench/core_bench.py keystroke --reps 400
    python bench/core_bench.py scale --reps 20,6,2
    python bench/core_bench.py gen DIR COUNT
    python bench/core_bench.py demo FILE
    python bench/core_bench.py notes FILE WORDS
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import NOTE_FIELDS, Draft, Email, Interviewer, Profile
from followup_tui.practices import evaluate
from followup_tui.render import render_all

NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
# Words an interview note is made of; sentences are drawn from them with a fixed seed.
VOCAB_TEXT = """
pipeline streaming batch warehouse latency team on-call roadmap analysts platform migration
Kafka Kinesis partition schema contract testing observability budget hiring mentoring
customers reliability incident review design tradeoffs cost growth quarter launch feedback
ownership data model quality metrics dashboards alerting backlog scope deadline product
engineers stakeholders adoption security compliance audit vendor cloud storage compute
cluster jobs nightly realtime events tables queries dbt Airflow Spark Python SQL Terraform
interviews culture remote office travel salary benefits learning conference open-source
package release documentation onboarding process
"""
FILLER_TEXT = "the a of to and with for about how we they our their its"
VOCAB = tuple(VOCAB_TEXT.split())
FILLER = tuple(FILLER_TEXT.split())
# What the keystroke benchmark "types" into the topics field, one character per call.
TYPED = "moving the nightly batch jobs to streaming with exactly once delivery and replay "


def sentence(rng: random.Random, words: int) -> str:
    """A note line of about `words` words."""
    out = []
    for i in range(words):
        out.append(rng.choice(FILLER) if i % 3 == 1 else rng.choice(VOCAB))
    return " ".join(out)


def note_text(rng: random.Random, words: int) -> str:
    """Lines of 8-14 words adding up to exactly `words` words."""
    lines: list[str] = []
    left = words
    while left > 0:
        n = min(left, rng.randint(8, 14))
        lines.append(sentence(rng, n))
        left -= n
    return "\n".join(lines)


def draft_with_notes(words: int, seed: int = 4) -> Draft:
    """The demo interview with `words` words of notes spread over the six note fields."""
    rng = random.Random(seed)
    draft = demo_draft(NOW)
    per, extra = divmod(words, len(NOTE_FIELDS))
    for k, name in enumerate(NOTE_FIELDS):
        setattr(draft.notes, name, note_text(rng, per + (extra if k == 0 else 0)))
    return draft


def email_of_words(target: int) -> Draft:
    """The demo interview, its notes grown until the first email is nearest `target` words."""
    profile = demo_profile()
    best, best_gap = draft_with_notes(6), target
    for words in range(6, 2000):
        draft = draft_with_notes(words)
        draft.notes.topics = draft.notes.topics.replace("\n", " ")  # one long topic
        count = render_all(draft, profile, now=NOW)[0].word_count
        if abs(count - target) < best_gap:
            best, best_gap = draft, abs(count - target)
        if count > target + 100:
            break
    return best


def work(draft: Draft, profile: Profile) -> tuple[float, float, list[Email]]:
    """What the main screen does after a change: render every email, judge the shown one."""
    t0 = time.perf_counter()
    emails = render_all(draft, profile, now=NOW)
    t1 = time.perf_counter()
    evaluate(emails[0], draft=draft, profile=profile, now=NOW, emails=emails)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, emails


def typing_session(draft: Draft, reps: int) -> tuple[list[float], list[float], int]:
    """Render + judge after each of `reps` typed characters (new text each time: no cache hit)."""
    profile = demo_profile()
    base = draft.notes.topics
    renders: list[float] = []
    judges: list[float] = []
    words = 0
    for i in range(reps + 3):
        typed = (TYPED * (1 + i // len(TYPED)))[: i + 1]
        draft.notes.topics = typed + base
        r, j, emails = work(draft, profile)
        if i >= 3:  # the first calls compile the template and fill caches
            renders.append(r)
            judges.append(j)
        words = emails[0].word_count
    return renders, judges, words


def stats_ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered) * 1000, "p95": p95 * 1000, "n": len(ordered)}


def cmd_keystroke(args: argparse.Namespace) -> dict[str, object]:
    draft = email_of_words(300)
    renders, judges, words = typing_session(draft, args.reps)
    total = [r + j for r, j in zip(renders, judges, strict=True)]
    return {
        "email_words": words,
        "render": stats_ms(renders),
        "evaluate": stats_ms(judges),
        "total": stats_ms(total),
    }


def cmd_scale(args: argparse.Namespace) -> dict[str, object]:
    reps = [int(r) for r in args.reps.split(",")]
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for size, n in zip(sizes, reps, strict=True):
        draft = draft_with_notes(size)
        renders, judges, words = typing_session(draft, n)
        total = [r + j for r, j in zip(renders, judges, strict=True)]
        rows.append(
            {
                "notes_words": size,
                "email_words": words,
                "render_ms": statistics.median(renders) * 1000,
                "evaluate_ms": statistics.median(judges) * 1000,
                "total_ms": statistics.median(total) * 1000,
            }
        )
    return {"rows": rows}


def cmd_gen(args: argparse.Namespace) -> dict[str, object]:
    """Write `count` varied drafts into DIR (a drafts folder)."""
    from followup_tui.storage import save_draft
    from followup_tui.timing import mark_sent

    folder = Path(args.dir)
    rng = random.Random(args.count)
    stages = ("thank-you", "check-in", "feedback", "keep-in-touch")
    t0 = time.perf_counter()
    for i in range(args.count):
        draft = draft_with_notes(60, seed=i)
        iv = draft.interview
        iv.company = f"{rng.choice(VOCAB).title()} {rng.choice(VOCAB).title()} {i}"
        iv.role = rng.choice(("Data Engineer", "Analyst", "Platform Engineer", "SRE"))
        iv.when = NOW - timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 12))
        iv.decision_by = (iv.when + timedelta(days=rng.randint(3, 20))).date()
        draft.interviewers = [
            Interviewer(f"Person {i}-{k}", "Engineer", f"p{i}.{k}@example.com")
            for k in range(rng.randint(1, 3))
        ]
        draft.stage = stages[i % len(stages)]
        if i % 3 == 0:
            mark_sent(draft, "thank-you", iv.when + timedelta(hours=20), "p@example.com")
        save_draft(folder / f"bench-{i:05d}.toml", draft)
    return {"count": args.count, "seconds": time.perf_counter() - t0}


def cmd_demo(args: argparse.Namespace) -> dict[str, object]:
    """Write the demo interview (a panel of two) as a draft file."""
    from followup_tui.storage import save_draft

    save_draft(Path(args.file), demo_draft(NOW))
    return {"file": args.file}


def cmd_notes(args: argparse.Namespace) -> dict[str, object]:
    """Write the demo interview with `words` words of notes; topics keep the demo's first line."""
    from followup_tui.storage import save_draft

    draft = draft_with_notes(args.words)
    first = demo_draft(NOW).notes.topics.splitlines()[0]
    draft.notes.topics = first + "\n" + draft.notes.topics
    save_draft(Path(args.file), draft)
    return {"file": args.file, "words": args.words}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="mode", required=True)
    key = sub.add_parser("keystroke")
    key.add_argument("--reps", type=int, default=400)
    scale = sub.add_parser("scale")
    scale.add_argument("--sizes", default="200,2000,20000")
    scale.add_argument("--reps", default="30,10,3")
    gen = sub.add_parser("gen")
    gen.add_argument("dir")
    gen.add_argument("count", type=int)
    demo = sub.add_parser("demo")
    demo.add_argument("file")
    notes = sub.add_parser("notes")
    notes.add_argument("file")
    notes.add_argument("words", type=int)
    args = parser.parse_args(argv)
    modes: dict[str, Callable[[argparse.Namespace], dict[str, object]]] = {
        "keystroke": cmd_keystroke,
        "scale": cmd_scale,
        "gen": cmd_gen,
        "demo": cmd_demo,
        "notes": cmd_notes,
    }
    json.dump(modes[args.mode](args), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
