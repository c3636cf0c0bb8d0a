"""The interview's calendar invitation (.ics) read into a new draft: time, people, company, role.

Invitations from Google Calendar, Outlook/Exchange, Zoom and Teams are read with the
`icalendar` library (RFC 5545: folded lines, CRLF or LF, zones given by VTIMEZONE). What the
invitation does not say plainly is left empty for the user, never guessed. No Textual here.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.errors import FileFormatError
from followup_tui.model import Draft, Interview, Interviewer

# An invitation is a few kilobytes; anything this large is not one.
MAX_BYTES = 2_000_000

_VIDEO = re.compile(
    r"https?://(?:[\w-]+\.)*(?:meet\.google\.com|zoom\.us|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|meet\.jit\.si|chime\.aws)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:tel:|\bphone\b|\bcall\b|^)\s*:?\s*\+?\d[\d ()./-]{6,}\d", re.IGNORECASE)
# a house number and a street word, or a postcode: "Torstraße 120", "12 Harbour Street"
_STREET = re.compile(
    r"\d+\w?\s+[\w.'-]+(?:\s[\w.'-]+)*\s(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|way|drive"
    r"|boulevard|blvd\.?|place|square|court|row|quay|wharf)\b"
    r"|\b\w*(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gade|vej|rue|via|calle)"
    r"\s+\d+"
    r"|\b(?:rue|via|calle|avenida|carrer)\s+\w+",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|programmer|manager|designer|analyst|scientist|researcher|lead"
    r"|director|architect|consultant|specialist|intern|administrator|officer|coordinator"
    r"|associate|head|vp|president|owner|sre|devops|writer|recruiter|accountant|technician"
    r"|representative|executive|strategist|marketer|editor|advisor|adviser|assistant|partner"
    r"|principal|staff|tester|support|counsel|nurse|teacher|product|data)\b",
    re.IGNORECASE,
)
# Words that say what kind of meeting this is, not which job: taken off the ends of a role.
_MEETING_WORDS = re.compile(
    r"^(?:(?:technical|final|first|second|third|\d+(?:st|nd|rd|th)|virtual|video|phone"
    r"|onsite|on-site|panel|hiring|manager|recruiter|culture|team)\s+)*"
    r"(?:interview|onsite|on-site|screen|screening|call|chat|round|loop|meeting|conversation)s?$",
    re.IGNORECASE,
)
_LABELS = {
    "company": re.compile(r"^\s*(?:company|employer|organi[sz]ation)\s*:\s*(.+?)\s*$", re.I | re.M),
    "role": re.compile(
        r"^\s*(?:role|position|job(?: title)?|vacancy)\s*:\s*(.+?)\s*$", re.I | re.M
    ),
}
# "Senior Data Engineer interview at Lumen"
_ROLE_INTERVIEW_AT = re.compile(r"^(.+?)\s+interview\s+(?:at|with)\s+(.+)$", re.I)
# "Interview with Lumen for the Senior Data Engineer role"
_INTERVIEW_AT_FOR = re.compile(
    r"interview\s+(?:at|with)\s+(.+?)\s+for\s+(?:the\s+)?(.+?)(?:\s+(?:role|position))?$", re.I
)
# "Alex Doe - Senior Data Engineer (Lumen Analytics)"
_PARENTHESISED = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
# "Lumen <> Alex: Data Engineer onsite"
_BETWEEN = re.compile(r"^(.+?)\s*(?:<>|<->|\bx\b|&)\s*(.+?)\s*:\s*(.+)$")
# "Data Analyst at Northwind"
_AT = re.compile(r"^(.+?)\s+(?:at|@)\s+(.+)$")
_PHONE_SUMMARY = re.compile(r"\bphone (?:screen|call|interview)\b", re.I)
_ONSITE_SUMMARY = re.compile(r"\b(?:onsite|on-site|in person|in-person)\b", re.I)


@dataclass
class InviteEvent:
    """One event of an invitation, read as the facts of an interview."""

    summary: str
    start: datetime | date  # a date alone for an all-day event
    company: str = ""
    role: str = ""
    format: str = ""  # "" when the invitation does not tell
    interviewers: list[Interviewer] = field(default_factory=list)
    # an attendee the summary names, who may be the user ("Interview: Alex Doe - ..."),
    # kept as an interviewer until the user says it is them
    maybe_you: Interviewer | None = None
    recognised_you: bool = False  # an attendee was the user, and is left out

    @property
    def all_day(self) -> bool:
        """True for an all-day event: it has no time to follow up from."""
        return not isinstance(self.start, datetime)

    def missing(self) -> list[str]:
        """What the invitation does not say, of "company", "role" and "format"."""
        return [name for name in ("company", "role", "format") if not getattr(self, name)]

    def to_draft(self, path: Path | str, *, tone: str = "warm") -> Draft:
        """A new draft from this event; FileFormatError for an all-day event."""
        if not isinstance(self.start, datetime):
            raise FileFormatError(
                path,
                f"{self.summary or 'the event'!r} is an all-day event: it has no time of the"
                " interview to follow up from (set it in the When field)",
            )
        people = [Interviewer(p.name, p.title, p.email) for p in self.interviewers]
        return Draft(
            interview=Interview(
                company=self.company,
                role=self.role,
                when=self.start,
                format=self.format or "video",
            ),
            interviewers=people or [Interviewer()],
            tone=tone,
        )


def read_invite(path: Path, *, me: tuple[str, ...] = ()) -> list[InviteEvent]:
    """Every event in an .ics file, in the order given; FileFormatError when it cannot be read.

    `me` holds the user's addresses and names: attendees matching one are not interviewers.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise FileFormatError(path, "too large to be a calendar invitation")
    return parse_invite(data, path, me=me)


