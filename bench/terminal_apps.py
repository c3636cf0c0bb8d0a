"""The yardsticks of the terminal benchmark: stock Textual apps, run as they ship.

    python bench/terminal_apps.py static    # one Static ("Hello"): the framework's first paint
    python bench/terminal_apps.py textarea  # one TextArea, focused, set up like the app's notes
    python bench/terminal_apps.py mirror    # a TextArea and a Static that shows its text

The mirror is the least an app with a live preview can do per key: the TextArea on the left
half of the screen, the Static on the right half updated from each `TextArea.Changed`.
Python's collector settings are left as they are, as in any stock Textual app.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static, TextArea


def notes_area() -> TextArea:
    """A TextArea configured like the app's note fields."""
    return TextArea(id="text", soft_wrap=True, compact=True, highlight_cursor_line=False)


class OneStatic(App[None]):
    """Nothing but a Static."""

    def compose(self) -> ComposeResult:
        yield Static("Hello")


class Bare(App[None]):
    """One focused TextArea filling the screen."""

    CSS = "#text { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield notes_area()


class Mirror(App[None]):
    """A TextArea (left half) and a Static showing its text (right half)."""

    CSS = "Horizontal > * { width: 1fr; height: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield notes_area()
            yield Static("", id="mirror", markup=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.query_one("#mirror", Static).update(event.text_area.text)


APPS: dict[str, type[App[None]]] = {"static": OneStatic, "textarea": Bare, "mirror": Mirror}

if __name__ == "__main__":
    APPS[sys.argv[1]]().run()
