"""Shared fixtures: every test gets its own config and data folders, never the real home."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

# The clock every app test runs at (a Saturday, the day after the demo interview).
NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


@pytest.fixture(scope="session", autouse=True)
def spelling_dictionary() -> None:
    """Read once per test process, so an app judges spelling from its first render.

    The app itself reads it in the background after its screen is up; that is tested on
    its own (test_spelling_background.py).
    """
    from followup_tui.practices.spelling import dictionary

    dictionary()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME at a fresh temporary folder."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "data").mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def draft_path(isolated_home: Path) -> Path:
    """The demo interview saved as a draft, and the demo profile in config.toml."""
    from followup_tui import paths, storage
    from followup_tui.demo import demo_draft, demo_profile
    from followup_tui.model import Settings

    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    storage.save_settings(Settings(profile=demo_profile()))
    return path


@pytest.fixture
def notifications(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], list[str]]:
    """`notifications(app)`: every notification the app posts from then on, as 'title message'."""

    def watch(app: Any) -> list[str]:
        seen: list[str] = []
        original = app.notify

        def record(message: str, *args: Any, **kwargs: Any) -> None:
            seen.append(f"{kwargs.get('title') or ''} {message}")
            original(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", record)
        return seen

    return watch


@pytest.fixture(autouse=True)
def start_when_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.run_test()` hands over the app once its email is rendered, as a user finds it.

    The email is rendered off the UI thread; a test that reads the preview or the checklist
    starts once they show the draft. Start-up itself is tested on its own (test_app.py).
    """
    from followup_tui.app.app import FollowupApp

    original = FollowupApp.run_test

    @asynccontextmanager
    async def run_test(self: FollowupApp, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with original(self, *args, **kwargs) as pilot:
            await asyncio.wait_for(self.main.wait_rendered(), 60)
            await pilot.pause()
            yield pilot

    monkeypatch.setattr(FollowupApp, "run_test", run_test)
