"""The hand-off formats, each read back by a parser that did not write it."""

from __future__ import annotations

import shlex
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from followup_tui import export
from followup_tui.export import (
    MAILTO_LIMIT,
    EditorError,
    MailtoTooLong,
    edit_in_editor,
    parse_edited,
    to_eml,
    to_ics,
    to_mailto,
    to_txt,
)
from followup_tui.model import Draft, Email, Interview, Interviewer, Profile
from followup_tui.timing import Window, windows

TOKYO = timezone(timedelta(hours=9))
BODY = (
    "Dear Tomás,\n\nThank you for your time today; I enjoyed our talk about on-call, "
    "streaming & the 40% cost cut.\n\nBest regards,\nAlex Mörgan"
)


def email(**changes: object) -> Email:
    fields: dict[str, object] = {
        "to": "Tomás Herrera <tomas.herrera@northwind.example>",
        "subject": "Thank you — Senior Data Engineer interview",
        "body": BODY,
    }
    fields.update(changes)
    return Email(**fields)  # type: ignore[arg-type]


PROFILE = Profile(name="Alex Mörgan", email="alex.morgan@example.com")


# txt


def test_txt_is_subject_blank_line_body_newline() -> None:
    assert to_txt(email(subject="Hi", body="Body")) == "Subject: Hi\n\nBody\n"


# eml


def parse_eml(data: bytes):  # type: ignore[no-untyped-def]
    return BytesParser(policy=policy.default).parsebytes(data)


def body_of(message) -> str:  # type: ignore[no-untyped-def]
    """The body as text; the parser keeps the wire format's CRLF line ends."""
    content: str = message.get_content()
    return content.replace("\r\n", "\n").rstrip("\n")


def test_eml_round_trips_headers_and_non_ascii_body() -> None:
    sent = datetime(2025, 11, 21, 16, 10, tzinfo=TOKYO)
    data = to_eml(email(), PROFILE, date=sent)
    message = parse_eml(data)
    assert message["To"] == "Tomás Herrera <tomas.herrera@northwind.example>"
    assert message["To"].addresses[0].display_name == "Tomás Herrera"
    assert message["From"].addresses[0].display_name == "Alex Mörgan"
    assert message["From"].addresses[0].addr_spec == "alex.morgan@example.com"
    assert message["Subject"] == "Thank you — Senior Data Engineer interview"
    assert parsedate_to_datetime(message["Date"]) == sent
    assert message["X-Unsent"] == "1"
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert body_of(message) == BODY


def test_eml_uses_crlf_and_keeps_headers_ascii() -> None:
    data = to_eml(email(), PROFILE, date=datetime(2025, 11, 21, tzinfo=UTC))
    head, _, _ = data.partition(b"\r\n\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    head.decode("ascii")  # non-ASCII names are encoded words, not raw bytes
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))


def test_eml_long_lines_fall_back_to_quoted_printable() -> None:
    long_body = "é" * 1200
    data = to_eml(email(body=long_body), PROFILE, date=datetime(2025, 11, 21, tzinfo=UTC))
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))
    assert body_of(parse_eml(data)) == long_body


def test_eml_without_address_or_profile_email_omits_to_and_from() -> None:
    data = to_eml(email(to="Priya Raman"), Profile(name="Alex"), date=datetime.now(UTC))
    message = parse_eml(data)
    assert message["To"] is None
    assert message["From"] is None
    assert message["Subject"]


def test_eml_header_line_breaks_cannot_inject_headers() -> None:
    data = to_eml(email(subject="Thanks\r\nBcc: evil@example.com"), PROFILE, date=datetime.now(UTC))
    message = parse_eml(data)
    assert message["Bcc"] is None
    assert message["Subject"] == "Thanks Bcc: evil@example.com"


# mailto


def test_mailto_round_trips_subject_and_body() -> None:
    link = to_mailto(email())
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "tomas.herrera@northwind.example"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == ["Thank you — Senior Data Engineer interview"]
    assert query["body"] == [BODY.replace("\n", "\r\n")]
    assert "%0D%0A" in link
    assert " " not in link and "+" not in parts.query  # spaces are %20, never +


