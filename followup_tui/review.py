"""One review of a draft: its emails rendered, the one on screen judged, and the lines that
describe it (what the app's preview and checklist show, with no Textual in sight)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup_tui.errors import FileFormatError, TemplateBudgetError
from followup_tui.model import Draft, Email, Profile
from followup_tui.practices import Result


@dataclass(frozen=True)
class Rendered:
    """What one render of the draft gave: the emails, or the error that stopped it."""

    generation: int
    emails: list[Email]
    email: Email | None
    results: list[Result]
    meta: str
    error: str = ""


def pick(emails: list[Email], interviewer: int) -> Email:
    """The email to one interviewer; the last one when the index is past the end."""
    return emails[max(0, min(interviewer, len(emails) - 1))]


def email_for(draft: Draft, profile: Profile, now: datetime, interviewer: int) -> Email:
    """The email to one interviewer, rendered now (what copy and export hand over)."""
    # Imported here: the template engine loads with the first render, not with the app.
    from followup_tui.render import render_all

    return pick(render_all(draft, profile, now=now), interviewer)


def render_and_judge(
    draft: Draft,
    profile: Profile,
    now: datetime,
    interviewer: int,
    generation: int,
    unfinished: str = "",
) -> Rendered:
    """Render every email of the draft and judge the interviewer's one (`unfinished`: the
    word being typed, see `evaluate`)."""
    from followup_tui.practices import evaluate
    from followup_tui.render import render_all

    try:
        emails = render_all(draft, profile, now=now)
    except FileFormatError as exc:
        return Rendered(generation, [], None, [], error_meta(exc), str(exc))
    email = pick(emails, interviewer)
    results = evaluate(
        email, draft=draft, profile=profile, now=now, emails=emails, unfinished=unfinished
    )
    return Rendered(generation, emails, email, results, describe_email(email, draft, now))


def error_meta(exc: FileFormatError) -> str:
    """The line under a template's error: a template stopped at its budget is named so."""
    if isinstance(exc, TemplateBudgetError):
        return "the template was stopped (too slow or too long): fix it, and the email is back"
    return "fix the template, then the preview comes back"


def describe_email(email: Email, draft: Draft, now: datetime) -> str:
    """The line under the email: its length, when it is due, whether it is a hand edit."""
    from followup_tui.timing import describe, windows

    parts = [f"{email.word_count} words"]
    for window in windows(draft, now):
        if window.stage == draft.stage and window.state != "done":
            parts.append(describe(window, now))
            break
    if email.edited:
        parts.append("edited by hand (ctrl+r regenerates)")
    return " · ".join(parts)


def checklist_summary(results: list[Result]) -> str:
    """The checklist's one-line tally: `1 fail 2 todo`, or `all clear`."""
    from followup_tui.practices import summary

    counts = summary(results)
    tally = [f"{counts[s]} {s}" for s in ("fail", "warn", "todo") if counts.get(s)]
    return " ".join(tally) or "all clear"


def recipients(draft: Draft) -> list[tuple[str, int]]:
    """Whom an email can go to: each interviewer's name (or number) and index."""
    people = [
        (person.name.strip() or f"Interviewer {n + 1}", n)
        for n, person in enumerate(draft.interviewers)
    ]
    return people or [("Interviewer 1", 0)]  # a draft may have none: one email to nobody
