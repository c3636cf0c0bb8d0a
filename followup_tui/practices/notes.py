"""Finding the user's notes in the email: what `personal`, `qualifications`, `concerns` and
`missed` share."""

from __future__ import annotations

import re
from functools import lru_cache

from followup_tui.model import Draft, Email
from followup_tui.practices.context import (
    WORD_RE,
    Context,
    has_phrase,
    one_line,
    quote,
    word_starts,
    wordset,
)
from followup_tui.practices.table import Status, Verdict

_ITEM_SPLIT_RE = re.compile(r"[\n;]+|[.!?](?:\s+|$)")
STOPWORDS = wordset(
    "about above after again against also although among another anything around asked "
    "because been before being below between both cannot could didn does doing done down "
    "during each either else enough even ever every felt from further gave give going great "
    "have having here hers herself himself into itself just know last least less like made "
    "make many maybe mention mentioned might more most much must myself need never next "
    "once only other ought ours ourselves over quite rather really said same seem seemed "
    "several should since some such sure tell than that their theirs them themselves then "
    "there these they thing things think this those though thought through told too under "
    "until upon very want wanted were what when where whether which while will wish with "
    "within without would your yours yourself forgot forget clarify discussed talked "
    "asked liked loved they'd"
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _stem(word: str) -> str:
    """A light stem, so "pipelines" meets "pipeline" and "moving" meets "move"."""
    n = len(word)
    if (n > 5 and word.endswith("ing")) or (n > 5 and word.endswith("ed")):
        word = word[: -3 if word.endswith("ing") else -2]
        if word[-1] == word[-2] and word[-1] not in "aeiouylsz":  # "shipped" -> "ship"
            word = word[:-1]
    elif n > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif n > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif n > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=512)
def _note_items(text: str) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """The items of a note (lines, sentences, ;-parts), each with the words worth looking for.

    A word is (stem, whole): short acronyms and numbers must appear as whole words; a stem may
    begin a longer word of the email ("partition" finds "partitioning"). Cached: notes change
    far less often than the email is judged.
    """
    return tuple(
        (item.strip(), words) for item in _ITEM_SPLIT_RE.split(text) if (words := _item_words(item))
    )


@lru_cache(maxsize=4096)
def _item_words(item: str) -> tuple[tuple[str, bool], ...]:
    """The words of one item worth looking for (cached too: a key changes one item)."""
    words: list[tuple[str, bool]] = []
    for token in WORD_RE.findall(item):
        lower = token.lower()
        if lower in STOPWORDS:
            continue
        if len(lower) >= 4:
            word = (_stem(lower), False)
        elif len(token) >= 2 and (token.isupper() or any(ch.isdigit() for ch in token)):
            word = (lower, True)
        else:
            continue
        if word not in words:
            words.append(word)
    return tuple(words)


def _has_word(text: str, stem: str, whole: bool) -> bool:
    """Whether a word of the text begins with the stem (or is it, when whole)."""
    if whole:
        return has_phrase(text, stem)
    return next(word_starts(text, stem), None) is not None


def notes_match(c: Context, text: str) -> tuple[bool, bool, str]:
    """(has items, some item found in the body, that item) for one or more note fields."""
    items = _note_items(text)
    for item, words in items:
        need = max(min(2, len(words)), (len(words) + 1) // 2)
        if sum(_has_word(c.lower_body, stem, whole) for stem, whole in words) >= need:
            return True, True, item
    return bool(items), False, ""


def from_notes(c: Context, text: str, *, none: Verdict, missing: Verdict, found: str) -> Verdict:
    """Pass when an item of the note is in the email; `none` with no note, else `missing`."""
    if not text.strip():
        return none
    has_items, ok, item = notes_match(c, text)
    if not has_items:
        return none
    if ok:
        return Status.PASS, f"{found} {quote(item.strip())}"
    return missing


def in_panel(c: Context, text: str, *, verdict: Verdict, done: str) -> Verdict:
    """A failed verdict turned into a pass when another email of the panel covers the note.

    In a panel the concern and the missed point belong in one email (usually the lead's), not
    in every one: this email need not repeat what a colleague's email already says.
    """
    if verdict[0] != Status.FAIL:
        return verdict
    for other in c.others():
        seen = Context(other, c.draft, c.profile, c.now, None)
        if notes_match(seen, text)[1]:
            return Status.PASS, f"{done} in {email_to(c.draft, other)}"
    return verdict


def email_to(draft: Draft | None, email: Email) -> str:
    """ "the email to Priya Raman", else "the first interviewer's email" (or the second's...)."""
    name = ""
    if draft is not None and 0 <= email.interviewer < len(draft.interviewers):
        name = " ".join(draft.interviewers[email.interviewer].name.split())
    if not name:
        # Imported here: email.utils costs more at start-up than the rest of this package.
        from email.utils import parseaddr

        display, address = parseaddr(email.to)
        name = " ".join(display.split()) or address.strip()
    if name:
        return f"the email to {one_line(name, 40)}"
    n = email.interviewer
    if 0 <= n < len(_ORDINALS):
        return f"the {_ORDINALS[n]} interviewer's email"
    return f"the email to interviewer {n + 1}"