def test_mailto_encodes_reserved_characters_in_the_body() -> None:
    link = to_mailto(email(body="a & b = c?\n#1 100%"))
    query = parse_qs(urlsplit(link).query)
    assert query["body"] == ["a & b = c?\r\n#1 100%"]


def test_mailto_without_address_still_carries_the_text() -> None:
    link = to_mailto(email(to=""))
    assert link.startswith("mailto:?subject=")


def test_mailto_too_long_raises_with_length() -> None:
    with pytest.raises(MailtoTooLong) as caught:
        to_mailto(email(body="word " * 600))
    assert caught.value.length > MAILTO_LIMIT
    assert isinstance(caught.value, ValueError)
    assert str(caught.value.length) in str(caught.value)


# ics


def unfold(text: str) -> dict[str, list[str]]:
    """A tiny RFC 5545 reader: unfold continuation lines, map name -> values."""
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    logical: list[str] = []
    for line in lines:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    found: dict[str, list[str]] = {}
    for line in logical:
        name, _, value = line.partition(":")
        found.setdefault(name, []).append(value)
    return found


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            char = next(chars)
            out.append("\n" if char in "nN" else char)
        else:
            out.append(char)
    return "".join(out)


def panel_draft() -> Draft:
    return Draft(
        interview=Interview(
            company="Northwind Analytics",
            role="Senior Data Engineer; Platform, Streaming",
            when=datetime(2025, 11, 20, 10, 0, tzinfo=TOKYO),
        ),
        interviewers=[
            Interviewer("Priya Raman"),
            Interviewer("Tomás Herrera-Ñúñez de la Peña y Álvarez-Mörgensen Øster"),
        ],
    )


def check_in(draft: Draft, now: datetime) -> Window:
    return next(w for w in windows(draft, now) if w.label == "check-in")


def test_ics_parses_back_with_folded_crlf_lines() -> None:
    draft = panel_draft()
    now = datetime(2025, 11, 21, 12, 0, tzinfo=UTC)
    text = to_ics(draft, check_in(draft, now), now=now, uid_seed="drafts/northwind.toml")
    assert "\n" not in text.replace("\r\n", "")
    raw_lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    assert any(line.startswith(" ") for line in raw_lines)  # something was folded
    fields = unfold(text)
    assert fields["BEGIN"] == ["VCALENDAR", "VEVENT", "VALARM"]
    assert fields["VERSION"] == ["2.0"]
    assert fields["PRODID"][0].startswith("-//followup-tui//")
    # check-in ends Mon 1 Dec 17:00 in Tokyo = 08:00 UTC
    assert fields["DTSTART"] == ["20251201T080000Z"]
    assert fields["DTSTAMP"] == ["20251121T120000Z"]
    assert fields["DURATION"] == ["PT15M"]
    # a zero duration: the alarm fires at the event (icalendar writes it as P0D)
    assert len(fields["TRIGGER"]) == 1 and read_back(text)[1] == [timedelta(0)]
    assert fields["ACTION"] == ["DISPLAY"]
    assert unescape(fields["SUMMARY"][0]) == "Send check-in to Northwind Analytics"
    description = unescape(fields["DESCRIPTION"][0])
    assert description.splitlines() == [
        "Senior Data Engineer; Platform, Streaming at Northwind Analytics",
        "Interviewers: Priya Raman, Tomás Herrera-Ñúñez de la Peña y Álvarez-Mörgensen Øster",
        "from Thu 27 Nov 09:00",
    ]
    assert "\\;" in fields["DESCRIPTION"][0] and "\\," in fields["DESCRIPTION"][0]


def test_ics_uid_is_stable_per_seed_and_label() -> None:
    draft = panel_draft()
    now = datetime(2025, 11, 21, 12, 0, tzinfo=UTC)
    window = check_in(draft, now)
    first = unfold(to_ics(draft, window, now=now, uid_seed="a"))["UID"]
    again = unfold(to_ics(draft, window, now=now + timedelta(hours=1), uid_seed="a"))["UID"]
    other = unfold(to_ics(draft, window, now=now, uid_seed="b"))["UID"]
    assert first == again != other


