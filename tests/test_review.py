"""One review of a draft (followup_tui.review): what the preview and the checklist are given."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followup_tui import paths
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.errors import FileFormatError, TemplateBudgetError
from followup_tui.model import ManualEdit
from followup_tui.practices import Result
from followup_tui.render import render_all
from followup_tui.review import (
    checklist_summary,
    describe_email,
    email_for,
    error_meta,
    pick,
    render_and_judge,
)
from followup_tui.timing import describe, mark_sent, next_follow_up

NOW = datetime(2025, 11, 19, 15, 0, tzinfo=UTC)


def broken_template() -> None:
    path = paths.user_templates_dir() / "thank-you" / "warm.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Subject: Thanks\n\n{% if %}\n", encoding="utf-8")


def test_render_and_judge_judges_the_chosen_interviewers_email() -> None:
    draft = demo_draft(NOW)
    rendered = render_and_judge(draft, demo_profile(), NOW, 1, generation=7)
    assert rendered.generation == 7 and rendered.error == ""
    assert [e.to for e in rendered.emails] == [e.to for e in render_all(draft, demo_profile())]
    assert rendered.email is not None and "tomas.herrera@northwind.example" in rendered.email.to
    assert "Tomás" in rendered.email.body
    assert {r.id for r in rendered.results} >= {"greeting", "signature", "subject"}
    assert rendered.meta.startswith(f"{rendered.email.word_count} words")


def test_an_interviewer_past_the_end_gets_the_last_email() -> None:
    draft = demo_draft(NOW)
    rendered = render_and_judge(draft, demo_profile(), NOW, 5, generation=1)
    assert rendered.email == rendered.emails[-1]
    assert email_for(draft, demo_profile(), NOW, 5).to == rendered.emails[-1].to
    assert pick(rendered.emails, 0) == rendered.emails[0]


def test_a_broken_template_gives_its_error_and_no_email() -> None:
    broken_template()
    rendered = render_and_judge(demo_draft(NOW), demo_profile(), NOW, 0, generation=3)
    assert rendered.email is None and rendered.emails == [] and rendered.results == []
    assert "warm.j2" in rendered.error
    assert rendered.meta == "fix the template, then the preview comes back"


def test_error_meta_names_a_template_stopped_at_its_budget() -> None:
    stopped = error_meta(TemplateBudgetError(Path("warm.j2"), "too slow"))
    assert "stopped" in stopped
    assert "stopped" not in error_meta(FileFormatError(Path("warm.j2"), "bad syntax"))


def test_describe_email_says_length_due_time_and_hand_edit() -> None:
    draft = demo_draft(NOW)
    email = email_for(draft, demo_profile(), NOW, 0)
    window = next_follow_up(draft, NOW)
    assert window is not None and window.stage == draft.stage
    line = describe_email(email, draft, NOW)
    assert line == f"{email.word_count} words · {describe(window, NOW)}"
    draft.set_edit(draft.stage, 0, ManualEdit("Thanks", "Thank you, Priya."))
    edited = email_for(draft, demo_profile(), NOW, 0)
    assert describe_email(edited, draft, NOW).endswith("edited by hand (ctrl+r regenerates)")


def test_describe_email_leaves_out_a_stage_already_sent() -> None:
    draft = demo_draft(NOW)
    email = email_for(draft, demo_profile(), NOW, 0)
    mark_sent(draft, draft.stage, NOW - timedelta(minutes=5), "priya")
    assert describe_email(email, draft, NOW) == f"{email.word_count} words"


def test_checklist_summary_counts_what_needs_the_user() -> None:
    def result(status: str) -> Result:
        return Result("subject", status, "", "")

    assert checklist_summary([result("pass"), result("n/a"), result("done")]) == "all clear"
    tally = [result("warn"), result("fail"), result("todo"), result("warn"), result("pass")]
    assert checklist_summary(tally) == "1 fail 2 warn 1 todo"


def test_review_imports_no_textual() -> None:
    code = (
        "import sys, followup_tui.review as r\n"
        "from followup_tui.demo import demo_draft, demo_profile\n"
        "from datetime import datetime, UTC\n"
        "r.render_and_judge(demo_draft(), demo_profile(), datetime.now(UTC), 0, 1)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_email_goes_to_each_interviewer_by_name_or_number() -> None:
    from followup_tui.model import Draft, Interviewer
    from followup_tui.review import recipients

    draft = Draft(interviewers=[Interviewer(name=" Ana Lee "), Interviewer()])
    assert recipients(draft) == [("Ana Lee", 0), ("Interviewer 2", 1)]
    assert recipients(Draft(interviewers=[])) == [("Interviewer 1", 0)]
