"""The app, driven with Textual's Pilot: built by the same factory as the command line."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, Tabs, TextArea

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.app.dialogs import ConfirmDialog
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.app.widgets.preview import Preview
from followup_tui.clipboard import CopyResult
from followup_tui.demo import demo_profile
from followup_tui.model import Email, ManualEdit, Settings, edit_key
from followup_tui.practices import PRACTICES, evaluate
from followup_tui.render import render_email
from tests.app_pilot import email_body

# `notifications(app)` (a fixture in conftest): what the app tells the user.
Notifications = Callable[[Any], list[str]]

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


class FakeClipboard:
    """Stands in for pyperclip: records what was copied, never touches a real clipboard."""

    def __init__(self, ok: bool = True, error: Exception | None = None) -> None:
        self.copied: list[str] = []
        self.ok = ok
        self.error = error

    def __call__(self, text: str) -> CopyResult:
        if self.error is not None:
            raise self.error
        self.copied.append(text)
        return CopyResult(self.ok, "xclip" if self.ok else "", "" if self.ok else "no display")


async def settle(pilot: Pilot[None], timeout: float = 30) -> None:
    """Wait until the email on screen is a render of the draft as it stands."""
    app = pilot.app
    assert isinstance(app, FollowupApp)
    await pilot.pause()
    await asyncio.wait_for(app.main.wait_rendered(), timeout)
    await pilot.pause()


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 30) -> None:
    """Poll `condition` until it holds; fail after `timeout` seconds (a busy machine is slow)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


def text_of(app: FollowupApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    return widget.text if isinstance(widget, TextArea) else str(cast(Static, widget).content)


def listed(app: FollowupApp, selector: str) -> list[str]:
    """The labels a drop-down lists, in order."""
    options = app.screen.query_one(selector, Select).query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def build(path: Path | None = None, **kwargs: Any) -> FollowupApp:
    kwargs.setdefault("clipboard", FakeClipboard())
    return make_app(path, clock=lambda: NOW, **kwargs)


async def test_the_app_opens_on_the_first_field_with_the_email_and_its_checklist(
    draft_path: Path,
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)):
        expected = render_email(app.session.draft, demo_profile(), now=NOW)
        assert email_body(app) == expected.body
        assert text_of(app, "#p-subject") == f"Subject: {expected.subject}"
        assert app.focused is app.screen.query_one("#f-company", Input)
        assert app.screen.query_one("#checklist-pane").border_subtitle  # judged
        assert "pass" in app.screen.query_one(Checklist).prompt("gratitude").plain


async def test_keys_typed_as_the_app_starts_reach_the_first_field() -> None:
    """Type-ahead while the app starts (a first run: a new interview) reaches the first field."""
    app = build()
    # App.run_test itself, not the conftest wrapper that waits for the first render.
    async with App.run_test(app, size=(120, 40)) as pilot:
        await pilot.press(*"Quokka Labs")
        await settle(pilot)
        assert app.screen.query_one("#f-company", Input).value == "Quokka Labs"
        assert app.session.draft.interview.company == "Quokka Labs"
        assert "Quokka Labs" in email_body(app)


