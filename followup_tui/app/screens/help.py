"""F1: every key, read from the live bindings (so a remapped key shows as remapped)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from followup_tui.app.widgets.footer import KeyFooter

INTRO = (
    "Type your notes in the Interview notes; the Preview shows the email as you type, and the "
    "Checklist judges it against the practices the career guides agree on. At 110 columns or "
    "more the three sit side by side; on a narrower terminal they are tabs: f6 goes to the "
    "next one (or click its name). Press ctrl+p for every command, including exports, stages "
    "and tones."
)


def key_lines(
    screen_bindings: dict[str, object], app_bindings: list[Binding]
) -> list[tuple[str, str]]:
    """(keys, what) for every described binding, app keys first, with remaps applied.

    A focused field's own key that shares a description with an app key ("Copy": the text
    field's ctrl+c copies its selection, the app's ctrl+y the email) gets a line of its own,
    marked as the field's, so the two are never shown as one.
    """
    from textual.app import App
    from textual.screen import Screen

    app_descriptions = {b.description for b in app_bindings if b.description}
    rows: dict[str, list[str]] = {}
    order: list[str] = []
    for key, active in screen_bindings.items():
        binding: Binding = active.binding  # type: ignore[attr-defined]
        if not binding.description or binding.system:
            continue
        what = binding.description
        if what in app_descriptions and not isinstance(active.node, App | Screen):  # type: ignore[attr-defined]
            what = f"{what} (in the focused field)"
        if what not in rows:
            rows[what] = []
            order.append(what)
        if key not in rows[what]:
            rows[what].append(key)
    app_first = [b.description for b in app_bindings if b.description in rows]
    rest = [d for d in order if d not in app_first]
    return [(", ".join(rows[d]), d) for d in app_first + rest]


class HelpScreen(ModalScreen[None]):
    """The keys, generated from the real bindings."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close help")]

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog", id="help")
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box") as box:
            box.border_title = "Help"
            yield Static(INTRO, markup=False, classes="help-intro")
            width = max((len(keys) for keys, _ in self.lines), default=4) + 2
            for keys, what in self.lines:
                yield Static(
                    Content.assemble((f"{keys:<{width}}", "bold $text-accent"), what),
                    classes="help-row",
                )
        yield KeyFooter()
