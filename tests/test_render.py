"""Rendering drafts into emails: shipped templates, the user's own, and every way they fail."""

from __future__ import annotations

import difflib
import itertools
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from followup_tui import paths
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.errors import FileFormatError
from followup_tui.model import (
    STAGES,
    TONES,
    Draft,
    Email,
    Interview,
    Interviewer,
    ManualEdit,
    Notes,
    Profile,
    edit_key,
)
from followup_tui.practices import evaluate
from followup_tui.render import build_context, render_all, render_email
from followup_tui.tones import available_stages, available_tones

NOW = datetime(2025, 11, 18, 15, 0, tzinfo=UTC)
COMBOS = list(itertools.product(STAGES, TONES))
FILLER = (
    "just checking in",
    "touching base",
    "circling back",
    "per my last email",
    "finds you well",
)


def _demo() -> Draft:
    return demo_draft(now=NOW)


def _user_template(stage: str, tone: str, text: str) -> Path:
    path = paths.user_templates_dir() / stage / f"{tone}.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _greeting(email: Email) -> str:
    return email.body.splitlines()[0]


def _assert_tidy(email: Email) -> None:
    """No gaps left by missing data, no template leftovers, at most one blank line in a row."""
    text = email.text
    for bad in ("Dear ,", "Hi ,", "Hello ,", " .", " ,", "about .", "at .", "  ", "()", "None"):
        assert bad not in text, f"{bad!r} in {email.stage}/{email.tone}:\n{text}"
    for bad in ("{{", "}}", "{%", "%}", "[", "]"):
        assert bad not in text, f"{bad!r} in {email.stage}/{email.tone}:\n{text}"
    assert "\n\n\n" not in email.body
    assert email.body == email.body.strip()
    assert all(line == line.rstrip() for line in text.splitlines())
    assert email.subject.strip() and "\n" not in email.subject
    assert re.search(r"\b(\w+) \1\b", email.body, re.IGNORECASE) is None, "doubled word"


@pytest.mark.parametrize(("stage", "tone"), COMBOS)
def test_demo_renders_every_stage_and_tone(stage: str, tone: str) -> None:
    emails = render_all(_demo(), demo_profile(), stage=stage, tone=tone, now=NOW)
    assert [e.interviewer for e in emails] == [0, 1]
    for email in emails:
        _assert_tidy(email)
        assert (email.stage, email.tone, email.edited) == (stage, tone, False)
        assert "Senior Data Engineer" in email.subject or "Northwind" in email.subject
        assert "Alex Morgan\nalex.morgan@example.com\n+44 20 7946 0018" in email.body
        assert not any(phrase in email.text.lower() for phrase in FILLER)
        limit = 120 if tone == "concise" else 200
        assert email.word_count <= limit
    first, second = emails
    if tone == "formal":
        assert _greeting(first) == "Dear Priya Raman,"
        assert _greeting(second) == "Dear Tomás Herrera,"
    else:
        assert _greeting(first) == "Hi Priya,"
        assert _greeting(second) == "Hi Tomás,"


@pytest.mark.parametrize("tone", TONES)
def test_thank_you_covers_the_practices(tone: str) -> None:
    draft = _demo()
    email = render_email(draft, demo_profile(), tone=tone, now=NOW)
    body = email.body.lower()
    assert "thank" in body
    assert "moving the nightly batch jobs to streaming" in email.body
    assert re.search(r"enthusiastic|excited|interest", body)
    # notes are read into sentences: the skill gets its "I", the missed point loses its
    # confession, the concern stands as the user typed it
    assert "I cut warehouse costs by 40% at my last job by partitioning the event tables" in (
        email.body
    )
    assert draft.notes.concerns in email.body
    assert "the open-source dbt package I maintain" in email.body
    assert "forgot" not in body
    assert "next steps" in body or "timeline" in body
    assert email.subject.startswith("Thank you")
    assert "Senior Data Engineer" in email.subject


def test_concise_is_much_shorter_than_formal() -> None:
    for stage in STAGES:
        formal = render_email(_demo(), demo_profile(), stage=stage, tone="formal", now=NOW)
        concise = render_email(_demo(), demo_profile(), stage=stage, tone="concise", now=NOW)
        assert concise.word_count < formal.word_count * 0.8


def test_tones_read_differently() -> None:
    for stage in STAGES:
        bodies = {
            render_email(_demo(), demo_profile(), stage=stage, tone=tone, now=NOW).body
            for tone in TONES
        }
        assert len(bodies) == len(TONES)


