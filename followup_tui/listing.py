"""The drafts folder as the lists show it, read through a small index of each draft's list fields.

Parsing every draft's TOML is most of the time a list of a thousand interviews takes. The
index (`$XDG_CACHE_HOME/followup-tui/drafts-index.json`) keeps, for each draft file, what a
list needs of it (everything but the notes and the email edits), with the file's size, times
and inode as they were when it was read. A file whose stamp differs is read again, so a draft
changed by the app, the command line or an editor is never listed as it was. The index only
saves time: a missing, unreadable or damaged one is rebuilt, and every entry in it is checked
as strictly as a draft file is.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from followup_tui import paths, storage
from followup_tui.errors import FileFormatError
from followup_tui.folder import Entry
from followup_tui.model import Draft, Notes

INDEX_VERSION = 1
# An index of ten thousand drafts is a few megabytes; anything far bigger is not ours.
MAX_INDEX_BYTES = 64 * 1024 * 1024


def index_file() -> Path:
    """Where the index is kept."""
    return paths.cache_dir() / "drafts-index.json"


def summary(draft: Draft) -> Draft:
    """What a list needs of a draft: all of it but the notes, the edits and the proofreading."""
    return replace(
        draft,
        interviewers=[replace(person, notes="") for person in draft.interviewers],
        notes=Notes(),
        edits={},
        ticks={},
        proofread={},
    )


def _stamp(info: os.stat_result) -> list[int]:
    # ctime and inode too: an atomic save replaces the file, and a same-size rewrite within
    # one mtime tick still changes the ctime.
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _encode(value: Any) -> Any:
    """The TOML shape as JSON: dates and times tagged, empty texts and tables left out (a
    missing key reads as empty)."""
    if isinstance(value, dict):
        kept = {key: _encode(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item != "" and item != {}}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    return value


def _decoded(table: dict[str, Any]) -> Any:
    """`json.loads`'s object_hook: a tagged date or time back to what TOML reads."""
    if len(table) == 1:
        if "$datetime" in table:
            return datetime.fromisoformat(table["$datetime"])
        if "$date" in table:
            return date.fromisoformat(table["$date"])
    return table


def read_index(path: Path) -> dict[str, Any]:
    """The index's entries by file path; empty when there is none or it cannot be used."""
    try:
        data = json.loads(storage.read_regular(path, MAX_INDEX_BYTES), object_hook=_decoded)
    except (OSError, FileFormatError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return {}
    entries = data.get("drafts")
    return entries if isinstance(entries, dict) else {}


def write_index(path: Path, entries: dict[str, Any]) -> None:
    """Keep the index; a cache folder that cannot be written only costs time next run."""
    text = json.dumps({"version": INDEX_VERSION, "drafts": _encode(entries)}, ensure_ascii=False)
    with contextlib.suppress(OSError):
        storage.atomic_write(path, text.encode("utf-8"), durable=False)


def _from_index(path: Path, kept: Any, stamp: list[int]) -> Draft | None:
    """The indexed draft of `path`, if the index has one for the file as it is now."""
    if not isinstance(kept, dict) or kept.get("stamp") != stamp:
        return None
    try:
        return storage.draft_from_data(path, kept["draft"])
    except (FileFormatError, KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return None  # damaged or from another version: read the file instead


def list_drafts(folder: Path | None = None, index: Path | None = None) -> list[Entry]:
    """Every `*.toml` in the drafts folder by file name, each draft with its list fields only.

    A draft that cannot be read is an entry with its error, never in the index.
    """
    folder = folder or paths.drafts_dir()
    index = index or index_file()
    if not folder.is_dir():
        return []
    old = read_index(index)
    new: dict[str, Any] = {}
    entries = []
    # by name: the same order as by path in one folder, without comparing paths part by part
    for path in sorted(folder.glob("*.toml"), key=lambda p: p.name):
        key = str(path)
        try:
            info = path.stat()
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):
            draft = None  # gone, or not a file: reading it says which, as an error
        else:
            draft = _from_index(path, old.get(key), _stamp(info))
        if draft is not None:
            new[key] = old[key]
            entries.append(Entry(path, draft))
            continue
        try:
            # The stamp is taken before the read: a change made meanwhile is read next time.
            draft = summary(storage.load_draft(path))
        except FileFormatError as exc:
            entries.append(Entry(path, None, exc))
            continue
        if info is not None:
            new[key] = {"stamp": _stamp(info), "draft": storage.draft_to_dict(draft)}
        entries.append(Entry(path, draft))
    if new != old:
        write_index(index, new)
    return entries
