"""The command line, run as a user runs it: a real subprocess with its own XDG folders."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui import storage
from followup_tui.cli import app_arguments, build_app_parser, main
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.model import Settings
from followup_tui.render import render_email

FIXTURES = Path(__file__).parent / "fixtures"
NOW = "2026-11-21T15:00:00+00:00"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m followup_tui ARGS` with the test's XDG folders and a frozen clock."""
    full_env = {**os.environ, "FOLLOWUP_TUI_NOW": NOW, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    from datetime import datetime

    path = tmp_path / "northwind.toml"
    storage.save_draft(path, demo_draft(datetime.fromisoformat(NOW)))
    storage.save_settings(Settings(profile=demo_profile()))
    return path


def test_scriptable_commands_never_import_textual(draft_file: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from followup_tui.cli import main\n"
        "for argv in (['render', sys.argv[1]], ['check', sys.argv[1]], ['list'],"
        " ['export', sys.argv[1], '--format', 'eml'], ['--version']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit:\n"
        "            pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(draft_file)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_render_prints_subject_blank_line_body(draft_file: Path) -> None:
    result = run("render", str(draft_file), "--interviewer", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Subject: ")
    expected = render_email(storage.load_draft(draft_file), storage.load_settings().profile)
    assert lines[0] == f"Subject: {expected.subject}"
    assert "Senior Data Engineer" in lines[0]
    assert lines[1] == ""
    assert "Priya" in lines[2]
    assert "Alex Morgan" in result.stdout


def test_render_switches_stage_tone_and_interviewer(draft_file: Path) -> None:
    warm = run("render", str(draft_file), "--interviewer", "Tom").stdout
    formal = run("render", str(draft_file), "--interviewer", "2", "--tone", "formal").stdout
    check_in = run("render", str(draft_file), "--interviewer", "2", "--stage", "check-in").stdout
    assert "Tomás" in warm and "Priya" not in warm.splitlines()[2]
    assert len({warm, formal, check_in}) == 3
    both = run("render", str(draft_file)).stdout
    assert both.count("Subject: ") == 2


def test_render_bad_input_exits_2_with_one_line(tmp_path: Path, draft_file: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\n[interview]\ncompany = "x\n')
    for args in (
        ("render", str(bad)),
        ("render", str(tmp_path / "missing.toml")),
        ("render", str(draft_file), "--interviewer", "9"),
        ("render", str(draft_file), "--tone", "sarcastic"),
        ("check", str(bad)),
    ):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("followup-tui: error: ")
    assert "bad.toml:3" in run("render", str(bad)).stderr


def test_check_guide_sample_email() -> None:
    result = run("check", str(FIXTURES / "guide002_sample.txt"), "--json")
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    # a plain email's stage is guessed from its text and given with every row
    assert all(set(row) == {"id", "status", "reason", "stage"} for row in rows)
    assert {row["stage"] for row in rows} == {"thank-you"}
    status = {row["id"]: row["status"] for row in rows}
    assert status["placeholders"] == "fail"
    for practice in ("gratitude", "next-steps", "interest"):
        assert status[practice] == "pass"
    for practice in ("personal", "qualifications", "concerns", "missed"):
        assert status[practice] in ("n/a", "todo")


def test_check_filled_in_sample_has_no_fail() -> None:
    result = run("check", str(FIXTURES / "guide002_filled.txt"))
    assert result.returncode == 0, result.stdout
    assert " fail " not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("stage: thank-you (guessed: ")
    assert len(lines) == 1 + 17


def test_check_reads_eml_and_drafts(tmp_path: Path, draft_file: Path) -> None:
    eml = tmp_path / "sample.eml"
    export = run("export", str(draft_file), "--format", "eml", "--interviewer", "1", "-o", str(eml))
    assert export.returncode == 0, export.stderr
    result = run("check", str(eml), "--json")
    status = {row["id"]: row["status"] for row in json.loads(result.stdout)}
    assert status["gratitude"] == "pass" and status["placeholders"] == "pass"
    panel = run("check", str(draft_file), "--json")
    rows = json.loads(panel.stdout)
    assert {row["interviewer"] for row in rows} == {1, 2}
    assert panel.returncode in (0, 1)


def test_check_refuses_binary_and_empty_input(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\xff")
    empty = tmp_path / "e.txt"
    empty.write_text("")
    for path in (binary, empty):
        result = run("check", str(path))
        assert result.returncode == 2
        assert str(path) in result.stderr


def test_new_then_list_soonest_first(isolated_home: Path) -> None:
    late = run("new", "--company", "Later Inc", "--role", "Dev", "--when", "2026-11-25T10:00+00:00")
    soon = run("new", "--company", "Soon Ltd", "--role", "Dev", "--when", "2026-11-20T10:00+00:00")
    assert late.returncode == 0 and soon.returncode == 0, late.stderr + soon.stderr
    assert Path(soon.stdout.strip()).is_file()
    listing = run("list")
    lines = listing.stdout.splitlines()
    assert "Soon Ltd" in lines[0] and "Later Inc" in lines[1]
    rows = json.loads(run("list", "--json").stdout)
    assert [row["company"] for row in rows] == ["Soon Ltd", "Later Inc"]
    assert rows[0]["next"] == "thank-you" and rows[0]["state"] in ("due", "overdue")
    assert rows[1]["state"] == "upcoming"


def test_new_takes_interviewers_as_names_or_addresses(isolated_home: Path) -> None:
    made = run(
        "new",
        "--role",
        "Dev",
        "--interviewer",
        "Ines  Duarte",
        "--interviewer",
        "Priya Raman <priya@northwind.example>",
        "--interviewer",
        "tomas@northwind.example",
    )
    assert made.returncode == 0, made.stderr
    people = storage.load_draft(Path(made.stdout.strip())).interviewers
    assert [(p.name, p.email) for p in people] == [
        ("Ines Duarte", ""),
        ("Priya Raman", "priya@northwind.example"),
        ("", "tomas@northwind.example"),
    ]


def test_list_says_an_undated_interview_needs_its_time(isolated_home: Path) -> None:
    run("new", "--company", "Dated", "--role", "Dev", "--when", "2026-11-20T10:00+00:00")
    run("new", "--company", "Undated", "--role", "Dev")
    lines = run("list").stdout.splitlines()
    assert "Dated" in lines[0]
    undated = lines[1]
    assert undated.startswith("no date") and "Undated" in undated
    assert "set the interview's time" in undated
    assert "nothing left to send" not in undated


def test_new_rejects_a_bad_time() -> None:
    result = run("new", "--company", "X", "--when", "next tuesday")
    assert result.returncode == 2
    assert "next tuesday" in result.stderr


def test_sent_and_outcome_update_the_draft(draft_file: Path) -> None:
    assert run("sent", str(draft_file), "--stage", "thank-you").returncode == 0
    assert run("outcome", str(draft_file), "rejected").returncode == 0
    draft = storage.load_draft(draft_file)
    assert [s.stage for s in draft.sent] == ["thank-you"]
    assert draft.outcome == "rejected"


def test_version_and_module_entry() -> None:
    from followup_tui import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"followup-tui {__version__}"


def test_main_returns_exit_code_in_process(
    draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(FIXTURES / "guide002_filled.txt")]) == 0
    assert main(["render", str(draft_file.with_name("nope.toml"))]) == 2
    assert "nope.toml" in capsys.readouterr().err


# ---------------------------------------------------------------- opening the app

_APP_ARGS = st.lists(
    st.sampled_from(["--demo", "draft.toml", "other.toml", "", "a b.toml", "-x", "--", "--dem"]),
    max_size=3,
)


@given(_APP_ARGS)
def test_app_arguments_read_as_argparse_reads_them(argv: list[str]) -> None:
    """The start's own reading of `[FILE] [--demo]` gives what argparse gives, or defers."""
    try:
        expected = build_app_parser().parse_args(argv)
    except SystemExit:
        with pytest.raises(SystemExit), contextlib.redirect_stderr(io.StringIO()):
            app_arguments(argv)
        return
    assert app_arguments(argv) == (expected.file, expected.demo)


def test_app_arguments_leave_help_and_version_to_argparse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        app_arguments(["--version"])
    assert capsys.readouterr().out.startswith("followup-tui ")
    with pytest.raises(SystemExit):
        app_arguments(["--help"])
    assert "--demo" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "suggested"),
    [
        (["lsit"], "list"),
        (["rendr"], "render"),
        (["snet"], "sent"),
        (["send"], "sent"),
        (["notes"], ""),
    ],
)
def test_a_misspelt_command_exits_2_naming_the_closest_and_writes_nothing(
    tmp_path: Path, argv: list[str], suggested: str
) -> None:
    """Issue 10 item 20: `followup-tui lsit` used to open the app and write `lsit` here."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", *argv],
        capture_output=True,
        text=True,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "FOLLOWUP_TUI_NOW": NOW},
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a command nor an existing file" in result.stderr
    if suggested:
        assert f"did you mean `followup-tui {suggested}`" in result.stderr
    else:
        assert "did you mean" not in result.stderr
    assert list(folder.iterdir()) == []


def test_an_existing_file_or_a_new_toml_path_is_still_a_draft(tmp_path: Path) -> None:
    from followup_tui.cli import check_draft_argument

    existing = tmp_path / "notes.txt"
    existing.write_text("x")
    check_draft_argument(existing)
    check_draft_argument(tmp_path / "new-interview.toml")
    check_draft_argument(None)
