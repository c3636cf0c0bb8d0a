"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer on `screen` shows: each key, its label and action, enabled or dimmed."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that skips rebuilding when a screen's bindings are refreshed to the same keys.

    Textual refreshes a screen's bindings at every focus change, as a screen is shown and
    again once it is idle, and the stock Footer mounts all its keys anew each time: several
    times while a screen opens, and at every Tab.
    """

    def __init__(self) -> None:
        # Compact, as each of Textual's footer keys starts compact: a wide footer restyled
        # every key twice as it was mounted.
        super().__init__(compact=True)
        self.composed_for: Shown | None = None
        self.rebuild_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Only when the stock footer would rebuild (the app has the focus, the screen is its
        # own) is what it will show known; otherwise the next refresh must rebuild.
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            self.composed_for = None
            super().bindings_changed(screen)
            return
        shown = shown_keys(screen)
        if shown == self.composed_for:
            return
        self.composed_for = shown
        if self.rebuild_pending:
            return  # the rebuild already asked for reads the bindings as they are then
        self.rebuild_pending = True
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        self.rebuild_pending = False
        await super().recompose()
