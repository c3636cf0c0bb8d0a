"""Random argument lists thrown at the command line (issue 11, item 8): whatever comes in,
`followup-tui` answers with its output or a one-line error and an exit status, never a
traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui import paths, storage
from followup_tui.cli import COMMANDS
from followup_tui.cli import main as cli_main
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Settings

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")

OPTIONS = [
    "--stage", "--tone", "--interviewer", "--format", "--json", "-o", "--output", "--at",
    "--when", "--company", "--role", "--open", "--invite", "--event", "--me", "--help",
    "--version", "--demo", "--", "-",
]  # fmt: skip
VALUES = [
    "thank-you", "check-in", "feedback", "keep-in-touch", "formal", "warm", "concise",
    "eml", "txt", "mailto", "ics", "rejected", "offer", "none", "0", "1", "2", "-1", "99",
    "²", "١", "yesterday 3pm", "2026-02-30T25:00", "2026-11-21T14:00+01:00", "9999-01-01",
    "Priya <p@x.example>, e@y.example", "p@x.example?bcc=e@y.example", "caf\udce9",
    "\x1b]52;c;aGk=\x07", "warm\n", "", " ", "-x", "--nope",
]  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """Every kind of file an argument can name: good, broken, special, missing."""
    good = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(good, demo_draft(NOW))
    storage.save_settings(Settings(profile=demo_profile()))
    broken = tmp_path / "broken.toml"
    broken.write_text("x = " + "[" * 3000)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    eml = tmp_path / "odd.eml"
    eml.write_bytes(b"Subject: Hi\nContent-Type: text/plain; charset=nope\n\n\xe9\n")
    ics = tmp_path / "invite.ics"
    ics.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026\nEND:VEVENT\nEND:VCALENDAR\n")
    txt = tmp_path / "mail.txt"
    txt.write_text("Subject: Thanks\n\nThank you for your time.\n")
    return [
        str(good),
        str(broken),
        str(fifo),
        str(eml),
        str(ics),
        str(txt),
        str(tmp_path),
        str(tmp_path / "missing.toml"),
        "/dev/null",
        "/dev/zero",
        str(tmp_path / "out" / "x.eml"),
    ]


def run(argv: list[str]) -> tuple[int, str]:
    """`followup-tui ARGV` in this process: exit status and standard error."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # with a .buffer, like a real one
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(argv)
        except SystemExit as exit:  # argparse: usage errors and --help
            code = exit.code if isinstance(exit.code, int) else 2
    return code, err.getvalue()


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_arguments_never_raise(
    data: st.DataObject, files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[object, bool]] = []

    def fake_app(path: object = None, *, demo: bool = False) -> int:
        # the terminal app itself is not run here: only how the arguments reach it
        started.append((path, demo))
        return 0

    monkeypatch.setattr("followup_tui.app.run", fake_app)
    monkeypatch.setenv("FOLLOWUP_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("PATH", "")  # no xdg-open, no editor: --open must say so, not start one
    words = st.sampled_from(OPTIONS) | st.sampled_from(VALUES) | st.sampled_from(files)
    first = st.sampled_from([*COMMANDS, *files[:2], "--demo", "--version", "--help", "bogus"])
    argv = [data.draw(first), *data.draw(st.lists(words | st.text(max_size=8), max_size=7))]
    code, err = run(argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code == 2 and err:
        last = err.strip().splitlines()[-1]
        assert last.startswith(("followup-tui: error:", "followup-tui ")), (argv, err)


@pytest.mark.parametrize(
    "argv",
    [
        ["sent", "\0"],
        ["render", "a\0b.toml"],
        ["export", "x.toml", "--format", "eml", "-o", "o\0"],
        ["n\0.toml"],
    ],
)
def test_a_nul_in_a_file_argument_is_a_usage_error(argv: list[str]) -> None:
    # found by the test above: os.open raised ValueError, a traceback
    code, err = run(argv)
    assert code == 2
    assert "NUL character" in err and "Traceback" not in err
