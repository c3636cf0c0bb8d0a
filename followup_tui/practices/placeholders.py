"""Practice `placeholders`: no template blank left in the email."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, one_line, search
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "placeholders", "No template blanks left", G2, False,
    "Fill every blank ([Job Title], ____, Last Name, TODO) before sending.",
)  # fmt: skip

# Each pattern comes with the substrings one of which any match starts with: a quick
# `str.find` on those lets a regex scan start late or not at all (a 300-word email is judged
# many times a second while the user types). No hints: the pattern searches the whole text.
_PLACEHOLDERS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("[",), re.compile(r"\[[^\[\]\n]{1,80}\]")),
    (("{{",), re.compile(r"\{\{[^\n]{0,80}?\}\}")),
    (("{%",), re.compile(r"\{%[^\n]{0,80}?%\}")),
    (("{",), re.compile(r"\{[^\W\d][\w .'-]{0,40}\}")),
    (("\u00ab",), re.compile(r"\u00ab[^\u00ab\u00bb\n]{1,60}\u00bb")),
    (("TODO", "XXX", "FIXME", "TK", "TBC"), re.compile(r"\b(?:TODO|XXX|FIXME|TKTK|TK|TBC)\b")),
    # <Your Name>, but not <name@example.com> or <https://...>
    (("<",), re.compile(r"<(?![a-zA-Z][\w+.-]*:)(?=[^<>@\n]*[A-Z ])[A-Za-z][^<>@\n]{0,60}>")),
    (("___",), re.compile(r"_{3,}")),
    # Round brackets hold real asides too: only an instruction to the writer is a blank.
    (
        ("(",),
        re.compile(
            r"\((?i:insert|enter|add|type|fill\s+in|your|name\s+of|company|organi[sz]ation|job"
            r"|position|interviewer|hiring\s+manager|(?:first|last|full)\s+name|date|role|title"
            r"|phone)(?=[\s)'])[^()\n]{0,60}\)"
        ),
    ),
    # What a template writes where a name or a title goes: capitalised as in a form.
    (
        (),
        re.compile(
            r"\b(?:(?:Your|First|Last|Full|Company|Interviewer'?s?|Candidate'?s?|Manager'?s?)"
            r"\s+Name|Job\s+Title|Position\s+Title|Your\s+(?:Phone|Email|Address|Title))\b"
        ),
    ),
    ((), re.compile(r"\b(?i:xx+|so[- ]and[- ]so)\b")),
)


def find_placeholder(text: str) -> str:
    """The first leftover placeholder in the text, or ""."""
    best: re.Match[str] | None = None
    for hints, pattern in _PLACEHOLDERS:
        m = search(text, hints, pattern) if hints else pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best.group() if best else ""


def judge(c: Context) -> Verdict:
    """Fail on the first blank found in the subject or the body."""
    found = find_placeholder(c.subject) or find_placeholder(c.body)
    if found:
        return Status.FAIL, f"leftover placeholder {one_line(found, 50)}"
    return Status.PASS, "no leftover placeholders"
