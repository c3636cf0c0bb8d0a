"""Drafts and settings as TOML files: atomic writes, strict reads, clear errors."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from followup_tui import paths

# atomic_write is re-exported: the app writes its hand-off files through storage.
from followup_tui.diskio import atomic_write as atomic_write
from followup_tui.diskio import locked
from followup_tui.errors import FileFormatError

# The drafts folder's functions, re-exported: callers find everything about drafts here.
from followup_tui.folder import Entry as Entry
from followup_tui.folder import most_recent_draft as most_recent_draft
from followup_tui.folder import new_draft_path as new_draft_path
from followup_tui.model import (
    NOTE_FIELDS,
    Draft,
    Interview,
    Interviewer,
    ManualEdit,
    Notes,
    Profile,
    SentRecord,
    Settings,
    check_year,
)
from followup_tui.text import clean, clean_line

FORMAT_VERSION = 1
# A draft is a few kilobytes; anything this big is not one, and reading it would stall the app.
MAX_FILE_BYTES = 2 * 1024 * 1024

T = TypeVar("T")


# ---------------------------------------------------------------- reading


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else FileFormatError.

    A FIFO, a device or a link to one named like a draft would block the reader or never end,
    so the file is opened without blocking and checked before anything is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise FileFormatError(path, "no such file") from None
    except OSError as exc:
        raise FileFormatError(path, f"cannot read: {exc.strerror or exc}") from None
    data = b""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise FileFormatError(path, f"not a regular file (it is {_file_kind(info.st_mode)})")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size <= limit:
            try:
                data = handle.read(limit + 1)
            except OSError as exc:
                raise FileFormatError(path, f"cannot read: {exc.strerror or exc}") from None
    if info.st_size > limit or len(data) > limit:
        size = max(info.st_size, limit + 1)
        raise FileFormatError(
            path, f"file is {_size(size)}, too big to be one of ours (limit {_size(limit)})"
        )
    return data


def _size(count: int) -> str:
    if count < 1_048_576:
        return f"{count / 1024:.0f} KB"
    return f"{count / 1_048_576:.1f} MB".replace(".0 MB", " MB")


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file, turning every way it can be unreadable into FileFormatError."""
    raw = read_regular(path)
    try:
        # utf-8-sig: a byte-order mark left by a Windows editor is harmless, so accept it
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            path, "not UTF-8 text (is it a binary file?)", raw[: exc.start].count(b"\n") + 1
        ) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 keeps the position only in the message: "Invalid value (at line 3, column 5)"
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        line: int | None = int(match.group(1)) if match else None
        if line is None and "end of document" in message:
            line = text.count("\n") + 1
        raise FileFormatError(path, f"not valid TOML: {reason}", line) from None
    except RecursionError:
        # thousands of nested [ or { : malformed like any other file, not a crash
        raise FileFormatError(path, "not valid TOML: nested too deeply") from None


