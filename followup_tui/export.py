"""Hand the email over: plain text, an .eml draft, a mailto: link, an .ics reminder, $EDITOR.

Nothing here sends mail; the user does. Standard library only, no Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from urllib.parse import quote

from followup_tui import __version__
from followup_tui.model import Draft, Email, Profile
from followup_tui.timing import Window, describe

# Browsers and mail clients cut or refuse longer mailto: links; about 2,000 is the safe size.
MAILTO_LIMIT = 2000
# RFC 5322 2.1.1: a line is at most 998 octets; past that the body must be encoded.
_MAX_LINE_OCTETS = 998
# RFC 5545 3.1: content lines are folded at 75 octets.
_ICS_LINE_OCTETS = 75
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


class EditorError(OSError):
    """No editor is configured, or the configured one cannot be started."""


def _one_line(text: str) -> str:
    """A header value on one line: line breaks in a header would start a new header."""
    return " ".join(text.split())


def _bare_addresses(to: str) -> list[str]:
    return [addr for _name, addr in getaddresses([to]) if "@" in addr]


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
    message["Subject"] = _one_line(email.subject)
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


def _ics_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    text = _normalise_newlines(text)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def _ics_time(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    if len(line.encode()) <= _ICS_LINE_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = _ICS_LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
            limit = _ICS_LINE_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _reminder_time(window: Window) -> datetime:
    """When the reminder fires: the "send by" time, so it reads as a deadline.

    That is best_by when the window has one, else its end, else (keep-in-touch, which has
    no deadline) its start.
    """
    if window.best_by is not None:
        return window.best_by
    if window.end is not None:
        return window.end
    return window.start


def to_ics(draft: Draft, window: Window, *, now: datetime, uid_seed: str = "") -> str:
    """An RFC 5545 calendar with one 15-minute event and alarm at the window's "send by" time.

    The UID is a hash of `uid_seed` (the draft's file name is a good one; the interview's
    company, role and time when empty) and the window label, so exporting the same reminder
    again updates the event instead of adding a second one. Raises ValueError for a cold
    window: there is nothing left to send.
    """
    if window.state == "cold":
        raise ValueError("this interview has gone cold: there is no follow-up to remind of")
    interview = draft.interview
    company = interview.company.strip()
    if not uid_seed:
        when = interview.when.isoformat() if interview.when else ""
        uid_seed = f"{company}|{interview.role.strip()}|{when}"
    digest = hashlib.sha256(f"{uid_seed}\x00{window.label}".encode()).hexdigest()[:32]
    summary = f"Send {window.label} to {company}" if company else f"Send {window.label} email"
    details = []
    role = interview.role.strip()
    if role and company:
        details.append(f"{role} at {company}")
    elif role or company:
        details.append(role or company)
    names = [i.name.strip() for i in draft.interviewers if i.name.strip()]
    if names:
        details.append("Interviewers: " + ", ".join(names))
    # no "(in 17 h)": a calendar shows this text long after `now`
    details.append(describe(window, now, relative=False))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//followup-tui//followup-tui {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{digest}@followup-tui",
        f"DTSTAMP:{_ics_time(now)}",
        f"DTSTART:{_ics_time(_reminder_time(window))}",
        "DURATION:PT15M",
        f"SUMMARY:{_ics_text(summary)}",
        f"DESCRIPTION:{_ics_text(chr(10).join(details))}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_ics_text(summary)}",
        "TRIGGER:-PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


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
            handle.write(text)
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
