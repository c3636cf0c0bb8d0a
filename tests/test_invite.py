"""Starting from the calendar invitation: invitations written for these tests in each shape
that Google Calendar, Outlook/Exchange, Zoom and Teams send."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup_tui import dates, paths, storage
from followup_tui.errors import FileFormatError
from followup_tui.invite import parse_invite, read_invite, without
from followup_tui.model import Profile, Settings

INVITES = Path(__file__).parent / "fixtures" / "invites"
ME = ("alex@mail.example", "alex.doe@mail.example")


def only(name: str, me: tuple[str, ...] = ME):  # type: ignore[no-untyped-def]
    events = read_invite(INVITES / name, me=me)
    assert len(events) == 1
    return events[0]


def people(event) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.name, p.email) for p in event.interviewers]


def test_google_calendar_invitation() -> None:
    event = only("google.ics")
    assert (event.company, event.role, event.format) == (
        "Lumen Analytics",
        "Senior Data Engineer",
        "video",
    )
    # the zone of DTSTART, kept with its offset
    assert event.start == datetime(2026, 11, 30, 14, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert event.start.utcoffset() == timedelta(hours=-8)
    # a folded CN with an accent is one name; the room and the user are not interviewers;
    # the organizer is not an attendee, so not an interviewer either
    assert people(event) == [
        ("Priya Raman", "priya.raman@lumen-analytics.example"),
        ("Tomás Herrera", "tomas.herrera@lumen-analytics.example"),
    ]


def test_outlook_invitation_with_a_windows_zone_and_a_street_address() -> None:
    event = only("outlook.ics")
    assert (event.company, event.role, event.format) == ("Lumen", "Data Engineer", "on-site")
    assert event.start == datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert dates.describe(event.start) == "Mon 30 Nov 10:00 CET"
    # the organizer is kept because they are also an attendee; the room is not a person
    assert people(event) == [
        ("Sam Okafor", "sam.okafor@lumen.example"),
        ("Mei Chen", "mei.chen@lumen.example"),
    ]


def test_zoom_invitation_in_utc_with_lf_line_ends() -> None:
    assert b"\r\n" not in (INVITES / "zoom.ics").read_bytes()
    event = only("zoom.ics")
    assert (event.company, event.role) == ("Lumen", "Senior Data Engineer")
    assert event.format == "video"  # the dial-in numbers do not make it a phone call
    assert event.start == datetime(2026, 11, 30, 13, 0, tzinfo=ZoneInfo("UTC"))
    assert people(event) == [("Riley Park", "riley@lumen.example")]


def test_teams_invitation_reads_labelled_lines_and_directory_names() -> None:
    event = only("teams.ics")
    assert (event.company, event.role, event.format) == (
        "Lumen Analytics",
        "Staff Software Engineer",
        "video",
    )
    assert dates.describe(event.start) == "Tue 1 Dec 09:30 EST"
    # "Okafor, Sam" is Sam Okafor; an attendee with only an address keeps no made-up name
    assert people(event) == [("Sam Okafor", "sam.okafor@lumen.example"), ("", "dana@lumen.example")]


def test_phone_screen_with_a_floating_time_is_read_in_the_local_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    event = only("phone.ics")
    assert (event.company, event.role, event.format) == ("Northwind", "Data Analyst", "phone")
    assert event.start == datetime(2026, 12, 1, 11, 0, tzinfo=ZoneInfo("Europe/London"))


def test_crlf_and_lf_read_the_same() -> None:
    crlf = (INVITES / "outlook.ics").read_bytes()
    assert b"\r\n" in crlf
    lf = crlf.replace(b"\r\n", b"\n")
    assert people(parse_invite(lf, "x.ics", me=ME)[0]) == people(
        parse_invite(crlf, "x.ics", me=ME)[0]
    )


def test_an_all_day_event_is_refused_with_a_message() -> None:
    event = only("allday.ics")
    assert event.all_day
    with pytest.raises(FileFormatError, match="all-day event"):
        event.to_draft(INVITES / "allday.ics")


def test_several_events_are_all_listed_in_order() -> None:
    first, second = read_invite(INVITES / "several.ics", me=ME)
    assert (first.role, first.format, people(first)) == (
        "Product Designer",
        "video",  # Webex
        [("Kim Novak", "kim@lumen.example")],
    )
    assert (second.company, second.role, second.format) == ("Lumen", "Product Designer", "on-site")
    assert [p[0] for p in people(second)] == ["Ana Silva", "Ben Hart"]


def test_the_user_named_in_the_summary_is_asked_about_not_dropped() -> None:
    event = only("google.ics", me=())
    assert event.maybe_you is not None and event.maybe_you.name == "Alex Doe"
    assert "Alex Doe" in [p.name for p in event.interviewers]
    # the role is still read: the user's name is not taken for a job title
    assert event.role == "Senior Data Engineer"
    confirmed = without(event, event.maybe_you)
    assert [p.name for p in confirmed.interviewers] == ["Priya Raman", "Tomás Herrera"]
    assert confirmed.maybe_you is None


def test_the_user_is_recognised_by_name_too() -> None:
    event = only("outlook.ics", me=("Alex Doe",))
    assert "Alex Doe" not in [p.name for p in event.interviewers]
    assert event.recognised_you


@pytest.mark.parametrize(
    ("summary", "company", "role"),
    [
        (
            "Interview: Alex Doe - Senior Data Engineer (Lumen Analytics)",
            "Lumen Analytics",
            "Senior Data Engineer",
        ),
        ("Lumen <> Alex: Data Engineer onsite", "Lumen", "Data Engineer"),
        ("Senior Data Engineer interview at Lumen", "Lumen", "Senior Data Engineer"),
        ("Interview with Lumen for the Platform Engineer role", "Lumen", "Platform Engineer"),
        ("Recruiter call - Product Designer at Lumen", "Lumen", "Product Designer"),
        # what cannot be read is left empty, never guessed
        ("Coffee at Starbucks", "", ""),
        ("Lunch (team)", "", ""),
        ("Technical interview", "", ""),
        ("Sam <> Alex: catch-up", "", ""),
    ],
)
def test_company_and_role_from_the_summary(summary: str, company: str, role: str) -> None:
    ics = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//EN\nBEGIN:VEVENT\nUID:1@t\n"
        "DTSTAMP:20261120T100000Z\nDTSTART:20261130T130000Z\n"
        f"SUMMARY:{summary}\n"
        "ATTENDEE;CN=Alex Doe:mailto:alex@mail.example\n"
        "ATTENDEE;CN=Sam Okafor:mailto:sam@lumen.example\n"
        "END:VEVENT\nEND:VCALENDAR\n"
    ).encode()
    event = parse_invite(ics, "t.ics", me=ME)[0]
    assert (event.company, event.role) == (company, role)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "not a calendar invitation"),
        (b"Subject: hello\n\nnot a calendar", "not a calendar invitation"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "no event"),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "no start"),
    ],
)
def test_files_that_are_not_invitations_are_refused(data: bytes, says: str) -> None:
    with pytest.raises(FileFormatError, match=says):
        events = parse_invite(data, "bad.ics")
        for event in events:
            event.to_draft("bad.ics")


# ---------------------------------------------------------------- the command line


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FOLLOWUP_TUI_NOW": "2026-12-02T09:00:00+00:00", "TZ": "Europe/Berlin"}
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_new_from_an_invitation_makes_the_draft() -> None:
    storage.save_settings(Settings(profile=Profile(name="Alex Doe", email="alex.doe@mail.example")))
    result = run("new", "--invite", str(INVITES / "google.ics"))
    assert result.returncode == 0, result.stderr
    draft = storage.load_draft(Path(result.stdout.strip()))
    assert (draft.interview.company, draft.interview.role) == (
        "Lumen Analytics",
        "Senior Data Engineer",
    )
    assert draft.interview.when == datetime(2026, 11, 30, 22, 0, tzinfo=ZoneInfo("UTC"))
    assert draft.interview.when is not None
    assert draft.interview.when.utcoffset() == timedelta(hours=-8)  # kept with its offset
    assert [i.name for i in draft.interviewers] == ["Priya Raman", "Tomás Herrera"]
    assert result.stderr == ""


def test_new_from_an_invitation_says_who_it_kept_when_the_user_is_unknown() -> None:
    result = run("new", "--invite", str(INVITES / "google.ics"))
    assert result.returncode == 0
    assert "Alex Doe" in result.stderr and "--me" in result.stderr
    again = run("new", "--invite", str(INVITES / "google.ics"), "--me", "alex.doe@mail.example")
    draft = storage.load_draft(Path(again.stdout.strip()))
    assert "Alex Doe" not in [i.name for i in draft.interviewers]


def test_command_line_options_win_over_the_invitation() -> None:
    result = run(
        "new",
        "--invite",
        str(INVITES / "zoom.ics"),
        "--company",
        "Lumen Labs",
        "--format",
        "phone",
        "--when",
        "30 Nov 2pm",
    )
    assert result.returncode == 0, result.stderr
    draft = storage.load_draft(Path(result.stdout.strip()))
    assert (draft.interview.company, draft.interview.role) == ("Lumen Labs", "Senior Data Engineer")
    assert draft.interview.format == "phone"
    assert draft.interview.when == datetime(2026, 11, 30, 14, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_several_events_are_listed_and_one_is_picked_with_event() -> None:
    result = run("new", "--invite", str(INVITES / "several.ics"))
    assert result.returncode == 2
    assert "--event" in result.stderr
    assert "1. Mon 30 Nov 09:00 UTC  Recruiter call" in result.stderr
    assert "2. Tue 1 Dec 14:00 UTC  Product Designer interview at Lumen" in result.stderr
    assert not list(paths.drafts_dir().glob("*.toml")) if paths.drafts_dir().exists() else True
    picked = run("new", "--invite", str(INVITES / "several.ics"), "--event", "2")
    assert picked.returncode == 0, picked.stderr
    draft = storage.load_draft(Path(picked.stdout.strip()))
    assert [i.name for i in draft.interviewers] == ["Ana Silva", "Ben Hart"]
    assert draft.interview.format == "on-site"
    wrong = run("new", "--invite", str(INVITES / "several.ics"), "--event", "3")
    assert wrong.returncode == 2 and "holds 2 event" in wrong.stderr


def test_an_all_day_invitation_is_refused_and_nothing_is_written() -> None:
    result = run("new", "--invite", str(INVITES / "allday.ics"))
    assert result.returncode == 2
    assert "all-day event" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    drafts = paths.drafts_dir()
    assert not drafts.exists() or not list(drafts.iterdir())


def test_new_reads_times_as_people_type_them() -> None:
    result = run("new", "--company", "Acme", "--when", "yesterday 3pm")
    assert result.returncode == 0, result.stderr
    draft = storage.load_draft(Path(result.stdout.strip()))
    assert draft.interview.when == datetime(2026, 12, 1, 15, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_time_the_clocks_skip_or_repeat_is_refused_on_the_command_line() -> None:
    gap = run("new", "--company", "Acme", "--when", "2026-03-29 02:30")
    assert gap.returncode == 2
    assert (
        "does not exist in Europe/Berlin" in gap.stderr and "01:30 CET or 03:30 CEST" in gap.stderr
    )
    twice = run("new", "--company", "Acme", "--when", "2026-10-25 02:30")
    assert twice.returncode == 2
    assert "happens twice" in twice.stderr and "+02:00" in twice.stderr and "+01:00" in twice.stderr
    picked = run("new", "--company", "Acme", "--when", "2026-10-25 02:30+01:00")
    assert picked.returncode == 0, picked.stderr


def test_invitation_reading_imports_no_textual() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from followup_tui.invite import read_invite\n"
        f"read_invite(Path({str(INVITES / 'google.ics')!r}))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