_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    datetime: "a date and time",
    date: "a date",
    list: "a list",
    dict: "a table",
}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    return {
        str: "text",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


class _Reader:
    """Typed access into parsed TOML that reports the dotted key and its line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, key: str) -> int | None:
        leaf = re.escape(key.rsplit(".", 1)[-1].split("[", 1)[0])
        pattern = re.compile(rf"^\s*(\[+\s*)?[\"']?{leaf}[\"']?\s*(=|\])")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return None

    def fail(self, key: str, reason: str) -> FileFormatError:
        return FileFormatError(self.path, f"{key}: {reason}", self.line_of(key))

    def get(self, table: dict[str, Any], key: str, name: str, kind: type[T], default: T) -> T:
        """`table[name]` if it is a `kind`, else `default` if missing; `key` is the dotted
        key before `name` (as `interview.`), named in the error."""
        if name not in table:
            return default
        value = table[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is date and isinstance(value, datetime):
            ok = False
        if not ok:
            expected = _TYPE_NAMES.get(kind, kind.__name__)
            raise self.fail(f"{key}{name}", f"should be {expected}, found {_kind(value)}")
        return value  # type: ignore[no-any-return]

    def text(self, table: dict[str, Any], key: str, name: str, default: str = "") -> str:
        return clean(self.get(table, key, name, str, default))

    def table(self, table: dict[str, Any], key: str, name: str) -> dict[str, Any]:
        return self.get(table, key, name, dict, {})

    def when(self, table: dict[str, Any], key: str, name: str) -> datetime | None:
        value = self.get(table, key, name, datetime, None)
        if value is not None:
            self.year(f"{key}{name}", value)
        if value is not None and value.tzinfo is None:
            # A hand-written time without an offset means the user's own zone.
            value = value.astimezone()
        return value

    def year(self, key: str, value: date) -> None:
        """FileFormatError when the year of a date is a typo like 0001 or 9999."""
        try:
            check_year(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def choice(
        self, table: dict[str, Any], key: str, name: str, allowed: tuple[str, ...], default: str
    ) -> str:
        value = self.text(table, key, name, default)
        if value not in allowed:
            raise self.fail(
                f"{key}{name}", f"{value!r} is not one of {', '.join(repr(a) for a in allowed)}"
            )
        return value

    def items(
        self, table: dict[str, Any], name: str, build: Callable[[dict[str, Any], str], T]
    ) -> list[T]:
        entries = self.get(table, "", name, list, [])
        result = []
        for index, entry in enumerate(entries):
            key = f"{name}[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(name, f"entry {index + 1} should be a table, found {_kind(entry)}")
            result.append(build(entry, f"{key}."))
        return result


def _decision_by(iv: dict[str, Any], r: _Reader) -> date | None:
    day = r.get(iv, "interview.", "decision_by", date, None)
    if day is not None:
        r.year("interview.decision_by", day)
    return day


def _draft_from(data: dict[str, Any], r: _Reader) -> Draft:
    from followup_tui.model import FORMATS, OUTCOMES, STAGES, Stage

    version = r.get(data, "", "format", int, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise r.fail("format", f"format {version} is not one this version reads (expected 1)")
    iv = r.table(data, "", "interview")
    interview = Interview(
        company=r.text(iv, "interview.", "company"),
        role=r.text(iv, "interview.", "role"),
        when=r.when(iv, "interview.", "when"),
        format=r.choice(iv, "interview.", "format", FORMATS, "video"),
        decision_by=_decision_by(iv, r),
        when_text=r.text(iv, "interview.", "when_text"),
        decision_text=r.text(iv, "interview.", "decision_text"),
    )
    interviewers = r.items(
        data,
        "interviewers",
        lambda t, k: Interviewer(
            name=r.text(t, k, "name"),
            title=r.text(t, k, "title"),
            email=r.text(t, k, "email"),
            notes=r.text(t, k, "notes"),
        ),
    )
    nt = r.table(data, "", "notes")
    notes = Notes(**{f: r.text(nt, "notes.", f) for f in NOTE_FIELDS})
    edits = {}
    for edit_key, entry in r.table(data, "", "edits").items():
        if not isinstance(entry, dict):
            raise r.fail(f"edits.{edit_key}", "should be a table with subject and body")
        edits[edit_key] = ManualEdit(
            subject=r.text(entry, f"edits.{edit_key}.", "subject"),
            body=r.text(entry, f"edits.{edit_key}.", "body"),
        )
    ticks = {}
    for tick_id, value in r.table(data, "", "ticks").items():
        if not isinstance(value, bool):
            raise r.fail(f"ticks.{tick_id}", f"should be true or false, found {_kind(value)}")
        ticks[tick_id] = value
    proofread = {}
    for key, value in r.table(data, "", "proofread").items():
        proofread[key] = r.text({key: value}, "proofread.", key)

    def sent_record(t: dict[str, Any], k: str) -> SentRecord:
        at = r.when(t, k, "at")
        if at is None:
            raise r.fail(f"{k}at", "a sent record needs the time it was sent")
        return SentRecord(
            stage=Stage(r.choice(t, k, "stage", STAGES, "thank-you")), at=at, to=r.text(t, k, "to")
        )

    return Draft(
        interview=interview,
        interviewers=interviewers,
        notes=notes,
        stage=Stage(r.choice(data, "", "stage", STAGES, "thank-you")),
        tone=r.text(data, "", "tone", "warm"),
        edits=edits,
        ticks=ticks,
        proofread=proofread,
        sent=r.items(data, "sent", sent_record),
        outcome=r.choice(data, "", "outcome", OUTCOMES, ""),
        outcome_at=r.when(data, "", "outcome_at"),
    )


def load_draft(path: Path) -> Draft:
    """Read one draft; FileFormatError names the file, the line and what is wrong."""
    data, text = read_toml(path)
    return draft_from_data(path, data, text)


def draft_from_data(path: Path, data: dict[str, Any], text: str = "") -> Draft:
    """A draft from its TOML shape, checked as strictly as a read file (`text` gives lines)."""
    return _draft_from(data, _Reader(path, text))


def load_settings(path: Path | None = None) -> Settings:
    """Read config.toml; a missing file gives the defaults.

    A `[keymap]` entry that is not text is left out and kept in `Settings.problems`: one
    mistyped key must not cost the profile, the theme and the other keys.
    """
    path = path or paths.config_file()
    if not path.exists():
        return Settings()
    data, text = read_toml(path)
    r = _Reader(path, text)
    pt = r.table(data, "", "profile")
    links = r.get(pt, "profile.", "links", list, [])
    for link in links:
        if not isinstance(link, str):
            raise r.fail("profile.links", f"every link should be text, found {_kind(link)}")
    profile = Profile(
        name=r.text(pt, "profile.", "name"),
        email=r.text(pt, "profile.", "email"),
        phone=r.text(pt, "profile.", "phone"),
        links=[clean_line(link) for link in links],
        sign_off=r.text(pt, "profile.", "sign_off", "Best regards"),
    )
    keymap, problems = {}, []
    for binding_id, keys in r.table(data, "", "keymap").items():
        if isinstance(keys, str):
            keymap[binding_id] = keys
        else:
            reason = f"should be text like 'ctrl+y', found {_kind(keys)}"
            problems.append(r.fail(f"keymap.{binding_id}", reason))
    defaults = Settings()
    return Settings(
        profile=profile,
        default_tone=r.text(data, "", "default_tone", defaults.default_tone),
        theme=r.text(data, "", "theme", defaults.theme),
        keymap=keymap,
        problems=problems,
    )


# ---------------------------------------------------------------- writing


def _drop_none(value: Any) -> Any:
    """tomli-w cannot write None: a missing key means None when read back."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def _interviewer_dict(person: Interviewer) -> dict[str, str]:
    shape = {"name": person.name, "title": person.title, "email": person.email}
    if person.notes:  # optional: a draft without any stays as format 1 always wrote it
        shape["notes"] = person.notes
    return shape


def _notes_dict(notes: Notes) -> dict[str, str]:
    # answers are optional, written only when there are some (see _interviewer_dict)
    return {f: getattr(notes, f) for f in NOTE_FIELDS if f != "answers" or notes.answers}


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    """The TOML shape of a draft."""
    iv = draft.interview
    shape: dict[str, Any] = _drop_none(
        {
            "format": FORMAT_VERSION,
            "stage": draft.stage,
            "tone": draft.tone,
            "outcome": draft.outcome,
            "outcome_at": draft.outcome_at,
            "interview": {
                "company": iv.company,
                "role": iv.role,
                "when": iv.when,
                "format": iv.format,
                "decision_by": iv.decision_by,
                # only while the field holds text that could not be read
                "when_text": iv.when_text or None,
                "decision_text": iv.decision_text or None,
            },
            "interviewers": [_interviewer_dict(i) for i in draft.interviewers],
            "notes": _notes_dict(draft.notes),
            "edits": {k: {"subject": e.subject, "body": e.body} for k, e in draft.edits.items()},
            "ticks": dict(draft.ticks),
            "proofread": dict(draft.proofread),
            "sent": [{"stage": s.stage, "at": s.at, "to": s.to} for s in draft.sent],
        }
    )
    return shape


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The TOML shape of config.toml."""
    p = settings.profile
    return {
        "default_tone": settings.default_tone,
        "theme": settings.theme,
        "profile": {
            "name": p.name,
            "email": p.email,
            "phone": p.phone,
            "links": list(p.links),
            "sign_off": p.sign_off,
        },
        "keymap": dict(settings.keymap),
    }


def dump_draft(draft: Draft) -> str:
    """The draft as TOML text."""
    import tomli_w  # only when saving: `render`, `check` and `list` never write

    return tomli_w.dumps(draft_to_dict(draft))


def save_draft(path: Path, draft: Draft) -> None:
    """Write a draft atomically."""
    atomic_write(path, dump_draft(draft).encode("utf-8"))


def update_draft(path: Path, change: Callable[[Draft], T]) -> T:
    """Read a draft, apply `change` to it and write it back, all under the draft's lock.

    Commands run at the same moment (thirty `followup-tui sent`) each see the others' writes.
    """
    with locked(path):
        draft = load_draft(path)
        result = change(draft)
        save_draft(path, draft)
    return result


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write config.toml atomically, keeping the user's comments and keys unknown to the app."""
    from followup_tui.settings_file import updated_text

    path = path or paths.config_file()
    atomic_write(path, updated_text(path, settings_to_dict(settings)).encode())
