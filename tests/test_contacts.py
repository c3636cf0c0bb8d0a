"""A hand-edited email whose signature still has old contact details fails the checklist."""

from __future__ import annotations

from datetime import datetime

from followup_tui.contacts import stale_contact
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Draft, Email, ManualEdit, Profile, edit_key
from followup_tui.practices import evaluate
from followup_tui.render import render_all

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")


def signature(draft: Draft, profile: Profile, email: Email) -> tuple[str, str]:
    result = next(r for r in evaluate(email, draft=draft, profile=profile, now=NOW)
                  if r.id == "signature")  # fmt: skip
    return result.status, result.reason


def test_an_edited_email_with_the_old_phone_fails_with_the_reason() -> None:
    """Issue 10 item 12: the profile's phone changed after the email was edited by hand."""
    draft = demo_draft(NOW)
    old = demo_profile()
    email = render_all(draft, old, now=NOW)[0]
    draft.edits[edit_key(draft.stage, 0)] = ManualEdit(email.subject, email.body + "\n")
    new = Profile(**{**old.__dict__, "phone": "+44 20 7946 0999"})
    edited = render_all(draft, new, now=NOW)[0]
    assert edited.edited and old.phone in edited.body
    status, reason = signature(draft, new, edited)
    assert status == "fail"
    assert old.phone in reason and new.phone in reason
    # the generated email follows the profile, and passes
    del draft.edits[edit_key(draft.stage, 0)]
    fresh = render_all(draft, new, now=NOW)[0]
    assert new.phone in fresh.body
    assert signature(draft, new, fresh)[0] == "pass"


def test_an_old_email_address_is_named_too() -> None:
    profile = Profile("Alex Morgan", "alex@new.example", "")
    assert "alex@old.example" in stale_contact("Alex Morgan\nalex@old.example", profile)
    assert stale_contact("Alex Morgan\nALEX@new.example", profile) == ""


def test_the_same_phone_written_another_way_is_not_stale() -> None:
    profile = Profile("Alex Morgan", "", "+44 20 7946 0018")
    assert stale_contact("Alex Morgan\n020 7946 0018", profile) == ""
    assert stale_contact("Alex Morgan\n(020) 7946-0018", profile) == ""
    assert stale_contact("Alex Morgan\n+44 20 7946 0999", profile) != ""


def test_details_of_a_kind_the_profile_lacks_are_not_judged() -> None:
    assert stale_contact("Alex\n+1 555 010 0200\nalex@x.example", Profile("Alex")) == ""
