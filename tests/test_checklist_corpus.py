"""The checklist against a corpus of emails judged by hand (tests/corpus/emails.toml).

Each email is checked as `followup-tui check` checks a plain email given no `--stage`: the
stage is guessed from the text. The agreement with the hand verdicts is printed and held at
95% or more, and a blank or a greeting the hand judged bad must never pass.
"""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from followup_tui.model import Draft, Interview, Interviewer
from followup_tui.practices import Result, evaluate, guess_stage, parse_plain_email

CORPUS = Path(__file__).parent / "corpus" / "emails.toml"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
# The practices a reader judges from the email itself (the others need the interview's time,
# notes or other emails).
JUDGED = (
    "greeting",
    "gratitude",
    "personal",
    "interest",
    "qualifications",
    "next-steps",
    "brief",
    "subject",
    "placeholders",
    "signature",
    "polished",
    "tone",
    "filler",
)
NEVER_FALSE_PASS = ("placeholders", "greeting")


def _entries() -> list[dict[str, Any]]:
    with CORPUS.open("rb") as f:
        entries: list[dict[str, Any]] = tomllib.load(f)["email"]
    return entries


def _judge(entry: dict[str, Any]) -> tuple[str, dict[str, Result]]:
    email = parse_plain_email(entry["text"])
    stage, _ = guess_stage(email.subject, email.body)
    email = dataclasses.replace(email, stage=stage)
    draft = None
    if "interviewers" in entry:
        draft = Draft(
            interview=Interview(company=entry.get("company", ""), role=entry.get("role", "")),
            interviewers=[Interviewer(name) for name in entry["interviewers"]],
        )
    results = evaluate(email, draft=draft, now=NOW)
    return stage, {r.id: r for r in results}


def test_the_corpus_is_big_enough_and_covers_every_flaw() -> None:
    entries = _entries()
    assert len(entries) >= 30
    flawed = {p for e in entries for p, v in e.get("expect", {}).items() if v != "pass"}
    assert set(JUDGED) - {"gratitude"} <= flawed
    assert {e["stage"] for e in entries} == {"thank-you", "check-in", "feedback", "keep-in-touch"}


def test_the_checklist_agrees_with_the_hand_verdicts() -> None:
    agree = total = 0
    misses: list[str] = []
    false_passes: list[str] = []
    stages_right = 0
    for entry in _entries():
        stage, got = _judge(entry)
        stages_right += stage == entry["stage"]
        expected = entry.get("expect", {})
        for practice in JUDGED:
            want = expected.get(practice, "pass")
            have = got[practice]
            total += 1
            if have.status == want:
                agree += 1
            else:
                misses.append(
                    f"{entry['name']}: {practice} {have.status} ({have.reason}), not {want}"
                )
            if practice in NEVER_FALSE_PASS and want != "pass" and have.status == "pass":
                false_passes.append(f"{entry['name']}: {practice}")
    n = len(_entries())
    print(
        f"\ncorpus: {agree}/{total} verdicts agree ({agree / total:.1%}); stage guessed right "
        f"for {stages_right}/{n}"
    )
    print("\n".join(misses))
    assert not false_passes, false_passes
    assert agree / total >= 0.95, "\n".join(misses)
    assert stages_right == n
