"""Practice `brief`: about 200 words or fewer."""

from __future__ import annotations

from followup_tui.practices.context import Context
from followup_tui.practices.table import G1, Practice, Status, Verdict

PRACTICE = Practice(
    "brief", "Short: about 200 words or fewer", G1, False,
    "Cut repetition; a few short paragraphs are enough.",
)  # fmt: skip

_BRIEF_PASS, _BRIEF_WARN = 200, 250


def judge(c: Context) -> Verdict:
    """The body's word count against the target."""
    n = len(c.body.split())
    if n <= _BRIEF_PASS:
        return Status.PASS, f"{n} words"
    if n <= _BRIEF_WARN:
        return Status.WARN, f"{n} words: aim for about {_BRIEF_PASS}"
    return Status.FAIL, f"{n} words: too long, aim for about {_BRIEF_PASS}"
