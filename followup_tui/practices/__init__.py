"""The checklist: the practices the guides agree on, and how one email is judged against each.

One module per practice holds its `PRACTICE` (id, title, guide, hint) and its `judge`; the
registry below puts them in the order of the design's table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from followup_tui.model import Draft, Email, Profile
from followup_tui.practices import (
    brief,
    concerns,
    distinct,
    filler,
    gratitude,
    greeting,
    interest,
    missed,
    next_steps,
    personal,
    placeholders,
    polished,
    qualifications,
    signature,
    subject,
    timely,
    tone,
)
from followup_tui.practices.context import Context, one_line
from followup_tui.practices.filler import FILLER_PHRASES
from followup_tui.practices.plain import parse_plain_email
from followup_tui.practices.stages import NOT_FOR_STAGE, guess_stage
from followup_tui.practices.table import (
    GLYPHS,
    STATUSES,
    Practice,
    Result,
    Status,
    Verdict,
)
from followup_tui.proofread import ticked

__all__ = [
    "FILLER_PHRASES",
    "GLYPHS",
    "PRACTICES",
    "STATUSES",
    "Practice",
    "Result",
    "Status",
    "evaluate",
    "guess_stage",
    "parse_plain_email",
    "summary",
]

_REGISTRY: tuple[tuple[Practice, Callable[[Context], Verdict]], ...] = tuple(
    (m.PRACTICE, m.judge)
    for m in (
        timely,
        greeting,
        gratitude,
        personal,
        interest,
        qualifications,
        concerns,
        missed,
        next_steps,
        brief,
        subject,
        placeholders,
        signature,
        polished,
        tone,
        filler,
        distinct,
    )
)
PRACTICES: tuple[Practice, ...] = tuple(p for p, _ in _REGISTRY)


def evaluate(
    email: Email,
    *,
    draft: Draft | None = None,
    profile: Profile | None = None,
    now: datetime,
    emails: Sequence[Email] | None = None,
    unfinished: str = "",
) -> list[Result]:
    """Judge one email on every practice, in `PRACTICES` order.

    `draft` None means a plain email with no notes; `emails` are all the emails of the
    interview (one per interviewer of a panel), for the `distinct` practice; `unfinished` is
    the word the user is typing, which is not a slip until they have left it or paused.
    """
    c = Context(email, draft, profile, now, emails, unfinished=unfinished)
    skip = NOT_FOR_STAGE.get(c.stage, frozenset())
    results: list[Result] = []
    for practice, judge in _REGISTRY:
        if practice.id in skip:
            stage = one_line(c.stage, 20)
            results.append(
                Result(practice.id, Status.NA, f"not needed in a {stage} email", practice.guide)
            )
            continue
        status, reason = judge(c)
        if (
            practice.manual
            and status == Status.TODO
            and draft is not None
            and ticked(draft, email, practice.id)
        ):
            status, reason = Status.DONE, "ticked by you"
        results.append(Result(practice.id, status, one_line(reason) or status, practice.guide))
    return results


def summary(results: Iterable[Result]) -> dict[str, int]:
    """How many results have each status, every status present, in `STATUSES` order."""
    counts = dict.fromkeys(STATUSES, 0)
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return counts
