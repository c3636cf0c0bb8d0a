"""The main screen: notes, checklist and preview, side by side or as tabs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Select, Tab, Tabs

from followup_tui.app import collector
from followup_tui.app.pause import AtPause, WordBeingTyped
from followup_tui.app.screens.live_render import LiveRender
from followup_tui.app.screens.pane_tabs import (
    NARROW_WIDTH,
    next_pane,
    pane_of,
    pane_title,
    set_layout,
    show_active,
)
from followup_tui.app.widgets.checklist import Checklist
from followup_tui.app.widgets.choice import choice, drop_down, set_options_keeping
from followup_tui.app.widgets.footer import KeyFooter
from followup_tui.app.widgets.notes import NotesForm
from followup_tui.app.widgets.preview import Preview
from followup_tui.errors import FileFormatError
from followup_tui.model import STAGES, Email, ManualEdit, Stage
from followup_tui.practices import Result
from followup_tui.review import (
    Rendered,
    checklist_summary,
    email_for,
    recipients,
    render_and_judge,
)
from followup_tui.session import Session
from followup_tui.tones import offered_tones

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


class MainScreen(Screen[None]):
    """Edits one interview's draft; everything else is a screen or dialog on top.

    The screen owns which email is shown (stage, tone, interviewer): the drop-downs are
    bound to these reactives, and their changes come back as messages.
    """

    BINDINGS = [
        Binding("ctrl+y", "copy_email", "Copy", priority=True, id="copy-email"),
        Binding("ctrl+e", "toggle_edit", "Edit email", priority=True, id="edit-email"),
        # In the help screen and the palette; the footer has no room for them at 80 columns.
        Binding("ctrl+r", "regenerate", "Regenerate from notes", show=False, id="regenerate"),
        Binding("ctrl+g", "open_editor", "Edit in $EDITOR", show=False, id="open-editor"),
        # priority: TextArea (the notes, the email editor) binds f6 to selecting a line
        Binding("f6", "next_pane", "Next tab", id="next-pane", priority=True),
    ]

    stage: reactive[Stage] = reactive(Stage.THANK_YOU, init=False)
    """The follow-up stage on screen (also the draft's)."""
    tone: reactive[str] = reactive("warm", init=False)
    """The tone on screen (also the draft's)."""
    interviewer: reactive[int] = reactive(0, init=False)
    """Which interviewer's email is on screen (an index into the draft's interviewers)."""

    def __init__(self) -> None:
        super().__init__(id="main")
        self.live = LiveRender(self, self._render_job, self._show)
        self._first_shown = False
        self._people_listed: list[tuple[str, int]] = []
        self._people_at_pause = AtPause(self, self._refresh_people)
        self._typing = WordBeingTyped(self, self.schedule_render)
        self._last_focused: dict[str, Widget] = {}  # in each pane, for f6 to come back to
        self._load_state()

    @property
    def fapp(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    @property
    def session(self) -> Session:
        """The open draft and its file."""
        return self.fapp.session

    def _load_state(self) -> None:
        """Take stage and tone from the draft, without acting as if the user changed them."""
        draft = self.session.draft
        self.set_reactive(MainScreen.stage, draft.stage)
        self.set_reactive(MainScreen.tone, draft.tone)
        self.set_reactive(MainScreen.interviewer, 0)

    def compose(self) -> ComposeResult:
        draft = self.session.draft
        narrow = self.has_class("-narrow")  # a rebuild (`reload`) keeps the layout
        yield Header(icon="✉")
        # The drop-downs come in `_complete`, after the first frame; the bar keeps its row.
        yield Horizontal(id="switchers")
        yield Tabs(
            Tab("Notes", id="tab-notes-pane"),
            Tab("Checklist", id="tab-checklist-pane"),
            Tab("Preview", id="tab-preview-pane"),
            id="pane-tabs",
        )
        with Horizontal(id="panes"):
            with Vertical(id="notes-pane", classes="pane -active") as notes:
                notes.border_title = pane_title("notes-pane", narrow)
                yield NotesForm(draft, broken=self.session.error, id="notes")
            with Vertical(id="checklist-pane", classes="pane") as checks:
                checks.border_title = pane_title("checklist-pane", narrow)
                yield Checklist(id="checklist")
            with Vertical(id="preview-pane", classes="pane") as preview:
                preview.border_title = pane_title("preview-pane", narrow)
                yield Preview(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The first frame already in the layout of the terminal's width (tabs when narrow).
        set_layout(self, narrow=self.app.size.width < NARROW_WIDTH)
        self._start()

    def _start(self) -> None:
        # Start where the user starts: the first field of the notes, with the cursor after
        # its text (a focused field selects all of it, and the first key typed on opening a
        # draft would silently replace the company's name).
        company = self.query_one("#f-company", Input)
        self.set_focus(company)
        company.call_after_refresh(company.action_end)
        # The first frame shows the first fields; letters typed meanwhile go into the
        # company's name, anything else waits until the rest of the screen is there.
        self.app.call_later(self.fapp.release_type_ahead, complete=False)
        self.call_after_refresh(self._complete)

    async def _complete(self) -> None:
        """Build what the first frame does without: the drop-downs and the rest of the form."""
        draft = self.session.draft
        self._people_listed = recipients(draft)
        stage = choice(STAGES, draft.stage, "s-stage").data_bind(value=MainScreen.stage)
        tone = choice(self.tone_choices(), draft.tone, "s-tone").data_bind(value=MainScreen.tone)
        person = drop_down(self._people_listed, self.interviewer, "s-person")
        await self.query_one("#switchers").mount_all(
            [
                Label("Stage", classes="switch-label"),
                stage,
                Label("Tone", classes="switch-label"),
                tone,
                Label("To", classes="switch-label"),
                person.data_bind(value=MainScreen.interviewer),
            ]
        )
        await self.query_one(NotesForm).mount_rest()
        # After the layout: the focus chain is in screen order, so a held Tab goes from the
        # company's name to the role, as the user sees it.
        self.call_after_refresh(self.fapp.release_type_ahead)
        # The first render (Jinja2 loaded, the templates compiled) runs once the screen is
        # drawn: in a thread beside the screen being built, it held up the first frame.
        self.call_after_refresh(self.schedule_render)

    def on_screen_resume(self) -> None:
        # Back from the profile, the interviews list or a dialog: what they changed (the
        # signature, a stage marked sent) shows in the email.
        self.schedule_render()

    def tone_choices(self) -> list[str]:
        """The tones offered at this stage (the draft's own among them, even if unusual)."""
        return offered_tones(self.stage, self.tone)

    def show_merged(self, changed: frozenset[str]) -> None:
        """Show the fields a merge with the file changed: texts in place, or a rebuild."""
        # The drop-downs and rows follow a rebuild; texts are updated where they are, so a
        # field being typed in keeps its focus.
        forms = self.query(NotesForm)
        if {"stage", "tone"} & changed or (forms and not forms.first().show_draft(changed)):
            self.call_later(self.reload)
        self.schedule_render()

    async def reload(self) -> None:
        """Show the app's (new) session: rebuild every pane from its draft."""
        self.live.drop_running()
        self._load_state()
        await self.recompose()
        self._start()

    # ------------------------------------------------------------ layout

    def on_resize(self, event: events.Resize) -> None:
        set_layout(self, narrow=event.size.width < NARROW_WIDTH)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Side by side, every pane is in view: no tabs to switch.
        return action != "next_pane" or self.has_class("-narrow")

    def action_next_pane(self) -> None:
        """The next tab of the narrow layout (Notes, Checklist, Preview, then Notes again)."""
        next_pane(self, self._last_focused)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if (pane := pane_of(event.widget)) is not None:
            self._last_focused[pane] = event.widget

    def show_pane(self, pane: str) -> None:
        """Bring a pane forward (only visible as a change in the narrow, tabbed layout)."""
        self.query_one("#pane-tabs", Tabs).active = f"tab-{pane}"

    @on(Tabs.TabActivated, "#pane-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        show_active(self, event.tab.id or "")

    # ------------------------------------------------------------ the live email

    def schedule_render(self) -> None:
        """Render the email again soon (see `LiveRender`)."""
        self.live.schedule()

    def _render_job(self, generation: int) -> Callable[[], Rendered]:
        draft, app = self.session.draft, self.fapp
        return partial(
            render_and_judge,
            draft.copy(),
            app.profile,
            app.now(),
            self.interviewer,
            generation,
            self._typing.word,
        )

    def _show(self, outcome: Rendered) -> None:
        preview = self.query_one(Preview)
        if outcome.email is None:
            preview.show(None, outcome.meta, error=outcome.error)
        else:
            self.query_one(Checklist).show(outcome.results)
            preview.show(outcome.email, outcome.meta)
            self._show_summary(outcome.results)
        if not self._first_shown:
            self._first_shown = True
            app = self.app
            # What the start-up built lives as long as the app; its garbage is not worth
            # a pass now, as the user starts to type.
            app.call_after_refresh(collector.settle, collect=False)
            # Once the email is drawn: the process (or the dictionary, read here) held up the
            # first frames when started beside them.
            self.call_after_refresh(self.live.start_process)

    def _show_summary(self, results: list[Result]) -> None:
        subtitle = checklist_summary(results)
        checks = self.query_one("#checklist-pane")
        # Setting a border title repaints the whole pane, even when the text is the same.
        if checks.border_subtitle != subtitle:
            checks.border_subtitle = subtitle

    async def wait_rendered(self) -> None:
        """Wait until the email on screen is a render of the draft as it stands."""
        await self.live.shown.wait()

    def current_email(self) -> Email:
        """The email on screen, rendered now from the draft (what copy and export hand over)."""
        return email_for(self.session.draft, self.fapp.profile, self.fapp.now(), self.interviewer)

    def changed(self) -> None:
        """The draft changed: re-render soon, and the app (which owns saving) saves it soon."""
        self.schedule_render()
        self.fapp.draft_changed()

    # ------------------------------------------------------------ messages from the panes

    def on_notes_form_changed(self, event: NotesForm.Changed) -> None:
        if len(recipients(self.session.draft)) != len(self._people_listed):
            self._refresh_people()  # added or removed: the choice must stay one of them
        else:
            self._people_at_pause.changed()  # a name typed
        self._typing.typed_in(self.focused)
        self.changed()

    def _refresh_people(self) -> None:
        """The To drop-down lists the interviewers by their names as they are now."""
        people = recipients(self.session.draft)
        if people == self._people_listed:
            return
        self._people_listed = people
        interviewer = max(0, min(self.interviewer, len(people) - 1))
        # Not there yet while the screen is completed (a held key typed in a name)
        for select in self.query("#s-person").results(Select):
            set_options_keeping(select, people, interviewer)
        self.interviewer = interviewer

    def on_checklist_toggled(self, event: Checklist.Toggled) -> None:
        from followup_tui.proofread import toggle

        try:
            email = self.current_email()
        except FileFormatError:
            self.session.draft.toggle_tick(event.practice_id)  # no email to vouch for
        else:
            # The tick vouches for this text: a later change to the email resets it.
            toggle(self.session.draft, email, event.practice_id)
        self.changed()

    @on(Preview.Edited)
    def _edited(self, event: Preview.Edited) -> None:
        draft = self.session.draft
        draft.set_edit(draft.stage, self.interviewer, ManualEdit(event.subject, event.body))
        self._typing.typed_in(self.focused)
        self.changed()

    @on(Select.Changed, "#switchers Select")
    def _switched(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            return
        name = {"s-stage": "stage", "s-tone": "tone", "s-person": "interviewer"}
        setattr(self, name[event.select.id or ""], event.value)

    def watch_stage(self, stage: Stage) -> None:
        if self.session.draft.stage == stage:
            return
        self.session.draft.stage = stage
        for tones in self.query("#s-tone").results(Select):
            set_options_keeping(tones, ((t, t) for t in self.tone_choices()), self.tone)
        self._email_switched()

    def watch_tone(self, tone: str) -> None:
        if self.session.draft.tone != tone:
            self.session.draft.tone = tone
            self._email_switched()

    def watch_interviewer(self) -> None:
        self.schedule_render()
        self._follow_in_editor()

    def _email_switched(self) -> None:
        self.changed()
        self._follow_in_editor()

    def _follow_in_editor(self) -> None:
        """The email being edited, if one is, becomes the one now on screen."""
        preview = self.query_one(Preview)
        if preview.editing:
            preview.start_editing(self.current_email())

    # ------------------------------------------------------------ actions

    def email_or_say(self, title: str = "") -> Email | None:
        """The email on screen; None, after saying why, when its template does not render."""
        try:
            return self.current_email()
        except FileFormatError as exc:
            self.notify(str(exc), title=title, severity="error")
            return None

    def action_copy_email(self, part: str = "email") -> None:
        """Copy the email (or its body or subject) as `followup-tui render` prints it."""
        email = self.email_or_say("Nothing copied")
        if email is not None:
            from followup_tui.app.handoff import copy_email

            copy_email(self.fapp, email, part)

    def action_toggle_edit(self) -> None:
        """Between the notes and the editable email."""
        preview = self.query_one(Preview)
        if self.session.read_only:  # an edit could never be saved
            self.notify(f"Read-only: {self.session.error}", severity="warning", timeout=6)
        elif preview.editing:
            preview.stop_editing()
            self.show_pane("notes-pane")
            self.query_one("#notes").focus()
            self.schedule_render()
        elif (email := self.email_or_say("Fix the template first")) is not None:
            self.show_pane("preview-pane")
            preview.start_editing(email)

    def action_regenerate(self) -> None:
        """Regenerate the email from the notes, asking first when it was edited by hand."""
        from followup_tui.app.dialogs import ConfirmDialog

        if not self.has_edit():
            self.notify("This email is already generated from the notes.", timeout=3)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.drop_edit()
                self.notify("Regenerated from the notes.", timeout=3)

        self.app.push_screen(
            ConfirmDialog(
                "Regenerate this email from the notes?",
                "Your hand edits of this email will be thrown away.",
                confirm="Regenerate",
            ),
            answer,
        )

    def action_open_editor(self) -> None:
        """Edit the email in $VISUAL / $EDITOR; what comes back is this email's hand edit."""
        from followup_tui.app.handoff import edit_in_editor

        email = self.email_or_say()
        edit = None if email is None else edit_in_editor(self.fapp, email)
        if edit is not None:
            self.session.draft.set_edit(self.stage, self.interviewer, edit)
            self.changed()
            self.notify("Your edit from the editor is now this email.", timeout=4)

    def action_export(self, kind: str) -> None:
        """Hand the email over: an .eml draft ("eml"), a mailto: link, or an .ics reminder."""
        from followup_tui.app import handoff

        if kind == "ics":
            handoff.export_ics(self.fapp)
        elif (email := self.email_or_say()) is not None:
            send = handoff.export_eml if kind == "eml" else handoff.open_mailto
            send(self.fapp, email, self.interviewer)

    def action_mark_sent(self) -> None:
        """Record that this stage's email was sent now."""
        from followup_tui.app.handoff import mark_sent

        mark_sent(self.fapp, self.stage)
        self.changed()

    def action_record_outcome(self, outcome: str) -> None:
        """Record a rejection or an offer ("" clears it)."""
        from followup_tui.app.handoff import record_outcome

        record_outcome(self.fapp, outcome)
        self.changed()

    def has_edit(self) -> bool:
        """True when the email on screen is the user's own edit."""
        return self.session.draft.edit_for(self.session.draft.stage, self.interviewer) is not None

    def drop_edit(self) -> None:
        """Forget the manual edit of the email on screen and show the generated one."""
        draft = self.session.draft
        draft.drop_edit(draft.stage, self.interviewer)
        self._follow_in_editor()
        self.changed()
