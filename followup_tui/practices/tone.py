"""Practice `tone`: no pleading, pushing, demanding or bribing, and no shouting."""

from __future__ import annotations

import re

from followup_tui.practices.context import Context, quote
from followup_tui.practices.spelling import is_common_word
from followup_tui.practices.table import G0, Practice, Status, Verdict

PRACTICE = Practice(
    "tone", "Calm, courteous tone", G0, False,
    "Ask, don't plead or press; no gifts, no capitals or !!! for emphasis.",
)  # fmt: skip

# Each runs on the body as written; what they find is quoted back to the user.
_PLEADING = re.compile(
    r"\b(?:(?:i'?m\s+|i\s+am\s+)?beg(?:ging)?\s+(?:you|of\s+you)|please,?\s+please"
    r"|give\s+me\s+a\s+chance|desperate(?:ly)?|(?:really\s+|truly\s+)?need\s+this\s+"
    r"(?:job|role|position)|i\s+have\s+no\s+other\s+option)",
    re.IGNORECASE,
)
_DEMANDING = re.compile(
    r"\b(?:(?:i\s+)?need\s+to\s+know\s+by|(?:reply|respond|answer|get\s+back\s+to\s+me)\s+"
    r"(?:by|within|before|immediately|today|asap|now)|asap|immediately|i\s+expect\s+(?:an?\s+)?"
    r"(?:answer|reply|response|decision|offer|to\s+hear)|you\s+must|i\s+demand|i\s+insist"
    r"|by\s+(?:end\s+of\s+(?:day|today)|tomorrow)\s+at\s+the\s+latest|or\s+i\s+will\s+accept)",
    re.IGNORECASE,
)
_BRIBING = re.compile(
    r"\b(?:gift\s*(?:card|voucher|certificate|basket|hamper)|voucher|(?:buy|treat)\s+you\s+"
    r"(?:to\s+)?(?:a\s+)?(?:coffee|lunch|dinner|drinks?|a\s+meal)|(?:send|give)\s+you\s+"
    r"(?:a\s+)?(?:gift|present|bottle|hamper|bonus)|finder'?s\s+fee|in\s+return\s+for"
    r"\s+(?:the|a)\s+(?:job|offer|role))|\$\s?\d+|\u00a3\s?\d+|\u20ac\s?\d+",
    re.IGNORECASE,
)
_CAPS_RE = re.compile(r"\b[A-Z]{3,}\b")
_BANGS_RE = re.compile(r"[!?]*!{2,}[!?]*|\?{3,}")


def _shouting(c: Context) -> list[str]:
    """Words in capitals that are everyday words (not acronyms such as SQL), then "!!!"."""
    found = [
        m.group()
        for m in _CAPS_RE.finditer(c.body)
        if is_common_word(m.group()) and m.group() not in {"TODO", "XXX"}
    ]
    found += [m.group() for m in _BANGS_RE.finditer(c.body)]
    return list(dict.fromkeys(found))


def judge(c: Context) -> Verdict:
    """Fail on pleading, demanding or bribing; warn on shouting; each quoted."""
    kinds = (("pleading", _PLEADING), ("demanding", _DEMANDING), ("a gift or money", _BRIBING))
    bad = [(kind, m.group()) for kind, pattern in kinds if (m := pattern.search(c.body))]
    loud = _shouting(c)
    if bad:
        said = "; ".join(f"{kind} {quote(text, 30)}" for kind, text in bad)
        extra = f"; shouting {quote(loud[0], 20)}" if loud else ""
        return Status.FAIL, f"{said}{extra}"
    if loud:
        return Status.WARN, "shouting: " + ", ".join(quote(w, 20) for w in loud[:3])
    return Status.PASS, "calm and courteous"
