"""Practice `interest`: the email says the candidate still wants the job."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, search
from followup_tui.practices.table import G0, Practice, Status, Verdict

PRACTICE = Practice(
    "interest", "Says you still want the job", G0, False,
    "Tell them plainly that the role and the company appeal to you.",
)  # fmt: skip

# Runs on the lower-cased body.
_INTEREST = (
    ("enthusias", "excit", "eager", "keen", "thrilled", "interest", "look"),
    re.compile(
        r"\b(?:enthusias\w*|excit(?:ed|ement)\b|eager\w*|keen\b|thrilled\b|interest(?:ed)?\s+in\b"
        r"|look(?:ing)?\s+forward\s+to\s+(?:joining|contributing|working)\b)"
    ),
)


def judge(c: Context) -> Verdict:
    """A phrase of enthusiasm for the role anywhere in the body."""
    if search(c.lower_body, *_INTEREST):
        return Status.PASS, "says you are keen on the role"
    return Status.FAIL, "does not say you still want the role"
