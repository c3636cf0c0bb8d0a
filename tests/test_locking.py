"""Every read-modify-write of a draft under a lock; a symlinked draft written through its link."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from followup_tui import storage
from followup_tui.cli import main as cli_main
from followup_tui.demo import demo_draft
from followup_tui.session import Session

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")
PARALLEL = 30


def test_thirty_parallel_sent_commands_all_count(tmp_path: Path) -> None:
    """Issue 10 item 5: 30 `followup-tui sent FILE` at once leave 30 records."""
    path = tmp_path / "drafts" / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    env = {**os.environ, "FOLLOWUP_TUI_NOW": NOW.isoformat()}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "followup_tui",
                "sent",
                str(path),
                "--at",
                f"2026-11-21T15:{n:02d}+00:00",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PARALLEL)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.startswith("recorded: thank-you sent")
    sent = storage.load_draft(path).sent
    assert sorted(s.at.minute for s in sent) == list(range(PARALLEL))
    assert [p.name for p in path.parent.iterdir()] == ["d.toml"]  # no temp or lock files left


def test_parallel_outcomes_and_sent_records_both_survive(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    commands = [["sent", str(path), "--at", f"2026-11-21T16:{n:02d}+00:00"] for n in range(10)]
    commands.append(["outcome", str(path), "offer", "--at", NOW.isoformat()])
    procs = [
        subprocess.Popen([sys.executable, "-m", "followup_tui", *c], stderr=subprocess.PIPE)
        for c in commands
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    draft = storage.load_draft(path)
    assert len(draft.sent) == 10 and draft.outcome == "offer"


def test_a_symlinked_draft_is_written_through_its_link(tmp_path: Path) -> None:
    """Issue 10 item 7: the link stays a link; the synced file behind it gets the change."""
    synced = tmp_path / "Sync" / "northwind.toml"
    storage.save_draft(synced, demo_draft(NOW))
    link = tmp_path / "drafts" / "northwind.toml"
    link.parent.mkdir()
    link.symlink_to(synced)
    session = Session.open(link)
    session.draft.notes.missed = "saved through the link"
    assert session.save().ok
    assert link.is_symlink() and os.readlink(link) == str(synced)
    assert storage.load_draft(synced).notes.missed == "saved through the link"
    assert cli_main(["sent", str(link), "--at", NOW.isoformat()]) == 0
    assert link.is_symlink()
    assert len(storage.load_draft(synced).sent) == 1
    # the next save from the open session sees the command's change as the file's, not a stranger's
    session.draft.notes.topics = "again"
    result = session.save()
    assert result.ok and link.is_symlink()
    assert len(storage.load_draft(synced).sent) == 1
    assert sorted(p.name for p in synced.parent.iterdir()) == ["northwind.toml"]


def test_a_relative_symlink_is_written_through_too(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "d.toml"
    storage.save_draft(target, demo_draft(NOW))
    link = tmp_path / "d.toml"
    link.symlink_to(Path("real") / "d.toml")
    draft = storage.load_draft(link)
    draft.tone = "formal"
    storage.save_draft(link, draft)
    assert link.is_symlink() and os.readlink(link) == "real/d.toml"
    assert storage.load_draft(target).tone == "formal"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    path.chmod(0o640)
    storage.update_draft(path, lambda d: setattr(d, "tone", "formal"))
    assert path.stat().st_mode & 0o777 == 0o640
