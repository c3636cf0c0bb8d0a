"""Hostile templates (issue 11, items 3 and 4): a compile-time failure of any kind is a message
with the file, and a runaway template is stopped by its time and size budget.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from followup_tui import paths, render, storage
from followup_tui.app.app import make_app
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.errors import FileFormatError, TemplateBudgetError
from followup_tui.model import Settings
from followup_tui.sandbox import TIME_LIMIT
from tests.app_pilot import email_body

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")

COMPILE_FAILURES = {
    "huge-power": "{{ 10**5000 }}",
    "deep-parentheses": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "deep-lists": "{{ " + "[" * 3000 + "]" * 3000 + " }}",
    "deep-blocks": "{% if 1 %}" * 400 + "x" + "{% endif %}" * 400,
}

RUNAWAYS = {
    "nested-range": "{% for i in range(99999) %}{% for j in range(99999) %}"
    "{% endfor %}{% endfor %}",
    "nested-range-output": "{% for i in range(99999) %}{% for j in range(99999) %}x"
    "{% endfor %}{% endfor %}",
    "grown-while-looped": "{% set l = [1] %}{% for x in l %}{% set _ = l.append(x) %}{% endfor %}",
    "grown-and-printed": "{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}",
    "nested-lists": "{% set l = range(99999)|list %}{% for a in l %}{% for b in l %}"
    "{% endfor %}{% endfor %}",
    "doubling": "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "repeat": "{{ 'x' * 10**9 }}",
    "repeat-literal": "{{ 'x' * 999999999 }}",
    "repeat-list": "{{ [0] * 999999999 }}",
    "percent-width": "{{ '%999999999s' % 'x' }}",
    "format-width": "{{ '{:999999999}'.format('x') }}",
    "format-filter": "{{ '%999999999d'|format(1) }}",
    "star-width": "{{ '%*s' % (999999999, 'x') }}",
    "center-filter": "{{ 'x'|center(999999999) }}",
    "center-method": "{{ 'x'.center(999999999) }}",
    "power": "{{ 9 ** 99999 }}",
    "macro-recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
}


def user_template(body: str) -> Path:
    path = paths.user_templates_dir() / "thank-you" / "warm.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Subject: Thanks\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def draft_file() -> Path:
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    storage.save_settings(Settings(profile=demo_profile()))
    return path


@pytest.mark.parametrize("body", COMPILE_FAILURES.values(), ids=COMPILE_FAILURES)
def test_a_template_that_cannot_compile_is_a_file_error(body: str) -> None:
    path = user_template(body)
    with pytest.raises(FileFormatError) as caught:
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    message = str(caught.value)
    assert str(path) in message and len(message.splitlines()) == 1


@pytest.mark.parametrize("body", RUNAWAYS.values(), ids=RUNAWAYS)
def test_a_runaway_template_is_stopped_within_its_budget(body: str) -> None:
    path = user_template(body)
    started = time.monotonic()
    with pytest.raises(FileFormatError) as caught:
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    assert time.monotonic() - started < TIME_LIMIT + 3
    assert str(path) in str(caught.value)
    if "macro" not in body:  # Python's own recursion limit stops that one first
        assert isinstance(caught.value, TemplateBudgetError), caught.value


def test_lipsum_is_gone_and_ordinary_templates_still_work() -> None:
    user_template("{{ lipsum(100) }}")
    with pytest.raises(FileFormatError, match="lipsum"):
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    user_template(
        "{{ greeting_name }} {{ '%-5s|'|format('ab') }} {{ '{:>4}'.format(7) }}"
        " {{ range(3)|list }} {{ topic_list|length }}"
        "{% for t in topic_list %} {{ loop.index }}.{{ t }}{% endfor %}"
        " {{ 2 ** 10 }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ '%d%%' % 50 }}"
    )
    email = render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    # (runs of spaces become one as the email is tidied)
    assert email.body.startswith("Priya ab | 7 [0, 1, 2] 2 1.")
    assert email.body.endswith("1024 ababab [1, 2] 50%")


@pytest.mark.parametrize(
    "body", [COMPILE_FAILURES["huge-power"], RUNAWAYS["nested-range"], RUNAWAYS["repeat"]]
)
def test_the_command_line_exits_2_within_seconds(body: str, draft_file: Path) -> None:
    path = user_template(body)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "render", str(draft_file)],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "FOLLOWUP_TUI_NOW": NOW.isoformat()},
    )
    assert time.monotonic() - started < TIME_LIMIT * 2 + 5
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(path) in lines[0]


async def test_the_app_shows_a_runaway_template_and_still_quits(draft_file: Path) -> None:
    user_template(RUNAWAYS["nested-range"])
    app = make_app(draft_file, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 30
        body = ""
        while time.monotonic() < deadline:
            body = email_body(app)
            if "took too long" in body:
                break
            await pilot.pause(0.1)
        assert "took too long" in body
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
