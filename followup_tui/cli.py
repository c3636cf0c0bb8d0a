"""The `followup-tui` command. Scriptable commands never import Textual; only the app does."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.errors import FileFormatError

if TYPE_CHECKING:
    import argparse

    from followup_tui.model import Draft, Email, Profile

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
    import argparse

    parser = argparse.ArgumentParser(
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

    parser = argparse.ArgumentParser(
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
    here without argparse, whose import is about 2 ms of the app's start; anything else
    (`--help`, `--version`, an unknown option, `--`, two files) goes to argparse.
    """
    rest = [arg for arg in argv if arg != "--demo"]
    if len(argv) - len(rest) <= 1 and len(rest) <= 1 and not any(a.startswith("-") for a in rest):
        return (Path(rest[0]) if rest else None), len(rest) < len(argv)
    args = build_app_parser().parse_args(argv)
    return args.file, args.demo


# ---------------------------------------------------------------- helpers


def _load(path: Path) -> Draft:
    from followup_tui.storage import load_draft

    return load_draft(path)


def _profile() -> Profile:
    from followup_tui.storage import load_settings

    return load_settings().profile


def _interviewer_index(draft: Draft, choice: str | None) -> int | None:
    if choice is None:
        return None
    names = [i.name for i in draft.interviewers]
    if choice.isdigit():
        index = int(choice) - 1
        if 0 <= index < max(len(names), 1):
            return index
        raise UsageError(f"--interviewer {choice}: this draft has {len(names)} interviewer(s)")
    matches = [n for n, name in enumerate(names) if choice.lower() in name.lower()]
    if len(matches) != 1:
        found = "no interviewer" if not matches else "more than one interviewer"
        raise UsageError(f"--interviewer {choice!r}: {found} matches ({', '.join(names)})")
    return matches[0]


def _emails(args: argparse.Namespace, draft: Draft, profile: Profile) -> list[Email]:
    from followup_tui.render import render_all
    from followup_tui.tones import available_tones

    stage = args.stage or draft.stage
    tone = args.tone or draft.tone
    if tone not in available_tones(stage):
        raise UsageError(f"--tone {tone}: no such tone ({', '.join(available_tones(stage))})")
    emails = render_all(draft, profile, stage=stage, tone=tone, now=now())
    index = _interviewer_index(draft, args.interviewer)
    return emails if index is None else [emails[index]]


