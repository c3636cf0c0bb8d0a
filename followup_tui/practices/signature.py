"""Practice `signature`: a sign-off, the candidate's full name and a way to reach them."""

from __future__ import annotations

import re

from followup_tui.contacts import stale_contact
from followup_tui.model import Profile
from followup_tui.practices.context import NAME_WORD_RE, Context, fold, one_line
from followup_tui.practices.placeholders import find_placeholder
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "signature", "Signed with your name and contact", G2, False,
    "End with a sign-off, your full name and a phone number or email.",
)  # fmt: skip

CLOSING_RE = re.compile(
    r"^(?:(?:with\s+)?(?:best|kind|kindest|warm|warmest|many)\s+(?:regards|wishes|thanks)"
    r"|best|regards|sincerely(?:\s+yours)?|yours\s+(?:sincerely|truly|faithfully)"
    r"|respectfully(?:\s+yours)?|thank\s+you(?:\s+(?:again|so\s+much|very\s+much))?"
    r"|thanks(?:\s+again|\s+so\s+much)?|cheers|warmly|all\s+the\s+best|take\s+care"
    r"|with\s+(?:appreciation|gratitude|thanks))"
    r"\s*[,.!:;-]*\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"\+?\d[\d \t().-]{5,}\d")
_URL_RE = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE
)
_LINK_PREFIX_RE = re.compile(r"^(?:https?://)?(?:www\.)?")


def _signature_block(c: Context) -> tuple[list[str], bool]:
    """(the lines from the sign-off on, name part of the sign-off line first), found."""
    tail = c.lines[-8:]
    for i in range(len(tail) - 1, -1, -1):
        m = CLOSING_RE.match(tail[i])
        if not m:
            continue
        rest = m.group("rest").strip()
        if rest and not _is_name_line(rest, 1):
            continue
        return ([rest] if rest else []) + tail[i + 1 :], True
    # An own sign-off ("Thanks for your time," "Happy recruiting!") counts when a name follows
    # it: a short line of its own, closing the email.
    for i in range(len(tail) - 2, 0, -1):
        own = tail[i].endswith((",", "!", "-")) and len(tail[i].split()) <= 6
        if own and _is_name_line(tail[i + 1], 1):
            return tail[i + 1 :], True
    return [], False


def _is_name_line(line: str, min_words: int) -> bool:
    if any(ch.isdigit() for ch in line) or "@" in line or "/" in line:
        return False
    words = line.rstrip(",.!").split()
    if not min_words <= len(words) <= 5:
        return False
    capital = sum(1 for w in words if w[:1].isupper() and NAME_WORD_RE.fullmatch(w))
    return capital >= min_words and capital >= len(words) - 1


def _has_contact(line: str) -> bool:
    if _EMAIL_RE.search(line) or _URL_RE.search(line):
        return True
    return any(sum(ch.isdigit() for ch in m.group()) >= 7 for m in _PHONE_RE.finditer(line))


def _profile_contacts(profile: Profile) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if profile.email.strip():
        out.append(("email", fold(profile.email.strip())))
    digits = "".join(ch for ch in profile.phone if ch.isdigit())
    if len(digits) >= 7:
        out.append(("phone", digits[-7:]))
    for link in profile.links:
        bare = _LINK_PREFIX_RE.sub("", fold(link.strip())).rstrip("/")
        if bare:
            out.append(("link", bare))
    return out


def judge(c: Context) -> Verdict:
    """A sign-off with the profile's name and a contact under it (any full name without one)."""
    block, found = _signature_block(c)
    if not found:
        return Status.FAIL, 'no sign-off line such as "Best regards,"'
    text = "\n".join(block)
    placeholder = find_placeholder(text)
    if placeholder:
        return Status.FAIL, f"placeholder in the signature: {one_line(placeholder, 50)}"
    profile = c.profile
    if profile is not None and profile.name.strip():
        name = " ".join(profile.name.split())
        if fold(name) not in fold(" ".join(text.split())):
            return Status.FAIL, f"your name ({one_line(name, 40)}) is not under the sign-off"
        # An email edited by hand keeps the details it had then, not the profile's now.
        stale = stale_contact(text, profile)
        if stale:
            return Status.FAIL, f"old contact details: {stale}"
        contacts = _profile_contacts(profile)
        if not contacts:
            return Status.PASS, "signed with your name"
        flat = fold(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        for kind, value in contacts:
            if (kind == "phone" and value in digits) or (kind != "phone" and value in flat):
                return Status.PASS, f"signed with your name and {kind}"
        return Status.WARN, "no email or phone under your name"
    full = any(_is_name_line(line, 2) for line in block)
    named = full or any(_is_name_line(line, 1) for line in block)
    has_contact = any(_has_contact(line) for line in block)
    if full and has_contact:
        return Status.PASS, "signed with a full name and contact details"
    if full:
        return Status.WARN, "no email, phone or link under your name"
    if named and has_contact:
        return Status.WARN, "sign with your full name, not only your first"
    if named:
        return Status.WARN, "sign with your full name, and add an email or phone"
    return Status.FAIL, "no name under the sign-off"
