"""A plain email (text with an optional subject line) read into an Email."""

from __future__ import annotations

import re

from followup_tui.model import Email

_SUBJECT_LINE_RE = re.compile(r"[ \t]*subject[ \t]*:[ \t]*(.*?)\s*$", re.IGNORECASE)


def parse_plain_email(text: str) -> Email:
    """An email from plain text: an optional "Subject: ..." first line, then the body."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    m = _SUBJECT_LINE_RE.match(first)
    if not m:
        return Email(to="", subject="", body=text)
    head, _, tail = rest.partition("\n")
    body = rest if head.strip() else tail  # one blank line after the subject is optional
    return Email(to="", subject=m.group(1), body=body)