@pytest.mark.parametrize(("stage", "tone"), COMBOS)
def test_empty_draft_degrades_gracefully(stage: str, tone: str) -> None:
    email = render_email(Draft(), Profile(), stage=stage, tone=tone, now=NOW)
    _assert_tidy(email)
    assert email.to == ""
    assert _greeting(email) in ("Hello,", "Dear hiring team,")
    assert email.body.endswith("Best regards,")


@pytest.mark.parametrize(
    ("name", "company", "role", "notes"),
    list(itertools.product((True, False), repeat=4)),
)
def test_partly_filled_drafts_stay_tidy(name: bool, company: bool, role: bool, notes: bool) -> None:
    demo = _demo()
    draft = Draft(
        interview=Interview(
            company=demo.interview.company if company else "",
            role=demo.interview.role if role else "",
        ),
        interviewers=[Interviewer("Priya Raman" if name else "", "", "")],
        notes=demo.notes if notes else Notes(),
    )
    for stage, tone in COMBOS:
        email = render_email(draft, Profile(name="Alex Morgan"), stage=stage, tone=tone, now=NOW)
        _assert_tidy(email)
        assert ("Priya" in _greeting(email)) is name


def test_panel_gives_each_interviewer_their_own_email() -> None:
    draft = _demo()
    draft.interviewers.append(Interviewer("Sam Okafor", "Recruiter", ""))
    draft.interviewers.append(Interviewer("", "", "panel@northwind.example"))
    emails = render_all(draft, demo_profile(), tone="warm", now=NOW)
    assert [e.to for e in emails] == [
        "Priya Raman <priya.raman@northwind.example>",
        "Tomás Herrera <tomas.herrera@northwind.example>",
        "Sam Okafor",
        "panel@northwind.example",
    ]
    assert [_greeting(e) for e in emails] == ["Hi Priya,", "Hi Tomás,", "Hi Sam,", "Hello,"]
    # beyond the names, the first two differ: each hears about a different topic
    assert "moving the nightly batch jobs to streaming" in emails[0].body
    assert "how the team runs on-call" in emails[1].body
    # job titles are not forced into sentences ("how you see the work as CTO")
    assert "Head of Data Platform" not in emails[0].body
    assert "Staff Engineer" not in emails[1].body
    # each thanks the others by name, never themselves
    assert "Tomás Herrera" in emails[0].body and "Priya Raman" not in emails[0].body
    assert "Priya Raman" in emails[1].body and "Tomás Herrera" not in emails[1].body


def _alike(a: Email, b: Email, names: list[str]) -> float:
    """How alike two bodies are, word by word, with the interviewers' names masked."""
    masked = {part.casefold() for name in names for part in name.split()}

    def words(text: str) -> list[str]:
        return ["<name>" if w in masked else w for w in re.findall(r"\w+", text.casefold())]

    return difflib.SequenceMatcher(None, words(a.body), words(b.body), autojunk=False).ratio()


@pytest.mark.parametrize(("stage", "tone"), COMBOS)
def test_panel_emails_pass_the_checklist_and_are_distinct(stage: str, tone: str) -> None:
    draft, profile = _demo(), demo_profile()
    emails = render_all(draft, profile, stage=stage, tone=tone, now=NOW)
    names = [person.name for person in draft.interviewers]
    assert _alike(*emails, names) < 0.75
    for email in emails:
        results = evaluate(email, draft=draft, profile=profile, now=NOW, emails=emails)
        got = {r.id: r for r in results}
        assert got["distinct"].status == "pass", got["distinct"].reason
        if stage == "thank-you":
            failed = {r.id: r.reason for r in results if r.status == "fail"}
            assert not failed, f"{stage}/{tone} to interviewer {email.interviewer}: {failed}"
            assert got["timely"].status == "pass"


@pytest.mark.parametrize("tone", TONES)
def test_panel_note_is_short_and_leaves_the_concern_to_the_lead(tone: str) -> None:
    draft = _demo()
    lead, note = render_all(draft, demo_profile(), tone=tone, now=NOW)
    for text in (draft.notes.concerns, "the open-source dbt package I maintain"):
        assert text in lead.body and text not in note.body
    assert note.word_count < lead.word_count * 0.75
    # the note is the second interviewer's own: their topic, no lead's topic, no titles
    assert "Staff Engineer" not in note.body and "Head of Data Platform" not in note.body
    assert "how the team runs on-call" in note.body
    assert "moving the nightly batch jobs to streaming" not in note.body
    assert "cut warehouse costs by 40%" in note.body
    # and it closes differently: the line before the signature is not the lead's
    before = [e.body.split("\n\nBest regards,")[0].splitlines()[-1] for e in (lead, note)]
    assert before[0] != before[1]
    assert "Priya Raman" in note.body or tone == "concise"


