"""The main screen's narrow layout: below NARROW_WIDTH columns its three panes become tabs."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tabs

# Below this many columns the three panes become tabs.
NARROW_WIDTH = 110
PANES = ("notes-pane", "checklist-pane", "preview-pane")
PANE_TITLES = {
    "notes-pane": "Interview notes",
    "checklist-pane": "Checklist",
    "preview-pane": "Preview",
}
# In the narrow layout each pane's title says how to reach the others.
TAB_HINT = " · f6 next tab"


def pane_title(pane: str, narrow: bool) -> str:
    """A pane's border title; in the narrow layout it says how to reach the others."""
    return PANE_TITLES[pane] + (TAB_HINT if narrow else "")


def set_layout(screen: Screen[None], narrow: bool) -> None:
    """Side by side, or tabs (the pane titles then say which key moves between them)."""
    if screen.has_class("-narrow") == narrow:
        return  # a new title repaints its pane, new bindings rebuild the footer: only on a change
    screen.set_class(narrow, "-narrow")
    for pane in PANES:
        screen.query_one(f"#{pane}").border_title = pane_title(pane, narrow)
    screen.refresh_bindings()


def pane_of(widget: Widget) -> str | None:
    """The pane a widget is in (None for the switchers, the tabs, the footer)."""
    return next((node.id for node in widget.ancestors_with_self if node.id in PANES), None)


def next_pane(screen: Screen[None], last_focused: dict[str, Widget]) -> None:
    """Show the next tab, and put the keys where the eyes go: into the pane now shown, on
    the widget that had them there last (a field being typed in), else on its first one."""
    tabs = screen.query_one("#pane-tabs", Tabs)
    active = (tabs.active or "tab-notes-pane").removeprefix("tab-")
    pane = PANES[(PANES.index(active) + 1) % len(PANES)] if active in PANES else PANES[0]
    tabs.active = f"tab-{pane}"
    target = last_focused.get(pane)
    if target is None or not target.is_attached or not target.focusable:
        # Not a scrolling container of fields (the notes form): keys typed there are lost.
        target = next(
            (
                widget
                for widget in screen.query_one(f"#{pane}").query("*")
                if widget.focusable and not any(child.focusable for child in widget.query("*"))
            ),
            None,
        )
    if target is not None:
        target.focus()


def show_active(screen: Screen[None], tab_id: str) -> None:
    """Show the pane of the tab just activated (CSS hides the others in the narrow layout)."""
    active = (tab_id or "tab-notes-pane").removeprefix("tab-")
    for pane in PANES:
        screen.query_one(f"#{pane}").set_class(pane == active, "-active")
