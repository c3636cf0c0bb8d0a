"""Drop-downs: Textual's Select, compact, always holding a value, its labels shown as typed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from rich.text import Text
from textual.widgets import Select

V = TypeVar("V", bound=Hashable)


def plain(options: Iterable[tuple[str, V]]) -> list[tuple[Text, V]]:
    """Select options whose labels are text, never markup: a name such as "[Ana]" shows as typed."""
    return [(Text(label), value) for label, value in options]


def drop_down(options: Iterable[tuple[str, V]], value: V, id: str) -> Select[V]:
    """A compact Select of (label, value) pairs with `value` chosen; it is never blank."""
    return Select(plain(options), value=value, allow_blank=False, compact=True, id=id)


def choice(values: Iterable[str], value: str, id: str) -> Select[str]:
    """A drop-down of plain strings, one of them chosen."""
    return drop_down(((v, v) for v in values), value, id)


def set_options_keeping(select: Select[V], options: Iterable[tuple[str, V]], value: V) -> None:
    """Replace the options and choose `value`, with no Changed message for the change."""
    with select.prevent(Select.Changed):
        select.set_options(plain(options))
        select.value = value
        # The same value is no change to Select, which then keeps showing the old label of
        # that option (a name typed for the one interviewer): have it shown again.
        select.mutate_reactive(Select.value)  # type: ignore[misc]  # a generic class attribute
