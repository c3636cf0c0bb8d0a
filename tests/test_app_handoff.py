"""Hand-off from the app: .eml, mailto, .ics, $EDITOR and the sent log, via the palette."""

from __future__ import annotations

import contextlib
import email
import email.policy
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import SystemCommand

from followup_tui import export, paths, storage
from followup_tui.app.app import FollowupApp
from followup_tui.app.dialogs import ConfirmDialog
from followup_tui.demo import demo_profile
from followup_tui.model import ManualEdit
from followup_tui.render import render_email
from tests.app_pilot import NOW, build, wait_until


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Never start a real opener; record what would have been opened."""
    seen: list[str] = []

    def fake_open(target: str) -> str | None:
        seen.append(target)
        return None

    monkeypatch.setattr(export, "open_with_system", fake_open)
    return seen


def command(app: FollowupApp, title: str) -> SystemCommand:
    commands = {c.title: c for c in app.get_system_commands(app.screen)}
    assert title in commands, sorted(commands)
    return commands[title]


async def test_eml_export_parses_back(draft_path: Path, opened: list[str]) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "export: .eml draft").callback()
        await pilot.pause()
    target = paths.data_dir() / "exports" / "northwind-1.eml"
    assert opened == [str(target)]
    message = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    expected = render_email(storage.load_draft(draft_path), demo_profile(), now=NOW)
    assert message["Subject"] == expected.subject
    assert "priya.raman@northwind.example" in message["To"]
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().replace("\r\n", "\n").strip() == expected.body.strip()


async def test_long_mailto_offers_the_eml(draft_path: Path, opened: list[str]) -> None:
    # Long notes are condensed in a generated email, so the long body is the user's own edit.
    draft = storage.load_draft(draft_path)
    body = "Hi Priya,\n\n" + "I keep thinking about our talk on streaming. " * 60 + "\n\nAlex"
    draft.set_edit(draft.stage, 0, ManualEdit("Thank you", body))
    storage.save_draft(draft_path, draft)
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "export: mailto link").callback()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert opened and opened[0].endswith(".eml")


async def test_short_mailto_is_opened(draft_path: Path, opened: list[str]) -> None:
    draft = storage.load_draft(draft_path)
    draft.notes = type(draft.notes)()
    storage.save_draft(draft_path, draft)
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "export: mailto link").callback()
        await pilot.pause()
    assert opened and opened[0].startswith("mailto:priya.raman@northwind.example?")


async def test_ics_reminder_for_the_next_follow_up(draft_path: Path, opened: list[str]) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "export: .ics reminder").callback()
        await pilot.pause()
    ics = (paths.data_dir() / "exports" / "northwind.ics").read_text()
    assert "BEGIN:VEVENT" in ics and "DTSTART:" in ics
    assert "SUMMARY:" in ics and "Northwind" in ics


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


def with_editor(
    app: FollowupApp, old: str, new: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> FollowupApp:
    """The app with $VISUAL an editor that changes `old` to `new` and saves (in the test's
    own terminal: nothing to suspend)."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"p.write_text(p.read_text().replace({old!r}, {new!r}))\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    monkeypatch.setattr(app, "suspend", no_suspend)
    return app


async def test_editor_edit_comes_back_as_the_manual_edit(
    draft_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = with_editor(build(draft_path), "Hi Priya,", "Dear Dr. Raman,", tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await wait_until(
            pilot, lambda: app.session.draft.edit_for("thank-you", 0) is not None, "the edit"
        )
        edit = app.session.draft.edit_for("thank-you", 0)
        assert edit is not None and edit.body.startswith("Dear Dr. Raman,")
        assert edit.subject == app.main.current_email().subject


async def test_editor_without_change_keeps_the_email(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor that is run (it leaves a mark) and saves the email as it was.
    mark = draft_path.parent / "editor-ran"
    monkeypatch.setenv("VISUAL", f"touch {mark}")
    app = build(draft_path)
    monkeypatch.setattr(app, "suspend", no_suspend)
    seen: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: seen.append(message))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: bool(seen), "a word from the editor's return")
        assert mark.is_file(), "the editor was not run"
        assert seen == ["No change came back from the editor."]
        assert app.session.draft.edits == {}
        assert not app.session.dirty


async def test_mark_sent_and_outcome_reach_the_draft_file(draft_path: Path) -> None:
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "sent: mark thank-you as sent").callback()
        command(app, "outcome: rejected").callback()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = storage.load_draft(draft_path)
    assert [(s.stage, s.at) for s in saved.sent] == [("thank-you", NOW)]
    assert saved.outcome == "rejected"


async def test_exports_and_editor_follow_the_interviewer_on_screen(
    draft_path: Path, opened: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = with_editor(build(draft_path), "Hi Tomás,", "Dear Tomás,", tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        command(app, "to: Tomás Herrera").callback()
        await pilot.pause()
        command(app, "export: .eml draft").callback()
        await pilot.pause()
        command(app, "email: open in $EDITOR").callback()
        await wait_until(
            pilot, lambda: app.session.draft.edit_for("thank-you", 1) is not None, "the edit"
        )
    target = paths.data_dir() / "exports" / "northwind-2.eml"
    assert opened == [str(target)]
    message = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert "tomas.herrera@northwind.example" in message["To"]
    edit = app.session.draft.edit_for("thank-you", 1)
    assert edit is not None and edit.body.startswith("Dear Tomás,")
    assert app.session.draft.edit_for("thank-you", 0) is None


async def test_a_broken_template_exports_nothing_and_says_why(
    draft_path: Path, opened: list[str], notifications: Callable[[Any], list[str]]
) -> None:
    template = paths.user_templates_dir() / "thank-you" / "warm.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text("Subject: Thanks\n\n{% if %}\n", encoding="utf-8")
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        for title in ("export: .eml draft", "export: mailto link", "email: open in $EDITOR"):
            command(app, title).callback()
            await pilot.pause()
    assert opened == []
    assert not (paths.data_dir() / "exports").exists()
    assert sum("warm.j2" in message for message in seen) == 3
    assert app.session.draft.edits == {}
