"""The cache of rendered emails the app's first frame is drawn from (followup_tui.email_cache)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from followup_tui import email_cache, paths, storage
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Email
from followup_tui.render import render_all

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


def _emails() -> list[Email]:
    return render_all(demo_draft(NOW), demo_profile(), now=NOW)


def _print(**changes: Any) -> str:
    draft = demo_draft(NOW)
    profile = demo_profile()
    now = changes.pop("now", NOW)
    if "company" in changes:
        draft.interview.company = changes.pop("company")
    if "sign_off" in changes:
        profile = dataclasses.replace(profile, sign_off=changes.pop("sign_off"))
    assert not changes
    return email_cache.fingerprint(draft, profile, now)


def test_what_was_stored_comes_back_for_the_same_fingerprint() -> None:
    emails = _emails()
    email_cache.store("slot", _print(), emails)
    assert email_cache.load("slot", _print()) == emails
    assert email_cache.load("other slot", _print()) is None


def test_a_draft_read_back_from_its_file_has_the_fingerprint_it_was_saved_with(
    tmp_path: Path,
) -> None:
    """The usual hit: the app caches the emails of the draft it saved, then reads the file."""
    draft = demo_draft(NOW)
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    again = storage.load_draft(path)
    profile = demo_profile()
    assert email_cache.fingerprint(again, profile, NOW) == email_cache.fingerprint(
        draft, profile, NOW
    )


def test_everything_the_emails_are_rendered_from_is_in_the_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = _print()
    assert _print(company="Contoso") != base
    assert _print(sign_off="Cheers") != base
    assert _print(now=NOW + timedelta(days=1)) != base  # "today" becomes "yesterday"
    assert _print(now=NOW + timedelta(minutes=1)) == base  # the same day: the same emails
    # The email's "today" is the machine's: another zone is another date, or another offset.
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        assert _print() != base
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_new_or_changed_template_file_changes_the_fingerprint() -> None:
    base = _print()
    folder = paths.user_templates_dir() / "thank-you"
    folder.mkdir(parents=True)
    template = folder / "warm.j2"
    template.write_text("Subject: hi\n\nHello.\n", encoding="utf-8")
    with_template = _print()
    assert with_template != base
    template.write_text("Subject: hi\n\nHello there.\n", encoding="utf-8")
    assert _print() != with_template


@pytest.mark.parametrize(
    "content",
    [
        "not toml [[[",
        "",
        'fingerprint = "x"\nchecksum = 1\nemails = []\n',
        "\x00\x01binary",
    ],
)
def test_a_cache_file_that_does_not_hold_good_emails_is_a_miss(content: str) -> None:
    email_cache.store("slot", _print(), _emails())
    email_cache.cache_file("slot").write_text(content, encoding="utf-8")
    assert email_cache.load("slot", _print()) is None


def test_an_edited_cache_file_is_a_miss() -> None:
    """The checksum covers the emails: a file cut short or changed is not shown."""
    email_cache.store("slot", _print(), _emails())
    file = email_cache.cache_file("slot")
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("Northwind", "Southwind", 1), encoding="utf-8")
    assert email_cache.load("slot", _print()) is None


def test_a_cache_path_that_is_a_file_is_ignored() -> None:
    """Nothing can be written there: the app goes on, and there is no cache."""
    folder = email_cache.cache_folder()
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder", encoding="utf-8")
    email_cache.store("slot", _print(), _emails())  # no exception
    assert email_cache.load("slot", _print()) is None


def test_only_the_newest_files_are_kept() -> None:
    emails = _emails()
    for n in range(email_cache.MAX_FILES + 5):
        email_cache.store(f"slot {n}", _print(), emails)
    assert len(list(email_cache.cache_folder().glob("*.toml"))) == email_cache.MAX_FILES
    assert email_cache.load(f"slot {email_cache.MAX_FILES + 4}", _print()) == emails


def test_the_cache_and_the_list_of_tones_load_neither_jinja2_nor_textual() -> None:
    """What the first frame needs from the core, without the template engine or the UI."""
    code = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from followup_tui import email_cache, tones\n"
        "from followup_tui.demo import demo_draft, demo_profile\n"
        "now = datetime.now(UTC)\n"
        "email_cache.load('demo', email_cache.fingerprint(demo_draft(now), demo_profile(), now))\n"
        "tones.available_tones('thank-you')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'textual')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_code_that_renders_and_the_installed_jinja2_are_in_the_fingerprint() -> None:
    """Their size and modification time: an upgrade or an edit of them is a miss."""
    import jinja2

    stamps = email_cache._code_stamps()  # noqa: SLF001 - what the fingerprint is made of
    assert [name for name, _, _ in stamps] == ["render.py", "model.py", "tones.py", "__init__.py"]
    jinja_file = Path(jinja2.__file__)
    assert stamps[-1][1:] == (jinja_file.stat().st_size, jinja_file.stat().st_mtime_ns)
    assert repr(stamps) in _print()
