"""People's names: honorifics, and how a name is split for a greeting (one list for all)."""

from __future__ import annotations

from dataclasses import dataclass

# Titles that come before a name. Rendering and the checklist both read this one set, so a
# greeting the app writes is never one the checklist calls a bare honorific.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "lord"}
)


def is_honorific(word: str) -> bool:
    """True for "Dr.", "ms", "Professor" and the like (a title, not a name)."""
    return word.rstrip(".").lower() in HONORIFICS


@dataclass(frozen=True)
class PersonName:
    """A name as typed, split into an optional honorific, given names and a surname."""

    honorific: str
    given: str
    surname: str

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
        return cls(honorific, words[0], words[-1])

    @property
    def full(self) -> str:
        """The name without its honorific ("Helen Okafor")."""
        return " ".join(w for w in (self.given, self.surname) if w)

    def formal(self) -> str:
        """A formal greeting's name: "Dr. Okafor" with a title, else the full name; "" if none."""
        if self.honorific and self.surname:
            return f"{self.honorific} {self.surname}"
        return self.full

    def informal(self) -> str:
        """A warm greeting's name: the given name; someone typed with a title keeps it."""
        return self.formal() if self.honorific else self.given
