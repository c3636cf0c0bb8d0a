"""Text fields that never lose a word: undo in one-line fields, the cursor at the end on Tab."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea


def field_row(label: str, widget: Widget) -> Horizontal:
    """A one-line form row: a fixed-width label, then the field."""
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")


def cursor_to_end(widget: Widget | None) -> None:
    """Put a text field's cursor after its text, nothing selected (a field reached by Tab)."""
    if isinstance(widget, Input):
        widget.cursor_position = len(widget.value)  # also clears a selection
    elif isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)


def _one_more_letter(old: str, new: str) -> bool:
    """True when `new` is `old` with one character typed into it that is not a space."""
    if len(new) != len(old) + 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    return not new[at].isspace() and new[:at] + new[at + 1 :] == old


class FieldInput(Input):
    """A one-line field with undo and redo; taking the focus never selects its text.

    Undo goes back a word at a time while typing, and a whole change at a time otherwise
    (a paste, a deletion, a cut).
    """

    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+shift+z", "redo", "Redo", show=False),
    ]

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        self._undo: list[str] = []
        self._redo: list[str] = []
        self._in_word = False
        self._restoring = False
        # Selecting on focus made the next key replace the whole field.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def watch_value(self, old: str, new: str) -> None:
        if self._restoring or old == new:
            return
        letter = _one_more_letter(old, new)
        if not (letter and self._in_word):
            self._undo.append(old)
        self._in_word = letter
        self._redo.clear()

    def _restore(self, value: str) -> None:
        self._restoring = True
        try:
            self.value = value
        finally:
            self._restoring = False
        self._in_word = False
        self.cursor_position = len(value)

    def action_undo(self) -> None:
        """Back to the text before the last word or change."""
        if self._undo:
            self._redo.append(self.value)
            self._restore(self._undo.pop())

    def action_redo(self) -> None:
        """Forward again to the text an undo went back from."""
        if self._redo:
            self._undo.append(self.value)
            self._restore(self._redo.pop())
