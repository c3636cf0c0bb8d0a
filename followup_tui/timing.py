"""When each follow-up is due: the stage windows of one interview, computed from a given `now`.

Every date here is computed in the interview's own time zone (the tzinfo of
`draft.interview.when`), so "Monday 12:00" means noon where the interview took place.
Business days skip Saturday and Sunday only: there is no holiday calendar, because which
holidays apply depends on the company's country, which the draft does not record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from followup_tui.model import OUTCOMES, STAGES, Draft, SentRecord, Stage

STATES: tuple[str, ...] = ("upcoming", "due", "overdue", "done", "cold")

THANK_YOU_BEST = timedelta(hours=24)
THANK_YOU_END = timedelta(hours=48)
FEEDBACK_END = timedelta(hours=48)
KEEP_IN_TOUCH_AFTER = timedelta(days=30)
SECOND_CHECK_IN_AFTER = timedelta(days=7)
COLD_AFTER = timedelta(days=7)
# Check-ins sent within this long of each other are one round (one email per panel member).
CHECK_IN_ROUND = timedelta(hours=24)

_MORNING = time(9, 0)
_EVENING = time(17, 0)
_NOON = time(12, 0)
_LATE_FRIDAY = time(15, 0)
_FRIDAY, _SATURDAY = 4, 5

# Fixed English names: the rest of the interface is English, and strftime follows the locale.
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Window:
    """The span of time in which one follow-up email makes sense, and where `now` falls in it."""

    stage: Stage
    label: str  # "thank-you", "check-in", "check-in 2", "cold", "feedback", "keep-in-touch"
    start: datetime  # from when it makes sense to send
    best_by: datetime | None  # the ideal deadline
    end: datetime | None  # overdue after this; None = no deadline (never overdue)
    state: str  # one of STATES
    sent_at: datetime | None = None


def add_business_days(day: date, count: int) -> date:
    """The date `count` business days (Mon-Fri) after `day`; no holidays are known."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < _SATURDAY:
            count -= 1
    return day


def _at(day: date, clock: time, tz: tzinfo | None) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz)


def _local(dt: datetime, tz: tzinfo | None) -> datetime:
    """`dt` shown in `tz`; a naive `dt` is taken to be in `tz` already.

    A naive `tz` (an interview time saved without a zone) means the system's local time.
    """
    if dt.tzinfo is None:
        return dt.replace(tzinfo=tz)
    if tz is None:
        return dt.astimezone().replace(tzinfo=None)
    return dt.astimezone(tz)


def _state(start: datetime, end: datetime | None, sent: datetime | None, now: datetime) -> str:
    if sent is not None:
        return "done"
    if now < start:
        return "upcoming"
    if end is None or now <= end:
        return "due"
    return "overdue"


def _rounds(records: list[SentRecord], tz: tzinfo | None) -> list[datetime]:
    """When each round of check-ins went out; a panel's emails sent together are one round."""
    rounds: list[datetime] = []
    for record in records:
        at = _local(record.at, tz)
        if not rounds or at - rounds[-1] > CHECK_IN_ROUND:
            rounds.append(at)
    return rounds


def _first_sent(draft: Draft, stage: Stage, tz: tzinfo | None) -> datetime | None:
    records = draft.sent_for(stage)
    return _local(records[0].at, tz) if records else None


def _thank_you(when: datetime, sent: datetime | None, now: datetime) -> Window:
    best_by = when + THANK_YOU_BEST
    end = when + THANK_YOU_END
    weekday = when.weekday()
    if weekday >= _SATURDAY or (weekday == _FRIDAY and when.time() >= _LATE_FRIDAY):
        # a late-Friday or weekend interview may be answered on Monday morning
        monday = _at(when.date() + timedelta(days=7 - weekday), _NOON, when.tzinfo)
        best_by = max(best_by, monday)
        end = max(end, monday)
    state = _state(when, end, sent, now)
    return Window(Stage.THANK_YOU, "thank-you", when, best_by, end, state, sent)


