"""Reading a note as typed: its items, each item's shape and person, and its forms for an email.

A note field is split into items (lines, semicolons, bullets, sentences). Each item is tidied
(a lone "i", doubled or stray punctuation, spaces) and its lead-in is dropped ("I talked
about", "we discussed", "they said", "forgot to mention", "she was worried that"). What is
left is read as a phrase (fits "our conversation about ..."), a clause (stands as a sentence,
or follows "that"), a question, or a fragment no slot can take.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from followup_tui.prose.person import name_to_you, to_you
from followup_tui.prose.words import (
    CONJUNCTIONS,
    CONTRACTED,
    FINITE,
    PAST_VERBS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
    first_word,
)
from followup_tui.text import clean_line as clean


class Shape(StrEnum):
    """What kind of text an item is, once its lead-in is gone."""

    PHRASE = "phrase"
    CLAUSE = "clause"
    QUESTION = "question"
    FRAGMENT = "fragment"


class Person(StrEnum):
    """Who a clause is about: its grammatical subject."""

    NONE = "none"
    FIRST = "first"
    SECOND = "second"
    THIRD = "third"


# Longest note item a slot takes whole; a longer one is cut at its first sentence or comma.
MAX_PHRASE_WORDS = 16
MAX_SENTENCE_WORDS = 32

_BULLET = re.compile(r"^(?:[-*+\u2022\u2013\u2014>]+\s*|\d{1,3}[.)]\s+|\[[ xX]?\]\s*)")
# a sentence ends at . ! or ? before a space, unless the word is a short abbreviation
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Dr|Mr|Ms|vs|St|Mx|Jr|Sr|eg|ie))(?<!\be\.g)(?<!\bi\.e)([.!?]+)\s+(?=\S)"
)
_WHO = r"(?P<who>she|he|they|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
_THAT = r"(?:\s+that)?"
_SAY = r"(?:mention|say|tell\s+\w+|add|bring\s+up|talk\s+about|clarify)"
_SAID = r"(?:mention(?:ed)?|said|say|brought\s+up|bring\s+up|talk(?:ed)?\s+about)"
_WORRIED = r"(?:worried|concerned|unsure|skeptical|sceptical|hesitant|nervous)"
_REPORTED = r"(?:said|mentioned|explained|told\s+me|thinks|thought|felt|feels|noted|shared)"
_TALKED = (
    r"(?:talked|spoke|chatted|went\s+over|went\s+through|discussed|covered|touched\s+on"
    r"|got\s+into|compared|debated|explored|reviewed|looked\s+at|brainstormed"
    r"|explained|described|presented|walked\s+(?:them|her|him)\s+through|showed\s+(?:them|her|him))"
)
_LIKED = r"(?:loved|liked|enjoyed|appreciated|was\s+impressed\s+by|was\s+excited\s+by)"
_HEARING = r"(?:\s+(?:that|how|hearing(?:\s+about|\s+that)?|learning(?:\s+about|\s+that)?))?"
_FORGOT = r"(?:i\s+|we\s+)?(?:really\s+)?(?:forgot|forget|neglected|failed)"
_DIDNT = r"(?:i\s+)?(?:should\s+have|should've|didn't|did\s+not|never)\s+(?:get\s+to\s+)?"
_WAS = r"(?:was|were|is|are|seemed|seems|sounded)\s+(?:a\s+(?:bit|little)\s+)?"
_LEADS: tuple[tuple[str, str], ...] = (
    # (pattern, what the lead says about the rest): the first match wins
    (rf"{_FORGOT}\s+to\s+{_SAY}{_THAT}", "missed"),
    (rf"{_DIDNT}{_SAID}{_THAT}", "missed"),
    (rf"(?:i\s+)?(?:meant|wanted|want)\s+to\s+{_SAY}{_THAT}", "missed"),
    (r"(?:forgot|missed|to\s+clarify|clarify)\s*:", "missed"),
    (rf"{_WHO}\s+{_WAS}{_WORRIED}{_THAT}", "concern"),
    (rf"{_WHO}\s+(?:asked|wondered|questioned)(?:\s+(?:about|whether|if))?", "asked"),
    (rf"{_WHO}\s+{_REPORTED}{_THAT}", "said"),
    (r"(?:concern|worry|worried|concerned)(?:\s+(?:about|that|re|over)|\s*:)", "concern"),
    (rf"(?:i\s+|we\s+)?(?:really\s+)?{_TALKED}(?:\s+(?:about|through|over|on))?", "talked"),
    (rf"(?:i\s+)?(?:really\s+)?{_LIKED}{_HEARING}", "liked"),
)  # fmt: skip
_LEAD_RES = [(re.compile(rf"^{p}\b[\s,:]*", re.IGNORECASE), kind) for p, kind in _LEADS]
# lead-ins whose rest is the content itself: "how" / "that" stay for a wh phrase only
_LONE_I = re.compile(r"(?<![\w'\u2019])i(?=(?:['\u2019](?:m|ve|d|ll)\b)|(?![\w'\u2019]))")
_GERUND_OR_FUNCTION = re.compile(
    r"^(?:the|a|an|my|our|your|their|his|her|its|this|that|these|those|some|any|how|what|why|"
    r"where|when|whether|who|which|\w+ing)$",
    re.IGNORECASE,
)


def tidy(text: str) -> str:
    """Fix what any typed line may hold: a lone "i", doubled or stray punctuation, spaces."""
    text = clean(text)
    text = _LONE_I.sub("I", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)  # "word ," -> "word,"
    text = re.sub(r"([!?])[.!?]+", r"\1", text)  # "!." "?!" "!!!" -> one mark
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # ".." but not "..."
    text = re.sub(r"([,;:])[,;:.]+", r"\1", text)
    text = re.sub(r"\.[,;:]", ".", text)
    text = re.sub(r"([,;:])(?=[A-Za-z])", r"\1 ", text)
    return text.strip()


def split_items(text: str) -> list[str]:
    """A note split into items: lines, semicolons, bullets and sentences; empty ones dropped."""
    return list(_split_items(text))


# Memoised, as pure functions of the text: every key renders each email of the draft from all
# of its notes again, and only one item of one note has changed.
@functools.lru_cache(maxsize=4096)
def _split_items(text: str) -> tuple[str, ...]:
    items: list[str] = []
    for line in re.split(r"[\n;]", text):
        # Line by line, so that a key re-splits only the line it is typed in.
        trailing, own = _split_line(line)
        if items and trailing:
            items[-1] += trailing
        items += own
    return tuple(items)


@functools.lru_cache(maxsize=8192)
def _split_line(line: str) -> tuple[str, tuple[str, ...]]:
    """A line's items, and the stray marks before its first item (they end the item before)."""
    trailing = ""
    items: list[str] = []
    line = _BULLET.sub("", line.strip())
    for part in _SENTENCE_END.split(line):
        if part and not re.fullmatch(r"[.!?]+", part):
            part = tidy(part)
            if part.strip(" .,;:!?-"):
                items.append(part)
        elif items:
            items[-1] += part
        else:
            trailing += part
    return trailing, tuple(items)


