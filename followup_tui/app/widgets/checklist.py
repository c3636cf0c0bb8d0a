"""The checklist pane: every practice with glyph, status word and reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.practices import GLYPHS, PRACTICES, Result

# Colour only repeats what the glyph and the word already say.
STATUS_STYLES = {
    "pass": "$text-success",
    "done": "$text-success",
    "warn": "$text-warning",
    "fail": "$text-error bold",
    "n/a": "$text-muted",
    "todo": "$text-accent",
}
TITLES = {p.id: p.title for p in PRACTICES}
MANUAL = {p.id for p in PRACTICES if p.manual}


def result_prompt(result: Result) -> Content:
    """One checklist line: `✗ fail  Subject line: no subject`."""
    style = STATUS_STYLES.get(result.status, "")
    manual = " [space]" if result.id in MANUAL else ""
    return Content.assemble(
        (f"{GLYPHS[result.status]} {result.status:<4}", style),
        "  ",
        (TITLES[result.id], "bold"),
        (manual, "$text-muted"),
        ": ",
        result.reason,
    )


class Checklist(OptionList):
    """Shows the practice results; space or enter toggles a manual practice."""

    BINDINGS = [Binding("space", "select", "Tick", show=False)]

    @dataclass
    class Toggled(Message):
        """The user ticked or unticked a manual practice."""

        practice_id: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(*(Option(p.title, id=p.id) for p in PRACTICES), **kwargs)  # type: ignore[arg-type]
        self._shown: dict[str, Result] = {}

    def show(self, results: Sequence[Result]) -> None:
        """Update only the lines whose result changed."""
        for index, result in enumerate(results):
            if self._shown.get(result.id) != result:
                self._shown[result.id] = result
                self.replace_option_prompt_at_index(index, result_prompt(result))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id in MANUAL:
            self.post_message(self.Toggled(option_id))
        elif option_id:
            self.notify(f"{TITLES[option_id]} is judged from the email itself", timeout=3)
