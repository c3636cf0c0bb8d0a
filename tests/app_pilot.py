"""What the app tests share: the app built as the command line builds it, on a fixed clock,
and waiting for a condition with a deadline (never a fixed sleep)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from followup_tui.app.app import ClipboardBackend, FollowupApp, make_app
from followup_tui.clipboard import CopyResult
from followup_tui.model import Draft

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


def copied_nowhere(text: str) -> CopyResult:
    """A system clipboard that always works and keeps nothing."""
    return CopyResult(True, "test", "")


def build(
    path: Path | None = None, *, demo: bool = False, clipboard: ClipboardBackend = copied_nowhere
) -> FollowupApp:
    """The app on `path` (or the demo), with the clock stopped at NOW."""
    return make_app(path, demo=demo, clipboard=clipboard, clock=lambda: NOW)


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, timeout: float = 30
) -> None:
    """Let the app run until `condition` holds; fail naming `what` after `timeout` seconds
    (a generous budget for a busy machine, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        await pilot.pause(0.05)


def footer_actions(screen: Screen[Any], which: str = "") -> set[str]:
    """The actions of the keys the screen's footer shows (`which`: ".-disabled": the dimmed)."""
    # FooterKey is not exported by textual.widgets: found by its name, its `action` read as such
    return {cast(Any, key).action for key in screen.query(f"Footer FooterKey{which}")}


def email_body(app: App[Any]) -> str:
    """The email body the preview shows (the paragraphs it draws)."""
    from followup_tui.app.widgets.email_body import EmailBody

    return app.screen.query_one(EmailBody).text


def edit_on_disk(path: Path, change: Callable[[Draft], None]) -> None:
    """Change the draft's file as another window (or a hand edit) would: read, change, save."""
    from followup_tui import storage

    draft = storage.load_draft(path)
    change(draft)
    storage.save_draft(path, draft)
