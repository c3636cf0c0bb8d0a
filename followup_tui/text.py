"""Text from outside (a draft, a paste, a template's output) made safe to show and hand over.

A control character in a terminal is a command: ESC starts sequences that set the clipboard
(OSC 52), retitle the window or wipe the screen, BEL rings. None of them belongs in an email,
so C0 and C1 controls go wherever text comes in and again wherever it goes out; newline and
tab stay where the text may hold them.
"""

from __future__ import annotations

import re

# C0 (but tab and newline), DEL and C1; carriage returns are turned into newlines first.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode's own line and paragraph separators end a line in some viewers: a newline here.
_SEPARATORS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
# A file name that is not UTF-8 arrives as lone surrogates (Python's surrogateescape).
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ALL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPED_BYTES = re.compile(r"[\udc80-\udcff]")


def clean(text: str) -> str:
    """`text` without control characters; newlines (any kind, as \\n) and tabs are kept."""
    if text.isprintable():  # the usual case, and quick
        return text
    text = _SEPARATORS.sub("\n", text)
    text = _SURROGATES.sub("\ufffd", text)
    return _CONTROLS.sub("", text)


def clean_surrogates(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes of a file name or argument) as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """`text` on one line: control characters dropped, line breaks and tabs become spaces."""
    return " ".join(clean(text).split())


def shown(path: object) -> str:
    """A file name (or any text) for one line: undecodable bytes and controls as `\\xff`."""
    name = str(path)
    name = _ESCAPED_BYTES.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)
    name = _SURROGATES.sub("\ufffd", name)
    return _ALL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


# One addr-spec and nothing else: no second address, no header, no mailto query, no spaces.
_ADDRESS_PART = r"[^\s@,;:<>()\[\]\"\\?&%/]+"
_ADDRESS = re.compile(rf"{_ADDRESS_PART}@{_ADDRESS_PART}")


def address_problem(text: str) -> str | None:
    """Why `text` is not one email address (like `priya@northwind.example`), or None if it is."""
    text = text.strip()
    if not text or _ADDRESS.fullmatch(text):
        return None
    if text.count("@") > 1 or any(mark in text for mark in ",;"):
        return "one address only (each interviewer has their own)"
    if "@" not in text:
        return "an address needs an @, like name@example.com"
    return "only the address itself, like name@example.com (no names, spaces or ?query)"
