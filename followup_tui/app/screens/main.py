"""The main screen: notes, checklist and preview, side by side or as tabs."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import MountError
from textual.widgets import Input

from followup_tui.app.widgets.choice import Choice
from followup_tui.app.widgets.preview import Preview
from followup_tui.app.widgets.title_bar import TitleBar
from followup_tui.errors import FileFormatError
from followup_tui.model import STAGES, Email, ManualEdit, edit_key
from followup_tui.session import Session

if TYPE_CHECKING:
    from textual.widgets import Tabs

    from followup_tui.app.app import FollowupApp
    from followup_tui.app.widgets.checklist import Checklist
    from followup_tui.app.widgets.notes import NotesForm

# Below this many columns the three panes become tabs.
NARROW_WIDTH = 110
PANES = ("notes-pane", "checklist-pane", "preview-pane")


class MainScreen(Screen[None]):
    """Edits one interview's draft; everything else is a screen or dialog on top."""

    # Nothing takes the focus in the first frame: the first field does once it is mounted.
    # (None would mean the app's AUTO_FOCUS, "*": the email's scroll view, for one frame.)
    AUTO_FOCUS = ""

    def __init__(self) -> None:
        super().__init__(id="main")
        self.interviewer = 0
        self.render_pending = False
        """True from a change of the draft until the email on screen shows it."""
        self.emails: list[Email] = []
        self.built_event = asyncio.Event()
        """Set once every pane is mounted (just after the first frame)."""

    @property
    def built(self) -> bool:
        """True once every pane is mounted (just after the first frame)."""
        return self.built_event.is_set()

    @property
    def fapp(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    @property
    def session(self) -> Session:
        """The open draft and its file."""
        return self.fapp.session

    def compose(self) -> ComposeResult:
        # The first frame holds the frame of the screen and the email; the form, the
        # checklist, the switchers and the footer (about a hundred widgets) are mounted right
        # after it (`_build`), so the email shows at once instead of after the whole form is
        # styled. (The footer's keys came after the first frame even when it was in it.)
        yield TitleBar()
        yield Horizontal(id="switchers")
        with Horizontal(id="panes"):
            with Vertical(id="notes-pane", classes="pane -active") as notes:
                notes.border_title = "Interview notes"
            with Vertical(id="checklist-pane", classes="pane") as checks:
                checks.border_title = "Checklist"
            with Vertical(id="preview-pane", classes="pane") as preview:
                preview.border_title = "Preview"
                yield Preview(id="preview")

    async def _build(self) -> None:
        """Mount the form, the checklist and the switchers; then replay early keys."""
        from textual.widgets import Footer, Label, Tab, Tabs

        from followup_tui.app.widgets.checklist import Checklist
        from followup_tui.app.widgets.choice import choice
        from followup_tui.app.widgets.notes import NotesForm

        draft = self.session.draft
        try:
            await self.query_one("#switchers").mount_all(
                [
                    Label("Stage", classes="switch-label"),
                    choice(STAGES, draft.stage, "s-stage"),
                    Label("Tone", classes="switch-label"),
                    choice(self._tones(), draft.tone, "s-tone"),
                    Label("To", classes="switch-label"),
                    Choice(self._people(), 0, id="s-person"),
                ]
            )
            tabs = Tabs(
                Tab("Notes", id="tab-notes-pane"),
                Tab("Checklist", id="tab-checklist-pane"),
                Tab("Preview", id="tab-preview-pane"),
                id="pane-tabs",
            )
            await self.mount(tabs, before=self.query_one("#panes"))
            await self.query_one("#notes-pane").mount(NotesForm(draft, id="notes"))
            await self.query_one("#checklist-pane").mount(Checklist(id="checklist"))
            await self.mount(Footer())
            # Start where the user starts: the first field of the notes (focused at once, not
            # later, so that the keys held back while building go straight to it), with the
            # cursor after its text: a focused field selects all of it, and the first key
            # typed on opening a draft would silently replace the company's name.
            company = self.query_one("#f-company", Input)
            self.set_focus(company)
            company.call_later(company.action_end)
        except (MountError, NoMatches):
            if self.app.is_running and self.is_attached:
                raise
            return  # the app quit while the screen was being built
        self.built_event.set()
        self.refresh_email()
        self.fapp.call_later(self.fapp.release_early_input)
        self._settle_gc()

    def _settle_gc(self) -> None:
        """Freeze the screen's objects out of the collector's passes, once it is painted."""
        if self.fapp.settles_gc:  # a pass of about 30 ms, after the next frame
            from followup_tui.app import settle_gc

            self.call_after_refresh(settle_gc)

    async def wait_built(self) -> None:
        """Wait until every pane is mounted (tests start typing from there, as users do)."""
        await self.built_event.wait()

    def _tones(self) -> list[str]:
        from followup_tui.tones import available_tones

        tones = available_tones(self.session.draft.stage)
        if self.session.draft.tone not in tones:
            tones.append(self.session.draft.tone)
        return tones

    def _people(self) -> list[tuple[str, int]]:
        people = [
            (person.name.strip() or f"Interviewer {n + 1}", n)
            for n, person in enumerate(self.session.draft.interviewers)
        ]
        return people or [("Interviewer 1", 0)]  # a draft may have none: one email to nobody

    def on_mount(self) -> None:
        # The first frame: the email alone (the app calls `build` once it is drawn).
        self.refresh_email()

    def build(self) -> None:
        """Mount the rest of the screen (the app calls this once the first frame is drawn)."""
        self.call_later(self._build)

    def reload(self) -> None:
        """Show the app's (new) session: rebuild every pane from its draft."""
        self.interviewer = 0
        self.render_pending = False  # it would query panes that are being replaced
        self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        self.built_event.clear()
        await self.recompose()
        self.refresh_email()
        await self._build()

    # ------------------------------------------------------------ layout

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def show_pane(self, pane: str) -> None:
        """Bring a pane forward (only visible as a change in the narrow, tabbed layout)."""
        from textual.widgets import Tabs

        self.query_one("#pane-tabs", Tabs).active = f"tab-{pane}"

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        # By name rather than @on(Tabs.TabActivated): Tabs loads with the form, after the
        # first frame.
        if event.tabs.id != "pane-tabs":
            return
        active = (event.tab.id or "tab-notes-pane").removeprefix("tab-")
        for pane in PANES:
            self.query_one(f"#{pane}").set_class(pane == active, "-active")

    # ------------------------------------------------------------ the live email

    def schedule_render(self) -> None:
        """Render once the messages already queued here are handled.

        Changes that arrive together (a burst of keys, a paste) render once; a key typed by
        hand renders straight after it, in the same frame, with no timer in between.
        """
        if not self.render_pending:
            self.render_pending = True
            self.call_later(self._render_if_pending)

    def _render_if_pending(self) -> None:
        if self.render_pending:
            self.refresh_email()

    def current_email(self) -> Email:
        """The email on screen, rendered now (what copy and export hand over)."""
        from followup_tui.render import render_all

        draft = self.session.draft
        self.emails = render_all(draft, self.fapp.profile, now=self.fapp.now())
        return self._shown_email()

    def _shown_email(self) -> Email:
        """The interviewer's email among `emails` (the last one if there are fewer now)."""
        self.interviewer = min(self.interviewer, len(self.emails) - 1)
        return self.emails[self.interviewer]

    def refresh_email(self) -> None:
        """Render the email, judge it, and show both."""
        self.render_pending = False
        preview = self.query_one(Preview)
        try:
            email = self.current_email()
        except FileFormatError as exc:
            preview.show(None, "fix the template, then the preview comes back", error=str(exc))
            return
        if not self.built:  # the first frame: the email alone, judged once the checklist is up
            preview.show(email, self._meta(email))
            return
        from followup_tui.app.widgets.checklist import Checklist
        from followup_tui.practices import evaluate, summary

        draft = self.session.draft
        results = evaluate(
            email,
            draft=draft,
            profile=self.fapp.profile,
            now=self.fapp.now(),
            emails=self.emails,
        )
        self.query_one(Checklist).show(results)
        counts = summary(results)
        checks = self.query_one("#checklist-pane")
        subtitle = (
            " ".join(f"{counts[s]} {s}" for s in ("fail", "warn", "todo") if counts.get(s))
            or "all clear"
        )
        # Setting a border title repaints the whole pane, even when the text is the same.
        if checks.border_subtitle != subtitle:
            checks.border_subtitle = subtitle
        preview.show(email, self._meta(email))

    def _meta(self, email: Email) -> str:
        from followup_tui.timing import describe, windows

        parts = [f"{email.word_count} words"]
        draft = self.session.draft
        now = self.fapp.now()
        for window in windows(draft, now):
            if window.stage == draft.stage and window.state != "done":
                parts.append(describe(window, now))
                break
        if email.edited:
            parts.append("edited by hand (ctrl+r regenerates)")
        return " · ".join(parts)

    def changed(self) -> None:
        """The draft changed: re-render soon and autosave a little later."""
        self.schedule_render()
        self.fapp.draft_changed()

    # Handlers by name rather than @on(...): their widget modules load after the first frame.
    def on_notes_form_changed(self, event: NotesForm.Changed) -> None:
        if event.people:
            select = self.query_one("#s-person", Choice)
            select.set_options(self._people())
            self.interviewer = max(0, min(self.interviewer, len(select.options) - 1))
            select.value = self.interviewer
            self._settle_gc()  # the removed rows were frozen with the rest of the start-up
        self.changed()

    def on_checklist_toggled(self, event: Checklist.Toggled) -> None:
        ticks = self.session.draft.ticks
        ticks[event.practice_id] = not ticks.get(event.practice_id, False)
        self.changed()

    @on(Preview.Edited)
    def _edited(self, event: Preview.Edited) -> None:
        draft = self.session.draft
        draft.edits[edit_key(draft.stage, self.interviewer)] = ManualEdit(event.subject, event.body)
        self.changed()

    @on(Choice.Changed, "#s-stage")
    def _stage_changed(self, event: Choice.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.session.draft.stage:
            self.session.draft.stage = event.value
            self.query_one("#s-tone", Choice).set_options([(t, t) for t in self._tones()])
            self.query_one("#s-tone", Choice).value = self.session.draft.tone
            self._email_switched()

    @on(Choice.Changed, "#s-tone")
    def _tone_changed(self, event: Choice.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.session.draft.tone:
            self.session.draft.tone = event.value
            self._email_switched()

    @on(Choice.Changed, "#s-person")
    def _person_changed(self, event: Choice.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.interviewer:
            self.interviewer = event.value
            self._email_switched()

    def _email_switched(self) -> None:
        self.changed()
        preview = self.query_one(Preview)
        if preview.editing:
            preview.start_editing(self.current_email())

    # ------------------------------------------------------------ edit mode

    def toggle_edit(self) -> None:
        """Between the notes and the editable email."""
        preview = self.query_one(Preview)
        if preview.editing:
            preview.stop_editing()
            self.show_pane("notes-pane")
            self.query_one("#notes").focus()
            self.refresh_email()
        else:
            self.show_pane("preview-pane")
            preview.start_editing(self.current_email())

    def has_edit(self) -> bool:
        """True when the email on screen is the user's own edit."""
        return self.session.draft.edit_for(self.session.draft.stage, self.interviewer) is not None

    def drop_edit(self) -> None:
        """Forget the manual edit of the email on screen and show the generated one."""
        draft = self.session.draft
        draft.edits.pop(edit_key(draft.stage, self.interviewer), None)
        preview = self.query_one(Preview)
        if preview.editing:
            preview.start_editing(self.current_email())
        self.changed()

    def select_stage(self, stage: str) -> None:
        """Switch the stage (from the palette)."""
        self.query_one("#s-stage", Choice).value = stage

    def select_tone(self, tone: str) -> None:
        """Switch the tone (from the palette)."""
        self.query_one("#s-tone", Choice).value = tone
