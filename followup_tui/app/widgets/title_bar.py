"""The line at the top of the main screen: an icon, and the app's title with the open draft's."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "✉"
ICON_WIDTH = 8
RIGHT_WIDTH = 10


class TitleBar(Widget):
    """Textual's Header drawn as one widget (the Header is four): it is in the first frame.

    It looks as the Header does: the icon on the left (a click opens the command palette) and
    the title and sub-title centred between it and the room the Header keeps for a clock.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        title = self.app.format_title(self.app.title, self.app.sub_title)
        middle = max(0, width - ICON_WIDTH - RIGHT_WIDTH)
        if title.cell_length > middle:
            title = title.truncate(middle, ellipsis=True)
        # (Content.center pads the right by the whole width less the left padding.)
        left = (middle - title.cell_length) // 2
        title = title.pad_left(left).pad_right(middle - title.cell_length - left)
        return Content(f" {ICON}".ljust(ICON_WIDTH)) + title + " " * RIGHT_WIDTH

    async def _on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH:
            event.stop()
            await self.run_action("app.command_palette")
