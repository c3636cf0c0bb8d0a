"""The optional draft fields of issue 12 (a note per interviewer, an answer per concern)."""

from __future__ import annotations

from pathlib import Path

from followup_tui import storage
from followup_tui.model import Draft, Interviewer, Notes

OLD_DRAFT = """\
format = 1
stage = "thank-you"
tone = "warm"

[interview]
company = "Northwind"
role = "Data Engineer"

[[interviewers]]
name = "Priya Raman"
title = "Head of Data"
email = "priya@northwind.example"

[notes]
topics = "streaming"
concerns = "less Kafka than Kinesis"
"""


def test_a_format_1_draft_without_the_new_fields_opens_and_saves_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.toml"
    path.write_text(OLD_DRAFT, encoding="utf-8")
    draft = storage.load_draft(path)
    assert draft.interviewers[0].notes == "" and draft.notes.answers == ""
    storage.save_draft(path, draft)
    text = path.read_text(encoding="utf-8")
    assert "format = 1" in text
    assert "answers" not in text and "notes = " not in text.split("[notes]")[0]


def test_the_new_fields_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    draft = Draft(
        interviewers=[Interviewer("Priya Raman", notes="we compared Kafka and Kinesis")],
        notes=Notes(concerns="less Kafka", answers="I ran Kafka on a side project"),
    )
    storage.save_draft(path, draft)
    again = storage.load_draft(path)
    assert again.interviewers[0].notes == "we compared Kafka and Kinesis"
    assert again.notes.answers == "I ran Kafka on a side project"
