"""changed_span: where a new text differs from an old one (the preview replaces only that)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.text import changed_span

texts = st.text(alphabet="ab \n", max_size=40)


@given(texts, texts)
def test_replacing_the_span_gives_the_new_text(old: str, new: str) -> None:
    start, old_end, new_end = changed_span(old, new)
    assert 0 <= start <= old_end <= len(old) and start <= new_end <= len(new)
    assert old[:start] + new[start:new_end] + old[old_end:] == new


@given(texts, texts, texts)
def test_the_span_is_no_wider_than_the_change(head: str, middle: str, tail: str) -> None:
    start, old_end, new_end = changed_span(head + tail, head + middle + tail)
    assert old_end - start <= len(middle) and new_end - start <= len(middle) * 2


def test_one_key_in_a_long_text_is_a_one_character_span() -> None:
    old = "word " * 10_000
    new = old[:20_000] + "x" + old[20_000:]
    assert changed_span(old, new) == (20_000, 20_000, 20_001)
    assert changed_span(old, old) == (len(old), len(old), len(old))