@pytest.mark.parametrize(
    ("name", "title", "notes", "company"),
    list(itertools.product((True, False), repeat=4)),
)
def test_panel_notes_stay_tidy_with_missing_data(
    name: bool, title: bool, notes: bool, company: bool
) -> None:
    demo = _demo()
    draft = Draft(
        interview=Interview(
            company=demo.interview.company if company else "",
            role=demo.interview.role if company else "",
            when=demo.interview.when if notes else None,
        ),
        interviewers=[
            Interviewer("Priya Raman", "Head of Data Platform" if title else "", ""),
            Interviewer("Tomás Herrera" if name else "", "Staff Engineer" if title else "", ""),
            Interviewer("", "", "panel@northwind.example"),
        ],
        notes=demo.notes if notes else Notes(),
    )
    for stage, tone in COMBOS:
        emails = render_all(draft, demo_profile(), stage=stage, tone=tone, now=NOW)
        for email in emails:
            _assert_tidy(email)
            assert email.body.count("Best regards,") == 1
        assert ("Tomás" in _greeting(emails[1])) is name
        assert _greeting(emails[2]) in ("Hello,", "Dear hiring team,")
        assert "Staff Engineer" not in emails[1].body


def test_single_interviewer_mentions_no_panel() -> None:
    draft = _demo()
    draft.interviewers = draft.interviewers[:1]
    email = render_email(draft, demo_profile(), now=NOW)
    assert "Tomás" not in email.body
    assert render_all(Draft(interviewers=[]), Profile())[0].to == ""


def test_address_quotes_names_with_specials() -> None:
    draft = Draft(interviewers=[Interviewer("Raman, Priya", "", "p@example.com")])
    assert render_email(draft, Profile()).to == '"Raman, Priya" <p@example.com>'


def test_manual_edits_are_used_unless_turned_off() -> None:
    draft = _demo()
    draft.edits[edit_key("thank-you", 1)] = ManualEdit("My subject", "My own words.")
    edited = render_email(draft, demo_profile(), interviewer=1)
    assert (edited.subject, edited.body, edited.edited) == ("My subject", "My own words.", True)
    assert edited.to == "Tomás Herrera <tomas.herrera@northwind.example>"
    assert edited.text == "Subject: My subject\n\nMy own words."
    fresh = render_email(draft, demo_profile(), interviewer=1, use_edits=False)
    assert not fresh.edited and fresh.subject != "My subject"
    # the edit belongs to one stage and one interviewer only
    assert not render_email(draft, demo_profile(), interviewer=0).edited
    assert not render_email(draft, demo_profile(), interviewer=1, stage="check-in").edited
    assert [e.edited for e in render_all(draft, demo_profile())] == [False, True]
    assert not any(e.edited for e in render_all(draft, demo_profile(), use_edits=False))


def test_text_is_subject_blank_line_body() -> None:
    email = render_email(_demo(), demo_profile(), now=NOW)
    assert email.text == f"Subject: {email.subject}\n\n{email.body}"
    assert email.text.startswith("Subject: Thank you")
    assert not email.body.startswith("\n")


def test_stage_and_tone_default_to_the_draft() -> None:
    draft = _demo()
    draft.stage, draft.tone = "feedback", "formal"
    email = render_email(draft, demo_profile(), now=NOW)
    assert (email.stage, email.tone) == ("feedback", "formal")
    assert _greeting(email) == "Dear Priya Raman,"


def test_shipped_stages_and_tones() -> None:
    assert available_stages() == list(STAGES)
    for stage in STAGES:
        assert available_tones(stage) == list(TONES)
    assert available_tones("no-such-stage") == []
    assert available_tones("../etc") == []


def test_user_template_overrides_and_adds_a_tone() -> None:
    draft, profile = _demo(), demo_profile()
    shipped = render_email(draft, profile)  # cached before the user file exists
    _user_template(
        "thank-you", "warm", "Subject: Mine for {{ company }}\n\nHey {{ greeting_name }}\n"
    )
    _user_template("thank-you", "playful", "Subject: Yo\n\nHowdy {{ interviewer.first_name }}!\n")
    overridden = render_email(draft, profile)
    assert overridden.subject == "Mine for Northwind Analytics" != shipped.subject
    assert overridden.body == "Hey Priya"
    assert available_tones("thank-you") == ["formal", "warm", "concise", "playful"]
    assert available_tones("check-in") == list(TONES)
    playful = render_email(draft, profile, tone="playful")
    assert (playful.subject, playful.body, playful.tone) == ("Yo", "Howdy Priya!", "playful")
    # removing the override brings the shipped template back
    (paths.user_templates_dir() / "thank-you" / "warm.j2").unlink()
    assert render_email(draft, profile).subject == shipped.subject


