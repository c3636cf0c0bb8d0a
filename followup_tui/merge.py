"""Three-way merge of a draft changed in two places (the app, and the disk behind its back).

`base` is the draft as last read from or written to the file, `ours` what the app holds now,
`theirs` what the file holds now (a `followup-tui sent`, another window, a hand edit). A
change made on one side only is taken; a text changed differently on both sides keeps both
texts, marked, so the user picks (the placeholders practice fails until the mark is gone).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

from followup_tui.model import Draft, Interviewer, ManualEdit, SentRecord

T = TypeVar("T")

# TODO makes the checklist's placeholders practice fail while both texts are there.
CONFLICT_MARK = "TODO keep one: the text below was changed elsewhere at the same time"


@dataclass
class MergeResult:
    """The merged draft and the names of the fields both sides changed differently."""

    draft: Draft
    conflicts: list[str] = field(default_factory=list)


def both_texts(ours: str, theirs: str) -> str:
    """One text holding both versions, ours first, with the mark between them."""
    return f"{ours.rstrip()}\n\n{CONFLICT_MARK}\n{theirs.strip()}"


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[str] = []

    def value(self, name: str, base: T, ours: T, theirs: T) -> T:
        """A value changed on one side takes that side; on both, ours (the user's screen)."""
        if ours in (base, theirs):
            return theirs
        if theirs != base:
            self.conflicts.append(name)
        return ours

    def text(self, name: str, base: str, ours: str, theirs: str) -> str:
        """Like `value`, but a true conflict keeps both texts."""
        if ours in (base, theirs):
            return theirs
        if theirs == base:
            return ours
        self.conflicts.append(name)
        return both_texts(ours, theirs)

    def record(
        self, name: str, base: Any, ours: Any, theirs: Any, choices: tuple[str, ...] = ()
    ) -> Any:
        """A dataclass of texts and values, field by field; `choices` are words, not texts."""
        changes = {}
        for f in dataclasses.fields(ours):
            b, o, t = (getattr(x, f.name) for x in (base, ours, theirs))
            merge = self.text if isinstance(o, str) and f.name not in choices else self.value
            changes[f.name] = merge(f"{name}.{f.name}", b, o, t)
        return dataclasses.replace(ours, **changes)

    def mapping(
        self, name: str, base: dict[str, T], ours: dict[str, T], theirs: dict[str, T]
    ) -> dict[str, T]:
        merged: dict[str, T] = {}
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            b, o, t = base.get(key), ours.get(key), theirs.get(key)
            if o is None or t is None:
                # Removed on one side: gone if the other side left it as it was.
                kept = t if o is None else o
                if (o is None and t == b) or (t is None and o == b):
                    continue
                if kept is not None:
                    merged[key] = kept
                continue
            if isinstance(o, ManualEdit) and isinstance(t, ManualEdit):
                merged[key] = self.record(f"{name}.{key}", b or ManualEdit(), o, t)
            else:
                value = self.value(f"{name}.{key}", b, o, t)
                if value is not None:
                    merged[key] = value
        return merged

    def interviewers(
        self, base: list[Interviewer], ours: list[Interviewer], theirs: list[Interviewer]
    ) -> list[Interviewer]:
        if ours == base:
            return [dataclasses.replace(i) for i in theirs]
        if theirs == base:
            return ours
        if len(ours) == len(theirs) == len(base):
            return [
                self.record(f"interviewers[{n}]", b, o, t)
                for n, (b, o, t) in enumerate(zip(base, ours, theirs, strict=True))
            ]
        # Rows added or removed on both sides: ours, plus the people only the file added.
        added = [i for i in theirs if i not in base and i not in ours]
        if added:
            self.conflicts.append("interviewers")
        return ours + [dataclasses.replace(i) for i in added]


def _sent_key(record: SentRecord) -> tuple[str, str, str]:
    return (record.stage, record.at.isoformat(), record.to)


def _merge_sent(
    base: list[SentRecord], ours: list[SentRecord], theirs: list[SentRecord]
) -> list[SentRecord]:
    """Every record either side added; a record removed on either side stays removed."""
    base_keys = {_sent_key(s) for s in base}
    our_keys = {_sent_key(s) for s in ours}
    their_keys = {_sent_key(s) for s in theirs}
    merged: dict[tuple[str, str, str], SentRecord] = {}
    for record in [*ours, *theirs]:
        key = _sent_key(record)
        if key in base_keys and (key not in our_keys or key not in their_keys):
            continue
        merged.setdefault(key, record)
    return sorted(merged.values(), key=lambda s: s.at)


def merge_drafts(base: Draft, ours: Draft, theirs: Draft) -> MergeResult:
    """Merge the changes made in `ours` and in `theirs` since `base` into one new draft."""
    m = _Merger()
    outcome = m.value("outcome", base.outcome, ours.outcome, theirs.outcome)
    outcome_at = theirs.outcome_at if outcome == theirs.outcome else ours.outcome_at
    merged = Draft(
        interview=m.record(
            "interview", base.interview, ours.interview, theirs.interview, ("format",)
        ),
        interviewers=m.interviewers(base.interviewers, ours.interviewers, theirs.interviewers),
        notes=m.record("notes", base.notes, ours.notes, theirs.notes),
        stage=m.value("stage", base.stage, ours.stage, theirs.stage),
        tone=m.value("tone", base.tone, ours.tone, theirs.tone),
        edits=m.mapping("edits", base.edits, ours.edits, theirs.edits),
        ticks=m.mapping("ticks", base.ticks, ours.ticks, theirs.ticks),
        proofread=m.mapping("proofread", base.proofread, ours.proofread, theirs.proofread),
        sent=_merge_sent(base.sent, ours.sent, theirs.sent),
        outcome=outcome,
        outcome_at=outcome_at,
    )
    return MergeResult(merged.copy(), m.conflicts)