async def test_a_slow_template_never_holds_up_the_keys(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The email renders off the UI thread: keys land in the form while a render is running."""
    import threading

    import followup_tui.render

    release = threading.Event()
    real = followup_tui.render.render_all

    def slow(*args: Any, **kwargs: Any) -> list[Email]:
        if threading.current_thread() is not threading.main_thread():
            release.wait(30)  # a template that takes its time
        return real(*args, **kwargs)

    app = build(draft_path)
    async with App.run_test(app, size=(120, 40)) as pilot:
        monkeypatch.setattr(followup_tui.render, "render_all", slow)
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", *" Ltd")
        await wait_for(pilot, lambda: company.value == "Northwind Analytics Ltd")
        assert app.main.live.pending  # the render is still running, the keys went through
        release.set()
        await settle(pilot)
        assert "Northwind Analytics Ltd" in email_body(app)


async def test_typing_updates_preview_and_checklist(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        topics = app.screen.query_one("#n-topics", TextArea)
        topics.focus()
        topics.move_cursor((0, 0))
        await pilot.press(*"the zebra migration plan", "enter")
        await settle(pilot)
        assert "the zebra migration plan" in email_body(app)
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Quokka Labs")
        await settle(pilot)
        assert "Quokka Labs" in email_body(app)
        assert app.session.draft.interview.company == "Quokka Labs"
        # The checklist judged the new email: with no concern noted, none needs an answer.
        checklist = app.screen.query_one(Checklist)
        assert "n/a" not in checklist.prompt("concerns").plain  # a concern is noted
        concerns = app.screen.query_one("#n-concerns", TextArea)
        concerns.focus()
        await pilot.press("ctrl+a")
        concerns.load_text("")
        await settle(pilot)
        assert app.session.draft.notes.concerns == ""
        assert "n/a" in checklist.prompt("concerns").plain


async def test_preview_body_is_the_email_after_every_kind_of_change(draft_path: Path) -> None:
    # The body is changed in place, only where the email changed: whatever the change (at the
    # start, in the middle, many lines, all of it), what shows is exactly what is copied.
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)

        async def shows_the_email() -> None:
            await settle(pilot)
            assert email_body(app) == main.current_email().body

        await shows_the_email()
        topics = main.query_one("#n-topics", TextArea)
        topics.focus()
        long_topic = "event sourcing for the billing ledger with replayable audit trails for the"
        topics.insert(long_topic + " finance and compliance teams\n", (0, 0))
        await shows_the_email()
        assert "billing ledger" in email_body(app)
        await pilot.press("s")
        await shows_the_email()
        topics.load_text("")
        await shows_the_email()
        await pilot.press("f", "o", "o", "enter", "b", "a", "r")
        await shows_the_email()
        main.query_one("#f-company", Input).value = "Q"
        await shows_the_email()


async def test_the_line_under_the_email_grows_and_shrinks_with_its_text(draft_path: Path) -> None:
    # It is repainted without a layout of the screen while its height stays the same; when
    # it wraps to more or fewer lines it must be laid out again, or lines are cut off.
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        meta = main.query_one("#p-meta", Static)
        email = main.current_email()

        def wrapped_lines() -> int:
            return meta.get_content_height(meta.size, app.size, meta.content_size.width)

        heights = []
        for text in ("12 words", "a long line under the email " * 5, "12 words · due soon"):
            main.query_one(Preview).show(email, text)
            await pilot.pause()
            assert str(meta.content) == text
            assert meta.content_size.height == wrapped_lines()
            heights.append(meta.content_size.height)
        assert heights[0] == heights[2] == 1 and heights[1] > 2


async def test_keys_arriving_in_one_burst_land_in_the_right_fields(draft_path: Path) -> None:
    # A busy app, a paste of "name<tab>role" or a typing tool delivers keys faster than they
    # are handled. Tab must move the focus before the next key is handed to a field, or the
    # text after it lands in the field before.
    from textual import events

    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fields = [app.screen.query_one(f"#f-{name}", Input) for name in ("company", "role")]
        for field in [*fields, app.screen.query_one("#f-when", Input)]:
            field.value = ""
        fields[0].focus()
        await pilot.pause()
        burst = [*"Kestrel", "tab", *"Backend", "tab", *"2026-11-28 10:00"]
        for key in burst:
            char = key if len(key) == 1 else None
            app.post_message(events.Key(key, char))  # no waiting between keys
        await settle(pilot)
        assert [field.value for field in fields] == ["Kestrel", "Backend"]
        assert app.screen.query_one("#f-when", Input).value == "2026-11-28 10:00"
        assert app.session.draft.interview.role == "Backend"
        assert app.session.draft.interview.when is not None
        assert app.session.draft.interview.when.day == 28
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is fields[0]


async def test_autosave_writes_the_typed_text(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#f-role", Input).focus()
        await pilot.press("end", *" II")

        def saved() -> bool:
            return storage.load_draft(draft_path).interview.role == "Senior Data Engineer II"

        await wait_for(pilot, saved)


async def test_edit_mode_persists_and_is_judged(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+e")
        body = app.screen.query_one("#e-body", TextArea)
        await wait_for(pilot, lambda: body.has_focus)  # once the editor is mounted
        body.move_cursor(body.document.end)
        await pilot.press("enter", *"PS: [Job Title] TODO")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "PS: [Job Title] TODO" in email_body(app)
        assert "edited by hand" in text_of(app, "#p-meta")
        saved = storage.load_draft(draft_path)
        assert saved.edits[edit_key("thank-you", 0)].body.endswith("PS: [Job Title] TODO")
    # A new start shows the edit, not the generated email, and judges it.
    again = build(draft_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "PS: [Job Title] TODO" in email_body(again)
        email = again.main.current_email()
        results = {r.id: r.status for r in evaluate(email, draft=again.session.draft, now=NOW)}
        assert results["placeholders"] == "fail"


async def test_regenerate_asks_first(draft_path: Path) -> None:
    draft = storage.load_draft(draft_path)
    draft.edits[edit_key("thank-you", 0)] = ManualEdit("My own subject", "My own body")
    storage.save_draft(draft_path, draft)
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert "My own body" in email_body(app)
        await pilot.press("ctrl+r")
        await pilot.press("y")
        await settle(pilot)
        assert "My own body" not in email_body(app)
        assert "Hi Priya" in email_body(app)


async def test_copy_sends_exactly_the_render_text(draft_path: Path) -> None:
    fake = FakeClipboard()
    app = build(draft_path, clipboard=fake)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+y")
        await pilot.pause()
    expected = render_email(storage.load_draft(draft_path), demo_profile(), now=NOW).text
    assert fake.copied == [expected]
    assert app.clipboard == expected  # OSC 52 went out too
    assert expected.startswith("Subject: ") and "\n\nHi Priya," in expected


async def test_copy_without_system_clipboard_falls_back_and_says_so(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    app = build(draft_path, clipboard=FakeClipboard(ok=False))
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert any("OSC 52" in n for n in seen)
        assert app.clipboard.startswith("Subject: ")


async def test_a_crashing_clipboard_is_a_notice_not_a_crash(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    app = build(draft_path, clipboard=FakeClipboard(error=RuntimeError("xclip died")))
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.is_running
        assert any("xclip died" in n for n in seen)


async def test_palette_offers_body_and_subject_copies(draft_path: Path) -> None:
    fake = FakeClipboard()
    app = build(draft_path, clipboard=fake)
    async with app.run_test(size=(120, 40)):
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in (
            "copy: email",
            "copy: body",
            "copy: subject",
            "save: now",
            "email: edit / back to notes",
        ):
            assert title in commands
        commands["copy: subject"].callback()
        commands["copy: body"].callback()
    email = render_email(storage.load_draft(draft_path), demo_profile(), now=NOW)
    assert fake.copied == [email.subject, email.body]


async def test_switchers_change_stage_tone_and_interviewer(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        first = email_body(app)
        app.screen.query_one("#s-person", Select).value = 1
        await settle(pilot)
        assert "Tomás" in email_body(app) and "Hi Priya" not in email_body(app)
        app.screen.query_one("#s-tone", Select).value = "formal"
        await settle(pilot)
        formal = email_body(app)
        app.screen.query_one("#s-stage", Select).value = "check-in"
        await settle(pilot)
        assert len({first, formal, email_body(app)}) == 3
        assert app.session.draft.stage == "check-in" and app.session.draft.tone == "formal"


async def test_add_and_remove_interviewers(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        add = app.screen.query_one("#add-interviewer")
        app.screen.query_one("#notes").scroll_to_widget(add, animate=False)
        await pilot.click("#add-interviewer")
        await pilot.pause()
        await pilot.press(*"Ada Lovelace")
        await settle(pilot)
        assert [i.name for i in app.session.draft.interviewers][-1] == "Ada Lovelace"
        # The drop-down's names follow once typing pauses.
        everyone = ["Priya Raman", "Tomás Herrera", "Ada Lovelace"]
        await wait_for(pilot, lambda: listed(app, "#s-person") == everyone)
        remove = app.screen.query_one("#iv-0-remove")
        app.screen.query_one("#notes").scroll_to_widget(remove, animate=False)
        await pilot.click("#iv-0-remove")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # Priya has a name: asked first
        await pilot.press("y")
        await settle(pilot)
        assert [i.name for i in app.session.draft.interviewers] == ["Tomás Herrera", "Ada Lovelace"]
        assert listed(app, "#s-person") == ["Tomás Herrera", "Ada Lovelace"]


async def test_manual_practice_toggles_with_space(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        checklist = app.screen.query_one("#checklist", Checklist)
        checklist.focus()
        ids = [p.id for p in PRACTICES]
        checklist.highlighted = ids.index("polished")
        await pilot.press("space")
        await settle(pilot)
        assert app.session.draft.ticks == {"polished": True}
        assert "done" in str(checklist.prompt("polished"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.draft.ticks == {"polished": False}


async def test_bad_draft_is_shown_and_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    bad = paths.drafts_dir() / "broken.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text('format = 1\n[interview]\ncompany = "Acme\n')
    before = bad.read_bytes()
    app = build(bad)
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("broken.toml:3" in n for n in seen)
        app.screen.query_one("#f-company", Input).focus()
        await pilot.press(*"typed anyway")  # the form is read-only: nothing to lose
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("not saved" in n for n in seen)
        assert app.session.draft.interview.company == ""
    assert bad.read_bytes() == before


async def test_user_theme_registered_and_choice_remembered(draft_path: Path) -> None:
    theme_dir = paths.user_themes_dir()
    theme_dir.mkdir(parents=True)
    (theme_dir / "mine.toml").write_text('name = "my-sea"\nprimary = "#1e6091"\ndark = true\n')
    (theme_dir / "bad.toml").write_text('name = "bad"\nprimary = "nope"\n')
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "my-sea" in app.available_themes and "bad" not in app.available_themes
        assert app.theme == "followup-dusk"
        app.theme = "my-sea"
        await pilot.pause()
    assert storage.load_settings().theme == "my-sea"
    again = build(draft_path)
    async with again.run_test(size=(120, 40)):
        assert again.theme == "my-sea"


async def test_keymap_from_config_remaps_copy(draft_path: Path) -> None:
    settings = storage.load_settings()
    settings.keymap = {"copy-email": "f9"}
    storage.save_settings(settings)
    fake = FakeClipboard()
    app = build(draft_path, clipboard=fake)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert len(fake.copied) == 1
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ("f9", "Copy") in app.screen.lines


async def test_help_lists_every_app_key(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict((what, keys) for keys, what in app.screen.lines)
        for what, key in (
            ("Copy", "ctrl+y"),
            ("Save", "ctrl+s"),
            ("Edit email", "ctrl+e"),
            ("Help", "f1"),
            ("Quit", "ctrl+q"),
            ("Regenerate from notes", "ctrl+r"),
        ):
            assert key in keys[what]
        # ctrl+y copies the email; a text field's ctrl+c copies only its selection.
        assert keys["Copy"] == "ctrl+y"
        await pilot.press("escape")
        app.screen.query_one("#n-topics", TextArea).focus()
        await pilot.press("f1")
        await pilot.pause()
        keys = dict((what, keys) for keys, what in app.screen.lines)
        assert keys["Copy"] == "ctrl+y"
        assert "ctrl+c" in keys["Copy (in the focused field)"]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_narrow_terminal_uses_tabs(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        tabs = app.screen.query_one("#pane-tabs", Tabs)
        assert tabs.display
        assert app.screen.query_one("#notes-pane").display
        assert not app.screen.query_one("#preview-pane").display
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#preview-pane").display
        assert not app.screen.query_one("#notes-pane").display
    wide = build(draft_path)
    async with wide.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not wide.screen.query_one("#pane-tabs", Tabs).display
        assert all(
            wide.screen.query_one(f"#{p}").display
            for p in ("notes-pane", "checklist-pane", "preview-pane")
        )


async def test_first_run_says_where_to_set_the_signature(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    storage.save_settings(Settings())  # no profile yet
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("press f2" in line for line in seen), seen
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfileScreen"
    storage.save_settings(Settings(profile=demo_profile()))
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not any("press f2" in line for line in seen), seen


async def test_demo_is_never_saved() -> None:
    """Not by autosave, not by ctrl+s: the sample never joins the user's interviews."""
    app = build(demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#f-role", Input).focus()
        await pilot.press("end", "x")
        await wait_for(pilot, lambda: app.session.dirty and not app.autosave.pending)
        assert not paths.drafts_dir().exists() or not list(paths.drafts_dir().glob("*.toml"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not paths.drafts_dir().exists() or not list(paths.drafts_dir().glob("*.toml"))


async def test_a_long_field_left_shows_its_value_from_the_start(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        role = app.screen.query_one("#f-role", Input)
        role.focus()
        await pilot.press("end", *", Streaming Platform and Analytics")
        await pilot.pause()
        assert role.scroll_offset.x > 0  # the end of the value is in view while typing
        await pilot.press("tab")
        await pilot.pause()
        assert not role.has_focus
        assert role.scroll_offset.x == 0
        assert app.session.draft.interview.role.endswith("Streaming Platform and Analytics")


async def test_the_note_being_typed_in_opens_to_full_height(draft_path: Path) -> None:
    """Typing in a note never changes the form's layout: the focused note is 10 lines tall."""
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        note = app.screen.query_one("#n-resonated", TextArea)
        closed = note.size.height
        assert 2 <= closed < 10
        note.focus()
        note.move_cursor(note.document.end)
        await pilot.pause()
        assert note.size.height == 10
        await pilot.press(*" and the calm on-call rota they described in detail" * 2)
        await pilot.pause()
        assert note.size.height == 10
        await pilot.press("tab")
        await pilot.pause()
        assert closed < note.size.height < 10  # fits its (longer) text again


async def test_tab_goes_through_an_interviewer_in_reading_order(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)):
        chain = [w.id for w in app.screen.focus_chain]
        person = [i for i in chain if i and i.startswith("iv-0-")]
        # never the ✕ button
        assert person == ["iv-0-name", "iv-0-title", "iv-0-email", "iv-0-notes"]
        assert chain.index("f-decision") < chain.index("iv-0-name")


async def test_checklist_keys_move_the_cursor_and_explain_automatic_practices(
    draft_path: Path, notifications: Notifications
) -> None:
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        checklist = app.screen.query_one("#checklist", Checklist)
        assert checklist.highlighted is None  # no cursor until the checklist is used
        checklist.focus()
        await pilot.pause()
        assert checklist.highlighted == 0
        await pilot.press("down", "down")
        assert checklist.highlighted == 2
        await pilot.press("end")
        assert checklist.highlighted == len(PRACTICES) - 1
        await pilot.press("home", "up")
        assert checklist.highlighted == 0
        await pilot.press("pagedown")
        paged = checklist.highlighted
        assert paged is not None and 2 < paged < len(PRACTICES) - 1
        lines = sum(checklist.entry_region(i).height for i in range(1, paged + 1))
        assert lines >= checklist.scrollable_content_region.height  # about a screenful
        await pilot.press("pageup")
        assert checklist.highlighted == 0
        await pilot.press("enter")  # "timely" is judged from the dates, not ticked
        await pilot.pause()
        assert any("judged from the email itself" in line for line in seen)
        assert app.session.draft.ticks == {}


async def test_clicking_a_manual_practice_ticks_it(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        checklist = app.screen.query_one("#checklist", Checklist)
        polished = [p.id for p in PRACTICES].index("polished")
        checklist.highlighted = polished  # scrolls it into view
        await pilot.pause()
        checklist.highlighted = None  # the click, not the cursor, picks the entry
        app.screen.query_one("#f-company").focus()  # the click also brings the focus
        title = "Proofread"  # its title's first word: the rest may wrap
        rows = [checklist.render_line(y).text for y in range(checklist.content_region.height)]
        row = next((y for y, text in enumerate(rows) if title in text), None)
        assert row is not None, rows
        await pilot.click(checklist, offset=(1, row))
        await settle(pilot)
        assert app.session.draft.ticks == {"polished": True}


async def test_a_key_typed_on_opening_a_draft_adds_to_the_first_field(draft_path: Path) -> None:
    """The first field has the focus with the cursor after its text, not all of it selected."""
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        company = app.screen.query_one("#f-company", Input)
        assert company.has_focus
        await pilot.press(*" Ltd")
        await settle(pilot)
        assert company.value == "Northwind Analytics Ltd"
        assert app.session.draft.interview.company == "Northwind Analytics Ltd"


# ---------------------------------------------------------------- drop-downs and the title


async def test_a_drop_down_opens_picks_and_closes_from_the_keyboard(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        tone = app.screen.query_one("#s-tone", Select)
        tone.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: tone.expanded)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not tone.expanded)
        assert tone.value == "warm" and app.focused is tone
        await pilot.press("down")  # opens too, on the current tone
        await wait_for(pilot, lambda: tone.expanded)
        await pilot.press("up", "enter")
        await settle(pilot)
        assert tone.value == "formal" == app.session.draft.tone == app.main.tone
        assert not tone.expanded and app.focused is tone


async def test_a_drop_down_opens_and_picks_with_the_mouse(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fmt = app.screen.query_one("#f-format", Select)
        await pilot.click("#f-format")
        await wait_for(pilot, lambda: fmt.expanded)
        listed_options = fmt.query_one(OptionList)
        await pilot.click(listed_options, offset=(3, 1))  # video, then phone
        await wait_for(pilot, lambda: app.session.draft.interview.format == "phone")
        assert fmt.value == "phone" and not fmt.expanded


async def test_the_focused_drop_down_on_the_bar_stands_out(draft_path: Path) -> None:
    from textual.widgets._select import SelectCurrent  # noqa: PLC2701 - to read its colour

    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        stage = app.screen.query_one("#s-stage", Select)
        shown = stage.query_one(SelectCurrent)
        blurred = shown.styles.background
        stage.focus()
        await pilot.pause()
        assert shown.styles.background != blurred


async def test_the_to_drop_down_follows_names_as_they_are_typed(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        name = app.screen.query_one("#iv-1-name", Input)
        name.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"[Ana] [b]Lee[/b]")
        await settle(pilot)
        await wait_for(
            pilot, lambda: listed(app, "#s-person") == ["Priya Raman", "[Ana] [b]Lee[/b]"]
        )
        person = app.screen.query_one("#s-person", Select)
        person.value = 1
        await settle(pilot)
        # Plain text, never markup, and the address stays on the To line.
        assert text_of(app, "#p-to") == 'To: "[Ana] [b]Lee[/b]" <tomas.herrera@northwind.example>'
        assert "Hi [Ana]," in email_body(app)
        # Typing in a name keeps the chosen interviewer chosen.
        await pilot.press("end", "e")
        await settle(pilot)
        assert person.value == 1 == app.main.interviewer
        assert text_of(app, "#p-to").startswith('To: "[Ana] [b]Lee[/b]e" <tomas.herrera@')


async def test_switching_stage_and_back_keeps_the_address_on_the_to_line(
    draft_path: Path,
) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#s-person", Select).value = 1
        await settle(pilot)
        tomas = text_of(app, "#p-to")
        assert tomas == "To: Tomás Herrera <tomas.herrera@northwind.example>"
        for stage in ("check-in", "thank-you"):
            app.screen.query_one("#s-stage", Select).value = stage
            await settle(pilot)
            assert text_of(app, "#p-to") == tomas
            assert app.screen.query_one("#s-person", Select).value == 1


async def test_the_palette_switches_the_interviewer(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "to: Priya Raman" in commands
        commands["to: Tomás Herrera"].callback()
        await settle(pilot)
        assert app.screen.query_one("#s-person", Select).value == 1
        assert "Hi Tomás," in email_body(app)
        commands["stage: check-in"].callback()
        commands["tone: formal"].callback()
        await settle(pilot)
        assert app.screen.query_one("#s-stage", Select).value == "check-in"
        assert (app.session.draft.stage, app.session.draft.tone) == ("check-in", "formal")


async def test_the_header_follows_the_draft_and_its_icon_opens_the_palette(
    draft_path: Path,
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Header

    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.sub_title == "Northwind Analytics - Senior Data Engineer"
        await pilot.click("#f-company")
        await pilot.press("end", *" Ltd")
        title = app.screen.query_one(Header).query_one("HeaderTitle")
        # The title follows once typing pauses.
        await wait_for(pilot, lambda: "Northwind Analytics Ltd" in str(title.render()))
        assert app.sub_title == "Northwind Analytics Ltd - Senior Data Engineer"
        await pilot.click(Header, offset=(1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_bad_keymap_entries_are_reported_and_skipped_alone(
    draft_path: Path, notifications: Callable[[Any], list[str]]
) -> None:
    """Issue 10 item 19: the profile and the good keys apply; each bad key is named."""
    config = paths.config_file()
    config.write_text(
        '[profile]\nname = "Alex Morgan"\nemail = "alex.morgan@example.com"\n'
        '[keymap]\nquit = 5\ncopy-email = "f9"\nsave = "ctlr+s"\nhelp = "quit"\n'
    )
    before = config.read_bytes()
    fake = FakeClipboard()
    app = build(draft_path, clipboard=fake)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        report = next(n for n in seen if "Settings skipped" in n)
        assert "keymap.quit" in report and "found a number" in report
        assert "save = 'ctlr+s'" in report and "'ctlr' is not a modifier" in report
        assert "help = 'quit'" in report and "'quit' is not a key name" in report
        assert app.profile.name == "Alex Morgan"  # the rest of config.toml applies
        await pilot.press("f9")
        await pilot.pause()
        assert len(fake.copied) == 1 and "Alex Morgan" in fake.copied[0]
        app.screen.query_one("#f-company", Input).focus()
        await pilot.press("end", "!")
        await pilot.press("ctrl+s")  # its default key still works
        await pilot.pause()
        assert storage.load_draft(draft_path).interview.company.endswith("!")
        app.theme = "followup-paper"  # saving the settings would drop the bad entries
        await pilot.press("ctrl+q")
    assert config.read_bytes() == before


async def test_the_to_bar_shows_the_name_typed_for_the_chosen_interviewer(
    isolated_home: Path,
) -> None:
    # The label on the bar, not only the list: with one interviewer the chosen value stays
    # the same while its label changes from "Interviewer 1" to the name being typed.
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        name = app.screen.query_one("#iv-0-name", Input)
        name.focus()
        await pilot.press(*"Priya Raman")
        await settle(pilot)
        shown = app.screen.query_one("#s-person", Select).query_one("#label", Static)
        await wait_for(pilot, lambda: str(shown.content) == "Priya Raman")
