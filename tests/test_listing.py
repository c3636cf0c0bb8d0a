"""The drafts folder as the lists read it: through the index, never showing a stale draft."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup_tui import listing, paths, storage
from followup_tui.demo import demo_draft
from followup_tui.model import Draft, Interview, Interviewer, SentRecord, Stage

NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)


def save(name: str, company: str) -> Path:
    draft = demo_draft(NOW)
    draft.interview.company = company
    draft.interview.decision_by = date(2026, 12, 4)
    draft.sent = [SentRecord(Stage.THANK_YOU, datetime(2026, 11, 21, 9, 30, tzinfo=UTC), "x@y.z")]
    draft.outcome, draft.outcome_at = "rejected", datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    path = paths.drafts_dir() / f"{name}.toml"
    storage.save_draft(path, draft)
    return path


def companies() -> list[str | None]:
    return [e.draft.interview.company if e.draft else None for e in listing.list_drafts()]


def test_listed_drafts_are_the_files_list_fields_first_read_and_from_the_index() -> None:
    paths_ = [save("a", "Acme"), save("b", "Bolt")]
    first = listing.list_drafts()
    assert listing.index_file().is_file()
    second = listing.list_drafts()
    for entries in (first, second):
        assert [e.path for e in entries] == paths_
        for entry, path in zip(entries, paths_, strict=True):
            full = storage.load_draft(path)
            assert entry.draft == listing.summary(full)
            # what a list shows and acts on is all there; the notes are not needed
            assert entry.draft.interview == full.interview
            assert entry.draft.sent == full.sent and entry.draft.outcome_at == full.outcome_at
            assert [i.email for i in entry.draft.interviewers] == [
                i.email for i in full.interviewers
            ]


def test_a_draft_changed_on_disk_is_read_again_even_at_the_same_size_and_mtime() -> None:
    path = save("a", "Acme")
    assert companies() == ["Acme"]
    before = path.stat()
    text = path.read_text().replace('company = "Acme"', 'company = "Axme"')
    path.write_text(text)  # same length; then the old modification time put back
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert companies() == ["Axme"]


def test_saved_through_the_app_storage_the_new_text_is_listed() -> None:
    path = save("a", "Acme")
    assert companies() == ["Acme"]
    storage.update_draft(path, lambda d: setattr(d.interview, "company", "Acme Labs"))
    assert companies() == ["Acme Labs"]


def test_unreadable_drafts_are_listed_with_their_error_and_kept_out_of_the_index() -> None:
    save("a", "Acme")
    (paths.drafts_dir() / "broken.toml").write_text("x = [")
    entries = listing.list_drafts()
    assert entries[1].draft is None and entries[1].error is not None
    assert entries[1].error.line == 1
    kept = listing.read_index(listing.index_file())
    assert list(kept) == [str(paths.drafts_dir() / "a.toml")]
    # fixed in an editor: listed at once
    storage.save_draft(paths.drafts_dir() / "broken.toml", Draft(Interview("Fixed")))
    assert companies() == ["Acme", "Fixed"]


def test_a_deleted_draft_leaves_the_list_and_the_index() -> None:
    save("a", "Acme")
    b = save("b", "Bolt")
    assert companies() == ["Acme", "Bolt"]
    b.unlink()
    assert companies() == ["Acme"]
    assert str(b) not in listing.read_index(listing.index_file())


@pytest.mark.parametrize(
    "index_text",
    [
        "not json {",
        "[1, 2]",
        '{"version": 99, "drafts": {}}',
        '{"version": 1, "drafts": []}',
        "[" * 100_000,
    ],
)
def test_a_damaged_index_is_rebuilt(index_text: str) -> None:
    save("a", "Acme")
    listing.index_file().parent.mkdir(parents=True, exist_ok=True)
    listing.index_file().write_text(index_text)
    assert companies() == ["Acme"]
    assert list(listing.read_index(listing.index_file())) == [str(paths.drafts_dir() / "a.toml")]


def test_an_index_entry_is_checked_like_a_file() -> None:
    """Entries with wrong types are read from the file; text is cleaned like a file's."""
    a, b = save("a", "Acme"), save("b", "Bolt")
    listing.list_drafts()
    data = json.loads(listing.index_file().read_text())
    data["drafts"][str(a)]["draft"]["interview"]["company"] = 42
    data["drafts"][str(b)]["draft"]["interview"]["company"] = "Bolt\x1b[31m\x07"
    listing.index_file().write_text(json.dumps(data))
    assert companies() == ["Acme", "Bolt[31m"]


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    save("a", "Acme")
    cache = Path(os.environ["XDG_CACHE_HOME"])
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the cache folder should be")
    assert companies() == ["Acme"]
    assert companies() == ["Acme"]


def test_no_folder_no_entries() -> None:
    assert listing.list_drafts() == []


def test_several_interviewers_keep_their_order_and_addresses() -> None:
    draft = Draft(
        Interview("Acme", "Engineer", datetime(2026, 11, 20, 10, tzinfo=UTC)),
        interviewers=[Interviewer("Ana Lee", email="ana@acme.test"), Interviewer("Bo Ng")],
    )
    storage.save_draft(paths.drafts_dir() / "a.toml", draft)
    for _ in range(2):
        (entry,) = listing.list_drafts()
        assert entry.draft is not None
        assert [(i.name, i.email) for i in entry.draft.interviewers] == [
            ("Ana Lee", "ana@acme.test"),
            ("Bo Ng", ""),
        ]


def test_the_open_draft_is_found_however_it_was_reached(tmp_path: Path) -> None:
    from followup_tui.app.screens.interview_rows import read_rows

    save("a", "Acme")
    save("b", "Bolt")
    folder = paths.drafts_dir()
    (folder / "link-to-b.toml").symlink_to(folder / "b.toml")
    other = tmp_path / "other"
    other.mkdir()
    storage.save_draft(other / "a.toml", Draft(interview=Interview(company="Elsewhere")))
    through = tmp_path / "through"
    through.symlink_to(folder)
    open_draft = Draft(interview=Interview(company="Open"))

    def opened(path: Path) -> set[str]:
        return {r.path.name for r in read_rows(path, open_draft, NOW) if r.is_open}

    # by the drafts folder reached through a link, by a link to the file, and a file of the
    # same name in another folder (not open)
    assert opened(through / "a.toml") == {"a.toml"}
    assert opened(folder / "b.toml") == {"b.toml", "link-to-b.toml"}
    assert opened(other / "a.toml") == set()
    rows = read_rows(folder / "b.toml", open_draft, NOW)
    assert {r.draft.interview.company for r in rows if r.is_open and r.draft} == {"Open"}
