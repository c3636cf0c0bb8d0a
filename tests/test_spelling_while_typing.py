"""The word being typed is judged once it is left or typing pauses, not at every key.

Each key of a word makes a new one ("stre", "strea"...), and many are a letter from an
everyday word: judged at once, the checklist would warn about each in turn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_pilot import build, email_body, wait_until
from textual.pilot import Pilot
from textual.widgets import TextArea

from followup_tui.app import pause
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.model import Draft, Email, Interview
from followup_tui.practices import evaluate
from followup_tui.practices.spelling import word_at

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BODY = (
    "Dear Priya,\n\nThank you for the interview today. I enjoyed hearing how your team moved "
    "the nightly jobs to streaming. I have {word} the brief.\n\nCould you tell me about the "
    "next steps?\n\nBest regards,\nAlex Morgan"
)


@pytest.mark.parametrize(
    ("line", "column", "word"),
    [
        ("I have reci", 11, "reci"),  # at its end, as it is typed
        ("I have recieved it", 10, "recieved"),  # the cursor inside it
        ("I have recieved it", 7, "recieved"),  # the cursor at its start
        ("I have ", 7, ""),  # a space typed: the word before is left
        ("the brief.", 10, ""),
        ("I don't", 7, "don't"),
        ("'quoted'", 8, "quoted"),
        ("well-kno", 8, "kno"),
        ("", 0, ""),
    ],
)
def test_the_word_at_the_cursor(line: str, column: int, word: str) -> None:
    assert word_at(line, column) == word


def polished(body: str, unfinished: str = "", company: str = "Northwind") -> str:
    draft = Draft(interview=Interview(company=company, role="Data Engineer"))
    email = Email(to="", subject="Thank you - Data Engineer", body=body, stage="thank-you")
    results = evaluate(email, draft=draft, now=NOW, unfinished=unfinished)
    return next(r.reason for r in results if r.id == "polished")


def test_spelling_leaves_the_word_being_typed_and_only_that_word() -> None:
    typed = BODY.format(word="recieved")
    assert polished(typed) == 'check the spelling of "recieved"'
    assert "recieved" not in polished(typed, unfinished="recieved")
    # Another slip in the email is still named.
    assert polished(typed.replace("enjoyed", "realy enjoyed"), unfinished="recieved") == (
        'check the spelling of "realy"'
    )


def test_a_name_being_typed_is_not_a_misspelling_of_it_yet() -> None:
    typed = BODY.format(word="read").replace("your team", "the Northwi team")
    assert polished(typed) == '"Northwi" looks like a misspelling of "Northwind"'
    assert "Northwi" not in polished(typed, unfinished="Northwi")


@asynccontextmanager
async def misspelt_at_a_topic_s_end(draft_path: Path) -> AsyncIterator[Pilot[None]]:
    """The app with " recieved" typed at the end of the first topic, the cursor after it."""
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        topics = app.screen.query_one("#n-topics", TextArea)
        topics.focus()
        topics.move_cursor((0, len(topics.document.get_line(0))))
        await pilot.press(*" recieved")
        yield pilot


def named(pilot: Pilot[None]) -> bool:
    """Whether the checklist names the misspelling."""
    checklist = pilot.app.screen.query_one(Checklist)
    return 'check the spelling of "recieved"' in checklist.prompt("polished").plain


async def test_in_the_app_a_word_is_judged_once_the_cursor_leaves_it(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No pause in typing long enough to judge the word comes during this test.
    monkeypatch.setattr(pause, "WORD_PAUSE", 600)
    async with misspelt_at_a_topic_s_end(draft_path) as pilot:
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        await main.wait_rendered()
        assert "recieved" in email_body(pilot.app)  # the email on screen has it
        assert not named(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: named(pilot), "the word named once a space follows it")


async def test_in_the_app_a_word_is_judged_once_typing_pauses(draft_path: Path) -> None:
    async with misspelt_at_a_topic_s_end(draft_path) as pilot:
        # Nothing typed after it: the pause alone has it judged.
        await wait_until(pilot, lambda: named(pilot), "the word named once typing pauses")
