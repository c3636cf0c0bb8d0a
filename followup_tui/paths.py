"""Where followup-tui keeps its files; folders are created when first written, never on import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "followup-tui"


def _xdg(var: str, default: str) -> Path:
    value = os.environ.get(var, "").strip()
    # XDG says a relative path in these variables is invalid and must be ignored
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / default


def config_dir() -> Path:
    """`$XDG_CONFIG_HOME/followup-tui`."""
    return _xdg("XDG_CONFIG_HOME", ".config") / APP_NAME


def data_dir() -> Path:
    """`$XDG_DATA_HOME/followup-tui`."""
    return _xdg("XDG_DATA_HOME", ".local/share") / APP_NAME


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/followup-tui`: nothing in it is needed; it only saves time."""
    return _xdg("XDG_CACHE_HOME", ".cache") / APP_NAME


def drafts_dir() -> Path:
    """One TOML file per interview lives here."""
    return data_dir() / "drafts"


def config_file() -> Path:
    """Profile and settings."""
    return config_dir() / "config.toml"


def user_templates_dir() -> Path:
    """The user's own email templates, overriding or adding to the shipped ones."""
    return config_dir() / "templates"


def shipped_templates_dir() -> Path:
    """The email templates that ship with followup-tui (inside the package)."""
    return Path(__file__).parent / "templates"


def user_themes_dir() -> Path:
    """The user's own colour themes."""
    return config_dir() / "themes"


def shipped_themes_dir() -> Path:
    """The themes that ship with followup-tui.

    In a wheel they sit inside the package; in an editable install they are the
    repository's top-level `themes/` folder.
    """
    packaged = Path(__file__).parent / "themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "themes"
