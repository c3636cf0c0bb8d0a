"""Writing the user's files safely: atomic replacement, through symlinks, under a lock."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# Long enough for thirty commands queued on one draft; short enough that a stuck holder is
# reported instead of hanging a script.
LOCK_TIMEOUT = 15.0
_LOCK_POLL = 0.005


class LockTimeout(OSError):
    """Another process held a draft's lock for longer than LOCK_TIMEOUT."""


def real_target(path: Path) -> Path:
    """The file a path finally names: a symlinked draft (a synced folder) is written there."""
    return Path(os.path.realpath(path))


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write all of `data` or nothing: temp file in the same folder, fsync, rename.

    A symlink is written through: its target is replaced and the link stays a link.
    `durable=False` leaves out the fsyncs, for files that only save time and are checked when
    read (the email cache): a crash may then lose the new file or leave it empty.
    """
    path = real_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # mkstemp makes the file private; a replaced file keeps the mode it had.
            os.chmod(tmp_name, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if not durable:
        return
    # Make the rename itself durable.
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _flock(fd: int, deadline: float) -> bool:
    """Take an exclusive flock on `fd`, waiting until `deadline`; False where unsupported."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    errno.ETIMEDOUT, "the draft stayed locked by another process"
                ) from None
            time.sleep(_LOCK_POLL)
        except OSError as exc:
            if exc.errno in (errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF):
                return False  # a file system without locks: write as before rather than not at all
            raise


@contextlib.contextmanager
def locked(path: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on an existing draft for one read-modify-write.

    The lock is on the file itself: every save renames a new file into place, so after the
    wait the lock may be on a file that is no longer the draft; then it is taken again on the
    one that is. A missing file, or one that is not a regular file, is not locked (reading it
    reports the problem).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            # O_NONBLOCK: opening a FIFO put where a draft should be must not hang.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            yield
            return
        try:
            held = stat.S_ISREG(os.fstat(fd).st_mode) and _flock(fd, deadline)
            if held:
                try:
                    now_there = os.stat(path).st_ino
                except OSError:
                    now_there = None
                if now_there != os.fstat(fd).st_ino:
                    continue  # replaced while we waited: lock the new file instead
            yield
            return
        finally:
            os.close(fd)  # closing the descriptor releases the lock
