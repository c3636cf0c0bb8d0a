"""Small word lists and helpers the prose package shares: pronouns, verbs, articles, joins."""

from __future__ import annotations

import re

SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "there"})
# contractions that open a clause ("i'm finishing...", "they're moving...")
CONTRACTED = re.compile(
    r"^(?:i|we|you|he|she|they|it|there|that)['\u2019](?:m|re|s|ve|ll|d)\b", re.IGNORECASE
)
# finite verbs that make a string a clause rather than a noun phrase
FINITE = frozenset(
    {
        "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can",
        "could", "should", "shall", "must", "might", "may", "does", "do", "did", "isn't",
        "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "can't",
        "couldn't", "doesn't", "don't", "didn't", "wouldn't", "shouldn't",
    }
)  # fmt: skip
WH_WORDS = frozenset({"how", "what", "why", "where", "when", "whether", "who", "which"})
# past-tense verbs that open a note with the "I" left out ("led a team of five")
PAST_VERBS = frozenset(
    {
        "led", "built", "ran", "managed", "designed", "shipped", "launched", "cut", "reduced",
        "increased", "grew", "wrote", "taught", "created", "developed", "improved", "mentored",
        "migrated", "automated", "delivered", "organised", "organized", "trained", "coached",
        "founded", "scaled", "saved", "won", "published", "handled", "negotiated",
        "implemented", "introduced", "redesigned", "rebuilt", "maintained", "coordinated",
        "supported", "analysed", "analyzed", "drove", "owned", "started", "helped", "worked",
        "spent", "tutored", "earned", "completed", "finished", "passed", "raised", "doubled",
        "halved", "set", "hired", "presented", "volunteered", "studied", "graduated",
        "co-taught", "co-founded", "oversaw", "directed", "established", "streamlined",
        "resolved", "lowered", "boosted", "achieved", "served", "received",
    }
)  # fmt: skip
# lower-case words that may stay lower-case at the start of an item: nothing; but these never
# start a sentence in the user's favour, so an item opening with one is a fragment
CONJUNCTIONS = frozenset({"and", "but", "or", "so", "because", "although", "though", "also"})
# acronyms read letter by letter whose first letter sounds like a vowel ("an HR role")
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
_CONSONANT_SOUND_PREFIXES = ("uni", "use", "usu", "eu", "one", "once", "ur")
_VOWEL_SOUND_PREFIXES = ("hour", "honest", "honou", "heir")


def article(phrase: str) -> str:
    """ "a" or "an" for the phrase that follows it ("an HR Manager", "a UX lead", "an hour")."""
    word = phrase.split()[0] if phrase.split() else ""
    letters = re.sub(r"[^A-Za-z0-9]", "", word)
    if not letters:
        return "a"
    if len(letters) > 1 and letters.isupper():  # an acronym: how its first letter sounds
        return "an" if letters[0] in _VOWEL_SOUND_LETTERS else "a"
    low = letters.lower()
    if low.startswith(_VOWEL_SOUND_PREFIXES):
        return "an"
    if low.startswith(_CONSONANT_SOUND_PREFIXES):
        return "a"
    if low[0] == "8" or low.startswith(("11", "18")):
        return "an"
    return "an" if low[0] in "aeiou" else "a"


def join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " and " + items[-1]


def first_word(text: str) -> str:
    """The first word, lower-case, without punctuation around it."""
    words = text.split()
    return words[0].strip("\"'()[],.;:!?").lower() if words else ""


def word_count(text: str) -> int:
    """Words as a reader counts them."""
    return len(text.split())
