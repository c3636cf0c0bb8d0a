"""The checklist pane: every practice with glyph, status word and reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

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
SPARE_LINES = 6
"""Blank lines the checklist may keep at its end rather than lay out the screen again."""
TITLES = {p.id: p.title for p in PRACTICES}
POSITIONS = {p.id: index for index, p in enumerate(PRACTICES)}
MANUAL = {p.id for p in PRACTICES if p.manual}


def result_prompt(result: Result) -> Content:
    """One checklist entry: `✗ fail  Subject line: no subject`."""
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


class Checklist(ScrollView, can_focus=True):
    """Shows the practice results; space or enter ticks a manual practice.

    Drawn line by line from a cache of each entry's wrapped lines, so a change to one result
    re-renders that entry alone. A stock OptionList renders every entry again when one
    changes, and the checklist changes at most keys typed into the notes: measured in a real
    terminal against an OptionList subclass (bench/RESULTS.md, issue 14), typing's key echo
    and preview were clearly slower with it, so the checklist stays a Line API widget.
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("space,enter", "tick", "Tick", show=False),
    ]
    COMPONENT_CLASSES = {"checklist--entry", "checklist--cursor"}
    DEFAULT_CSS = """
    Checklist {
        overflow-x: hidden;
        & > .checklist--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .checklist--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None)
    """The entry under the cursor (None until the checklist first has the focus)."""

    @dataclass
    class Toggled(Message):
        """The user ticked or unticked a manual practice."""

        practice_id: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._prompts: list[Content] = [Content(p.title) for p in PRACTICES]
        self._shown: dict[str, Result] = {}
        # Each entry's wrapped lines, by the style they were drawn in (cursor, focus, theme).
        self._strips: list[dict[Style, list[Strip]]] = [{} for _ in PRACTICES]
        self._lines: list[tuple[int, int]] = []  # for each line: (entry, line of the entry)
        self._width = 0
        self._height = 0  # of the scrollable area: the lines, and perhaps a few blank ones

    def prompt(self, practice_id: str) -> Content:
        """The entry shown for one practice."""
        return self._prompts[POSITIONS[practice_id]]

    def show(self, results: Sequence[Result]) -> None:
        """Update only the entries whose result changed, and repaint only their lines."""
        changed: list[tuple[int, Region]] = []  # (entry, the lines it took)
        for index, result in enumerate(results):
            if self._shown.get(result.id) != result:
                self._shown[result.id] = result
                self._prompts[index] = result_prompt(result)
                changed.append((index, self.entry_region(index)))
                self._strips[index].clear()
        if not changed:
            return
        if self._width > 0 and all(len(self._entry_strips(i)) == r.height for i, r in changed):
            # The same lines as before, so nothing below them moves: repaint just these (a
            # whole repaint draws every line of the pane again, at most keys typed).
            for _, region in changed:
                self.refresh_lines(region.y, region.height)
        else:  # the entries below the first changed one move: repaint from there down
            top = changed[0][1].y
            self._arrange()
            if top > 0:
                self.refresh_lines(top, max(self._height, self.size.height) - top)
            else:
                self.refresh()

    # ------------------------------------------------------------ drawing

    def _entry_strips(self, index: int) -> list[Strip]:
        cursor = index == self.highlighted
        style = (
            self.get_visual_style("checklist--entry", "checklist--cursor")
            if cursor
            else self.get_visual_style("checklist--entry")
        )
        strips = self._strips[index].get(style)
        if strips is None:
            width = self._width
            strips = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in Visual.to_strips(self, self._prompts[index], width, None, style)
            ]
            self._strips[index][style] = strips
        return strips

    def _arrange(self) -> None:
        """Work out which entry each line shows, at the current width."""
        width = self.scrollable_content_region.width
        resized = width != self._width
        if resized:
            self._width = width
            for cache in self._strips:
                cache.clear()
        if width <= 0:
            return
        self._lines = [
            (index, line)
            for index in range(len(self._prompts))
            for line in range(len(self._entry_strips(index)))
        ]
        # A new scroll height lays out the whole screen, and while typing a reason often
        # wraps to a line more or less: the height grows with the lines but shrinks only
        # when SPARE_LINES blank lines have piled up at the end (or the width changes).
        needed = len(self._lines)
        if resized or needed > self._height or needed < self._height - SPARE_LINES:
            self._height = needed
        self.virtual_size = Size(width, self._height)

    def render_line(self, y: int) -> Strip:
        if self.scrollable_content_region.width != self._width:
            self._arrange()
        try:
            index, line = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return Strip.blank(self._width, self.get_visual_style("checklist--entry").rich_style)
        return self._entry_strips(index)[line]

    def on_resize(self, event: events.Resize) -> None:
        self._arrange()

    def entry_region(self, index: int) -> Region:
        """The lines an entry takes, in the checklist's scrollable area."""
        lines = [n for n, (entry, _) in enumerate(self._lines) if entry == index]
        return Region(0, lines[0], self._width, len(lines)) if lines else Region()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is not None and self._lines:
            self.scroll_to_region(self.entry_region(new), animate=False, immediate=True)

    # ------------------------------------------------------------ keys and mouse

    def on_focus(self) -> None:
        # The cursor shows once the checklist is used, on its first entry; not on a scrolled
        # list, where that would scroll away the entry a click is about to pick.
        if self.highlighted is None and self.scroll_offset.y == 0:
            self.highlighted = 0

    def action_move(self, step: int) -> None:
        current = self.highlighted if self.highlighted is not None else -step
        self.highlighted = max(0, min(len(PRACTICES) - 1, current + step))

    def action_page(self, direction: int) -> None:
        """Move the cursor by about a screenful of lines."""
        if self.highlighted is None:
            self.highlighted = 0
            return
        index, moved = self.highlighted, 0
        while (
            0 <= index + direction < len(PRACTICES)
            and moved < self.scrollable_content_region.height
        ):
            index += direction
            moved += self.entry_region(index).height
        self.highlighted = index

    def action_move_to(self, index: int) -> None:
        self.highlighted = index % len(PRACTICES)

    def action_tick(self) -> None:
        """Tick or untick the practice under the cursor, if it is one the user judges."""
        if self.highlighted is None:
            return
        practice = PRACTICES[self.highlighted]
        if practice.id in MANUAL:
            self.post_message(self.Toggled(practice.id))
        else:
            self.notify(f"{practice.title} is judged from the email itself", timeout=3)

    def on_click(self, event: events.Click) -> None:
        try:
            index, _ = self._lines[self.scroll_offset.y + event.y]
        except IndexError:
            return
        self.highlighted = index
        self.action_tick()
