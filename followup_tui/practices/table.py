"""What every practice shares: the statuses and their glyphs, a practice, a result, a verdict."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How an email fares on one practice (a str, so "pass" == Status.PASS)."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NA = "n/a"
    TODO = "todo"
    DONE = "done"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
# One glyph per status, always shown beside the status word (never colour alone).
GLYPHS: dict[str, str] = {
    "pass": "\u2713",  # check mark
    "warn": "!",
    "fail": "\u2717",  # ballot x
    "n/a": "-",
    "todo": "\u2610",  # ballot box
    "done": "\u2611",  # ballot box with check
}

G0 = "guide 000: The Importance of Following Up After a Job Interview"
G1 = "guide 001: Should I Follow Up After My Job Interview?"
G2 = "guide 002: (untitled) why following up after a job interview matters"
G3 = "guide 003: The Art of Following Up After a Job Interview"


@dataclass(frozen=True)
class Practice:
    """One item of the checklist."""

    id: str
    title: str
    guide: str
    manual: bool
    hint: str = ""


@dataclass(frozen=True)
class Result:
    """How one email fares on one practice."""

    id: str
    status: str
    reason: str
    guide: str


# A judge's answer: (status, one-line reason).
Verdict = tuple[Status, str]
