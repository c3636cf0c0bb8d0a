"""Practice `next-steps`: the email asks about the decision or the timeline."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, quote
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "next-steps", "Asks about next steps", G2, False,
    "Ask when they expect to decide or what the next stage is.",
)  # fmt: skip

# A sentence is one of these when it names the decision or the process that leads to it.
_ABOUT_DECISION = re.compile(
    r"\b(?:next\s+(?:steps?|stages?|rounds?)|timeline|time\s*frame|time\s*scale|schedule"
    r"|decision|decid(?:e|ing)|outcome|hear(?:ing)?\s+back|what\s+happens\s+(?:next|after|now)"
    r"|finish\s+(?:the\s+)?interview|updates?\s+(?:on|regarding|about)|hiring\s+process"
    r"|whether\s+I\s+(?:have|got|am|will)|where\s+things\s+stand|the\s+process\b"
    r"|any\s+(?:news|word|update))",
    re.IGNORECASE,
)
# A request in a statement: "let me know when...", "I would appreciate an update on...".
_REQUEST = re.compile(
    r"\b(?:let\s+me\s+know|tell\s+me|share|update\s+me|appreciate|grateful\s+for|keep\s+me"
    r"|need\s+to\s+know|would\s+like\s+to\s+know|hope\s+to\s+learn|wonder(?:ing)?|curious"
    r"|ask(?:ing)?\s+(?:whether|if|about|when)"
    r"|(?:would|'d)\s+(?:love|like|be\s+(?:glad|grateful|happy|pleased))\s+to\s+(?:hear|know|learn)"
    r"|would\s+be\s+welcome)\b",
    re.IGNORECASE,
)
# Waiting to hear, with no question: polite, but it asks nothing.
_WAITING = re.compile(
    r"\b(?:look(?:ing)?\s+forward\s+to\s+hearing|hope\s+to\s+hear|hearing\s+from\s+you"
    r"|hear\s+from\s+you|hear\s+back|hearing\s+back)\b",
    re.IGNORECASE,
)


def judge(c: Context) -> Verdict:
    """Pass on a question or request about the decision or timeline; warn on waiting alone."""
    waiting = ""
    told = c.draft is not None and bool(
        c.draft.notes.next_steps.strip() or c.draft.interview.decision_by
    )
    for sentence in c.sentences:
        about = _ABOUT_DECISION.search(sentence)
        asks = sentence.endswith("?") or _REQUEST.search(sentence)
        if asks and about:
            return Status.PASS, "asks about next steps or the timeline"
        if not waiting and _WAITING.search(sentence):
            # Told the timeline at the interview, asking for it again would be odd: looking
            # forward to the decision is enough.
            if told and about:
                return Status.PASS, "looks forward to the decision you were told about"
            waiting = sentence
    if waiting:
        return Status.WARN, f"{quote(waiting)} asks nothing: ask when they expect to decide"
    return Status.FAIL, "no question about next steps or the timeline"
