"""Practice `filler`: no worn stock phrases."""

from __future__ import annotations

from followup_tui.practices.context import Context, has_phrase, quote
from followup_tui.practices.table import G1, Practice, Status, Verdict

PRACTICE = Practice(
    "filler", "No stock phrases", G1, False,
    "Swap stock lines for a sentence only you could have written.",
)  # fmt: skip

FILLER_PHRASES: tuple[str, ...] = (
    "just checking in",
    "touching base",
    "touch base",
    "circling back",
    "circle back",
    "per my last email",
    "just following up",
    "just wanted to follow up",
    "I wanted to follow up",
    "hope this email finds you well",
    "hope this message finds you well",
    "hope this finds you well",
    "reach out",
    "reaching out",
    "at your earliest convenience",
    "don't hesitate to",
    "do not hesitate to",
)
_FILLERS = tuple((p, " ".join(p.lower().split())) for p in FILLER_PHRASES)


def judge(c: Context) -> Verdict:
    """Warn on the first stock phrase found, with how many more there are."""
    found = [p for p, low in _FILLERS if has_phrase(c.flat, low)]
    if not found:
        return Status.PASS, "no stock phrases"
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return Status.WARN, f"stock phrase {quote(found[0])}{more}"
