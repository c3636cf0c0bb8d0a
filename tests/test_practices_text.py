"""Practices a reader judges from the email's own text (issue 13): blanks, greetings, next
steps, interest, tone, spelling, signatures, subjects and the stage of a plain email."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup_tui import proofread
from followup_tui.model import Draft, Email, Interview, Interviewer, Profile
from followup_tui.practices import Result, evaluate, guess_stage, parse_plain_email
from followup_tui.practices.spelling import misspelt

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
SUBJECT = "Thank you - Data Engineer interview at Northwind"
GREETING = "Dear Priya,"
MIDDLE = (
    "Thank you for the interview today. I enjoyed hearing how your team moved the nightly jobs "
    "to streaming.\n\nI cut our reporting delay from twelve hours to ten minutes at my last job, "
    "and I am excited about the role.\n\nCould you tell me about the next steps?"
)
SIGN = "Best regards,\nAlex Morgan\nalex.morgan@example.com"


def text(greeting: str = GREETING, middle: str = MIDDLE, sign: str = SIGN) -> str:
    """A good plain email with one part swapped."""
    return "\n\n".join(p for p in (greeting, middle, sign) if p)


def judge(
    body: str,
    subject: str = SUBJECT,
    *,
    stage: str = "thank-you",
    draft: Draft | None = None,
    profile: Profile | None = None,
) -> dict[str, Result]:
    email = Email(to="", subject=subject, body=body, stage=stage)
    return {r.id: r for r in evaluate(email, draft=draft, profile=profile, now=NOW)}


def draft(*names: str) -> Draft:
    return Draft(
        interview=Interview(company="Northwind", role="Data Engineer"),
        interviewers=[Interviewer(n) for n in names],
    )


def test_the_good_plain_email_passes_every_practice_judged_from_text() -> None:
    got = judge(text())
    for practice in (
        "greeting",
        "gratitude",
        "personal",
        "interest",
        "qualifications",
        "next-steps",
        "subject",
        "placeholders",
        "signature",
        "polished",
        "tone",
        "filler",
    ):
        assert got[practice].status == "pass", (practice, got[practice].reason)


# --- 1. placeholders -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("blank", "found"),
    [
        ("We spoke on ____ about the role.", "____"),
        ("I met (Insert name of interviewer) today.", "(Insert name of interviewer)"),
        ("the team at (name of organization)", "(name of organization)"),
        ("The Company Name team was kind.", "Company Name"),
        ("Your answer, First Name, helped.", "First Name"),
        ("It grew by TK percent.", "TK"),
        ("ask xx about it", "xx"),
        ("\u00abrole\u00bb", "\u00abrole\u00bb"),
    ],
)
def test_every_blank_a_reader_would_notice_fails(blank: str, found: str) -> None:
    r = judge(text(middle=f"{MIDDLE}\n\n{blank}"))["placeholders"]
    assert (r.status, r.reason) == ("fail", f"leftover placeholder {found}")


@pytest.mark.parametrize(
    "prose",
    [
        "I used SQL (mostly window functions) there.",
        "The role (full-time, remote) suits me.",
        "a company-wide (and cross-team) review",
        "Max Xxavier and the team were kind.",
        "my_variable names",
    ],
)
def test_brackets_and_capitals_in_prose_are_not_blanks(prose: str) -> None:
    assert judge(text(middle=f"{MIDDLE}\n\n{prose}"))["placeholders"].status == "pass"


# --- 2. greeting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "status", "reason"),
    [
        ("Dear Mr./Ms. Last Name:", "fail", 'greeting has a placeholder "Last Name"'),
        ("Dear So And So,", "fail", 'greeting has a placeholder "So And So"'),
        ("Hello (Insert name),", "fail", 'greeting has a placeholder "(Insert name)"'),
        ("Dear xx,", "fail", 'greeting has a placeholder "xx"'),
        ("Dear Dr.,", "fail", '"Dr." alone is not a name: add their surname'),
        ("Dear Ms.", "fail", '"Ms." alone is not a name: add their surname'),
        ("To whom it may concern,", "warn", "greeting names no one: use the interviewer's name"),
        ("Dear Hiring Manager,", "warn", "greeting names no one: use the interviewer's name"),
        ("Dear Dr. Okafor,", "pass", "greets Okafor by name"),
    ],
)
def test_greeting_of_a_plain_email(greeting: str, status: str, reason: str) -> None:
    r = judge(text(greeting=greeting))["greeting"]
    assert (r.status, r.reason) == (status, reason)


def test_a_near_miss_of_the_interviewers_name_fails_with_both_spellings() -> None:
    r = judge(text(greeting="Dear Pryia,"), draft=draft("Priya Raman"))["greeting"]
    assert (r.status, r.reason) == ("fail", '"Pryia" looks like a misspelling of "Priya"')
    r = judge(text(greeting="Dear Ms. Ramen,"), draft=draft("Priya Raman"))["greeting"]
    assert (r.status, r.reason) == ("fail", '"Ramen" looks like a misspelling of "Raman"')
    r = judge(text(greeting="Dear Tomas,"), draft=draft("Priya Raman"))["greeting"]
    assert (r.status, r.reason) == ("fail", 'greets "Tomas", not Priya Raman')


def test_a_title_in_the_notes_is_never_the_name_greeted() -> None:
    people = draft("Dr. Helen Okafor")
    r = judge(text(greeting="Dear Dr. Okafor,"), draft=people)["greeting"]
    assert (r.status, r.reason) == ("pass", "greets Okafor by name")
    r = judge(text(greeting="Dear Dr.,"), draft=people)["greeting"]
    assert (r.status, r.reason) == ("fail", "greeting does not name Dr. Helen Okafor")


# --- 3. next steps, 4. interest --------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "status"),
    [
        ("Could you tell me about the next steps?", "pass"),
        ("When do you expect to decide?", "pass"),
        ("Is there a date by which you plan to make a decision?", "pass"),
        ("Please let me know the timeline for the next round.", "pass"),
        ("When do you expect to finish the interviews,\nand what happens after that?", "pass"),
        ("I look forward to hearing from you.", "warn"),
        ("I hope to hear from you soon.", "warn"),
        ("I enjoyed the day.", "fail"),
    ],
)
def test_next_steps_needs_a_question_or_request(ask: str, status: str) -> None:
    middle = MIDDLE.replace("Could you tell me about the next steps?", ask)
    r = judge(text(middle=middle))["next-steps"]
    assert r.status == status
    if status == "warn":
        assert "asks nothing" in r.reason


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("I would very much like this job.", "pass"),
        ("This is the role I most want.", "pass"),
        ("I am particularly drawn to your mission.", "pass"),
        ("I would love to join the team.", "pass"),
        ("I remain very interested in the position.", "pass"),
        ("I look forward to hearing from you.", "fail"),
        ("The office was bright.", "fail"),
    ],
)
def test_interest_in_the_ways_people_say_it(said: str, status: str) -> None:
    middle = MIDDLE.replace(", and I am excited about the role.", f". {said}")
    assert judge(text(middle=middle))["interest"].status == status


# --- 5. stages -------------------------------------------------------------------------------


def test_a_plain_emails_stage_is_guessed_from_its_text() -> None:
    assert guess_stage("", "I am sorry to hear I was not selected.")[0] == "feedback"
    assert guess_stage("Staying in touch", "Hello again.")[0] == "keep-in-touch"
    assert guess_stage("", "I am still very interested in the role.")[0] == "check-in"
    # asking about their decision is no sign of a rejection
    assert guess_stage("", "When might we hear your decision?")[0] == "thank-you"
    stage, why = guess_stage(SUBJECT, text())
    assert (stage, why) == ("thank-you", "nothing in it points to a later stage")


def test_a_reply_to_a_rejection_is_not_asked_for_interest_or_next_steps(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(
        "Subject: Thank you - Data Engineer role\n\nDear Priya,\n\nThank you for telling me. "
        "I appreciated the chance to meet the team.\n\n" + SIGN + "\n",
        encoding="utf-8",
    )

    def check(*extra: str) -> dict[str, dict[str, str]]:
        argv = [sys.executable, "-m", "followup_tui", "check", str(reply), "--json", *extra]
        out = subprocess.run(argv, capture_output=True, text=True, check=False)
        return {row["id"]: row for row in json.loads(out.stdout)}

    given = check("--stage", "feedback")
    assert given["interest"]["status"] == given["next-steps"]["status"] == "n/a"
    assert given["interest"]["stage"] == "feedback"
    # no --stage: this one reads as a thank-you, so it is judged as one
    assert check()["interest"]["status"] == "fail"
    keep = check("--stage", "keep-in-touch")
    assert keep["gratitude"]["status"] == "n/a"


# --- 6. tone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "status", "quoted"),
    [
        ("I NEED this job.", "fail", '"NEED this job"'),
        ("I'm begging you to reconsider.", "fail", '"I\'m begging you"'),
        ("I need to know by tomorrow.", "fail", '"I need to know by"'),
        ("I would like to send you a gift card.", "fail", '"send you a gift"'),
        ("Here is a $50 voucher.", "fail", '"$50"'),
        ("Happy to buy you lunch next week.", "fail", '"buy you lunch"'),
        ("It was GREAT to meet the team.", "warn", '"GREAT"'),
        ("What a day!!!", "warn", '"!!!"'),
        ("I used SQL and AWS there.", "pass", ""),
    ],
)
def test_tone_quotes_pleading_pushing_bribing_and_shouting(
    said: str, status: str, quoted: str
) -> None:
    r = judge(text(middle=f"{MIDDLE}\n\n{said}"))["tone"]
    assert r.status == status
    assert quoted in r.reason


# --- 7. spelling -----------------------------------------------------------------------------


def test_spelling_warns_with_the_words_quoted() -> None:
    middle = MIDDLE.replace("I enjoyed", "I realy enjoyed") + " I hope to recieve it."
    r = judge(text(middle=middle))["polished"]
    assert (r.status, r.reason) == ("warn", 'check the spelling of "realy", "recieve"')


def test_names_and_the_users_details_are_known_words() -> None:
    # "Kestrel" and "Okafor" are capitalised names: never judged; "sqlmesh" has no near word.
    assert misspelt("Dear Okafor, thanks from Kestrel. I use sqlmesh daily.") == []
    # the draft's and the profile's words are known even in lower case
    assert misspelt("northwinds platform", known=["Northwinds"]) == []
    # British spellings are words too
    assert misspelt("the colour of the harbour; we organise and analyse; the centre") == []


def test_spelling_follows_a_word_as_it_is_typed_and_corrected() -> None:
    # A key changes one word of one line: each state of it is judged as it stands.
    states = ("reci", "recieved", "received")  # typed so far, typed wrong, corrected
    seen = [misspelt(f"Thanks again. I have {word} the brief.") for word in states]
    assert seen == [[], ["recieved"], []]
    # A word missing from the dictionary with only a rare neighbour is not a slip ("barista").
    assert misspelt("our arista team and the baristas") == []


def test_polished_on_a_draft_still_waits_for_the_tick() -> None:
    d = draft("Priya Raman")
    assert judge(text(), draft=d)["polished"].status == "todo"
    proofread.toggle(d, Email(to="", subject=SUBJECT, body=text()), "polished")
    assert judge(text(), draft=d)["polished"].status == "done"
    assert judge(text(middle=MIDDLE + " It was realy good."), draft=d)["polished"].status == "warn"


def test_the_dictionary_is_not_loaded_by_importing_or_rendering() -> None:
    code = (
        "import sys\n"
        "import followup_tui.practices, followup_tui.render, followup_tui.timing\n"
        "print('spellchecker' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- 9. signature, 10. subject ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sign", "status"),
    [
        ("Best, Alex", "warn"),
        ("Happy recruiting!\nJacob Johnson", "warn"),
        ("Happy recruiting!\nJacob Johnson\njacob@example.com", "pass"),
        ("Best regards,\nYour Name", "fail"),
        ("Best regards,\n[Your Full Name]", "fail"),
        ("", "fail"),
    ],
)
def test_signature_counts_inline_and_uncommon_sign_offs(sign: str, status: str) -> None:
    assert judge(text(sign=sign))["signature"].status == status


@pytest.mark.parametrize(
    ("subject", "status"),
    [
        ("Thank you for a great conversation", "warn"),
        ("Great talk today!", "warn"),
        ("Following Up On My Application", "warn"),
        ("Thank you - data engineer interview", "pass"),
        ("Thanks from the Northwind interview", "pass"),
    ],
)
def test_a_plain_subject_names_the_role_or_the_company(subject: str, status: str) -> None:
    r = judge(text(), subject=subject)["subject"]
    assert r.status == status
    if status == "warn":
        assert "role" in r.reason


def test_parse_plain_email_is_unchanged() -> None:
    assert parse_plain_email("Subject: Hi\n\nBody").subject == "Hi"


def test_a_hard_wrapped_plain_email_is_not_read_as_sentences_per_line() -> None:
    wrapped = MIDDLE.replace("how your team moved", "how your team\nmoved")
    assert judge(text(middle=wrapped))["polished"].status == "pass"
    # a sentence that really starts in lower case still warns
    lower = MIDDLE.replace("Could you tell me", "could you tell me")
    r = judge(text(middle=lower))["polished"]
    assert r.status == "warn" and "lower-case" in r.reason


def test_looking_forward_to_a_decision_is_enough_when_the_timeline_was_given() -> None:
    waiting = MIDDLE.replace(
        "Could you tell me about the next steps?", "I look forward to hearing about the decision."
    )
    told = draft("Priya Raman")
    assert judge(text(middle=waiting), draft=told)["next-steps"].status == "warn"
    told.notes.next_steps = "they decide by Friday"
    r = judge(text(middle=waiting), draft=told)["next-steps"]
    assert (r.status, r.reason) == ("pass", "looks forward to the decision you were told about")
    # hearing from them, with no word of the decision, still asks nothing
    vague = waiting.replace("about the decision", "from you")
    assert judge(text(middle=vague), draft=told)["next-steps"].status == "warn"
