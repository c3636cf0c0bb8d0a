"""The drafts folder: a fresh file name for a new draft, every draft in it, the latest one."""

from __future__ import annotations

import contextlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from followup_tui import paths
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40].strip("-")


def new_draft_path(draft: Draft, folder: Path | None = None) -> Path:
    """A fresh, unused file name for a draft, from its company, role and date."""
    folder = folder or paths.drafts_dir()
    iv = draft.interview
    stem = "-".join(
        part
        for part in (
            _slug(iv.company),
            _slug(iv.role),
            iv.when.strftime("%Y%m%d") if iv.when else "",
        )
        if part
    )
    return unused_path(folder, stem or "interview")


def unused_path(folder: Path, stem: str, suffix: str = ".toml") -> Path:
    """`folder/stem.toml`, or `stem-2.toml`, `stem-3.toml`... : the first that does not exist."""
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


@dataclass
class Entry:
    """One file in the drafts folder: the draft, or why it could not be read."""

    path: Path
    draft: Draft | None
    error: FileFormatError | None = None


def most_recent_draft(folder: Path | None = None) -> Path | None:
    """The draft file changed last, if any."""
    folder = folder or paths.drafts_dir()
    if not folder.is_dir():
        return None
    stamps = []
    for path in folder.glob("*.toml"):
        # only regular files: a FIFO or a device named like a draft is not one to open
        with contextlib.suppress(OSError):
            info = path.stat()
            if stat.S_ISREG(info.st_mode):
                stamps.append((info.st_mtime_ns, path))
    return max(stamps)[1] if stamps else None
