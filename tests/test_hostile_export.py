"""Hand-offs under hostile input (issue 11, items 2, 9 and 10): `export -o` never replaces what
is not a regular file, the .eml Subject reads back exactly, and one email field is one address.
"""

from __future__ import annotations

import email
import email.policy
import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui import export, paths, storage
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Email, Interviewer, Profile, Settings

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")
PROFILE = Profile(name="Sam Lee", email="sam@example.com")


def subject_of(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return str(message["Subject"])


def header_lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


WORDS = st.sampled_from(
    ["Thank", "you", "for", "the", "interview", "für", "das", "Gespräch", "東京", "naïve",
     "—", "résumé", "Zoë", "=?utf-8?b?SGk=?=", "=?iso-8859-1?q?caf=E9?=", "x" * 70, "a-b"]
)  # fmt: skip
SUBJECTS = st.lists(WORDS | st.text(min_size=1, max_size=12).map(str.strip), min_size=1).map(
    lambda words: " ".join(" ".join(words).split())
)


@settings(max_examples=600, deadline=None)
@given(subject=SUBJECTS)
def test_every_subject_reads_back_as_render_prints_it(subject: str) -> None:
    from followup_tui.text import clean_line

    subject = clean_line(subject)  # what render hands over: one line, no controls
    raw = export.to_eml(Email("p@example.com", subject, "Body"), PROFILE, date=NOW)
    assert subject_of(raw) == subject
    assert all(len(line) <= 78 for line in header_lines(raw))


def test_a_typed_encoded_word_is_not_decoded() -> None:
    subject = "Thanks =?utf-8?b?SGk=?= and café"
    raw = export.to_eml(Email("p@example.com", subject, "Body"), PROFILE, date=NOW)
    assert subject_of(raw) == subject


@pytest.mark.parametrize(
    "address",
    [
        "priya@northwind.example, eve@evil.example",
        "priya@northwind.example?bcc=eve@evil.example",
        "priya@northwind.example\nBcc: eve@evil.example",
        "Bcc: eve@evil.example",
        "priya@northwind.example; eve@evil.example",
    ],
)
def test_an_email_field_with_more_than_one_address_is_refused(address: str) -> None:
    draft = demo_draft(NOW)
    draft.interviewers = [Interviewer("Priya Raman", "Lead", address)]
    from followup_tui.render import render_email

    rendered = render_email(draft, demo_profile(), now=NOW)
    with pytest.raises(export.BadRecipient):
        export.to_eml(rendered, PROFILE, date=NOW)
    with pytest.raises(export.BadRecipient):
        export.to_mailto(rendered)
    path = paths.drafts_dir() / "d.toml"
    storage.save_draft(path, draft)
    for fmt in ("eml", "mailto"):
        done = run("export", str(path), "--format", fmt)
        assert done.returncode == 2, done.stdout
        assert "eve@evil.example" not in done.stdout
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_one_address_still_exports() -> None:
    raw = export.to_eml(
        Email("Priya Raman <priya@northwind.example>", "Hi", "B"), PROFILE, date=NOW
    )
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "priya@northwind.example"
    link = export.to_mailto(Email("priya@northwind.example", "Hi", "B"))
    assert link.startswith("mailto:priya@northwind.example?subject=Hi")


# --------------------------------------------------------------------------- export -o


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "FOLLOWUP_TUI_NOW": NOW.isoformat()},
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def draft_file() -> Path:
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    storage.save_settings(Settings(profile=demo_profile()))
    return path


def test_export_writes_through_a_link_and_keeps_it(draft_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    done = run("export", str(draft_file), "--format", "txt", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert target.read_text().startswith("Subject: ")


def test_export_to_a_device_writes_into_it(draft_file: Path, tmp_path: Path) -> None:
    done = run("export", str(draft_file), "--format", "txt", "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Subject: ")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    done = run(
        "export", str(draft_file), "--format", "eml", "--interviewer", "1", "-o", "/dev/null"
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device, not a file


def test_export_dash_is_standard_output(draft_file: Path) -> None:
    done = run("export", str(draft_file), "--format", "txt", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Subject: ")
    assert not Path("-").exists()


def test_export_refuses_a_folder_and_a_fifo_with_no_reader(
    draft_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (tmp_path, fifo):
        done = run("export", str(draft_file), "--format", "txt", "-o", str(target))
        assert done.returncode == 2
        assert str(target) in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert tmp_path.is_dir()
