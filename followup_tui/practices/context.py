"""One email under judgement with what it is judged against, and the text helpers judges share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cached_property

from followup_tui.model import Draft, Email, Profile

# Straight quotes for curly ones, so one pattern fits both.
_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))

WORD_RE = re.compile(r"[^\W_]+")
NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['.-][^\W\d_]+)*\.?")
PUNCT = ".,;:!?()[]{}<>\"'*_-"


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of a text, as a set."""
    return frozenset(text.split())


class Context:
    """One email under judgement, with what it is judged against; derived values computed once."""

    def __init__(
        self,
        email: Email,
        draft: Draft | None,
        profile: Profile | None,
        now: datetime,
        emails: Sequence[Email] | None,
        stage: str | None = None,
        unfinished: str = "",
    ) -> None:
        self.email = email
        self.draft = draft
        self.profile = profile
        self.now = now
        self.emails = emails
        self.stage = email.stage if stage is None else stage
        self.unfinished = unfinished
        """The word the user is typing now (`spelling.word_at`), "" if none: not judged yet."""
        self.subject = normalise(email.subject)
        self.body = normalise(email.body)

    @cached_property
    def lines(self) -> list[str]:
        """The body's non-empty lines, stripped."""
        return [s for s in (line.strip() for line in self.body.splitlines()) if s]

    @cached_property
    def sentences(self) -> list[str]:
        """The body's sentences, each on one line (a paragraph's wrapped lines joined)."""
        return sentences(self.body)

    @cached_property
    def lower_body(self) -> str:
        """The body lower-cased."""
        return self.body.lower()

    @cached_property
    def flat(self) -> str:
        """Subject and body lower-cased, every run of white space made one space."""
        return " ".join(f"{self.subject}\n{self.body}".lower().split())

    @cached_property
    def interviewer_name(self) -> str:
        """The name of the interviewer this email is for, from the draft; "" when unknown."""
        if self.draft is None:
            return ""
        people = self.draft.interviewers
        i = self.email.interviewer
        return " ".join(people[i].name.split()) if 0 <= i < len(people) else ""

    def others(self) -> list[Email]:
        """The interview's emails other than the one judged."""
        others = list(self.emails or [])
        for i, other in enumerate(others):
            if other is self.email:
                del others[i]
                return others
        if self.email in others:
            others.remove(self.email)
        return others


def normalise(text: str) -> str:
    """The text with one kind of line break and straight quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for curly, straight in _QUOTES:
            text = text.replace(curly, straight)
    return text


_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"(?<=[.?!])\s+")


def sentences(text: str) -> list[str]:
    """The text's sentences, each on one line: a paragraph's wrapped lines are joined first."""
    out: list[str] = []
    for paragraph in _PARAGRAPH_RE.split(text):
        flat = " ".join(paragraph.split())
        out += [s for s in _SENTENCE_END_RE.split(flat) if s]
    return out


def search(text: str, hints: tuple[str, ...], pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of the pattern, tried only where one of its hints occurs."""
    best: re.Match[str] | None = None
    for hint in hints:
        i = text.find(hint)
        while i >= 0 and (best is None or i < best.start()):
            m = pattern.match(text, i)
            if m:
                best = m
                break
            i = text.find(hint, i + 1)
    return best


def fold(text: str) -> str:
    """Lower case without accents, for lenient name matching."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def one_line(text: str, limit: int = 120) -> str:
    """The text on one printable line, cut to the limit."""
    flat = " ".join(text.split())
    if not flat.isprintable():
        flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quote(text: str, limit: int = 40) -> str:
    """The text on one line, cut and in double quotes, for a reason."""
    return f'"{one_line(text, limit)}"'


def word_starts(text: str, word: str) -> Iterator[int]:
    """Where the word begins a word of the text (found with str.find: far quicker than re)."""
    i = text.find(word)
    while i >= 0:
        if i == 0 or not text[i - 1].isalnum():
            yield i
        i = text.find(word, i + 1)


def has_phrase(text: str, phrase: str) -> bool:
    """Whether the phrase occurs in the text as whole words."""
    n = len(phrase)
    return any(i + n == len(text) or not text[i + n].isalnum() for i in word_starts(text, phrase))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Letters added, dropped, changed or swapped to turn a into b; at most `limit` + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return min(prev[-1], limit + 1)


def near_miss(seen: str, meant: str) -> bool:
    """Whether `seen` looks like a slip for `meant` (a letter or two off, same first letter)."""
    a, b = fold(seen), fold(meant)
    if a == b or len(b) < 4 or a[:1] != b[:1]:
        return False
    return edit_distance(a, b) <= (1 if len(b) <= 5 else 2)
