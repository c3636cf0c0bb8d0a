"""The checklist practices, judged on emails built here and on the sample email of guide 002."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui import proofread
from followup_tui.model import (
    Draft,
    Email,
    Interview,
    Interviewer,
    Notes,
    Profile,
    SentRecord,
)
from followup_tui.practices import (
    FILLER_PHRASES,
    GLYPHS,
    PRACTICES,
    STATUSES,
    Practice,
    Result,
    Status,
    evaluate,
    parse_plain_email,
    summary,
)

FIXTURES = Path(__file__).parent / "fixtures"
TOKYO = timezone(timedelta(hours=9))
WHEN = datetime(2025, 11, 19, 10, 0, tzinfo=TOKYO)  # a Wednesday
NOW = WHEN + timedelta(hours=5)
IDS = [
    "timely",
    "greeting",
    "gratitude",
    "personal",
    "interest",
    "qualifications",
    "concerns",
    "missed",
    "next-steps",
    "brief",
    "subject",
    "placeholders",
    "signature",
    "polished",
    "tone",
    "filler",
    "distinct",
]

GREETING = "Dear Priya,"
THANKS = (
    "Thank you for taking the time to talk with me today about the Senior Data Engineer "
    "role at Northwind Analytics."
)
TOPIC = (
    "I enjoyed our conversation about moving the nightly batch jobs to streaming, and the "
    "plan to give analysts self-serve pipelines."
)
SKILL = (
    "At my last job I cut warehouse costs by 40% by partitioning the event tables, and I "
    "would like to do the same for your platform."
)
CONCERN = (
    "You asked about Kafka: my experience there is lighter than with Kinesis, but the ideas "
    "carry over and I have started a course on it."
)
MISSED = "I also forgot to mention that I maintain an open-source dbt package used by analysts."
INTEREST = "I am excited about the role and the team."
NEXT = "Could you tell me about the next steps and the timeline?"
SIGNATURE = "Best regards,\nAlex Morgan\nalex.morgan@example.com\n+44 20 7946 0018"
SUBJECT = "Thank you - Senior Data Engineer interview"


def body(*, drop: tuple[str, ...] = (), swap: dict[str, str] | None = None) -> str:
    """The good body, with some parts left out or replaced."""
    parts = {
        "greeting": GREETING,
        "thanks": THANKS,
        "topic": TOPIC,
        "skill": SKILL,
        "concern": CONCERN,
        "missed": MISSED,
        "interest": INTEREST,
        "next": NEXT,
        "signature": SIGNATURE,
    }
    parts.update(swap or {})
    return "\n\n".join(v for k, v in parts.items() if k not in drop and v)


def make_draft(**notes: str) -> Draft:
    """The interview behind the good email; notes can be overridden."""
    base = {
        "topics": "moving the nightly batch jobs to streaming\nhow the team runs on-call",
        "resonated": "the plan to give analysts self-serve pipelines",
        "skills": "cut warehouse costs by 40% at my last job by partitioning the event tables",
        "concerns": "I have less experience with Kafka than with Kinesis",
        "answers": "I ran a Kafka cluster for a side project last year",
        "missed": "I forgot to mention the open-source dbt package I maintain",
        "next_steps": "they decide within two weeks",
    }
    base.update(notes)
    return Draft(
        interview=Interview(
            company="Northwind Analytics", role="Senior Data Engineer", when=WHEN, format="video"
        ),
        interviewers=[
            Interviewer("Priya Raman", "Head of Data Platform", "priya.raman@northwind.example"),
            Interviewer("Tomás Herrera", "Staff Engineer", "tomas.herrera@northwind.example"),
        ],
        notes=Notes(**base),
    )


PROFILE = Profile(name="Alex Morgan", email="alex.morgan@example.com", phone="+44 20 7946 0018")


def email(
    text: str | None = None, subject: str = SUBJECT, stage: str = "thank-you", interviewer: int = 0
) -> Email:
    """An email to Priya; the good body unless text is given."""
    return Email(
        to="priya.raman@northwind.example",
        subject=subject,
        body=body() if text is None else text,
        stage=stage,
        interviewer=interviewer,
    )


def judge(
    e: Email,
    *,
    draft: Draft | None | bool = True,
    profile: Profile | None = PROFILE,
    now: datetime = NOW,
    emails: list[Email] | None = None,
) -> dict[str, Result]:
    """evaluate(), keyed by practice id; draft=True means the standard draft."""
    d = make_draft() if draft is True else (draft or None)
    results = evaluate(e, draft=d, profile=profile, now=now, emails=emails)
    return {r.id: r for r in results}


def status(practice: str, e: Email, **kw: Any) -> str:
    return judge(e, **kw)[practice].status


def plain(path: str) -> dict[str, Result]:
    e = parse_plain_email((FIXTURES / path).read_text(encoding="utf-8"))
    return {r.id: r for r in evaluate(e, now=NOW)}


# --- the table itself ----------------------------------------------------------------------


def test_practices_are_the_seventeen_of_the_design_in_order() -> None:
    assert [p.id for p in PRACTICES] == IDS
    assert all(isinstance(p, Practice) for p in PRACTICES)
    assert [p.id for p in PRACTICES if p.manual] == ["polished"]
    for p in PRACTICES:
        assert p.title and "\n" not in p.title and len(p.title) <= 45
        assert p.guide.startswith("guide 00")
        assert p.hint


def test_the_good_email_passes_everything_it_can() -> None:
    got = {k: r.status for k, r in judge(email()).items()}
    expected = dict.fromkeys(IDS, "pass")
    expected.update({"polished": "todo", "distinct": "n/a"})
    assert got == expected


def test_evaluate_gives_one_result_per_practice_in_order_with_one_line_reasons() -> None:
    results = evaluate(email(), draft=make_draft(), profile=PROFILE, now=NOW)
    assert [r.id for r in results] == IDS
    for r, p in zip(results, PRACTICES, strict=True):
        assert r.status in STATUSES
        assert r.guide == p.guide
        assert r.reason.strip() and len(r.reason.splitlines()) == 1


def test_every_status_has_its_own_glyph() -> None:
    assert list(GLYPHS) == list(STATUSES) == list(Status)
    assert len(set(GLYPHS.values())) == len(STATUSES)
    assert all(len(g) == 1 for g in GLYPHS.values())


@pytest.mark.parametrize(
    ("stage", "skipped"),
    [
        ("check-in", {"timely", "qualifications", "concerns", "missed"}),
        ("feedback", {"timely", "interest", "qualifications", "concerns", "missed", "next-steps"}),
        (
            "keep-in-touch",
            {"timely", "gratitude", "qualifications", "concerns", "missed", "next-steps"},
        ),
    ],
)
def test_later_stages_skip_what_belongs_to_the_thank_you(stage: str, skipped: set[str]) -> None:
    short = "Dear Priya,\n\nI hope the new pipelines are going well.\n\n" + SIGNATURE
    got = judge(email(short, stage=stage))
    assert {k for k, r in got.items() if r.status == "n/a"} == skipped | {"distinct"}
    assert got["concerns"].reason == f"not needed in a {stage} email"
    assert got["greeting"].status == "pass"


def test_summary_counts_every_status() -> None:
    results = evaluate(email(), draft=make_draft(), profile=PROFILE, now=NOW)
    counts = summary(results)
    assert list(counts) == list(STATUSES)
    assert counts["pass"] == 15 and counts["todo"] == 1 and counts["n/a"] == 1
    assert sum(counts.values()) == 17


# --- timely --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "expected"), [(0.5, "pass"), (23, "pass"), (30, "warn"), (50, "fail"), (-2, "todo")]
)
def test_timely_by_hours_since_the_interview(hours: float, expected: str) -> None:
    assert status("timely", email(), now=WHEN + timedelta(hours=hours)) == expected


def test_timely_reasons() -> None:
    assert judge(email(), now=WHEN - timedelta(hours=1))["timely"].reason == (
        "interview hasn't happened yet"
    )
    assert "50 h" in judge(email(), now=WHEN + timedelta(hours=50))["timely"].reason


def test_timely_across_time_zones() -> None:
    # 10:00 in Tokyo is 01:00 UTC: at 08:00 UTC the next day 31 hours have passed, not 22.
    now = datetime(2025, 11, 20, 8, 0, tzinfo=UTC)
    assert status("timely", email(), now=now) == "warn"
    assert status("timely", email(), now=datetime(2025, 11, 20, 0, 0, tzinfo=UTC)) == ("pass")


def test_timely_is_done_once_the_thank_you_is_sent() -> None:
    draft = make_draft()
    draft.sent.append(SentRecord("thank-you", WHEN + timedelta(hours=3)))
    assert status("timely", email(), draft=draft, now=WHEN + timedelta(hours=80)) == "done"


def test_timely_is_not_judged_without_a_time_or_for_later_stages() -> None:
    draft = make_draft()
    draft.interview.when = None
    assert status("timely", email(), draft=draft) == "n/a"
    assert status("timely", email(), draft=None) == "n/a"
    assert status("timely", email(stage="check-in"), now=WHEN + timedelta(days=9)) == "n/a"


def test_timely_friday_interview_answered_monday_morning() -> None:
    friday = datetime(2025, 11, 21, 16, 0, tzinfo=TOKYO)
    draft = make_draft()
    draft.interview.when = friday
    monday_9 = datetime(2025, 11, 24, 9, 0, tzinfo=TOKYO)
    assert status("timely", email(), draft=draft, now=monday_9) == "warn"
    assert status("timely", email(), draft=draft, now=monday_9 + timedelta(hours=6)) == "fail"


# --- greeting ------------------------------------------------------------------------------


@pytest.mark.parametrize("greeting", ["Dear Priya,", "Hi Priya!", "Dear Ms. Raman,", "Priya,"])
def test_greeting_names_the_interviewer(greeting: str) -> None:
    assert status("greeting", email(body(swap={"greeting": greeting}))) == "pass"


def test_greeting_without_their_name_fails() -> None:
    r = judge(email(body(swap={"greeting": "Dear Hiring Manager,"})))["greeting"]
    assert (r.status, r.reason) == ("fail", "greeting does not name Priya Raman")
    # the second email of the panel must greet the second interviewer
    assert status("greeting", email(interviewer=1)) == "fail"
    assert status("greeting", email(body().replace("Priya,", "Tomás,"), interviewer=1)) == "pass"


def test_greeting_with_a_placeholder_or_none_fails() -> None:
    e = email(body(swap={"greeting": "Dear [Interviewer's Name],"}))
    assert status("greeting", e) == "fail"
    assert status("greeting", e, draft=None) == "fail"
    assert status("greeting", email(body(drop=("greeting",)))) == "fail"
    assert status("greeting", email(""), draft=None) == "fail"


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        ("Dear Ms. Chen,", "pass"),
        ("Good morning Dr. Okafor,", "pass"),
        ("Dear Hiring Manager,", "warn"),
        ("Dear Sir or Madam,", "warn"),
        ("Hi team,", "warn"),
        ("Hello,", "warn"),
        ("I am writing about the interview.", "fail"),
    ],
)
def test_greeting_of_a_plain_email(greeting: str, expected: str) -> None:
    assert status("greeting", email(body(swap={"greeting": greeting})), draft=None) == expected


# --- gratitude, interest, next steps ---------------------------------------------------------


def test_gratitude() -> None:
    assert status("gratitude", email()) == "pass"
    grateful = email(body(swap={"thanks": "I am grateful for the conversation."}))
    assert status("gratitude", grateful) == "pass"
    cold = body(swap={"thanks": "We spoke today.", "signature": "Best regards,\nAlex Morgan"})
    assert status("gratitude", email(cold)) == "fail"
    assert status("gratitude", email(cold.replace("We spoke", "Thanksgiving came"))) == "fail"


def test_interest() -> None:
    assert status("interest", email()) == "pass"
    keen = "I look forward to contributing to the platform team."
    assert status("interest", email(body(swap={"interest": keen}))) == "pass"
    lukewarm = "I look forward to hearing from you."
    assert status("interest", email(body(swap={"interest": lukewarm}))) == "fail"


def test_next_steps() -> None:
    assert status("next-steps", email()) == "pass"
    hear_back = "When might I hear back?"
    assert status("next-steps", email(body(swap={"next": hear_back}))) == "pass"
    r = judge(email(body(drop=("next",))))["next-steps"]
    assert r.status == "fail" and "next steps" in r.reason


# --- note-based practices --------------------------------------------------------------------


def test_personal() -> None:
    assert status("personal", email()) == "pass"
    r = judge(email(body(drop=("topic",))))["personal"]
    assert (r.status, r.reason) == ("fail", "none of the noted topics appear in the email")
    r = judge(email(), draft=make_draft(topics="", resonated=""))["personal"]
    assert (r.status, r.reason) == ("warn", "no topics in the notes to mention")
    # with no notes, what a reader sees in the text
    r = judge(email(), draft=None)["personal"]
    assert r.status == "pass" and "nightly batch" in r.reason
    r = judge(email(body(drop=("topic",))), draft=None)["personal"]
    assert r.status == "n/a"


def test_personal_finds_another_form_of_the_words() -> None:
    draft = make_draft(topics="how the team runs on-call rotations", resonated="")
    said = "I liked hearing how your team's on-call rotation runs."
    assert status("personal", email(body(swap={"topic": said})), draft=draft) == "pass"


def test_qualifications() -> None:
    assert status("qualifications", email()) == "pass"
    assert status("qualifications", email(body(drop=("skill",)))) == "fail"
    assert status("qualifications", email(), draft=make_draft(skills="")) == "warn"
    assert status("qualifications", email(), draft=None) == "pass"
    assert status("qualifications", email(body(drop=("skill",))), draft=None) == "n/a"


def test_concerns() -> None:
    assert status("concerns", email()) == "pass"
    assert status("concerns", email(body(drop=("concern",)))) == "fail"
    assert status("concerns", email(), draft=make_draft(concerns="")) == "n/a"
    # raised but with no answer of the user's: the email can only offer to talk it through
    assert status("concerns", email(), draft=make_draft(answers="")) == "warn"
    assert status("concerns", email(), draft=None) == "n/a"


def test_missed() -> None:
    assert status("missed", email()) == "pass"
    assert status("missed", email(body(drop=("missed",)))) == "fail"
    assert status("missed", email(), draft=make_draft(missed=" \n")) == "n/a"
    assert status("missed", email(), draft=None) == "n/a"


def _panel_note(to: str = "tomas.herrera@northwind.example") -> Email:
    """The second interviewer's short note: no concern, no missed point."""
    text = body(drop=("concern", "missed"), swap={"greeting": "Dear Tomás,"})
    return Email(to=to, subject=SUBJECT, body=text, interviewer=1)


