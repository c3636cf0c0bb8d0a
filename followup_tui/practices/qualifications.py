"""Practice `qualifications`: the email ties a strength of the candidate to their needs."""

from __future__ import annotations

from followup_tui.practices.context import Context, quote
from followup_tui.practices.from_text import concrete_result
from followup_tui.practices.notes import from_notes
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "qualifications", "Ties a strength to their needs", G3, False,
    "Point to one skill or result of yours and how it helps their team.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """A noted skill found in the email; with no notes, a concrete result read from the text."""
    if c.draft is None:
        found = concrete_result(c.body)
        if found:
            return Status.PASS, f"names a result {quote(found, 60)}"
        return Status.NA, "no notes, and no concrete skill or result in the text"
    return from_notes(
        c,
        c.draft.notes.skills,
        none=(Status.WARN, "no skills in the notes to highlight"),
        missing=(Status.FAIL, "none of the noted skills appear in the email"),
        found="highlights",
    )
