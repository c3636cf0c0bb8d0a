"""Typing in the notes form never loses a word: Tab order, the cursor, undo, removing people."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import Input, Label, TextArea

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.app.dialogs import ConfirmDialog
from followup_tui.model import Interviewer, ManualEdit
from tests.app_pilot import build, footer_actions, wait_until


def focused_id(app: FollowupApp) -> str:
    return app.focused.id or "" if app.focused is not None else ""


# ------------------------------------------------------------------ Tab


async def test_tab_walks_the_fields_in_reading_order_and_passes_the_buttons(
    draft_path: Path,
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert focused_id(app) == "f-company"
        seen = [focused_id(app)]
        while seen[-1] != "n-topics" and len(seen) < 30:
            await pilot.press("tab")
            seen.append(focused_id(app))
        assert seen == [
            "f-company",
            "f-role",
            "f-when",
            "f-format",
            "f-decision",
            "iv-0-name",
            "iv-0-title",
            "iv-0-email",
            "iv-0-notes",
            "iv-1-name",
            "iv-1-title",
            "iv-1-email",
            "iv-1-notes",
            "n-topics",
        ]


async def test_typing_after_tab_adds_to_the_field_and_the_note(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#iv-0-name", Input).focus()
        await pilot.press("tab")  # to Title: its text was selected, so a key replaced it
        await pilot.press(*" (host)")
        await wait_until(
            pilot,
            lambda: app.session.draft.interviewers[0].title == "Head of Data Platform (host)",
            "the title to grow",
        )
        app.screen.query_one("#iv-1-notes", Input).focus()
        await pilot.press("tab")  # to the first note: the cursor was at its start
        await pilot.press(*"; more")
        topics = app.screen.query_one("#n-topics", TextArea)
        assert topics.text.endswith("how the team runs on-call; more"), topics.text
        assert topics.text.startswith("moving the nightly batch jobs")
        await pilot.press("shift+tab", "shift+tab", *" x")  # back to Email, at its end
        email = app.screen.query_one("#iv-1-email", Input)  # (not an address: kept as typed)
        assert email.value == "tomas.herrera@northwind.example x"


async def test_the_buttons_still_work_with_the_mouse(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        form = app.screen.query_one("#notes")
        form.scroll_to_widget(app.screen.query_one("#add-interviewer"), animate=False)
        await pilot.click("#add-interviewer")
        await wait_until(pilot, lambda: focused_id(app) == "iv-2-name", "a third row, focused")
        form.scroll_to_widget(app.screen.query_one("#iv-2-remove"), animate=False)
        await pilot.click("#iv-2-remove")  # empty: no question
        await wait_until(pilot, lambda: len(app.session.draft.interviewers) == 2, "removed")


# ------------------------------------------------------------------ interviewers by key


async def test_f3_adds_and_f4_removes_an_empty_interviewer_at_once(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: focused_id(app) == "iv-2-name", "the new row's name")
        await pilot.press("f4")
        await wait_until(pilot, lambda: len(app.session.draft.interviewers) == 2, "removed")
        assert not isinstance(app.screen, ConfirmDialog)
        assert focused_id(app) == "iv-1-name"  # the row above took the focus


async def test_removing_an_interviewer_with_text_asks_and_focus_goes_to_the_neighbour(
    draft_path: Path,
) -> None:
    draft = storage.load_draft(draft_path)
    draft.interviewers.append(Interviewer("Ana Lima", "Recruiter"))
    draft.edits["thank-you/1"] = ManualEdit("Thanks", "Dear Tomás, by hand")
    storage.save_draft(draft_path, draft)
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#iv-1-title", Input).focus()
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "Tomás Herrera" in app.screen.question
        assert "hand edit" in app.screen.detail
        await pilot.press("escape")  # no: everything stays
        await wait_until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "closed")
        assert [i.name for i in app.session.draft.interviewers][1] == "Tomás Herrera"
        assert focused_id(app) == "iv-1-title"
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: len(app.session.draft.interviewers) == 2, "removed")
        assert [i.name for i in app.session.draft.interviewers] == ["Priya Raman", "Ana Lima"]
        assert "thank-you/1" not in app.session.draft.edits
        assert focused_id(app) == "iv-1-name"  # Ana, who took Tomás's place


async def test_interviewer_keys_are_in_the_footer_help_and_palette(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#iv-0-name", Input).focus()
        await pilot.pause()
        bindings = {key: b.binding.description for key, b in app.screen.active_bindings.items()}
        assert bindings.get("f3") == "Add interviewer"
        assert bindings.get("f4") == "Remove interviewer"
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "interviewer: add" in commands and "interviewer: remove" in commands
        await pilot.press("f1")
        await pilot.pause()
        lines = dict((what, keys) for keys, what in app.screen.lines)  # type: ignore[attr-defined]
        assert lines["Add interviewer"] == "f3" and lines["Remove interviewer"] == "f4"


async def test_the_footer_follows_the_focus(draft_path: Path) -> None:
    # The footer is rebuilt only when its keys change: f4 must still come and go with the
    # focus in and out of an interviewer's row.
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "add_interviewer" in footer_actions(app.screen), "footer")
        assert "remove_interviewer" not in footer_actions(app.screen)
        for field, shown in (("#iv-0-name", True), ("#f-company", False), ("#iv-1-email", True)):
            app.screen.query_one(field, Input).focus()
            await wait_until(
                pilot,
                lambda shown=shown: ("remove_interviewer" in footer_actions(app.screen)) == shown,
                f"f4 {'shown' if shown else 'gone'} with the focus on {field}",
            )


# ------------------------------------------------------------------ undo


async def test_ctrl_z_undoes_typing_in_a_one_line_field(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        role = app.screen.query_one("#f-role", Input)
        role.focus()
        await pilot.press("end", *" II", "ctrl+z")
        assert role.value == "Senior Data Engineer "
        await pilot.press("ctrl+z")
        assert role.value == "Senior Data Engineer"
        await wait_until(
            pilot, lambda: app.session.draft.interview.role == "Senior Data Engineer", "the draft"
        )
        await pilot.press("ctrl+u", "ctrl+z")  # a deletion comes back whole
        assert role.value == "Senior Data Engineer"


# ------------------------------------------------------------------ broken drafts


async def test_a_draft_that_does_not_parse_takes_no_typing(tmp_path: Path) -> None:
    bad = paths.drafts_dir() / "broken.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text('format = 1\n[interview]\ncompany = "Acme\n')
    before = bad.read_bytes()
    app = build(bad)
    async with app.run_test(size=(120, 40)) as pilot:
        company = app.screen.query_one("#f-company", Input)
        assert company.is_disabled
        note = app.screen.query_one(".read-only-note", Label)
        assert "broken.toml" in str(note.render())
        await pilot.press(*"typed anyway")
        company.focus()
        await pilot.press(*"typed anyway", "ctrl+e", *"in the email")
        await pilot.pause()
        assert company.value == ""
        assert app.session.draft.interview.company == ""
        assert not app.session.draft.edits
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert bad.read_bytes() == before


# ------------------------------------------------------------------ When and Decision


async def test_a_when_and_decision_the_app_cannot_read_are_kept_as_typed(
    draft_path: Path,
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for field, text in (("#f-when", "2026-13-45 10:00"), ("#f-decision", "early Dec")):
            widget = app.screen.query_one(field, Input)
            widget.focus()
            await pilot.pause()
            await pilot.press("ctrl+u", *text)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: storage.load_draft(draft_path).interview.decision_text == "early Dec",
            "the save",
        )
        await pilot.press("ctrl+q")
    saved = storage.load_draft(draft_path).interview
    assert saved.when_text == "2026-13-45 10:00"
    assert saved.decision_text == "early Dec"

    again = build(draft_path)
    async with again.run_test(size=(120, 40)) as pilot:
        when = again.screen.query_one("#f-when", Input)
        assert when.value == "2026-13-45 10:00" and when.has_class("-invalid")
        # each reason is on the line under its own field
        for field in ("#f-when-read", "#f-decision-read"):
            line = again.screen.query_one(field, Label)
            assert line.display and str(line.render()).startswith("! ")
            assert "kept as typed" in str(line.render())
        when.focus()
        await pilot.pause()
        await pilot.press("ctrl+u", *"2026-11-20 10:00 +0100")
        assert not when.has_class("-invalid")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: storage.load_draft(draft_path).interview.when_text == "", "the fix"
        )
        await pilot.press("ctrl+q")
    fixed = storage.load_draft(draft_path).interview
    assert fixed.when is not None and (fixed.when.day, fixed.when.hour) == (20, 10)
    assert fixed.decision_text == "early Dec"


async def test_when_and_decision_read_dates_as_people_type_them(isolated_home: Path) -> None:
    app = make_app(None, clock=lambda: datetime.fromisoformat("2026-11-21T15:00:00+00:00"))
    async with app.run_test(size=(120, 40)) as pilot:
        when = app.screen.query_one("#f-when", Input)
        when.focus()
        await pilot.press(*"yesterday 3pm")
        decision = app.screen.query_one("#f-decision", Input)
        decision.focus()
        await pilot.press(*"4 Dec")
        await pilot.pause()
        iv = app.session.draft.interview
        assert iv.when is not None and (iv.when.day, iv.when.hour) == (20, 15)
        assert iv.when_text == "" and when.value == "yesterday 3pm"
        assert iv.decision_by is not None and iv.decision_by.isoformat() == "2026-12-04"
