"""The emails last rendered from a draft, kept so that a start can show them before Jinja2 loads.

Importing Jinja2 and loading a template is about a sixth of the app's start (bench/RESULTS.md).
When nothing the emails are made from has changed since they were last rendered, the first
frame shows them from here, and the form is built and the emails rendered afresh just after
it, as on every start. What the emails are made from is written out in full as the cache's
`fingerprint`:

- the draft, as it would be saved, and the profile that signs it;
- today's date and the UTC offset (the email says "today", "yesterday", "on Tuesday");
- every template file, shipped and the user's own: name, size and modification time;
- the code that renders them (render.py, model.py, tones.py) and the installed Jinja2.

One file per draft (`$XDG_CACHE_HOME/followup-tui/emails/`), checked on reading; a file that
is missing, unreadable or for another fingerprint is a miss, and the email is rendered before
the first frame as if there were no cache. Nothing in this module imports Jinja2.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from followup_tui import paths
from followup_tui.model import Draft, Email, Profile

CACHE_VERSION = 1
MAX_FILES = 64
"""Files kept; the oldest go first (one file per draft opened)."""

_EMAIL_FIELDS = ("to", "subject", "body", "stage", "tone", "interviewer", "edited")


def cache_folder() -> Path:
    return paths.cache_dir() / "emails"


def cache_file(slot: str) -> Path:
    """The file for one draft: `slot` is its path, or a name for a draft with none."""
    return cache_folder() / f"{zlib.crc32(slot.encode('utf-8', 'surrogatepass')):08x}.toml"


def _plain(value: Any) -> Any:
    """Dates as ISO text, so a draft read back from its file prints as the one that was saved."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _file_stamps(root: Path) -> list[tuple[str, int, int]]:
    stamps = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                st = os.stat(os.path.join(folder, name))
                stamps.append((os.path.join(folder, name), st.st_size, st.st_mtime_ns))
    return sorted(stamps)


def _code_stamps() -> list[tuple[str, int, int]]:
    from importlib.util import find_spec

    here = Path(__file__).parent
    files = [here / "render.py", here / "model.py", here / "tones.py"]
    with contextlib.suppress(ImportError, ValueError):
        spec = find_spec("jinja2")
        if spec is not None and spec.origin:
            files.append(Path(spec.origin))
    stamps = []
    for file in files:
        with contextlib.suppress(OSError):
            st = file.stat()
            stamps.append((file.name, st.st_size, st.st_mtime_ns))
    return stamps


def fingerprint(draft: Draft, profile: Profile, now: datetime) -> str:
    """Everything the draft's emails are rendered from, as one string."""
    from followup_tui.storage import draft_to_dict

    local = now.astimezone() if now.tzinfo else now
    parts = [
        CACHE_VERSION,
        _plain(draft_to_dict(draft)),
        repr(profile),
        local.date().isoformat(),
        str(local.utcoffset()),
        _file_stamps(paths.user_templates_dir()),
        _file_stamps(paths.shipped_templates_dir()),
        _code_stamps(),
    ]
    return repr(parts)


def _checksum(emails: list[dict[str, Any]]) -> int:
    return zlib.crc32(repr(emails).encode("utf-8", "surrogatepass"))


def load(slot: str, print_: str) -> list[Email] | None:
    """The emails cached for `slot` if they were rendered from `print_`; None otherwise."""
    try:
        data = tomllib.loads(cache_file(slot).read_text(encoding="utf-8"))
        if data.get("fingerprint") != print_:
            return None
        tables = data["emails"]
        if data.get("checksum") != _checksum(tables) or not tables:
            return None
        emails = [Email(**{k: t[k] for k in _EMAIL_FIELDS}) for t in tables]
    except (OSError, ValueError, KeyError, TypeError):  # TOMLDecodeError is a ValueError
        return None
    for email in emails:
        if not all(isinstance(getattr(email, k), str) for k in _EMAIL_FIELDS[:5]):
            return None
        if type(email.interviewer) is not int or type(email.edited) is not bool:
            return None
    return emails


def store(slot: str, print_: str, emails: list[Email]) -> None:
    """Keep `emails` as rendered from `print_`. Never raises: the cache only saves time."""
    import tomli_w

    from followup_tui.storage import atomic_write

    tables = [{k: getattr(e, k) for k in _EMAIL_FIELDS} for e in emails]
    doc = {"fingerprint": print_, "checksum": _checksum(tables), "emails": tables}
    path = cache_file(slot)
    try:
        atomic_write(path, tomli_w.dumps(doc).encode("utf-8"), durable=False)
        _prune(path)
    except (OSError, ValueError, TypeError):
        return


def _prune(newest: Path) -> None:
    """Keep the MAX_FILES most recently written files, `newest` among them."""
    others = [p for p in newest.parent.glob("*.toml") if p != newest]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[MAX_FILES - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
