"""The email's body in the preview, drawn line by line from each paragraph's wrapped lines."""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

PARAGRAPH_BREAK = "\n\n"
SPARE_LINES = 4
"""Blank lines the body may keep at its end, once it is longer than the pane, rather than
lay out the screen again."""


def common_ends(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many items the two lists share at their start, and then at their end."""
    most = min(len(old), len(new))
    head = 0
    while head < most and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < most - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


class EmailBody(ScrollView, can_focus=True):
    """The body: its paragraphs, each followed by a blank line, scrolled as one.

    A key typed into the notes changes one paragraph, and every few keys it wraps to a line
    more: only the lines from that paragraph down are drawn again. The scroll height is the
    pane's while the email fits in it and otherwise grows in steps of `SPARE_LINES`: a new
    scroll height lays out the whole screen, as a Static a paragraph did whenever one of them
    wrapped to a line more.
    """

    DEFAULT_CSS = """
    EmailBody {
        overflow-x: hidden;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._paragraphs: list[str] = []
        # Each paragraph's wrapped lines at `_width` (None: not wrapped yet), its blank line
        # after it included.
        self._wrapped: list[list[Strip] | None] = []
        self._lines: list[Strip] = []
        self._width = 0
        self._height = 0

    @property
    def text(self) -> str:
        """The body shown."""
        return PARAGRAPH_BREAK.join(self._paragraphs)

    def show(self, text: str) -> None:
        """Show `text`, wrapping and drawing again only the paragraphs that changed."""
        old, new = self._paragraphs, text.split(PARAGRAPH_BREAK) if text else []
        if old == new:
            return
        head, tail = common_ends(old, new)
        top = sum(len(self._paragraph_lines(i)) for i in range(head)) if self._width else 0
        kept = self._wrapped[len(old) - tail :] if tail else []
        self._paragraphs = new
        self._wrapped = self._wrapped[:head] + [None] * (len(new) - head - tail) + kept
        lines_before = len(self._lines)
        self._arrange()
        if len(self._lines) == lines_before:
            # Nothing below the change moved: draw just the changed paragraphs' lines.
            bottom = len(self._lines) - sum(
                len(self._paragraph_lines(i)) for i in range(len(new) - tail, len(new))
            )
            self.refresh_lines(top, max(1, bottom - top))
        else:  # the lines below moved
            self.refresh_lines(top, max(self._height, self.size.height) - top)

    # ------------------------------------------------------------ drawing

    def _paragraph_lines(self, index: int) -> list[Strip]:
        lines = self._wrapped[index]
        if lines is None:
            style = self.visual_style
            text = Content(self._paragraphs[index])  # text, never markup: "[Ana]" stays
            lines = [
                strip.extend_cell_length(self._width, style.rich_style)
                for strip in Visual.to_strips(self, text, self._width, None, style)
            ] or [Strip.blank(self._width, style.rich_style)]
            lines.append(Strip.blank(self._width, style.rich_style))
            self._wrapped[index] = lines
        return lines

    def _arrange(self) -> None:
        """Wrap the paragraphs at the current width and set the scroll height."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._wrapped = [None] * len(self._paragraphs)
        if width <= 0:
            self._lines = []
            return
        self._lines = [
            line for i in range(len(self._paragraphs)) for line in self._paragraph_lines(i)
        ]
        needed, view = len(self._lines), self.scrollable_content_region.height
        if needed <= view:
            self._height = view
        elif needed > self._height or needed < self._height - 2 * SPARE_LINES:
            self._height = needed + SPARE_LINES
        self.virtual_size = Size(width, self._height)

    def render_line(self, y: int) -> Strip:
        if self.scrollable_content_region.width != self._width:
            self._arrange()
        line = self.scroll_offset.y + y
        if line >= len(self._lines):
            return Strip.blank(self._width, self.visual_style.rich_style)
        strip = self._lines[line]
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            strip = self._selected(strip, *span)
        return strip.apply_offsets(0, line)

    def _selected(self, strip: Strip, start: int, end: int) -> Strip:
        """The line with its selected cells (from `start` to `end`, -1: the end) highlighted."""
        text_end = len(strip.text.rstrip())
        end = text_end if end == -1 else min(end, text_end)
        if end <= start:
            return strip
        before, chosen, after = strip.divide([start, end, strip.cell_length])
        style = self.screen.get_component_rich_style("screen--selection")
        # Over the text's own style (`Strip.apply_style` puts a style under it).
        chosen = Strip(Segment.apply_style(chosen, post_style=style), chosen.cell_length)
        return Strip.join([before, chosen, after])

    def on_resize(self, event: events.Resize) -> None:
        self._arrange()

    # ------------------------------------------------------------ selection

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        lines = (strip.text.rstrip() for strip in self._lines)
        return selection.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()
