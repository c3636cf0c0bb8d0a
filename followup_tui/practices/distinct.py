"""Practice `distinct`: each email of a panel is its own, not a copy with another name."""

from __future__ import annotations

import difflib

from followup_tui.model import Draft, Email
from followup_tui.practices.context import WORD_RE, Context, fold, normalise, one_line
from followup_tui.practices.greeting import greeting_names, greeting_rest
from followup_tui.practices.table import G3, Practice, Status, Verdict

PRACTICE = Practice(
    "distinct", "Each panel email is its own", G3, False,
    "Give each interviewer a detail from your talk with them.",
)  # fmt: skip

_DISTINCT_WORDS = 400


def _recipient(draft: Draft | None, email: Email) -> str:
    if draft is not None and 0 <= email.interviewer < len(draft.interviewers):
        name = draft.interviewers[email.interviewer].name.strip()
        if name:
            return name
    return email.to.strip() or f"interviewer {email.interviewer + 1}"


def judge(c: Context) -> Verdict:
    """Warn when another email of the interview is 90% the same once names are set aside."""
    if c.emails is None or len(c.emails) < 2:
        return Status.NA, "only one email for this interview"
    others = c.others()
    if not others:
        return Status.NA, "only one email for this interview"
    # Names are swapped for a token first: two emails that differ only in the name are copies.
    names: set[str] = set()
    if c.draft is not None:
        for person in c.draft.interviewers:
            for part in person.name.split():
                names.update((part.casefold(), fold(part)))
    for e in (c.email, *others):
        first = next((s for s in (ln.strip() for ln in e.body.splitlines()) if s), "")
        rest = greeting_rest(first)
        for part in greeting_names(rest or ""):
            names.update((part.casefold(), fold(part)))

    def tokens(body: str) -> list[str]:
        # SequenceMatcher is quadratic at worst: the first words are plenty to spot a copy.
        words = (t.casefold() for t in WORD_RE.findall(normalise(body))[:_DISTINCT_WORDS])
        return ["<name>" if w in names else w for w in words]

    mine = tokens(c.email.body)
    closest: tuple[float, Email] | None = None
    for other in others:
        sm = difflib.SequenceMatcher(None, mine, tokens(other.body), autojunk=False)
        if sm.quick_ratio() < 0.9:
            continue
        ratio = sm.ratio()
        if ratio >= 0.9 and (closest is None or ratio > closest[0]):
            closest = (ratio, other)
    if closest is None:
        n = len(others)
        reason = f"differs from the other {n} email{'s' if n > 1 else ''}"
        if c.draft is not None and 0 <= c.email.interviewer < len(c.draft.interviewers):
            person = c.draft.interviewers[c.email.interviewer]
            if not person.notes.strip():
                who = one_line(person.name.strip() or "this interviewer", 40)
                reason += f"; a note of what you discussed with {who} would make it personal"
        return Status.PASS, reason
    who = one_line(_recipient(c.draft, closest[1]), 40)
    return Status.WARN, f"nearly the same as the email to {who} ({closest[0]:.0%} alike)"
