"""Dates and times as people type them, in the interview's zone, with daylight saving named."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from followup_tui import dates
from followup_tui.dates import AmbiguousTime, DateError, NonexistentTime, parse_date, parse_datetime

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 2 December 2026, 10:00 in Berlin
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday 3pm", datetime(2026, 12, 1, 15, 0)),
        ("today 14:00", datetime(2026, 12, 2, 14, 0)),
        ("tomorrow at noon", datetime(2026, 12, 3, 12, 0)),
        ("14:00", datetime(2026, 12, 2, 14, 0)),
        ("2:30 pm", datetime(2026, 12, 2, 14, 30)),
        ("Mon 10:30", datetime(2026, 11, 30, 10, 30)),
        ("monday at 2pm", datetime(2026, 11, 30, 14, 0)),
        ("Wed 9am", datetime(2026, 12, 2, 9, 0)),  # today is a Wednesday
        ("Thu 9am", datetime(2026, 11, 26, 9, 0)),  # the last Thursday, not the next
        ("30 Nov 2pm", datetime(2026, 11, 30, 14, 0)),
        ("30 Nov 2026 2pm", datetime(2026, 11, 30, 14, 0)),
        ("Nov 30 2:30 PM", datetime(2026, 11, 30, 14, 30)),
        ("Sun 25 Oct 2026 14:00", datetime(2026, 10, 25, 14, 0)),
        ("2026-11-30 14:00", datetime(2026, 11, 30, 14, 0)),
        ("2026-11-30T14:00", datetime(2026, 11, 30, 14, 0)),
        ("30/11/2026 14:00", datetime(2026, 11, 30, 14, 0)),  # 30 cannot be a month
    ],
)
def test_forms_people_type_are_read_in_the_given_zone(text: str, expected: datetime) -> None:
    when = parse_datetime(text, now=NOW, zone=BERLIN)
    assert when.replace(tzinfo=None) == expected
    assert when.tzinfo is BERLIN


def test_an_iana_zone_after_the_time_is_that_zone() -> None:
    when = parse_datetime("2026-11-30 14:00 America/New_York", now=NOW, zone=BERLIN)
    assert when.utcoffset() == timedelta(hours=-5)
    assert dates.describe(when, NOW) == "Mon 30 Nov 14:00 EST"
    berlin = parse_datetime("30 Nov 2pm Europe/Berlin", now=NOW, zone=ZoneInfo("Asia/Tokyo"))
    assert dates.describe(berlin, NOW) == "Mon 30 Nov 14:00 CET"


def test_an_offset_is_kept_as_typed() -> None:
    when = parse_datetime("2026-11-30T14:00+05:30", now=NOW, zone=BERLIN)
    assert when.utcoffset() == timedelta(hours=5, minutes=30)
    assert dates.describe(when, NOW) == "Mon 30 Nov 14:00 +05:30"
    assert parse_datetime("2026-11-30 14:00 +0100", now=NOW).utcoffset() == timedelta(hours=1)


def test_a_date_without_a_year_is_the_nearest_one() -> None:
    january = datetime(2027, 1, 5, 9, 0, tzinfo=BERLIN)
    assert parse_datetime("30 Dec 2pm", now=january).date() == date(2026, 12, 30)
    assert parse_datetime("6 Jan 2pm", now=january).date() == date(2027, 1, 6)
    assert dates.describe(parse_datetime("30 Dec 2pm", now=january), january).startswith(
        "Wed 30 Dec 2026 "
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no date"),
        ("next tuesday", "cannot read"),
        ("30 Nov", "no time of day"),
        ("2026-11-30", "no time of day"),
        ("Fri", "no time of day"),
        ("25:00", "not a time of day"),
        ("13pm", "1 to 12"),
        ("03/04/2026 10:00", "day/month or month/day"),
        ("14:00 CET", "Europe/Berlin"),
        ("14:00 Europe/Berln", "unknown time zone"),
        ("0001-01-01T00:00", "out of range"),
    ],
)
def test_what_cannot_be_read_says_what_to_type(text: str, says: str) -> None:
    with pytest.raises(DateError, match=says):
        parse_datetime(text, now=NOW, zone=BERLIN)


def test_a_skipped_local_time_is_refused_naming_the_gap() -> None:
    with pytest.raises(NonexistentTime) as caught:
        parse_datetime("2026-03-29 02:30 Europe/Berlin", now=NOW)
    message = str(caught.value)
    assert "02:30 on Sun 29 Mar does not exist in Europe/Berlin" in message
    assert "skip 1 h" in message
    assert "01:30 CET or 03:30 CEST" in message
    earlier, later = caught.value.readings
    assert (earlier.hour, later.hour) == (1, 3)


def test_a_repeated_local_time_is_refused_naming_both_readings() -> None:
    with pytest.raises(AmbiguousTime) as caught:
        parse_datetime("Sun 25 Oct 2026 02:30", now=NOW, zone=BERLIN)
    message = str(caught.value)
    assert "happens twice in Europe/Berlin" in message
    assert "+02:00 for the first (CEST)" in message and "+01:00 for the second (CET)" in message
    first, second = caught.value.readings
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)


def test_the_offset_named_in_the_refusal_picks_that_reading() -> None:
    first = parse_datetime("2026-10-25 02:30+02:00 Europe/Berlin", now=NOW)
    second = parse_datetime("2026-10-25 02:30+01:00 Europe/Berlin", now=NOW)
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    assert dates.describe(first, NOW).endswith("CEST")
    assert dates.describe(second, NOW).endswith("CET")
    with pytest.raises(DateError, match="not the offset"):
        parse_datetime("2026-11-30 14:00+05:00 Europe/Berlin", now=NOW)


def test_the_system_zone_is_used_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    when = parse_datetime("30 Nov 2pm", now=NOW)
    assert dates.describe(when, NOW) == "Mon 30 Nov 14:00 CST"
    with pytest.raises(NonexistentTime):
        parse_datetime("2026-03-08 02:15", now=NOW)


def test_a_saved_offset_gets_its_zone_back_for_daylight_saving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    saved = datetime(2026, 11, 30, 14, 0, tzinfo=timezone(timedelta(hours=1)))
    assert dates.zone_for(saved) == BERLIN
    tokyo = datetime(2026, 11, 30, 14, 0, tzinfo=timezone(timedelta(hours=9)))
    assert dates.zone_for(tokyo) == tokyo.tzinfo
    assert dates.zone_for(None) == BERLIN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fri", date(2026, 12, 4)),  # a decision date: the next Friday
        ("tomorrow", date(2026, 12, 3)),
        ("4 Dec", date(2026, 12, 4)),
        ("Dec 4 2027", date(2027, 12, 4)),
        ("2026-12-04", date(2026, 12, 4)),
    ],
)
def test_decision_dates(text: str, expected: date) -> None:
    assert parse_date(text, now=NOW) == expected


def test_a_time_is_not_a_decision_date() -> None:
    with pytest.raises(DateError, match="not a date"):
        parse_date("14:00", now=NOW)


def test_the_date_parser_loads_only_when_a_free_form_is_typed() -> None:
    code = (
        "import sys\n"
        "from datetime import datetime, timezone\n"
        "from followup_tui import dates\n"
        "now = datetime(2026, 12, 2, tzinfo=timezone.utc)\n"
        "dates.parse_datetime('yesterday 3pm', now=now)\n"
        "dates.parse_datetime('2026-11-30 14:00 Europe/Berlin', now=now)\n"
        "print('dateutil' in sys.modules, end=' ')\n"
        "dates.parse_datetime('30 Nov 2pm', now=now)\n"
        "print('dateutil' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]
