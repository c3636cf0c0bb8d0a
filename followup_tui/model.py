"""The draft of one interview's follow-up, and the user's profile: plain dataclasses."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from followup_tui.errors import FileFormatError


class Stage(StrEnum):
    """A follow-up stage; its value is what drafts, templates and `check --json` say."""

    THANK_YOU = "thank-you"
    CHECK_IN = "check-in"
    FEEDBACK = "feedback"
    KEEP_IN_TOUCH = "keep-in-touch"


class Tone(StrEnum):
    """A shipped tone (a user's own templates may add tones of other names)."""

    FORMAL = "formal"
    WARM = "warm"
    CONCISE = "concise"


# The stages in the order they happen; StrEnum members compare equal to their strings.
STAGES: tuple[Stage, ...] = tuple(Stage)
TONES: tuple[Tone, ...] = tuple(Tone)
FORMATS: tuple[str, ...] = ("video", "phone", "on-site")
OUTCOMES: tuple[str, ...] = ("", "rejected", "offer")
NOTE_FIELDS: tuple[str, ...] = (
    "topics",
    "resonated",
    "skills",
    "concerns",
    "answers",
    "missed",
    "next_steps",
)
# Dates outside these years are typos (0001, 9999), and the follow-up dates worked out from
# them would overflow what Python's datetime can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def check_year(value: date) -> None:
    """Raise ValueError when a date (or date and time) is outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"year {value.year} is out of range ({FIRST_YEAR}-{LAST_YEAR})")


@dataclass
class Interviewer:
    """One person who interviewed the user."""

    name: str = ""
    title: str = ""
    email: str = ""
    notes: str = ""  # what the user discussed with this person (optional; since format 1)

    @property
    def first_name(self) -> str:
        """The first word of the name, for a warm greeting."""
        parts = self.name.split()
        return parts[0] if parts else ""

    @property
    def last_name(self) -> str:
        """The last word of the name, for a formal greeting."""
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else ""


@dataclass
class Interview:
    """The facts of the interview itself."""

    company: str = ""
    role: str = ""
    when: datetime | None = None  # timezone-aware
    format: str = "video"
    decision_by: date | None = None  # the decision date the user was told, if any
    # What the user typed in the When or Decision field when the app could not read it: kept
    # (and saved) as typed until it is fixed; "" when the field was read.
    when_text: str = ""
    decision_text: str = ""


@dataclass
class Notes:
    """What the user noted about the conversation; each field is free text."""

    topics: str = ""
    resonated: str = ""
    skills: str = ""
    concerns: str = ""
    answers: str = ""  # the user's answer to each concern, line by line (optional)
    missed: str = ""
    next_steps: str = ""

    def is_empty(self) -> bool:
        """True when no note field has any text."""
        return not any(getattr(self, name).strip() for name in NOTE_FIELDS)


@dataclass
class ManualEdit:
    """The user's own subject and body for one email, replacing the generated one."""

    subject: str = ""
    body: str = ""


@dataclass
class SentRecord:
    """A follow-up the user says they sent."""

    stage: Stage
    at: datetime
    to: str = ""


@dataclass
class Draft:
    """Everything about one interview's follow-up."""

    interview: Interview = field(default_factory=Interview)
    interviewers: list[Interviewer] = field(default_factory=lambda: [Interviewer()])
    notes: Notes = field(default_factory=Notes)
    stage: Stage = Stage.THANK_YOU
    tone: str = Tone.WARM  # a Tone, or the name of a tone of the user's own templates
    # keyed by edit_key(stage, interviewer index)
    edits: dict[str, ManualEdit] = field(default_factory=dict)
    # manual checklist ticks, keyed by practice id
    ticks: dict[str, bool] = field(default_factory=dict)
    # the text each proofread email had when ticked (a digest, by edit_key): see proofread.py
    proofread: dict[str, str] = field(default_factory=dict)
    sent: list[SentRecord] = field(default_factory=list)
    outcome: str = ""
    outcome_at: datetime | None = None

    def edit_for(self, stage: Stage, interviewer: int) -> ManualEdit | None:
        """The manual edit of one email, if the user made one."""
        return self.edits.get(edit_key(stage, interviewer))

    def set_edit(self, stage: Stage, interviewer: int, edit: ManualEdit) -> None:
        """Keep the user's own text of one email in place of the generated one."""
        self.edits[edit_key(stage, interviewer)] = edit

    def drop_edit(self, stage: Stage, interviewer: int) -> None:
        """Forget the user's own text of one email: it is generated from the notes again."""
        self.edits.pop(edit_key(stage, interviewer), None)

    def toggle_tick(self, practice_id: str) -> None:
        """Tick a manual practice of the checklist, or untick it."""
        self.ticks[practice_id] = not self.ticks.get(practice_id, False)

    def remove_interviewer(self, index: int) -> None:
        """Remove one interviewer (leaving one blank, never none) and their emails' edits.

        Edits are keyed by position, so those of the people after `index` move up with them.
        """
        del self.interviewers[index]
        if not self.interviewers:
            self.interviewers.append(Interviewer())
        edits = {}
        for key, edit in self.edits.items():
            stage, _, number = key.rpartition("/")
            n = int(number) if number.isdigit() else 0
            if n != index:
                edits[edit_key(stage, n - 1 if n > index else n)] = edit
        self.edits = edits

    def sent_for(self, stage: Stage) -> list[SentRecord]:
        """The sent records of one stage, oldest first."""
        return sorted((s for s in self.sent if s.stage == stage), key=lambda s: s.at)

    def title(self) -> str:
        """A short human name for the interview."""
        parts = [p for p in (self.interview.company, self.interview.role) if p.strip()]
        return " - ".join(parts) or "Untitled interview"

    def copy(self) -> Draft:
        """A deep copy, safe to hand to a worker thread."""
        return dataclasses.replace(
            self,
            interview=dataclasses.replace(self.interview),
            interviewers=[dataclasses.replace(i) for i in self.interviewers],
            notes=dataclasses.replace(self.notes),
            edits={k: dataclasses.replace(v) for k, v in self.edits.items()},
            ticks=dict(self.ticks),
            proofread=dict(self.proofread),
            sent=[dataclasses.replace(s) for s in self.sent],
        )


def edit_key(stage: str, interviewer: int) -> str:
    """The key of a manual edit in `Draft.edits`."""
    return f"{stage}/{interviewer}"


@dataclass
class Profile:
    """The user: who signs the emails."""

    name: str = ""
    email: str = ""
    phone: str = ""
    links: list[str] = field(default_factory=list)
    sign_off: str = "Best regards"


@dataclass
class Settings:
    """The user's profile and preferences, as kept in config.toml."""

    profile: Profile = field(default_factory=Profile)
    default_tone: str = "warm"
    theme: str = "followup-dusk"
    keymap: dict[str, str] = field(default_factory=dict)
    # Entries of config.toml that could not be used and were left out (never saved).
    problems: list[FileFormatError] = field(default_factory=list, compare=False)


@dataclass
class Email:
    """One email as it will be sent."""

    to: str
    subject: str
    body: str
    stage: Stage = Stage.THANK_YOU
    tone: str = Tone.WARM
    interviewer: int = 0
    edited: bool = False  # True when this is the user's manual edit

    @property
    def text(self) -> str:
        """Subject line, blank line, body: what `render` prints and copy puts on the clipboard."""
        return f"Subject: {self.subject}\n\n{self.body}"

    @property
    def word_count(self) -> int:
        """Words in the body."""
        return len(self.body.split())