def read_plain_email(path: Path) -> Email:
    """A plain email file: .eml parsed as a message, anything else as text."""
    from followup_tui.practices import parse_plain_email

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(path, f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".eml":
        import email
        import email.policy
        from email.message import EmailMessage

        from followup_tui.model import Email

        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        part = message.get_body(preferencelist=("plain",))
        if part is None:
            raise FileFormatError(path, "no plain-text part in this email")
        return Email(
            to=str(message.get("To", "")),
            subject=str(message.get("Subject", "")),
            body=str(part.get_content()).strip("\n"),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError(path, "not UTF-8 text (is it a binary file?)") from None
    if "\x00" in text:
        raise FileFormatError(path, "not a text file (it holds NUL bytes)")
    if not text.strip():
        raise FileFormatError(path, "the file is empty")
    return parse_plain_email(text)


# ---------------------------------------------------------------- commands


def cmd_render(args: argparse.Namespace) -> int:
    draft = _load(args.file)
    emails = _emails(args, draft, _profile())
    sys.stdout.write("\n\n".join(e.text for e in emails) + "\n")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from followup_tui.practices import GLYPHS, evaluate

    current = now()
    if args.file.suffix.lower() == ".toml":
        draft: Draft | None = _load(args.file)
        assert draft is not None
        profile: Profile | None = _profile()
        assert profile is not None
        everyone = _emails(type(args)(**{**vars(args), "interviewer": None}), draft, profile)
        emails = _emails(args, draft, profile)
    else:
        draft, profile = None, None
        emails = everyone = [read_plain_email(args.file)]
    blocks = [
        (email, evaluate(email, draft=draft, profile=profile, now=current, emails=everyone))
        for email in emails
    ]
    failed = any(r.status == "fail" for _, results in blocks for r in results)
    if args.json:
        rows: list[dict[str, Any]] = []
        for email, results in blocks:
            for r in results:
                row: dict[str, Any] = {"id": r.id, "status": r.status, "reason": r.reason}
                if len(blocks) > 1:
                    row["interviewer"] = email.interviewer + 1
                rows.append(row)
        import json  # only for --json

        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for n, (email, results) in enumerate(blocks):
            if len(blocks) > 1:
                print(("\n" if n else "") + f"To: {email.to or '(no address)'}")
            width = max(len(r.id) for r in results)
            for r in results:
                print(f"{GLYPHS[r.status]} {r.status:<4}  {r.id:<{width}}  {r.reason}")
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    from followup_tui.storage import iter_drafts
    from followup_tui.timing import describe, due_sort_key, next_follow_up

    current = now()
    entries = list(iter_drafts())
    good = [e for e in entries if e.draft is not None]
    good.sort(key=lambda e: due_sort_key(e.draft, current))  # type: ignore[arg-type]
    bad = [e for e in entries if e.draft is None]
    if args.json:
        rows: list[dict[str, Any]] = []
        for e in good:
            assert e.draft is not None
            window = next_follow_up(e.draft, current)
            rows.append(
                {
                    "file": str(e.path),
                    "company": e.draft.interview.company,
                    "role": e.draft.interview.role,
                    "when": e.draft.interview.when.isoformat() if e.draft.interview.when else None,
                    "next": window.label if window else None,
                    "state": window.state if window else None,
                    "start": window.start.isoformat() if window else None,
                    "due": window.end.isoformat() if window and window.end else None,
                    "description": describe(window, current) if window else None,
                }
            )
        rows.extend({"file": str(e.path), "error": str(e.error)} for e in bad)
        import json  # only for --json

        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print("No interviews yet. Start one with: followup-tui new --company ACME --role ROLE")
        return 0
    for e in good:
        assert e.draft is not None
        window = next_follow_up(e.draft, current)
        if window is not None:
            state, what = window.state, f"{window.label}: {describe(window, current)}"
        elif e.draft.interview.when is None:
            # Nothing can be due before the interview's time is known; nothing was sent either.
            state, what = "no date", "set the interview's time to see when to send"
        else:
            state, what = "-", "nothing left to send"
        print(f"{state:<8}  {e.draft.title()}  |  {what}  |  {e.path.name}")
    for e in bad:
        print(f"{'unread':<8}  {e.error}", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from email.utils import parseaddr

    from followup_tui.model import Draft, Interview, Interviewer
    from followup_tui.storage import load_settings, new_draft_path, save_draft

    settings = load_settings()
    people = []
    for spec in args.interviewer:
        if "@" in spec:  # 'Name <address>' or a bare address
            name, address = parseaddr(spec)
        else:  # a name alone: parseaddr would take its first word for an address
            name, address = " ".join(spec.split()), ""
        people.append(Interviewer(name=name, email=address))
    if args.invite is not None:
        draft = _draft_from_invite(args, settings.profile, settings.default_tone)
    elif args.event is not None or args.me:
        raise UsageError("--event and --me go with --invite FILE.ics")
    else:
        draft = Draft(interview=Interview(), tone=settings.default_tone)
    # what is given on the command line wins over the invitation
    iv = draft.interview
    iv.company = args.company or iv.company
    iv.role = args.role or iv.role
    iv.when = parse_when(args.when) if args.when else iv.when
    iv.format = args.fmt or iv.format
    draft.interviewers = people or draft.interviewers or [Interviewer()]
    path = new_draft_path(draft)
    save_draft(path, draft)
    print(path)
    return 0


def _draft_from_invite(args: argparse.Namespace, profile: Profile, tone: str) -> Draft:
    """The draft an invitation describes; several events need --event N."""
    from followup_tui.invite import describe_event, read_invite

    me = (profile.email, profile.name, *args.me)
    events = read_invite(args.invite, me=tuple(m for m in me if m))
    if args.event is None and len(events) > 1:
        listing = "".join(f"\n  {n}. {describe_event(e)}" for n, e in enumerate(events, 1))
        raise UsageError(
            f"{args.invite} holds {len(events)} events; pick one with --event N:{listing}"
        )
    index = (args.event or 1) - 1
    if not 0 <= index < len(events):
        raise UsageError(f"--event {args.event}: {args.invite} holds {len(events)} event(s)")
    event = events[index]
    draft = event.to_draft(args.invite)  # an all-day event is refused here
    you = event.maybe_you
    if you is not None:
        print(
            f"note: kept {you.name} <{you.email}> as an interviewer; if that is you, run again"
            f" with --me {you.email or you.name!r} (or set your email in the profile, f2)",
            file=sys.stderr,
        )
    elif not event.recognised_you and event.interviewers:
        print(
            "note: no attendee is you (your profile's email is not among them), so all are"
            " kept as interviewers; if one is you, run again with --me ADDRESS",
            file=sys.stderr,
        )
    given = {"company": args.company, "role": args.role, "format": args.fmt}
    missing = [name for name, value in given.items() if not value and not getattr(event, name)]
    if missing:
        print(
            f"note: the invitation does not say the {' or the '.join(missing)}; fill it in",
            file=sys.stderr,
        )
    return draft


def cmd_export(args: argparse.Namespace) -> int:
    from followup_tui import export
    from followup_tui.timing import next_follow_up

    draft = _load(args.file)
    profile = _profile()
    current = now()
    if args.fmt == "ics":
        window = next_follow_up(draft, current)
        if window is None or window.state in ("done", "cold"):
            raise UsageError("nothing is due for this interview, so there is no reminder to make")
        data: bytes = export.to_ics(draft, window, now=current, uid_seed=args.file.stem).encode()
        suffix = ".ics"
    else:
        emails = _emails(args, draft, profile)
        if len(emails) > 1 and args.fmt != "txt":
            raise UsageError(
                f"this is a panel of {len(emails)}: pick one with --interviewer 1..{len(emails)}"
            )
        if args.fmt == "eml":
            data, suffix = export.to_eml(emails[0], profile, date=current), ".eml"
        elif args.fmt == "mailto":
            try:
                data, suffix = (export.to_mailto(emails[0]) + "\n").encode(), ".txt"
            except export.MailtoTooLong as exc:
                raise UsageError(
                    f"the mailto link would be {exc.length} characters, too long for most mail"
                    f" programs (limit {export.MAILTO_LIMIT}); use --format eml instead"
                ) from None
        else:
            data, suffix = "\n\n".join(export.to_txt(e) for e in emails).encode(), ".txt"
    if args.open:
        if args.fmt == "mailto":
            target = data.decode().strip()
        else:
            out = args.output or args.file.with_suffix(suffix if args.fmt != "txt" else ".txt")
            _write_out(out, data)
            target = str(out)
        opener = export.open_with_system(target)
        if opener is None:
            raise UsageError("no system opener (xdg-open or open) found; use -o FILE instead")
        print(f"opened with {opener}: {target}", file=sys.stderr)
    elif args.output:
        _write_out(args.output, data)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _write_out(path: Path, data: bytes) -> None:
    from followup_tui.storage import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def cmd_sent(args: argparse.Namespace) -> int:
    from followup_tui.model import STAGES
    from followup_tui.storage import save_draft
    from followup_tui.timing import mark_sent

    draft = _load(args.file)
    stage = args.stage or draft.stage
    if stage not in STAGES:
        raise UsageError(f"--stage {stage}: not one of {', '.join(STAGES)}")
    at = parse_when(args.at, "--at") if args.at else now()
    to = ", ".join(i.email or i.name for i in draft.interviewers if i.email or i.name)
    mark_sent(draft, stage, at, to)
    save_draft(args.file, draft)
    print(f"recorded: {stage} sent {at:%a %d %b %H:%M}")
    return 0


def cmd_outcome(args: argparse.Namespace) -> int:
    from followup_tui.storage import save_draft
    from followup_tui.timing import record_outcome

    draft = _load(args.file)
    at = parse_when(args.at, "--at") if args.at else now()
    record_outcome(draft, "" if args.result == "none" else args.result, at)
    save_draft(args.file, draft)
    print(f"recorded: {args.result}")
    return 0


HANDLERS = {
    "new": cmd_new,
    "list": cmd_list,
    "render": cmd_render,
    "check": cmd_check,
    "export": cmd_export,
    "sent": cmd_sent,
    "outcome": cmd_outcome,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_parser().parse_args(argv)
            return HANDLERS[args.command](args)
        file, demo = app_arguments(argv)
        from followup_tui.app import run

        return run(file, demo=demo)
    except (FileFormatError, UsageError) as exc:
        print(f"followup-tui: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `followup-tui list | head`: the reader left; that is not an error
        sys.stderr.close()
        return 0
