"""One list of honorifics: greetings never address a bare title."""

from __future__ import annotations

import pytest

from followup_tui.names import PersonName, is_honorific


@pytest.mark.parametrize(
    ("typed", "formal", "informal"),
    [
        ("Dr. Helen Okafor", "Dr. Okafor", "Dr. Okafor"),
        ("Priya Raman", "Priya Raman", "Priya"),
        ("Miss Ana Lee", "Miss Lee", "Miss Lee"),
        ("Dr. Okafor", "Dr. Okafor", "Dr. Okafor"),
        ("Priya", "Priya", "Priya"),
        ("Professor", "", ""),
        ("Miss", "", ""),
        ("", "", ""),
    ],
)
def test_greeting_names(typed: str, formal: str, informal: str) -> None:
    name = PersonName.parse(typed)
    assert name.formal() == formal
    assert name.informal() == informal


def test_honorifics_with_or_without_a_dot() -> None:
    assert is_honorific("Dr.") and is_honorific("prof") and is_honorific("Miss")
    assert not is_honorific("Helen")


def test_rendered_greeting_never_a_bare_title() -> None:
    from followup_tui.model import Draft, Interviewer, Profile
    from followup_tui.render import render_email

    for tone in ("formal", "warm", "concise"):
        draft = Draft(tone=tone, interviewers=[Interviewer(name="Miss Ana Lee")])
        first = render_email(draft, Profile(name="Sam Roe")).body.splitlines()[0]
        assert "Miss," not in first and "Lee" in first
