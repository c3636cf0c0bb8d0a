"""The form's When and Decision fields: a date typed as people say it, with a line under the
field saying what it was understood as ("= Mon 30 Nov 14:00 CET") or why it cannot be read.

Text that cannot be read is kept as typed (and saved) until it is fixed; the draft keeps the
date from before the edit meanwhile, never a reading of a half-typed text ("2" is 02:00).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from followup_tui import dates
from followup_tui.app.widgets.fields import FieldInput, field_row
from followup_tui.model import Interview, check_year


def format_when(when: datetime | None) -> str:
    """The interview time as the form shows it."""
    return when.strftime("%Y-%m-%d %H:%M %z") if when else ""


def parse_when_field(text: str, now: datetime, zone: tzinfo | None = None) -> datetime:
    """The form's time field, typed as people say it ("yesterday 3pm", "30 Nov 14:00")."""
    when = dates.parse_datetime(text, now=now, zone=zone)
    check_year(when)  # 0001 or 9999 is a typo the follow-up dates cannot be worked out from
    return when


def parse_decision_field(text: str, now: datetime, zone: tzinfo | None = None) -> date:
    """The form's decision date, typed as people say it ("Fri", "4 Dec", "2026-12-04")."""
    day = dates.parse_date(text, now=now)
    check_year(day)
    return day


@dataclass(frozen=True)
class DateKind:
    """What tells the When field from the Decision field: its label, model fields and reading."""

    label: str
    field_id: str
    value_attr: str  # the Interview's date ("when", "decision_by")
    text_attr: str  # the Interview's text kept as typed while it cannot be read
    placeholder: str
    parse: Callable[[str, datetime, tzinfo | None], Any]
    describe: Callable[[Any, datetime], str]
    show: Callable[[Any], str]  # the value as the field's text when the form opens


WHEN = DateKind(
    "When",
    "f-when",
    "when",
    "when_text",
    "e.g. yesterday 3pm",
    parse_when_field,
    dates.describe,
    format_when,
)
DECISION = DateKind(
    "Decision",
    "f-decision",
    "decision_by",
    "decision_text",
    "e.g. Fri or 4 Dec",
    parse_decision_field,
    dates.describe_date,
    lambda day: day.isoformat() if day else "",
)


@dataclass(frozen=True)
class Reading:
    """What a date field's text means: its value (None when empty or unread), or why not."""

    value: Any
    error: str = ""


class DateField(Vertical):
    """One date field with its understood line; `take` reads a text into the interview."""

    def __init__(self, kind: DateKind, interview: Interview, zone: tzinfo | None = None) -> None:
        super().__init__(id=f"{kind.field_id}-box", classes="date-field")
        self.kind = kind
        self.interview = interview
        # where a time typed without a zone is read: the interview's as the form opened
        self.zone = zone
        # the date as it was before the edit: what unreadable text leaves the draft with
        self.settled = getattr(interview, kind.value_attr)

    def compose(self) -> ComposeResult:
        kind, iv = self.kind, self.interview
        text = getattr(iv, kind.text_attr) or kind.show(getattr(iv, kind.value_attr))
        yield field_row(
            kind.label,
            FieldInput(text, placeholder=kind.placeholder, id=kind.field_id, compact=True),
        )
        yield Label("", id=f"{kind.field_id}-read", classes="field-read", markup=False)

    def on_mount(self) -> None:
        # text kept from an earlier session that could not be read is flagged again
        self._show(self.read(self.query_one(Input).value))

    def _now(self) -> datetime:
        """The app's clock (a fixed one in tests): "yesterday" is read against it."""
        now = getattr(self.app, "now", None)
        return now() if callable(now) else datetime.now().astimezone()

    def read(self, text: str) -> Reading:
        """What `text` means in this field, against the app's clock."""
        if not text.strip():
            return Reading(None)
        try:
            return Reading(self.kind.parse(text, self._now(), self.zone))
        except ValueError as exc:
            return Reading(None, f"{exc} (kept as typed until fixed)")

    def take(self, text: str) -> bool:
        """Read the typed text into the interview and show what it meant; True if it changed."""
        kind, iv = self.kind, self.interview
        reading = self.read(text)
        self._show(reading)
        kept = text if reading.error else ""
        changed = bool(kept != getattr(iv, kind.text_attr))
        setattr(iv, kind.text_attr, kept)
        if not reading.error and reading.value is None:
            self.settled = None  # an emptied field is a choice, not a half-typed date
        value = self.settled if reading.error else reading.value
        if value != getattr(iv, kind.value_attr):
            setattr(iv, kind.value_attr, value)
            changed = True
        return changed

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        # not stopped: the app scrolls every Input it leaves back to its start
        if not getattr(self.interview, self.kind.text_attr):
            self.settled = getattr(self.interview, self.kind.value_attr)

    def show_value(self) -> None:
        """Show the interview's date again after it changed elsewhere (a merge with its file)."""
        field = self.query_one(Input)
        kind, iv = self.kind, self.interview
        kept = getattr(iv, kind.text_attr)
        value = getattr(iv, kind.value_attr)
        reading = self.read(field.value)
        wanted = kept or kind.show(value)
        if not kept and not reading.error and reading.value == value:
            wanted = field.value  # the same date as typed ("yesterday 3pm"): left as it is
        if not kept:
            self.settled = value
        if field.value != wanted:
            field.value = wanted  # its Changed finds the draft equal: no loop

    def _show(self, reading: Reading) -> None:
        line = self.query_one(f"#{self.kind.field_id}-read", Label)
        if reading.error:
            text = f"! {reading.error}"
        elif reading.value is not None:
            text = f"= {self.kind.describe(reading.value, self._now())}"
        else:
            text = ""
        line.update(text)
        line.display = bool(text)
        line.set_class(bool(reading.error), "-error")
        self.query_one(Input).set_class(bool(reading.error), "-invalid")
