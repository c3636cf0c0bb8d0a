"""Getting the email out of the app: files, mailto, $EDITOR, reminders, the sent log.

The main screen runs these from its actions, handing over the email on screen and its
interviewer; what changes the draft is applied and announced by the screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui import export, paths, storage
from followup_tui.clipboard import CopyResult
from followup_tui.model import Email, ManualEdit, Stage
from followup_tui.text import shown

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


def copy_email(app: FollowupApp, email: Email, part: str = "email") -> None:
    """Put the email (or its body or subject) on the clipboard, and say how it went."""
    text = {"email": email.text, "body": email.body, "subject": email.subject}[part]
    # OSC 52 always: it reaches the local clipboard even over SSH, where terminals allow it.
    app.copy_to_clipboard(text)
    try:
        result = app.clipboard_backend(text)
    except Exception as exc:  # a clipboard tool failing must never take the draft down
        result = CopyResult(False, "", f"system clipboard failed: {exc}")
    what = {"email": "the email", "body": "the body", "subject": "the subject"}[part]
    if result.ok:
        app.notify(f"Copied {what} with {result.backend} (and the terminal, OSC 52).")
    else:
        app.notify(
            f"Copied {what} through the terminal (OSC 52); {result.message}."
            " If nothing pastes, your terminal does not allow OSC 52.",
            severity="warning",
            timeout=8,
        )


def export_path(app: FollowupApp, suffix: str, interviewer: int = 0) -> Path:
    """Where the app writes a hand-off file: beside the drafts, named after the draft."""
    session = app.session
    stem = session.path.stem if session.path else "demo"
    if suffix != ".ics" and len(session.draft.interviewers) > 1:
        stem += f"-{interviewer + 1}"
    return paths.data_dir() / "exports" / f"{stem}{suffix}"


def _open(app: FollowupApp, target: str) -> str | None:
    """Open with the system's opener; None when there is none or it would not start."""
    try:
        return export.open_with_system(target)
    except OSError as exc:
        app.notify(f"could not open {shown(target)}: {exc.strerror or exc}", severity="warning")
        return None


def _write(app: FollowupApp, suffix: str, data: bytes, interviewer: int = 0) -> Path | None:
    target = export_path(app, suffix, interviewer)
    try:
        storage.atomic_write(target, data)
    except OSError as exc:
        app.notify(f"could not write {shown(target)}: {exc.strerror or exc}", severity="error")
        return None
    return target


def export_eml(app: FollowupApp, email: Email, interviewer: int) -> None:
    """Write the email as an .eml draft and open it in the desktop mail program if there is one."""
    try:
        data = export.to_eml(email, app.profile, date=app.now())
    except export.BadRecipient as exc:
        app.notify(f"{exc}.", title="Not exported", severity="error")
        return
    target = _write(app, ".eml", data, interviewer)
    if target is None:
        return
    opener = _open(app, str(target))
    how = f"opened with {opener}" if opener else "open it in your mail program (neomutt -H FILE)"
    app.notify(f"Wrote {shown(target)}; {how}.", title="Email saved as .eml", timeout=10)


def open_mailto(app: FollowupApp, email: Email, interviewer: int) -> None:
    """Open a mailto: link, or say it is too long and offer the .eml instead."""
    from followup_tui.app.dialogs import ConfirmDialog

    try:
        link = export.to_mailto(email)
    except export.BadRecipient as exc:
        app.notify(f"{exc}.", title="Not exported", severity="error")
        return
    except export.MailtoTooLong as exc:

        def answer(yes: bool | None) -> None:
            if yes:
                export_eml(app, email, interviewer)

        app.push_screen(
            ConfirmDialog(
                "This email is too long for a mailto: link.",
                f"It would be {exc.length} characters; mail programs accept about"
                f" {export.MAILTO_LIMIT}. Save it as an .eml draft instead?",
                confirm="Save .eml",
            ),
            answer,
        )
        return
    opener = _open(app, link)
    if opener:
        app.notify(f"Opened the mailto: link with {opener}.", timeout=6)
    else:
        app.copy_to_clipboard(link)
        app.notify(
            "No system opener here: the mailto: link was copied (OSC 52) instead.",
            severity="warning",
        )


def export_ics(app: FollowupApp) -> None:
    """Write a calendar reminder for the next follow-up that is due."""
    from followup_tui.timing import describe, next_follow_up

    window = next_follow_up(app.session.draft, app.now())
    if window is None or window.state in ("done", "cold"):
        app.notify("Nothing is due for this interview, so there is no reminder to make.")
        return
    seed = app.session.path.stem if app.session.path else "demo"
    ics = export.to_ics(app.session.draft, window, now=app.now(), uid_seed=seed)
    target = _write(app, ".ics", ics.encode())
    if target is None:
        return
    opener = _open(app, str(target))
    app.notify(
        f"{window.label}: {describe(window, app.now())}\nWrote {shown(target)}"
        + (f"; opened with {opener}." if opener else "; import it into your calendar."),
        title="Reminder saved",
        timeout=10,
    )


def edit_in_editor(app: FollowupApp, email: Email) -> ManualEdit | None:
    """Edit the email in $VISUAL/$EDITOR; the edited text, or None (and why) when none came back."""
    try:
        with app.suspend():
            edited = export.edit_in_editor(email.text)
    except Exception as exc:  # no editor, or one that could not start: tell, keep the text
        app.notify(f"could not run the editor: {exc}", severity="error")
        return None
    app.refresh()
    if edited is None:
        app.notify("No change came back from the editor.", timeout=4)
        return None
    subject, body = export.parse_edited(edited)
    return ManualEdit(subject, body)


def mark_sent(app: FollowupApp, stage: Stage) -> None:
    """Record in the draft that the user sent this stage's email now."""
    from followup_tui.timing import mark_sent as record

    draft = app.session.draft
    to = ", ".join(i.email or i.name for i in draft.interviewers if i.email or i.name)
    record(draft, stage, app.now(), to)
    app.notify(f"Recorded: {stage} sent {app.now():%a %d %b %H:%M}.", timeout=5)


def record_outcome(app: FollowupApp, outcome: str) -> None:
    """Record a rejection or an offer (or clear it) in the draft."""
    from followup_tui.timing import record_outcome as record

    record(app.session.draft, outcome, app.now())
    app.notify(f"Recorded outcome: {outcome or 'none'}.", timeout=5)
