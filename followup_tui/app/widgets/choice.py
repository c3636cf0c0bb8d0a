"""A compact drop-down: one line showing the choice; its list opens in a popup when asked for.

Textual's Select keeps six widgets mounted for each drop-down, its list among them, whether
or not it is ever opened: about 240 KB a drop-down, and the form and the switchers hold four
(bench/RESULTS.md). A Choice is one widget; its list exists while it is open.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.reactive import var
from textual.screen import ModalScreen
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.widgets import OptionList

V = TypeVar("V", bound=Hashable)

ARROW = "▼"
MAX_LIST_HEIGHT = 12


class Choice(Widget, Generic[V], can_focus=True):
    """One of a few values; enter, space, up, down or a click opens the list to pick from."""

    DEFAULT_CSS = """
    Choice {
        width: 1fr;
        height: 1;
        padding: 0 1 0 0;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    """

    BINDINGS = [Binding("enter,space,down,up", "open", "Choose", show=False)]

    value: var[V] = var(None, init=False)  # type: ignore[arg-type]
    """The chosen value (always one of the options)."""

    class Changed(Message):
        """The chosen value changed (by the user or by code, as Select does)."""

        def __init__(self, choice: Choice[Any], value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice[Any]:
            return self.choice

    def __init__(
        self,
        options: Iterable[tuple[str, V]],
        value: V,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._options: list[tuple[str, V]] = list(options)
        if value not in self.values:
            raise ValueError(f"{value!r} is not one of the options")
        self.set_reactive(Choice.value, value)  # type: ignore[misc]

    @property
    def options(self) -> Sequence[tuple[str, V]]:
        """(label, value) pairs, in the order listed."""
        return tuple(self._options)

    @property
    def values(self) -> list[V]:
        return [value for _, value in self._options]

    def set_options(self, options: Iterable[tuple[str, V]]) -> None:
        """Replace the options; the value stays if it is still one of them, else the first."""
        self._options = list(options)
        if not self._options:
            raise ValueError("a Choice needs at least one option")
        if self.value not in self.values:
            self.value = self._options[0][1]
        self.refresh()

    def validate_value(self, value: V) -> V:
        if value not in self.values:
            raise ValueError(f"{value!r} is not one of the options")
        return value

    def watch_value(self, value: V) -> None:
        self.refresh()
        self.post_message(self.Changed(self, value))

    @property
    def label(self) -> str:
        return next(label for label, value in self._options if value == self.value)

    def render(self) -> Text:
        width = self.content_size.width
        room = max(0, width - len(ARROW) - 1)
        label = self.label
        if len(label) > room:
            label = label[: max(0, room - 1)] + "…"
        # Plain Text, never markup: a name such as "[Ana]" shows as typed.
        return Text(label.ljust(room) + " " + ARROW, no_wrap=True, overflow="crop")

    def action_open(self) -> None:
        """Open the list under the choice (over it where there is no room below)."""
        popup = ChoiceList(self._options, self.value, self.region)
        self.app.push_screen(popup, callback=self._chosen)

    def _chosen(self, value: V | None) -> None:
        if value is not None and value in self.values:
            self.value = value
        self.focus()

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()


def choice(values: Iterable[str], value: str, id: str) -> Choice[str]:
    """A drop-down of plain strings, one of them chosen."""
    return Choice([(v, v) for v in values], value, id=id)


class ChoiceList(ModalScreen[V | None], Generic[V]):
    """The open list of a Choice: enter or a click picks; escape or a click elsewhere does not."""

    DEFAULT_CSS = """
    ChoiceList {
        background: transparent;
        & > OptionList {
            width: auto;
            height: auto;
            max-height: 14;
            border: tall $border;
            background: $surface;
            padding: 0;
            & > .option-list--option {
                padding: 0 1;
            }
        }
    }
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", show=False)]

    def __init__(self, options: Sequence[tuple[str, V]], current: V, anchor: Region) -> None:
        super().__init__()
        self._options = list(options)
        self._current = current
        self._anchor = anchor

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        # Plain Text for the same reason as Choice.render.
        yield OptionList(*(Option(Text(label)) for label, _ in self._options))

    def on_mount(self) -> None:
        from textual.widgets import OptionList

        options = self.query_one(OptionList)
        anchor = self._anchor
        longest = max((len(label) for label, _ in self._options), default=0)
        width = max(anchor.width, longest + 4)
        height = min(len(self._options), MAX_LIST_HEIGHT) + 2
        below = anchor.bottom
        y = below if below + height <= self.size.height else max(0, anchor.y - height)
        x = max(0, min(anchor.x, self.size.width - width))
        options.styles.width = width
        options.styles.offset = (x, y)
        values = [value for _, value in self._options]
        options.highlighted = values.index(self._current) if self._current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._options[event.option_index][1])

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # outside the list
            self.dismiss(None)
