"""Hand the email over: plain text, an .eml draft, a mailto: link, an .ics reminder, $EDITOR.

Nothing here sends mail; the user does. The .ics is written with icalendar; no Textual.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from urllib.parse import quote

from followup_tui import __version__
from followup_tui.model import Draft, Email, Profile
from followup_tui.text import address_problem
from followup_tui.timing import Window, describe

# Browsers and mail clients cut or refuse longer mailto: links; about 2,000 is the safe size.
MAILTO_LIMIT = 2000
# RFC 5322 2.1.1: a line is at most 998 octets; past that the body must be encoded.
_MAX_LINE_OCTETS = 998
# RFC 2047: an encoded word is at most 75 characters; 42 bytes of text make 56 of base64,
# which with "=?utf-8?b?" and "?=" fits after "Subject: " on a 78-character line.
_ENCODED_CHUNK = 42
# RFC 6068 "some-delims": allowed unencoded in the address part of a mailto: link.
_MAILTO_ADDR_SAFE = "@!$'()*+,;:"


class MailtoTooLong(ValueError):
    """The mailto: link would be longer than `MAILTO_LIMIT` characters."""

    def __init__(self, length: int) -> None:
        self.length = length
        self.limit = MAILTO_LIMIT
        super().__init__(
            f"the mailto: link would be {length} characters, over the {MAILTO_LIMIT} that"
            " mail clients accept; use the clipboard or an .eml draft instead"
        )


class BadRecipient(ValueError):
    """The interviewer's email field holds something other than one address."""


class EditorError(OSError):
    """No editor is configured, or the configured one cannot be started."""


def _one_line(text: str) -> str:
    """A header value on one line: line breaks in a header would start a new header."""
    return " ".join(text.split())


def _bare_addresses(to: str) -> list[str]:
    """The address of `to` ("Name <address>" or a bare address), as a list of none or one.

    Raises BadRecipient for anything that would make several recipients or none: a comma, a
    "Bcc:", a "?bcc=" that a mailto: link would read as a header.
    """
    found = [addr for _name, addr in getaddresses([to]) if addr]
    if len(found) > 1:
        raise BadRecipient(f"the To field {to!r} holds more than one address; give one")
    if found and "@" in found[0] and (problem := address_problem(found[0])):
        raise BadRecipient(f"the address {found[0]!r} cannot be used: {problem}")
    addresses = [addr for addr in found if "@" in addr]
    if "@" in to and not addresses:  # the parser gave up: never drop the address silently
        raise BadRecipient(f"the To field {to!r} is not one readable address")
    return addresses


def _subject_header(subject: str) -> str:
    """The Subject as it goes into the .eml: folded so that it reads back exactly as given.

    Python's own folding loses or doubles spaces next to an encoded (non-ASCII) word, and a
    subject that itself looks like an encoded word ("=?utf-8?b?...?=") would be decoded when
    read back. So anything but plain short-worded ASCII is written as UTF-8 encoded words of
    whole characters (RFC 2047), one per folded line; readers join them without the breaks.
    """
    plain = subject.isascii() and "=?" not in subject
    if plain and all(len(word) <= 60 for word in subject.split(" ")):
        return subject
    words, chunk, size = [], "", 0
    for char in subject:
        width = len(char.encode())
        if size + width > _ENCODED_CHUNK and chunk:
            words.append(chunk)
            chunk, size = "", 0
        chunk += char
        size += width
    words.append(chunk)
    encoded = ["=?utf-8?b?" + base64.b64encode(w.encode()).decode("ascii") + "?=" for w in words]
    return "\r\n ".join(encoded)


# plain text and .eml


def to_txt(email: Email) -> str:
    """Subject line, blank line, body, newline: what goes on the clipboard and into a .txt."""
    return email.text + "\n"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def to_eml(email: Email, profile: Profile, *, date: datetime) -> bytes:
    """An RFC 5322 draft with CRLF line ends; X-Unsent makes desktop clients open it to edit."""
    message = EmailMessage(policy=policy.SMTP)
    to = _one_line(email.to)
    # a name without an address ("Priya Raman") would be an invalid To header: leave it out
    if _bare_addresses(to):
        message["To"] = to
    sender = _one_line(profile.email)
    if "@" in sender:
        try:
            message["From"] = Address(display_name=_one_line(profile.name), addr_spec=sender)
        except (ValueError, IndexError, HeaderParseError):
            message["From"] = sender  # not a clean addr-spec: keep what the user typed
    subject = _subject_header(_one_line(email.subject))
    if subject.startswith("=?"):
        # encoded and folded already: set as it is, so the policy neither decodes nor refolds it
        message.set_raw("Subject", subject)
    else:
        message["Subject"] = subject
    message["Date"] = format_datetime(date)
    message["X-Unsent"] = "1"
    body = _normalise_newlines(email.body)
    longest = max((len(line.encode()) for line in body.split("\n")), default=0)
    # 8bit keeps the body readable in a text editor (neomutt -H, aerc); only lines too long
    # for RFC 5322 need quoted-printable
    cte = "8bit" if longest <= _MAX_LINE_OCTETS else "quoted-printable"
    message.set_content(body, subtype="plain", charset="utf-8", cte=cte)
    return message.as_bytes()


# mailto:


def to_mailto(email: Email) -> str:
    """A mailto: link (RFC 6068) with subject and body; raises MailtoTooLong past the limit."""
    address = ",".join(quote(a, safe=_MAILTO_ADDR_SAFE) for a in _bare_addresses(email.to))
    fields = []
    if email.subject:
        fields.append("subject=" + quote(_one_line(email.subject), safe=""))
    if email.body:
        # RFC 6068 asks for CRLF line breaks, percent-encoded as %0D%0A
        body = _normalise_newlines(email.body).replace("\n", "\r\n")
        fields.append("body=" + quote(body, safe=""))
    link = f"mailto:{address}" + ("?" + "&".join(fields) if fields else "")
    if len(link) > MAILTO_LIMIT:
        raise MailtoTooLong(len(link))
    return link


