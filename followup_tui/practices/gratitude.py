"""Practice `gratitude`: the email thanks them for their time."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, search
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "gratitude", "Thanks them for their time", G3, False,
    "Say thank you for the conversation and for being considered.",
)  # fmt: skip

# Runs on the lower-cased body.
_GRATITUDE = (
    ("thank", "grat", "appreciat"),
    re.compile(r"\b(?:thank(?:s|ful|ing)?|grateful|gratitude|appreciat(?:e|ed|es|ing|ion|ive))\b"),
)


def judge(c: Context) -> Verdict:
    """A word of thanks anywhere in the body."""
    if search(c.lower_body, *_GRATITUDE):
        return Status.PASS, "thanks them"
    return Status.FAIL, "no thanks for their time"
