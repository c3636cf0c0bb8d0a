"""Snapshots of what the user sees: review the SVGs in tests/__snapshots__ after a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.clipboard import CopyResult
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Settings

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")
Compare = Callable[..., bool]


def no_clipboard(text: str) -> CopyResult:
    return CopyResult(False, "", "not in tests")


def app_on(draft_edit: Callable[[Any], None] | None = None) -> FollowupApp:
    draft = demo_draft(NOW)
    if draft_edit:
        draft_edit(draft)
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, draft)
    storage.save_settings(Settings(profile=demo_profile()))
    return make_app(path, clipboard=no_clipboard, clock=lambda: NOW)


async def steady(pilot: Pilot[None]) -> None:
    """Freeze cursor blink so the picture does not depend on when it was taken."""
    app = pilot.app
    assert isinstance(app, FollowupApp)
    await app.main.wait_rendered()
    for widget in pilot.app.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False
    await pilot.pause(0.1)


def test_main_screen_wide(snap_compare: Compare) -> None:
    assert snap_compare(app_on(), terminal_size=(120, 40), run_before=steady)


def test_main_screen_narrow(snap_compare: Compare) -> None:
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=steady)


def test_checklist_with_mixed_statuses(snap_compare: Compare) -> None:
    def rough(draft: Any) -> None:
        draft.notes.concerns = "my Kafka experience"
        draft.notes.missed = ""
        draft.interview.when = datetime.fromisoformat("2026-11-17T09:00:00+00:00")

    async def checklist_tab(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.click("#tab-checklist-pane")
        await pilot.pause(0.1)

    assert snap_compare(app_on(rough), terminal_size=(80, 24), run_before=checklist_tab)


def test_help_screen(snap_compare: Compare) -> None:
    assert snap_compare(app_on(), terminal_size=(120, 40), press=["f1"], run_before=steady)


@pytest.fixture(autouse=True)
def _no_stray_home(isolated_home: Path) -> None:
    assert str(paths.drafts_dir()).startswith(str(isolated_home))
