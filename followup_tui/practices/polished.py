"""Practice `polished` (manual): spelling, names as in the notes, prose that reads right."""

from __future__ import annotations

import dataclasses
import difflib
import re
from itertools import pairwise

from followup_tui.context import unplaced_notes
from followup_tui.model import Draft
from followup_tui.practices.context import (
    PUNCT,
    WORD_RE,
    Context,
    fold,
    quote,
    word_starts,
    wordset,
)
from followup_tui.practices.notes import STOPWORDS
from followup_tui.practices.spelling import misspelt
from followup_tui.practices.table import G3, Practice, Status, Verdict
from followup_tui.proofread import ticked
from followup_tui.prose.lint import lint_email

PRACTICE = Practice(
    "polished", "Proofread, names spelled right", G3, True,
    "Fix the words flagged, read it aloud once, compare names with your notes, then tick.",
)  # fmt: skip

_DOMAIN_RE = re.compile(r"\w\.\w")
# Lower-case words that are also first names: "will" in a sentence is not a misspelt "Will".
_NAME_WORDS = wordset(
    "will may grace hope joy rose mark bill frank grant dean june april summer faith art pat "
    "sue rich guy drew chase hunter mason page long young bell king white brown black green "
    "wood hill stone price rice park lee rob jack sky ray dawn eve"
)
_COMMON_WORDS = _NAME_WORDS | STOPWORDS


def _name_targets(draft: Draft) -> list[str]:
    """Company and interviewer names whose spelling the email should keep."""
    targets: list[str] = []
    company = " ".join(draft.interview.company.split())
    if len(company) >= 2:
        targets.append(company)
    for person in draft.interviewers:
        parts = person.name.split()
        for t in (" ".join(parts), *(parts[:1] + parts[-1:] if len(parts) > 1 else [])):
            if len(t) >= 2 and t not in targets:
                targets.append(t)
    return targets


def _bare_word(word: str) -> str:
    """A word without the punctuation around it or a possessive."""
    word = word.strip(PUNCT)
    return word[:-2] if word.endswith("'s") else word


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside an email address or a link."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end]
    return "@" in token or "://" in token or bool(_DOMAIN_RE.search(token.strip(PUNCT)))


def _miscapitalised(text: str, targets: list[str]) -> str:
    """A reason naming a name written in other capitals than in the notes, or ""."""
    lower = text.lower()
    if len(lower) != len(text):  # lower() changed some lengths: positions would not line up
        return ""
    for target in targets:
        low_target = target.lower()
        for i in word_starts(lower, low_target):
            j = i + len(target)
            seen = text[i:j]
            if seen == target or (j < len(text) and text[j].isalnum()):
                continue
            if _in_address(text, i, j):
                continue
            if " " not in target and seen.islower() and seen in _COMMON_WORDS:
                continue
            return f"{quote(seen)} is written {quote(target)} in your notes"
    return ""


def _near_miss(text: str, targets: list[str], unfinished: str = "") -> str:
    """A reason naming a likely misspelling of a name in the notes, or "" (a name still
    being typed, `unfinished`, is not one yet)."""
    lowered = {t.casefold() for t in targets}
    typing = unfinished.casefold()
    checked: set[tuple[str, str]] = set()
    for target in targets:
        if len(target) < 4:
            continue
        k = len(target.split())
        low_target = target.casefold()
        # Only capitalised words can be names, and a slip rarely changes the first letter.
        for initial in {target[0].upper(), fold(target[0]).upper()}:
            if not initial.isupper():
                continue
            for i in word_starts(text, initial):
                window = " ".join(_bare_word(w) for w in text[i : i + len(target) + 16].split()[:k])
                low = window.casefold()
                key = (low, low_target)
                if abs(len(low) - len(low_target)) > 2 or low in lowered or key in checked:
                    continue
                if typing and typing in low.split():
                    continue
                checked.add(key)
                sm = difflib.SequenceMatcher(None, low, low_target)
                close = sm.real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8
                if close and sm.ratio() >= 0.8 and not _in_address(text, i, i + len(window)):
                    return f"{quote(window)} looks like a misspelling of {quote(target)}"
    return ""


def _misspelt_name(c: Context, draft: Draft) -> str:
    """A reason naming a company or person written unlike the notes, or ""."""
    targets = _name_targets(draft)
    if not targets:
        return ""
    text = f"{c.subject}\n{c.body}"
    return _miscapitalised(text, targets) or _near_miss(text, targets, c.unfinished)


def _doubled_word(text: str) -> str:
    """The first word written twice in a row on one line ("the the"), or ""."""
    for line in text.lower().splitlines():
        for a, b in pairwise(line.split()):
            if a == b.rstrip(PUNCT) and a.isalpha():
                return f"{a} {a}"
    return ""


def _known_words(c: Context) -> list[str]:
    """Words the dictionary may lack but the user's own details vouch for."""
    parts: list[str] = []
    if c.draft is not None:
        parts += [c.draft.interview.company, c.draft.interview.role]
        for person in c.draft.interviewers:
            parts += [person.name, person.title, person.email]
    if c.profile is not None:
        p = c.profile
        parts += [p.name, p.email, p.sign_off, *p.links]
    return [w for part in parts for w in WORD_RE.findall(part)]


_WRAPPED_RE = re.compile(r"(?<=[^\s.!?:])[ \t]*\n[ \t]*(?=[a-z])")


def unwrap(body: str) -> str:
    """The body with hard-wrapped lines joined where a sentence runs on to the next line.

    A plain-text email is often wrapped at about 72 columns; the linter reads a line's start
    as a sentence's, so a line going on in lower case after no full stop is joined first.
    """
    return _WRAPPED_RE.sub(" ", body)


def judge(c: Context) -> Verdict:
    """Fail on a doubled word; warn on prose, a misspelt name or word; then the tick decides."""
    doubled = _doubled_word(c.subject) or _doubled_word(c.lower_body)
    if doubled:
        return Status.FAIL, f"doubled word {quote(doubled)}"
    # The prose linter reads the email as it will be sent, a hand edit included; length is
    # the `brief` practice's to judge.
    email = dataclasses.replace(c.email, body=unwrap(c.body))
    findings = [f for f in lint_email(email, c.draft) if f.code != "too-long"]
    if findings:
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        return Status.WARN, f"{findings[0]}{more}"
    if c.draft is not None:
        unplaced = [] if c.email.edited else unplaced_notes(c.draft)
        if unplaced:
            where, typed = unplaced[0]
            more = f" (and {len(unplaced) - 1} more)" if len(unplaced) > 1 else ""
            return Status.WARN, f"rephrase {quote(typed)} in {where}: it fits no sentence{more}"
    problem = _misspelt_name(c, c.draft) if c.draft is not None else ""
    if problem:
        return Status.WARN, problem
    words = misspelt(f"{c.subject}\n{c.body}", [*_known_words(c), c.unfinished])
    if words is None:
        return Status.TODO, "checking the spelling…"
    if words:
        shown = ", ".join(quote(w, 20) for w in words[:4])
        more = f" (and {len(words) - 4} more)" if len(words) > 4 else ""
        return Status.WARN, f"check the spelling of {shown}{more}"
    if c.draft is None:
        return Status.PASS, "no misspelt or doubled words (a dictionary cannot check sense)"
    if ticked(c.draft, c.email, "polished"):
        return Status.DONE, "proofread and ticked"
    return Status.TODO, "spelling checked: read it aloud once, then tick"
