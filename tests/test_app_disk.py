"""The app and the draft's file: changes made elsewhere are merged in; the demo is never saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from followup_tui import listing, paths, storage
from followup_tui.cli import main as cli_main
from followup_tui.merge import CONFLICT_MARK
from tests.app_pilot import NOW, build, edit_on_disk, wait_until

Notifications = Callable[[Any], list[str]]


async def test_sent_while_open_is_merged_and_later_edits_stay_in_the_one_draft(
    draft_path: Path, notifications: Notifications
) -> None:
    """Issue 10 item 6: `sent` from a shell while the app has the draft open."""
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert cli_main(["sent", str(draft_path), "--at", NOW.isoformat()]) == 0
        await wait_until(pilot, lambda: len(app.session.draft.sent) == 1, "the app sees it")
        assert any("changed elsewhere" in n for n in seen), seen
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", *" Ltd")
        await wait_until(pilot, lambda: not app.session.dirty, "autosave")
        assert company.has_focus  # the merge did not take the field away
        await pilot.press("ctrl+q")
    on_disk = storage.load_draft(draft_path)
    assert on_disk.interview.company == "Northwind Analytics Ltd"
    assert [s.stage for s in on_disk.sent] == ["thank-you"]
    assert [e.path for e in listing.list_drafts()] == [draft_path]


async def test_a_text_changed_on_both_sides_shows_both_in_the_form(
    draft_path: Path, notifications: Notifications
) -> None:
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        area = app.screen.query_one("#n-missed", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press(*" too")  # typed here, not yet saved...
        # ...while a hand edit changes the same note
        edit_on_disk(draft_path, lambda d: setattr(d.notes, "missed", "the hand-edited note"))
        await wait_until(pilot, lambda: CONFLICT_MARK in area.text, "both texts in the field")
        assert area.text.startswith(app.session.draft.notes.missed.split("\n")[0])
        assert "the hand-edited note" in area.text and "maintain too" in area.text
        assert any("both texts kept" in n for n in seen), seen
        await pilot.press("ctrl+q")
    saved = storage.load_draft(draft_path).notes.missed
    assert "the hand-edited note" in saved and "maintain too" in saved
    assert [e.path for e in listing.list_drafts()] == [draft_path]


async def test_ctrl_s_in_the_demo_saves_nothing_among_the_drafts(
    isolated_home: Path, notifications: Notifications
) -> None:
    """Issue 10 item 21: the demo never becomes one of the user's drafts."""
    app = build(demo=True)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", "!")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: any("demo" in n for n in seen), "a notice")
        await pilot.press("ctrl+q")
    drafts = paths.drafts_dir()
    assert not drafts.exists() or list(drafts.iterdir()) == []
