"""Stage and Tone are enums mypy checks, and still read and write as the same strings."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from followup_tui import storage, timing
from followup_tui.model import STAGES, TONES, Draft, Stage, Tone


def test_stages_and_tones_are_their_strings() -> None:
    assert [str(s) for s in STAGES] == ["thank-you", "check-in", "feedback", "keep-in-touch"]
    assert list(TONES) == ["formal", "warm", "concise"]
    assert Stage.CHECK_IN == "check-in" and f"{Tone.FORMAL}" == "formal"
    assert json.dumps({"stage": Stage.KEEP_IN_TOUCH}) == '{"stage": "keep-in-touch"}'


def test_a_saved_draft_keeps_the_plain_strings_and_reads_back_enums(tmp_path: Path) -> None:
    draft = Draft(stage=Stage.CHECK_IN, tone=Tone.FORMAL)
    timing.mark_sent(draft, Stage.THANK_YOU, datetime.fromisoformat("2026-11-21T18:00:00+00:00"))
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    text = path.read_text(encoding="utf-8")
    assert 'stage = "check-in"' in text and 'tone = "formal"' in text
    assert 'stage = "thank-you"' in text and "Stage." not in text
    again = storage.load_draft(path)
    assert again.stage is Stage.CHECK_IN and again.sent[0].stage is Stage.THANK_YOU
    assert again == draft


def test_the_core_hands_out_stages_not_strings() -> None:
    from followup_tui.demo import demo_draft, demo_profile
    from followup_tui.practices import guess_stage
    from followup_tui.render import render_all

    now = datetime.fromisoformat("2026-12-20T12:00:00+00:00")
    draft = demo_draft(now)
    stages = [w.stage for w in timing.windows(draft, now)]
    draft.outcome, draft.outcome_at = "rejected", now
    stages += [w.stage for w in timing.windows(draft, now)]
    assert set(stages) == set(Stage)
    assert all(type(stage) is Stage for stage in stages)
    guessed, _ = guess_stage("Checking in", "I wanted to check in on the decision.")
    assert type(guessed) is Stage and guessed is Stage.CHECK_IN
    emails = render_all(draft, demo_profile(), stage=Stage.FEEDBACK, now=now)
    assert {type(email.stage) for email in emails} == {Stage}
