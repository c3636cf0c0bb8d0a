"""What each `followup-tui COMMAND` does; `cli` reads the arguments and reports errors."""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from followup_tui.cli import UsageError, now, parse_when

T = TypeVar("T")

if TYPE_CHECKING:
    import argparse

    from followup_tui.model import Draft, Email, Interviewer, Profile


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
    if choice.isascii() and choice.isdigit():  # not "²", which isdigit() but int() refuses
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
    from followup_tui.model import Stage
    from followup_tui.render import render_all
    from followup_tui.tones import available_tones

    stage = Stage(args.stage) if args.stage else draft.stage
    tone = args.tone or draft.tone
    if tone not in available_tones(stage):
        raise UsageError(f"--tone {tone}: no such tone ({', '.join(available_tones(stage))})")
    emails = render_all(draft, profile, stage=stage, tone=tone, now=now())
    index = _interviewer_index(draft, args.interviewer)
    return emails if index is None else [emails[index]]


# ---------------------------------------------------------------- commands


def cmd_render(args: argparse.Namespace) -> int:
    draft = _load(args.file)
    emails = _emails(args, draft, _profile())
    sys.stdout.write("\n\n".join(e.text for e in emails) + "\n")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from followup_tui.model import Stage
    from followup_tui.practices import GLYPHS, evaluate, guess_stage

    current = now()
    stage_line = ""
    if args.file.suffix.lower() == ".toml":
        draft: Draft | None = _load(args.file)
        assert draft is not None
        profile: Profile | None = _profile()
        assert profile is not None
        everyone = _emails(type(args)(**{**vars(args), "interviewer": None}), draft, profile)
        emails = _emails(args, draft, profile)
    else:
        draft, profile = None, None
        from followup_tui.mailfile import read_plain_email

        email = read_plain_email(args.file)
        if args.stage:
            stage, stage_line = Stage(args.stage), f"stage: {args.stage} (given)"
        else:
            # A plain email says nothing of its stage: read it from the text, and say so.
            stage, why = guess_stage(email.subject, email.body)
            stage_line = f"stage: {stage} (guessed: {why}; set it with --stage)"
        emails = everyone = [dataclasses.replace(email, stage=stage)]
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
                if stage_line:
                    row["stage"] = email.stage
                rows.append(row)
        import json  # only for --json

        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        if stage_line:
            print(stage_line)
        for n, (email, results) in enumerate(blocks):
            if len(blocks) > 1:
                print(("\n" if n else "") + f"To: {email.to or '(no address)'}")
            width = max(len(r.id) for r in results)
            for r in results:
                print(f"{GLYPHS[r.status]} {r.status:<4}  {r.id:<{width}}  {r.reason}")
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    from followup_tui.listing import list_drafts
    from followup_tui.text import clean_line, shown
    from followup_tui.timing import describe, due_sort_key, next_follow_up

    current = now()
    entries = list_drafts(_drafts_folder())
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
                    "file": shown(e.path),
                    "company": clean_line(e.draft.interview.company),
                    "role": clean_line(e.draft.interview.role),
                    "when": e.draft.interview.when.isoformat() if e.draft.interview.when else None,
                    "next": window.label if window else None,
                    "state": window.state if window else None,
                    "start": window.start.isoformat() if window else None,
                    "due": window.end.isoformat() if window and window.end else None,
                    "description": describe(window, current) if window else None,
                }
            )
        rows.extend({"file": shown(e.path), "error": str(e.error)} for e in bad)
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
        title = clean_line(e.draft.title())
        print(f"{state:<8}  {title}  |  {what}  |  {shown(e.path.name)}")
    for e in bad:
        print(f"{'unread':<8}  {e.error}", file=sys.stderr)
    return 0


def _drafts_folder() -> Path:
    """The drafts folder; UsageError when something else has its name."""
    from followup_tui import paths
    from followup_tui.text import shown

    folder = paths.drafts_dir()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"the drafts folder {shown(folder)} is a file, not a folder")
    return folder


def _interviewer(spec: str) -> Interviewer:
    """'Name <address>', a bare address or a name alone, as one interviewer."""
    from email.utils import getaddresses

    from followup_tui.model import Interviewer
    from followup_tui.text import address_problem, clean_line

    spec = clean_line(spec)
    if "@" not in spec:  # a name alone: the parser would take its first word for an address
        return Interviewer(name=spec)
    found = getaddresses([spec])
    if len(found) != 1:
        raise UsageError(
            f"--interviewer {spec!r}: one person per --interviewer (repeat it for a panel)"
        )
    name, address = found[0]
    problem = address_problem(address) if address else "no address found"
    if problem:
        raise UsageError(f"--interviewer {spec!r}: {problem}")
    return Interviewer(name=name, email=address)


