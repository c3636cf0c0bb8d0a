"""The live email rendered in a process of its own, as `followup-tui` renders it.

The other app tests render on a thread (the app `run` starts is the one allowed the process),
so that they can stand in for the core's functions; these allow it on purpose.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_pilot import build, email_body, wait_until
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.app import render_process
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.review import Rendered, render_and_judge


@pytest.fixture
def in_a_process() -> Iterator[None]:
    render_process.allow()
    yield
    render_process.stop()


async def process_ready(pilot: Pilot[None]) -> None:
    """The app starts its render process once its first email is shown; wait for it."""
    await wait_until(pilot, lambda: render_process.pool() is not None, "the render process")


async def test_the_email_and_its_checklist_follow_typing(
    draft_path: Path, in_a_process: None
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await process_ready(pilot)
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", *" Ltd")
        await wait_until(pilot, lambda: "Northwind Analytics Ltd" in email_body(app), "the email")
        # Judged there too, with the dictionary the process read for itself.
        topics = app.screen.query_one("#n-topics", TextArea)
        topics.focus()
        topics.move_cursor((0, 0))
        await pilot.press(*"we recieved ", "enter")
        checklist = app.screen.query_one(Checklist)
        await wait_until(
            pilot, lambda: "recieved" in checklist.prompt("polished").plain, "the misspelling"
        )
        assert render_process.pool() is not None  # it was the process that did all that


async def test_when_the_process_dies_the_email_still_follows_typing(
    draft_path: Path, in_a_process: None
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await process_ready(pilot)
        for child in multiprocessing.active_children():
            child.kill()
            child.join(10)
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        for key in " Ltd":
            await pilot.press("end", key)
        await wait_until(pilot, lambda: "Northwind Analytics Ltd" in email_body(app), "the email")
        assert render_process.pool() is None  # rendered on a thread since
        await pilot.press(*" Co")
        await wait_until(
            pilot, lambda: "Northwind Analytics Ltd Co" in email_body(app), "the next email"
        )


def dies_in_the_render_process(*args: Any) -> Rendered:
    """A render that kills the process it runs in (and renders when on a thread)."""
    if multiprocessing.parent_process() is not None:
        os._exit(1)
    return render_and_judge(*args)


async def test_when_the_process_dies_in_a_render_that_render_still_shows(
    draft_path: Path, in_a_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await process_ready(pilot)
        # Pickled by name: the process runs this module's function, which ends it mid-render.
        monkeypatch.setattr(
            "followup_tui.app.screens.main.render_and_judge", dies_in_the_render_process
        )
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", *" Ltd")
        await wait_until(pilot, lambda: "Northwind Analytics Ltd" in email_body(app), "the email")
        assert render_process.pool() is None
