"""config.toml rewritten in place: the user's comments, order and unknown keys survive a save."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit


def updated_text(path: Path, data: Mapping[str, Any]) -> str:
    """The text of `path` (empty if it does not exist) with the values of `data` set in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    document = tomlkit.parse(text)
    _merge(document, data)
    return tomlkit.dumps(document)


def _merge(table: MutableMapping[str, Any], data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, Mapping):
            current = table.get(key)
            if not isinstance(current, MutableMapping):
                table[key] = current = tomlkit.table()
            _merge(current, value)
        elif key not in table or table[key] != value:
            # Only a changed value is written, so an unchanged one keeps its own formatting.
            table[key] = value
