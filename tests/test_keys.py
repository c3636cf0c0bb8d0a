"""Key strings of a [keymap] are checked against Textual's key names before they are bound."""

from __future__ import annotations

import pytest

from followup_tui.app.keys import keys_problem, usable_keymap


@pytest.mark.parametrize(
    "keys",
    ["ctrl+y", "f9", "ctrl+shift+up", "question_mark", "?", "a", "5", "space", "ctrl+q,ctrl+w"],
)
def test_keys_textual_can_bind_are_accepted(keys: str) -> None:
    assert keys_problem(keys) == ""


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ("ctlr+y", "'ctlr' is not a modifier"),
        ("ctrl+", "no key after the last +"),
        ("quit", "'quit' is not a key name"),
        ("", "no key given"),
        ("ctrl+F1", "lower case"),
        ("ctrl+ctrl+a", "given twice"),
        ("ctrl+y,sift+tab", "'sift' is not a modifier"),
    ],
)
def test_keys_textual_cannot_bind_are_named(keys: str, reason: str) -> None:
    assert reason in keys_problem(keys)


def test_each_bad_entry_is_left_out_alone() -> None:
    usable, problems = usable_keymap(
        {"copy-email": "f9", "save": "ctlr+s", "nope": "f2"}, {"copy-email", "save"}
    )
    assert usable == {"copy-email": "f9"}
    assert [p.split(":")[0] for p in problems] == ["[keymap] save = 'ctlr+s'", "[keymap] nope"]