@pytest.mark.parametrize(("practice", "verb"), [("concerns", "answered"), ("missed", "added")])
def test_a_panel_note_may_leave_the_concern_and_missed_point_to_the_lead(
    practice: str, verb: str
) -> None:
    lead, note = email(), _panel_note()
    r = judge(note, emails=[lead, note])[practice]
    assert (r.status, r.reason) == ("pass", f"{verb} in the email to Priya Raman")
    # the lead's own email still judges itself
    assert judge(lead, emails=[lead, note])[practice].reason.startswith(("answers", "adds"))
    # without the draft's names: the display name of `to`, else the first interviewer
    named = dataclasses.replace(lead, to="Priya Raman <priya.raman@northwind.example>")
    nobody = dataclasses.replace(lead, to="")
    unnamed = make_draft()
    unnamed.interviewers[0].name = ""
    r = judge(note, draft=unnamed, emails=[named, note])[practice]
    assert r.reason == f"{verb} in the email to Priya Raman"
    r = judge(note, draft=unnamed, emails=[nobody, note])[practice]
    assert (r.status, r.reason) == ("pass", f"{verb} in the first interviewer's email")


@pytest.mark.parametrize("practice", ["concerns", "missed"])
def test_a_panel_where_no_email_covers_the_note_still_fails(practice: str) -> None:
    lead = email(body(drop=("concern", "missed")))
    note = _panel_note()
    for e in (lead, note):
        assert judge(e, emails=[lead, note])[practice] == judge(e)[practice]
        assert status(practice, e, emails=[lead, note]) == "fail"
    # nothing noted: still n/a, whatever the other emails say
    none = make_draft(concerns="", missed="")
    assert status(practice, note, draft=none, emails=[email(), note]) == "n/a"


