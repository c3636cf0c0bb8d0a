"""Practice `personal`: the email recalls something specific from the conversation."""

from __future__ import annotations

from followup_tui.practices.context import Context, quote
from followup_tui.practices.from_text import specific_recall
from followup_tui.practices.notes import from_notes
from followup_tui.practices.table import G1, Practice, Status, Verdict

PRACTICE = Practice(
    "personal", "Recalls something specific from the talk", G1, False,
    "Name one topic you discussed or an idea that stayed with you.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """A noted topic, or what resonated, found in the email; with no notes, read from the text."""
    if c.draft is None:
        found = specific_recall(c.body)
        if found:
            return Status.PASS, f"recalls {quote(found, 60)}"
        return Status.NA, "no notes, and nothing specific from the conversation in the text"
    notes = c.draft.notes
    # the note kept for this interviewer counts: their email recalls it first
    people = c.draft.interviewers
    own = people[c.email.interviewer].notes if 0 <= c.email.interviewer < len(people) else ""
    return from_notes(
        c,
        f"{notes.topics}\n{notes.resonated}\n{own}",
        none=(Status.WARN, "no topics in the notes to mention"),
        missing=(Status.FAIL, "none of the noted topics appear in the email"),
        found="mentions",
    )
