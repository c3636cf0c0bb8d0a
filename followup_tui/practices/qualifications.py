"""Practice `qualifications`: the email ties a strength of the candidate to their needs."""

from __future__ import annotations

from followup_tui.practices.context import Context
from followup_tui.practices.notes import from_notes
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "qualifications", "Ties a strength to their needs", G3, False,
    "Point to one skill or result of yours and how it helps their team.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """A noted skill found in the email."""
    if c.draft is None:
        return Status.TODO, "can't tell without notes: name a skill that fits their needs"
    return from_notes(
        c,
        c.draft.notes.skills,
        none=(Status.WARN, "no skills in the notes to highlight"),
        missing=(Status.FAIL, "none of the noted skills appear in the email"),
        found="highlights",
    )
