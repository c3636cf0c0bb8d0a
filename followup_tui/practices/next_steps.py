"""Practice `next-steps`: the email asks about the decision or the timeline."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, search
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "next-steps", "Asks about next steps", G2, False,
    "Ask when they expect to decide or what the next stage is.",
)  # fmt: skip

# Runs on the lower-cased body.
_NEXT_STEPS = (
    ("next", "time", "hear", "decision", "update"),
    re.compile(
        r"\b(?:next\s+(?:steps?|stage|round)|timeline|time\s*frame|hear(?:ing)?\s+back"
        r"|hearing\s+from\s+you|decision|updates?\s+(?:on|regarding|about))\b"
    ),
)


def judge(c: Context) -> Verdict:
    """A mention of the next steps, the timeline or the decision."""
    if search(c.lower_body, *_NEXT_STEPS):
        return Status.PASS, "asks about next steps or the timeline"
    return Status.FAIL, "no question about next steps or the timeline"
