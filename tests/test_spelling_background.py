"""The spelling dictionary read in the background: the app opens without waiting for it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_tui.app.app import make_app
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.practices import spelling


@pytest.fixture
def slow_dictionary(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The dictionary as if not read yet; it finishes loading when the event is set."""
    real = spelling.dictionary()
    release = threading.Event()
    monkeypatch.setattr(spelling, "_checker", None)
    monkeypatch.setattr(spelling, "_waiting", False)

    def load() -> object:
        release.wait(10)
        spelling._checker = real
        return real

    monkeypatch.setattr(spelling, "dictionary", load)
    yield release
    release.set()


def test_while_it_loads_nothing_waits_and_nothing_is_called_misspelt(
    slow_dictionary: threading.Event,
) -> None:
    loaded = threading.Event()
    spelling.do_not_wait()
    assert spelling.misspelt("I have recieved the offer") is None
    spelling.load_in_background(loaded.set)
    assert spelling.misspelt("I have recieved the offer") is None
    assert not spelling.is_common_word("HELLO")
    assert not spelling.is_loaded()
    slow_dictionary.set()
    assert loaded.wait(10)
    assert spelling.is_loaded()
    assert spelling.misspelt("I have recieved the offer") == ["recieved"]
    assert spelling.is_common_word("HELLO")


async def test_the_app_opens_before_the_dictionary_and_checks_spelling_once_it_is_in(
    draft_path: Path, slow_dictionary: threading.Event
) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        await asyncio.wait_for(main.wait_rendered(), 10)
        checklist = main.query_one(Checklist)
        assert "checking the spelling" in checklist.prompt("polished").plain
        slow_dictionary.set()
        for _ in range(200):
            await pilot.pause(0.05)
            if "checking the spelling" not in checklist.prompt("polished").plain:
                break
        assert "spelling checked" in checklist.prompt("polished").plain


def test_the_word_list_read_in_slices_is_the_library_s_own() -> None:
    from spellchecker import SpellChecker

    ours = spelling._load_english().word_frequency
    theirs = SpellChecker(language="en", distance=1).word_frequency
    assert ours.dictionary == theirs.dictionary
    assert (ours.total_words, ours.letters) == (theirs.total_words, theirs.letters)


@pytest.mark.parametrize("size", [1, 5, 1 << 16])
def test_slices_of_a_json_object_hold_its_entries(size: int) -> None:
    import json

    text = '{\n"a": 1,\n"b\'s": 2,\n"zürich": 3,\n"c,d": 4\n}'
    parts = list(spelling._json_slices(text, size))
    assert (len(parts) > 1) == (size < len(text) // 2)
    merged: dict[str, int] = {}
    for part in parts:
        merged.update(json.loads(part))
    assert merged == json.loads(text)
