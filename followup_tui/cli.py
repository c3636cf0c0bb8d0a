"""The `followup-tui` command. Scriptable commands never import Textual; only the app does."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from followup_tui.errors import FileFormatError
from followup_tui.text import clean_surrogates, shown

if TYPE_CHECKING:
    import argparse


COMMANDS = ("new", "list", "render", "check", "export", "sent", "outcome")
EXPORT_FORMATS = ("eml", "txt", "mailto", "ics")


class UsageError(Exception):
    """Bad input on the command line: exit 2 with a one-line message."""


def now() -> datetime:
    """The current time, aware. `FOLLOWUP_TUI_NOW` (ISO 8601) freezes it for tests and demos."""
    frozen = os.environ.get("FOLLOWUP_TUI_NOW")
    if frozen:
        try:
            when = datetime.fromisoformat(frozen.strip())
        except ValueError:
            raise UsageError(f"FOLLOWUP_TUI_NOW={frozen!r} is not an ISO 8601 time") from None
        return when if when.tzinfo else when.astimezone()
    return datetime.now().astimezone()


def parse_when(value: str, option: str = "--when") -> datetime:
    """A time as people type it ("yesterday 3pm", "30 Nov 2pm", ISO), in the local zone by default.

    A time the zone skips or repeats (daylight saving) is refused with both readings named.
    """
    from followup_tui.dates import DateError, parse_datetime

    try:
        return parse_datetime(value, now=now())
    except DateError as exc:
        raise UsageError(f"{option} {value!r}: {exc}") from None


# ---------------------------------------------------------------- parsers


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser, whose error line shows an argument's control characters as escapes.

    argparse repeats a bad argument in its message; a carriage return or an escape sequence
    in it would otherwise reach the terminal as a command.
    """
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: error: {shown(message)}\n")

    return Parser


def _email_options(parser: argparse.ArgumentParser) -> None:
    from followup_tui.model import STAGES

    parser.add_argument("--stage", choices=STAGES, help="follow-up stage (default: the draft's)")
    parser.add_argument("--tone", help="formal, warm, concise or one of your own templates")
    parser.add_argument(
        "--interviewer",
        help="which interviewer of a panel: number from 1, or part of the name",
    )