def test_ics_keep_in_touch_uses_start_and_cold_is_refused() -> None:
    draft = panel_draft()
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    keep = Window("keep-in-touch", "keep-in-touch", start, None, None, "upcoming")
    fields = unfold(to_ics(draft, keep, now=datetime(2025, 12, 1, tzinfo=UTC)))
    assert fields["DTSTART"] == ["20260101T090000Z"]
    cold = Window("check-in", "cold", start, None, None, "cold")
    with pytest.raises(ValueError, match="cold"):
        to_ics(draft, cold, now=start)


def test_ics_folding_never_splits_a_multibyte_character() -> None:
    draft = panel_draft()
    draft.interview.company = "Ünïcödé Ångström Øresund " * 6  # two octets each, mostly
    draft.interviewers = [Interviewer("€" * 100)]  # three octets each
    now = datetime(2025, 11, 21, 12, 0, tzinfo=UTC)
    text = to_ics(draft, check_in(draft, now), now=now)
    raw = text.encode("utf-8").split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in raw)
    for line in raw:
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own
    assert "€" * 100 in unescape(unfold(text)["DESCRIPTION"][0])


def read_back(text: str) -> tuple[datetime, list[timedelta]]:
    """DTSTART and the alarms' triggers, as the icalendar library reads the file."""
    from icalendar import Calendar

    event = Calendar.from_ical(text).walk("VEVENT")[0]
    triggers = [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]
    return event.decoded("DTSTART"), triggers


THANK_YOU_AT = datetime(2025, 11, 20, 10, 0, tzinfo=TOKYO)  # a Thursday


@pytest.mark.parametrize(
    ("hours_after", "fires_at"),
    [
        # due: the "send by" time, 24 h after the interview
        (3, THANK_YOU_AT + timedelta(hours=24)),
        # past the best time but not the end: the end, 48 h after
        (30, THANK_YOU_AT + timedelta(hours=48)),
        # overdue: every deadline has passed, so soon, never in the past
        (60, THANK_YOU_AT + timedelta(hours=60, minutes=10)),
    ],
)
def test_ics_reminder_is_the_next_moment_still_ahead(hours_after: int, fires_at: datetime) -> None:
    draft = panel_draft()
    now = THANK_YOU_AT + timedelta(hours=hours_after)
    window = next(w for w in windows(draft, now) if w.label == "thank-you")
    start, triggers = read_back(to_ics(draft, window, now=now))
    assert start == fires_at
    assert start > now
    assert triggers == [timedelta(0)]  # the alarm fires at the event itself


def test_ics_keep_in_touch_already_open_is_reminded_soon() -> None:
    draft = panel_draft()
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    keep = Window("keep-in-touch", "keep-in-touch", start, None, None, "due")
    now = datetime(2026, 1, 20, 8, 3, 27, tzinfo=UTC)
    fires, triggers = read_back(to_ics(draft, keep, now=now))
    assert fires == datetime(2026, 1, 20, 8, 13, tzinfo=UTC)
    assert triggers == [timedelta(0)]


def test_every_exported_reminder_reads_back_ahead_of_now() -> None:
    draft = panel_draft()
    draft.interview.decision_by = datetime(2025, 11, 28).date()
    draft.interview.company = 'Northwind; "Analytics", Ltd\\ \u00e9'
    for hours in range(0, 24 * 40, 7):
        now = THANK_YOU_AT + timedelta(hours=hours)
        for window in windows(draft, now):
            if window.state in ("done", "cold"):
                continue
            text = to_ics(draft, window, now=now)
            start, triggers = read_back(text)
            assert start > now, (hours, window.label)
            assert triggers == [timedelta(0)]
            from icalendar import Calendar

            event = Calendar.from_ical(text).walk("VEVENT")[0]
            assert str(event["SUMMARY"]) == f"Send {window.label} to {draft.interview.company}"


# editor


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temporary folder, so a test can see that the editor's file was removed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def editor_script(tmp_path: Path, code: str) -> str:
    """A fake editor: a Python script that gets the file name as `path` and records it."""
    script = tmp_path / "fake_editor.py"
    record = tmp_path / "edited-path.txt"
    script.write_text(
        f"import sys\npath = sys.argv[1]\nopen({str(record)!r}, 'w').write(path)\n" + code,
        encoding="utf-8",
    )
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def edited_path(tmp_path: Path) -> Path:
    return Path((tmp_path / "edited-path.txt").read_text())