def parse_invite(data: bytes, path: Path | str, *, me: tuple[str, ...] = ()) -> list[InviteEvent]:
    """Every event in the bytes of an .ics file (see `read_invite`)."""
    import icalendar  # only when an invitation is read: it takes a while to import

    text = data.decode("utf-8-sig", errors="replace")
    if "BEGIN:VCALENDAR" not in text.upper():
        raise FileFormatError(path, "not a calendar invitation (no BEGIN:VCALENDAR)")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise FileFormatError(path, f"not a readable calendar file: {exc}") from None
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not events:
        raise FileFormatError(path, "this calendar file holds no event")
    mine = {m.strip().casefold() for m in me if m.strip()}
    return [_event(event, path, mine) for event in events]


def _text(event: Any, name: str) -> str:
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip()


def _start(event: Any, path: Path | str) -> datetime | date:
    from followup_tui import dates

    if event.get("DTSTART") is None:
        raise FileFormatError(path, f"the event {_text(event, 'SUMMARY')!r} has no start time")
    try:
        start: datetime | date = event.decoded("DTSTART")
    except (ValueError, KeyError, TypeError) as exc:
        raise FileFormatError(path, f"cannot read the start time: {exc}") from None
    if not isinstance(start, datetime):
        return start  # an all-day event
    if start.tzinfo is None:  # a "floating" time: the user's own clock
        return dates.localize(start, dates.local_zone())
    if isinstance(start.tzinfo, ZoneInfo):
        return start
    # Outlook names zones the Windows way ("W. Europe Standard Time"): the IANA zone with
    # the same offset keeps its daylight-saving rules and its usual abbreviation
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = str(event["DTSTART"].params.get("TZID", ""))
    try:
        zone = ZoneInfo(WINDOWS_TO_OLSON.get(tzid, tzid))
    except (ZoneInfoNotFoundError, ValueError):
        return start
    moved = start.astimezone(zone)
    return moved if moved.replace(tzinfo=None) == start.replace(tzinfo=None) else start


def _people(event: Any, mine: set[str]) -> list[Interviewer]:
    found = event.get("ATTENDEE") or []
    if not isinstance(found, list):
        found = [found]
    people: list[Interviewer] = []
    seen: set[str] = set()
    for attendee in found:
        params = attendee.params
        if str(params.get("CUTYPE", "INDIVIDUAL")).upper() not in ("INDIVIDUAL", "UNKNOWN"):
            continue  # rooms, resources, groups
        address = str(attendee).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:]
        name = " ".join(str(params.get("CN", "")).strip('"').split())
        if name.casefold() == address.casefold() or "@" in name:
            name = ""  # Outlook puts the address in CN when it has no name
        elif "," in name:  # "Okafor, Sam": the directory's last-name-first form
            last, _, first = name.partition(",")
            name = f"{first.strip()} {last.strip()}".strip()
        key = address.casefold() or name.casefold()
        if not key or key in seen or address.casefold() in mine or name.casefold() in mine:
            continue
        seen.add(key)
        people.append(Interviewer(name=name, email=address))
    return people


def _format(event: Any) -> str:
    location = _text(event, "LOCATION")
    description = _text(event, "DESCRIPTION")
    links = " ".join(
        _text(event, name)
        for name in ("URL", "CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL")
    )
    if _STREET.search(location):
        return "on-site"  # an address wins: Outlook adds a Teams link to every meeting
    if _VIDEO.search(" ".join((location, links, description))):
        return "video"
    if _PHONE.search(location) or re.search(
        r"\bphone (?:screen|call|interview)\b", _summary(event), re.I
    ):
        return "phone"
    if re.search(r"\b(?:onsite|on-site|in person|in-person)\b", _summary(event), re.I):
        return "on-site"
    return ""


def _summary(event: Any) -> str:
    return " ".join(_text(event, "SUMMARY").split())


def _clean_role(text: str) -> str:
    """A job title from a piece of the summary, or "" when it does not look like one."""
    text = text.strip(" -–—|:,;")
    words = text.split()
    # "Data Engineer onsite", "Senior Data Engineer Interview": drop the meeting words
    for cut in range(len(words)):
        if _MEETING_WORDS.match(" ".join(words[cut:])):
            words = words[:cut]
            break
    text = " ".join(words).strip(" -–—|:,;")
    text = re.sub(r"^(?:interview|onsite|phone screen|screen)\s*(?:for|:)\s*", "", text, flags=re.I)
    return text if _ROLE_WORDS.search(text) else ""


