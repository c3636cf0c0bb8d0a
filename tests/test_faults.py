"""Faults and bad input (issue #4): broken files of every kind, hostile templates, random notes,
two windows on one draft, and a disk that refuses to be written.

The promise under test: a file that cannot be used is named in a clear message, the app keeps
running, and nothing the user has (on disk or on screen) is lost or overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from followup_tui import diskio, paths, render, storage
from followup_tui.app import saving
from followup_tui.app.app import FollowupApp, make_app
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.themes import load_theme_file
from followup_tui.cli import main as cli_main
from followup_tui.clipboard import CopyResult
from followup_tui.demo import demo_draft, demo_profile
from followup_tui.errors import FileFormatError
from followup_tui.model import (
    STAGES,
    TONES,
    Draft,
    Interview,
    Interviewer,
    Notes,
    Profile,
    Settings,
)
from followup_tui.practices import PRACTICES, STATUSES, evaluate
from followup_tui.session import Session
from tests.app_pilot import edit_on_disk, email_body

# `notifications(app)` (a fixture in conftest): what the app tells the user.
Notifications = Callable[[Any], list[str]]
NOW = datetime.fromisoformat("2026-11-21T15:00:00+00:00")
MB = 1024 * 1024
HUGE = 50 * MB

# --------------------------------------------------------------------------- helpers


def fake_clipboard(text: str) -> CopyResult:
    return CopyResult(True, "fake", "")


def fingerprint(path: Path) -> tuple[str, int, int, int]:
    """Content hash, size, mtime and inode: any write, in place or by rename, changes one."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(MB), b""):
            digest.update(block)
    stat = path.stat()
    return digest.hexdigest(), stat.st_size, stat.st_mtime_ns, stat.st_ino


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (a generous budget, not a timing assertion)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.05)
    pytest.fail(f"never happened: {what}")


async def type_into(pilot: Pilot[None], field: Input, text: str) -> None:
    """Type `text` at the end of a field: all but the last key at once, then a real key press
    (a key press waits for the screen to repaint, which is slow at 120x40)."""
    field.focus()
    await pilot.pause()
    field.value += text[:-1]
    field.cursor_position = len(field.value)
    await pilot.press(text[-1])


