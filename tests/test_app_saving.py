"""What reaches the disk when: autosave while typing, on a signal, and on quit after a failure."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp
from followup_tui.app.saving import UnsavedDialog
from followup_tui.model import Draft
from tests.app_pilot import build, wait_until


def on_disk(path: Path) -> Draft | None:
    try:
        return storage.load_draft(path)
    except Exception:
        return None


async def test_steady_typing_reaches_the_disk_while_it_goes_on(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        role = app.screen.query_one("#f-role", Input)
        role.focus()
        await pilot.press("end")
        typed = " and Platform Lead for the Analytics Group"
        saved_while_typing = ""
        # A character every 0.2 s (as a steady typist), never the pause a debounce waits for.
        for n in range(len(typed)):
            role.insert_text_at_cursor(typed[n])
            await asyncio.sleep(0.2)
            draft = on_disk(draft_path)
            if draft is not None and draft.interview.role != "Senior Data Engineer":
                saved_while_typing = draft.interview.role
                break
        assert saved_while_typing, "nothing was saved while the typing went on"
        assert n < len(typed) - 1
        assert ("Senior Data Engineer" + typed).startswith(saved_while_typing)


async def test_sigterm_saves_the_draft_before_the_app_exits(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#f-role", Input).focus()
        await pilot.press("end", *" II")
        await wait_until(pilot, lambda: app.session.draft.interview.role.endswith(" II"), "typing")
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            pytest.fail("the app does not catch SIGTERM: it would die with the text unsaved")
        os.kill(os.getpid(), signal.SIGTERM)
        await wait_until(pilot, lambda: not app.is_running, "the app to exit")
    assert storage.load_draft(draft_path).interview.role == "Senior Data Engineer II"
    assert app.return_code == 128 + signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handed back on exit


@pytest.fixture
def full_drafts_folder(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    """Saves into the drafts folder fail as on a full disk; `fix(True)` frees the space."""
    real_save = storage.save_draft
    state = {"full": True}

    def save_draft(path: Path, draft: Draft, *args: Any, **kwargs: Any) -> None:
        if state["full"] and path.parent == paths.drafts_dir():
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(path, draft, *args, **kwargs)

    monkeypatch.setattr(storage, "save_draft", save_draft)
    return lambda freed: state.update(full=not freed)


async def _type_then_quit(app: FollowupApp, pilot: Pilot[None]) -> None:
    company = app.screen.query_one("#f-company", Input)
    company.focus()
    await pilot.press("end", *" Ltd")
    await pilot.press("ctrl+q")
    await wait_until(pilot, lambda: isinstance(app.screen, UnsavedDialog), "the question")


async def test_quit_after_a_failed_save_asks_and_stay_keeps_the_text(
    draft_path: Path, full_drafts_folder: Callable[[bool], None]
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_then_quit(app, pilot)
        assert app.is_running
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, UnsavedDialog), "stay")
        assert app.screen.query_one("#f-company", Input).value == "Northwind Analytics Ltd"
        # Space comes back: quitting now saves and leaves without a question.
        full_drafts_folder(True)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert storage.load_draft(draft_path).interview.company == "Northwind Analytics Ltd"


async def test_quit_after_a_failed_save_saves_elsewhere_at_the_offered_path(
    draft_path: Path, full_drafts_folder: Callable[[bool], None], isolated_home: Path
) -> None:
    before = draft_path.read_bytes()
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_then_quit(app, pilot)
        field = app.screen.query_one("#unsaved-path", Input)
        offered = Path(field.value)
        assert offered.parent == isolated_home  # $HOME: not the folder that failed
        assert not offered.exists()
        await pilot.press("enter")  # accept the path as offered
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert storage.load_draft(offered).interview.company == "Northwind Analytics Ltd"
    assert draft_path.read_bytes() == before


async def test_quit_after_a_failed_save_can_discard_or_retry_another_path(
    draft_path: Path, full_drafts_folder: Callable[[bool], None], tmp_path: Path
) -> None:
    before = draft_path.read_bytes()
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_then_quit(app, pilot)
        field = app.screen.query_one("#unsaved-path", Input)
        field.value = str(paths.drafts_dir() / "elsewhere.toml")  # the full disk again
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert "Not saved there either" in str(app.screen.query_one("#unsaved-error").render())
        app.screen.query_one("#unsaved-discard", Button).press()
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert draft_path.read_bytes() == before
