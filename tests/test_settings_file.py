"""config.toml saved by the app keeps what the user wrote in it."""

from __future__ import annotations

from pathlib import Path

from followup_tui import paths, storage
from followup_tui.model import Profile, Settings

USERS_FILE = """\
# my followup-tui settings
theme = "followup-paper"  # the light one
default_tone = "warm"
editor_hint = "kept"  # a key this version does not know

[profile]
name = "Ana Lee"
# no phone on purpose
email = "ana@example.org"
links = ["https://ana.example"]
sign_off = "Best regards"

[keymap]
copy-email = "ctrl+k"

[plugins.future]
enabled = true
"""


def test_a_save_keeps_comments_order_and_unknown_keys(isolated_home: Path) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True)
    path.write_text(USERS_FILE, encoding="utf-8")
    settings = storage.load_settings()
    settings.theme = "followup-dusk"
    settings.profile.phone = "+44 20 7946 0000"
    storage.save_settings(settings)
    text = path.read_text(encoding="utf-8")
    for kept in (
        "# my followup-tui settings",
        "# a key this version does not know",
        'editor_hint = "kept"',
        "# no phone on purpose",
        "[plugins.future]\nenabled = true",
        'copy-email = "ctrl+k"',
    ):
        assert kept in text
    assert 'theme = "followup-dusk"' in text and "followup-paper" not in text
    assert text.index("theme =") < text.index("default_tone =")  # the user's order
    assert storage.load_settings() == settings


def test_a_first_save_writes_a_file_that_reads_back(isolated_home: Path) -> None:
    settings = Settings(profile=Profile(name="Bo", links=["a", "b"]), keymap={"save": "f5"})
    storage.save_settings(settings)
    assert storage.load_settings() == settings