def cmd_new(args: argparse.Namespace) -> int:
    from followup_tui.model import Draft, Interview, Interviewer
    from followup_tui.storage import load_settings, new_draft_path, save_draft
    from followup_tui.text import clean_line, shown

    settings = load_settings()
    people = [_interviewer(spec) for spec in args.interviewer]
    if args.invite is not None:
        draft = _draft_from_invite(args, settings.profile, settings.default_tone)
    elif args.event is not None or args.me:
        raise UsageError("--event and --me go with --invite FILE.ics")
    else:
        draft = Draft(interview=Interview(), tone=settings.default_tone)
    # what is given on the command line wins over the invitation
    iv = draft.interview
    iv.company = clean_line(args.company) or iv.company
    iv.role = clean_line(args.role) or iv.role
    iv.when = parse_when(args.when) if args.when else iv.when
    iv.format = args.fmt or iv.format
    draft.interviewers = people or draft.interviewers or [Interviewer()]
    path = new_draft_path(draft, _drafts_folder())
    try:
        save_draft(path, draft)
    except OSError as exc:
        raise UsageError(f"cannot save {shown(path)}: {exc.strerror or exc}") from None
    print(shown(path))
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
    missing = [name for name in event.missing() if not given[name]]
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
            try:
                data, suffix = export.to_eml(emails[0], profile, date=current), ".eml"
            except export.BadRecipient as exc:
                raise UsageError(f"{exc} (in {args.file})") from None
        elif args.fmt == "mailto":
            try:
                data, suffix = (export.to_mailto(emails[0]) + "\n").encode(), ".txt"
            except export.BadRecipient as exc:
                raise UsageError(f"{exc} (in {args.file})") from None
            except export.MailtoTooLong as exc:
                raise UsageError(
                    f"the mailto link would be {exc.length} characters, too long for most mail"
                    f" programs (limit {export.MAILTO_LIMIT}); use --format eml instead"
                ) from None
        else:
            data, suffix = "\n\n".join(export.to_txt(e) for e in emails).encode(), ".txt"
    to_stdout = args.output is not None and str(args.output) == "-"
    if args.open and to_stdout:
        raise UsageError("--open needs a file to open, not -o - (standard output)")
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
    elif args.output and not to_stdout:
        _write_out(args.output, data)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _write_out(path: Path, data: bytes) -> None:
    """Write an export to `path` without ever replacing anything but a regular file.

    A link is written through (it stays a link); a device or a pipe (`/dev/stdout`) is written
    into, as a shell's `>` would; a new or regular file is replaced atomically.
    """
    from followup_tui.storage import atomic_write
    from followup_tui.text import shown

    try:
        try:
            mode = path.stat().st_mode  # of what a link points to
        except FileNotFoundError:
            mode = None
        if mode is not None and stat.S_ISDIR(mode):
            raise UsageError(f"cannot write {shown(path)}: it is a folder")
        if mode is None or stat.S_ISREG(mode):
            atomic_write(Path(os.path.realpath(path)), data)
            return
        # no reader on a FIFO: ENXIO at once instead of waiting for one
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None


def cmd_sent(args: argparse.Namespace) -> int:
    from followup_tui.model import STAGES, Stage
    from followup_tui.timing import mark_sent

    at = parse_when(args.at, "--at") if args.at else now()

    def record(draft: Draft) -> str:
        name: str = args.stage or draft.stage
        if name not in STAGES:
            raise UsageError(f"--stage {name}: not one of {', '.join(STAGES)}")
        stage = Stage(name)
        to = ", ".join(i.email or i.name for i in draft.interviewers if i.email or i.name)
        mark_sent(draft, stage, at, to)
        return stage

    stage = _update(args.file, record)
    print(f"recorded: {stage} sent {at:%a %d %b %H:%M}")
    return 0


def cmd_outcome(args: argparse.Namespace) -> int:
    from followup_tui.timing import record_outcome

    at = parse_when(args.at, "--at") if args.at else now()
    outcome = "" if args.result == "none" else args.result
    _update(args.file, lambda draft: record_outcome(draft, outcome, at))
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


def _update(path: Path, change: Callable[[Draft], T]) -> T:
    """Change a draft under its lock, or say why not (a read-only or full disk): nothing changed.

    Commands run at once on one draft (thirty `sent`) each see the others' records.
    """
    from followup_tui.storage import update_draft
    from followup_tui.text import shown

    try:
        return update_draft(path, change)
    except OSError as exc:
        raise UsageError(
            f"cannot save {shown(path)}: {exc.strerror or exc}; nothing was recorded"
        ) from None
