"""Practice `timely`: the thank-you sent within 24-48 hours of the interview."""

from __future__ import annotations

from followup_tui.practices.context import Context, one_line
from followup_tui.practices.table import G1, Practice, Status, Verdict

PRACTICE = Practice(
    "timely", "Sent within 24-48 hours", G1, False,
    "Send the thank-you the same day if you can, the next day at the latest.",
)  # fmt: skip


def judge(c: Context) -> Verdict:
    """Hours since the interview, for a thank-you with a known interview time."""
    if c.stage != "thank-you":
        return Status.NA, f"timing of a {one_line(c.stage, 20)} email is shown with its due date"
    if c.draft is None:
        return Status.NA, "no interview time to measure from"
    if any(s.stage == "thank-you" for s in c.draft.sent):
        return Status.DONE, "the thank-you is marked as sent"
    when = c.draft.interview.when
    if when is None:
        return Status.NA, "the interview's date and time are not set"
    if (when.utcoffset() is None) != (c.now.utcoffset() is None):
        return Status.NA, "the interview time has no time zone"
    hours = (c.now - when).total_seconds() / 3600
    if hours < 0:
        return Status.TODO, "interview hasn't happened yet"
    ago = "under an hour" if hours < 1 else f"{int(hours)} h"
    if hours <= 24:
        return Status.PASS, f"{ago} since the interview, inside the first day"
    if hours <= 48:
        return Status.WARN, f"{ago} since the interview: send it today"
    local = c.now.astimezone(when.tzinfo) if when.tzinfo else c.now
    if (
        when.weekday() == 4
        and hours < 96
        and (local.weekday() in (5, 6) or (local.weekday() == 0 and local.hour < 12))
    ):
        return Status.WARN, "Friday interview: Monday morning is still fine, but no later"
    days = f"{int(hours // 24)} days" if hours >= 72 else f"{int(hours)} h"
    return Status.FAIL, f"{days} since the interview, past the 48-hour window"
