"""Practice `interest`: the email says the candidate still wants the job."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, quote
from followup_tui.practices.table import G0, Practice, Status, Verdict

PRACTICE = Practice(
    "interest", "Says you still want the job", G0, False,
    "Tell them plainly that the role and the company appeal to you.",
)  # fmt: skip

# The ways people say they want the job; runs on the lower-cased body.
_JOB = r"(?:job|role|position|post|opportunity|offer|team|chance)"
_INTEREST = re.compile(
    r"\b(?:enthusias\w*|excit(?:ed|ement|ing\s+opportunity)|eager\w*|keen\b|thrilled\b"
    r"|interested\s+in\b|interest\s+in\s+(?:the|this|joining|working)|drawn\s+to"
    r"|appeals?\s+to\s+me|excites\s+me|can't\s+wait\s+to|hope\s+to\s+(?:join|be\s+part)"
    r"|look(?:ing)?\s+forward\s+to\s+(?:joining|contributing|working|being|the\s+chance"
    r"|the\s+possibility|bringing|helping)"
    r"|(?:would|'d)\s+(?:really\s+|very\s+much\s+|so\s+much\s+|truly\s+|still\s+)?"
    r"(?:love|like|welcome|be\s+(?:glad|happy|delighted|proud|honou?red))\s+"
    rf"(?:to\s+(?:join|be\s+(?:part|on|a\s+part)|work|contribute|help|bring|write|build|teach"
    rf"|become|take\s+on|grow|serve|lead)|this\s+{_JOB}|the\s+{_JOB})"
    rf"|(?:want|need)\s+(?:this|the)\s+{_JOB}|the\s+{_JOB}\s+i\s+(?:most\s+|really\s+)?want"
    r"|(?:future|upcoming|new)\s+(?:openings|opportunities|roles|positions|vacancies)"
    r"|my\s+interest\s+in|any\s+(?:opening|vacancy|role|position)s?\s+(?:where|that|which))"
)


def judge(c: Context) -> Verdict:
    """A phrase that says the candidate wants the role, anywhere in the body."""
    m = _INTEREST.search(c.lower_body)
    if m:
        return Status.PASS, f"says you want the role ({quote(m.group(), 30)})"
    return Status.FAIL, "does not say you still want the role"
