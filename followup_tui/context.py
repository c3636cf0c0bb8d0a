"""What a template sees: the draft's facts and notes, read into forms that fit a sentence.

Every note item is read by `followup_tui.prose` (its shape and person, tidied, its lead-in
dropped) and reaches the template as a `Note` with `phrase` (for "our conversation about
..."), `clause` (for "... that ..."), `sentence` (a sentence of its own), each "" when the item
does not take that form. A remark about the reader is turned to "you" where that is safe.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from followup_tui.model import Draft, Interviewer, Profile
from followup_tui.names import PersonName
from followup_tui.prose.notes import (
    Note,
    Person,
    Shape,
    as_lack,
    read_items,
    to_reader,
)
from followup_tui.prose.words import article, join
from followup_tui.text import clean_line as clean
from followup_tui.timing import check_in_round

# A thank-you this long after the interview says it comes late.
LATE_AFTER = timedelta(hours=48)
# Items a list in an email holds at most: long notes are condensed to their first items.
MAX_LIST_ITEMS = 3
EMPTY = Note("", "", Shape.FRAGMENT, Person.NONE, "", "")
_ROLE_NOUN = re.compile(r"\s+(?:role|position|job|opening|vacancy|post)$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Sender:
    """The profile as templates see it: cleaned strings."""

    name: str
    email: str
    phone: str
    links: list[str]
    sign_off: str


@dataclass(frozen=True)
class Concern:
    """One concern raised, with the user's answer to it (`answer` is "" when none yet)."""

    note: Note
    answer: str  # the user's answer as sentences, or ""
    raised_by_reader: bool  # a he/she lead ("she was worried") that can only mean the reader

    def __bool__(self) -> bool:
        return self.note.usable

    @property
    def about(self) -> str:
        """What follows "about": "my notice period", "whether I can relocate"."""
        if self.note.phrase:
            return self.note.phrase
        if self.note.clause:
            link = "whether" if self.note.lead == "asked" else "the concern that"
            return f"{link} {self.note.clause}"
        return ""

    @property
    def you(self) -> str:
        """ "You asked about ..." or "You were concerned that ..." if the reader raised it."""
        if not self.raised_by_reader or not self.about:
            return ""
        if self.note.lead == "asked":
            link = "about " if self.note.phrase else ""
            return f"You asked {link}{self.about}."
        if self.note.phrase:
            return f"You were concerned about {self.note.phrase}."
        return f"You were concerned that {self.note.clause}."


