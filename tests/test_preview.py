"""The preview's body: paragraphs wrapped one by one, only the changed ones drawn again."""

from __future__ import annotations

import textwrap

from textual.app import App, ComposeResult
from textual.geometry import Region

from followup_tui.app.widgets.email_body import SPARE_LINES, EmailBody
from followup_tui.app.widgets.preview import Preview
from followup_tui.model import Email
from tests.app_pilot import email_body

# Each body follows the one before it: paragraphs changed, added and removed at the start,
# in the middle and at the end, all of them at once, and to and from nothing.
BODIES = [
    "Hi Ana,\n\nThanks.\n\nBest,\nSam",
    "Hi Ana,\n\nThanks for today.\n\nBest,\nSam",
    "Hi Ana,\n\nThanks for today.\n\nOne more thing.\n\nBest,\nSam",
    "Dear Ana,\n\nHi again.\n\nThanks for today.\n\nOne more thing.\n\nBest,\nSam",
    "Dear Ana,\n\nBest,\nSam",
    "Dear Ana,\n\nBest,\nSam\n\nPS: the deck.\n\nPPS: [Ana]",
    "PS: the deck.",
    "",
    "Hi Ana,\n\n\n\nthree blank lines above\n\n",
    "Hi Ana,\n\nBest,\nSam",
    "Hi Ana,\n\nBest,\nSam",
    "A\n\nB\n\nA\n\nB",
    "A\n\nB",
    "B\n\nA\n\nB\n\nA",
]


class OnePreview(App[None]):
    def compose(self) -> ComposeResult:
        yield Preview()


async def test_the_body_shown_is_always_the_email_s_own() -> None:
    app = OnePreview()
    async with app.run_test(size=(60, 30)) as pilot:
        preview = app.query_one(Preview)
        for body in BODIES:
            preview.show(Email(to="ana@example.com", subject="Hello", body=body), "meta")
            await pilot.pause()
            assert email_body(app) == body


async def test_bodies_shown_faster_than_the_screen_is_drawn_end_in_the_last() -> None:
    app = OnePreview()
    async with app.run_test(size=(60, 30)) as pilot:
        preview = app.query_one(Preview)
        for body in BODIES + BODIES[::-1]:
            preview.show(Email(to="ana@example.com", subject="Hello", body=body), "meta")
        await pilot.pause()
        assert email_body(app) == BODIES[0]


def drawn(body: EmailBody) -> list[str]:
    """The body's lines as drawn on screen now (from the lines it keeps drawn, which only a
    refresh of theirs replaces)."""
    width, height = body.size
    return [strip.text.rstrip() for strip in body.render_lines(Region(0, 0, width, height))]


def wrapped(body: str, width: int) -> list[str]:
    """The body wrapped at `width`, a blank line after each paragraph."""
    lines: list[str] = []
    for paragraph in body.split("\n\n"):
        for line in paragraph.split("\n"):
            lines += textwrap.wrap(line, width) or [""]
        lines.append("")
    return lines


GROWING = [
    "Hi Ana,\n\nThanks for the talk about streaming.\n\nBest,\nSam",
    # the middle paragraph wraps to one line more, then two: the lines below move down
    "Hi Ana,\n\nThanks for the talk about streaming and the move off batch.\n\nBest,\nSam",
    "Hi Ana,\n\nThanks for the talk about streaming and the move off batch jobs to events "
    "next year.\n\nBest,\nSam",
    # and back; then a paragraph of the same height changed
    "Hi Ana,\n\nThanks for the talk about streaming.\n\nBest,\nSam",
    "Hi Ana,\n\nThanks for the chat about batch jobs.\n\nBest,\nSam",
]


async def test_what_is_drawn_follows_each_change_lines_below_it_moved() -> None:
    app = OnePreview()
    async with app.run_test(size=(40, 30)) as pilot:
        preview = app.query_one(Preview)
        body = app.query_one(EmailBody)
        for text in GROWING:
            preview.show(Email(to="ana@example.com", subject="Hello", body=text), "meta")
            await pilot.pause()
            width = body.scrollable_content_region.width
            lines = wrapped(text, width)
            assert drawn(body) == lines + [""] * (body.size.height - len(lines))


async def test_a_body_longer_than_the_pane_scrolls_to_its_last_line() -> None:
    app = OnePreview()
    async with app.run_test(size=(40, 16)) as pilot:
        preview = app.query_one(Preview)
        body = app.query_one(EmailBody)
        short = "Hi Ana,\n\nThanks.\n\nBest,\nSam"
        preview.show(Email(to="a@example.com", subject="Hello", body=short), "meta")
        await pilot.pause()
        assert not body.show_vertical_scrollbar  # it fits: nothing to scroll
        paragraphs = [f"Paragraph {n} of a long email, long enough to wrap." for n in range(12)]
        long = "\n\n".join(["Hi Ana,", *paragraphs, "Best,\nSam"])
        preview.show(Email(to="a@example.com", subject="Hello", body=long), "meta")
        await pilot.pause()
        assert body.show_vertical_scrollbar
        body.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        shown = drawn(body)
        last = max(n for n, line in enumerate(shown) if line)
        assert shown[last] == "Sam"
        # After it, at most the blank line that ends a paragraph and the spare ones.
        assert len(shown) - 1 - last <= 1 + SPARE_LINES


async def test_the_body_s_text_can_be_selected() -> None:
    app = OnePreview()
    async with app.run_test(size=(60, 30)) as pilot:
        preview = app.query_one(Preview)
        text = "Hi Ana,\n\nThanks for [today].\n\nBest,\nSam"
        preview.show(Email(to="ana@example.com", subject="Hello", body=text), "meta")
        await pilot.pause()
        body = app.query_one(EmailBody)
        # Dragged with the mouse from the start of its third line into the fifth.
        await pilot.mouse_down(body, offset=(0, 2))
        await pilot.hover(body, offset=(4, 4))
        await pilot.mouse_up(body, offset=(4, 4))
        assert app.screen.get_selected_text() == "Thanks for [today].\n\nBest,"
