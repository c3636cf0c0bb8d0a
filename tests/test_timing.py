"""The timing engine, always with a frozen clock: every `now` is passed explicitly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from followup_tui.model import Draft, Interview
from followup_tui.timing import (
    Window,
    add_business_days,
    describe,
    due_sort_key,
    mark_sent,
    next_follow_up,
    record_outcome,
    stage_to_show,
    windows,
)

TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))

# November 2025: Tue 18, Thu 20, Fri 21, Sat 22, Sun 23, Mon 24; Mon 1 December.


def at(
    day: int, hour: int = 0, minute: int = 0, *, month: int = 11, tz: timezone = UTC
) -> datetime:
    year = 2026 if month < 11 else 2025
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def draft_at(when: datetime | None, **interview: object) -> Draft:
    return Draft(interview=Interview(company="Northwind Analytics", when=when, **interview))  # type: ignore[arg-type]


def window(draft: Draft, now: datetime, label: str) -> Window:
    found = [w for w in windows(draft, now) if w.label == label]
    assert len(found) == 1, [w.label for w in windows(draft, now)]
    return found[0]


# thank-you


def test_thank_you_is_due_for_48_hours_best_within_24() -> None:
    draft = draft_at(at(18, 10))
    before = window(draft, at(18, 9), "thank-you")
    assert before.state == "upcoming"
    assert (before.start, before.best_by, before.end) == (at(18, 10), at(19, 10), at(20, 10))
    assert window(draft, at(18, 12), "thank-you").state == "due"
    assert window(draft, at(20, 10), "thank-you").state == "due"
    assert window(draft, at(20, 11), "thank-you").state == "overdue"


def test_thank_you_describe_moves_from_best_by_to_end_then_overdue() -> None:
    draft = draft_at(at(18, 10))
    assert describe(window(draft, at(18, 12), "thank-you"), at(18, 12)) == (
        "send by Wed 19 Nov 10:00 (in 22 h)"
    )
    # past the ideal 24 h but inside 48 h: the deadline shown is the last one
    assert describe(window(draft, at(19, 13), "thank-you"), at(19, 13)) == (
        "send by Thu 20 Nov 10:00 (in 21 h)"
    )
    assert describe(window(draft, at(20, 13), "thank-you"), at(20, 13)) == (
        "overdue since Thu 20 Nov 10:00 (3 h ago)"
    )
    assert describe(window(draft, at(18, 9, 30), "thank-you"), at(18, 9, 30)) == (
        "from Tue 18 Nov 10:00 (in 30 min)"
    )


def test_thank_you_done_once_sent() -> None:
    draft = draft_at(at(21, 14))
    mark_sent(draft, "thank-you", at(21, 16, 10), to="priya@northwind.example")
    done = window(draft, at(25, 9), "thank-you")
    assert done.state == "done"
    assert done.sent_at == at(21, 16, 10)
    assert describe(done, at(25, 9)) == "sent Fri 21 Nov 16:10"


def test_late_friday_interview_may_be_answered_monday_morning() -> None:
    friday_late = window(draft_at(at(21, 16)), at(21, 17), "thank-you")
    assert friday_late.best_by == friday_late.end == at(24, 12)
    assert friday_late.state == "due"
    assert window(draft_at(at(21, 16)), at(23, 20), "thank-you").state == "due"
    assert window(draft_at(at(21, 16)), at(24, 12, 1), "thank-you").state == "overdue"


def test_early_friday_interview_keeps_the_plain_rule() -> None:
    friday_early = window(draft_at(at(21, 14, 59)), at(21, 17), "thank-you")
    assert (friday_early.best_by, friday_early.end) == (at(22, 14, 59), at(23, 14, 59))


def test_weekend_interview_extends_only_what_is_earlier_than_monday_noon() -> None:
    saturday = window(draft_at(at(22, 10)), at(22, 11), "thank-you")
    assert saturday.best_by == saturday.end == at(24, 12)
    sunday = window(draft_at(at(23, 10)), at(23, 11), "thank-you")
    assert (sunday.best_by, sunday.end) == (at(24, 12), at(25, 10))


# check-in


def test_check_in_five_to_seven_business_days_skips_the_weekend() -> None:
    draft = draft_at(at(20, 10))  # Thursday
    check_in = window(draft, at(21, 9), "check-in")
    assert check_in.start == at(27, 9)  # next Thursday 09:00
    assert check_in.best_by == check_in.end == at(1, 17, month=12)  # Monday 17:00
    assert check_in.state == "upcoming"
    assert describe(check_in, at(21, 9)) == "from Thu 27 Nov 09:00 (in 6 d)"
    assert window(draft, at(27, 9), "check-in").state == "due"
    assert window(draft, at(1, 17, 1, month=12), "check-in").state == "overdue"


def test_check_in_after_stated_decision_date() -> None:
    draft = draft_at(at(18, 10), decision_by=date(2025, 11, 28))  # a Friday
    check_in = window(draft, at(29, 9), "check-in")
    assert check_in.start == at(2, 9, month=12)  # Tuesday: two business days later
    assert check_in.end == at(4, 9, month=12)
    assert check_in.state == "upcoming"


def test_second_check_in_a_week_after_the_first_was_sent() -> None:
    draft = draft_at(at(20, 10))
    assert [w.label for w in windows(draft, at(28, 9))] == ["thank-you", "check-in"]
    mark_sent(draft, "check-in", at(27, 10))
    second = window(draft, at(28, 9), "check-in 2")
    assert second.start == at(4, 10, month=12)  # a Thursday
    assert second.end == at(8, 10, month=12)  # two business days: Friday, Monday
    assert second.state == "upcoming"
    assert window(draft, at(5, 12, month=12), "check-in 2").state == "due"
    assert window(draft, at(9, 12, month=12), "check-in 2").state == "overdue"


def test_a_panel_check_in_round_is_one_check_in() -> None:
    draft = draft_at(at(20, 10))
    mark_sent(draft, "check-in", at(27, 10), to="priya@northwind.example")
    mark_sent(draft, "check-in", at(27, 10, 5), to="tomas@northwind.example")
    second = window(draft, at(28, 9), "check-in 2")
    assert second.state == "upcoming"
    assert second.sent_at is None


def test_cold_after_two_unanswered_check_ins_and_a_quiet_week() -> None:
    draft = draft_at(at(20, 10))
    mark_sent(draft, "thank-you", at(20, 15))
    mark_sent(draft, "check-in", at(27, 10))
    mark_sent(draft, "check-in", at(4, 11, month=12))
    assert next_follow_up(draft, at(11, 10, month=12)) is None  # waiting for a reply
    cold = next_follow_up(draft, at(11, 11, month=12))
    assert cold is not None
    assert cold.state == "cold"
    assert describe(cold, at(11, 11, month=12)) == "cold: two check-ins unanswered"
    # no third check-in is ever offered
    labels = [w.label for w in windows(draft, at(20, 11, month=12))]
    assert labels == ["thank-you", "check-in", "check-in 2", "cold"]


def test_an_answer_means_never_cold() -> None:
    draft = draft_at(at(20, 10))
    mark_sent(draft, "thank-you", at(20, 15))
    mark_sent(draft, "check-in", at(27, 10))
    mark_sent(draft, "check-in", at(4, 11, month=12))
    record_outcome(draft, "offer", at(10, 9, month=12))
    assert next_follow_up(draft, at(20, 9, month=12)) is None
    assert all(w.state == "done" for w in windows(draft, at(20, 9, month=12)))


# outcomes


def test_rejection_brings_feedback_then_keep_in_touch() -> None:
    draft = draft_at(at(18, 10))
    mark_sent(draft, "thank-you", at(18, 15))
    record_outcome(draft, "rejected", at(21, 10))
    now = at(21, 12)
    assert [w.label for w in windows(draft, now)] == ["thank-you", "feedback", "keep-in-touch"]
    feedback = window(draft, now, "feedback")
    assert (feedback.start, feedback.end, feedback.state) == (at(21, 10), at(23, 10), "due")
    assert next_follow_up(draft, now) == feedback
    assert window(draft, at(23, 11), "feedback").state == "overdue"

    keep = window(draft, now, "keep-in-touch")
    assert (keep.start, keep.best_by, keep.end, keep.state) == (
        at(21, 10, month=12),
        None,
        None,
        "upcoming",
    )
    mark_sent(draft, "feedback", at(21, 18))
    assert next_follow_up(draft, now) == keep
    much_later = at(1, 9, month=3)
    keep_later = window(draft, much_later, "keep-in-touch")
    assert keep_later.state == "due"  # optional: never overdue
    assert (
        describe(keep_later, much_later) == "any time now (optional; since Sun 21 Dec 2025 10:00)"
    )


def test_check_ins_stop_after_an_answer_but_sent_ones_stay() -> None:
    draft = draft_at(at(20, 10))
    mark_sent(draft, "check-in", at(27, 10))
    record_outcome(draft, "rejected", at(5, 10, month=12))
    labels = [w.label for w in windows(draft, at(5, 11, month=12))]
    assert labels == ["thank-you", "check-in", "feedback", "keep-in-touch"]


def test_offer_leaves_only_an_unsent_thank_you() -> None:
    draft = draft_at(at(18, 10))
    record_outcome(draft, "offer", at(19, 9))
    assert [w.label for w in windows(draft, at(19, 10))] == ["thank-you"]
    pending = next_follow_up(draft, at(19, 10))
    assert pending is not None and pending.label == "thank-you"
    mark_sent(draft, "thank-you", at(19, 11))
    assert next_follow_up(draft, at(19, 12)) is None


def test_record_outcome_clears_and_rejects_unknown() -> None:
    draft = draft_at(at(18, 10))
    record_outcome(draft, "rejected", at(19, 9))
    assert (draft.outcome, draft.outcome_at) == ("rejected", at(19, 9))
    record_outcome(draft, "", at(19, 10))
    assert (draft.outcome, draft.outcome_at) == ("", None)
    with pytest.raises(ValueError, match="outcome"):
        record_outcome(draft, "ghosted", at(19, 10))


def test_mark_sent_appends_and_rejects_unknown_stage() -> None:
    draft = draft_at(at(18, 10))
    mark_sent(draft, "thank-you", at(18, 12), to="a@b.example")
    assert [(s.stage, s.at, s.to) for s in draft.sent] == [("thank-you", at(18, 12), "a@b.example")]
    with pytest.raises(ValueError, match="stage"):
        mark_sent(draft, "thanks", at(18, 12))


# next follow-up


def test_no_interview_time_means_no_windows() -> None:
    draft = draft_at(None)
    assert windows(draft, at(18, 10)) == []
    assert next_follow_up(draft, at(18, 10)) is None


def test_unsent_thank_you_is_moot_once_the_check_in_is_due() -> None:
    draft = draft_at(at(20, 10))
    pending = next_follow_up(draft, at(24, 9))
    assert pending is not None and (pending.label, pending.state) == ("thank-you", "overdue")
    pending = next_follow_up(draft, at(27, 10))
    assert pending is not None and (pending.label, pending.state) == ("check-in", "due")


# time zones


def test_interview_zone_and_now_zone_compare_as_instants() -> None:
    draft = draft_at(at(18, 10, tz=TOKYO))  # 01:00 UTC
    # 09:00 in New York is 23:00 in Tokyo: after the interview, though the wall clock reads earlier
    now = at(18, 9, tz=NEW_YORK)
    thanks = window(draft, now, "thank-you")
    assert thanks.state == "due"
    assert describe(thanks, now) == "send by Wed 19 Nov 10:00 (in 11 h)"
    assert window(draft, at(17, 19, 30, tz=NEW_YORK), "thank-you").state == "upcoming"


def test_describe_shows_the_interview_zone_or_the_one_asked_for() -> None:
    draft = draft_at(at(18, 10, tz=TOKYO))
    now = at(18, 21, tz=NEW_YORK)  # 19 Nov 11:00 in Tokyo: past the ideal 24 h
    thanks = window(draft, now, "thank-you")
    assert describe(thanks, now) == "send by Thu 20 Nov 10:00 (in 23 h)"
    assert describe(thanks, now, tz=NEW_YORK) == "send by Wed 19 Nov 20:00 (in 23 h)"
    assert describe(thanks, now, relative=False) == "send by Thu 20 Nov 10:00"


def test_friday_rule_and_check_in_use_the_interview_local_time() -> None:
    # Friday 16:00 in Tokyo is Friday 07:00 UTC: still a late-Friday interview
    draft = draft_at(at(21, 16, tz=TOKYO))
    thanks = window(draft, at(21, 8), "thank-you")
    assert thanks.end == at(24, 12, tz=TOKYO)
    assert thanks.end.utcoffset() == timedelta(hours=9)
    check_in = window(draft, at(21, 8), "check-in")
    assert check_in.start == at(28, 9, tz=TOKYO)


# sorting and speed


def test_due_sort_key_orders_overdue_due_upcoming_cold_none() -> None:
    now = at(25, 12)
    overdue = draft_at(at(21, 9))
    overdue.interview.company = "Overdue"
    due_later = draft_at(at(25, 9))
    due_later.interview.company = "Due later"
    due_soon = draft_at(at(24, 13))
    due_soon.interview.company = "Due soon"
    upcoming = draft_at(at(26, 9))
    upcoming.interview.company = "Upcoming"
    cold = draft_at(at(3, 10))
    cold.interview.company = "Cold"
    mark_sent(cold, "thank-you", at(3, 12))
    mark_sent(cold, "check-in", at(10, 12))
    mark_sent(cold, "check-in", at(17, 12))
    nothing = draft_at(None)
    nothing.interview.company = "No date"
    drafts = [nothing, cold, upcoming, due_later, due_soon, overdue]
    ordered = sorted(drafts, key=lambda d: due_sort_key(d, now))
    names = [d.interview.company for d in ordered]
    assert names == ["Overdue", "Due soon", "Due later", "Upcoming", "Cold", "No date"]


def test_a_thousand_drafts_sort_and_describe() -> None:
    base = at(1, 9)
    drafts = []
    for i in range(1000):
        draft = draft_at(base + timedelta(hours=7 * i))
        if i % 3 == 0:
            mark_sent(draft, "thank-you", base + timedelta(hours=7 * i + 2))
        if i % 5 == 0:
            record_outcome(draft, "rejected", base + timedelta(hours=7 * i + 30))
        drafts.append(draft)
    now = at(15, 12, month=1)
    ordered = sorted(drafts, key=lambda d: due_sort_key(d, now))
    lines = [describe(w, now) for d in ordered if (w := next_follow_up(d, now)) is not None]
    assert len(lines) == len([d for d in drafts if next_follow_up(d, now) is not None]) > 0


def test_add_business_days() -> None:
    assert add_business_days(date(2025, 11, 20), 5) == date(2025, 11, 27)  # Thu -> Thu
    assert add_business_days(date(2025, 11, 21), 1) == date(2025, 11, 24)  # Fri -> Mon
    assert add_business_days(date(2025, 11, 22), 1) == date(2025, 11, 24)  # Sat -> Mon
    assert add_business_days(date(2025, 11, 22), 0) == date(2025, 11, 22)


def test_stage_to_show_moves_on_only_past_a_sent_stage() -> None:
    draft = draft_at(at(18, 10))  # Tue 18 Nov 2025, 10:00
    assert stage_to_show(draft, at(18, 15)) is None  # the thank-you is not sent yet
    mark_sent(draft, "thank-you", at(18, 16))
    assert stage_to_show(draft, at(19, 9)) == "check-in"
    draft.stage = "check-in"
    assert stage_to_show(draft, at(19, 9)) is None  # already there
    mark_sent(draft, "check-in", at(26, 9))
    assert stage_to_show(draft, at(27, 9)) is None  # the second check-in is a check-in too
    draft.stage = "thank-you"
    record_outcome(draft, "rejected", at(28, 9))
    assert stage_to_show(draft, at(28, 10)) == "feedback"
    offer = draft_at(at(18, 10))
    mark_sent(offer, "thank-you", at(18, 16))
    record_outcome(offer, "offer", at(20, 9))
    assert stage_to_show(offer, at(21, 9)) is None  # nothing follows an offer
    assert stage_to_show(draft_at(None), at(21, 9)) is None
