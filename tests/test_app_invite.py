"""In the app: the palette's "new: from invite" starts an interview from its .ics file, and the
When and Decision fields say under them what they understood of the typed text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.app.dialogs import ConfirmDialog
from followup_tui.app.screens.invite import EventChoice, InviteFileDialog, complete_path
from followup_tui.clipboard import CopyResult
from followup_tui.model import Draft, Interview, Interviewer, Profile, Settings
from tests.app_pilot import wait_until

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 15, 0, tzinfo=BERLIN)  # a Saturday
INVITES = Path(__file__).parent / "fixtures" / "invites"


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's zone, where times typed without one are read: the same on every machine."""
    monkeypatch.setenv("TZ", "Europe/Berlin")


@pytest.fixture
def draft_file() -> Path:
    path = paths.drafts_dir() / "lumen.toml"
    when = datetime(2026, 11, 20, 10, 0, tzinfo=BERLIN)
    storage.save_draft(
        path,
        Draft(
            interview=Interview(company="Lumen", role="Data Engineer", when=when),
            interviewers=[Interviewer("Sam Okafor")],
        ),
    )
    return path


def build(path: Path | None) -> FollowupApp:
    return make_app(path, clipboard=lambda text: CopyResult(True, "fake", ""), clock=lambda: NOW)


def me(email: str = "", name: str = "") -> None:
    storage.save_settings(Settings(profile=Profile(name=name, email=email)))


async def type_in(pilot: Pilot[None], selector: str, text: str) -> Input:
    """Retype a field as a user does: select it all, then type over it."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.pause()
    field.select_all()
    await pilot.press(*text)
    await pilot.pause()
    return field


def line(app: FollowupApp, selector: str) -> str:
    """A label's text as shown, or "" when it is hidden."""
    label = app.screen.query_one(selector, Label)
    return str(label.render()) if label.display else ""


def first_command(app: FollowupApp) -> str:
    """The command the palette offers first for what was typed."""
    options = app.screen.query(OptionList)
    return str(options.first().get_option_at_index(0).prompt) if options else ""


def drafts() -> list[Path]:
    folder = paths.drafts_dir()
    return sorted(folder.glob("*.toml")) if folder.exists() else []


# ---------------------------------------------------------------- the understood line


async def test_when_shows_what_it_understood_and_keeps_what_it_cannot_read(
    draft_file: Path,
) -> None:
    app = build(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        assert line(app, "#f-when-read") == "= Fri 20 Nov 10:00 CET"
        await type_in(pilot, "#f-when", "yesterday 3pm")
        assert line(app, "#f-when-read") == "= Fri 20 Nov 15:00 CET"
        iv = app.session.draft.interview
        assert iv.when == datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN)
        await type_in(pilot, "#f-when", "Thu 9:30 America/New_York")
        assert line(app, "#f-when-read") == "= Thu 19 Nov 09:30 EST"
        await pilot.press("tab")  # left with a time that reads: the one kept from now on

        field = await type_in(pilot, "#f-when", "after lunch")
        shown = line(app, "#f-when-read")
        assert shown.startswith("! ") and "cannot read 'after lunch'" in shown
        assert "kept as typed" in shown and field.has_class("-invalid")
        assert field.value == "after lunch" and iv.when_text == "after lunch"
        # the follow-up dates go on from the time before this edit
        assert iv.when == datetime(2026, 11, 19, 9, 30, tzinfo=ZoneInfo("America/New_York"))
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: storage.load_draft(draft_file).interview.when_text == "after lunch",
            "the text kept as typed is saved",
        )


