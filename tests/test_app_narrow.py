"""Below 110 columns the panes are tabs, and the screen and the help say how to switch."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.help import HelpScreen
from tests.app_pilot import build


def shown(app: FollowupApp) -> list[str]:
    panes = ("notes-pane", "checklist-pane", "preview-pane")
    return [p for p in panes if app.screen.query_one(f"#{p}").display]


async def test_narrow_screen_says_how_to_switch_tabs_and_f6_does(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = app.screen.query_one("#notes-pane")
        assert "f6 next tab" in str(notes.border_title)
        footer_keys = {
            key: b.binding.description
            for key, b in app.screen.active_bindings.items()
            if app.screen.check_action(b.binding.action, ()) is True
        }
        assert footer_keys.get("f6") == "Next tab"
        assert shown(app) == ["notes-pane"]
        await pilot.press("f6")
        assert shown(app) == ["checklist-pane"]
        assert app.focused is not None and app.focused.id == "checklist"
        await pilot.press("f6")
        assert shown(app) == ["preview-pane"]
        await pilot.press("f6")
        assert shown(app) == ["notes-pane"]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        intro = str(app.screen.query_one(".help-intro", Static).content)
        assert "left" not in intro and "right" not in intro
        assert "f6" in intro


async def test_wide_screen_has_no_tab_hint(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)):
        assert app.screen.query_one("#notes-pane").border_title == "Interview notes"
        assert app.screen.check_action("next_pane", ()) is False


async def test_f6_leaves_a_text_area_too(draft_path: Path) -> None:
    # TextArea binds f6 to selecting a line: in the notes (a TextArea) the key
    # must still move to the next tab.
    app = build(draft_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#n-topics").focus()
        await pilot.press("f6")
        assert shown(app) == ["checklist-pane"]
        await pilot.press("f6")
        assert shown(app) == ["preview-pane"]
        assert app.focused is not None and app.focused.id == "p-body"
        await pilot.press("f6")
        assert shown(app) == ["notes-pane"]


async def test_f6_round_the_tabs_brings_the_keys_back_to_the_field_left(draft_path: Path) -> None:
    # Back on the notes tab, typing goes on in the field it was in: it used to land on the
    # form's scroll container, where every key typed was lost.
    app = build(draft_path)
    async with app.run_test(size=(80, 24)) as pilot:
        topics = app.screen.query_one("#n-topics", TextArea)
        topics.focus()
        topics.move_cursor(topics.document.end)
        await pilot.press("f6", "f6", "f6", "x", "y")
        assert shown(app) == ["notes-pane"]
        assert topics.text.endswith("xy")