@dataclass(frozen=True)
class Note:
    """One item of a note, read: its tidied text, shape, subject's person and lead-in."""

    typed: str
    text: str  # without the lead-in and the final mark
    shape: Shape
    person: Person
    lead: str  # "missed", "concern", "asked", "said", "talked", "liked" or ""
    who: str  # who a "she said" / "she was worried" lead names ("she", "Helen"), or ""
    exclaimed: bool = False

    # Worked out once per note: a read note is memoised per item and met again at every key.
    @functools.cached_property
    def words(self) -> int:
        """How many words the note has."""
        return len(self.text.split())

    @functools.cached_property
    def phrase(self) -> str:
        """The note as a noun phrase ("the co-teaching model"), or "" when it is not one."""
        if self.shape is not Shape.PHRASE or self.words > MAX_PHRASE_WORDS:
            return ""
        return self.text

    @functools.cached_property
    def clause(self) -> str:
        """The note as a clause to follow "that", or "" when it is not one (or too long)."""
        if self.shape is not Shape.CLAUSE or self.words > MAX_SENTENCE_WORDS:
            return ""
        return _lower_first(self.text)

    @functools.cached_property
    def fact(self) -> str:
        """The clause when it is about them or the work, not the user (for "hearing that ...")."""
        return self.clause if self.person is not Person.FIRST else ""

    @functools.cached_property
    def sentence(self) -> str:
        """The note as a sentence of its own, capitalised and closed, or ""."""
        if self.shape not in (Shape.CLAUSE, Shape.QUESTION) or self.words > MAX_SENTENCE_WORDS:
            return ""
        end = "?" if self.shape is Shape.QUESTION else "."
        return _upper_first(self.text) + end

    @functools.cached_property
    def usable(self) -> bool:
        """True when some slot can take the note as it is."""
        return bool(self.phrase or self.clause or self.sentence)

    def __bool__(self) -> bool:
        return self.usable

    def __str__(self) -> str:
        return self.phrase or self.clause or ""


