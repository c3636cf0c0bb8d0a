"""The rows of the interviews list: each draft file with its next follow-up, soonest first.

Pure functions of the folder and the clock, so the list reads them off the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.cells import cell_len, set_cell_size

from followup_tui import listing, timing
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft
from followup_tui.text import shown

# Long cells (a title, an error) are cut here; the line under the list shows them whole.
CELL_MAX = 40
# Between two columns.
GAP = "  "
# The interview's column gives up room to keep the next columns in view, down to this.
TITLE_MIN = 28


@dataclass
class Row:
    """One file of the drafts folder as the list shows it."""

    path: Path
    draft: Draft | None  # None: the file could not be read
    error: FileFormatError | None = None
    is_open: bool = False  # the draft the app is editing: its in-memory version is shown
    cells: tuple[str, ...] = ()
    """What the list shows of it, column by column (`row_cells`)."""


def _cut(text: str) -> str:
    return text if len(text) <= CELL_MAX else text[: CELL_MAX - 1] + "…"


def local_time(dt: datetime, draft: Draft, now: datetime) -> str:
    """A time shown in the interview's own zone, like the rest of the timing."""
    when = draft.interview.when
    zone = when.tzinfo if when is not None else None
    return timing.format_time(dt.astimezone(zone), now)


def sent_log(draft: Draft, now: datetime) -> str:
    """What the user says they sent, oldest first, and the company's answer."""
    sent = [
        f"{s.stage} sent {local_time(s.at, draft, now)}" + (f" to {s.to}" if s.to else "")
        for s in sorted(draft.sent, key=lambda s: s.at)
    ]
    lines = ["Sent: " + ("; ".join(sent) if sent else "nothing sent yet")]
    if draft.outcome:
        at = f" {local_time(draft.outcome_at, draft, now)}" if draft.outcome_at else ""
        lines.append(f"Outcome: {draft.outcome}{at}")
    else:
        lines.append("Outcome: no answer yet")
    return "\n".join(lines)


def _same_file(path: Path, real: Path) -> bool:
    """Whether `path` resolves to `real`, without resolving every file of a long folder."""
    if path.is_symlink():
        return path.resolve() == real
    return path.name == real.name and path.parent.resolve() == real.parent


def read_rows(open_path: Path | None, open_draft: Draft, now: datetime) -> list[Row]:
    """Every draft file with its cells, due soonest first, then the unreadable ones.

    The file at `open_path` is the draft being edited: `open_draft` (its state in the app,
    perhaps not saved yet) stands for it.
    """
    open_file = open_path.resolve() if open_path is not None else None
    good: list[tuple[tuple[int, float, str], Row]] = []
    unread = []
    for entry in listing.list_drafts():
        is_open = open_file is not None and _same_file(entry.path, open_file)
        row = Row(entry.path, open_draft if is_open else entry.draft, entry.error, is_open)
        if row.draft is None:
            row.cells = row_cells(row, now, None)
            unread.append(row)
            continue
        window = timing.next_follow_up(row.draft, now)
        row.cells = row_cells(row, now, window)
        good.append((timing.window_sort_key(window, row.draft.title(), now), row))
    good.sort(key=lambda keyed: keyed[0])
    return [row for _, row in good] + unread


def row_cells(row: Row, now: datetime, window: timing.Window | None) -> tuple[str, ...]:
    """The cells of one row at `now` (state, interview, next, when due, date), `window` being
    its draft's next follow-up."""
    if row.draft is None:
        reason = row.error.reason if row.error else "cannot be read"
        if row.error and row.error.line:
            reason = f"line {row.error.line}: {reason}"
        return ("unread", _cut(shown(row.path.name)), "-", _cut(reason), "-")
    draft = row.draft
    when = draft.interview.when
    if when is None:
        state, label, due = "no date", "-", "set the interview time"
    elif window is None:
        state, label, due = "done", "-", "nothing left to send"
    else:
        state, label, due = window.state, window.label, timing.describe(window, now)
    title = _cut(draft.title()) + (" (open)" if row.is_open else "")
    interviewed = timing.format_time(when, now) if when is not None else "-"
    return (state, title, label, due, interviewed)


def column_widths(lines: list[tuple[str, ...]], room: int) -> list[int]:
    """Each column's width in cells, the interview's (the second) narrowed to fit `room`."""
    widths = [max(cell_len(cell) for cell in column) for column in zip(*lines, strict=True)]
    over = sum(widths) + len(GAP) * (len(widths) - 1) - room
    if over > 0:
        widths[1] = max(min(widths[1], TITLE_MIN), widths[1] - over)
    return widths


def aligned(cells: tuple[str, ...], widths: list[int]) -> str:
    """One line of the list: each cell cut or padded to its column's width."""
    return GAP.join(
        set_cell_size(cell, width - 1) + "…"
        if cell_len(cell) > width
        # set_cell_size pads a shorter cell with spaces
        else set_cell_size(cell, width)
        for cell, width in zip(cells, widths, strict=True)
    ).rstrip()
