"""What follows the draft at a pause in typing rather than at each key.

Labels outside the email (the header's title, the To drop-down's names) change the size of a
stock widget, and Textual then lays the whole screen out again: at each key typed into the
company, the role or a name, that made the key cost about twice as much (bench/RESULTS.md).
The spelling of the word being typed waits for a pause too (`WordBeingTyped`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

from followup_tui.practices.spelling import word_at

# Long enough to span the gap between two keys of steady typing.
PAUSE = 0.3
# A word left alone this long is finished, or its writer is looking at it: judge it.
WORD_PAUSE = 1.0


class AtPause:
    """Calls `action` once changes stop coming for `PAUSE` seconds (a change restarts the wait)."""

    def __init__(
        self, owner: MessagePump, action: Callable[[], object], delay: float = PAUSE
    ) -> None:
        self._owner = owner
        self._action = action
        self._delay = delay
        self._timer: Timer | None = None

    def changed(self) -> None:
        """A change was made: wait for the next pause, however many changes come before it."""
        if self._timer is None:
            self._timer = self._owner.set_timer(self._delay, self._fire)
        else:
            self._timer.reset()

    def _fire(self) -> None:
        self._timer = None
        self._action()


class WordBeingTyped:
    """The word at the cursor of the field being typed in, which spelling leaves alone.

    Each key of a word makes a new one, and many of those are a letter from an everyday word
    ("stre" from "store"): flagging them would make the checklist flicker at every key. The
    word is judged once the cursor leaves it (a space typed) or typing pauses for
    `WORD_PAUSE`; `paused` is then called to judge the email again.
    """

    def __init__(self, owner: MessagePump, paused: Callable[[], object]) -> None:
        self.word = ""
        self._paused = paused
        self._at_pause = AtPause(owner, self._pause, WORD_PAUSE)

    def typed_in(self, field: Widget | None) -> None:
        """A change was typed in `field` (the focused widget)."""
        if isinstance(field, TextArea):
            row, column = field.cursor_location
            self.word = word_at(field.document.get_line(row), column)
        elif isinstance(field, Input):
            self.word = word_at(field.value, field.cursor_position)
        else:
            self.word = ""
        if self.word:
            self._at_pause.changed()

    def _pause(self) -> None:
        if self.word:
            self.word = ""
            self._paused()