@functools.lru_cache(maxsize=4096)
def read_note(item: str) -> Note:
    """Read one note item (see the module's docstring)."""
    typed = item
    text = tidy(item)
    question = text.endswith("?")
    exclaimed = text.endswith("!")
    text = re.sub(r"[\s.!?,;:\u2026-]+$", "", text).strip()
    lead, who = "", ""
    for regex, kind in _LEAD_RES:
        m = regex.match(text)
        if m and m.end() < len(text):
            lead = kind
            who = (m.groupdict().get("who") or "").strip()
            text = text[m.end() :].strip()
            break
    if first_word(text) in CONJUNCTIONS and len(text.split()) > 1:
        text = text.split(None, 1)[1]
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE) if lead else text
    note = _classify(typed, text, question, exclaimed, lead, who)
    if lead == "said" and note.shape is Shape.PHRASE and first_word(text) not in WH_WORDS:
        # "she said the team owns its rota": what follows a reporting verb is a clause
        return Note(typed, text, Shape.CLAUSE, Person.THIRD, lead, who, exclaimed)
    return note


_LACKING = re.compile(r"^(?:no|limited|little|not\s+enough|not\s+much|less)\s+\S", re.IGNORECASE)


def as_lack(note: Note) -> Note:
    """A concern typed as a phrase of lack ("no PhD") as the clause it means ("I have no PhD")."""
    if note.shape is Shape.PHRASE and _LACKING.match(note.text):
        text = f"I have {_lower_first(note.text)}"
        return Note(note.typed, text, Shape.CLAUSE, Person.FIRST, note.lead, note.who)
    if note.shape is Shape.PHRASE and re.match(r"^(?:a\s+)?lack\s+of\s+\S", note.text, re.I):
        text = "I lack " + re.sub(r"^(?:a\s+)?lack\s+of\s+", "", note.text, flags=re.I)
        return Note(note.typed, text, Shape.CLAUSE, Person.FIRST, note.lead, note.who)
    return note


