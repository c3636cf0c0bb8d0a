"""The interview notes form: every field of the draft, bound to the model."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from followup_tui import dates
from followup_tui.app.widgets.choice import choice
from followup_tui.app.widgets.date_field import DECISION, WHEN, DateField
from followup_tui.app.widgets.fields import FieldInput, cursor_to_end, field_row
from followup_tui.errors import FileFormatError
from followup_tui.model import FORMATS, Draft, Interviewer
from followup_tui.text import address_problem, clean

NOTE_LABELS: tuple[tuple[str, str, str], ...] = (
    ("topics", "Topics discussed", "one per line: what you talked about"),
    ("resonated", "What resonated with you", "a moment, a plan, a value you liked"),
    ("skills", "Skills to highlight", "a result of yours that fits their needs"),
    ("concerns", "Concerns raised", "a doubt they voiced, to answer"),
    ("answers", "Your answer", "how you would answer each concern, a line each"),
    ("missed", "Forgot or want to clarify", "what you wish you had said"),
    ("next_steps", "Next steps / timeline", "what they said about the decision"),
)


class MouseButton(Button, can_focus=False):
    """A button for the mouse: Tab walks the fields and passes it by (it has a key instead)."""


class InterviewerRow(Vertical):
    """Name, title and email of one interviewer, with a remove button."""

    def __init__(self, interviewer: Interviewer, index: int) -> None:
        super().__init__(classes="interviewer")
        self.interviewer = interviewer
        self.index = index

    def compose(self) -> ComposeResult:
        person, n = self.interviewer, self.index
        with Horizontal(classes="field-row"):
            yield Label(f"{n + 1}. Name", classes="field-label")
            yield FieldInput(person.name, placeholder="full name", id=f"iv-{n}-name", compact=True)
            yield MouseButton(
                "✕", id=f"iv-{n}-remove", compact=True, tooltip="remove this interviewer (f4)"
            )
        yield field_row(
            "   Title",
            FieldInput(person.title, placeholder="job title", id=f"iv-{n}-title", compact=True),
        )
        yield field_row(
            "   Email",
            FieldInput(person.email, placeholder="address", id=f"iv-{n}-email", compact=True),
        )
        # what the user talked about with this person: their email mentions it first
        yield field_row(
            "   Notes",
            FieldInput(
                person.notes,
                placeholder="what you discussed",
                id=f"iv-{n}-notes",
                compact=True,
            ),
        )


class NotesForm(VerticalScroll):
    """Edits the draft in place and says so with `NotesForm.Changed`.

    The form of a draft whose file did not parse (`broken`) is disabled: what was typed there
    could never be saved.
    """

    BINDINGS = [
        Binding("f3", "add_interviewer", "Add interviewer", id="add-interviewer"),
        Binding("f4", "remove_interviewer", "Remove interviewer", id="remove-interviewer"),
    ]

    @dataclass
    class Changed(Message):
        """A field changed; `people` is True when interviewers were added or removed."""

        people: bool = False

    def __init__(
        self, draft: Draft, *, broken: FileFormatError | None = None, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.draft = draft
        self.broken = broken
        self.disabled = broken is not None
        self._errors: dict[str, str] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_interviewer":
            return self._focused_row() is not None  # shown only in a row: the footer is short
        return True

    def compose(self) -> ComposeResult:
        iv = self.draft.interview
        if self.broken is not None:
            yield Label(
                f"Read-only: {self.broken}\nFix the file in a text editor, then open it again.",
                classes="read-only-note",
                markup=False,
            )
        # In groups: a frame draws again every widget whose parent's region overlaps what
        # changed, so a key in one note or a cursor blink visits its group, not the whole form.
        # The first frame has the first fields; `mount_rest` brings the others after it.
        with Vertical(id="details", classes="form-group"):
            yield field_row(
                "Company",
                FieldInput(iv.company, placeholder="company", id="f-company", compact=True),
            )
            yield field_row(
                "Role", FieldInput(iv.role, placeholder="role", id="f-role", compact=True)
            )

    async def mount_rest(self) -> None:
        """Add the fields the first frame does without, built from the draft as it is now."""
        iv = self.draft.interview
        await self.query_one("#details").mount_all(
            [
                DateField(WHEN, iv, dates.zone_for(iv.when)),
                field_row("Format", choice(FORMATS, iv.format, "f-format")),
                DateField(DECISION, iv),
                Label("", id="field-error", classes="field-error"),
            ]
        )
        rows = (InterviewerRow(person, n) for n, person in enumerate(self.draft.interviewers))
        people = Vertical(
            Label("Interviewers", classes="section"),
            Vertical(*rows, id="interviewers"),
            MouseButton("+ add interviewer (f3)", id="add-interviewer", compact=True),
            classes="form-group",
        )
        notes = [
            Vertical(
                Label(label, classes="section"),
                TextArea(
                    getattr(self.draft.notes, name),
                    id=f"n-{name}",
                    soft_wrap=True,
                    compact=True,
                    placeholder=hint,
                    highlight_cursor_line=False,
                ),
                classes="form-group",
            )
            for name, label, hint in NOTE_LABELS
        ]
        await self.mount_all([people, *notes])

    @property
    def complete(self) -> bool:
        """True once `mount_rest` has added every field."""
        return bool(self.query("#interviewers"))

    def show_draft(self, changed: frozenset[str]) -> bool:
        """Show the draft's texts again after a merge with its file changed `changed` (the
        draft's top-level fields: "interview", "interviewers", "notes").

        Only those are written back: a field the merge left alone may hold a key whose Changed
        is not handled yet, and writing the draft's value over it would lose that key.
        False when the interviewer rows no longer match the draft: the form must be rebuilt.
        """
        if self.complete and len(self.query(InterviewerRow)) != len(self.draft.interviewers):
            return False
        # Before `mount_rest`, only what is there is updated: the rest is built from the draft.
        iv = self.draft.interview
        texts: dict[str, str] = {}
        if "interview" in changed:
            texts.update({"f-company": iv.company, "f-role": iv.role})
            for date_field in self.query(DateField):
                date_field.interview = iv  # the merge brought a new one: edit that
                date_field.show_value()
            for select in self.query("#f-format").results(Select):
                select.value = iv.format
        if "interviewers" in changed:
            for field in self.query(Input):
                if (field.id or "").startswith("iv-"):
                    _, index, attr = (field.id or "").split("-", 2)
                    texts[field.id or ""] = getattr(self.draft.interviewers[int(index)], attr)
        for widget_id, value in texts.items():
            field = self.query_one(f"#{widget_id}", Input)
            if field.value != value:
                field.value = value  # its Changed finds the draft equal: no loop
        if "notes" in changed:
            for name, _, _ in NOTE_LABELS:
                for area in self.query(f"#n-{name}").results(TextArea):
                    if area.text != getattr(self.draft.notes, name):
                        area.text = getattr(self.draft.notes, name)
        return True

    # ------------------------------------------------------------ field changes

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input.id or ""
        value = event.value
        if (cleaned := clean(value)) != value:
            # a paste with terminal commands in it (ESC, BEL, OSC 52): dropped as it comes in;
            # the value set here comes back as the next Changed, then clean
            event.input.value = cleaned
            return
        iv = self.draft.interview
        if field.startswith("iv-"):
            _, index, attr = field.split("-", 2)
            person = self.draft.interviewers[int(index)]
            if attr == "email":
                problem = address_problem(value)
                self._invalid(event.input, f"Email: {problem}" if problem else "")
                if problem:
                    return  # the draft keeps the last address that was one
            if getattr(person, attr) != value:
                setattr(person, attr, value)
                self.post_message(self.Changed())
        elif field in ("f-company", "f-role"):
            attr = field[2:]
            if getattr(iv, attr) != value:
                setattr(iv, attr, value)
                self.post_message(self.Changed())
        elif field in ("f-when", "f-decision"):
            self._date_changed(field, value)

    def _date_changed(self, field: str, value: str) -> None:
        if self.query_one(f"#{field}-box", DateField).take(value):
            self.post_message(self.Changed())

    def _invalid(self, widget: Input, message: str) -> None:
        """Flag a field whose text cannot be used yet ("" clears it)."""
        self._flag(widget.id or "", message)

    def _flag(self, field: str, message: str) -> None:
        """Mark a field whose text cannot be used yet, and say why under the fields."""
        self.query_one(f"#{field}", Input).set_class(bool(message), "-invalid")
        if message:
            self._errors[field] = message
        else:
            self._errors.pop(field, None)
        error = self.query_one("#field-error", Label)
        shown = list(self._errors.values())
        error.update("\n".join(shown))
        error.set_class(bool(self._errors), "-shown")

    @on(Select.Changed, "#f-format")
    def _format_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str) and event.value != self.draft.interview.format:
            self.draft.interview.format = event.value
            self.post_message(self.Changed())

    @on(TextArea.Changed)
    def _note_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        if (cleaned := clean(area.text)) != area.text:
            row, column = area.cursor_location
            area.replace(cleaned, area.document.start, area.document.end)
            row = min(row, area.document.line_count - 1)
            area.cursor_location = (row, min(column, len(area.document[row])))
            return
        name = (event.text_area.id or "")[2:]
        if getattr(self.draft.notes, name, None) not in (None, event.text_area.text):
            setattr(self.draft.notes, name, event.text_area.text)
            self.post_message(self.Changed())

    # ------------------------------------------------------------ interviewers

    @on(Button.Pressed, "#add-interviewer")
    async def add_interviewer(self) -> None:
        """Add an empty interviewer row and focus its name."""
        self.draft.interviewers.append(Interviewer())
        await self._rebuild_people()
        self.query_one(f"#iv-{len(self.draft.interviewers) - 1}-name", Input).focus()
        self.post_message(self.Changed(people=True))

    async def action_add_interviewer(self) -> None:
        """Add an interviewer (f3)."""
        await self.add_interviewer()

    def _focused_row(self) -> InterviewerRow | None:
        focused = self.screen.focused
        while focused is not None and focused is not self:
            if isinstance(focused, InterviewerRow):
                return focused
            focused = focused.parent if isinstance(focused.parent, Widget) else None
        return None

    def action_remove_interviewer(self) -> None:
        """Remove the interviewer whose fields have the focus (f4)."""
        row = self._focused_row()
        if row is None:
            self.notify("Move to an interviewer's fields first, then press f4.", timeout=4)
            return
        self.remove_interviewer(row.index)

    @on(Button.Pressed, ".interviewer Button")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove_interviewer(int((event.button.id or "").split("-")[1]))

    def remove_interviewer(self, index: int) -> None:
        """Remove one interviewer; asks first when the row holds text or a hand-edited email."""
        from followup_tui.app.dialogs import ConfirmDialog

        person = self.draft.interviewers[index]
        edited = [key for key in self.draft.edits if key.rpartition("/")[2] == str(index)]
        parts = (person.name, person.title, person.email, person.notes)
        if not any(part.strip() for part in parts) and not edited:
            self.call_later(self._remove, index)
            return
        who = person.name.strip() or f"interviewer {index + 1}"
        lost = ["what their row holds"]
        if edited:
            lost.append("your hand edit of their email")

        def answer(yes: bool | None) -> None:
            if yes:
                self.call_later(self._remove, index)

        self.app.push_screen(
            ConfirmDialog(
                f"Remove {who}?", f"This removes {' and '.join(lost)}.", confirm="Remove"
            ),
            answer,
        )

    async def _remove(self, index: int) -> None:
        self.draft.remove_interviewer(index)
        await self._rebuild_people()
        # The focus goes to the row that took its place, or the one above it.
        neighbour = min(index, len(self.draft.interviewers) - 1)
        for name in self.query(f"#iv-{neighbour}-name").results(Input):
            name.focus()
            cursor_to_end(name)
        self.post_message(self.Changed(people=True))

    async def _rebuild_people(self) -> None:
        box = self.query_one("#interviewers", Vertical)
        await box.remove_children()
        await box.mount_all(
            InterviewerRow(person, index) for index, person in enumerate(self.draft.interviewers)
        )
