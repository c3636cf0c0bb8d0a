"""Practice `concerns`: the email answers a doubt raised in the interview."""

from __future__ import annotations

from followup_tui.practices.context import Context
from followup_tui.practices.notes import from_notes, in_panel
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "concerns", "Answers a doubt they raised", G2, False,
    "If they hesitated about something, meet it briefly and honestly.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """The noted concern found in this email or another of the panel; n/a when none."""
    if c.draft is None:
        return Status.NA, "no notes, so no concern to answer"
    text = c.draft.notes.concerns
    verdict = from_notes(
        c,
        text,
        none=(Status.NA, "no concerns noted"),
        missing=(Status.FAIL, "the concern you noted is not answered"),
        found="answers",
    )
    verdict = in_panel(c, text, verdict=verdict, done="answered")
    if verdict[0] == Status.PASS and not c.draft.notes.answers.strip():
        # the email raises the concern but can only offer to talk it through
        return Status.WARN, 'the concern has no answer yet: add yours under "Your answer"'
    return verdict
