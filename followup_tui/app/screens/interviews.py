"""Ctrl+O: every interview in the drafts folder, the follow-up due soonest first."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.worker import get_current_worker

from followup_tui import storage, timing
from followup_tui.app.screens.interview_rows import (
    Row,
    aligned,
    column_widths,
    local_time,
    read_rows,
    sent_log,
)
from followup_tui.app.widgets.footer import KeyFooter
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft
from followup_tui.session import Session
from followup_tui.text import shown

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

# The interview comes second so that it stays in view on an 80-column terminal.
COLUMNS = ("State", "Interview", "Next", "When due", "Interviewed")
EMPTY = "No interviews yet: press n to start one"
# Shown until the folder is read (a moment, unless it holds a great many drafts).
READING = "Reading the drafts folder…"
# Actions that need a highlighted row; with an empty list they are shown dimmed.
ROW_ACTIONS = frozenset({"open", "delete", "sent", "rejected", "offer"})
# States that ask for the user's action now.
URGENT = frozenset({"due", "overdue"})
# The list's padding and its scroll bar: what a line of it cannot use of the screen's width.
LIST_FRAME = 4


class InterviewsScreen(Screen[None]):
    """All interviews with their next follow-up; open, start, delete, or log what happened."""

    BINDINGS = [
        # priority: the list's own enter would otherwise hide "Open" from the footer
        Binding("enter", "open", "Open", priority=True, id="interviews-open"),
        Binding("n", "new", "New", id="interviews-new"),
        Binding("d", "delete", "Delete", id="interviews-delete"),
        Binding("s", "sent", "Mark sent", id="interviews-sent"),
        Binding("r", "rejected", "Rejected", id="interviews-rejected"),
        Binding("o", "offer", "Offer", id="interviews-offer"),
        Binding("escape", "back", "Back", id="interviews-back"),
        # the app's ctrl+o would stack a second list on this one
        Binding("ctrl+o", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.layouts = 0
        """Counts the times the list was laid out, so a stale lot of lines is never added."""
        self.read = False
        """Whether the folder has been read at least once."""
        self.loaded = asyncio.Event()
        """Set while the list on screen shows the folder as last read."""

    @property
    def followup(self) -> FollowupApp:
        """The app, with its session and settings."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        yield Static(READING, id="iv-empty", markup=False)
        # A list of aligned lines under a line of column names: the stock DataTable renders
        # each cell through Rich, which made opening a long folder slow (bench/RESULTS.md).
        yield Static("", id="iv-columns", markup=False)
        yield OptionList(id="iv-list")
        yield Static("", id="iv-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # The rows are read when the screen resumes, which Textual also sends when the screen
        # is first shown: reading them here too read the whole folder twice.
        self.sub_title = "Interviews"
        self.query_one("#iv-columns").display = False
        self.query_one(OptionList).display = False
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # shown, or back from help, the profile or a dialog: the folder may have changed
        if self.is_mounted:
            self.refresh_rows(self.current_path())

    # ------------------------------------------------------------ the list

    def refresh_rows(self, keep: Path | None = None) -> None:
        """Re-read the folder off the UI thread and redraw, the cursor on `keep` (or where it was).

        The list on screen stays as it is until the new one is read (`wait_loaded`).
        """
        self.loaded.clear()
        session = self.followup.session
        open_path = None if session.read_only else session.path
        self._read(open_path, session.draft.copy(), self.followup.now(), keep)

    @work(thread=True, exclusive=True, group="interviews")
    def _read(
        self, open_path: Path | None, open_draft: Draft, now: datetime, keep: Path | None
    ) -> None:
        rows = read_rows(open_path, open_draft, now)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, rows, now, keep)

    def _fill(self, rows: list[Row], now: datetime, keep: Path | None) -> None:
        listed = self.query_one(OptionList)
        old_index = listed.highlighted or 0
        was_dimmed = self._nothing_to_act_on()
        self.rows = rows
        self.read = True
        index = None
        if rows:
            paths = [r.path for r in rows]
            index = paths.index(keep) if keep in paths else min(old_index, len(paths) - 1)
        self.query_one("#iv-columns").display = bool(rows)
        listed.display = bool(rows)
        self._show_lines(index)
        empty = self.query_one("#iv-empty", Static)
        empty.update(EMPTY)
        empty.display = not rows
        self._show_detail()
        if was_dimmed != self._nothing_to_act_on():
            self.refresh_bindings()

    def _show_lines(self, index: int | None) -> None:
        """Lay the rows out for the screen's width, the row at `index` highlighted.

        The lines up to the highlighted one and a screenful after it come first; the rest
        follow once they are drawn, so a long folder shows its first rows without waiting
        for every line to be laid out.
        """
        self.layouts += 1
        listed = self.query_one(OptionList)
        if not self.rows:
            listed.clear_options()
            self.loaded.set()
            return
        room = self.size.width - LIST_FRAME
        widths = column_widths([COLUMNS, *(row.cells for row in self.rows)], room)
        self.query_one("#iv-columns", Static).update(aligned(COLUMNS, widths))
        first = (index or 0) + 1 + self.size.height
        listed.set_options(self._line(row.cells, widths) for row in self.rows[:first])
        listed.highlighted = index
        if first < len(self.rows):
            self.call_after_refresh(self._add_lines, self.layouts, first, widths)
        else:
            self.loaded.set()

    def _add_lines(self, layout: int, first: int, widths: list[int]) -> None:
        if layout != self.layouts:
            return  # laid out again meanwhile: that layout adds its own lines
        lines = (self._line(row.cells, widths) for row in self.rows[first:])
        self.query_one(OptionList).add_options(lines)
        self.loaded.set()

    @staticmethod
    def _line(cells: tuple[str, ...], widths: list[int]) -> Content:
        line = Content(aligned(cells, widths))
        return line.stylize("bold", 0, widths[0]) if cells[0] in URGENT else line

    def on_resize(self, event: events.Resize) -> None:
        # the interview's column gives up room on a narrow screen, and takes it back
        if self.rows:
            self.loaded.clear()
            self._show_lines(self.query_one(OptionList).highlighted)

    async def wait_loaded(self) -> None:
        """Wait until the list on screen shows the folder as last read."""
        await self.loaded.wait()

    def current(self) -> Row | None:
        """The highlighted row, if there is one."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def current_path(self) -> Path | None:
        """The file of the highlighted row."""
        row = self.current()
        return row.path if row else None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        # a click on a row (the enter key is the screen's binding)
        self.action_open()

    def _show_detail(self) -> None:
        detail = self.query_one("#iv-detail", Static)
        row = self.current()
        if row is None:
            detail.update("")
        elif row.draft is None:
            detail.update(
                f"{row.error or row.path}\n"
                "Fix the file in a text editor; it cannot be opened or deleted from here."
            )
        else:
            where = shown(row.path.name) + (" · open in the editor" if row.is_open else "")
            detail.update(
                f"{row.draft.title()} · {where}\n{sent_log(row.draft, self.followup.now())}"
            )

    def _nothing_to_act_on(self) -> bool:
        # Not dimmed while the folder is first read: most folders have rows, and dimming the
        # row actions meanwhile rebuilt the footer just as the first rows were drawn.
        return self.read and not self.rows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and self._nothing_to_act_on():
            return None  # shown dimmed: there is nothing to act on
        return True

    # ------------------------------------------------------------ actions

    def _readable(self, doing: str) -> Row | None:
        """The highlighted row if its file can be used, else say why not."""
        row = self.current()
        if row is None:
            return None
        if row.draft is None:
            self.notify(
                f"{shown(row.path.name)} cannot be read, so it cannot be {doing} here."
                f" Fix it in a text editor first: {row.error}",
                title="Unreadable file",
                severity="warning",
                timeout=10,
            )
            return None
        return row

    def action_open(self) -> None:
        """Open the highlighted interview in the main screen."""
        row = self._readable("opened")
        if row is None:
            return
        if row.is_open:
            self.dismiss()  # already the one being edited
            return
        self.followup.open_session(Session.open(row.path))

    def action_new(self) -> None:
        """Start a new empty interview and open it."""
        self.followup.open_new_draft(Draft(tone=self.followup.settings.default_tone))

    def action_delete(self) -> None:
        """Delete the highlighted interview's file, after asking."""
        row = self._readable("deleted")
        if row is None:
            return
        assert row.draft is not None
        if row.is_open:
            self.notify(
                "This is the open draft: open another interview first, then delete this one.",
                title="Not deleted",
                severity="warning",
            )
            return
        path = row.path

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                path.unlink()
            except FileNotFoundError:
                pass  # already gone: the refresh shows it
            except OSError as exc:
                self.notify(
                    f"cannot delete {shown(path.name)}: {exc.strerror or exc}",
                    title="Not deleted",
                    severity="error",
                )
                return
            else:
                self.notify(f"deleted {shown(path.name)}", timeout=4)
            self.refresh_rows()

        from followup_tui.app.dialogs import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog(
                f"Delete {row.draft.title()}?",
                f"The file {shown(path.name)} in {shown(path.parent)} will be removed."
                " This cannot be undone.",
                confirm="Delete",
            ),
            answer,
        )

    def _confirm_change(
        self, row: Row, question: str, detail: str, confirm: str, change: Callable[[Draft], str]
    ) -> None:
        """Ask first (a single key is easy to press by mistake), then `_change`."""
        from followup_tui.app.dialogs import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._change(row, change)

        self.app.push_screen(ConfirmDialog(question, detail, confirm=confirm), answer)

    def _change(self, row: Row, change: Callable[[Draft], str]) -> None:
        """Apply `change` to the row's draft and keep it: in the app if open, else on disk."""
        if row.is_open:
            message = change(self.followup.session.draft)
            self.followup.draft_changed()  # the main screen renders it as it comes back
        else:
            try:
                # read again, under the lock: the file may have changed since the list was
                # drawn, and a `followup-tui sent` may be writing it right now
                message = storage.update_draft(row.path, change)
            except FileFormatError as exc:
                self.notify(str(exc), title="Not recorded", severity="error", timeout=10)
                self.refresh_rows(row.path)
                return
            except OSError as exc:
                self.notify(
                    f"cannot write {shown(row.path.name)}: {exc.strerror or exc}",
                    title="Not recorded",
                    severity="error",
                )
                return
        self.notify(message, timeout=5)
        self.refresh_rows(row.path)

    def action_sent(self) -> None:
        """Record that the interview's current stage was sent now."""
        row = self._readable("changed")
        if row is None:
            return
        assert row.draft is not None
        now = self.followup.now()

        def recipients(draft: Draft) -> str:
            return ", ".join(i.email or i.name for i in draft.interviewers if i.email or i.name)

        def mark(draft: Draft) -> str:
            to = recipients(draft)
            timing.mark_sent(draft, draft.stage, now, to)
            return f"recorded: {draft.stage} sent {local_time(now, draft, now)}" + (
                f" to {to}" if to else ""
            )

        to = recipients(row.draft)
        self._confirm_change(
            row,
            f"Mark the {row.draft.stage} email of {row.draft.title()} as sent?",
            f"Records that you sent it {local_time(now, row.draft, now)}"
            + (f" to {to}." if to else ".")
            + " The next follow-up is then worked out from it.",
            "Mark sent",
            mark,
        )

    def _outcome(self, outcome: str) -> None:
        row = self._readable("changed")
        if row is None:
            return
        assert row.draft is not None
        if row.draft.outcome == outcome:
            self.notify(
                f"{row.draft.title()} is already recorded as {outcome}."
                f" To clear it: followup-tui outcome {row.path} none",
                timeout=8,
            )
            return
        now = self.followup.now()

        def record(draft: Draft) -> str:
            timing.record_outcome(draft, outcome, now)
            return f"recorded: {draft.title()} {outcome}"

        what = "a rejection" if outcome == "rejected" else "an offer"
        self._confirm_change(
            row,
            f"Record {what} for {row.draft.title()}?",
            f"The follow-ups due from now on follow from it. To clear it later: "
            f"followup-tui outcome {row.path.name} none",
            "Record",
            record,
        )

    def action_rejected(self) -> None:
        """Record that the company said no."""
        self._outcome("rejected")

    def action_offer(self) -> None:
        """Record that the company made an offer."""
        self._outcome("offer")

    def action_back(self) -> None:
        """Back to the draft being edited."""
        self.dismiss()