def _check_ins(draft: Draft, when: datetime, now: datetime) -> list[Window]:
    tz = when.tzinfo
    decision_by = draft.interview.decision_by
    if decision_by is not None:
        start = _at(add_business_days(decision_by, 2), _MORNING, tz)
        end = _at(add_business_days(start.date(), 2), _MORNING, tz)
    else:
        start = _at(add_business_days(when.date(), 5), _MORNING, tz)
        end = _at(add_business_days(when.date(), 7), _EVENING, tz)
    rounds = _rounds(draft.sent_for(Stage.CHECK_IN), tz)
    first = rounds[0] if rounds else None
    result = [
        Window(Stage.CHECK_IN, "check-in", start, end, end, _state(start, end, first, now), first)
    ]
    if first is None:
        return result
    start2 = first + SECOND_CHECK_IN_AFTER
    end2 = _at(add_business_days(start2.date(), 2), start2.time(), tz)
    second = rounds[1] if len(rounds) > 1 else None
    state2 = _state(start2, end2, second, now)
    result.append(Window(Stage.CHECK_IN, "check-in 2", start2, end2, end2, state2, second))
    if second is not None and not draft.outcome and now >= second + COLD_AFTER:
        # no third check-in: two unanswered ones and a quiet week mean the lead has gone cold
        result.append(Window(Stage.CHECK_IN, "cold", second + COLD_AFTER, None, None, "cold"))
    return result


def windows(draft: Draft, now: datetime) -> list[Window]:
    """Every stage window that applies, in stage order; [] when the interview has no time."""
    when = draft.interview.when
    if when is None:
        return []
    tz = when.tzinfo
    now = _local(now, tz)
    result = [_thank_you(when, _first_sent(draft, Stage.THANK_YOU, tz), now)]
    check_ins = _check_ins(draft, when, now)
    if draft.outcome:
        # an answer ends the check-ins; the ones already sent stay as history
        check_ins = [w for w in check_ins if w.state == "done"]
    result.extend(check_ins)
    if draft.outcome == "rejected":
        # a hand-edited file may lack the date of the answer: fall back to the interview's
        answered = _local(draft.outcome_at, tz) if draft.outcome_at is not None else when
        end = answered + FEEDBACK_END
        sent = _first_sent(draft, Stage.FEEDBACK, tz)
        state = _state(answered, end, sent, now)
        result.append(Window(Stage.FEEDBACK, "feedback", answered, end, end, state, sent))
        start = answered + KEEP_IN_TOUCH_AFTER
        sent = _first_sent(draft, Stage.KEEP_IN_TOUCH, tz)
        state = _state(start, None, sent, now)
        result.append(Window(Stage.KEEP_IN_TOUCH, "keep-in-touch", start, None, None, state, sent))
    return result


def next_follow_up(draft: Draft, now: datetime) -> Window | None:
    """The follow-up to act on next, a "cold" window when the lead went cold, or None.

    That is the first window not yet done, except that a window is moot once a later one
    has begun or was sent: an unsent thank-you does not matter after a check-in is due,
    nor an unsent feedback request a month later when keep-in-touch begins.
    """
    found = windows(draft, now)
    if not found:
        return None
    now = _local(now, found[0].start.tzinfo)
    for index, window in enumerate(found):
        if window.state == "done":
            continue
        if any(later.start <= now or later.state == "done" for later in found[index + 1 :]):
            continue
        return window
    return None


def stage_to_show(draft: Draft, now: datetime) -> str | None:
    """The stage to open a draft at when its own stage was already sent: the one due next.

    None when the draft's stage is not sent yet, or nothing else follows (a lead gone cold,
    an offer, an interview without a time).
    """
    if not any(record.stage == draft.stage for record in draft.sent):
        return None
    window = next_follow_up(draft, now)
    if window is None or window.label == "cold" or window.stage == draft.stage:
        return None
    return window.stage


_OVERDUE, _DUE, _DUE_OPTIONAL, _UPCOMING, _COLD, _NOTHING = range(6)


def due_sort_key(draft: Draft, now: datetime) -> tuple[int, float, str]:
    """Sort key for a list of interviews: overdue, then due soonest, upcoming, cold, nothing."""
    return window_sort_key(next_follow_up(draft, now), draft.title(), now)


