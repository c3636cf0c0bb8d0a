"""What the command palette offers on the main screen: the email's commands, the switches
of stage, tone and interviewer, and the hand-off. Each runs one of the screen's actions or
sets one of its reactives, so the screen stays the one owner of what is edited."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.notes import NotesForm
from followup_tui.model import STAGES
from followup_tui.review import recipients

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


def app_commands(app: FollowupApp) -> Iterator[SystemCommand]:
    """The palette's commands of every screen: saving, the other screens."""
    yield SystemCommand("save: now", "Save the draft (ctrl+s)", app.action_save)
    yield SystemCommand(
        "interviews: list", "All interviews, due soonest first", app.action_interviews
    )
    yield SystemCommand(
        "new: from invite",
        "A new interview read from its calendar invitation (.ics file)",
        app.action_new_from_invite,
    )
    yield SystemCommand("profile: edit", "Name, contact, sign-off", app.action_profile)
    yield SystemCommand("help: keys", "Every key (f1)", app.action_help)


def main_commands(screen: MainScreen) -> Iterator[SystemCommand]:
    """The palette's commands that act on the email on the main screen."""
    copy = screen.action_copy_email
    yield SystemCommand("copy: email", "Subject line, blank line, body", copy)
    yield SystemCommand("copy: body", "Just the body", partial(copy, "body"))
    yield SystemCommand("copy: subject", "Just the subject", partial(copy, "subject"))
    yield SystemCommand("email: edit / back to notes", "ctrl+e", screen.action_toggle_edit)
    yield SystemCommand(
        "email: regenerate from notes", "Asks first if edited", screen.action_regenerate
    )
    yield SystemCommand("email: open in $EDITOR", "Edits come back", screen.action_open_editor)
    notes = screen.query_one(NotesForm)
    add, remove = "add_interviewer", "remove_interviewer"
    yield SystemCommand(
        "interviewer: add", "A new row in the notes (f3)", partial(notes.run_action, add)
    )
    yield SystemCommand(
        "interviewer: remove",
        "The one whose fields have the focus (f4)",
        partial(notes.run_action, remove),
    )
    for stage in STAGES:
        switch = partial(setattr, screen, "stage", stage)
        yield SystemCommand(f"stage: {stage}", "Switch the follow-up stage", switch)
    for tone in screen.tone_choices():
        yield SystemCommand(
            f"tone: {tone}", "Switch the tone", partial(setattr, screen, "tone", tone)
        )
    for label, index in recipients(screen.session.draft):
        yield SystemCommand(
            f"to: {label}",
            "Switch to this interviewer's email",
            partial(setattr, screen, "interviewer", index),
        )
    yield from _handoff_commands(screen)


def _handoff_commands(screen: MainScreen) -> Iterator[SystemCommand]:
    """Exports, the sent log and the outcome (`followup_tui.app.handoff`)."""
    export = screen.action_export
    yield SystemCommand(
        "export: .eml draft", "For neomutt -H, aerc, desktop mail", partial(export, "eml")
    )
    yield SystemCommand(
        "export: mailto link", "Open in the mail program", partial(export, "mailto")
    )
    yield SystemCommand(
        "export: .ics reminder", "The next follow-up in your calendar", partial(export, "ics")
    )
    yield SystemCommand(
        f"sent: mark {screen.stage} as sent", "Adds it to the sent log", screen.action_mark_sent
    )
    outcome = screen.action_record_outcome
    yield SystemCommand(
        "outcome: rejected", "Feedback and keep-in-touch become due", partial(outcome, "rejected")
    )
    yield SystemCommand("outcome: offer", "Congratulations", partial(outcome, "offer"))
    yield SystemCommand("outcome: clear", "No outcome yet", partial(outcome, ""))
