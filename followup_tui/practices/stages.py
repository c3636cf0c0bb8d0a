"""Which practices each follow-up stage needs, and the stage of a plain email guessed from it."""

from __future__ import annotations

import re

from followup_tui.model import Stage
from followup_tui.practices.context import quote

# Practices that belong to the thank-you and make no sense in a later stage's email: a check-in
# is a short nudge, a feedback request follows a rejection, a keep-in-touch note is about later.
NOT_FOR_STAGE: dict[str, frozenset[str]] = {
    "check-in": frozenset({"qualifications", "concerns", "missed"}),
    "feedback": frozenset({"interest", "qualifications", "concerns", "missed", "next-steps"}),
    "keep-in-touch": frozenset({"gratitude", "qualifications", "concerns", "missed", "next-steps"}),
}

# What each later stage's email says; the first stage with a match wins, else a thank-you.
_SIGNS: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    (
        Stage.FEEDBACK,
        re.compile(
            r"\b(?:sorry\s+to\s+hear|(?:was|were|have\s+not\s+been|wasn't|not\s+been)\s+"
            r"(?:not\s+)?(?:selected|successful|chosen)|not\s+(?:selected|successful|chosen)"
            r"|unsuccessful|(?:go|move|moving|going)\s+(?:forward\s+)?with\s+(?:another|other)"
            r"|other\s+candidates?|feedback\s+on\s+(?:my|the)|any\s+feedback"
            r"|disappointed)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Stage.KEEP_IN_TOUCH,
        re.compile(
            r"\b(?:stay(?:ing)?\s+in\s+touch|keep(?:ing)?\s+in\s+touch|on\s+your\s+radar"
            r"|(?:it\s+has|it's)\s+been\s+(?:a\s+few|a\s+couple\s+of|some|several|a)\s+months?"
            r"|future\s+(?:openings|opportunities|roles|positions|vacancies))\b",
            re.IGNORECASE,
        ),
    ),
    (
        Stage.CHECK_IN,
        re.compile(
            r"\b(?:still\s+(?:very\s+)?(?:interested|keen)|haven't\s+heard|have\s+not\s+heard"
            r"|decision\s+(?:was|would\s+be)\s+(?:expected|due|made)|check(?:ing)?\s+(?:in|on)"
            r"|following\s+up\s+on\s+(?:my|our|the)\s+(?:interview|application|conversation)"
            r"|(?:a|one|two|three|last)\s+weeks?\s+ago|since\s+(?:we\s+spoke|our\s+interview)"
            r"|we\s+spoke\s+on)\b",
            re.IGNORECASE,
        ),
    ),
)


def guess_stage(subject: str, body: str) -> tuple[Stage, str]:
    """(stage, why) for an email whose stage nobody gave: what the text says decides."""
    text = f"{subject}\n{body}"
    for stage, pattern in _SIGNS:
        m = pattern.search(text)
        if m:
            return stage, f"it says {quote(m.group(), 30)}"
    return Stage.THANK_YOU, "nothing in it points to a later stage"
