"""Drafts and settings on disk: lossless round trips, atomic writes, clear errors."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui import listing, paths, storage
from followup_tui.demo import demo_draft
from followup_tui.errors import FileFormatError
from followup_tui.model import (
    FORMATS,
    OUTCOMES,
    STAGES,
    Draft,
    Interview,
    Interviewer,
    ManualEdit,
    Notes,
    Profile,
    SentRecord,
    Settings,
)

# what a draft's text can hold: anything but control characters, which loading drops
# (test_faults.py: test_control_characters_are_dropped_as_a_draft_loads)
text = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), include_characters="\n\t"),
    max_size=80,
)
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
aware = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
    offsets,
)
drafts = st.builds(
    Draft,
    interview=st.builds(
        Interview,
        company=text,
        role=text,
        when=st.none() | aware,
        format=st.sampled_from(FORMATS),
        decision_by=st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2999, 12, 31)),
    ),
    interviewers=st.lists(st.builds(Interviewer, text, text, text), max_size=4),
    notes=st.builds(Notes, text, text, text, text, text, text),
    stage=st.sampled_from(STAGES),
    tone=st.sampled_from(["formal", "warm", "concise", "playful"]),
    edits=st.dictionaries(st.text(min_size=1, max_size=20), st.builds(ManualEdit, text, text)),
    ticks=st.dictionaries(st.text(min_size=1, max_size=20), st.booleans()),
    sent=st.lists(st.builds(SentRecord, st.sampled_from(STAGES), aware, text), max_size=3),
    outcome=st.sampled_from(OUTCOMES),
    outcome_at=st.none() | aware,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=drafts)
def test_generated_drafts_round_trip_unchanged(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    assert storage.load_draft(path) == draft


def test_round_trip_keeps_unicode_multiline_and_empty_fields(tmp_path: Path) -> None:
    draft = demo_draft()
    draft.notes.topics = 'línea uno\nline "two"\n\n  indented\ttab\nend 🎉'
    draft.notes.skills = ""
    draft.interview.when = None
    draft.edits["thank-you/1"] = ManualEdit("Grüße", "Hallo Tomás,\n\n[sic] {{ x }}\n")
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    loaded = storage.load_draft(path)
    assert loaded == draft
    assert len(loaded.interviewers) == 2
    assert loaded.interview.when is None


def test_file_is_versioned_and_hand_readable(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft())
    content = path.read_text()
    assert content.startswith("format = 1\n")
    assert 'company = "Northwind Analytics"' in content
    assert "[[interviewers]]" in content


def test_save_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "drafts" / "d.toml"
    storage.save_draft(path, demo_draft())
    storage.save_draft(path, demo_draft())
    assert [p.name for p in path.parent.iterdir()] == ["d.toml"]


def test_failed_write_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drafts" / "d.toml"
    storage.save_draft(path, demo_draft())
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    changed = demo_draft()
    changed.notes.topics = "something new"
    with pytest.raises(OSError):
        storage.save_draft(path, changed)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["d.toml"]


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ('format = 1\n[interview]\ncompany = "Acme\n', 3, "not valid TOML"),
        ("format = 1\nstage = \n", 2, "not valid TOML"),
        ('format = 1\n[interview]\nrole = "x"\ncompany = 42\n', 4, "should be text"),
        ('format = 1\n\n[notes]\ntopics = ["a"]\n', 4, "notes.topics"),
        ('format = 1\nstage = "party"\n', 2, "'party' is not one of"),
        ("format = 7\n", 1, "format 7"),
        ('format = 1\n[interview]\nwhen = "tomorrow"\n', 3, "should be a date and time"),
        ('format = 1\ninterviewers = ["Ana"]\n', 2, "should be a table"),
        ('format = 1\n[ticks]\npolished = "yes"\n', 3, "true or false"),
    ],
)
def test_bad_drafts_name_file_line_and_reason(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(FileFormatError) as info:
        storage.load_draft(path)
    message = str(info.value)
    assert str(path) in message
    assert info.value.line == line
    assert f":{line}:" in message
    assert words in message
    assert "\n" not in message
    assert path.read_text() == content


def test_binary_and_huge_files_are_refused_clearly(tmp_path: Path) -> None:
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"format = 1\n\xff\xfe\x00garbage")
    with pytest.raises(FileFormatError, match="not UTF-8"):
        storage.load_draft(binary)
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(FileFormatError, match="too big"):
        storage.load_draft(huge)


def test_settings_round_trip_and_defaults(isolated_home: Path) -> None:
    assert storage.load_settings() == Settings()
    settings = Settings(
        profile=Profile("Zoë Ng", "zoe@example.com", "+1 555 0100", ["https://zoe.dev"], "Cheers"),
        default_tone="concise",
        theme="followup-paper",
        keymap={"copy-email": "ctrl+k"},
    )
    storage.save_settings(settings)
    assert paths.config_file().is_file()
    assert str(paths.config_file()).startswith(str(isolated_home / "config"))
    assert storage.load_settings() == settings


def test_bad_settings_are_reported_with_line(isolated_home: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text('[profile]\nname = "A"\nlinks = "not a list"\n')
    with pytest.raises(FileFormatError) as info:
        storage.load_settings()
    assert info.value.line == 3
    assert "profile.links" in str(info.value)


def test_paths_follow_xdg_and_are_not_created_on_import(isolated_home: Path) -> None:
    assert paths.drafts_dir() == isolated_home / "data" / "followup-tui" / "drafts"
    assert paths.config_file() == isolated_home / "config" / "followup-tui" / "config.toml"
    assert not paths.drafts_dir().exists()


def test_new_draft_paths_are_unique_and_readable(isolated_home: Path) -> None:
    draft = Draft(Interview("Acme Corp", "Data / ML Engineer", datetime(2026, 11, 20, tzinfo=UTC)))
    first = storage.new_draft_path(draft)
    assert first.name == "acme-corp-data-ml-engineer-20261120.toml"
    storage.save_draft(first, draft)
    second = storage.new_draft_path(draft)
    assert second.name == "acme-corp-data-ml-engineer-20261120-2.toml"
    storage.save_draft(second, draft)
    (first.parent / "broken.toml").write_text("x = [")
    entries = listing.list_drafts()
    assert [e.path.name for e in entries] == [
        "acme-corp-data-ml-engineer-20261120-2.toml",
        "acme-corp-data-ml-engineer-20261120.toml",
        "broken.toml",
    ]
    assert entries[2].draft is None and entries[2].error is not None
    assert storage.most_recent_draft() == first.parent / "broken.toml"


def test_one_bad_keymap_entry_is_left_out_alone(isolated_home: Path) -> None:
    """Issue 10 item 19: `quit = 5` no longer throws away the profile and the theme."""
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text(
        'theme = "followup-paper"\n[profile]\nname = "Alex Morgan"\n'
        '[keymap]\nquit = 5\ncopy-email = "f9"\nsave = ["ctrl+s"]\n'
    )
    settings = storage.load_settings()
    assert settings.profile.name == "Alex Morgan"
    assert settings.theme == "followup-paper"
    assert settings.keymap == {"copy-email": "f9"}
    assert [(p.line, p.reason.split(":")[0]) for p in settings.problems] == [
        (5, "keymap.quit"),
        (7, "keymap.save"),
    ]
    assert "found a number" in str(settings.problems[0])
