"""Every draft of the prose corpus, rendered for every stage, tone and panel member, and linted."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from followup_tui.model import STAGES, TONES, Draft, Email, Interviewer, Notes, SentRecord
from followup_tui.prose.lint import MAX_LIKENESS, likeness, lint_email, lint_panel
from followup_tui.render import render_all, render_email
from tests.prose_corpus import CORPUS, PROFILE, WHEN

SOON = WHEN + timedelta(hours=3)  # the same day
LATE = WHEN + timedelta(days=4)  # a thank-you past 48 hours


def _with_check_ins(draft: Draft, sent: int) -> Draft:
    copy = draft.copy()
    copy.sent = [SentRecord("check-in", WHEN + timedelta(days=7 * (k + 1))) for k in range(sent)]
    return copy


def test_the_corpus_is_big_and_varied() -> None:
    assert len(CORPUS) >= 15
    panels = [d for d in CORPUS.values() if len(d.interviewers) > 1]
    assert len(panels) >= 3
    assert any(d.notes.is_empty() for d in CORPUS.values())


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_email_of_the_corpus_lints_clean(name: str) -> None:
    problems = []
    for stage, tone in itertools.product(STAGES, TONES):
        for sent in (0, 1, 2) if stage == "check-in" else (0,):
            draft = _with_check_ins(CORPUS[name], sent)
            for now in (SOON, LATE):
                emails = render_all(draft, PROFILE, stage=stage, tone=tone, now=now)
                where = f"{stage}/{tone} after {sent} check-in(s)"
                for email in emails:
                    for finding in lint_email(email, draft):
                        problems.append(f"{where} to #{email.interviewer}: {finding}")
                names = [p.name for p in draft.interviewers]
                for finding in lint_panel([e.body for e in emails], names):
                    problems.append(f"{where}: {finding}")
    assert not problems, "\n".join(problems)


def _bodies(draft: Draft, stage: str, tone: str, now: datetime) -> list[Email]:
    return render_all(draft, PROFILE, stage=stage, tone=tone, now=now)


@pytest.mark.parametrize("tone", TONES)
def test_a_panel_with_one_topic_still_gets_distinct_emails(tone: str) -> None:
    draft = CORPUS["panel one topic"]
    names = [p.name for p in draft.interviewers]
    for stage in STAGES:
        emails = _bodies(draft, stage, tone, SOON)
        for a, b in itertools.combinations(emails, 2):
            assert likeness(a.body, b.body, names) <= MAX_LIKENESS, (stage, a.body, b.body)


def test_a_note_per_person_reaches_that_person() -> None:
    draft = CORPUS["panel with own notes"]
    emails = _bodies(draft, "thank-you", "warm", SOON)
    assert "the Nordic and German markets" in emails[0].body
    assert "the CRM migration" in emails[2].body
    assert "the CRM migration" not in emails[1].body


@pytest.mark.parametrize("tone", TONES)
def test_a_late_thank_you_says_so_and_a_prompt_one_does_not(tone: str) -> None:
    draft = CORPUS["lower-case teacher"]
    late = render_email(draft, PROFILE, tone=tone, now=LATE).body.lower()
    prompt = render_email(draft, PROFILE, tone=tone, now=SOON).body.lower()
    words = ("late", "delay", "slow")
    assert any(w in late for w in words)
    assert not any(w in prompt for w in words)
    assert "on tuesday" in late and "today" in prompt


def test_when_words_follow_the_day_it_is_sent() -> None:
    draft = CORPUS["one word"]
    said = {
        days: render_email(draft, PROFILE, tone="warm", now=WHEN + timedelta(days=days)).body
        for days in (0, 1, 3, 9)
    }
    assert "today" in said[0]
    assert "yesterday" in said[1]
    assert "on Tuesday" in said[3]  # WHEN is a Tuesday
    assert "on 17 November" in said[9]


@pytest.mark.parametrize("tone", TONES)
def test_the_second_check_in_adds_something_and_the_third_closes(tone: str) -> None:
    draft = CORPUS["third-person devops"]
    first, second, third = (
        render_email(_with_check_ins(draft, n), PROFILE, stage="check-in", tone=tone, now=LATE)
        for n in (0, 1, 2)
    )
    assert first.body != second.body != third.body
    assert second.word_count < first.word_count
    assert likeness(first.body, second.body) < 0.6
    assert "CI pipeline" in second.body  # what it adds: a result the first did not mention
    assert "CI pipeline" not in first.body
    assert any(w in third.body for w in ("last note", "not trouble", "won't keep"))


@pytest.mark.parametrize("tone", TONES)
def test_a_thank_you_stays_short_however_long_the_notes(tone: str) -> None:
    email = render_email(CORPUS["very long"], PROFILE, tone=tone, now=SOON)
    assert email.word_count <= 200
    assert "quarterly planning cycle" not in email.body  # a 60-word item fits no slot


def test_a_concern_with_an_answer_uses_it_and_one_without_makes_no_claim() -> None:
    answered = render_email(CORPUS["third-person devops"], PROFILE, tone="warm", now=SOON).body
    assert "You were concerned that I haven't used Kubernetes in production." in answered
    assert "I have run a three-node k3s cluster at home for two years." in answered
    for tone in TONES:
        bare = render_email(CORPUS["doctor formal"], PROFILE, tone=tone, now=SOON).body
        assert "I have no PhD" in bare
        assert "confident" not in bare and "close that gap" not in bare


def test_role_is_not_doubled_and_takes_the_right_article() -> None:
    for tone in TONES:
        body = render_email(CORPUS["doctor formal"], PROFILE, tone=tone, now=SOON).body
        assert "HR Manager role role" not in body and "the HR Manager role" in body
    draft = Draft(interviewers=[Interviewer("Sam")], notes=Notes(topics="x"))
    draft.interview.role = "an Operations Analyst position"
    body = render_email(draft, PROFILE, tone="warm", now=SOON).body
    assert "the Operations Analyst role" in body and "position" not in body


def test_greetings_name_the_person_never_a_bare_title() -> None:
    formal = render_email(CORPUS["doctor formal"], PROFILE, tone="formal", now=SOON)
    assert formal.body.startswith("Dear Dr. Okafor,")
    bare = render_email(CORPUS["professor alone"], PROFILE, tone="warm", now=SOON)
    assert bare.body.startswith("Hello,")


@pytest.mark.parametrize("name", list(CORPUS))
def test_the_corpus_emails_fail_no_practice(name: str) -> None:
    from followup_tui.names import PersonName
    from followup_tui.practices import evaluate

    draft = CORPUS[name]
    failed = []
    for stage, tone in itertools.product(STAGES, TONES):
        emails = render_all(draft, PROFILE, stage=stage, tone=tone, now=SOON)
        for email in emails:
            for r in evaluate(email, draft=draft, profile=PROFILE, now=SOON, emails=emails):
                person = draft.interviewers[email.interviewer]
                # a title typed with no name ("Professor") cannot be greeted: the checklist says so
                titled_only = person.name and not PersonName.parse(person.name).full
                if r.status == "fail" and not (r.id == "greeting" and titled_only):
                    failed.append(f"{stage}/{tone} #{email.interviewer} {r.id}: {r.reason}")
    assert not failed, "\n".join(failed)
