"""People's names: honorifics, and how a name is split for a greeting (one list for all)."""

from __future__ import annotations

from dataclasses import dataclass

# Titles that come before a name. Rendering and the checklist both read this one set, so a
# greeting the app writes is never one the checklist calls a bare honorific.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "lord"}
)


# Words that open a surname of more than one word ("van Beethoven", "Ó Briain", "de la Cruz").
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "ó",
     "mac", "mc", "bin", "binti", "al", "el", "ter", "ten", "dos", "das", "ní", "nic", "ua"}
)  # fmt: skip


def is_honorific(word: str) -> bool:
    """True for "Dr.", "ms", "Professor" and the like (a title, not a name)."""
    return word.rstrip(".").lower() in HONORIFICS


@dataclass(frozen=True)
class PersonName:
    """A name as typed, split into an optional honorific, given names and a surname."""

    honorific: str
    given: str
    surname: str
    middle: str = ""  # names between ("Văn" in "Nguyễn Văn An"): kept in the full name

    @classmethod
    def parse(cls, name: str) -> PersonName:
        """Split a typed name: "Dr. Helen Okafor" gives ("Dr.", "Helen", "Okafor")."""
        words = name.split()
        honorific = words.pop(0) if words and is_honorific(words[0]) else ""
        if not words:
            return cls(honorific, "", "")
        if len(words) == 1:
            # "Dr. Okafor": a title with one word is a surname; "Priya" alone is a given name.
            return cls(honorific, "", words[0]) if honorific else cls("", words[0], "")
        middle, surname = words[1:-1], [words[-1]]
        # "Zoë Ó Briain", "Ludwig van Beethoven": a particle belongs to the surname
        while middle and middle[-1].lower().rstrip("'\u2019") in _PARTICLES:
            surname.insert(0, middle.pop())
        return cls(honorific, words[0], " ".join(surname), " ".join(middle))

    @property
    def full(self) -> str:
        """The name without its honorific ("Helen Okafor")."""
        return " ".join(w for w in (self.given, self.middle, self.surname) if w)

    def formal(self) -> str:
        """A formal greeting's name: "Dr. Okafor" with a title, else the full name; "" if none."""
        if self.honorific and self.surname:
            return f"{self.honorific} {self.surname}"
        return self.full

    def informal(self) -> str:
        """A warm greeting's name: the given name; someone typed with a title keeps it."""
        return self.formal() if self.honorific else self.given
