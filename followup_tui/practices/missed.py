"""Practice `missed`: the email adds what the candidate left out or sets a point straight."""

from __future__ import annotations

from followup_tui.practices.context import Context
from followup_tui.practices.notes import from_notes, in_panel
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "missed", "Adds what you left out", G3, False,
    "Fill the gap you noticed afterwards, or set a misunderstanding straight.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """The noted missed point found in this email or another of the panel; n/a when none."""
    if c.draft is None:
        return Status.NA, "no notes, so nothing noted as missed"
    text = c.draft.notes.missed
    verdict = from_notes(
        c,
        text,
        none=(Status.NA, "nothing noted as missed"),
        missing=(Status.FAIL, "what you noted as missed is not in the email"),
        found="adds",
    )
    return in_panel(c, text, verdict=verdict, done="added")
