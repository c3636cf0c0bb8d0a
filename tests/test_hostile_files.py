"""Hostile and broken input (issue 11): control characters, files that are not files, deep
TOML, a byte-order mark, and the command line's one-line errors.

Each test here failed on the main of the day the issue was filed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from followup_tui import diskio, paths, storage
from followup_tui.cli import main as cli_main
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.errors import FileFormatError
from followup_tui.model import Settings
from followup_tui.render import UnknownTemplateError, render_email
from followup_tui.text import clean, clean_line, shown

NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")

# What a terminal takes as commands: OSC 52 (set the clipboard), a title, clear screen, BEL,
# and the same as C1 (8-bit) controls.
HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]0;owned\x07\x1b[2J\x07\x9b2J\x9d0;x\x9c\x00"
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run_cli(*args: str) -> tuple[int, str, str]:
    """`followup-tui ARGS` in this process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return code, out.getvalue(), err.getvalue()


def run_real(*args: str, timeout: float = 20, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """`followup-tui ARGS` as its own process, with the test's folders and a frozen clock."""
    env = {**os.environ, "FOLLOWUP_TUI_NOW": NOW.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        **kwargs,
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("followup-tui: error: "), stderr
    return lines[0]


def hostile_draft_toml() -> str:
    """The demo draft with terminal commands typed into its text fields, as a crafted file."""
    escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    text = storage.dump_draft(demo_draft(NOW))
    text = text.replace('company = "Northwind', f'company = "{escaped}Northwind', 1)
    return text.replace('topics = "', f'topics = "{escaped}', 1)


@pytest.fixture
def hostile_draft() -> Path:
    path = paths.drafts_dir() / "hostile.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hostile_draft_toml(), encoding="utf-8")
    storage.save_settings(Settings(profile=demo_profile()))
    return path


# --------------------------------------------------------------------------- control characters


def test_clean_keeps_text_newlines_and_tabs_and_drops_every_control() -> None:
    assert clean(f"a{HOSTILE}b\r\nc\td\u2028e") == "a]52;c;cm0gLXJmIH4=]0;owned[2J2J0;xb\nc\td\ne"
    assert clean_line("one\ntwo\tthree\x1b") == "one two three"
    assert clean("Zoë — 東京") == "Zoë — 東京"


def test_control_characters_are_dropped_as_a_draft_loads(hostile_draft: Path) -> None:
    draft = storage.load_draft(hostile_draft)
    assert draft.interview.company.endswith("Northwind Analytics")
    assert not TERMINAL_CONTROL.search(draft.interview.company + draft.notes.topics)


def test_list_render_and_every_export_carry_no_control_characters(hostile_draft: Path) -> None:
    outputs = [
        run_cli("list"),
        run_cli("list", "--json"),
        run_cli("render", str(hostile_draft)),
        run_cli("check", str(hostile_draft)),
    ]
    for fmt in ("txt", "eml", "mailto", "ics"):
        done = run_real("export", str(hostile_draft), "--format", fmt, "--interviewer", "1")
        outputs.append((done.returncode, done.stdout, done.stderr))
    for code, out, err in outputs:
        assert code in (0, 1), err
        assert "northwind" in out.lower()
        # a .eml and an .ics end lines with CRLF; nothing else may be there
        assert not TERMINAL_CONTROL.search(out.replace("\r\n", "\n")), repr(out)


def test_a_template_that_writes_control_characters_is_cleaned() -> None:
    folder = paths.user_templates_dir() / "thank-you"
    folder.mkdir(parents=True)
    (folder / "warm.j2").write_text(
        "Subject: Hi{{ '\\x1b]0;owned\\x07' }}\n\nBody {{ '\\x1b[2J' }}text\n", encoding="utf-8"
    )
    email = render_email(demo_draft(NOW), demo_profile(), now=NOW)
    assert email.subject == "Hi]0;owned"
    assert email.body == "Body [2Jtext"


def test_a_manual_edit_with_control_characters_is_cleaned() -> None:
    from followup_tui.model import ManualEdit

    draft = demo_draft(NOW)
    draft.edits["thank-you:0"] = ManualEdit(subject="S\x1b]52;c;eA==\x07", body="B\x1b[2J\n\x07x")
    email = render_email(draft, demo_profile(), now=NOW, stage="thank-you", interviewer=0)
    if email.edited:  # the key format is the model's; either way nothing raw comes out
        assert (email.subject, email.body) == ("S]52;c;eA==", "B[2J\nx")
    assert not TERMINAL_CONTROL.search(email.subject + email.body.replace("\n", ""))


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes() -> None:
    folder = Path(tempfile.mkdtemp())
    name = os.fsdecode(b"caf\xe9\x1b[2J.toml")
    path = folder / name
    path.write_bytes(b"not = [valid")
    with pytest.raises(FileFormatError) as caught:
        storage.load_draft(path)
    message = str(caught.value)
    assert "caf\\xe9\\x1b[2J.toml" in message
    message.encode("utf-8")  # printable anywhere: no lone surrogates
    assert shown(path).endswith("caf\\xe9\\x1b[2J.toml")


# --------------------------------------------------------------------------- files


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + storage.dump_draft(demo_draft(NOW)).encode())
    assert storage.load_draft(path) == storage.load_draft(_saved(tmp_path))
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(b"\xef\xbb\xbf" + b'[profile]\nname = "Sam Lee"\n')
    assert storage.load_settings().profile.name == "Sam Lee"


def _saved(folder: Path) -> Path:
    path = folder / "plain.toml"
    storage.save_draft(path, demo_draft(NOW))
    return path


@pytest.mark.parametrize("opening", ["[", "{a=", "[{a=", "{a.b={c="])
def test_deeply_nested_toml_is_a_malformed_file(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + opening * 5000 + "\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="nested too deeply"):
        storage.load_draft(path)


def test_a_deep_draft_is_named_and_the_others_still_list(draft_path: Path) -> None:
    (draft_path.parent / "deep.toml").write_text("x = " + "[" * 5000, encoding="utf-8")
    code, out, err = run_cli("list")
    assert code == 0
    assert "Northwind" in out
    assert "deep.toml" in err and "nested too deeply" in err


def test_a_deep_config_is_named_and_render_still_works(draft_path: Path) -> None:
    paths.config_file().write_text("x = " + "{a=" * 5000, encoding="utf-8")
    code, _, err = run_cli("render", str(draft_path))
    assert code == 2
    assert "config.toml" in one_error_line(err) and "nested too deeply" in err


def _special_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    fifo = folder / "pipe.toml"
    os.mkfifo(fifo)
    zero = folder / "zero.toml"
    zero.symlink_to("/dev/zero")
    null = folder / "null.toml"  # reads as empty: it would pass for an empty draft
    null.symlink_to("/dev/null")
    (folder / "folder.toml").mkdir()
    return [fifo, zero, null, folder / "folder.toml"]


def test_fifos_devices_and_folders_named_like_drafts_are_refused_at_once(
    draft_path: Path,
) -> None:
    specials = _special_files(draft_path.parent)
    for path in specials:
        with pytest.raises(FileFormatError, match="not a regular file"):
            storage.load_draft(path)
    # a separate process: a hang here would be a hang of `list`, not of the test run
    done = run_real("list")
    assert done.returncode == 0, done.stderr
    assert "Northwind" in done.stdout
    for path in specials:
        assert path.name in done.stderr
    for path in specials[:2]:
        done = run_real("render", str(path))
        assert done.returncode == 2
        assert "not a regular file" in one_error_line(done.stderr)
    assert storage.most_recent_draft() == draft_path


def test_check_refuses_a_fifo_and_an_empty_email(tmp_path: Path) -> None:
    fifo = tmp_path / "mail.eml"
    os.mkfifo(fifo)
    done = run_real("check", str(fifo))
    assert done.returncode == 2 and "not a regular file" in one_error_line(done.stderr)
    for name, content in (("empty.eml", b""), ("blank.eml", b"\n\n"), ("headers.eml", b"X: 1\n\n")):
        (tmp_path / name).write_bytes(content)
        code, _, err = run_cli("check", str(tmp_path / name))
        assert code == 2, (name, err)
        assert name in one_error_line(err)


def test_check_names_an_eml_with_an_unknown_charset(tmp_path: Path) -> None:
    path = tmp_path / "odd.eml"
    path.write_bytes(
        b"Subject: Thanks\nContent-Type: text/plain; charset=x-no-such-charset\n"
        b"Content-Transfer-Encoding: 8bit\n\nThank you \xe9\n"
    )
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert "odd.eml" in one_error_line(err)


def test_a_tone_with_a_line_break_is_not_a_tone(draft_path: Path) -> None:
    text = draft_path.read_text(encoding="utf-8").replace('tone = "warm"', 'tone = "warm\\n"')
    draft_path.write_text(text, encoding="utf-8")
    draft = storage.load_draft(draft_path)
    assert draft.tone == "warm\n"
    with pytest.raises(UnknownTemplateError):
        render_email(draft, demo_profile(), now=NOW)
    code, _, err = run_cli("render", str(draft_path), "--tone", "warm\n")
    assert code == 2 and "no such tone" in one_error_line(err)


# --------------------------------------------------------------------------- the command line


def test_list_and_new_say_when_the_drafts_folder_is_a_file() -> None:
    folder = paths.drafts_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")
    for args in (("list",), ("new", "--company", "Acme")):
        code, out, err = run_cli(*args)
        assert code == 2, args
        assert "No interviews yet" not in out
        assert "is a file, not a folder" in one_error_line(err)


@pytest.mark.parametrize("command", [["sent"], ["outcome", "offer"], ["new"]])
@pytest.mark.parametrize("fault", [errno.EROFS, errno.ENOSPC])
def test_a_disk_that_refuses_writes_is_one_line(
    command: list[str], fault: int, draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise OSError(fault, os.strerror(fault))

    # as root, a read-only folder still takes writes: the refusal comes from mkstemp instead
    monkeypatch.setattr(diskio.tempfile, "mkstemp", refuse)
    before = draft_path.read_bytes()
    argv = [command[0], *([str(draft_path)] if command[0] != "new" else []), *command[1:]]
    code, out, err = run_cli(*argv)
    assert code == 2
    assert os.strerror(fault) in one_error_line(err)
    assert draft_path.read_bytes() == before


def test_an_argument_that_is_not_utf8_is_refused(draft_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "new", "--company", b"Caf\xe9"],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        timeout=20,
    )
    assert done.returncode == 2
    assert "--company" in one_error_line(done.stderr.decode())
    assert "not UTF-8" in done.stderr.decode()


def test_a_superscript_digit_is_not_an_interviewer_number(draft_path: Path) -> None:
    code, _, err = run_cli("render", str(draft_path), "--interviewer", "²")
    assert code == 2
    assert "--interviewer" in one_error_line(err)


@pytest.mark.parametrize(
    "spec",
    [
        "Priya <priya@northwind.example>, eve@evil.example",
        "priya@northwind.example?bcc=eve@evil.example",
        "priya@northwind.example Bcc: eve@evil.example",
        "Priya <priya@northwind.example>; eve@evil.example",
    ],
)
def test_new_takes_one_address_per_interviewer(spec: str) -> None:
    code, _, err = run_cli("new", "--company", "Acme", "--interviewer", spec)
    assert code == 2
    assert "--interviewer" in one_error_line(err)
    assert not list(paths.drafts_dir().glob("*.toml"))


def test_closed_and_full_standard_output_are_one_line(draft_path: Path) -> None:
    command = [sys.executable, "-m", "followup_tui", "render", str(draft_path)]
    env = {**os.environ, "FOLLOWUP_TUI_NOW": NOW.isoformat()}
    # `followup-tui render F >&-`: file descriptor 1 closed before Python starts
    done = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=20,
        env=env,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert "standard output is closed" in one_error_line(done.stderr)
    # `followup-tui render F >/dev/full`
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=20, env=env
        )
    assert done.returncode == 2
    assert "No space left on device" in one_error_line(done.stderr)


def test_the_app_with_standard_input_closed_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--demo"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2, done.stderr
    assert "standard input" in one_error_line(done.stderr)


# --------------------------------------------------------------------------- the lock file


@pytest.fixture(params=["read-only", "disk-full"])
def unwritable_lock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The lock file cannot be written: refused (read-only) or every write fails (/dev/full).

    As root a read-only folder still takes files, so the refusal is made at the lock's open.
    """
    real_open = os.open

    def open_lock(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            if request.param == "read-only":
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            real_open(path, flags, *args, **kwargs)  # the empty file a full disk leaves
            return real_open("/dev/full", os.O_WRONLY)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_lock)
    return str(request.param)


def test_a_lock_that_cannot_be_written_leaves_the_draft_open(
    draft_path: Path, unwritable_lock: str
) -> None:
    from followup_tui.session import Session

    session = Session.open(draft_path)
    assert session.acquire_lock() is None
    expected = errno.EROFS if unwritable_lock == "read-only" else errno.ENOSPC
    assert session.lock_error == os.strerror(expected)
    assert not list(draft_path.parent.glob(".*.lock"))  # no empty lock left behind
    assert session.draft.interview.company == "Northwind Analytics"


async def test_the_app_starts_says_why_and_keeps_the_text(
    draft_path: Path, unwritable_lock: str, notifications: Any
) -> None:
    from textual.widgets import Input

    from followup_tui.app.app import make_app

    app = make_app(draft_path, clock=lambda: NOW)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        warning = [n for n in seen if "Could not mark" in n]
        assert warning, seen
        assert "northwind.toml" in warning[0]
        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("end", "!")
        assert company.value.endswith("!")
        assert app.session.draft.interview.company.endswith("!")
        assert app.is_running


def test_the_new_core_modules_import_no_textual() -> None:
    code = (
        "import sys\n"
        "import followup_tui.text, followup_tui.sandbox, followup_tui.mailfile\n"
        "import followup_tui.commands\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_save_names_a_non_utf8_file_with_escapes(tmp_path: Path) -> None:
    from followup_tui.session import Session

    path = tmp_path / os.fsdecode(b"caf\xe9.toml")
    session = Session(demo_draft(NOW), path)
    result = session.save()
    assert result.ok and result.message == "saved caf\\xe9.toml"
    result.message.encode("utf-8")  # nothing a terminal cannot be sent