@pytest.mark.parametrize(
    ("text", "personal", "qualifications"),
    [
        (body(), "pass", "pass"),
        ("Hi,\n\nThanks for your time today, I enjoyed meeting you.", "n/a", "n/a"),
        ("Hi,\n\nThanks for explaining how the on-call rota works.", "n/a", "n/a"),
        ("Hi,\n\nI enjoyed hearing how your team runs the on-call rota.", "pass", "n/a"),
        ("Hi,\n\nI halved the pager noise at my last job.", "n/a", "pass"),
        ("Hi,\n\nMy background in payroll systems fits the role.", "n/a", "pass"),
        ("", "n/a", "n/a"),
    ],
)
def test_a_plain_email_is_judged_from_its_text_where_a_reader_could(
    text: str, personal: str, qualifications: str
) -> None:
    got = judge(email(text), draft=None, profile=None)
    assert got["personal"].status == personal
    assert got["qualifications"].status == qualifications
    assert got["concerns"].status == "n/a"
    assert got["missed"].status == "n/a"


# --- brief, subject, placeholders ------------------------------------------------------------


@pytest.mark.parametrize(("words", "expected"), [(150, "pass"), (220, "warn"), (300, "fail")])
def test_brief(words: int, expected: str) -> None:
    r = judge(email(" ".join(["word"] * words)))["brief"]
    assert r.status == expected and str(words) in r.reason


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Thank you - Senior Data Engineer interview", "pass"),
        ("Following up: northwind analytics", "pass"),
        ("Thank You for the Opportunity", "warn"),
        ("Follow-up after my interview", "warn"),
        ("Our conversation about streaming pipelines", "warn"),
        ("", "fail"),
        ("Thank you for the [Job Title] interview", "fail"),
    ],
)
def test_subject_with_a_draft(subject: str, expected: str) -> None:
    assert status("subject", email(subject=subject)) == expected


