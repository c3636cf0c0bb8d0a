"""Notes read into prose (shape, person, lead-ins, tidying) and the prose linter, on their own."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup_tui.model import Draft, Email, Interviewer
from followup_tui.prose.lint import likeness, lint, lint_email, lint_panel
from followup_tui.prose.notes import Person, Shape, as_lack, read_items, read_note, to_reader
from followup_tui.prose.person import name_to_you, to_you
from followup_tui.prose.words import article


@pytest.mark.parametrize(
    ("typed", "shape", "text"),
    [
        ("i talked about my classroom management approach", Shape.PHRASE,
         "my classroom management approach"),
        ("we discussed the new CRM rollout!!!", Shape.PHRASE, "the new CRM rollout"),
        ("i loved that they do co-teaching for ELL students!.", Shape.CLAUSE,
         "they do co-teaching for ELL students"),
        ("forgot to say i'm finishing my reading specialist endorsement.", Shape.CLAUSE,
         "I'm finishing my reading specialist endorsement"),
        ("I forgot to mention the open-source dbt package I maintain", Shape.PHRASE,
         "the open-source dbt package I maintain"),
        ("cut warehouse costs by 40%", Shape.CLAUSE, "I cut warehouse costs by 40%"),
        ("how the team runs on-call", Shape.PHRASE, "how the team runs on-call"),
        ("is the role remote", Shape.QUESTION, "is the role remote"),
        ("do they ship every week??", Shape.QUESTION, "do they ship every week"),
        ("seemed nervous", Shape.FRAGMENT, "seemed nervous"),
        ("python", Shape.PHRASE, "python"),
        ("differentiated reading groups", Shape.PHRASE, "differentiated reading groups"),
        ("she said the team owns its on-call rota", Shape.CLAUSE, "the team owns its on-call rota"),
        ("Helen's view that the CFO should sit with ops", Shape.PHRASE,
         "Helen's view that the CFO should sit with ops"),
    ],
)  # fmt: skip
def test_a_note_is_read_for_its_shape_without_its_lead_in(
    typed: str, shape: Shape, text: str
) -> None:
    note = read_note(typed)
    assert (note.shape, note.text) == (shape, text)


def test_forms_fit_their_slots() -> None:
    phrase = read_note("moving the batch jobs to streaming")
    assert (phrase.phrase, phrase.clause, phrase.sentence) == (
        "moving the batch jobs to streaming",
        "",
        "",
    )
    clause = read_note("i'm finishing my endorsement")
    assert clause.sentence == "I'm finishing my endorsement."
    assert clause.fact == ""  # about the user: never "I was glad to hear that I ..."
    theirs = read_note("the team is moving to streaming")
    assert theirs.fact == "the team is moving to streaming"
    assert read_note("is the role remote").sentence == "Is the role remote?"
    assert not read_note("seemed nervous")  # a note no slot takes is false


def test_items_are_split_on_lines_bullets_semicolons_and_sentences() -> None:
    notes = read_items("- First thing. second thing!\n* Dr. Smith's plan; e.g. this one..\n\n  \n")
    assert [n.text for n in notes] == [
        "First thing",
        "second thing",
        "Dr. Smith's plan",
        "e.g. this one",
    ]


def test_a_mark_on_a_line_of_its_own_ends_the_item_before_as_typed_one_key_at_a_time() -> None:
    # Notes are read line by line as they are typed: a "?" alone on its line still makes the
    # item above a question, at every stage of typing the lines after it.
    typed = "- the Kafka migration\n?\n* how they test"
    for end in range(len(typed) - len("how"), len(typed) + 1):
        first = read_items(typed[:end])[0]
        assert (first.text, first.shape) == ("the Kafka migration", Shape.QUESTION)
    assert [n.text for n in read_items(typed)] == ["the Kafka migration", "how they test"]
    exclaimed = read_items("the Kafka migration\n!\nthe roadmap")
    assert [(n.text, n.exclaimed) for n in exclaimed] == [
        ("the Kafka migration", True),
        ("the roadmap", False),
    ]


def test_a_remark_about_the_reader_becomes_second_person_when_safe() -> None:
    names = ["Helen Okafor", "Helen", "Okafor"]
    worried = read_note("she was worried I haven't used Kubernetes in production")
    assert (worried.lead, worried.who) == ("concern", "she")
    said = read_note("She said her team is growing")
    assert to_reader(said, names, about_reader=True).sentence == "Your team is growing."
    # in a panel "she" may be someone else: the note stays out of the email
    assert not to_reader(said, names, about_reader=False)
    view = read_note("Helen's view that the CFO should sit with ops")
    assert to_reader(view, names, about_reader=False).phrase == (
        "your view that the CFO should sit with ops"
    )
    they = read_note("i loved that they do co-teaching")
    assert to_reader(they, [], about_reader=False).fact == "you do co-teaching"


def test_the_same_item_read_for_two_readers_names_each_one() -> None:
    # An item is turned to its reader once and remembered: the reader is part of that.
    view = read_note("Helen's view that the CFO should sit with ops")
    helen = to_reader(view, ["Helen"], about_reader=False)
    tomas = to_reader(view, ["Tomás"], about_reader=False)
    assert helen.phrase == "your view that the CFO should sit with ops"
    assert tomas.phrase == "Helen's view that the CFO should sit with ops"
    assert to_reader(view, ["Helen"], about_reader=False) == helen


def test_verbs_agree_with_you() -> None:
    assert to_you("she is worried", singular=True) == "You are worried"
    assert to_you("she worries about the budget", singular=True) == "You worry about the budget"
    assert to_you("he has doubts about him", singular=True) == "You have doubts about you"
    assert to_you("they want their reports early", singular=False) == (
        "You want your reports early"
    )
    assert name_to_you("Helen thinks so, and Helen's team too", ["Helen"]) == (
        "you think so, and your team too"
    )


def test_a_phrase_of_lack_becomes_a_clause() -> None:
    assert as_lack(read_note("no PhD")).clause == "I have no PhD"
    assert as_lack(read_note("limited experience with SAP")).clause == (
        "I have limited experience with SAP"
    )
    assert as_lack(read_note("lack of people management")).clause == "I lack people management"
    assert as_lack(read_note("my notice period")).phrase == "my notice period"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("HR Manager", "an"), ("UX lead", "a"), ("engineer", "an"), ("hour-long shift", "an"),
     ("university post", "a"), ("SRE", "an"), ("Data Engineer", "a"), ("MBA intern", "an")],
)  # fmt: skip
def test_a_or_an(phrase: str, expected: str) -> None:
    assert article(phrase) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I enjoyed our talk about i talked about my approach in class.", "spliced-clause"),
        ("I enjoyed hearing about co-teaching for ELL students!.", "punctuation"),
        ("Thank you for the time.. It was great.", "punctuation"),
        ("Thanks for talking about the HR Manager role role today.", "doubled-word"),
        ("It was good to meet you. one more thing to add here.", "lower-case-start"),
        ("After the call i think the role fits me well.", "lone-i"),
        ("I was glad to learn about Helen's view on the budget.", "third-person-reader"),
        ("You mentioned one concern: she was worried about my notice.", "third-person-reader"),
        ("Hi Professor,\n\nThanks for the chat about grants today.", "honorific-greeting"),
        ("Dear Dr. Helen Okafor,\n\nThank you for meeting me today.", "honorific-greeting"),
        ("It was great to hear how you see the work as CTO today.", "title-in-sentence"),
    ],
)
def test_the_linter_flags_what_a_reader_would_stumble_on(text: str, code: str) -> None:
    found = lint(text, reader="Dr. Helen Okafor", reader_title="CTO", single_reader=True)
    assert code in {f.code for f in found}, found


def test_the_linter_passes_clean_prose_and_signatures() -> None:
    body = (
        "Dear Dr. Okafor,\n\nThank you for meeting me today, e.g. for the tour. I enjoyed it.\n\n"
        "Best regards,\nJordan Ellis\njordan@example.com\nhttps://jordan.example/work"
    )
    assert lint(body, reader="Dr. Helen Okafor", single_reader=True, stage="thank-you") == []


def test_over_long_thank_you() -> None:
    body = "Hi Sam,\n\n" + "Thank you for the time you gave me today. " * 30
    assert [f.code for f in lint(body, stage="thank-you")] == ["too-long"]
    assert lint(body, stage="check-in") == []


def test_near_duplicate_panel_emails() -> None:
    a = "Hi Priya,\n\nThank you for meeting me today about the data role. I enjoyed it a lot."
    b = a.replace("Priya", "Tomás")
    assert likeness(a, b, ["Priya Raman", "Tomás Herrera"]) == 1.0
    assert [f.code for f in lint_panel([a, b], ["Priya Raman", "Tomás Herrera"])] == [
        "near-duplicate"
    ]
    c = "Hello Tomás,\n\nWhat a pleasure to hear your view on streaming and on-call rotas."
    assert lint_panel([a, c], ["Priya", "Tomás"]) == []


def test_lint_email_reads_the_reader_from_the_draft() -> None:
    draft = Draft(interviewers=[Interviewer("Helen Okafor", "CTO")])
    email = Email("", "Thanks", "Hi Helen,\n\nI liked Helen's plan for the platform a lot.")
    assert [f.code for f in lint_email(email, draft)] == ["third-person-reader"]


def test_prose_imports_no_textual() -> None:
    code = (
        "import sys, followup_tui.prose.lint, followup_tui.prose.notes, followup_tui.context; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_person_enum_reads_the_subject() -> None:
    assert read_note("I led a team of five").person is Person.FIRST
    assert read_note("they ship every week").person is Person.THIRD


def test_polished_lints_the_email_as_sent_hand_edits_included() -> None:
    from datetime import UTC, datetime

    from followup_tui.practices import evaluate

    draft = Draft(interviewers=[Interviewer("Helen Okafor")])
    now = datetime(2026, 11, 18, tzinfo=UTC)
    clean = Email("", "Thank you", "Hi Helen,\n\nThank you for our talk about the platform.")
    spliced = Email("", "Thank you", "Hi Helen,\n\nThank you for our talk about i talked a lot.")
    verdicts = [
        {r.id: r for r in evaluate(e, draft=draft, now=now)}["polished"] for e in (clean, spliced)
    ]
    assert verdicts[0].status == "todo"
    assert verdicts[1].status == "warn" and "about i talked" in verdicts[1].reason


def _judged(draft: Draft, email: Email, emails: list[Email] | None = None) -> dict[str, object]:
    from datetime import UTC, datetime

    from followup_tui.practices import evaluate

    now = datetime(2026, 11, 18, tzinfo=UTC)
    return {r.id: r for r in evaluate(email, draft=draft, now=now, emails=emails)}


def test_the_checklist_says_a_concern_has_no_answer_yet() -> None:
    from followup_tui.model import Notes

    notes = Notes(concerns="little experience with Kubernetes")
    draft = Draft(interviewers=[Interviewer("Sam Lee")], notes=notes)
    email = Email("", "Thanks", "Hi Sam,\n\nAbout my experience with Kubernetes: happy to talk.")
    got = _judged(draft, email)["concerns"]
    assert got.status == "warn" and "no answer yet" in got.reason  # type: ignore[attr-defined]
    draft.notes.answers = "my MSc thesis was published"
    assert _judged(draft, email)["concerns"].status == "pass"  # type: ignore[attr-defined]


def test_the_checklist_names_a_note_no_sentence_can_take() -> None:
    from followup_tui.model import Notes

    draft = Draft(interviewers=[Interviewer("Sam Lee")], notes=Notes(topics="is it remote?"))
    email = Email("", "Thanks", "Hi Sam,\n\nThank you for the talk today.")
    got = _judged(draft, email)["polished"]
    assert got.status == "warn"  # type: ignore[attr-defined]
    assert '"is it remote?" in Topics discussed' in got.reason  # type: ignore[attr-defined]


def test_the_checklist_asks_for_a_note_per_panel_member() -> None:
    draft = Draft(
        interviewers=[Interviewer("Priya Raman"), Interviewer("Tomás Herrera", notes="x")]
    )
    a = Email("", "Thanks", "Hi Priya,\n\nThank you for the tour of the data platform today.")
    b = Email(
        "",
        "Thanks",
        "Hi Tomás,\n\nWhat a pleasure to hear your view on on-call rotas.",
        interviewer=1,
    )
    first, second = (_judged(draft, e, [a, b])["distinct"] for e in (a, b))
    assert first.status == second.status == "pass"  # type: ignore[attr-defined]
    assert "what you discussed with Priya Raman" in first.reason  # type: ignore[attr-defined]
    assert "discussed" not in second.reason  # type: ignore[attr-defined]


def test_a_full_name_keeps_its_middle_names_and_surname_particles() -> None:
    from followup_tui.names import PersonName

    assert PersonName.parse("Nguyễn Văn An").full == "Nguyễn Văn An"
    zoe = PersonName.parse("Zoë Ó Briain")
    assert (zoe.given, zoe.surname, zoe.full) == ("Zoë", "Ó Briain", "Zoë Ó Briain")
    assert PersonName.parse("Dr. Ludwig van Beethoven").formal() == "Dr. van Beethoven"
    assert PersonName.parse("Dr. Helen Okafor").formal() == "Dr. Okafor"


def test_the_personal_practice_counts_the_interviewer_s_own_note() -> None:
    from followup_tui.model import Notes

    people = [Interviewer("Priya Raman", notes="the CRM migration")]
    draft = Draft(interviewers=people, notes=Notes(topics="territory planning"))
    email = Email("", "Thanks", "Hi Priya,\n\nI enjoyed our talk about the CRM migration.")
    assert _judged(draft, email)["personal"].status == "pass"  # type: ignore[attr-defined]
