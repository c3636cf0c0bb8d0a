"""Hostile input typed or pasted into the app (issue 11, items 1 and 10): control characters
never reach the draft or the screen, and an interviewer's email field holds one address.
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input, Label, TextArea

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Settings

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")
HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]0;owned\x07\x1b[2J\x9b2J"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def saved_draft() -> Path:
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    storage.save_settings(Settings(profile=demo_profile()))
    return path


async def settle(pilot: Any, condition: Any, what: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def test_a_paste_with_terminal_commands_is_cleaned_in_fields_and_notes() -> None:
    app: FollowupApp = make_app(saved_draft(), clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end")
        company.post_message(events.Paste(f" Labs{HOSTILE}"))
        topics = app.screen.query_one("#n-topics", TextArea)
        await settle(pilot, lambda: "Labs" in company.value, "the paste in the field")
        topics.focus()
        topics.post_message(events.Paste(f"\nsecurity{HOSTILE} review\nand more"))
        await settle(pilot, lambda: "security" in topics.text, "the paste in the note")
        await settle(
            pilot,
            lambda: (
                "security" in app.session.draft.notes.topics
                and "Labs" in app.session.draft.interview.company
                # the fields are cleaned as their change is handled, just after the paste lands
                and not CONTROL.search(company.value)
                and not CONTROL.search(topics.text.replace("\n", ""))
            ),
            "the draft took the pastes",
        )
        assert not CONTROL.search(company.value)
        assert not CONTROL.search(topics.text.replace("\n", ""))
        assert "security]52;c;cm0gLXJmIH4=]0;owned[2J2J review\nand more" in topics.text
        draft = app.session.draft
        assert not CONTROL.search(draft.interview.company + draft.notes.topics.replace("\n", ""))
        email = app.main.current_email()
        assert not CONTROL.search(email.subject + email.body.replace("\n", ""))
        # what the terminal is sent: nothing of the paste's commands
        assert "\x1b]52" not in app.export_screenshot()
        await pilot.press("ctrl+q")


async def test_an_email_field_takes_one_address() -> None:
    app: FollowupApp = make_app(saved_draft(), clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        field = app.screen.query_one("#iv-0-email", Input)
        good = app.session.draft.interviewers[0].email
        error = app.screen.query_one("#field-error", Label)
        for bad in (f"{good}, eve@evil.example", f"{good}?bcc=eve@evil.example", "Bcc: e@x.y"):
            field.value = bad
            await settle(pilot, lambda: field.has_class("-invalid"), f"{bad!r} flagged")
            assert "Email:" in str(error.content)
            assert app.session.draft.interviewers[0].email == good
            assert "eve@evil.example" not in app.main.current_email().to
        field.value = "priya@example.org"
        await settle(
            pilot,
            lambda: app.session.draft.interviewers[0].email == "priya@example.org",
            "a good address is taken",
        )
        assert not field.has_class("-invalid")
        await pilot.press("ctrl+q")