def _classify(typed: str, text: str, question: bool, exclaimed: bool, lead: str, who: str) -> Note:
    word = first_word(text)
    words = [w.strip("\"'(),.;:!?").lower() for w in text.split()]
    if not text:
        return Note(typed, "", Shape.FRAGMENT, Person.NONE, lead, who, exclaimed)
    if question:
        return Note(typed, text, Shape.QUESTION, _person(word), lead, who, exclaimed)
    contracted = CONTRACTED.match(text)
    if word in SUBJECT_PRONOUNS or contracted:
        pronoun = re.split(r"['\u2019]", word)[0]
        if len(words) < 2:
            return Note(typed, text, Shape.FRAGMENT, Person.NONE, lead, who, exclaimed)
        return Note(typed, text, Shape.CLAUSE, _person(pronoun), lead, who, exclaimed)
    if word in PAST_VERBS and lead in ("", "missed"):
        return Note(typed, "I " + text, Shape.CLAUSE, Person.FIRST, lead, who, exclaimed)
    if word in FINITE:  # "is the role remote" typed without its question mark
        return Note(typed, text, Shape.QUESTION, Person.NONE, lead, who, exclaimed)
    if word in WH_WORDS:
        return Note(typed, _lower_first(text), Shape.PHRASE, Person.NONE, lead, who, exclaimed)
    if word in _SUBJECTLESS:
        # "seemed nervous": a verb with its subject left out; who is meant is anyone's guess
        return Note(typed, text, Shape.FRAGMENT, Person.NONE, lead, who, exclaimed)
    head = words[1:]
    for i, w in enumerate(head):
        if w in _SUBORDINATORS:
            head = head[:i]
            break
    if any(w in FINITE for w in head):
        return Note(typed, text, Shape.CLAUSE, Person.THIRD, lead, who, exclaimed)
    if _GERUND_OR_FUNCTION.match(word) or word in ("a", "an"):
        text = _lower_first(text)
    return Note(typed, text, Shape.PHRASE, Person.NONE, lead, who, exclaimed)


# verbs that open a remark with its subject left out ("seemed nervous"): who is meant is a guess
_SUBJECTLESS = frozenset(
    {
        "seemed", "looked", "sounded", "felt", "appeared", "struggled", "stumbled", "rambled",
        "blanked", "hesitated", "forgot", "missed", "needed", "wanted", "asked", "said", "thought",
        "got", "was", "were", "am", "is", "are",
    }
)  # fmt: skip
_SUBORDINATORS = frozenset({"that", "which", "who", "whom", "how", "where", "when", "why", "if"})


def _person(pronoun: str) -> Person:
    if pronoun in ("i", "we"):
        return Person.FIRST
    if pronoun == "you":
        return Person.SECOND
    if pronoun in ("he", "she", "they"):
        return Person.THIRD
    return Person.NONE


def _lower_first(text: str) -> str:
    word = text.split()[0] if text.split() else ""
    if word in ("I",) or word.startswith(("I'", "I\u2019")):
        return text
    # Only an ordinary capitalised word loses its capital: "Python", "ELL", "McKinsey" keep it.
    if word[:1].isupper() and word[1:].islower() and _GERUND_OR_FUNCTION.match(word.strip(",")):
        return text[0].lower() + text[1:]
    if word[:1].isupper() and word[1:].islower() and word.lower() in SUBJECT_PRONOUNS:
        return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def to_reader(note: Note, reader_names: Sequence[str], *, about_reader: bool) -> Note:
    """The note with a remark about the reader turned to "you"; a fragment when not safe.

    `about_reader` says a he/she in the note can only mean the reader (one interviewer, or
    the note is the one the user wrote for that person); "they" is the reader's team anyway.
    A he/she that may mean someone else leaves the note out of the email (a fragment).
    """
    return _to_reader(note, tuple(reader_names), about_reader)


@functools.lru_cache(maxsize=4096)  # per item, like read_note: a key changes one item
def _to_reader(note: Note, reader_names: tuple[str, ...], about_reader: bool) -> Note:
    text = name_to_you(note.text, list(reader_names)) if reader_names else note.text
    singular = bool(_HE_SHE.search(text))
    if singular and not about_reader:
        return Note(note.typed, text, Shape.FRAGMENT, note.person, note.lead, note.who)
    person = note.person
    if singular or _THEY.search(text):
        text = to_you(text, singular=singular and first_word(text) not in ("they", "you"))
    if first_word(text) in ("you", "you're", "you\u2019re"):
        person = Person.SECOND
    return Note(note.typed, text, note.shape, person, note.lead, note.who, note.exclaimed)


_HE_SHE = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.IGNORECASE)
_THEY = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)


def read_items(text: str) -> list[Note]:
    """Every item of a note field, read."""
    return [note for note in map(read_note, split_items(text)) if note.text]
