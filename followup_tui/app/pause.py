"""What follows the draft at a pause in typing rather than at each key.

Labels outside the email (the header's title, the To drop-down's names) change the size of a
stock widget, and Textual then lays the whole screen out again: at each key typed into the
company, the role or a name, that made the key cost about twice as much (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

# Long enough to span the gap between two keys of steady typing.
PAUSE = 0.3


class AtPause:
    """Calls `action` once changes stop coming for `PAUSE` seconds (a change restarts the wait)."""

    def __init__(self, owner: MessagePump, action: Callable[[], object]) -> None:
        self._owner = owner
        self._action = action
        self._timer: Timer | None = None

    def changed(self) -> None:
        """A change was made: wait for the next pause, however many changes come before it."""
        if self._timer is None:
            self._timer = self._owner.set_timer(PAUSE, self._fire)
        else:
            self._timer.reset()

    def _fire(self) -> None:
        self._timer = None
        self._action()
