"""A plain email file (.txt or .eml) read for `check`: its To, Subject and body, cleaned."""

from __future__ import annotations

from pathlib import Path

from followup_tui.errors import FileFormatError
from followup_tui.model import Email


def read_plain_email(path: Path) -> Email:
    """A plain email file: .eml parsed as a message, anything else as text."""
    from followup_tui.practices import parse_plain_email
    from followup_tui.storage import read_regular

    raw = read_regular(path)
    if not raw.strip():
        raise FileFormatError(path, "the file is empty")
    if path.suffix.lower() == ".eml":
        return _read_eml(path, raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError(path, "not UTF-8 text (is it a binary file?)") from None
    if "\x00" in text:
        raise FileFormatError(path, "not a text file (it holds NUL bytes)")
    return _clean_email(parse_plain_email(text))


def _read_eml(path: Path, raw: bytes) -> Email:
    import email
    import email.policy
    from email.message import EmailMessage

    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        raise FileFormatError(path, "no plain-text part in this email")
    try:
        body = str(part.get_content())
    except (LookupError, UnicodeError, ValueError, AssertionError) as exc:
        # an unknown charset or a broken transfer encoding, named rather than a traceback
        raise FileFormatError(path, f"cannot read the email's text: {exc}") from None
    found = Email(
        to=str(message.get("To", "")),
        subject=str(message.get("Subject", "")),
        body=body.strip("\n"),
    )
    if not (found.subject.strip() or found.body.strip()):
        raise FileFormatError(path, "the email has no subject and no text")
    return _clean_email(found)


def _clean_email(found: Email) -> Email:
    from dataclasses import replace

    from followup_tui.text import clean, clean_line

    return replace(
        found, to=clean_line(found.to), subject=clean_line(found.subject), body=clean(found.body)
    )