def test_editor_changes_come_back(
    tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = (
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.replace('Hi', 'Hello Tomás'))\n"
    )
    monkeypatch.setenv("VISUAL", "")
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, code))
    assert edit_in_editor("Subject: Hi\n\nBody") == "Subject: Hello Tomás\n\nBody"
    assert edited_path(tmp_path).parent == temp_dir
    assert edited_path(tmp_path).name.startswith("followup-")
    assert list(temp_dir.iterdir()) == []


def test_editor_argument_wins_over_environment(
    tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "false")
    code = "open(path, 'a', encoding='utf-8').write('P.S. thanks')\n"
    result = edit_in_editor("Body\n", editor=editor_script(tmp_path, code), suffix=".eml")
    assert result == "Body\nP.S. thanks"
    assert edited_path(tmp_path).suffix == ".eml"
    assert list(temp_dir.iterdir()) == []


@pytest.mark.parametrize(
    "code",
    [
        "pass\n",  # saved nothing
        "open(path, 'a').write('\\n')\n",  # only the final newline an editor adds
        "open(path, 'w').write('thrown away')\nsys.exit(1)\n",  # aborted, like vim's :cq
    ],
)
def test_editor_unchanged_or_aborted_returns_none(
    tmp_path: Path, temp_dir: Path, code: str
) -> None:
    assert edit_in_editor("Subject: Hi\n\nBody", editor=editor_script(tmp_path, code)) is None
    assert edited_path(tmp_path).parent == temp_dir
    assert list(temp_dir.iterdir()) == []


def test_editor_that_cannot_start_is_an_editor_error(tmp_path: Path, temp_dir: Path) -> None:
    with pytest.raises(EditorError, match="no-such-editor"):
        edit_in_editor("x", editor=str(tmp_path / "no-such-editor"))
    assert list(temp_dir.iterdir()) == []


def test_no_editor_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    with pytest.raises(EditorError, match="EDITOR"):
        edit_in_editor("x")


def test_parse_edited() -> None:
    assert parse_edited("Subject: Thanks, Priya\n\nDear Priya,\n\nBest\n") == (
        "Thanks, Priya",
        "Dear Priya,\n\nBest",
    )
    assert parse_edited("subject:Hi\r\n\r\nBody") == ("Hi", "Body")
    assert parse_edited("Dear Priya,\n\nBest") == ("", "Dear Priya,\n\nBest")
    assert parse_edited("Subject: only") == ("only", "")


# the system opener


def test_open_with_system_does_not_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[list[str], dict[str, object]]] = []

    class FakePopen:
        def __init__(self, args: list[str], **kwargs: object) -> None:
            calls.append((args, kwargs))

    monkeypatch.setattr(export.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(export.subprocess, "Popen", FakePopen)
    opener = export.open_with_system("/tmp/draft.eml")
    assert opener in ("xdg-open", "open")
    args, kwargs = calls[0]
    assert args == [f"/usr/bin/{opener}", "/tmp/draft.eml"]
    assert kwargs["start_new_session"] is True
    assert kwargs["stdin"] == kwargs["stdout"] == kwargs["stderr"] == export.subprocess.DEVNULL


def test_open_with_system_without_opener(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    assert export.open_with_system("/tmp/draft.eml") is None


def test_the_file_handed_to_the_editor_ends_with_a_newline(tmp_path: Path, temp_dir: Path) -> None:
    """Issue 10 item 13: a line appended in the editor starts a line of its own."""
    code = (
        "text = open(path, encoding='utf-8').read()\n"
        "sys.exit(0 if text == 'Subject: Hi\\n\\nBody\\nAlex\\n' else 3)\n"
    )
    assert edit_in_editor("Subject: Hi\n\nBody\nAlex", editor=editor_script(tmp_path, code)) is None
    append = "open(path, 'a', encoding='utf-8').write('P.S. the dbt package\\n')\n"
    result = edit_in_editor("Subject: Hi\n\nBody\nAlex", editor=editor_script(tmp_path, append))
    assert result == "Subject: Hi\n\nBody\nAlex\nP.S. the dbt package"
