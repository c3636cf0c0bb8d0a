"""Spelling against a real English dictionary (pyspellchecker's word list), loaded on first use.

The dictionary takes a noticeable moment to load, so it is read the first time an email's
spelling is judged, never when the package is imported: `render` and `list` never pay for it.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from followup_tui.practices.context import wordset

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_lock = threading.Lock()
_checker: SpellChecker | None = None
_waiting = False  # the dictionary is loading in the background: do not wait for it

# Words of the job hunt that the dictionary (built from everyday text) lacks: a warning on
# them would teach the user to ignore the practice.
FIELD_WORDS = wordset(
    "analytics backend frontend fullstack onboarding offboarding codebase dataset datasets "
    "workflow workflows roadmap roadmaps devops fintech healthtech edtech microservice "
    "microservices kubernetes hackathon upskilling reskilling runbook runbooks dashboarding "
    "refactor refactoring refactored deployment deployments scalable scalability "
    "observability stakeholder stakeholders teammate teammates cybersecurity "
    "frameworks middleware pipelines webinar webinars ecommerce omnichannel "
    "linkedin github gitlab javascript typescript postgres python golang cafe cafes naive "
    "cliche facade decor"
)
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_ADDRESS_RE = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|io|dev)\S*")
# How often a word occurs in the dictionary's source text for it to count as everyday English.
_COMMON = 1000
_SUFFIXES = ("s", "es", "ed", "d", "ing")
# British spellings, turned American: the dictionary knows "color" and "organize" only.
_BRITISH = (
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful|hood|ly)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=e[sd]?$|ing$|ation|ations$|er$|ers$)"), "iz"),
    (re.compile(r"ys(?=e[sd]?$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=[aeiou][lp])l(?=ed$|ing$|er$|ers$)"), ""),
    (re.compile(r"(?<=[pn])ae|(?<=[pn])oe"), "e"),
    (re.compile(r"ence(?=s?$)"), "ense"),
    (re.compile(r"mme(?=s?$)"), "m"),
    (re.compile(r"que(?=s?$)"), "ck"),
    (re.compile(r"^mould"), "mold"),
)


def dictionary() -> SpellChecker:
    """The English dictionary, loaded once (thread-safe: the app judges off the UI thread)."""
    global _checker
    with _lock:
        if _checker is None:
            _checker = _load_english()
        return _checker


def _load_english() -> SpellChecker:
    """pyspellchecker's English word list, as `SpellChecker(language="en")` loads it, but
    parsed a slice at a time: one `json.loads` of the whole list holds the interpreter lock
    throughout, and the app's screen froze meanwhile; between slices the UI thread runs."""
    import gzip
    import json
    import pkgutil

    from spellchecker import SpellChecker

    packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    if packed is None:  # a loader that cannot read package data: let the library try
        return SpellChecker(language="en", distance=1)
    text = gzip.decompress(packed).decode("utf-8").strip()
    words: dict[str, int] = {}
    try:
        for part in _json_slices(text):
            words.update(json.loads(part))
    except ValueError:  # a list laid out other than expected: parse it whole
        words = json.loads(text)
    checker = SpellChecker(language=None, distance=1)
    checker.word_frequency.load_json(words)
    return checker


def _json_slices(text: str, size: int = 1 << 16) -> Iterable[str]:
    """A JSON object of one entry a line (`{"a": 1,\n"b": 2}`), as objects of about `size`
    characters each."""
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not a JSON object")
    start, end = 1, len(text) - 1
    while start < end:
        cut = text.find(",\n", start + size, end)
        if cut < 0:
            cut = end
        yield "{" + text[start:cut] + "}"
        start = cut + 1


def do_not_wait() -> None:
    """From now until `load_in_background` has loaded it, never wait for the dictionary.

    Meanwhile `misspelt` answers None ("not checked yet") and `is_common_word` False. The app
    says so as it starts, so that opening it never waits for the dictionary; the command
    line does not, and waits.
    """
    global _waiting
    _waiting = True


