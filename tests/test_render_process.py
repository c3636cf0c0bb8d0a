"""The live email rendered in a process of its own, as `followup-tui` renders it.

The other app tests render on a thread (the app `run` starts is the one allowed the process),
so that they can stand in for the core's functions; these allow it on purpose.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from app_pilot import build, email_body, wait_until
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui import storage
from followup_tui.app import render_process
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.practices import spelling
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


async def type_a_misspelling(pilot: Pilot[None]) -> None:
    """Misspell a word into the first topic, then wait until the checklist names it."""
    topics = pilot.app.screen.query_one("#n-topics", TextArea)
    topics.focus()
    topics.move_cursor((0, len("moving the ")))
    await pilot.press(*"recieved ")
    checklist = pilot.app.screen.query_one(Checklist)
    await wait_until(
        pilot,
        lambda: 'check the spelling of "recieved"' in checklist.prompt("polished").plain,
        "the misspelling named",
    )


async def test_the_email_and_its_checklist_follow_typing(
    draft_path: Path, in_a_process: None
) -> None:
    async with rendering_in_a_process(draft_path) as pilot:
        await add_to_company(pilot, " Ltd")
        # Judged there too, with the dictionary the process read for itself.
        await type_a_misspelling(pilot)
        assert render_process.running() is not None  # the process rendered all of that


async def test_when_the_process_cannot_start_the_app_renders_and_spells_itself(
    draft_path: Path, in_a_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Python that cannot run the render process (it exits before it is ready).
    monkeypatch.setattr(render_process, "_COMMAND", ("-c", "raise SystemExit(3)"))
    # The dictionary not read yet in this process: the app reads it once it knows.
    monkeypatch.setattr(spelling, "_checker", None)
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await add_to_company(pilot, " Ltd")
        await type_a_misspelling(pilot)
        assert render_process.running() is None


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


async def test_a_draft_longer_than_a_pipe_holds_renders_in_the_process(
    draft_path: Path, in_a_process: None
) -> None:
    # The job is written to the process as it reads, not in one go: a pipe holds 64 kB.
    draft = storage.load_draft(draft_path)
    draft.notes.resonated = "\n".join(f"the team's way of working, point {n}" for n in range(6000))
    storage.save_draft(draft_path, draft)
    assert len(pickle.dumps(draft)) > 200_000
    async with rendering_in_a_process(draft_path) as pilot:
        await add_to_company(pilot, " Ltd")
        assert render_process.running() is not None  # not given up for a thread


APP_PID = "FOLLOWUP_TUI_TEST_APP_PID"


def dies_in_the_render_process(*args: Any) -> Rendered:
    """A render that kills the process it runs in (and renders when on a thread)."""
    if os.getpid() != int(os.environ[APP_PID]):  # in the render process
        os._exit(1)
    return render_and_judge(*args)


async def test_when_the_process_dies_in_a_render_that_render_still_shows(
    draft_path: Path, in_a_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(APP_PID, str(os.getpid()))  # the render process inherits it
    async with rendering_in_a_process(draft_path) as pilot:
        # Pickled by name: the process runs this module's function, which ends it mid-render.
        monkeypatch.setattr(
            "followup_tui.app.screens.main.render_and_judge", dies_in_the_render_process
        )
        await add_to_company(pilot, " Ltd")
        assert render_process.running() is None
