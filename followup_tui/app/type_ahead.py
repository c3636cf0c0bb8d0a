"""Keys typed while the main screen is still being built, kept until they can land."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input

Typed = events.Key | events.Paste


def letter_for(field: Widget | None, event: events.Event) -> tuple[Input, str] | None:
    """The focused field and the letter to insert, when `event` is one typed into it."""
    if (
        isinstance(field, Input)
        and isinstance(event, events.Key)
        and event.is_printable
        and event.character
    ):
        return field, event.character
    return None


class TypeAhead:
    """Without it, keys and pastes that come while the main screen is built would reach no
    field, or the wrong one, and be lost. Once the first field shows, letters for it go
    straight in, so the user sees them; anything else (Tab, a paste) is held until every
    field is there, then handled in order."""

    def __init__(self, focused: Callable[[], Widget | None]) -> None:
        self._focused = focused
        self._held: list[Typed] | None = []

    def take(self, event: events.Event) -> bool:
        """Hold or insert `event` if it is typed while the screen is built; False otherwise."""
        if self._held is None or not isinstance(event, Typed) or event.is_forwarded:
            return False
        target = letter_for(self._focused(), event)
        if self._held or target is None:
            self._held.append(event)
        else:
            field, character = target
            field.insert_text_at_cursor(character)
        return True

    def insert_letters(self) -> None:
        """Put the held letters for the focused field in it, up to the first other key."""
        held = self._held or []
        while held and (target := letter_for(self._focused(), held[0])) is not None:
            field, character = target
            field.insert_text_at_cursor(character)
            del held[0]

    def stop(self) -> list[Typed]:
        """Stop holding keys; returns those still held, to be handled in order."""
        held, self._held = self._held or [], None
        return held
