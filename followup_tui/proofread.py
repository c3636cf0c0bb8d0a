"""Manual ticks that hold only for the text they were given to: the Proofread tick.

A proofread email that then changes (a note typed, a hand edit, a new profile phone, another
tone) is no longer the email that was read, so its tick no longer counts.
"""

from __future__ import annotations

import hashlib

from followup_tui.model import Draft, Email, edit_key

# Ticks that vouch for one exact text.
TEXT_BOUND = frozenset({"polished"})


def digest(email: Email) -> str:
    """A short fingerprint of the email as it would be sent (subject and body)."""
    return hashlib.sha256(email.text.encode("utf-8")).hexdigest()[:16]


def ticked(draft: Draft, email: Email, practice_id: str) -> bool:
    """Whether the user's tick of a manual practice holds for this email as it is now."""
    if not draft.ticks.get(practice_id):
        return False
    if practice_id not in TEXT_BOUND:
        return True
    return draft.proofread.get(edit_key(email.stage, email.interviewer)) == digest(email)


def toggle(draft: Draft, email: Email, practice_id: str) -> bool:
    """Flip the tick as the user sees it on this email; returns the new state."""
    done = not ticked(draft, email, practice_id)
    draft.ticks[practice_id] = done
    if practice_id in TEXT_BOUND:
        key = edit_key(email.stage, email.interviewer)
        if done:
            draft.proofread[key] = digest(email)
        else:
            draft.proofread.pop(key, None)
    return done
