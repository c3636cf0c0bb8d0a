"""The checklist widget alone: what it draws after results change, line for line."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from followup_tui.app.widgets.checklist import Checklist
from followup_tui.practices import PRACTICES, Result

LONG = "a reason long enough to wrap over several lines of a narrow checklist pane, " * 2


def results(**reasons: str) -> list[Result]:
    """A result for every practice, in the checklist's order; `reasons` by practice id."""
    return [
        Result(p.id, "pass", reasons.get(p.id, f"fine r{n:02d}"), p.guide)
        for n, p in enumerate(PRACTICES)
    ]


class One(App[None]):
    def compose(self) -> ComposeResult:
        yield Checklist(id="checklist")


def drawn(checklist: Checklist) -> list[str]:
    """The lines the checklist hands the screen now (through its drawing cache)."""
    size = checklist.size
    return [strip.text.rstrip() for strip in checklist.render_lines(Region(0, 0, *size))]


async def test_a_changed_reason_is_drawn_and_the_rest_stay() -> None:
    app = One()
    async with app.run_test(size=(40, 60)) as pilot:
        checklist = app.query_one(Checklist)
        checklist.show(results(gratitude="first words"))
        await pilot.pause()
        before = drawn(checklist)
        assert any("first words" in line for line in before)
        checklist.show(results(gratitude="other words"))  # the same number of lines
        await pilot.pause()
        after = drawn(checklist)
        assert not any("first words" in line for line in after)
        assert any("other words" in line for line in after)
        changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert changed and all("other words" in after[n] for n in changed)


async def test_a_reason_that_takes_fewer_lines_leaves_nothing_behind() -> None:
    app = One()
    async with app.run_test(size=(40, 60)) as pilot:
        checklist = app.query_one(Checklist)
        checklist.show(results(greeting=LONG))
        await pilot.pause()
        long = drawn(checklist)
        checklist.show(results(greeting="short"))
        await pilot.pause()
        short = drawn(checklist)
        last = f"fine r{len(PRACTICES) - 1:02d}"
        # Every entry shows once, the last one higher up, and below it only blank lines.
        assert sum(last in line for line in short) == 1
        end = next(n for n, line in enumerate(short) if last in line)
        assert end < next(n for n, line in enumerate(long) if last in line)
        assert all(not line.strip() for line in short[end + 1 :])
        for n, _ in enumerate(PRACTICES):
            assert sum(f"fine r{n:02d}" in line for line in short) <= 1


async def test_every_entry_can_be_scrolled_to_after_the_lines_change() -> None:
    app = One()
    async with app.run_test(size=(40, 12)) as pilot:
        checklist = app.query_one(Checklist)
        for reasons in ({"greeting": LONG}, {}, {"subject": LONG, "greeting": LONG}, {}):
            checklist.show(results(**reasons))
            await pilot.pause()
            checklist.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert any(f"fine r{len(PRACTICES) - 1:02d}" in line for line in drawn(checklist))