def load_in_background(loaded: Callable[[], None]) -> None:
    """Load the dictionary on a thread of its own, then call `loaded` (on that thread)."""

    def load() -> None:
        global _waiting
        try:
            dictionary()
        finally:
            _waiting = False  # loaded, or failed: then the next use tries again and says why
        loaded()

    threading.Thread(target=load, name="spelling-dictionary", daemon=True).start()


def is_loaded() -> bool:
    """True once the dictionary is in memory (it may still be loading in the background)."""
    return _checker is not None


def _available() -> SpellChecker | None:
    """The dictionary; None until it is loaded, after `do_not_wait`."""
    if _waiting and _checker is None:
        return None
    return dictionary()


def is_common_word(word: str) -> bool:
    """Whether the lower-cased word is an everyday English word (not an acronym or a name)."""
    checker = _available()
    return checker is not None and checker.word_frequency[word.lower()] >= _COMMON


def _candidates(text: str) -> Iterable[str]:
    """The words of the text worth checking: lower-case, or capitalised to start a sentence.

    A capital letter inside a sentence or at the start of a line marks a name (a company, a
    product, a person in the greeting or the signature): the dictionary cannot judge those.
    """
    for line in text.splitlines():
        yield from _line_candidates(line)


# A key changes one line of the email: the others are read as before.
@functools.lru_cache(maxsize=4096)
def _line_candidates(line: str) -> tuple[str, ...]:
    line = _ADDRESS_RE.sub(" ", line)
    out: list[str] = []
    for m in _TOKEN_RE.finditer(line):
        word = m.group()
        if "'" in word or "\u2019" in word or len(word) < 4:
            continue  # contractions and possessives, short words and initials
        if word.islower():
            out.append(word)
        elif word[0].isupper() and word[1:].islower():
            before = line[: m.start()].rstrip()
            if before and before[-1] in ".!?":
                out.append(word.lower())
    return tuple(out)


_APOSTROPHES = "'\u2019"


def word_at(line: str, column: int) -> str:
    """The word the cursor at `column` of `line` is in or touches, "" between words.

    While a word is typed each key makes a new one ("stre", "strea"...), and many of those are
    a letter from an everyday word: that word is judged once the user leaves it or pauses.
    """
    start = column
    while start > 0 and (line[start - 1].isalpha() or line[start - 1] in _APOSTROPHES):
        start -= 1
    end = column
    while end < len(line) and (line[end].isalpha() or line[end] in _APOSTROPHES):
        end += 1
    return line[start:end].strip(_APOSTROPHES)


def misspelt(text: str, known: Iterable[str] = ()) -> list[str] | None:
    """The words of the text the dictionary does not know but knows a near spelling of.

    None while the dictionary is loading in the background (`load_in_background`).
    """
    words = list(dict.fromkeys(_candidates(text)))
    if not words:
        return []
    checker = _available()
    if checker is None:
        return None
    skip = {w.lower() for w in known}
    return [w for w in words if w not in FIELD_WORDS and w not in skip and _is_slip(checker, w)]


# The words of an email are the same from one key to the next; the dictionary, once loaded,
# never changes.
@functools.lru_cache(maxsize=8192)
def _is_slip(checker: SpellChecker, word: str) -> bool:
    """Whether a lower-case word is unknown to the dictionary but one letter from an
    everyday word: a slip, not a word the dictionary lacks."""
    if checker.known([word]) or any(
        word.endswith(s) and checker.known([word[: -len(s)]]) for s in _SUFFIXES
    ):
        return False
    american = word
    for pattern, repl in _BRITISH:
        american = pattern.sub(repl, american)
    if american != word and checker.known([american]):
        return False
    # A slip sits one letter from an everyday word; a rare neighbour ("arista" for
    # "barista") means the word is just missing from the dictionary. A plural or a past
    # tense one letter away is the dictionary's gap too, not a slip. The neighbours are
    # looked up in the counts directly: `candidates` runs Python code for each of hundreds.
    counts = checker.word_frequency.dictionary
    return any(
        counts.get(c, 0) >= _COMMON  # the word itself is not known, so never counts here
        and word not in {c + s for s in _SUFFIXES}
        and c not in {word + s for s in _SUFFIXES}
        for c in checker.edit_distance_1(word)
    )
