"""The interview notes form: every field of the draft, bound to the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from followup_tui.app.widgets.choice import choice
from followup_tui.model import FORMATS, Draft, Interviewer, check_year
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


def format_when(when: datetime | None) -> str:
    """The interview time as the form shows it."""
    return when.strftime("%Y-%m-%d %H:%M %z") if when else ""


def parse_when_field(text: str) -> datetime | None:
    """The form's time field: `2026-11-21 14:00`, with an optional `+0100` style offset."""
    text = text.strip()
    for pattern in ("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M%z", "%Y-%m-%dT%H:%M%z"):
        try:
            when = datetime.strptime(text, pattern)
        except ValueError:
            continue
        check_year(when)  # 0001 or 9999 is a typo the follow-up dates cannot be worked out from
        return when
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("use YYYY-MM-DD HH:MM, optionally with +HHMM") from None
    check_year(when)
    return when if when.tzinfo else when.astimezone()


def field_row(label: str, widget: Widget) -> Horizontal:
    """A one-line form row: a fixed-width label, then the field."""
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")


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
            yield Input(person.name, placeholder="full name", id=f"iv-{n}-name", compact=True)
            yield Button("✕", id=f"iv-{n}-remove", compact=True, tooltip="remove this interviewer")
        yield field_row(
            "   Title",
            Input(person.title, placeholder="job title", id=f"iv-{n}-title", compact=True),
        )
        yield field_row(
            "   Email", Input(person.email, placeholder="address", id=f"iv-{n}-email", compact=True)
        )
        # what the user talked about with this person: their email mentions it first
        yield field_row(
            "   Notes",
            Input(
                person.notes,
                placeholder="what you discussed",
                id=f"iv-{n}-notes",
                compact=True,
            ),
        )


def _parsed(parse: Callable[[str], object], text: str) -> object:
    """What a date field's text means, or None when it is empty or does not read."""
    try:
        return parse(text.strip()) if text.strip() else None
    except ValueError:
        return None


class NotesForm(VerticalScroll):
    """Edits the draft in place and says so with `NotesForm.Changed`."""

    @dataclass
    class Changed(Message):
        """A field changed; `people` is True when interviewers were added or removed."""

        people: bool = False

    def __init__(self, draft: Draft, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.draft = draft

    def compose(self) -> ComposeResult:
        iv = self.draft.interview
        yield field_row(
            "Company", Input(iv.company, placeholder="company", id="f-company", compact=True)
        )
        yield field_row("Role", Input(iv.role, placeholder="role", id="f-role", compact=True))
        yield field_row(
            "When",
            Input(
                format_when(iv.when),
                placeholder="date and time, e.g. 2026-11-21 14:00 +0100",
                id="f-when",
                compact=True,
            ),
        )
        yield field_row(
            "Format",
            choice(FORMATS, iv.format, "f-format"),
        )
        yield field_row(
            "Decision",
            Input(
                iv.decision_by.isoformat() if iv.decision_by else "",
                placeholder="decision date, YYYY-MM-DD, if they said",
                id="f-decision",
                compact=True,
            ),
        )
        yield Label("", id="field-error", classes="field-error")
        yield Label("Interviewers", classes="section")
        with Vertical(id="interviewers"):
            for index, person in enumerate(self.draft.interviewers):
                yield InterviewerRow(person, index)
        yield Button("+ add interviewer", id="add-interviewer", compact=True)
        for name, label, hint in NOTE_LABELS:
            yield Label(label, classes="section")
            yield TextArea(
                getattr(self.draft.notes, name),
                id=f"n-{name}",
                soft_wrap=True,
                compact=True,
                placeholder=hint,
                highlight_cursor_line=False,
            )

    def show_draft(self) -> bool:
        """Show the draft's texts again after it changed elsewhere (a merge with its file).

        False when the interviewer rows no longer match the draft: the form must be rebuilt.
        """
        if len(self.query(InterviewerRow)) != len(self.draft.interviewers):
            return False
        iv = self.draft.interview
        texts = {"f-company": iv.company, "f-role": iv.role}
        for field in self.query(Input):
            if (field.id or "").startswith("iv-"):
                _, index, attr = (field.id or "").split("-", 2)
                texts[field.id or ""] = getattr(self.draft.interviewers[int(index)], attr)
        for widget_id, value in texts.items():
            field = self.query_one(f"#{widget_id}", Input)
            if field.value != value:
                field.value = value  # its Changed finds the draft equal: no loop
        when = self.query_one("#f-when", Input)
        if iv.when != _parsed(parse_when_field, when.value):
            when.value = format_when(iv.when)
        decision = self.query_one("#f-decision", Input)
        if iv.decision_by != _parsed(date.fromisoformat, decision.value):
            decision.value = iv.decision_by.isoformat() if iv.decision_by else ""
        self.query_one("#f-format", Select).value = iv.format
        for name, _, _ in NOTE_LABELS:
            area = self.query_one(f"#n-{name}", TextArea)
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
        elif field == "f-when":
            self._set_when(event.input, value)
        elif field == "f-decision":
            self._set_decision(event.input, value)

    def _set_when(self, widget: Input, value: str) -> None:
        try:
            when = parse_when_field(value) if value.strip() else None
        except ValueError as exc:
            self._invalid(widget, f"When: {exc}")
            return
        self._invalid(widget, "")
        if when != self.draft.interview.when:
            self.draft.interview.when = when
            self.post_message(self.Changed())

    def _set_decision(self, widget: Input, value: str) -> None:
        try:
            decision = date.fromisoformat(value.strip()) if value.strip() else None
            if decision is not None:
                check_year(decision)
        except ValueError:
            self._invalid(widget, "Decision: use YYYY-MM-DD, e.g. 2026-12-01")
            return
        self._invalid(widget, "")
        if decision != self.draft.interview.decision_by:
            self.draft.interview.decision_by = decision
            self.post_message(self.Changed())

    def _invalid(self, widget: Input, message: str) -> None:
        """Flag a field whose text cannot be used yet; the draft keeps its last good value."""
        widget.set_class(bool(message), "-invalid")
        error = self.query_one("#field-error", Label)
        error.update(message)
        error.set_class(bool(message), "-shown")

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

    @on(Button.Pressed, ".interviewer Button")
    async def _remove_interviewer(self, event: Button.Pressed) -> None:
        event.stop()
        index = int((event.button.id or "").split("-")[1])
        self.draft.remove_interviewer(index)
        await self._rebuild_people()
        self.post_message(self.Changed(people=True))

    async def _rebuild_people(self) -> None:
        box = self.query_one("#interviewers", Vertical)
        await box.remove_children()
        await box.mount_all(
            InterviewerRow(person, index) for index, person in enumerate(self.draft.interviewers)
        )