def test_subject_of_a_plain_email() -> None:
    assert status("subject", email(subject="Data engineer interview at Northwind"), draft=None) == (
        "pass"
    )
    r = judge(email(subject="Thanks for the interview"), draft=None)["subject"]
    assert (r.status, r.reason) == ("warn", "generic subject: name the role or company")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the [Job Title] role", "[Job Title]"),
        ("Hello {{ name }},", "{{ name }}"),
        ("{% if x %}yes{% endif %}", "{% if x %}"),
        ("TODO: add the date", "TODO"),
        ("my XXX project", "XXX"),
        ("Kind regards, <Your Name>", "<Your Name>"),
    ],
)
def test_placeholders_fail_and_are_named(text: str, found: str) -> None:
    r = judge(email(body(swap={"missed": text})))["placeholders"]
    assert (r.status, r.reason) == ("fail", f"leftover placeholder {found}")


def test_placeholders_pass_on_addresses_and_plain_text() -> None:
    e = email(body(swap={"missed": "Write to <alex@example.com> or see <https://example.com>."}))
    assert status("placeholders", e) == "pass"
    assert status("placeholders", email()) == "pass"
    assert status("placeholders", email(subject="Re: [Job Title]")) == "fail"


# --- signature -----------------------------------------------------------------------------


