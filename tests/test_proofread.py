"""The Proofread tick holds for the text that was read, and resets when the email changes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from followup_tui import proofread, storage
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Draft, Email, ManualEdit, edit_key
from followup_tui.practices import evaluate
from followup_tui.render import render_all

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


def polished(draft: Draft, email: Email) -> str:
    results = evaluate(email, draft=draft, profile=demo_profile(), now=NOW)
    return next(r.status for r in results if r.id == "polished")


def test_a_tick_resets_when_the_email_text_changes() -> None:
    """Issue 10 item 15."""
    draft = demo_draft(NOW)
    email = render_all(draft, demo_profile(), now=NOW)[0]
    assert polished(draft, email) == "todo"
    assert proofread.toggle(draft, email, "polished") is True
    assert polished(draft, email) == "done"
    draft.notes.resonated = "the on-call rota they have just rebuilt"
    changed = render_all(draft, demo_profile(), now=NOW)[0]
    assert changed.text != email.text
    assert polished(draft, changed) == "todo"
    # ticking again vouches for the new text; a hand edit of it resets it again
    proofread.toggle(draft, changed, "polished")
    assert polished(draft, changed) == "done"
    draft.edits[edit_key(draft.stage, 0)] = ManualEdit(changed.subject, changed.body + "\nP.S.")
    edited = render_all(draft, demo_profile(), now=NOW)[0]
    assert polished(draft, edited) == "todo"


def test_toggle_follows_what_the_user_sees() -> None:
    draft = demo_draft(NOW)
    first = render_all(draft, demo_profile(), now=NOW)[0]
    proofread.toggle(draft, first, "polished")
    draft.tone = "formal"
    other = render_all(draft, demo_profile(), now=NOW)[0]
    # shown as not done, so the next toggle ticks it (not unticks a stale tick)
    assert proofread.toggle(draft, other, "polished") is True
    assert polished(draft, other) == "done"
    assert proofread.toggle(draft, other, "polished") is False
    assert polished(draft, other) == "todo"


def test_each_email_of_a_panel_is_proofread_on_its_own() -> None:
    draft = demo_draft(NOW)
    priya, tomas = render_all(draft, demo_profile(), now=NOW)
    proofread.toggle(draft, priya, "polished")
    assert polished(draft, priya) == "done"
    assert polished(draft, tomas) == "todo"
    proofread.toggle(draft, tomas, "polished")
    assert (polished(draft, priya), polished(draft, tomas)) == ("done", "done")


def test_the_proofread_text_is_kept_in_the_draft_file(tmp_path: Path) -> None:
    draft = demo_draft(NOW)
    email = render_all(draft, demo_profile(), now=NOW)[0]
    proofread.toggle(draft, email, "polished")
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    again = storage.load_draft(path)
    assert again.proofread == draft.proofread
    assert polished(again, render_all(again, demo_profile(), now=NOW)[0]) == "done"


async def test_in_the_app_typing_a_note_resets_the_proofread_tick(draft_path: Path) -> None:
    from textual.widgets import TextArea

    from followup_tui.app.app import make_app
    from followup_tui.app.widgets.checklist import Checklist
    from followup_tui.clipboard import CopyResult
    from followup_tui.practices import PRACTICES

    app = make_app(draft_path, clipboard=lambda t: CopyResult(True, "f", ""), clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        checklist = app.screen.query_one("#checklist", Checklist)
        checklist.focus()
        checklist.highlighted = [p.id for p in PRACTICES].index("polished")
        await pilot.press("space")
        for _ in range(200):
            if "done" in str(checklist.prompt("polished")):
                break
            await pilot.pause(0.05)
        assert "done" in str(checklist.prompt("polished"))
        note = app.screen.query_one("#n-resonated", TextArea)
        note.focus()
        note.move_cursor(note.document.end)
        await pilot.press(*" and the team")
        for _ in range(200):
            if "todo" in str(checklist.prompt("polished")):
                break
            await pilot.pause(0.05)
        assert "todo" in str(checklist.prompt("polished"))
        await pilot.press("ctrl+q")