async def test_an_hour_the_clocks_skip_is_named_under_the_field(draft_file: Path) -> None:
    app = build(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.session.draft.interview.when
        field = await type_in(pilot, "#f-when", "2026-03-29 02:30")
        shown = line(app, "#f-when-read")
        assert "does not exist in Europe/Berlin" in shown and "01:30 CET or 03:30 CEST" in shown
        assert field.has_class("-invalid") and field.value == "2026-03-29 02:30"
        assert app.session.draft.interview.when == before  # never moved to a reading


async def test_a_time_without_a_zone_is_read_in_the_interviews_zone() -> None:
    path = paths.drafts_dir() / "nyc.toml"
    when = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    storage.save_draft(path, Draft(interview=Interview(company="Lumen", when=when)))
    app = build(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_in(pilot, "#f-when", "yesterday 3pm")
        assert line(app, "#f-when-read") == "= Fri 20 Nov 15:00 -05:00"
        got = app.session.draft.interview.when
        assert got is not None and got.utcoffset() == when.utcoffset() and got.hour == 15


async def test_decision_shows_the_day_it_understood(draft_file: Path) -> None:
    app = build(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        assert line(app, "#f-decision-read") == ""  # no date: no line
        await type_in(pilot, "#f-decision", "Fri")
        assert line(app, "#f-decision-read") == "= Fri 27 Nov"
        assert app.session.draft.interview.decision_by == date(2026, 11, 27)
        await pilot.press("tab")
        field = await type_in(pilot, "#f-decision", "14:00")
        assert field.has_class("-invalid") and "not a date" in line(app, "#f-decision-read")
        assert app.session.draft.interview.decision_by == date(2026, 11, 27)
        field.select_all()
        await pilot.press("backspace")
        await pilot.pause()
        assert line(app, "#f-decision-read") == "" and not field.has_class("-invalid")
        assert app.session.draft.interview.decision_by is None


# ---------------------------------------------------------------- new from invite


async def give_path(pilot: Pilot[None], path: Path | str) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, InviteFileDialog), "the dialog")
    await type_in(pilot, "#invite-path", str(path))
    await pilot.press("enter")


async def test_new_from_invite_through_the_palette_saves_the_open_draft_first(
    draft_file: Path,
) -> None:
    me(email="alex@mail.example")
    app = build(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_in(pilot, "#f-company", "Lumen Analytics GmbH")
        await pilot.press("ctrl+p")
        await pilot.press(*"new from invite")

        def offered() -> bool:
            return first_command(app).startswith("new: from invite")

        await wait_until(pilot, offered, "the palette offers the command")
        await pilot.press("enter")
        await give_path(pilot, INVITES / "phone.ics")
        await wait_until(pilot, lambda: app.session.path != draft_file, "the new draft opens")
        # the draft that was open keeps what was typed in it
        assert storage.load_draft(draft_file).interview.company == "Lumen Analytics GmbH"
        draft = app.session.draft
        assert (draft.interview.company, draft.interview.role) == ("Northwind", "Data Analyst")
        assert draft.interview.format == "phone"
        assert [(i.name, i.email) for i in draft.interviewers] == [
            ("Kim Novak", "kim@northwind.example")
        ]
        assert app.session.path is not None
        assert storage.load_draft(app.session.path).interview.company == "Northwind"
        await wait_until(
            pilot,
            lambda: app.screen.query_one("#f-company", Input).value == "Northwind",
            "the form shows the new draft",
        )
        assert line(app, "#f-when-read") == "= Tue 1 Dec 11:00 CET"  # a floating time: yours


async def test_several_events_ask_which_one(draft_file: Path) -> None:
    app = build(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_from_invite()
        await give_path(pilot, INVITES / "several.ics")
        await wait_until(pilot, lambda: isinstance(app.screen, EventChoice), "the choice of event")
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "Product Designer interview at Lumen" in str(options.get_option_at_index(1).prompt)
        assert options.highlighted == 0
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: app.session.path != draft_file, "the new draft opens")
        draft = app.session.draft
        assert (draft.interview.company, draft.interview.role) == ("Lumen", "Product Designer")
        assert [i.name for i in draft.interviewers] == ["Ana Silva", "Ben Hart"]
        assert draft.interview.format == "on-site"


MIXED = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//tests//EN\r
BEGIN:VEVENT\r
UID:1@tests\r
DTSTART;VALUE=DATE:20261130\r
SUMMARY:Onsite day at Lumen\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@tests\r
DTSTART:20261201T130000Z\r
SUMMARY:Data Analyst interview at Lumen\r
END:VEVENT\r
END:VCALENDAR\r
"""


async def test_an_all_day_event_cannot_be_picked(tmp_path: Path) -> None:
    invite = tmp_path / "mixed.ics"
    invite.write_bytes(MIXED.encode())
    app = build(None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_from_invite()
        await give_path(pilot, invite)
        await wait_until(pilot, lambda: isinstance(app.screen, EventChoice), "the choice of event")
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).disabled
        assert options.highlighted == 1
        await pilot.press("up", "enter")  # up has nowhere to go but the one event with a time
        await wait_until(pilot, lambda: app.session.path is not None, "the new draft opens")
        assert app.session.draft.interview.role == "Data Analyst"


async def test_an_attendee_the_title_names_is_asked_about() -> None:
    me(name="A. Doe")  # no address that would settle it
    app = build(None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_from_invite()
        await give_path(pilot, INVITES / "google.ics")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        question = line(app, ".dialog-question")
        assert question == "Is Alex Doe <alex.doe@mail.example> you?"
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: app.session.draft.interview.company == "Lumen Analytics",
            "the new draft opens",
        )
        assert [i.name for i in app.session.draft.interviewers] == ["Priya Raman", "Tomás Herrera"]


async def test_a_bad_file_is_said_in_the_dialog_and_nothing_is_created(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a calendar\n")
    app = build(None)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.session.path
        app.action_new_from_invite()
        for path, reason in (
            (text, "not a calendar invitation"),
            (tmp_path / "missing.ics", "cannot read"),
            (tmp_path, "cannot read"),  # a folder
            (INVITES / "allday.ics", "all-day event"),
        ):
            await give_path(pilot, path)
            await wait_until(pilot, lambda r=reason: r in line(app, "#invite-status"), reason)
            assert isinstance(app.screen, InviteFileDialog)
            assert app.screen.query_one("#invite-path", Input).value == str(path)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, InviteFileDialog), "cancelled")
        assert app.session.path == before
        assert drafts() == []


def test_paths_are_completed_from_the_disk(tmp_path: Path) -> None:
    (tmp_path / "interviews").mkdir()
    (tmp_path / "invite.ics").write_text("")
    (tmp_path / "invoice.pdf").write_text("")
    assert complete_path(f"{tmp_path}/inv") == f"{tmp_path}/invite.ics"
    assert complete_path(f"{tmp_path}/int") == f"{tmp_path}/interviews/"
    assert complete_path(f"{tmp_path}/invoice") is None  # not an invitation
    assert complete_path(f"{tmp_path}/nowhere/x") is None