def test_signature_with_a_profile() -> None:
    assert status("signature", email()) == "pass"
    no_contact = body(swap={"signature": "Best regards,\nAlex Morgan"})
    assert status("signature", email(no_contact)) == "warn"
    other = body(swap={"signature": "Best regards,\nSam Jones\nsam@example.com"})
    r = judge(email(other))["signature"]
    assert r.status == "fail" and "Alex Morgan" in r.reason
    phone_only = body(swap={"signature": "Thanks again,\nAlex Morgan\n020 7946 0018"})
    assert status("signature", email(phone_only)) == "pass"


def test_signature_needs_a_sign_off() -> None:
    r = judge(email(body(swap={"signature": "Alex Morgan\nalex.morgan@example.com"})))
    assert r["signature"].status == "fail"


def test_signature_without_a_profile() -> None:
    assert status("signature", email(), profile=None, draft=None) == "pass"
    name_only = body(swap={"signature": "Kind regards,\nAlex Morgan"})
    assert status("signature", email(name_only), profile=None) == "warn"
    url = body(swap={"signature": "Cheers,\nAlex Morgan\nhttps://github.com/alexmorgan"})
    assert status("signature", email(url), profile=None) == "pass"
    blank = body(swap={"signature": "Best regards,\n[Your Full Name]\n[Your Phone Number]"})
    assert status("signature", email(blank), profile=None) == "fail"
    assert status("signature", email(body(swap={"signature": "Best,"})), profile=None) == "fail"


