"""Practice `greeting`: the email opens with the interviewer's name."""

from __future__ import annotations

import re

from followup_tui.names import HONORIFICS, PersonName, is_honorific
from followup_tui.practices.context import (
    NAME_WORD_RE,
    Context,
    fold,
    near_miss,
    one_line,
    quote,
    wordset,
)
from followup_tui.practices.placeholders import find_placeholder
from followup_tui.practices.signature import CLOSING_RE
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "greeting", "Greets the interviewer by name", G3, False,
    'Open with their name ("Dear Priya,"), not "Dear Hiring Manager".',
)  # fmt: skip

_GREETING_RE = re.compile(
    r"^(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|to\s+whom\s+it\s+may\s+concern)\b[\s,:;!.-]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BARE_NAME_GREETING_RE = re.compile(r"^(?P<rest>[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3})\s*,$")
_GENERIC_ADDRESSEES = wordset(
    "hiring manager managers team sir madam all everyone everybody recruiter recruiting there "
    "folks colleagues committee panel friends and or the to whom it may concern hr talent "
    "acquisition people interviewer interviewers search selection"
)


def greeting_names(rest: str) -> list[str]:
    """The name-like words after a greeting word: "Ms. Chen" gives ["Chen"], "Hiring Manager" []."""
    names: list[str] = []
    for word in NAME_WORD_RE.findall(rest):
        bare = word.rstrip(".")
        low = bare.lower()
        if low in HONORIFICS or low in _GENERIC_ADDRESSEES:
            continue
        if not bare[:1].isupper():
            break
        names.append(bare)
    return names


def greeting_rest(line: str) -> str | None:
    """What follows the greeting word of a greeting line ("Dear Priya," or just "Priya,")."""
    m = _GREETING_RE.match(line)
    if not m and not CLOSING_RE.match(line):
        m = _BARE_NAME_GREETING_RE.match(line)
    return m.group("rest") if m else None


def judge(c: Context) -> Verdict:
    """The first line greets the draft's interviewer, or (plain email) someone by name."""
    if not c.lines:
        return Status.FAIL, "the email is empty"
    line = c.lines[0]
    placeholder = find_placeholder(line)
    if placeholder:
        return Status.FAIL, f"greeting has a placeholder {quote(placeholder)}"
    rest = greeting_rest(line)
    wanted = c.interviewer_name
    if rest is None:
        who = f" and {wanted.split()[0]}'s name" if wanted else " and their name"
        return Status.FAIL, f"no greeting line: open with Dear or Hi{who}"
    names = greeting_names(rest)
    if wanted:
        return _greets_interviewer(line, names, wanted)
    if names:
        return Status.PASS, f"greets {one_line(names[0], 30)} by name"
    words = [w.strip(",:;!") for w in rest.split()]
    title = next((w for w in words if is_honorific(w) and w.lower() not in _GENERIC_ADDRESSEES), "")
    if title:
        return Status.FAIL, f"{quote(title)} alone is not a name: add their surname"
    return Status.WARN, "greeting names no one: use the interviewer's name"


def _greets_interviewer(line: str, names: list[str], wanted: str) -> Verdict:
    """Pass when the greeting holds the interviewer's given name or surname (never a title)."""
    person = PersonName.parse(wanted)
    parts = [p for p in (person.given, person.surname) if p]
    folded = {fold(w).rstrip(".") for w in NAME_WORD_RE.findall(line)}
    for part in parts:
        if fold(part).rstrip(".") in folded:
            return Status.PASS, f"greets {one_line(part, 40)} by name"
    for name in names:
        for part in parts:
            if near_miss(name, part):
                return Status.FAIL, f"{quote(name)} looks like a misspelling of {quote(part)}"
    if names:
        return Status.FAIL, f"greets {quote(' '.join(names))}, not {one_line(wanted, 40)}"
    return Status.FAIL, f"greeting does not name {one_line(wanted, 40)}"
