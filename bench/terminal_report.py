"""The terminal benchmark's table, and its section of bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START = "<!-- terminal_bench: start -->"
END = "<!-- terminal_bench: end -->"
HOW = "## How it is measured"


@dataclass
class Row:
    """One line of the table: the app's figure, the yardstick's, their ratio, the target."""

    measure: str
    value: str
    yardstick: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("met" if self.met else "**missed**")
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}x"
        return [self.measure, self.value, self.yardstick, ratio, self.target, verdict]


def ms(value: float) -> str:
    """Milliseconds, to a sensible precision."""
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def ratio_of_rounds(app: Sequence[float], yard: Sequence[float]) -> float:
    """The median over rounds of the app/yardstick ratio within each round."""
    return statistics.median(a / y for a, y in zip(app, yard, strict=True) if y)


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| measure | followup-tui | yardstick, same rounds | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def load() -> str:
    """The load averages (1, 5, 15 min) now."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# Changes made for issue 15, each measured A/B while it was made (the code before it run from
# a copy of the package, cases interleaved).
CHANGES: tuple[tuple[str, str], ...] = (
    (
        "`render.py`: a note's items are worked out once per text and once per line"
        " (`_note_items`, `_note_item`, memoised pure functions; each render still gets lists"
        " of its own); `practices/notes.py`: the words of each item likewise (`_item_words`)",
        "render_all + evaluate per change, CPU time, three interleaved pairs: 20,000 words of"
        " notes 52.9 / 51.0 / 38.4 -> 18.4 / 17.7 / 13.1 ms (2.9x less); 200 words 3.2 / 2.9"
        " / 3.9 -> 1.9 / 2.7 / 2.2 ms. What is left reads the 6,800-word email itself.",
    ),
)


def section(rows: Sequence[Row], notes: Sequence[str], info: dict[str, str]) -> str:
    """The whole section, between its markers."""
    body = [
        START,
        "## In a real terminal (`python bench/terminal_bench.py --write`)",
        "",
        f"Written on {info['date']}, in {info['seconds']} s; {info['settings']}.",
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; load average at the start"
        f" and end: {info['load_start']} / {info['load_end']} (a shared machine: the ratios"
        " within a round are what mean something).",
        "",
        table(rows),
        "",
        *[f"- {n}" for n in notes],
        "",
        "### Changes made for issue 15",
        "",
        "| change | measured effect |",
        "| --- | --- |",
        *[f"| {change} | {effect} |" for change, effect in CHANGES],
        END,
    ]
    return "\n".join(body)


def write_results(text: str, path: Path = RESULTS) -> None:
    """Put the section in RESULTS.md in place of the last one (or before "How it is measured")."""
    old = path.read_text() if path.exists() else "# Speed benchmark results\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + text + rest.split(END, 1)[1]
    elif HOW in old:
        head, rest = old.split(HOW, 1)
        new = f"{head}{text}\n\n{HOW}{rest}"
    else:
        new = f"{old.rstrip()}\n\n{text}\n"
    path.write_text(new)


def kept_section(path: Path = RESULTS) -> str:
    """The terminal section of RESULTS.md as it stands ("" if none), for `run.py --write`."""
    old = path.read_text() if path.exists() else ""
    if START not in old or END not in old:
        return ""
    return START + old.split(START, 1)[1].split(END, 1)[0] + END
