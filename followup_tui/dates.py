"""Dates and times as people type them: "yesterday 3pm", "Mon 10:30", "30 Nov 2pm", ISO forms.

A time is read in a zone: one named after it ("14:00 Europe/Berlin"), an offset in it
("14:00+01:00"), else the zone the caller gives (the interview's), else the system's. A
local time that the zone skips (clocks go forward) or repeats (clocks go back) is refused
with both readings named, never moved silently. python-dateutil reads the free forms; it is
imported only when such a form is typed, so starting the app does not pay for it.
No Textual here.
"""

from __future__ import annotations

import os
import re
import warnings
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.model import check_year
from followup_tui.timing import format_time


class DateError(ValueError):
    """Text that cannot be read as a date or time; the message says why and what to type."""


class AmbiguousTime(DateError):
    """A local time that happens twice in its zone (the hour the clocks go back)."""

    def __init__(self, first: datetime, second: datetime) -> None:
        self.readings = (first, second)
        super().__init__(
            f"{first:%H:%M} on {_day(first)} happens twice in {zone_name(first)} (the clocks"
            f" go back): which one? add {_offset(first)} for the first ({first.tzname()}) or"
            f" {_offset(second)} for the second ({second.tzname()}), e.g."
            f" {first:%Y-%m-%d %H:%M}{_offset(first)} {zone_name(first)}"
        )


class NonexistentTime(DateError):
    """A local time that its zone skips (the hour the clocks go forward)."""

    def __init__(self, wall: datetime, earlier: datetime, later: datetime) -> None:
        # earlier and later: the wall time read with the offset after, then before, the gap
        self.readings = (earlier, later)
        gap = (later.utcoffset() or timedelta(0)) - (earlier.utcoffset() or timedelta(0))
        super().__init__(
            f"{wall:%H:%M} on {_day(earlier)} does not exist in {zone_name(later)} (the"
            f" clocks skip {_span(-gap)} there): which is meant,"
            f" {earlier:%H:%M} {earlier.tzname()} or {later:%H:%M} {later.tzname()}?"
        )


def _day(dt: datetime) -> str:
    return format_time(dt).rsplit(" ", 1)[0]


def _span(delta: timedelta) -> str:
    minutes = abs(int(delta.total_seconds())) // 60
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DAY_WORD = re.compile(r"^(?P<day>[a-z]+)\.?,?(?:\s+(?:at\s+)?(?P<rest>.*))?$", re.IGNORECASE)
_CLOCK = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?$", re.IGNORECASE
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# 03/04/2026: the third of April or the fourth of March, depending on the country
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.]\d{2,4})?\b")


def _offset(dt: datetime) -> str:
    offset = dt.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_name(dt: datetime) -> str:
    """The zone's IANA name when it has one ("Europe/Berlin"), else its offset ("+01:00")."""
    key = getattr(dt.tzinfo, "key", None)
    if isinstance(key, str) and key != "localtime":
        return key
    return "UTC" if dt.utcoffset() == timedelta(0) else _offset(dt)


def describe(dt: datetime, now: datetime | None = None) -> str:
    """What a typed time was understood as: "Mon 30 Nov 14:00 CET" (the year when not now's)."""
    if dt.tzinfo is not None and not isinstance(dt.tzinfo, ZoneInfo):
        # a time saved with its offset only: named after the system's zone when they agree
        dt = dt.astimezone(zone_for(dt))
    name = dt.tzname() if isinstance(dt.tzinfo, ZoneInfo) else None
    if not name or name.startswith(("+", "-")) or name == "localtime":
        name = zone_name(dt)
    return f"{format_time(dt, now)} {name}"


def describe_date(day: date, now: datetime | None = None) -> str:
    """A date as "Fri 4 Dec" (the year when not now's)."""
    return format_time(datetime.combine(day, time()), now).rsplit(" ", 1)[0]