# --- polished ------------------------------------------------------------------------------


def test_polished_doubled_word_fails() -> None:
    e = email(body(swap={"interest": "I am excited about the the role."}))
    r = judge(e)["polished"]
    assert (r.status, r.reason) == ("fail", 'doubled word "the the"')
    assert status("polished", e, draft=None) == "fail"
    assert status("polished", email(body(swap={"interest": "I am The the one."}))) == "fail"


def test_polished_names_spelled_as_in_the_notes() -> None:
    lower = email(body().replace("Northwind Analytics", "northwind analytics"))
    r = judge(lower)["polished"]
    assert r.status == "warn" and "Northwind Analytics" in r.reason
    typo = email(body(swap={"greeting": "Dear Priya Ramen,"}))
    r = judge(typo)["polished"]
    assert r.status == "warn" and '"Priya Ramen"' in r.reason
    accent = email(body(swap={"interest": "I am excited, and Tomas made the team sound great."}))
    assert status("polished", accent) == "warn"


def test_polished_ignores_addresses_and_common_words() -> None:
    # (the email goes to Priya: "Priya's note" in it would name the reader in the third person)
    e = email(body(swap={"missed": "Tomás's note (tomas.herrera@northwind.example) will help."}))
    assert status("polished", e) == "todo"


def test_polished_is_a_manual_tick() -> None:
    draft = make_draft()
    assert status("polished", email(), draft=draft) == "todo"
    proofread.toggle(draft, email(), "polished")
    assert status("polished", email(), draft=draft) == "done"
    assert status("polished", email(), draft=None) == "pass"
    # a tick does not hide a real fault
    assert status("polished", email(body().replace("the role", "the the role")), draft=draft) == (
        "fail"
    )


# --- filler --------------------------------------------------------------------------------


def test_filler() -> None:
    assert status("filler", email()) == "pass"
    r = judge(email(body(swap={"next": "Just checking in on the next steps."})))["filler"]
    assert (r.status, r.reason) == ("warn", 'stock phrase "just checking in"')
    curly = email(body(swap={"next": "Please don\u2019t hesitate to ask about the timeline."}))
    assert judge(curly)["filler"].reason == 'stock phrase "don\'t hesitate to"'
    assert status("filler", email(body(swap={"next": "TOUCHING\nBASE re the timeline."}))) == (
        "warn"
    )
    assert status("filler", email(body(swap={"next": "Reach outcomes? Next steps?"}))) == "pass"


def test_filler_phrases_are_a_sensible_set() -> None:
    lowered = {p.lower() for p in FILLER_PHRASES}
    assert {"just checking in", "touching base", "circling back", "reach out"} <= lowered
    assert 10 <= len(FILLER_PHRASES) <= 20