def build_context(
    draft: Draft,
    profile: Profile,
    *,
    stage: str | None = None,
    tone: str | None = None,
    interviewer: int = 0,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The names a template sees (listed in `followup_tui.render`'s docstring)."""
    stage = draft.stage if stage is None else stage
    tone = draft.tone if tone is None else tone
    person = interviewer_at(draft, interviewer)
    reader = PersonName.parse(person.name)
    names = [n for n in (person.name, reader.full, reader.given, reader.surname) if n]
    alone = len(draft.interviewers) <= 1
    others = [
        name
        for i, other in enumerate(draft.interviewers)
        if i != interviewer and (name := PersonName.parse(clean(other.name)).full)
    ]
    iv = draft.interview
    company, role = clean(iv.company), role_name(iv.role)

    said = tuple(names)
    own = list(_slot_notes("topics", person.notes, said, True))
    topics = list(_slot_notes("topics", draft.notes.topics, said, alone))
    points = list(_slot_notes("resonated", draft.notes.resonated, said, alone))
    skills = list(_slot_notes("skills", draft.notes.skills, said, alone))
    concerns = list(_concerns(draft.notes.concerns, draft.notes.answers, said, alone))
    missed = list(_slot_notes("missed", draft.notes.missed, said, alone))
    now = now or datetime.now(iv.when.tzinfo if iv.when else None)
    context: dict[str, Any] = {
        "stage": stage,
        "tone": tone,
        "company": company,
        "role": role,
        "a_role": f"{article(role)} {role}" if role else "",
        "format": clean(iv.format),
        "role_phrase": _role_phrase(role, company),
        "team_phrase": f"the {company} team" if company else "your team",
        "day": iv.when.strftime("%A") if iv.when else "",
        "date": _day_month(iv.when) if iv.when else "",
        "month": iv.when.strftime("%B") if iv.when else "",
        "when_phrase": when_phrase(iv.when, now),
        "late": bool(iv.when and stage == "thank-you" and now - iv.when > LATE_AFTER),
        "decision_by": _long_date(iv.decision_by) if iv.decision_by else "",
        "round": check_in_round(draft),
        "interviewer": person,
        "greeting_name": reader.formal() if tone == "formal" else reader.informal(),
        "index": interviewer,
        "variant": 0 if interviewer == 0 else 1 + (interviewer - 1) % 3,
        "count": max(1, len(draft.interviewers)),
        "panel": len(draft.interviewers) > 1,
        "others": others,
        "others_text": join(others),
        "own": own[0] if own else EMPTY,
        "own_list": own[:MAX_LIST_ITEMS],
        "topic_list": topics[:MAX_LIST_ITEMS],
        "resonated_list": points[:MAX_LIST_ITEMS],
        "skill_list": skills[:MAX_LIST_ITEMS],
        "missed_list": missed[:MAX_LIST_ITEMS],
        "concern_list": concerns[:2],
        "concern": concerns[0] if concerns else Concern(EMPTY, "", False),
        "concerns_noted": bool(clean(draft.notes.concerns)),
        "missed": missed[0] if missed else EMPTY,
        "next_steps": clean(draft.notes.next_steps),
        "topic": _pick(topics, interviewer),
        "talk": _talk(own, topics, points, interviewer),
        "point": _pick(points, interviewer),
        "skill": _pick(skills, interviewer),
    }
    # "topics" and the other joined strings, for a user's own template written before notes
    # were read into forms: the usable items, joined.
    for name, items in (("topics", topics), ("resonated", points), ("skills", skills)):
        context[name] = join([str(n) for n in items[:MAX_LIST_ITEMS] if str(n)])
    context["concerns"] = join([str(c.note) for c in concerns if str(c.note)])
    sender = _sender(profile)
    context["profile"] = sender
    context["signature"] = _signature(sender)
    return context


# Memoised, as pure functions of a note's whole text (their results are immutable): a key
# changes one note field, and a long note in another is then not read again at every key.
@functools.lru_cache(maxsize=64)
def _slot_notes(
    field: str, text: str, names: tuple[str, ...], about_reader: bool
) -> tuple[Note, ...]:
    """The items of a note field that its slot in the email can take, turned to the reader.

    Each slot takes only the items that fit it: a question is no topic, a remark about them
    is no skill.
    """
    read = (to_reader(n, names, about_reader=about_reader) for n in read_items(text))
    return tuple(n for n in read if n.usable and fits(field, n))


def fits(field: str, note: Note) -> bool:
    """Whether a read note item has a form the email's slot for that note field can take."""
    if field in ("topics", "resonated"):
        return bool(note.phrase or note.fact)
    if field == "skills":
        return bool(note.phrase or note.person is Person.FIRST and note.sentence)
    return note.usable


# the form's names for the note fields, as the checklist quotes them
FIELD_LABELS = {
    "topics": "Topics discussed",
    "resonated": "What resonated with you",
    "skills": "Skills to highlight",
    "concerns": "Concerns raised",
    "missed": "Forgot or want to clarify",
}


def unplaced_notes(draft: Draft) -> list[tuple[str, str]]:
    """Note items no sentence of the email can take, as (where, the item as typed)."""
    alone = len(draft.interviewers) <= 1
    found: list[tuple[str, str]] = []
    for field, label in FIELD_LABELS.items():
        found += [(label, typed) for typed in _unfit(field, getattr(draft.notes, field), alone)]
    for person in draft.interviewers:
        where = f"Notes for {clean(person.name) or 'an interviewer'}"
        found += [(where, typed) for typed in _unfit("topics", person.notes, True)]
    return found


@functools.lru_cache(maxsize=64)
def _unfit(field: str, text: str, about_reader: bool) -> tuple[str, ...]:
    """The items of a note field, as typed, that its slot in the email cannot take."""
    found = []
    for note in read_items(text):
        note = as_lack(note) if field == "concerns" else note
        if not fits(field, to_reader(note, [], about_reader=about_reader)):
            found.append(note.typed)
    return tuple(found)


@functools.lru_cache(maxsize=64)
def _concerns(
    concerns: str, answers: str, names: tuple[str, ...], alone: bool
) -> tuple[Concern, ...]:
    """Each concern with the answer on the same line of the answers note."""
    found: list[Concern] = []
    lines = [line for line in concerns.split("\n") if line.strip()]
    answer_lines = [a for a in answers.split("\n") if a.strip()]
    lowered = _lower(names)
    for i, line in enumerate(lines):
        for note in read_items(line):
            who = note.who.lower()
            by_reader = (who in ("she", "he") and alone) or (bool(who) and who in lowered)
            note = to_reader(as_lack(note), names, about_reader=alone)
            if not note.usable:
                continue
            answer = _answer(answer_lines[i]) if i < len(answer_lines) else ""
            found.append(Concern(note, answer, by_reader))
    return tuple(found)


def _lower(names: tuple[str, ...]) -> set[str]:
    return {n.lower() for n in names}


def _answer(text: str) -> str:
    """The user's answer as sentences of their own: tidied, each capitalised and closed."""
    sentences = []
    for note in read_items(text):
        if note.sentence:
            sentences.append(note.sentence)
        elif note.phrase and note.shape is Shape.PHRASE:
            continue  # a bare phrase is no answer a sentence can carry
    return " ".join(sentences[:3])


def _talk(own: list[Note], topics: list[Note], points: list[Note], index: int) -> Note:
    """What this interviewer talked about, as a phrase: their own note first, else a topic."""
    for note in own:
        if note.phrase:
            return note
    phrases = [n for n in topics if n.phrase] or [n for n in points if n.phrase]
    return _pick(phrases, index)


def _pick(items: list[Note], index: int) -> Note:
    return items[index % len(items)] if items else EMPTY


def interviewer_at(draft: Draft, index: int) -> Interviewer:
    """The interviewer at `index`, cleaned; an empty one for a draft with nobody named."""
    if index < 0 or (index >= len(draft.interviewers) and index != 0):
        raise ValueError(
            f"no interviewer {index + 1}: the draft has {len(draft.interviewers)} interviewer(s)"
        )
    person = draft.interviewers[index] if draft.interviewers else Interviewer()
    return Interviewer(clean(person.name), clean(person.title), clean(person.email), person.notes)


def role_name(typed: str) -> str:
    """The role without a trailing "role" or "position", or a leading article."""
    role = _LEADING_ARTICLE.sub("", clean(typed))
    stripped = _ROLE_NOUN.sub("", role)
    return stripped or role


def _role_phrase(role: str, company: str) -> str:
    if role and company:
        return f"the {role} role at {company}"
    if role:
        return f"the {role} role"
    return f"the role at {company}" if company else "the role"


def _day_month(when: datetime | date) -> str:
    return f"{when.day} {when.strftime('%B')}"


def _long_date(day: date) -> str:
    return f"{day.strftime('%A')} {_day_month(day)}"


def when_phrase(when: datetime | None, now: datetime | None) -> str:
    """ "today", "yesterday", "on Tuesday" or "on 18 November": the interview, seen from now."""
    if when is None:
        return ""
    now = now or datetime.now(when.tzinfo)
    held = when.astimezone().date() if when.tzinfo else when.date()
    today = now.astimezone().date() if now.tzinfo else now.date()
    days = (today - held).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days <= 6:
        return f"on {when.strftime('%A')}"
    return f"on {_day_month(when)}"


def _sender(profile: Profile) -> _Sender:
    sign_off = clean(profile.sign_off).rstrip(",") or "Best regards"
    return _Sender(
        name=clean(profile.name),
        email=clean(profile.email),
        phone=clean(profile.phone),
        links=[clean(link) for link in profile.links if clean(link)],
        sign_off=sign_off,
    )


def _signature(sender: _Sender) -> str:
    lines = [f"{sender.sign_off},", sender.name, sender.email, sender.phone, *sender.links]
    return "\n".join(line for line in lines if line)