def _role_in(text: str, people: list[str]) -> str:
    """The first piece of "Alex Doe - Senior Data Engineer" that is a job title, or ""."""
    parts = re.split(r"\s+[-–—|]\s+|:\s+", text)
    roles = [_clean_role(part) for part in parts if not _is_person(part, people)]
    return next((role for role in roles if role), "")


def _is_person(text: str, people: list[str]) -> bool:
    folded = text.casefold().strip()
    return any(
        folded and (folded == p or folded in p.split() or p.startswith(folded + " "))
        for p in people
    )


def _company_and_role(
    summary: str, description: str, people: list[str], domains: set[str]
) -> tuple[str, str]:
    """Company and role from the summary (labelled lines in the description win)."""
    company = role = ""
    if found := _LABELS["company"].search(description):
        company = found[1]
    if found := _LABELS["role"].search(description):
        role = found[1]
    text = re.sub(r"^(?:interview|invitation)\s*:\s*", "", summary, flags=re.I)
    guess_company = guess_role = ""
    if found := _ROLE_INTERVIEW_AT.search(text):
        guess_role, guess_company = _role_in(found[1], people), found[2]
    elif found := _INTERVIEW_AT_FOR.search(text):
        guess_company, guess_role = found[1], _clean_role(found[2])
    elif found := _PARENTHESISED.search(text):
        guess_company, guess_role = found[2], _role_in(found[1], people)
    elif found := _BETWEEN.search(text):
        left, right = found[1].strip(), found[2].strip()
        if _is_person(right, people) and not _is_person(left, people):
            guess_company = left
        elif _is_person(left, people) and not _is_person(right, people):
            guess_company = right
        else:  # neither side is known to be the user: the interviewers' domain may tell
            sides = [s for s in (left, right) if _matches_domain(s, domains)]
            guess_company = sides[0] if len(sides) == 1 else ""
        guess_role = _clean_role(found[3])
    elif found := _AT.search(text):
        guess_role, guess_company = _role_in(found[1], people), found[2]
    if not guess_role:
        # "Coffee at Starbucks", "Lunch (team)": not an interview's title, so no company either
        guess_company = ""
    company = company or guess_company.strip(" -–—|:,;.")
    role = role or guess_role
    return company, role


def _matches_domain(name: str, domains: set[str]) -> bool:
    squashed = re.sub(r"[^a-z0-9]", "", name.casefold())
    return bool(squashed) and any(
        squashed == re.sub(r"[^a-z0-9]", "", d.split(".")[0]) for d in domains
    )


def _event(event: Any, path: Path | str, mine: set[str]) -> InviteEvent:
    summary = _summary(event)
    everyone = _people(event, set())
    interviewers = _people(event, mine)
    names = [p.name.casefold() for p in everyone if p.name]
    # the user's own names: what `me` holds, and the attendees left out as the user
    you = sorted(mine | {p.name.casefold() for p in everyone if p not in interviewers and p.name})
    maybe_you = None
    if len(interviewers) == len(everyone):  # nobody was recognised as the user
        words = set(re.findall(r"\w+", summary.casefold()))
        named = [p for p in interviewers if p.name and p.name.casefold() in summary.casefold()]
        if not named:  # "Lumen <> Alex": a first name alone
            named = [p for p in interviewers if p.first_name.casefold() in words]
        maybe_you = named[0] if len(named) == 1 else None
        if maybe_you is not None:
            you.append(maybe_you.name.casefold())
    domains = {
        p.email.rpartition("@")[2].casefold()
        for p in interviewers
        if p is not maybe_you and "@" in p.email
    }
    people = you or names
    company, role = _company_and_role(summary, _text(event, "DESCRIPTION"), people, domains)
    return InviteEvent(
        summary=summary,
        start=_start(event, path),
        company=company,
        role=role,
        format=_format(event),
        interviewers=interviewers,
        maybe_you=maybe_you,
        recognised_you=len(interviewers) < len(everyone),
    )


def without(event: InviteEvent, person: Interviewer) -> InviteEvent:
    """The event with one attendee (the user) taken out of its interviewers."""
    kept = [p for p in event.interviewers if p is not person]
    return dataclasses.replace(event, interviewers=kept, maybe_you=None, recognised_you=True)


def describe_event(event: InviteEvent, now: datetime | None = None) -> str:
    """One line for a list of events: "Mon 30 Nov 14:00 CET  Interview: ..." ."""
    from followup_tui import dates

    if isinstance(event.start, datetime):
        when = dates.describe(event.start, now)
    else:
        when = dates.describe_date(event.start, now) + " (all day)"
    return f"{when}  {event.summary or '(no title)'}"