def local_zone() -> tzinfo:
    """The system's zone, with its daylight-saving rules when they can be found."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a POSIX rule string such as "CET-1CEST": fall through
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def zone_for(when: datetime | None) -> tzinfo:
    """The zone to read a new time for an interview in: its own, else the system's.

    A time saved with only an offset gets the system's zone back when the offsets agree,
    so daylight saving is still known.
    """
    local = local_zone()
    if when is None or when.tzinfo is None:
        return local
    if isinstance(when.tzinfo, ZoneInfo):
        return when.tzinfo
    if when.utcoffset() == when.astimezone(local).utcoffset():
        return local
    return when.tzinfo


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """A naive local time placed in `zone`; AmbiguousTime or NonexistentTime when it is not one."""
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall:
        raise AmbiguousTime(first, second)
    # In a gap (PEP 495) fold=0 reads the time with the offset from before it, fold=1 with the
    # one after: as real moments, the first lands after the gap and the second before it.
    raise NonexistentTime(
        wall, second.astimezone(UTC).astimezone(zone), first.astimezone(UTC).astimezone(zone)
    )


def _split_zone(text: str) -> tuple[str, tzinfo | None]:
    """Text and the IANA zone named at its end, if any ("14:00 Europe/Berlin")."""
    head, _, last = text.rpartition(" ")
    if not head or not ("/" in last or last.upper() in ("UTC", "GMT")):
        return text, None
    if _NUMERIC_DATE.fullmatch(last):
        return text, None  # "30/11": a date, not a zone
    try:
        return head.strip(), ZoneInfo("UTC" if last.upper() in ("UTC", "GMT") else last)
    except (ZoneInfoNotFoundError, ValueError):
        raise DateError(f"unknown time zone {last!r}: use a name such as Europe/Berlin") from None


def _clock(text: str) -> time | None:
    """ "14:00", "2pm", "2:30 pm", "noon": a time of day, or None when it is not one."""
    text = text.strip().lower()
    if text in ("noon", "midday"):
        return time(12)
    if text == "midnight":
        return time(0)
    found = _CLOCK.match(text)
    if not found:
        return None
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    ampm = (found["ampm"] or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f"{text!r}: an hour with am/pm is 1 to 12")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateError(f"{text!r} is not a time of day")
    return time(hour, minute)


def _day_word(word: str, today: date, prefer_past: bool) -> date | None:
    word = word.lower()
    if word in _RELATIVE:
        return today + timedelta(days=_RELATIVE[word])
    for index, name in enumerate(_WEEKDAYS):
        if len(word) >= 3 and (word.startswith(name) and name.startswith(word[:3])):
            full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            if not full[index].startswith(word.rstrip(".")):
                return None
            if prefer_past:  # the most recent one: interviews are typed after they happen
                return today - timedelta(days=(today.weekday() - index) % 7)
            return today + timedelta(days=(index - today.weekday()) % 7)
    return None


def _check_numeric(text: str) -> None:
    for found in _NUMERIC_DATE.finditer(text):
        first, second = int(found[1]), int(found[2])
        if first != second and first <= 12 and second <= 12:
            raise DateError(
                f"{found[0]!r} could be day/month or month/day: write the month as a word"
                " (4 Mar) or the ISO form (2026-03-04)"
            )


def _free_form(text: str, today: date) -> tuple[datetime, bool]:
    """A date (and maybe time) in one of dateutil's many forms; True when a time was given."""
    from dateutil import parser  # only when such a form is typed: it is slow to import

    _check_numeric(text)
    # two leap years, so "29 Feb" reads; what differs between the readings was not typed
    first_default = datetime(2000, 1, 1, 0, 0)
    second_default = datetime(1996, 2, 2, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", parser.UnknownTimezoneWarning)
            one = parser.parse(text, default=first_default, dayfirst=True)
            two = parser.parse(text, default=second_default, dayfirst=True)
    except parser.UnknownTimezoneWarning:
        raise DateError(
            f"cannot tell the zone in {text!r}: use a name (Europe/Berlin) or an offset (+01:00)"
        ) from None
    except (ValueError, OverflowError):
        raise DateError(
            f"cannot read {text!r} as a date: try 30 Nov 2pm, Mon 10:30 or 2026-11-30 14:00"
        ) from None
    if (one.month, one.day) != (two.month, two.day):
        raise DateError(f"{text!r} has no day of the month: try 30 Nov 2pm")
    has_time = one.hour == two.hour  # the defaults differ: equal hours were typed
    if one.year != two.year:  # no year: the date nearest to today
        candidates = [one.replace(year=today.year + n) for n in (-1, 0, 1) if _valid(one, n, today)]
        if not candidates:
            raise DateError(f"{text!r}: no such day this year or next")
        one = min(candidates, key=lambda d: abs((d.date() - today).days))
    return one, has_time


def _valid(dt: datetime, shift: int, today: date) -> bool:
    try:
        dt.replace(year=today.year + shift)
    except ValueError:  # 29 Feb
        return False
    return True


def _read(text: str, today: date, prefer_past: bool) -> tuple[date, time | None, tzinfo | None]:
    """The date, the time of day (None when not given) and any offset written in the text."""
    clock = _clock(text)
    if clock is not None:
        return today, clock, None
    found = _DAY_WORD.match(text)
    if found:
        day = _day_word(found["day"], today, prefer_past)
        if day is not None:
            rest = (found["rest"] or "").strip()
            clock = _clock(rest) if rest else None
            if not rest or clock is not None:
                return day, clock, None
            # "Sun 25 Oct 2026 02:30": a full date after the day's name, read below
    if _ISO_DATE.match(text):
        return date.fromisoformat(text), None, None
    try:
        iso = datetime.fromisoformat(text)
    except ValueError:
        iso, has_time = _free_form(text, today)
    else:
        has_time = True
    return iso.date(), iso.time() if has_time else None, iso.tzinfo


def parse_datetime(
    text: str, *, now: datetime, zone: tzinfo | None = None, prefer_past: bool = True
) -> datetime:
    """The aware date and time a person typed; DateError (with what to type) when it cannot be.

    `zone` is where a time without a zone of its own is read (default: the system's);
    `prefer_past` makes "Mon" the last Monday rather than the next.
    """
    text = " ".join(text.split())
    if not text:
        raise DateError("no date given")
    text, named = _split_zone(text)
    default = named or zone or local_zone()
    today = now.astimezone(default).date()
    day, clock, offset = _read(text, today, prefer_past)
    if clock is None:
        raise DateError(f"{text!r} has no time of day: add one, e.g. {text} 14:00")
    wall = datetime.combine(day, clock)
    try:
        check_year(wall)
    except ValueError as exc:
        raise DateError(str(exc)) from None
    if offset is None:
        return localize(wall, default)
    aware = wall.replace(tzinfo=offset)
    if named is None:
        return aware
    # both an offset and a zone name: the offset picks one reading of a repeated hour
    for fold in (0, 1):
        reading = wall.replace(tzinfo=named, fold=fold)
        if reading.utcoffset() == aware.utcoffset():
            return reading
    raise DateError(f"{_offset(aware)} is not the offset of {zone_name(aware.astimezone(named))}")


def parse_date(text: str, *, now: datetime, prefer_past: bool = False) -> date:
    """A date a person typed ("Fri", "tomorrow", "4 Dec", "2026-12-04"); DateError when not one.

    `prefer_past=False` makes "Fri" the next Friday: a decision date is usually ahead.
    """
    text = " ".join(text.split())
    if not text:
        raise DateError("no date given")
    today = now.date()
    day, clock, _offset_ = _read(text, today, prefer_past)
    if clock is not None and _clock(text) is not None:
        raise DateError(f"{text!r} is a time, not a date: try Fri or 4 Dec")
    try:
        check_year(day)
    except ValueError as exc:
        raise DateError(str(exc)) from None
    return day


def to_fixed(dt: datetime) -> datetime:
    """The same moment with a plain offset as its zone (what a TOML file keeps)."""
    offset = dt.utcoffset()
    return dt if offset is None else dt.replace(tzinfo=timezone(offset))
