"""The one error type for a user's file that cannot be used."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from followup_tui.text import shown


class FileFormatError(Exception):
    """A draft, config, template or theme file that does not parse or holds wrong types.

    The message names the file, the line where known, and what is wrong, on one line.
    """

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.line = line
        name = shown(self.path)
        where = f"{name}:{line}" if line else name
        super().__init__(_one_line(f"{where}: {reason}"))


def _one_line(text: str) -> str:
    """Line breaks and other control characters (from a TOML key, say) written as escapes."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")
        else char
        for char in text
    )


class TemplateBudgetError(FileFormatError):
    """A template that ran too long or wrote too much: stopped, like any other bad template."""
