"""The Textual application: keys, commands, saving, themes. Screens do the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input

from followup_tui import storage
from followup_tui.app import collector
from followup_tui.app.pause import AtPause
from followup_tui.app.saving import Autosave, save_on_exit_signals
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.type_ahead import TypeAhead
from followup_tui.clipboard import CopyResult, copy_with_pyperclip
from followup_tui.errors import FileFormatError
from followup_tui.model import Draft, Profile, Settings, Stage
from followup_tui.session import Session
from followup_tui.text import shown

# How often the open draft's file is checked for a change made elsewhere (`followup-tui sent`).
DISK_CHECK_INTERVAL = 1.0
DEFAULT_THEME = "followup-dusk"

ClipboardBackend = Callable[[str], CopyResult]


class FollowupApp(App[None]):
    """followup-tui: one interview's follow-up email, drafted live from the notes."""

    CSS_PATH = "app.tcss"
    TITLE = "followup-tui"
    BINDINGS = [
        # The email's own keys (copy, edit, regenerate, $EDITOR) are the main screen's.
        Binding("ctrl+s", "save", "Save", priority=True, id="save"),
        Binding("ctrl+o", "interviews", "Interviews", id="interviews"),
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f2", "profile", "Profile", show=False, id="profile"),
        # Textual binds tab on the screen, which sees a key only after the focused field has
        # had it; keys that arrive in one burst (a busy moment, a paste, a typing tool) are
        # by then handed to the old field. Here, tab moves the focus before the next key.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def action_focus_next(self) -> None:
        # A field reached by Tab takes more text after its own: never a selection to replace.
        from followup_tui.app.widgets.fields import cursor_to_end

        super().action_focus_next()
        cursor_to_end(self.focused)

    def action_focus_previous(self) -> None:
        from followup_tui.app.widgets.fields import cursor_to_end

        super().action_focus_previous()
        cursor_to_end(self.focused)

    def __init__(
        self,
        session: Session,
        *,
        settings: Settings | None = None,
        settings_error: FileFormatError | None = None,
        clipboard: ClipboardBackend = copy_with_pyperclip,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or Settings()
        # A config.toml that did not parse is never written over.
        self.settings_error = settings_error
        self.clipboard_backend = clipboard
        self._clock = clock
        self.autosave = Autosave(
            self, partial(self.save_draft, quiet=True), paused=collector.settle
        )
        self._retitle = AtPause(self, self._show_title)
        self.stop_signal_saves: Callable[[], None] = lambda: None
        """Hands SIGHUP, SIGTERM and SIGINT back (`followup_tui.app.saving`)."""
        self._theme_ready = False
        self.type_ahead = TypeAhead(lambda: self.focused)
        self._theme_notices = self._load_themes()
        self._stage_notice = self._show_due_stage()

    # ------------------------------------------------------------ start-up

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Always plain text: messages carry file names, TOML keys and template text, where
        "[bold]" must show as typed and a stray "[/]" would crash the app as bad markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _show_due_stage(self) -> str:
        """Open a draft whose stage was already sent at the stage due next; say so.

        Only the email on screen changes: the file keeps its stage until the next real edit,
        so opening a draft never rewrites it.
        """
        from followup_tui.timing import stage_to_show

        draft = self.session.draft
        if self.session.error is not None or self.session.ephemeral:
            return ""
        stage = stage_to_show(draft, self.now())
        if stage is None:
            return ""
        sent, draft.stage = draft.stage, Stage(stage)
        return f"Showing the {stage} email: the {sent} was sent already."

    def now(self) -> datetime:
        """The current time (a fixed clock in tests)."""
        return self._clock() if self._clock else datetime.now().astimezone()

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    def on_mount(self) -> None:
        self.stop_signal_saves = save_on_exit_signals(self)
        for notice in self._theme_notices:
            self.notify(notice, severity="warning", timeout=12)
        self._apply_keymap()
        self.sub_title = self.session.draft.title()
        if self.settings_error is not None:
            self.notify(
                f"{self.settings_error}\nUsing default settings; config.toml is left as it is.",
                title="Settings not read",
                severity="error",
                timeout=15,
            )
        if self.session.error is not None:
            self.notify(
                f"{self.session.error}\nFix the file and open it again; it will not be changed.",
                title="Draft not read",
                severity="error",
                timeout=30,
            )
            self.sub_title = f"read-only: {shown(self.session.error.path.name)} needs fixing"
        elif self.session.acquire_lock() is not None:
            self.notify(
                f"This draft is open in another followup-tui (pid {self.session.other_instance})."
                " Changes from both are merged; a text both change keeps both versions.",
                title="Open twice",
                severity="warning",
                timeout=12,
            )
        elif self.session.lock_error is not None:
            self._lock_failed()
        if self._stage_notice:
            self.notify(self._stage_notice, timeout=8)
        self.set_interval(DISK_CHECK_INTERVAL, self.check_disk)
        if not self.profile.name.strip() and self.settings_error is None:
            # The signature practice fails until then, and nothing else says where to fix it.
            self.notify(
                "Add your name and contact details for the signature: press f2.",
                title="Who is writing?",
                timeout=10,
            )

    async def on_event(self, event: events.Event) -> None:
        if not self.type_ahead.take(event):
            await super().on_event(event)

    async def release_type_ahead(self, *, complete: bool = True) -> None:
        """Handle what was typed while the main screen was built.

        Letters held for the focused field go in now. With `complete` (every field is there
        and laid out, so Tab goes where the user sees it go) the rest is handled in order and
        keys stop being held; before that, they wait.
        """
        self.type_ahead.insert_letters()
        if complete:
            for event in self.type_ahead.stop():
                await super().on_event(event)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        # An Input scrolled to its end while being typed in keeps that scroll when left, and
        # then shows a value that fills the field without its first characters.
        event.input.scroll_to(x=0, animate=False, immediate=True)

    def _load_themes(self) -> list[str]:
        """Register the theme files and pick the user's theme; returns what to tell the user.

        Called from `__init__`, so the screen is styled in the user's theme from the start.
        """
        from followup_tui.app.themes import load_themes

        loaded = load_themes()
        for theme in loaded.themes:
            self.register_theme(theme)
        notices = []
        if loaded.errors:
            notices.append("Themes skipped:\n" + "\n".join(loaded.errors))
        wanted = self.settings.theme
        if wanted not in self.available_themes:
            if wanted != DEFAULT_THEME:
                notices.append(f"Theme {wanted!r} not found; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted
        self._theme_ready = True
        return notices

    def _apply_keymap(self) -> None:
        """Bind the `[keymap]` of config.toml; each entry that cannot be used is reported alone."""
        from followup_tui.app.keys import usable_keymap

        known = {
            b.id for b in [*self.BINDINGS, *MainScreen.BINDINGS] if isinstance(b, Binding) and b.id
        }
        keymap, problems = usable_keymap(self.settings.keymap, known)
        problems = [str(problem) for problem in self.settings.problems] + problems
        if problems:
            self.notify(
                "\n".join(problems) + "\nThe rest of config.toml applies.",
                title="Settings skipped",
                severity="warning",
                timeout=15,
            )
        if keymap:
            self.set_keymap(keymap)

    def watch_theme(self, theme: str) -> None:
        if self._theme_ready and theme != self.settings.theme:
            self.settings.theme = theme
            self.save_settings(quiet=True)

    # ------------------------------------------------------------ saving

    def draft_changed(self) -> None:
        """Mark the draft changed, autosave shortly, and retitle once typing pauses."""
        self.session.dirty = True
        self.autosave.changed()
        self._retitle.changed()

    def _show_title(self) -> None:
        self.sub_title = self.session.draft.title() + (
            " (not saved)" if self.session.read_only else ""
        )

    def save_draft(self, quiet: bool = False) -> bool:
        """Save through the session; tell the user about anything but a quiet success."""
        self.autosave.cancel()
        if self.session.ephemeral and quiet:
            return False  # the demo is saved only when the user asks
        result = self.session.save(now=self.now())
        if not result.ok:
            self.notify(result.message, title="Not saved", severity="error", timeout=10)
        elif not quiet or "elsewhere" in result.message:
            self.notify(result.message, timeout=4 if not quiet else 12)
        self.show_merged(result.changed)
        return result.ok

    def check_disk(self) -> None:
        """Take in a change made to the open draft elsewhere (a `sent` command, a hand edit)."""
        result = self.session.sync()
        if result is None:
            return
        self.notify(result.message, severity="information" if result.ok else "warning", timeout=8)
        self.show_merged(result.changed)

    def show_merged(self, changed: frozenset[str]) -> None:
        """Have the main screen show the draft's fields that a merge with the file changed."""
        if changed:
            self.main.show_merged(changed)

    def save_settings(self, quiet: bool = False) -> None:
        """Write config.toml, unless it is a file the user must fix first."""
        broken = self.settings_error or next(iter(self.settings.problems), None)
        if broken is not None:
            # Written back now, the entries left out would be gone from the file.
            if not quiet:
                self.notify(f"not saved: fix {broken.path} first", severity="error")
            return
        try:
            storage.save_settings(self.settings)
        except OSError as exc:
            self.notify(f"settings not saved: {exc.strerror or exc}", severity="error")
            return
        if not quiet:
            self.notify("settings saved", timeout=3)

    async def action_quit(self) -> None:
        from followup_tui.app.saving import quit_keeping_text

        quit_keeping_text(self)

    def leave(self, return_code: int = 0) -> None:
        """Exit now: drop the lock, hand the signals back."""
        self.autosave.cancel()
        self.session.release_lock()
        self.stop_signal_saves()
        self.exit(return_code=return_code)

    def action_save(self) -> None:
        self.save_draft()

    # ------------------------------------------------------------ the email

    @property
    def main(self) -> MainScreen:
        """The main screen, under whatever dialog is open."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def profile(self) -> Profile:
        """Who signs the emails: the user's profile, or the sample one in the demo."""
        if self.session.ephemeral and not self.settings.profile.name:
            from followup_tui.demo import demo_profile

            return demo_profile()
        return self.settings.profile

    # ------------------------------------------------------------ other screens

    def action_help(self) -> None:
        from followup_tui.app.screens.help import HelpScreen, key_lines

        app_bindings = [b for b in [*self.BINDINGS, *MainScreen.BINDINGS] if isinstance(b, Binding)]
        self.push_screen(HelpScreen(key_lines(dict(self.screen.active_bindings), app_bindings)))

    def action_interviews(self) -> None:
        from followup_tui.app.screens.interviews import InterviewsScreen

        self.push_screen(InterviewsScreen())

    def action_profile(self) -> None:
        from followup_tui.app.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen())

    def action_new_from_invite(self) -> None:
        """A new interview from its calendar invitation: asks for the .ics file."""
        from followup_tui.app.screens.invite import new_from_invite

        new_from_invite(self)

    def open_new_draft(self, draft: Draft) -> bool:
        """Write `draft` to a fresh file in the drafts folder and open it; False if it cannot."""
        path = storage.new_draft_path(draft)
        try:
            storage.save_draft(path, draft)
        except OSError as exc:
            reason = f"cannot create {shown(path)}: {exc.strerror or exc}"
            self.notify(reason, title="Not created", severity="error")
            return False
        self.open_session(Session.open(path))
        return True

    def open_session(self, session: Session) -> None:
        """Switch to another draft: save this one, then rebuild the main screen on the new one."""
        self.autosave.cancel()  # it would save the new session instead
        if self.session.dirty and not self.session.ephemeral:
            self.save_draft(quiet=True)
        self.session.release_lock()
        self.session = session
        notice = self._show_due_stage()
        if notice:
            self.notify(notice, timeout=8)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        # Textual cannot switch away from the default screen (it holds no result callback),
        # so the main screen rebuilds itself on the new draft instead of being replaced.
        # Run by the screen itself: its compose binds its reactives (data_bind), which
        # needs the screen to be the one handling the call.
        main = self.main
        main.call_later(main.reload)
        self.sub_title = session.draft.title()
        if session.error is not None:
            self.notify(str(session.error), title="Draft not read", severity="error", timeout=30)
        elif session.acquire_lock() is not None:
            self.notify(
                f"This draft is open in another followup-tui (pid {session.other_instance}).",
                severity="warning",
                timeout=12,
            )
        elif session.lock_error is not None:
            self._lock_failed()

    def _lock_failed(self) -> None:
        """Say that the draft could not be marked as open here, and what that means."""
        name = shown(self.session.path.name if self.session.path else "the draft")
        self.notify(
            f"Could not mark {name} as open ({self.session.lock_error}), so another window"
            " would not be warned. If its folder is read-only, changes cannot be saved there;"
            " quitting offers another place.",
            title="Draft folder not writable",
            severity="warning",
            timeout=15,
        )

    # ------------------------------------------------------------ palette

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from followup_tui.app.palette import app_commands, main_commands

        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):  # as with their keys: the email's own screen
            yield from main_commands(screen)
        yield from app_commands(self)


def make_app(
    path: Path | None = None,
    *,
    demo: bool = False,
    clipboard: ClipboardBackend = copy_with_pyperclip,
    clock: Callable[[], datetime] | None = None,
) -> FollowupApp:
    """Build the app the way the command line does; tests use this too."""
    settings_error = None
    try:
        settings = storage.load_settings()
    except FileFormatError as exc:
        settings, settings_error = Settings(), exc
    if demo:
        from followup_tui.demo import demo_draft

        session = Session(demo_draft(clock() if clock else None), None, ephemeral=True)
    elif path is not None:
        session = Session.open(path)
    else:
        recent = storage.most_recent_draft()
        session = (
            Session.open(recent) if recent else Session(Draft(tone=settings.default_tone), None)
        )
    return FollowupApp(
        session, settings=settings, settings_error=settings_error, clipboard=clipboard, clock=clock
    )
