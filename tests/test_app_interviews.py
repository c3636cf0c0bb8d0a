"""Pilot tests of the interviews list (ctrl+o) and the profile dialog (f2), on the real app."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static

from followup_tui import paths, storage
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.app.dialogs import ConfirmDialog
from followup_tui.app.screens import interview_rows, interviews
from followup_tui.app.screens.interview_rows import Row, read_rows
from followup_tui.app.screens.interviews import EMPTY, READING, InterviewsScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.screens.profile import ProfileScreen, looks_like_email, split_links
from followup_tui.clipboard import CopyResult
from followup_tui.model import Draft, Interview, Interviewer
from tests.app_pilot import email_body, footer_actions

# `notifications(app)` (a fixture in conftest): what the app tells the user.
Notifications = Callable[[Any], list[str]]

# A Saturday noon: the Tuesday 10 Nov interview's check-in is overdue, the Friday one's
# thank-you is due, the one next week is upcoming.
FIXED = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
SIZE = (120, 40)
MINUTE = timedelta(minutes=1)


def fake_clipboard(text: str) -> CopyResult:
    return CopyResult(True, "fake", "")


def save(name: str, company: str, when: datetime | None, **kw: object) -> Path:
    draft = Draft(
        interview=Interview(company=company, role="Engineer", when=when),
        interviewers=[Interviewer(name="Priya Shah", email=f"priya@{company.lower()}.example")],
        **kw,  # type: ignore[arg-type]
    )
    path = paths.drafts_dir() / f"{name}.toml"
    storage.save_draft(path, draft)
    return path


def three_drafts() -> dict[str, Path]:
    return {
        "upcoming": save("a-upcoming", "Upco", datetime(2026, 11, 25, 10, 0, tzinfo=UTC)),
        "due": save("b-due", "Dueco", datetime(2026, 11, 20, 15, 0, tzinfo=UTC)),
        "overdue": save("c-overdue", "Overco", datetime(2026, 11, 10, 10, 0, tzinfo=UTC)),
    }


def app_on(path: Path) -> FollowupApp:
    return make_app(path, clipboard=fake_clipboard, clock=lambda: FIXED)


def elsewhere(tmp_path: Path) -> Path:
    """A draft outside the drafts folder, so every listed one can be changed freely."""
    path = tmp_path / "elsewhere" / "open.toml"
    storage.save_draft(path, Draft(interview=Interview(company="Elsewhere")))
    return path


def rows(app: FollowupApp) -> list[list[str]]:
    """The list's lines as shown, split into their columns."""
    listed = app.screen.query_one(OptionList)
    lines = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
    return [re.split(r" {2,}", line.strip()) for line in lines]


def dimmed_keys(screen: InterviewsScreen) -> set[str]:
    """The actions the footer shows dimmed."""
    return footer_actions(screen, ".-disabled")


def detail(app: FollowupApp) -> str:
    return str(app.screen.query_one("#iv-detail", Static).content)


async def open_list(pilot) -> InterviewsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewsScreen)
    await screen.wait_loaded()
    return screen


async def move_to(pilot, app: FollowupApp, path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, InterviewsScreen)
    index = [r.path for r in screen.rows].index(path)
    app.screen.query_one(OptionList).highlighted = index
    await pilot.pause()


# ---------------------------------------------------------------- the list


