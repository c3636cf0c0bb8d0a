"""The app's first frame, as a real terminal shows it: already in the layout of its width."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from terminal import Replay, Term  # noqa: E402


def first_frame_with(term: Term, text: str) -> str:
    """The first complete frame whose screen holds `text`."""
    replay = Replay(term.size)
    for _ in replay.frames(term.chunks):
        if text in replay.text():
            return replay.text()
    raise AssertionError(f"no frame showed {text!r}")


@pytest.mark.parametrize(("size", "narrow"), [((80, 24), True), ((120, 40), False)])
def test_the_first_frame_is_laid_out_for_the_terminal(
    isolated_home: Path, size: tuple[int, int], narrow: bool
) -> None:
    """A narrow terminal never flashes the side-by-side panes (cut off at its right edge):
    from the first frame the panes are tabs, and a wide one shows them side by side."""
    # pytest exports COLUMNS and LINES, which Textual trusts over the terminal's own size.
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    with Term([sys.executable, "-m", "followup_tui", "--demo"], env, size=size) as term:
        # The whole screen is built once the interviewers' section shows.
        term.wait_for(lambda screen: "Interviewers" in screen.text(), timeout=60)
        first = first_frame_with(term, "Interview notes")
        term.close()
    title_row = next(row for row in first.splitlines() if "Interview notes" in row)
    if narrow:
        assert "f6 next tab" in title_row, first
        assert "Preview" not in title_row, first
    else:
        assert "f6" not in first, first
        assert "Checklist" in title_row and "Preview" in title_row, first