def _fresh_process() -> None:
    """Forget the compiled templates held in memory, as a new `followup-tui` run starts."""
    from followup_tui import render

    render._environment.cache_clear()  # noqa: SLF001 - the test plays a new process


def test_rendering_keeps_nothing_on_disk() -> None:
    """Compiled templates live in memory only: no cache another user or a flipped byte could
    turn into a different email (or code that escapes the sandbox)."""
    draft, profile = _demo(), demo_profile()
    render_email(draft, profile)
    _fresh_process()
    render_email(draft, profile, tone="formal")
    assert not paths.cache_dir().exists() or not any(paths.cache_dir().rglob("*"))


def test_an_edited_template_is_not_served_from_the_cache() -> None:
    draft, profile = _demo(), demo_profile()
    _user_template("thank-you", "warm", "Subject: First\n\nOne {{ greeting_name }}\n")
    assert render_email(draft, profile).subject == "First"
    _fresh_process()
    _user_template("thank-you", "warm", "Subject: Second\n\nTwo {{ greeting_name }}\n")
    again = render_email(draft, profile)
    assert (again.subject, again.body) == ("Second", "Two Priya")


def test_output_is_tidied() -> None:
    _user_template(
        "thank-you",
        "warm",
        "\n\nSubject:   Spaced   out  \n\n\n\nHi   there  \n\n\n\n\nBye \n\n\n",
    )
    email = render_email(Draft(), Profile())
    assert email.subject == "Spaced out"
    assert email.body == "Hi there\n\nBye"


def test_unknown_tone_is_a_value_error_not_a_file_error() -> None:
    with pytest.raises(ValueError, match="no template") as info:
        render_email(_demo(), demo_profile(), tone="sarcastic")
    assert not isinstance(info.value, FileFormatError)
    with pytest.raises(ValueError):
        render_email(_demo(), demo_profile(), stage="../../etc")
    with pytest.raises(ValueError, match="interviewer"):
        render_email(_demo(), demo_profile(), interviewer=5)


def test_syntax_error_names_file_and_line() -> None:
    path = _user_template("thank-you", "warm", "Subject: x\n\nHello\n{% if %}\n")
    with pytest.raises(FileFormatError) as info:
        render_email(_demo(), demo_profile())
    assert info.value.path == path
    assert info.value.line == 4
    assert info.value.reason.startswith("template syntax:")
    assert str(info.value).startswith(f"{path}:4: ")


def test_undefined_name_is_a_clean_file_error() -> None:
    path = _user_template("thank-you", "warm", "Subject: x\n\nHello\n\n{{ favourite_colour }}\n")
    with pytest.raises(FileFormatError) as info:
        render_email(_demo(), demo_profile())
    assert info.value.path == path
    assert info.value.line == 5
    assert "favourite_colour" in info.value.reason
    assert "Traceback" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_undefined_attribute_is_a_file_error() -> None:
    _user_template("check-in", "warm", "Subject: x\n\n{{ interviewer.shoe_size }}\n")
    with pytest.raises(FileFormatError, match="shoe_size"):
        render_email(_demo(), demo_profile(), stage="check-in")


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ '{0.__class__}'.format(1) }}",
    ],
)
def test_sandbox_refuses_escapes(payload: str) -> None:
    path = _user_template("thank-you", "warm", f"Subject: x\n\n{payload}\n")
    with pytest.raises(FileFormatError) as info:
        render_email(_demo(), demo_profile())
    assert "sandbox" in info.value.reason
    assert info.value.path == path and info.value.line == 3


def test_other_runtime_errors_are_file_errors() -> None:
    _user_template("thank-you", "warm", "Subject: x\n\n{{ 1 / 0 }}\n")
    with pytest.raises(FileFormatError, match="division by zero"):
        render_email(_demo(), demo_profile())
    _user_template("thank-you", "warm", "Subject: x\n\n{% include 'missing.j2' %}\n")
    with pytest.raises(FileFormatError, match="missing.j2"):
        render_email(_demo(), demo_profile())