async def test_list_sorted_by_due_with_state_words(tmp_path: Path) -> None:
    three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        table = rows(app)
        assert [r[0] for r in table] == ["overdue", "due", "upcoming"]
        assert [r[1] for r in table] == ["Overco - Engineer", "Dueco - Engineer", "Upco - Engineer"]
        assert [r[2] for r in table] == ["check-in", "thank-you", "thank-you"]
        assert table[0][3].startswith("overdue since")
        assert table[1][3].startswith("send by")
        assert table[2][3].startswith("from")
        assert table[0][4] == "Tue 10 Nov 10:00"
        assert "nothing sent yet" in detail(app)
        assert "no answer yet" in detail(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_long_folder_is_listed_whole_and_the_cursor_follows_a_far_row(
    tmp_path: Path,
) -> None:
    # More drafts than the list adds at once: every one is listed, in the screen's order, and a
    # row far down keeps the cursor when the folder is read again after a change.
    count = 230
    for i in range(count):
        save(f"d{i:03}", f"Co{i:03}", datetime(2026, 11, 20, 15, 0, tzinfo=UTC) - i * MINUTE)
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        titles = [r[1] for r in rows(app)]
        assert sorted(titles) == [f"Co{i:03} - Engineer" for i in range(count)]
        assert titles == [f"{r.draft.title()}" for r in screen.rows if r.draft]
        far = screen.rows[220].path
        await move_to(pilot, app, far)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await screen.wait_loaded()
        assert screen.current_path() == far
        highlighted = screen.query_one(OptionList).highlighted
        assert highlighted is not None
        assert rows(app)[highlighted][1] == storage.load_draft(far).title()
        assert len(rows(app)) == count


async def test_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        empty = screen.query_one("#iv-empty", Static)
        assert empty.display and str(empty.content) == EMPTY
        assert not screen.query_one(OptionList).display
        await pilot.pause()
        assert dimmed_keys(screen) == {"delete", "open", "sent", "rejected", "offer"}
        await pilot.press("d", "s", "enter")  # nothing to act on: nothing happens
        assert app.screen is screen


async def test_the_footer_stays_lit_while_the_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dimmed while reading and lit once rows came, the footer flickered as the list appeared.
    three_drafts()
    reading = threading.Event()
    go_on = threading.Event()

    def slow_read(*args: Any) -> list[Row]:
        reading.set()
        go_on.wait(10)
        return read_rows(*args)

    monkeypatch.setattr(interviews, "read_rows", slow_read)
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        screen = app.screen
        assert isinstance(screen, InterviewsScreen)
        while not reading.is_set():
            await pilot.pause()
        await pilot.pause()
        assert str(screen.query_one("#iv-empty", Static).content) == READING
        assert dimmed_keys(screen) == set()
        go_on.set()
        await screen.wait_loaded()
        await pilot.pause()
        assert len(rows(app)) == 3
        assert dimmed_keys(screen) == set()
        assert {"delete", "sent"} <= footer_actions(screen)


async def test_enter_opens_the_highlighted_draft(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.session.path == drafts["due"]
        assert app.screen.query_one("#f-company", Input).value == "Dueco"


async def test_a_click_opens_the_row_clicked(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.click(OptionList, offset=(4, 2))  # the third row: upcoming
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.session.path == drafts["upcoming"]


async def test_a_narrow_screen_cuts_the_interview_to_keep_the_next_columns_in_view(
    tmp_path: Path,
) -> None:
    long = "Northwind Analytics International Holdings"
    path = save("long", long, datetime(2026, 11, 20, 15, 0, tzinfo=UTC))
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        listed = screen.query_one(OptionList)
        narrow = str(listed.get_option_at_index(0).prompt)
        # the next follow-up's column ends within the list's 76 columns
        assert narrow.index("thank-you") + len("thank-you") <= 80 - interviews.LIST_FRAME
        [line] = rows(app)
        assert line[0] == "due" and line[2] == "thank-you"
        assert line[1].endswith("…") and line[1][:-1] in f"{long} - Engineer"
        assert f"{long} - Engineer" in detail(app)  # the line under the list has it whole
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        await screen.wait_loaded()
        [wide] = rows(app)
        assert wide[1] == storage.load_draft(path).title()[: interview_rows.CELL_MAX - 1] + "…"
        assert len(wide[1]) > len(line[1])


async def test_n_creates_and_opens_a_new_draft(tmp_path: Path) -> None:
    three_drafts()
    app = app_on(elsewhere(tmp_path))
    app.settings.default_tone = "formal"
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("n")
        await pilot.pause()
        created = paths.drafts_dir() / "interview.toml"
        assert created.exists()
        assert app.session.path == created
        assert isinstance(app.screen, MainScreen)
        assert storage.load_draft(created).tone == "formal"


async def test_delete_asks_and_yes_deletes(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await move_to(pilot, app, drafts["due"])
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "Delete Dueco - Engineer?"
        assert "b-due.toml" in app.screen.detail
        await pilot.press("y")
        await pilot.pause()
        assert not drafts["due"].exists()
        assert [r[1] for r in rows(app)] == ["Overco - Engineer", "Upco - Engineer"]


async def test_delete_no_keeps_the_file(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen)
        assert drafts["overdue"].exists()
        assert len(rows(app)) == 3


async def test_the_open_draft_is_not_deleted(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(drafts["overdue"])
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert rows(app)[0][1] == "Overco - Engineer (open)"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen)
        assert drafts["overdue"].exists()


async def test_s_records_the_stage_as_sent(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await move_to(pilot, app, drafts["due"])
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # a single key asks first
        assert storage.load_draft(drafts["due"]).sent == []
        await pilot.press("y")
        await pilot.pause()
        sent = storage.load_draft(drafts["due"]).sent
        assert [(s.stage, s.at, s.to) for s in sent] == [
            ("thank-you", FIXED, "priya@dueco.example")
        ]
        screen = app.screen
        assert isinstance(screen, InterviewsScreen)
        assert screen.current_path() == drafts["due"]  # the cursor followed the file
        assert "thank-you sent Sat 21 Nov 12:00 to priya@dueco.example" in detail(app)


async def test_s_on_the_open_draft_changes_it_in_the_app(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(drafts["due"])
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await move_to(pilot, app, drafts["due"])
        await pilot.press("s", "y")
        await pilot.pause()
        assert [s.stage for s in app.session.draft.sent] == ["thank-you"]
        # Whether autosave has already run depends on the machine's load: save now, then look.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.stage for s in storage.load_draft(drafts["due"]).sent] == ["thank-you"]


async def test_r_records_a_rejection_and_o_an_offer(tmp_path: Path) -> None:
    drafts = three_drafts()
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await move_to(pilot, app, drafts["overdue"])
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing recorded
        await pilot.pause()
        assert storage.load_draft(drafts["overdue"]).outcome == ""
        await pilot.press("r", "y")
        await pilot.pause()
        draft = storage.load_draft(drafts["overdue"])
        assert (draft.outcome, draft.outcome_at) == ("rejected", FIXED)
        assert "Outcome: rejected" in detail(app)
        await move_to(pilot, app, drafts["upcoming"])
        await pilot.press("o")
        await pilot.pause()
        assert storage.load_draft(drafts["upcoming"]).outcome == ""
        await pilot.press("y")
        await pilot.pause()
        assert storage.load_draft(drafts["upcoming"]).outcome == "offer"


async def test_unreadable_file_is_listed_and_never_deleted(tmp_path: Path) -> None:
    three_drafts()
    broken = paths.drafts_dir() / "broken.toml"
    broken.write_text('company = "Acme\n')
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        last = rows(app)[-1]
        assert last[0] == "unread"
        assert last[1] == "broken.toml"
        assert last[3].startswith("line 1: not valid TOML")
        await move_to(pilot, app, broken)
        assert "cannot be opened or deleted from here" in detail(app)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen  # no dialog
        await pilot.press("enter", "s")
        await pilot.pause()
        assert app.screen is screen
        assert broken.read_text() == 'company = "Acme\n'


# ---------------------------------------------------------------- the profile


def body(app: FollowupApp) -> str:
    return email_body(app)


async def type_into(pilot, input_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


async def test_profile_save_writes_config_and_rerenders(tmp_path: Path) -> None:
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await type_into(pilot, "pf-name", "Ada Lovelace")
        await type_into(pilot, "pf-email", "ada@example.org")
        await type_into(pilot, "pf-links", "https://ada.example, github.com/ada")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        profile = storage.load_settings().profile
        assert (profile.name, profile.email) == ("Ada Lovelace", "ada@example.org")
        assert profile.links == ["https://ada.example", "github.com/ada"]
        # The main screen renders again as it comes back (off the UI thread: wait for it).
        deadline = time.monotonic() + 30
        while "Ada Lovelace" not in body(app) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert "Ada Lovelace" in body(app)
        assert not app.session.dirty  # only the signature changed, not the draft


async def test_profile_save_button_and_tone(tmp_path: Path) -> None:
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one("#pf-tone").value = "concise"  # type: ignore[attr-defined]
        await pilot.click("#pf-save")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert storage.load_settings().default_tone == "concise"


async def test_profile_escape_cancels(tmp_path: Path) -> None:
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "pf-name", "Someone Else")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.settings.profile.name == ""
        assert not paths.config_file().exists()


async def test_profile_refuses_an_invalid_email(tmp_path: Path) -> None:
    app = app_on(elsewhere(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "pf-name", "Ada")
        await type_into(pilot, "pf-email", "ada.example.org")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        error = screen.query_one("#pf-error", Static)
        assert error.display and "does not look like an email" in str(error.content)
        assert not paths.config_file().exists()
        assert app.settings.profile.name == ""


def test_email_shape_and_links() -> None:
    assert looks_like_email("ada@example.org")
    assert not looks_like_email("ada@example")
    assert not looks_like_email("ada.example.org")
    assert not looks_like_email("@example.org")
    assert not looks_like_email("ada@.org")
    assert not looks_like_email("ada @example.org")
    assert split_links(" a, ,b ,") == ["a", "b"]


async def test_email_keys_stay_on_the_main_screen(tmp_path: Path) -> None:
    three_drafts()
    copied: list[str] = []

    def clipboard(text: str) -> CopyResult:
        copied.append(text)
        return CopyResult(True, "fake", "")

    app = make_app(elsewhere(tmp_path), clipboard=clipboard, clock=lambda: FIXED)
    email_keys = {"ctrl+y", "ctrl+e", "ctrl+r", "ctrl+g"}
    async with app.run_test(size=(80, 24)) as pilot:
        assert email_keys <= set(app.screen.active_bindings)
        await open_list(pilot)
        # Not in the footer, and not acting on the draft out of sight.
        assert not email_keys & set(app.screen.active_bindings)
        await pilot.press("ctrl+y", "ctrl+e")
        await pilot.pause()
        assert copied == []
        # Nor in the palette there; saving is (the list can change the open draft).
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "copy: email" not in titles and "email: edit / back to notes" not in titles
        assert "save: now" in titles
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(copied) == 1


async def test_a_draft_whose_stage_was_sent_opens_at_the_next_one(
    tmp_path: Path, notifications: Notifications
) -> None:
    from followup_tui.model import SentRecord

    path = save(
        "sent",
        "Sentco",
        datetime(2026, 11, 13, 10, 0, tzinfo=UTC),
        sent=[SentRecord("thank-you", datetime(2026, 11, 13, 17, 0, tzinfo=UTC))],
    )
    before = path.read_bytes()
    app = app_on(path)
    seen = notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#s-stage").value == "check-in"  # type: ignore[attr-defined]
        assert app.main.current_email().stage == "check-in"  # the preview shows that email
        assert any("thank-you was sent" in line for line in seen), seen
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before  # opening and looking changes nothing on disk
    # A draft whose stage is not sent yet opens where it was.
    fresh = save("fresh", "Freshco", datetime(2026, 11, 20, 15, 0, tzinfo=UTC))
    app = app_on(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#s-stage").value == "thank-you"  # type: ignore[attr-defined]
