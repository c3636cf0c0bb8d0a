"""The live email rendered in a process of its own, as `followup-tui` renders it.

The other app tests render on a thread (the app `run` starts is the one allowed the process),
so that they can stand in for the core's functions; these allow it on purpose.
"""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
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


@asynccontextmanager
async def rendering_in_a_process(path: Path) -> AsyncIterator[Pilot[None]]:
    """The app on `path`, once it has started its render process (after its first email)."""
    app = build(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: render_process.running() is not None, "the render process")
        yield pilot


async def add_to_company(pilot: Pilot[None], text: str) -> None:
    """Type `text` after the company's name, then wait until the email has the new name."""
    company = pilot.app.screen.query_one("#f-company", Input)
    company.focus()
    await pilot.press("end", *text)
    name = company.value
    await wait_until(pilot, lambda: name in email_body(pilot.app), f"the email to {name}")


async def test_the_email_and_its_checklist_follow_typing(
    draft_path: Path, in_a_process: None
) -> None:
    async with rendering_in_a_process(draft_path) as pilot:
        app = pilot.app
        await add_to_company(pilot, " Ltd")
        # Judged there too, with the dictionary the process read for itself.
        topics = app.screen.query_one("#n-topics", TextArea)
        topics.focus()
        topics.move_cursor((0, 0))
        await pilot.press(*"we recieved ", "enter")
        checklist = app.screen.query_one(Checklist)
        await wait_until(
            pilot, lambda: "recieved" in checklist.prompt("polished").plain, "the misspelling"
        )
        assert render_process.running() is not None  # the process rendered all of that


async def test_when_the_process_dies_the_email_still_follows_typing(
    draft_path: Path, in_a_process: None
) -> None:
    async with rendering_in_a_process(draft_path) as pilot:
        process = render_process.running()
        assert process is not None
        os.kill(process.pid, signal.SIGKILL)
        await add_to_company(pilot, " Ltd")
        assert render_process.running() is None  # rendered on a thread since
        await add_to_company(pilot, " Co")


def dies_in_the_render_process(*args: Any) -> Rendered:
    """A render that kills the process it runs in (and renders when on a thread)."""
    if render_process.serving:
        os._exit(1)
    return render_and_judge(*args)


async def test_when_the_process_dies_in_a_render_that_render_still_shows(
    draft_path: Path, in_a_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with rendering_in_a_process(draft_path) as pilot:
        # Pickled by name: the process runs this module's function, which ends it mid-render.
        monkeypatch.setattr(
            "followup_tui.app.screens.main.render_and_judge", dies_in_the_render_process
        )
        await add_to_company(pilot, " Ltd")
        assert render_process.running() is None
