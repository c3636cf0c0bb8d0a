"""A draft changed in two places at once: the three-way merge, and the session that uses it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from followup_tui import listing, storage
from followup_tui.cli import main as cli_main
from followup_tui.demo import demo_draft
from followup_tui.merge import CONFLICT_MARK, merge_drafts
from followup_tui.model import Draft, Interviewer, ManualEdit, SentRecord
from followup_tui.session import Session

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


def _three() -> tuple[Draft, Draft, Draft]:
    base = demo_draft(NOW)
    return base, base.copy(), base.copy()


def test_changes_on_different_sides_are_both_kept() -> None:
    base, ours, theirs = _three()
    ours.notes.topics = "our topic"
    ours.ticks["polished"] = True
    theirs.sent.append(SentRecord("thank-you", NOW, "priya.raman@northwind.example"))
    theirs.outcome, theirs.outcome_at = "offer", NOW
    theirs.interviewers[1].title = "Principal Engineer"
    result = merge_drafts(base, ours, theirs)
    merged = result.draft
    assert result.conflicts == []
    assert merged.notes.topics == "our topic"
    assert merged.ticks == {"polished": True}
    assert [s.stage for s in merged.sent] == ["thank-you"]
    assert (merged.outcome, merged.outcome_at) == ("offer", NOW)
    assert merged.interviewers[1].title == "Principal Engineer"
    assert merged.interviewers[0] == base.interviewers[0]


def test_sent_records_added_on_both_sides_all_count() -> None:
    base, ours, theirs = _three()
    base.sent = ours.sent[:] = theirs.sent[:] = [SentRecord("thank-you", NOW - timedelta(days=9))]
    ours.sent.append(SentRecord("check-in", NOW - timedelta(days=1)))
    theirs.sent.append(SentRecord("check-in", NOW))
    merged = merge_drafts(base, ours, theirs).draft
    assert [s.at for s in merged.sent] == [NOW - timedelta(days=9), NOW - timedelta(days=1), NOW]


def test_a_record_removed_on_one_side_stays_removed() -> None:
    base, ours, theirs = _three()
    old = SentRecord("thank-you", NOW - timedelta(days=9))
    base.sent, ours.sent, theirs.sent = [old], [], [old, SentRecord("check-in", NOW)]
    assert [s.stage for s in merge_drafts(base, ours, theirs).draft.sent] == ["check-in"]


def test_the_same_text_changed_on_both_sides_keeps_both_visibly() -> None:
    base, ours, theirs = _three()
    ours.notes.concerns = "I answered the Kafka question in a follow-up note"
    theirs.notes.concerns = "they worried about Kafka; I used it at Acme"
    key = "thank-you/0"
    base.edits[key] = ManualEdit("Thanks", "Hi Priya,\nbody")
    ours.edits[key] = ManualEdit("Thanks", "Hi Priya,\nour body")
    theirs.edits[key] = ManualEdit("Thanks", "Hi Priya,\ntheir body")
    result = merge_drafts(base, ours, theirs)
    concerns = result.draft.notes.concerns
    assert concerns.index(ours.notes.concerns) < concerns.index(CONFLICT_MARK)
    assert concerns.index(CONFLICT_MARK) < concerns.index(theirs.notes.concerns)
    body = result.draft.edits[key].body
    assert "our body" in body and "their body" in body and CONFLICT_MARK in body
    assert result.conflicts == ["notes.concerns", f"edits.{key}.body"]


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base, ours, theirs = _three()
    ours.notes.missed = theirs.notes.missed = "the dbt package"
    result = merge_drafts(base, ours, theirs)
    assert result.conflicts == [] and result.draft.notes.missed == "the dbt package"


def test_an_interviewer_added_elsewhere_joins_ours() -> None:
    base, ours, theirs = _three()
    ours.interviewers.append(Interviewer("Ana Ruiz"))
    theirs.interviewers.append(Interviewer("Kofi Mensah"))
    names = [i.name for i in merge_drafts(base, ours, theirs).draft.interviewers]
    assert names == ["Priya Raman", "Tomás Herrera", "Ana Ruiz", "Kofi Mensah"]


def test_a_format_both_changed_is_a_word_not_two_texts() -> None:
    base, ours, theirs = _three()
    ours.interview.format, theirs.interview.format = "phone", "on-site"
    result = merge_drafts(base, ours, theirs)
    assert result.draft.interview.format == "phone"
    assert result.conflicts == ["interview.format"]


# ------------------------------------------------------------------ the session


def test_sent_while_the_draft_is_open_is_merged_into_one_draft(isolated_home: Path) -> None:
    """Issue 10 item 6: the app's later edits and the command's record land in one file."""
    from followup_tui import paths

    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    session = Session.open(path)
    session.draft.notes.missed = "typed in the app"
    session.dirty = True
    assert cli_main(["sent", str(path), "--at", NOW.isoformat()]) == 0
    result = session.save()
    assert result.ok and result.path == path and "merged" in result.message
    assert "sent" in result.changed
    on_disk = storage.load_draft(path)
    assert on_disk.notes.missed == "typed in the app"
    assert [s.stage for s in on_disk.sent] == ["thank-you"]
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".toml") == [path.name]
    entries = listing.list_drafts()
    assert [e.path for e in entries] == [path]


def test_sync_takes_in_a_change_made_elsewhere_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    session = Session.open(path)
    held = session.draft
    assert session.sync() is None  # nothing changed
    assert cli_main(["outcome", str(path), "rejected", "--at", NOW.isoformat()]) == 0
    written = path.stat().st_mtime_ns
    result = session.sync()
    assert result is not None and result.ok and result.changed == {"outcome", "outcome_at"}
    assert session.draft is held and held.outcome == "rejected"  # the app's object, updated
    assert path.stat().st_mtime_ns == written
    assert session.sync() is None


def test_a_file_broken_elsewhere_is_not_written_over(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    session = Session.open(path)
    path.write_text('format = 1\nstage = "thank-you\n')  # a hand edit gone wrong
    result = session.sync()
    assert result is not None and not result.ok and "does not read" in result.message
    assert session.sync() is None  # said once
    session.draft.notes.topics = "kept"
    session.dirty = True
    saved = session.save()
    assert not saved.ok and "still here" in saved.message
    assert path.read_text() == 'format = 1\nstage = "thank-you\n'
    assert session.draft.notes.topics == "kept"


def test_the_demo_is_never_saved_among_the_drafts(isolated_home: Path) -> None:
    """Issue 10 item 21: ctrl+s in the demo writes nothing into the drafts folder."""
    from followup_tui import paths

    session = Session(demo_draft(NOW), None, ephemeral=True)
    result = session.save()
    assert not result.ok and "demo" in result.message
    assert not paths.drafts_dir().exists() or not list(paths.drafts_dir().iterdir())
    assert listing.list_drafts() == []
