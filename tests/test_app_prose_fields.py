"""The form's fields for a note per interviewer and an answer per concern reach the email."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui import storage
from followup_tui.app.app import FollowupApp, make_app
from tests.app_pilot import email_body

NOW = datetime(2025, 11, 18, 15, 0, tzinfo=UTC)


def _body(app: FollowupApp) -> str:
    return email_body(app)


async def _wait_for(pilot: Pilot[None], check: object, seconds: float = 10.0) -> None:
    """Pause until `check()` is true, or fail after a deadline (the machine may be busy)."""
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting for the preview"
        await pilot.pause(0.02)


async def test_a_note_for_one_interviewer_reaches_their_email(draft_path: Path) -> None:
    app = make_app(draft_path, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(pilot, lambda: bool(app.screen.query("#iv-0-notes")))
        field = app.screen.query_one("#iv-0-notes", Input)
        field.focus()
        await pilot.press(*"we compared the zebra and okapi pipelines")
        await _wait_for(pilot, lambda: "the zebra and okapi pipelines" in _body(app))
        assert app.session.draft.interviewers[0].notes == (
            "we compared the zebra and okapi pipelines"
        )
        # the lead-in is dropped: the email holds the phrase, not "about we compared"
        assert "we compared" not in _body(app)
        await pilot.press("ctrl+s")
        await _wait_for(pilot, lambda: "okapi" in draft_path.read_text(encoding="utf-8"))
    assert storage.load_draft(draft_path).interviewers[0].notes.endswith("okapi pipelines")


async def test_an_answer_to_the_concern_replaces_the_offer_to_talk(draft_path: Path) -> None:
    draft = storage.load_draft(draft_path)
    draft.notes.answers = ""  # the demo answers its concern: start from none
    storage.save_draft(draft_path, draft)
    app = make_app(draft_path, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(pilot, lambda: bool(app.screen.query("#n-answers")))
        await _wait_for(pilot, lambda: "Kafka" in _body(app))
        assert "talk that through" in _body(app)
        answer = app.screen.query_one("#n-answers", TextArea)
        answer.focus()
        await pilot.press(*"i ran a kafka cluster for a side project last year")
        await _wait_for(pilot, lambda: "side project" in _body(app))
        assert "I ran a kafka cluster for a side project last year." in _body(app)
        assert "talk that through" not in _body(app)
