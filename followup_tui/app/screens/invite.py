"""The palette's "new: from invite": ask for the .ics file, then which event and whether an
attendee the title names is the user; the reading itself is `followup_tui.invite`."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.errors import FileFormatError
from followup_tui.invite import InviteEvent, describe_event, read_invite, without
from followup_tui.text import shown

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

# A folder this full is not listed for suggestions: the listing would hold up the typing.
MAX_LISTED = 5000


def invitation_files() -> list[str]:
    """.ics files in the current folder and ~/Downloads, newest first, as a user types them."""
    home = Path.home()
    found: list[tuple[float, str]] = []
    for folder, prefix in ((Path.cwd(), ""), (home / "Downloads", "~/Downloads/")):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.lower().endswith(".ics") and entry.is_file():
                        found.append((entry.stat().st_mtime, prefix + entry.name))
        except OSError:
            continue
    return [name for _, name in sorted(found, reverse=True)]


def complete_path(typed: str) -> str | None:
    """The first .ics file (newest first), else folder, whose path starts with `typed`."""
    head, sep, stem = typed.rpartition("/")
    folder = Path(head + sep or ".").expanduser()
    files: list[tuple[float, str]] = []
    folders: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count > MAX_LISTED:
                    return None
                if not entry.name.startswith(stem) or entry.name == stem:
                    continue
                if entry.name.startswith(".") and not stem.startswith("."):
                    continue
                if entry.is_dir():
                    folders.append(entry.name + "/")
                elif entry.name.lower().endswith(".ics"):
                    files.append((entry.stat().st_mtime, entry.name))
    except OSError:
        return None
    names = [name for _, name in sorted(files, reverse=True)] + sorted(folders)
    return head + sep + names[0] if names else None


class IcsPathSuggester(Suggester):
    """Suggests the .ics files found in the usual places, then completes any typed path."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # the disk changes
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        for name in self.known:
            if name.startswith(value) and name != value:
                return name
        return await asyncio.to_thread(complete_path, value)


class InviteFileDialog(ModalScreen[tuple[Path, list[InviteEvent]] | None]):
    """Asks for an .ics file and reads it; stays open with the reason when it cannot be read."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, me: tuple[str, ...]) -> None:
        super().__init__(classes="dialog", id="invite-file")
        self.me = me

    def compose(self) -> ComposeResult:
        found = invitation_files()
        where = f"found: {', '.join(found[:3])}" if found else "none in this folder or ~/Downloads"
        with Vertical(classes="dialog-box"):
            yield Label("New interview from its calendar invitation", classes="dialog-question")
            yield Label(
                "The .ics file saved from the invitation email or your calendar"
                f" ({where}; → takes a suggestion):",
                classes="dialog-detail",
                markup=False,
            )
            yield Input(
                placeholder=found[0] if found else "~/Downloads/invite.ics",
                id="invite-path",
                suggester=IcsPathSuggester(found),
            )
            yield Label("", id="invite-status", classes="dialog-detail", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Read it", id="yes", variant="primary")
                yield Button("Cancel", id="no")

    @on(Input.Submitted)
    @on(Button.Pressed, "#yes")
    def _read(self) -> None:
        text = self.query_one("#invite-path", Input).value.strip()
        if not text:
            self._say("Type the path of the .ics file first.", error=True)
            return
        self._say("Reading the invitation…")
        self._read_file(Path(text).expanduser())

    @on(Button.Pressed, "#no")
    def _cancel(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, group="invite-read")
    async def _read_file(self, path: Path) -> None:
        # off the UI thread: a slow disk, and the calendar library takes a moment to load
        try:
            events = await asyncio.to_thread(read_invite, path, me=self.me)
        except FileFormatError as exc:
            self._say(str(exc), error=True)
            return
        if all(event.all_day for event in events):
            try:
                events[0].to_draft(path)  # the message that says why
            except FileFormatError as exc:
                self._say(str(exc), error=True)
            return
        self.dismiss((path, events))

    def _say(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#invite-status", Label)
        status.update(message)
        status.set_class(error, "-error")


class EventChoice(ModalScreen[int | None]):
    """Which event of an invitation that holds several; dismisses with its index."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, path: Path, events: list[InviteEvent], lines: list[str]) -> None:
        super().__init__(classes="dialog", id="invite-event")
        self.path = path
        self.events = events
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(
                f"{self.path.name} holds {len(self.lines)} events: which interview is it?",
                classes="dialog-question",
                markup=False,
            )
            yield OptionList(
                *(
                    # an all-day event has no time to follow up from: it cannot be picked
                    Option(line, disabled=event.all_day)
                    for line, event in zip(self.lines, self.events, strict=True)
                ),
                id="invite-events",
                markup=False,
            )
            yield Label("enter picks it, escape cancels", classes="dialog-detail")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.action_first()  # highlighted, so enter picks it and down goes to the next
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)


def new_from_invite(app: FollowupApp) -> None:
    """Read an .ics file, ask what it cannot tell, create the draft and open it."""
    # a worker, so that each question can wait for its answer (push_screen_wait)
    app.run_worker(_new_from_invite(app), group="invite", exclusive=True)


async def _new_from_invite(app: FollowupApp) -> None:
    from followup_tui.app.dialogs import ConfirmDialog

    profile = app.profile
    me = tuple(m for m in (profile.email, profile.name) if m.strip())
    answer = await app.push_screen_wait(InviteFileDialog(me))
    if answer is None:
        return
    path, events = answer
    event = events[0]
    if len(events) > 1:
        lines = [describe_event(e, app.now()) for e in events]
        picked = await app.push_screen_wait(EventChoice(path, events, lines))
        if picked is None:
            return
        event = events[picked]
    you = event.maybe_you
    if you is not None:
        address = f" <{you.email}>" if you.email else ""
        is_you = await app.push_screen_wait(
            ConfirmDialog(
                f"Is {you.name}{address} you?",
                "The invitation's title names them, and your profile's email is not among the"
                " attendees. If it is you, they are left out of the interviewers.",
                confirm="That is me",
                cancel="Not me",
            )
        )
        if is_you:
            event = without(event, you)
    create_and_open(app, path, event)


def create_and_open(app: FollowupApp, path: Path, event: InviteEvent) -> None:
    """Save the open draft, write the event's draft to a new file and open it there."""
    try:
        draft = event.to_draft(path, tone=app.settings.default_tone)
    except FileFormatError as exc:
        app.notify(str(exc), title="Not created", severity="error", timeout=12)
        return
    session = app.session
    if session.dirty and not session.ephemeral and not app.save_draft(quiet=True):
        # its text stays open here; the failure itself was said by the save
        app.notify(
            "The new interview was not created: the open draft could not be saved first.",
            title="Not created",
            severity="error",
            timeout=12,
        )
        return
    if not app.open_new_draft(draft):
        return
    notes = [f"Read from {shown(path.name)}."]
    if missing := event.missing():
        notes.append(f"The invitation does not say the {' or the '.join(missing)}: fill it in.")
    if not event.recognised_you and event.interviewers:
        notes.append("No attendee has your profile's email (f2), so all are kept as interviewers.")
    app.notify(" ".join(notes), title="New interview", timeout=10)
