"""One open draft and its file: when it may be saved, and what happens if that is unsafe.

No Textual here: the app asks the session to save and shows what it answers.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from followup_tui import storage
from followup_tui.diskio import locked
from followup_tui.errors import FileFormatError
from followup_tui.merge import merge_drafts
from followup_tui.model import Draft
from followup_tui.text import shown


@dataclass(frozen=True)
class SaveResult:
    """What a save did, in words for the user."""

    path: Path | None
    message: str
    ok: bool = True
    # The draft's fields that changes made elsewhere changed here ("notes", "sent"...).
    changed: frozenset[str] = frozenset()


def _fingerprint(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    # The inode too: every save is a rename onto a new file, and a timestamp alone misses a
    # same-size save within the clock's granularity (whole seconds on FAT, HFS+, ext3, shares).
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Session:
    """The draft being edited, the file it belongs to, and whether it is safe to write."""

    def __init__(
        self,
        draft: Draft,
        path: Path | None,
        error: FileFormatError | None = None,
        *,
        ephemeral: bool = False,
    ) -> None:
        self.draft = draft
        self.path = path
        # The demo: saved only when the user asks, then it becomes a draft of their own.
        self.ephemeral = ephemeral
        self.error = error  # the file did not parse: never write over it
        self.dirty = False
        self._fingerprint = _fingerprint(path) if path else None
        # The draft as the file last held it: what both sides changed since is merged.
        self.base = draft.copy()
        self._unreadable: tuple[int, int, int] | None = None
        self._lock: Path | None = None
        # why the lock file could not be written (a read-only or full folder), if it could not
        self.lock_error: str | None = None
        self.other_instance: int | None = None

    @classmethod
    def open(cls, path: Path) -> Session:
        """Open a draft file; an unreadable one gives a read-only session holding the error."""
        if not path.exists():
            return cls(Draft(), path)
        try:
            return cls(storage.load_draft(path), path)
        except FileFormatError as exc:
            return cls(Draft(), path, exc)

    @property
    def read_only(self) -> bool:
        """True when saving would overwrite a file the user still has to fix."""
        return self.error is not None

    # ------------------------------------------------------------ lock

    def _lock_path(self) -> Path | None:
        return self.path.with_name(f".{self.path.name}.lock") if self.path else None

    def acquire_lock(self) -> int | None:
        """Mark the draft as open here; return the pid of another live instance holding it."""
        lock = self._lock_path()
        if lock is None:
            return None
        try:
            return self._take_lock(lock)
        except OSError as exc:
            # A read-only or full folder: the draft still opens; the app says why.
            self.lock_error = exc.strerror or str(exc)
            with contextlib.suppress(OSError):
                if lock.read_text().strip() in ("", str(os.getpid())):
                    lock.unlink()  # a lock file left empty by a failed write
            return None

    def _take_lock(self, lock: Path) -> int | None:
        lock.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                try:
                    pid = int(lock.read_text().strip() or 0)
                except (OSError, ValueError):
                    pid = 0
                if pid and pid != os.getpid() and _pid_alive(pid):
                    self.other_instance = pid
                    return pid
                with contextlib.suppress(OSError):
                    lock.unlink()  # left behind by a crash
                continue
            with os.fdopen(fd, "w") as handle:
                handle.write(str(os.getpid()))
            self._lock = lock
            return None
        return None

    def release_lock(self) -> None:
        """Drop our lock file, if we hold it."""
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self._lock.unlink()
            self._lock = None

    # ------------------------------------------------------------ saving

    def changed_on_disk(self) -> bool:
        """True when someone else wrote the file since we read or wrote it."""
        return self.path is not None and _fingerprint(self.path) != self._fingerprint

    def _adopt(self, merged: Draft) -> frozenset[str]:
        """Take the merged draft into the one the app edits (same object: widgets hold it).

        Returns the names of the fields that changed.
        """
        changed = set()
        for f in dataclasses.fields(Draft):
            value = getattr(merged, f.name)
            if value != getattr(self.draft, f.name):
                changed.add(f.name)
                setattr(self.draft, f.name, value)  # the rest stay the objects widgets hold
        return frozenset(changed)

    def _merge_disk(self, path: Path) -> tuple[str, frozenset[str]]:
        """Merge the file's changes into ours (call under the lock); returns (what, changed).

        Raises FileFormatError when the file changed into something that does not read.
        """
        theirs = storage.load_draft(path)
        result = merge_drafts(self.base, self.draft, theirs)
        changed = self._adopt(result.draft)
        self.base = theirs
        if result.conflicts:
            fields = ", ".join(result.conflicts)
            return (
                f"{shown(path.name)} was also changed elsewhere; both texts kept in: {fields}",
                changed,
            )
        return f"{shown(path.name)} was also changed elsewhere; the changes were merged", changed

    def sync(self) -> SaveResult | None:
        """Take in a change made to the file elsewhere (a `sent` command, a hand edit).

        Unsaved changes here are merged with it and saved at once; None when the file has
        not changed, or changed into a file that does not read (said once).
        """
        if self.path is None or self.error is not None or not self.changed_on_disk():
            return None
        if self.dirty:
            return self.save()
        fingerprint = _fingerprint(self.path)
        if fingerprint is None or fingerprint == self._unreadable:
            return None
        try:
            with locked(self.path):
                what, changed = self._merge_disk(self.path)
                self._fingerprint = _fingerprint(self.path)
        except FileFormatError as exc:
            self._unreadable = fingerprint
            return SaveResult(
                None, f"{exc}\nChanged elsewhere into a file that does not read.", False
            )
        except OSError:
            return None  # gone for a moment or unreadable: the next check or save tells
        return SaveResult(self.path, what, True, changed)

    def save(self, *, now: datetime | None = None) -> SaveResult:
        """Write the draft safely, or say why not; never raises OSError.

        A file changed elsewhere since it was read is merged with, never written over.
        """
        if self.error is not None:
            name = shown(self.error.path.name)
            return SaveResult(None, f"not saved: {name} needs fixing first", False)
        if self.ephemeral:
            return SaveResult(
                None,
                "The demo is never saved. Start your own interview with ctrl+o, then n.",
                False,
            )
        if self.path is None:
            self.path = storage.new_draft_path(self.draft)
        target = self.path
        message, changed = f"saved {shown(target.name)}", frozenset[str]()
        try:
            with locked(target):
                if self.changed_on_disk() and target.exists():
                    message, changed = self._merge_disk(target)
                storage.save_draft(target, self.draft)
                self._fingerprint = _fingerprint(target)
        except FileFormatError as exc:
            return SaveResult(
                None,
                f"not saved: {shown(target.name)} was changed elsewhere and does not read"
                f" ({exc.reason}); your text is still here",
                False,
            )
        except OSError as exc:
            return SaveResult(
                None, f"not saved ({exc.strerror or exc}); your text is still here", False
            )
        self.base = self.draft.copy()
        self.dirty = False
        return SaveResult(target, message, True, changed)