# .ics

# How far ahead a reminder of something already overdue is set: soon enough to act on,
# late enough for the calendar to have it before the alarm fires.
REMINDER_SOON = timedelta(minutes=10)


def reminder_time(window: Window, now: datetime) -> datetime:
    """When the reminder fires: the next "send by" moment still ahead of `now`.

    That is the window's best_by, else its end, else (keep-in-touch, which has no deadline)
    its start, the first of these that is still to come; when all have passed (overdue, or a
    window already open with no deadline) it is `REMINDER_SOON` from now, so its alarm fires.
    """
    moments = [m for m in (window.best_by, window.end) if m is not None] or [window.start]
    for moment in moments:
        if moment > now:
            return moment
    return (now + REMINDER_SOON).replace(second=0, microsecond=0)


def to_ics(draft: Draft, window: Window, *, now: datetime, uid_seed: str = "") -> str:
    """An RFC 5545 calendar with one 15-minute event and its alarm at `reminder_time`.

    Written with the icalendar library (its escaping and line folding). The UID is a hash
    of `uid_seed` (the draft's file name is a good one; the interview's company, role and
    time when empty) and the window label, so exporting the same reminder again updates the
    event instead of adding a second one. Raises ValueError for a cold window: there is
    nothing left to send.
    """
    from icalendar import Alarm, Calendar, Event  # only when a reminder is exported

    if window.state == "cold":
        raise ValueError("this interview has gone cold: there is no follow-up to remind of")
    interview = draft.interview
    company = _one_line(interview.company)
    if not uid_seed:
        when = interview.when.isoformat() if interview.when else ""
        uid_seed = f"{company}|{interview.role.strip()}|{when}"
    digest = hashlib.sha256(f"{uid_seed}\x00{window.label}".encode()).hexdigest()[:32]
    summary = f"Send {window.label} to {company}" if company else f"Send {window.label} email"
    details = []
    role = _one_line(interview.role)
    if role and company:
        details.append(f"{role} at {company}")
    elif role or company:
        details.append(role or company)
    names = [_one_line(i.name) for i in draft.interviewers if i.name.strip()]
    if names:
        details.append("Interviewers: " + ", ".join(names))
    # no "(in 17 h)": a calendar shows this text long after `now`
    details.append(describe(window, now, relative=False))

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//followup-tui//followup-tui {__version__}//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{digest}@followup-tui")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", reminder_time(window, now).astimezone(UTC))
    event.add("duration", timedelta(minutes=15))
    event.add("summary", summary)
    event.add("description", "\n".join(details))
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))  # at the event's start
    event.add_component(alarm)
    calendar.add_component(event)
    written: bytes = calendar.to_ical()
    return written.decode("utf-8")


# the system's opener and the user's editor


def open_with_system(target: str) -> str | None:
    """Open a file or link with the desktop's handler, without waiting; the opener used or None.

    Raises OSError when the opener exists but cannot be started.
    """
    candidates = ("open",) if sys.platform == "darwin" else ("xdg-open",)
    for name in candidates:
        opener = shutil.which(name)
        if opener is None:
            continue
        # its own session and no inherited terminal: a GUI handler must not draw over the TUI
        # or die with it
        subprocess.Popen(
            [opener, target],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return name
    return None


def _editor_command(editor: str | None) -> list[str]:
    for command in (editor, os.environ.get("VISUAL"), os.environ.get("EDITOR")):
        if command and command.strip():
            return shlex.split(command)
    if shutil.which("vi"):
        return ["vi"]
    raise EditorError("no editor found: set $VISUAL or $EDITOR")


def edit_in_editor(text: str, *, editor: str | None = None, suffix: str = ".txt") -> str | None:
    """Let the user edit `text` in $VISUAL/$EDITOR and return it, or None if unchanged or aborted.

    The editor takes over the terminal: a Textual caller must run this inside `App.suspend()`.
    An editor that exits non-zero (vim's `:cq`) means "abort". The temporary file is always
    removed. Raises EditorError when no editor is configured or it cannot be started.
    """
    command = _editor_command(editor)
    fd, name = tempfile.mkstemp(prefix="followup-", suffix=suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            # A text file ends with a newline: without it, a line appended in the editor
            # (or by `echo >>`) is glued to the signature.
            handle.write(text if text.endswith("\n") else text + "\n")
        try:
            status = subprocess.run([*command, name], check=False).returncode
        except OSError as error:
            raise EditorError(f"cannot start the editor {command[0]!r}: {error}") from error
        if status != 0:
            return None
        with open(name, encoding="utf-8", errors="replace") as handle:
            edited = handle.read()
    finally:
        with contextlib.suppress(FileNotFoundError):  # the editor may have removed it
            os.unlink(name)
    # editors add a final newline on save; that alone is not a change
    if edited.rstrip("\n") == text.rstrip("\n"):
        return None
    if not text.endswith("\n") and edited.endswith("\n"):
        edited = edited[:-1]
    return edited


def parse_edited(text: str) -> tuple[str, str]:
    """Split "Subject: ...", a blank line and the body; the subject is "" when there is none."""
    text = _normalise_newlines(text).removeprefix("\ufeff")
    subject = ""
    first, newline, rest = text.partition("\n")
    if first[:8].lower() == "subject:":
        subject = first[8:].strip()
        text = rest if newline else ""
        text = text.lstrip("\n")
    return subject, text.rstrip()
