"""Ctrl+O: every interview in the drafts folder, the follow-up due soonest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from followup_tui import storage, timing
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft
from followup_tui.session import Session
from followup_tui.text import shown

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

# The interview comes second so that it stays in view on an 80-column terminal.
COLUMNS = ("State", "Interview", "Next", "When due", "Interviewed")
EMPTY = "No interviews yet: press n to start one"
# Long cells (a title, an error) are cut here; the line under the table shows them whole.
CELL_MAX = 40
# Actions that need a highlighted row; with an empty list they are shown dimmed.
ROW_ACTIONS = frozenset({"open", "delete", "sent", "rejected", "offer"})


@dataclass
class Row:
    """One file of the drafts folder as the list shows it."""

    path: Path
    draft: Draft | None  # None: the file could not be read
    error: FileFormatError | None = None
    is_open: bool = False  # the draft the app is editing: its in-memory version is shown


def _same_file(a: Path | None, b: Path) -> bool:
    return a is not None and a.resolve() == b.resolve()


def _cut(text: str) -> str:
    return text if len(text) <= CELL_MAX else text[: CELL_MAX - 1] + "…"


def _at(dt: datetime, draft: Draft, now: datetime) -> str:
    """A time shown in the interview's own zone, like the rest of the timing."""
    when = draft.interview.when
    zone = when.tzinfo if when is not None else None
    return timing.format_time(dt.astimezone(zone), now)


def sent_log(draft: Draft, now: datetime) -> str:
    """What the user says they sent, oldest first, and the company's answer."""
    sent = [
        f"{s.stage} sent {_at(s.at, draft, now)}" + (f" to {s.to}" if s.to else "")
        for s in sorted(draft.sent, key=lambda s: s.at)
    ]
    lines = ["Sent: " + ("; ".join(sent) if sent else "nothing sent yet")]
    if draft.outcome:
        at = f" {_at(draft.outcome_at, draft, now)}" if draft.outcome_at else ""
        lines.append(f"Outcome: {draft.outcome}{at}")
    else:
        lines.append("Outcome: no answer yet")
    return "\n".join(lines)


class InterviewsScreen(Screen[None]):
    """All interviews with their next follow-up; open, start, delete, or log what happened."""

    BINDINGS = [
        # priority: the table's own enter would otherwise hide "Open" from the footer
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

    @property
    def followup(self) -> FollowupApp:
        """The app, with its session and settings."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        yield Static(EMPTY, id="iv-empty", markup=False)
        table: DataTable[Text] = DataTable(id="iv-table", cursor_type="row", zebra_stripes=True)
        for label in COLUMNS:
            table.add_column(label, key=label.lower())
        yield table
        yield Static("", id="iv-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        # The rows are read when the screen resumes, which Textual also sends when the screen
        # is first shown: reading them here too read the whole folder twice.
        self.sub_title = "Interviews"
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        # shown, or back from help, the profile or a dialog: the folder may have changed
        if self.is_mounted:
            self.refresh_rows(self.current_path())

    # ------------------------------------------------------------ the list

    def _load_rows(self) -> list[Row]:
        session = self.followup.session
        rows = []
        for entry in storage.iter_drafts():
            is_open = _same_file(session.path, entry.path) and not session.read_only
            draft = session.draft if is_open else entry.draft
            rows.append(Row(entry.path, draft, entry.error, is_open))
        now = self.followup.now()
        good = [r for r in rows if r.draft is not None]
        good.sort(key=lambda r: timing.due_sort_key(cast(Draft, r.draft), now))
        return good + [r for r in rows if r.draft is None]

    def _cells(self, row: Row, now: datetime) -> tuple[Text, ...]:
        if row.draft is None:
            reason = row.error.reason if row.error else "cannot be read"
            if row.error and row.error.line:
                reason = f"line {row.error.line}: {reason}"
            cells = ("unread", _cut(shown(row.path.name)), "-", _cut(reason), "-")
            return tuple(Text(c) for c in cells)
        draft = row.draft
        window = timing.next_follow_up(draft, now)
        when = draft.interview.when
        if when is None:
            state, label, due = "no date", "-", "set the interview time"
        elif window is None:
            state, label, due = "done", "-", "nothing left to send"
        else:
            state, label, due = window.state, window.label, timing.describe(window, now)
        title = _cut(draft.title()) + (" (open)" if row.is_open else "")
        interviewed = timing.format_time(when, now) if when is not None else "-"
        return (
            Text(state, style="bold" if state in ("due", "overdue") else ""),
            Text(title),
            Text(label),
            Text(due),
            Text(interviewed),
        )

    def refresh_rows(self, keep: Path | None = None) -> None:
        """Re-read the folder and redraw, keeping the cursor on `keep` (or where it was)."""
        table = self.query_one(DataTable)
        old_index = table.cursor_row
        self.rows = self._load_rows()
        now = self.followup.now()
        table.clear()
        for row in self.rows:
            table.add_row(*self._cells(row, now), key=str(row.path))
        empty = not self.rows
        table.display = not empty
        self.query_one("#iv-empty").display = empty
        if not empty:
            paths = [r.path for r in self.rows]
            index = paths.index(keep) if keep in paths else min(old_index, len(paths) - 1)
            table.move_cursor(row=max(index, 0))
        self._show_detail()
        self.refresh_bindings()

    def current(self) -> Row | None:
        """The highlighted row, if there is one."""
        table = self.query_one(DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def current_path(self) -> Path | None:
        """The file of the highlighted row."""
        row = self.current()
        return row.path if row else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        # a click on the highlighted row (the enter key is the screen's binding)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and not self.rows:
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
        draft = Draft(tone=self.followup.settings.default_tone)
        path = storage.new_draft_path(draft)
        try:
            storage.save_draft(path, draft)
        except OSError as exc:
            self.notify(
                f"cannot create {shown(path)}: {exc.strerror or exc}",
                title="Not created",
                severity="error",
            )
            return
        self.followup.open_session(Session.open(path))

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
            return f"recorded: {draft.stage} sent {_at(now, draft, now)}" + (
                f" to {to}" if to else ""
            )

        to = recipients(row.draft)
        self._confirm_change(
            row,
            f"Mark the {row.draft.stage} email of {row.draft.title()} as sent?",
            f"Records that you sent it {_at(now, row.draft, now)}"
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
