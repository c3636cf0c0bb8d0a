"""The preview's body: one paragraph a widget, only the changed ones replaced."""

from __future__ import annotations

from textual.app import App, ComposeResult

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
