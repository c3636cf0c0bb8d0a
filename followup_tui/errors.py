"""The one error type for a user's file that cannot be used."""

from __future__ import annotations

from pathlib import Path


class FileFormatError(Exception):
    """A draft, config, template or theme file that does not parse or holds wrong types.

    The message names the file, the line where known, and what is wrong, on one line.
    """

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {reason}")