def build_parser() -> argparse.ArgumentParser:
    """The subcommand parser (`followup-tui COMMAND ...`)."""

    parser = _parser_class()(
        prog="followup-tui", description="Write the follow-up email after a job interview."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="start a new interview draft and print its file")
    new.add_argument("--company", default="")
    new.add_argument("--role", default="")
    new.add_argument(
        "--when",
        help="interview time: 'yesterday 3pm', '30 Nov 2pm', '2026-11-21 14:00 Europe/Berlin'",
    )
    new.add_argument("--format", dest="fmt", choices=("video", "phone", "on-site"))
    new.add_argument("--invite", type=Path, help="read it all from the calendar invitation (.ics)")
    new.add_argument("--event", type=int, help="which event of an invitation that holds several")
    new.add_argument("--me", action="append", default=[], help="your name or address in --invite")
    new.add_argument(
        "--interviewer",
        action="append",
        default=[],
        help="'Name <email>', a name or an address; repeat for a panel",
    )

    lst = sub.add_parser("list", help="interviews with their next follow-up, soonest first")
    lst.add_argument("--json", action="store_true", help="print JSON for scripts")

    render = sub.add_parser("render", help="print the email: subject line, blank line, body")
    render.add_argument("file", type=Path)
    _email_options(render)

    check = sub.add_parser("check", help="judge a draft (.toml) or an email (.txt/.eml)")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print JSON for scripts")
    _email_options(check)

    export = sub.add_parser("export", help="hand the email (or the next reminder) over")
    export.add_argument("file", type=Path)
    export.add_argument("--format", dest="fmt", choices=EXPORT_FORMATS, required=True)
    export.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    export.add_argument("--open", action="store_true", help="open it with the system's opener")
    _email_options(export)

    sent = sub.add_parser("sent", help="record that you sent a follow-up")
    sent.add_argument("file", type=Path)
    sent.add_argument("--stage", help="the stage sent (default: the draft's)")
    sent.add_argument("--at", help="when you sent it, e.g. 'today 9am' (default: now)")

    outcome = sub.add_parser("outcome", help="record a rejection or an offer (or clear it)")
    outcome.add_argument("file", type=Path)
    outcome.add_argument("result", choices=("rejected", "offer", "none"))
    outcome.add_argument("--at", help="when you heard (default: now)")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    """The parser for opening the app (`followup-tui [FILE] [--demo]`)."""
    import argparse

    class _VersionAction(argparse.Action):
        """`--version`, reading the installed version only when asked.

        importlib.metadata and the version lookup cost tens of milliseconds at every app start
        when argparse's own version action is given the text up front.
        """

        def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
            kwargs.update(nargs=0, default=argparse.SUPPRESS)
            super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

        def __call__(
            self,
            parser: argparse.ArgumentParser,
            namespace: argparse.Namespace,
            values: Any,
            option_string: str | None = None,
        ) -> None:
            from followup_tui import __version__

            print(f"followup-tui {__version__}")
            parser.exit()

    parser = _parser_class()(
        prog="followup-tui",
        description="Write the follow-up email after a job interview.",
        epilog=f"commands: {', '.join(COMMANDS)} (followup-tui COMMAND --help)",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a draft to open")
    parser.add_argument("--demo", action="store_true", help="open a filled-in sample interview")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    return parser


def app_arguments(argv: list[str]) -> tuple[Path | None, bool]:
    """`[FILE] [--demo]`, read as `build_app_parser` reads them.

    The usual starts (`followup-tui`, `followup-tui --demo`, `followup-tui FILE`) are read
    here without argparse, which would add its import to every start; anything else
    (`--help`, `--version`, an unknown option, `--`, two files) goes to argparse.
    """
    rest = [arg for arg in argv if arg != "--demo"]
    if len(argv) - len(rest) <= 1 and len(rest) <= 1 and not any(a.startswith("-") for a in rest):
        return (Path(rest[0]) if rest else None), len(rest) < len(argv)
    args = build_app_parser().parse_args(argv)
    return args.file, args.demo


def closest_command(word: str) -> str:
    """The command a typo most likely meant ("lsit" -> "list", "snet" -> "sent"), or ""."""
    import difflib

    def score(command: str) -> tuple[bool, float]:
        # Swapped letters are the commonest typo, and difflib rates them low.
        ratio = difflib.SequenceMatcher(None, word.lower(), command).ratio()
        return sorted(word.lower()) == sorted(command), ratio

    best = max(COMMANDS, key=score)
    anagram, ratio = score(best)
    return best if anagram or ratio >= 0.6 else ""


def check_draft_argument(file: Path | None) -> None:
    """UsageError for an argument that is no command, no existing file and no new `.toml`.

    A misspelt command (`followup-tui lsit`) would otherwise open the app on a new draft of
    that name and write it (and its lock) into the current folder.
    """
    if file is None or file.exists() or file.suffix.lower() == ".toml":
        return
    close = closest_command(file.name)
    hint = f"did you mean `followup-tui {close}`? " if close else ""
    raise UsageError(
        f"{str(file)!r} is not a command nor an existing file; {hint}"
        f"(commands: {', '.join(COMMANDS)}; a new draft is a path ending in .toml)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv)
    except (FileFormatError, UsageError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `followup-tui list | head`: the reader left; that is not an error
        _discard_stdout()
        return 0
    except OSError as exc:
        # a disk that refuses a write, or an output that is full: one line, not a traceback
        _discard_stdout()
        where = f" ({shown(exc.filename)})" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")


def _run(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        from followup_tui.commands import HANDLERS

        args = build_parser().parse_args(argv)
        if sys.stdout is None:  # started with `>&-`
            raise UsageError("standard output is closed; nothing could be printed")
        _refuse_undecodable(args)
        status = HANDLERS[args.command](args)
        try:
            sys.stdout.flush()  # a full disk (`>/dev/full`) shows here, not at exit
        except OSError as exc:
            _discard_stdout()
            if isinstance(exc, BrokenPipeError):
                return 0
            raise UsageError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return status
    file, demo = app_arguments(argv)
    if file is not None:
        _refuse_nul("", file)
    check_draft_argument(file)
    if sys.stdin is None or sys.stderr is None:
        raise UsageError("the app needs a terminal, and standard input or error is closed")
    from followup_tui.app import run

    return run(file, demo=demo)


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text options must be text: bytes that are not UTF-8 reach Python as lone surrogates;
    no option may hold a NUL."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            option = "--" + name.replace("_", "-") + " "
            if isinstance(item, str | Path):
                _refuse_nul(option, item)
            if isinstance(item, str) and item != clean_surrogates(item):
                raise UsageError(f"{option}{shown(item)}: not UTF-8 text")


def _refuse_nul(option: str, item: str | Path) -> None:
    """No file name holds a NUL, and the system calls raise ValueError on one."""
    if "\0" in str(item):
        raise UsageError(f"{option}{shown(str(item))}: a NUL character cannot be in it")


def _fail(message: str) -> int:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"followup-tui: error: {shown(message)}", file=sys.stderr)
    return 2


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so what is left in its buffer cannot fail at exit."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