def window_sort_key(window: Window | None, title: str, now: datetime) -> tuple[int, float, str]:
    """`due_sort_key` of a draft whose next follow-up (`next_follow_up`) is `window`."""
    title = title.casefold()
    if window is None:
        return (_NOTHING, 0.0, title)
    if window.state == "cold":
        return (_COLD, window.start.timestamp(), title)
    if window.state == "upcoming":
        return (_UPCOMING, window.start.timestamp(), title)
    if window.state == "overdue" and window.end is not None:
        return (_OVERDUE, window.end.timestamp(), title)
    deadline = _deadline(window, now)
    if deadline is None:
        return (_DUE_OPTIONAL, window.start.timestamp(), title)
    return (_DUE, deadline.timestamp(), title)


def _deadline(window: Window, now: datetime) -> datetime | None:
    """The "send by" time: the ideal deadline while it lasts, then the last one."""
    if window.best_by is not None and now <= window.best_by:
        return window.best_by
    return window.end


def format_time(dt: datetime, now: datetime | None = None) -> str:
    """Like "Sat 22 Nov 14:00"; the year is added when it is not the year of `now`."""
    text = f"{_DAYS[dt.weekday()]} {dt.day} {_MONTHS[dt.month - 1]}"
    if now is not None and now.astimezone(dt.tzinfo).year != dt.year:
        text += f" {dt.year}"
    return f"{text} {dt:%H:%M}"


def _span(seconds: float) -> str:
    seconds = abs(seconds)
    if seconds < 3600:
        return f"{max(1, int(seconds / 60 + 0.5))} min"
    if seconds < 48 * 3600:
        return f"{int(seconds / 3600 + 0.5)} h"
    return f"{int(seconds / 86400 + 0.5)} d"


def _relative(dt: datetime, now: datetime) -> str:
    seconds = (dt - now).total_seconds()
    if abs(seconds) < 60:
        return "now"
    return f"in {_span(seconds)}" if seconds > 0 else f"{_span(seconds)} ago"


def describe(
    window: Window, now: datetime, tz: tzinfo | None = None, *, relative: bool = True
) -> str:
    """A human line such as "send by Sat 22 Nov 14:00 (in 17 h)", in `tz` or the window's zone.

    `relative=False` leaves out the "(in 17 h)" part, for text that is read later (a calendar).
    """
    zone = tz if tz is not None else window.start.tzinfo
    now = _local(now, zone)

    def show(dt: datetime) -> str:
        text = format_time(_local(dt, zone), now)
        return f"{text} ({_relative(dt, now)})" if relative else text

    if window.state == "cold":
        return "cold: two check-ins unanswered"
    if window.state == "done":
        if window.sent_at is None:
            return "sent"
        return f"sent {format_time(_local(window.sent_at, zone), now)}"
    if window.state == "upcoming":
        return f"from {show(window.start)}"
    if window.state == "overdue" and window.end is not None:
        return f"overdue since {show(window.end)}"
    deadline = _deadline(window, now)
    if deadline is None:
        since = format_time(_local(window.start, zone), now)
        return f"any time now (optional; since {since})"
    return f"send by {show(deadline)}"


def mark_sent(draft: Draft, stage: Stage, at: datetime, to: str = "") -> None:
    """Record that the user says they sent one email of `stage` at `at`."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
    draft.sent.append(SentRecord(stage=stage, at=at, to=to))


def record_outcome(draft: Draft, outcome: str, at: datetime) -> None:
    """Record the company's answer ("rejected" or "offer"), or clear it with ""."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}; expected 'rejected', 'offer' or ''")
    draft.outcome = outcome
    draft.outcome_at = at if outcome else None


def check_in_round(draft: Draft) -> int:
    """Which check-in an email now would be: 1, 2, or 3 once two have gone unanswered."""
    tz = draft.interview.when.tzinfo if draft.interview.when else None
    return len(_rounds(draft.sent_for(Stage.CHECK_IN), tz)) + 1