def text_of(app: FollowupApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    return widget.text if isinstance(widget, TextArea) else str(cast(Static, widget).content)


def run_cli(*args: str, real: bool = False) -> tuple[int, str, str]:
    """`followup-tui ARGS`: exit status, stdout, stderr; `real` runs it as a separate process."""
    if real:
        done = subprocess.run(
            [sys.executable, "-m", "followup_tui", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        return done.returncode, done.stdout, done.stderr
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return code, out.getvalue(), err.getvalue()


def one_line_naming(message: str, path: Path) -> None:
    assert str(path) in message, message
    assert len(message.splitlines()) == 1, message
    assert "Traceback" not in message


@pytest.fixture(autouse=True)
def quick_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real autosave, after a shorter pause, so the many app runs here stay quick."""
    assert saving.AUTOSAVE_DELAY > 0.2
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 0.2)


@pytest.fixture(scope="session")
def huge_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 MB of real TOML-ish text ('a = 1' lines), written once and hard-linked where needed."""
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    line = b"a = 1\n"
    path.write_bytes(line * (HUGE // len(line) + 1))
    return path


# --------------------------------------------------------------------------- bad files

KINDS = ("draft", "config", "theme", "template")
VARIANTS = ("malformed", "truncated", "binary", "huge-sparse", "huge-text", "wrong-type", "hostile")

_BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _cut_inside_string(text: str, marker: str) -> str:
    """The file as a crash or a full disk leaves it: stopped in the middle of a quoted value."""
    return text[: text.index(marker) + len(marker) + 3]


def _shipped_template_cut() -> str:
    text = (render.SHIPPED_DIR / "thank-you" / "warm.j2").read_text()
    return text[: text.index("{% endif %}")]  # an {% if %} that is never closed


CONTENT: dict[str, dict[str, str | bytes]] = {
    "draft": {
        "malformed": 'format = 1\nstage = = "check-in"\n',
        "truncated": _cut_inside_string(storage.dump_draft(demo_draft(NOW)), 'company = "'),
        "binary": _BINARY,
        "wrong-type": 'format = 1\n[interview]\nrole = "Data Engineer"\ncompany = 42\n',
        # a key with a line break and markup in it: the message must stay one plain line
        "hostile": 'format = 1\n[ticks]\n"[/]\\n[bold]x" = "yes"\n',
    },
    "config": {
        "malformed": '[profile\nname = "Ada Lovelace"\n',
        "truncated": _cut_inside_string(
            tomli_w.dumps(storage.settings_to_dict(Settings(profile=demo_profile()))),
            'name = "',
        ),
        "binary": _BINARY,
        "wrong-type": '[profile]\nname = "Ada"\nlinks = [1, 2]\n',
        "hostile": '[keymap]\n"[/]\\n[bold]x" = 1\n',
    },
    "theme": {
        "malformed": 'name = "mine"\nprimary = \n',
        "truncated": 'name = "mine"\nprimary = "#12',
        "binary": _BINARY,
        "wrong-type": 'name = "mine"\nprimary = 42\n',
        "hostile": 'name = "mine"\nprimary = "#123456"\n"[/]\\n[bold]x" = 1\n',
    },
    "template": {
        "malformed": "Subject: Thanks\n\n{% for %}\n",
        "truncated": _shipped_template_cut(),
        "binary": _BINARY,
        "wrong-type": "Subject: Thanks\n\nHello {{ company + 1 }}\n",
        "hostile": 'Subject: Thanks\n\n{{ interviewer["[/]\\n[bold]x"] }}\n',
    },
}

EXPECTED: dict[str, dict[str, str]] = {
    "draft": {
        "malformed": "not valid TOML",
        "truncated": "not valid TOML",
        "binary": "not UTF-8",
        "huge-sparse": "too big",
        "huge-text": "too big",
        "wrong-type": "should be text",
        "hostile": "should be true or false",
    },
    "config": {
        "malformed": "not valid TOML",
        "truncated": "not valid TOML",
        "binary": "not UTF-8",
        "huge-sparse": "too big",
        "huge-text": "too big",
        "wrong-type": "should be text",
        "hostile": "should be text",
    },
    "theme": {
        "malformed": "not valid TOML",
        "truncated": "not valid TOML",
        "binary": "not UTF-8",
        "huge-sparse": "too big",
        "huge-text": "too big",
        "wrong-type": "must be a colour",
        "hostile": "unknown key",
    },
    "template": {
        "malformed": "template syntax",
        "truncated": "template syntax",
        "binary": "not UTF-8",
        "huge-sparse": "too big",
        "huge-text": "too big",
        "wrong-type": "TypeError",
        "hostile": "unknown name",
    },
}


def target(kind: str) -> Path:
    """Where a file of this kind lives (in the test's own XDG folders)."""
    return {
        "draft": paths.drafts_dir() / "broken.toml",
        "config": paths.config_file(),
        "theme": paths.user_themes_dir() / "broken.toml",
        "template": paths.user_templates_dir() / "thank-you" / "warm.j2",
    }[kind]


def place(kind: str, variant: str, huge_text: Path) -> Path:
    """Put a bad file of this kind in place and return its path."""
    path = target(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    if variant == "huge-sparse":
        with path.open("wb") as handle:
            handle.truncate(HUGE)  # sparse: 50 MB of NUL bytes that take no disk space
    elif variant == "huge-text":
        try:
            os.link(huge_text, path)
        except OSError:
            shutil.copyfile(huge_text, path)
    else:
        content = CONTENT[kind][variant]
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def load(kind: str, path: Path) -> None:
    """Read a file of this kind the way followup-tui does."""
    if kind == "draft":
        storage.load_draft(path)
    elif kind == "config":
        problems = storage.load_settings(path).problems
        if problems:  # a [keymap] entry is left out alone: its report is the error
            raise problems[0]
    elif kind == "theme":
        load_theme_file(path)
    else:
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", KINDS)
def test_bad_file_is_refused_with_one_clear_line(kind: str, variant: str, huge_text: Path) -> None:
    path = place(kind, variant, huge_text)
    before = fingerprint(path)
    with pytest.raises(FileFormatError) as info:
        load(kind, path)
    message = str(info.value)
    one_line_naming(message, path)
    assert EXPECTED[kind][variant] in message
    assert fingerprint(path) == before


@pytest.mark.parametrize("variant", VARIANTS)
def test_cli_render_and_check_exit_2_naming_the_bad_draft(variant: str, huge_text: Path) -> None:
    path = place("draft", variant, huge_text)
    before = fingerprint(path)
    for command in ("render", "check"):
        # one variant as a real process, for the exit status; the rest in-process, for speed
        code, out, err = run_cli(command, str(path), real=variant == "hostile")
        assert code == 2, (command, err)
        assert out == ""
        assert err.startswith("followup-tui: error: ")
        one_line_naming(err.strip(), path)
        assert EXPECTED["draft"][variant] in err
    assert fingerprint(path) == before


@pytest.mark.parametrize("kind", ["config", "template"])
def test_cli_render_names_a_bad_config_or_template(kind: str, huge_text: Path) -> None:
    draft = paths.drafts_dir() / "good.toml"
    storage.save_draft(draft, demo_draft(NOW))
    # (the hostile config is a bad [keymap] entry: left out alone, no matter to `render`)
    for variant in ("malformed", "wrong-type") + (("hostile",) if kind == "template" else ()):
        path = place(kind, variant, huge_text)
        code, out, err = run_cli("render", str(draft))
        assert code == 2, (variant, err)
        assert out == ""
        one_line_naming(err.strip(), path)
        assert EXPECTED[kind][variant] in err


def build(path: Path | None) -> FollowupApp:
    return make_app(path, clipboard=fake_clipboard, clock=lambda: NOW)


@pytest.mark.parametrize("variant", VARIANTS)
async def test_app_with_every_file_broken_keeps_running_and_writes_nothing(
    variant: str, huge_text: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    """Draft, config.toml, a theme and a template all broken at once, in the same way."""
    bad = {kind: place(kind, variant, huge_text) for kind in KINDS}
    before = {kind: fingerprint(path) for kind, path in bad.items()}
    app = build(bad["draft"])
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen_stack[0], MainScreen)
        for kind in ("draft", "config", "theme"):
            hits = [n for n in seen if str(bad[kind]) in n]
            assert hits, (kind, seen)
            assert EXPECTED[kind][variant] in hits[0], hits
        # the template's error is in the preview, with its file
        assert text_of(app, "#p-subject") == "Template error"
        assert str(bad["template"]) in email_body(app)
        assert EXPECTED["template"][variant] in email_body(app)

        company = app.screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press(*"Zebra")  # the form is read-only: typing is refused, not dropped
        assert app.session.draft.interview.company == ""
        app.theme = "followup-paper"  # would save config.toml, were it readable
        await pilot.press("ctrl+s")  # refused: the draft did not parse
        await wait_until(pilot, lambda: any("not saved" in n for n in seen), "the refusal")
        await pilot.press("ctrl+y")  # copying reports the template error, naming the file
        await pilot.pause()
        assert any("Nothing copied" in n and str(bad["template"]) in n for n in seen), seen
        assert company.value == ""
        assert app.is_running
        await pilot.press("ctrl+q")
    assert {kind: fingerprint(path) for kind, path in bad.items()} == before
    assert temp_files(bad["draft"].parent) == []
    assert sorted(p.name for p in bad["draft"].parent.iterdir()) == ["broken.toml"]


async def test_bad_config_theme_and_template_are_left_alone_while_the_draft_saves(
    huge_text: Path, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    bad = {kind: place(kind, "wrong-type", huge_text) for kind in ("config", "theme", "template")}
    before = {kind: fingerprint(path) for kind, path in bad.items()}
    draft_path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(draft_path, demo_draft(NOW))
    app = build(draft_path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert str(bad["template"]) in email_body(app)
        for kind in ("config", "theme"):
            assert any(str(bad[kind]) in n for n in seen), (kind, seen)
        company = app.screen.query_one("#f-company", Input)
        company.value = ""
        await type_into(pilot, company, "Zebra")
        await wait_until(
            pilot,
            lambda: storage.load_draft(draft_path).interview.company == "Zebra",
            "the draft autosaved",
        )
        app.theme = "followup-terminal"  # would save config.toml, were it readable
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
    assert {kind: fingerprint(path) for kind, path in bad.items()} == before
    assert storage.load_draft(draft_path).interview.company == "Zebra"


async def test_unknown_keymap_ids_with_markup_do_not_crash(
    monkeypatch: pytest.MonkeyPatch,
    notifications: Notifications,
) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\n"[/x]" = "ctrl+k"\n"[bold]y" = "ctrl+j"\n')
    app = build(None)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert any("[/x]" in n and "[bold]y" in n for n in seen), seen
        assert app.is_running
        # the toast shows the ids as they are written, not as markup
        svg = app.export_screenshot()
        screen = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
        assert "[keymap]" in screen


# --------------------------------------------------------------------------- the sandbox

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__dict__ }}",
    "{{ profile.__class__.__init__.__globals__ }}",
    "{{ interviewer.__dict__ }}",
    "{{ profile|attr('__class__') }}",
    "{{ [].pop.__self__ }}",
    "{{ '{0.__class__}'.format(company) }}",
    "{% set x = {}.__class__ %}{{ x }}",
]


def _hostile_template(payload: str) -> Path:
    path = paths.user_templates_dir() / "thank-you" / "warm.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Subject: Thanks\n\nHi {{{{ greeting_name }}}},\n{payload}\n")
    return path


@pytest.mark.parametrize("payload", ESCAPES)
def test_sandbox_refuses_reaching_python_internals(payload: str) -> None:
    path = _hostile_template(payload)
    with pytest.raises(FileFormatError) as info:
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    one_line_naming(str(info.value), path)
    # lipsum is not there at all any more (issue 11): an unknown name, not a refusal
    refusal = "unknown name" if "lipsum" in payload else "refused by the sandbox"
    assert refusal in str(info.value)
    assert info.value.line == 4


def test_cli_render_refuses_a_hostile_template() -> None:
    draft = paths.drafts_dir() / "good.toml"
    storage.save_draft(draft, demo_draft(NOW))
    path = _hostile_template("{{ cycler.__init__.__globals__.os.system('echo pwned') }}")
    code, out, err = run_cli("render", str(draft), real=True)
    assert code == 2
    assert "pwned" not in out + err
    one_line_naming(err.strip(), path)
    assert "refused by the sandbox" in err


async def test_app_preview_shows_the_sandbox_refusal_and_keeps_running() -> None:
    draft_path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(draft_path, demo_draft(NOW))
    path = _hostile_template("{{ ().__class__.__base__.__subclasses__() }}")
    app = build(draft_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert text_of(app, "#p-subject") == "Template error"
        body = email_body(app)
        assert str(path) in body and "refused by the sandbox" in body
        assert "subclasses" not in body.split("refused", 1)[0]
        topics = app.screen.query_one("#n-topics")
        topics.focus()
        await pilot.press("m", "o")
        await pilot.pause(0.1)
        assert "refused by the sandbox" in email_body(app)
        # fixing the template brings the preview back, without a restart
        path.write_text("Subject: Fixed\n\nHi {{ greeting_name }},\n")
        await pilot.press("x")
        await wait_until(
            pilot, lambda: text_of(app, "#p-subject") == "Subject: Fixed", "the preview came back"
        )
        assert app.is_running
        await pilot.press("ctrl+q")


# --------------------------------------------------------------------------- random notes

_ANY_CHAR = st.characters(codec="utf-8")  # everything but surrogates: controls, RTL, emoji
_SHORT = st.text(_ANY_CHAR, max_size=30)
_LONG_LINE = st.text(_ANY_CHAR, min_size=1, max_size=4).map(lambda s: s * 250)
_TEXT = st.one_of(st.just(""), st.just("   "), _SHORT, _LONG_LINE)
_NOTE = st.one_of(_TEXT, st.lists(_SHORT, max_size=6).map("\n".join))
_WHEN = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, datetime.now().astimezone().tzinfo]),
    ),
)
_INTERVIEWER = st.builds(
    Interviewer,
    name=st.one_of(st.just(""), st.just(" \t "), st.just("Dr."), _SHORT, _LONG_LINE),
    title=_TEXT,
    email=st.one_of(st.just(""), _SHORT),
)
_DRAFT = st.builds(
    Draft,
    interview=st.builds(Interview, company=_TEXT, role=_TEXT, when=_WHEN),
    interviewers=st.lists(_INTERVIEWER, min_size=0, max_size=3),
    notes=st.builds(
        Notes,
        topics=_NOTE,
        resonated=_NOTE,
        skills=_NOTE,
        concerns=_NOTE,
        missed=_NOTE,
        next_steps=_NOTE,
    ),
)
_PROFILE = st.builds(
    Profile,
    name=_TEXT,
    email=st.one_of(st.just(""), _SHORT),
    phone=st.one_of(st.just(""), _SHORT),
    links=st.lists(_SHORT, max_size=2),
    sign_off=_TEXT,
)
_GREETING = re.compile(r"^\s*(dear|hi|hello)\b(.*),\s*$", re.IGNORECASE)


def controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc"]


def empty_greetings(body: str) -> list[str]:
    """Greeting lines with a gap where the name should be: "Dear ,", "Hi \x00,"."""
    bad = []
    for line in body.splitlines():
        match = _GREETING.match(line)
        name = match.group(2) if match else ""
        invisible = all(c.isspace() or unicodedata.category(c) == "Cc" for c in name)
        if match and name and invisible:
            bad.append(line)
    return bad


_PRACTICE_IDS = [p.id for p in PRACTICES]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(draft=_DRAFT, profile=_PROFILE)
def test_random_notes_render_and_judge_sanely(draft: Draft, profile: Profile) -> None:
    for stage in STAGES:
        for tone in TONES:
            emails = render.render_all(draft, profile, stage=stage, tone=tone, now=NOW)
            assert len(emails) == max(1, len(draft.interviewers))
            for email in emails:
                assert email.subject.strip(), (stage, tone)
                assert len(email.subject.splitlines()) == 1, email.subject
                assert not empty_greetings(email.body), email.body[:300]
                # nothing that a terminal or a mail program would act on: no NUL, no escape
                assert not controls(email.subject + email.to), (email.subject, email.to)
                assert not controls(email.body.replace("\n", "")), email.body[:300]
                assert email.text.startswith(f"Subject: {email.subject}\n\n")
                results = evaluate(email, draft=draft, profile=profile, now=NOW, emails=emails)
                assert [r.id for r in results] == _PRACTICE_IDS
                for r in results:
                    assert r.status in STATUSES, r
                    assert r.reason and len(r.reason.splitlines()) == 1, r


# --------------------------------------------------------------------------- open twice

_HOLDER = """
import sys
from pathlib import Path
from followup_tui.session import Session

session = Session.open(Path(sys.argv[1]))
print(session.acquire_lock(), flush=True)
sys.stdin.readline()  # "save": change a field the other window does not touch, and save
session.draft.notes.topics = "from the first window"
print(session.save().message, flush=True)
sys.stdin.readline()
session.release_lock()
"""


@pytest.fixture
def first_window(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """Another followup-tui process that holds the lock on a draft."""
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "None"  # it got the lock
        yield path, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


async def test_second_window_is_warned_and_both_changes_survive(
    first_window: tuple[Path, subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
    notifications: Notifications,
) -> None:
    path, proc = first_window
    assert proc.stdin is not None and proc.stdout is not None
    app = build(path)
    seen = notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        warning = [n for n in seen if "another followup-tui" in n]
        assert warning and f"pid {proc.pid}" in warning[0], seen
        # the first window saves its change while this one is open
        proc.stdin.write("save\n")
        proc.stdin.flush()
        assert proc.stdout.readline().startswith("saved northwind.toml")
        company = app.screen.query_one("#f-company", Input)
        company.value = ""
        await type_into(pilot, company, "Second Window Ltd")
        await wait_until(pilot, lambda: any("changed elsewhere" in n for n in seen), "autosave")
        await pilot.press("ctrl+q")
    proc.stdin.write("done\n")
    proc.stdin.flush()
    # one draft holds both windows' changes; no second copy beside it
    both = storage.load_draft(path)
    assert both.notes.topics == "from the first window"
    assert both.interview.company == "Second Window Ltd"
    assert sorted(p.name for p in path.parent.glob("*.toml")) == ["northwind.toml"]
    assert temp_files(path.parent) == []


def test_lock_of_a_live_process_is_reported_and_a_dead_one_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    lock = path.with_name(".d.toml.lock")
    lock.write_text(str(os.getppid()))  # alive, and not us
    session = Session.open(path)
    assert session.acquire_lock() == os.getppid()
    assert session.other_instance == os.getppid()
    assert lock.read_text() == str(os.getppid())  # the other's lock is left alone
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock.write_text(str(dead.pid))
    again = Session.open(path)
    assert again.acquire_lock() is None
    assert lock.read_text() == str(os.getpid())
    again.release_lock()
    assert not lock.exists()


def test_two_sessions_on_one_file_merge_into_it(tmp_path: Path) -> None:
    """Both windows change a different field and save: the file holds both changes."""
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    first, second = Session.open(path), Session.open(path)
    first.draft.interview.company = "Northwind Traders"
    assert first.save().path == path
    second.draft.notes.topics = "the second window's topic"
    result = second.save(now=NOW)
    assert result.ok and result.path == path
    assert "changed elsewhere" in result.message and "merged" in result.message
    assert "interview" in result.changed  # the company the form shows came from elsewhere
    assert second.draft.interview.company == "Northwind Traders"
    on_disk = storage.load_draft(path)
    assert on_disk.interview.company == "Northwind Traders"
    assert on_disk.notes.topics == "the second window's topic"
    # and on: each save takes in the other's latest change
    first.draft.notes.missed = "first again"
    assert first.save().path == path
    second.draft.notes.resonated = "second again"
    assert second.save().path == path
    final = storage.load_draft(path)
    assert (final.notes.missed, final.notes.resonated) == ("first again", "second again")
    assert final.notes.topics == "the second window's topic"
    assert sorted(p.name for p in tmp_path.glob("*.toml")) == ["d.toml"]
    assert temp_files(tmp_path) == []


def test_conflict_is_seen_even_when_the_clock_is_coarse(tmp_path: Path) -> None:
    """On a file system that keeps whole seconds (FAT, HFS+, ext3, some shares) two saves in
    the same second leave the same timestamp; with a change of the same size, only the file's
    identity tells the second window that the file is no longer what it read."""
    path = tmp_path / "d.toml"
    storage.save_draft(path, demo_draft(NOW))
    stat = path.stat()
    first, second = Session.open(path), Session.open(path)
    first.draft.interview.company = "Northwind Analytica"  # as long as "Northwind Analytics"
    assert first.save().path == path
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the coarse clock
    assert path.stat().st_size == stat.st_size
    second.draft.notes.topics = "the second window's topic"
    result = second.save(now=NOW)
    assert "changed elsewhere" in result.message
    on_disk = storage.load_draft(path)
    assert on_disk.interview.company == "Northwind Analytica", "the first window's change lost"
    assert on_disk.notes.topics == "the second window's topic"


# --------------------------------------------------------------------------- disk full / read-only


def _writes_are_refused(folder: Path) -> bool:
    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except OSError:
        return True
    os.close(fd)
    os.unlink(name)
    return False


@pytest.mark.parametrize("fault", ["disk-full", "read-only"])
async def test_failed_save_keeps_the_text_and_the_file(
    fault: str, monkeypatch: pytest.MonkeyPatch, notifications: Notifications
) -> None:
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    folder = path.parent
    before = fingerprint(path)
    broken = {"on": True}

    def restore() -> None:
        broken["on"] = False
        folder.chmod(0o700)

    if fault == "disk-full":
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            if broken["on"]:
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
    else:
        folder.chmod(0o500)
        if not _writes_are_refused(folder):  # root: permissions do not stop writes
            real_mkstemp = tempfile.mkstemp

            def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
                if broken["on"]:
                    raise OSError(errno.EROFS, "Read-only file system")
                return real_mkstemp(*args, **kwargs)

            monkeypatch.setattr(diskio.tempfile, "mkstemp", mkstemp)
    try:
        app = build(path)
        seen = notifications(app)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            company = app.screen.query_one("#f-company", Input)
            company.value = ""
            await type_into(pilot, company, "Zebra Corp")
            await wait_until(pilot, lambda: any("not saved" in n for n in seen), "autosave")
            failure = [n for n in seen if "not saved" in n][0]
            assert "Not saved" in failure and "still here" in failure, failure
            assert company.value == "Zebra Corp"
            assert app.session.draft.interview.company == "Zebra Corp"
            assert fingerprint(path) == before
            assert temp_files(folder) == []
            seen.clear()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert any("not saved" in n for n in seen), seen
            assert fingerprint(path) == before
            assert temp_files(folder) == []
            assert app.is_running
            # space is freed: the same text saves, nothing was lost in between
            restore()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert storage.load_draft(path).interview.company == "Zebra Corp"
            await pilot.press("ctrl+q")
    finally:
        restore()
    assert temp_files(folder) == []


def test_huge_template_is_refused_before_it_is_read(
    huge_text: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 50 MB template would stall every keystroke's render: it must not even be read."""
    path = place("template", "huge-text", huge_text)
    opened: list[str] = []
    real_open = open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    with pytest.raises(FileFormatError, match="too big"):
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    assert str(path) not in opened


@pytest.mark.parametrize(
    "content",
    [
        "[interview]\nwhen = 0001-01-01T00:00:00\n",  # a naive time that has no local zone
        "[interview]\nwhen = 0001-01-01T00:00:00+01:00\n",
        "[interview]\nwhen = 9999-12-31T23:59:00Z\n",
        "[interview]\nwhen = 2026-11-21T14:00:00Z\ndecision_by = 9999-12-31\n",
        'outcome = "rejected"\noutcome_at = 9999-12-31T00:00:00Z\n',
        '[[sent]]\nstage = "thank-you"\nat = 0001-01-01T00:00:00\n',
    ],
)
def test_impossible_years_in_a_draft_are_refused_clearly(tmp_path: Path, content: str) -> None:
    """0001 or 9999 is a typo; the follow-up dates worked out from it would overflow."""
    path = tmp_path / "d.toml"
    path.write_text(f"format = 1\n{content}")
    with pytest.raises(FileFormatError) as info:
        storage.load_draft(path)
    one_line_naming(str(info.value), path)
    assert "out of range" in str(info.value)
    assert info.value.line is not None


@pytest.mark.parametrize(
    "when",
    [
        datetime.fromisoformat("1900-01-01T00:00:00-12:00"),
        datetime.fromisoformat("1900-01-01T00:00:00+14:00"),
        datetime.fromisoformat("2999-12-31T23:59:00+14:00"),
        datetime.fromisoformat("2999-12-31T23:59:00-12:00"),
    ],
)
def test_the_first_and_last_years_a_draft_may_hold_work_everywhere(
    tmp_path: Path, when: datetime
) -> None:
    from followup_tui import timing

    draft = demo_draft(NOW)
    draft.interview.when = when
    draft.interview.decision_by = when.date()
    draft.outcome, draft.outcome_at = "rejected", when
    path = tmp_path / "d.toml"
    storage.save_draft(path, draft)
    draft = storage.load_draft(path)
    for now in (NOW, when):
        for stage in STAGES:
            emails = render.render_all(draft, demo_profile(), stage=stage, now=now)
            for email in emails:
                evaluate(email, draft=draft, profile=demo_profile(), now=now, emails=emails)
        for window in timing.windows(draft, now):
            timing.describe(window, now)
        timing.next_follow_up(draft, now)
        timing.due_sort_key(draft, now)


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("#f-when", "0001-01-01 00:00 +0100"),
        ("#f-when", "9999-12-31 23:59"),
        ("#f-decision", "9999-12-31"),
    ],
)
async def test_typing_an_impossible_year_flags_the_field_and_keeps_running(
    field: str, typed: str
) -> None:
    path = paths.drafts_dir() / "northwind.toml"
    storage.save_draft(path, demo_draft(NOW))
    app = build(path)
    async with app.run_test(size=(120, 40)) as pilot:
        widget = app.screen.query_one(field, Input)
        widget.value = ""
        await pilot.pause()
        before = (app.session.draft.interview.when, app.session.draft.interview.decision_by)
        await type_into(pilot, widget, typed)
        await pilot.pause(0.1)
        assert app.is_running
        assert widget.value == typed
        assert widget.has_class("-invalid")
        after = (app.session.draft.interview.when, app.session.draft.interview.decision_by)
        assert after == before
        assert text_of(app, "#p-subject").startswith("Subject: ")
        await pilot.press("ctrl+q")
    storage.load_draft(path)


def test_cli_refuses_impossible_years(tmp_path: Path) -> None:
    draft = paths.drafts_dir() / "good.toml"
    storage.save_draft(draft, demo_draft(NOW))
    before = fingerprint(draft)
    for args in (
        ("new", "--company", "Acme", "--when", "0001-01-01T00:00"),
        ("new", "--company", "Acme", "--when", "9999-12-31T23:00+00:00"),
        ("sent", str(draft), "--at", "9999-12-31T23:00"),
    ):
        code, _, err = run_cli(*args)
        assert code == 2, (args, err)
        assert len(err.strip().splitlines()) == 1, err
        assert "out of range" in err
    assert fingerprint(draft) == before
    assert sorted(p.name for p in draft.parent.iterdir()) == ["good.toml"]


def test_template_with_nul_bytes_is_refused_as_binary() -> None:
    path = paths.user_templates_dir() / "thank-you" / "warm.j2"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"Subject: Thanks\n\n\x00\x00\x00Hi {{ greeting_name }}\n")
    with pytest.raises(FileFormatError) as info:
        render.render_email(demo_draft(NOW), demo_profile(), now=NOW)
    one_line_naming(str(info.value), path)
    assert "NUL" in str(info.value)


async def test_a_key_not_yet_taken_in_survives_a_merge_of_other_fields(draft_path: Path) -> None:
    # A merge writes back only the fields it changed: the company field, whose last key's
    # Changed is still on its way, keeps that key (it was overwritten with the draft's value).
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        edit_on_disk(draft_path, lambda d: setattr(d.notes, "topics", "changed in another window"))
        company = app.screen.query_one("#f-company", Input)
        typed = app.session.draft.interview.company + "x"
        company.value = typed  # as a key does: its Changed is handled later
        app.check_disk()
        await pilot.pause()
        assert company.value == typed
        assert app.session.draft.interview.company == typed
        assert app.session.draft.notes.topics == "changed in another window"


async def test_a_date_typed_after_a_merge_of_the_interview_is_kept(draft_path: Path) -> None:
    # The merge brings the interview in anew: the date fields edit that one, not the old.
    app = build(draft_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        edit_on_disk(draft_path, lambda d: setattr(d.interview, "role", "Role from another window"))
        app.check_disk()
        await pilot.pause()
        when = app.screen.query_one("#f-when", Input)
        when.value = "2026-11-20 15:00"
        await pilot.pause()
        draft = app.session.draft
        assert draft.interview.role == "Role from another window"
        assert draft.interview.when == datetime(2026, 11, 20, 15, 0).astimezone()