def test_template_without_subject_is_a_file_error() -> None:
    path = _user_template("thank-you", "warm", "Hello {{ greeting_name }}\n")
    with pytest.raises(FileFormatError, match="Subject") as info:
        render_email(_demo(), demo_profile())
    assert info.value.path == path


def test_non_utf8_template_is_a_file_error() -> None:
    path = paths.user_templates_dir() / "thank-you" / "warm.j2"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"Subject: caf\xe9\n")
    with pytest.raises(FileFormatError, match="UTF-8"):
        render_email(_demo(), demo_profile())


def test_notes_are_split_and_cleaned() -> None:
    draft = Draft(
        notes=Notes(topics="- streaming\n* on-call rota;  cost control.\n\n  \n1. hiring plans")
    )
    context = build_context(draft, Profile())
    # long notes are condensed to their first three items
    assert [n.phrase for n in context["topic_list"]] == [
        "streaming",
        "on-call rota",
        "cost control",
    ]
    assert context["topics"] == "streaming, on-call rota and cost control"
    assert context["skill_list"] == [] and context["skills"] == ""
    assert build_context(draft, Profile(), interviewer=0)["topic"].phrase == "streaming"


def test_topic_cycles_through_the_panel() -> None:
    draft = Draft(
        interviewers=[Interviewer("A"), Interviewer("B"), Interviewer("C")],
        notes=Notes(topics="one; two"),
    )
    assert [str(build_context(draft, Profile(), interviewer=i)["topic"]) for i in range(3)] == [
        "one",
        "two",
        "one",
    ]
    context = build_context(draft, Profile(), interviewer=1)
    assert context["others"] == ["A", "C"] and context["others_text"] == "A and C"
    assert context["panel"] is True and context["index"] == 1 and context["count"] == 3


def test_greeting_name_depends_on_tone() -> None:
    draft = Draft(interviewers=[Interviewer("  Priya   Raman ")])
    assert build_context(draft, Profile(), tone="formal")["greeting_name"] == "Priya Raman"
    assert build_context(draft, Profile(), tone="warm")["greeting_name"] == "Priya"
    assert build_context(draft, Profile(), tone="concise")["greeting_name"] == "Priya"
    doctor = Draft(interviewers=[Interviewer("Dr. Priya Raman")])
    assert build_context(doctor, Profile(), tone="warm")["greeting_name"] == "Dr. Raman"
    assert build_context(Draft(), Profile(), tone="formal")["greeting_name"] == ""


def test_dates_in_context() -> None:
    when = datetime(2025, 11, 18, 10, 0).astimezone()  # a Tuesday, in local time
    draft = Draft(interview=Interview(when=when, decision_by=date(2025, 12, 5)))

    def phrase(now: datetime) -> str:
        return str(build_context(draft, Profile(), now=now)["when_phrase"])

    context = build_context(draft, Profile(), now=when)
    assert (context["day"], context["date"], context["month"]) == (
        "Tuesday",
        "18 November",
        "November",
    )
    assert context["decision_by"] == "Friday 5 December"
    assert phrase(when + timedelta(hours=1)) == "today"
    assert phrase(when + timedelta(days=1)) == "yesterday"
    assert phrase(when + timedelta(days=3)) == "on Tuesday"
    assert phrase(when + timedelta(days=40)) == "on 18 November"
    empty = build_context(Draft(), Profile())
    assert empty["day"] == empty["when_phrase"] == empty["decision_by"] == ""


def test_signature_skips_what_is_empty() -> None:
    full = build_context(Draft(), demo_profile())["signature"]
    assert full == (
        "Best regards,\nAlex Morgan\nalex.morgan@example.com\n+44 20 7946 0018\n"
        "https://github.com/alexmorgan"
    )
    partial = Profile(name="Alex", phone="", links=["", " https://x.example "], sign_off="Cheers,")
    assert build_context(Draft(), partial)["signature"] == "Cheers,\nAlex\nhttps://x.example"
    assert build_context(Draft(), Profile(sign_off=""))["signature"] == "Best regards,"


def test_render_imports_no_textual() -> None:
    code = "import sys, followup_tui.render; print('textual' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_template_changing_a_note_list_does_not_change_the_next_render() -> None:
    # The notes' items are worked out once per text; each render still gets lists of its own.
    _user_template(
        "thank-you",
        "warm",
        "Subject: Hi\n\n{{ topic_list | length }}{{ topic_list.append('extra') or '' }}\n",
    )
    draft = _demo()
    first = render_email(draft, demo_profile(), now=NOW)
    second = render_email(draft, demo_profile(), now=NOW)
    assert first.body == second.body == str(len(draft.notes.topics.splitlines()))