# --- distinct ------------------------------------------------------------------------------


def test_distinct_is_na_for_one_email() -> None:
    assert status("distinct", email()) == "n/a"
    assert status("distinct", email(), emails=[email()]) == "n/a"


def test_distinct_warns_when_only_the_names_differ() -> None:
    first = email()
    second = email(body().replace("Priya", "Tomás"), interviewer=1)
    r = judge(first, emails=[first, second])["distinct"]
    assert r.status == "warn" and "Tomás Herrera" in r.reason
    # also without a draft, from the greetings alone
    assert status("distinct", second, draft=None, emails=[first, second]) == "warn"


def test_distinct_passes_for_personal_emails() -> None:
    first = email()
    other = (
        "Dear Tomás,\n\nThank you for the tour of the on-call setup and the runbooks. I would "
        "love to help make the pager quieter, and I am eager to hear about the next steps.\n\n"
        + SIGNATURE
    )
    second = email(other, interviewer=1)
    assert status("distinct", first, emails=[first, second]) == "pass"
    assert status("distinct", second, emails=[first, second]) == "pass"


# --- plain emails: parsing and the guide's sample ------------------------------------------


def test_parse_plain_email() -> None:
    e = parse_plain_email("SUBJECT: Hello there\n\nDear Ann,\nBody\n")
    assert (e.to, e.subject, e.body) == ("", "Hello there", "Dear Ann,\nBody\n")
    e = parse_plain_email("subject:Hi\r\nDear Ann,\r\nBody")
    assert (e.subject, e.body) == ("Hi", "Dear Ann,\nBody")
    e = parse_plain_email("Dear Ann,\n\nNo subject here.")
    assert (e.subject, e.body) == ("", "Dear Ann,\n\nNo subject here.")
    assert parse_plain_email("") == Email(to="", subject="", body="")
    original = email()
    again = parse_plain_email(original.text)
    assert (again.subject, again.body) == (original.subject, original.body)


def test_guide_sample_email_is_an_unfilled_template() -> None:
    got = plain("guide002_sample.txt")
    assert got["placeholders"].status == "fail"
    assert got["placeholders"].reason == "leftover placeholder [Interviewer's Name]"
    assert got["greeting"].status == "fail"
    assert got["signature"].status == "fail"
    for practice in ("gratitude", "next-steps", "interest"):
        assert got[practice].status == "pass", practice
    for practice in ("personal", "qualifications"):
        assert got[practice].status != "pass", practice
    assert got["subject"].status == "warn"
    assert got["filler"].status == "warn"


def test_guide_sample_email_filled_in_has_no_fail() -> None:
    got = plain("guide002_filled.txt")
    assert not [r for r in got.values() if r.status == "fail"]
    assert got["placeholders"].status == "pass"
    assert got["signature"].status == "pass"
    assert got["greeting"].reason == "greets Chen by name"


# --- robustness and speed --------------------------------------------------------------------


printable_or_not = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)


@settings(max_examples=150, deadline=None)
@given(text=printable_or_not, notes=printable_or_not, name=printable_or_not)
def test_evaluate_never_raises(text: str, notes: str, name: str) -> None:
    results = evaluate(parse_plain_email(text), now=NOW)
    draft = make_draft(topics=notes, skills=notes, concerns=notes, missed=notes)
    draft.interviewers[0].name = name
    draft.interview.company = name
    e = dataclasses.replace(parse_plain_email(text), interviewer=0)
    results += evaluate(e, draft=draft, profile=Profile(name=name), now=NOW, emails=[e, email()])
    assert len(results) == 2 * len(IDS)
    for r in results:
        assert r.status in STATUSES
        assert r.reason.strip() and len(r.reason.splitlines()) == 1


@given(st.text(max_size=300))
def test_evaluate_plain_text_statuses(text: str) -> None:
    results = evaluate(parse_plain_email(text), now=NOW)
    assert [r.id for r in results] == IDS
    assert results[IDS.index("personal")].status in ("pass", "n/a")
