"""F2: who signs the emails (name, contact, sign-off) and the tone new drafts start in."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from followup_tui.app.widgets.choice import choice
from followup_tui.app.widgets.footer import KeyFooter
from followup_tui.model import TONES, Profile

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

# Keys this screen keeps for itself although the app binds them with priority.
OWN_KEYS = frozenset({"ctrl+s"})


def looks_like_email(text: str) -> bool:
    """True for something shaped like name@example.org: an "@" with a dot somewhere after it."""
    local, at, domain = text.rpartition("@")
    if not at or not local or any(c.isspace() for c in text):
        return False
    return "." in domain.strip(".")


def split_links(text: str) -> list[str]:
    """The comma-separated links of the links field, blanks dropped."""
    return [link.strip() for link in text.split(",") if link.strip()]


class ProfileScreen(ModalScreen[None]):
    """Edit the profile; ctrl+s or Save writes config.toml, escape leaves it as it was."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save profile", id="profile-save"),
        Binding("escape", "cancel", "Cancel", id="profile-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    @property
    def followup(self) -> FollowupApp:
        """The app, with its settings."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        settings = self.followup.settings
        profile = settings.profile
        tones: list[str] = list(TONES)
        if settings.default_tone not in tones:
            tones.append(settings.default_tone)  # a tone of the user's own templates
        with Vertical(classes="dialog-box profile-box") as box:
            box.border_title = "Profile"
            with Grid(classes="profile-grid"):
                for label, value, placeholder, input_id in (
                    ("Name", profile.name, "your full name", "pf-name"),
                    ("Email", profile.email, "you@example.org", "pf-email"),
                    ("Phone", profile.phone, "+44 20 7946 0000", "pf-phone"),
                    ("Links", ", ".join(profile.links), "comma-separated", "pf-links"),
                    ("Sign-off", profile.sign_off, "Best regards", "pf-sign-off"),
                ):
                    yield Label(label, classes="profile-label")
                    yield Input(value, placeholder=placeholder, id=input_id, compact=True)
                yield Label("Default tone", classes="profile-label")
                yield choice(tones, settings.default_tone, "pf-tone")
            yield Static("", id="pf-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="pf-save", variant="primary")
                yield Button("Cancel (esc)", id="pf-cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#pf-error").display = False
        self.query_one("#pf-name", Input).focus()

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Claiming ctrl+s hides the app's priority "save the draft" binding while this is open,
        # so the key saves the profile (a public hook, used by Input the same way).
        return key in OWN_KEYS

    def _value(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip()

    def _refuse(self, message: str, input_id: str) -> None:
        error = self.query_one("#pf-error", Static)
        error.update(message)
        error.display = True
        field = self.query_one(f"#{input_id}", Input)
        field.add_class("-invalid")
        field.focus()

    def action_save(self) -> None:
        """Check the fields, then write them to config.toml and re-render the preview."""
        email = self._value("pf-email")
        if email and not looks_like_email(email):
            self._refuse(
                f"{email!r} does not look like an email address (name@example.org).", "pf-email"
            )
            return
        tone = self.query_one("#pf-tone", Select).value
        app = self.followup
        app.settings.profile = Profile(
            name=self._value("pf-name"),
            email=email,
            phone=self._value("pf-phone"),
            links=split_links(self._value("pf-links")),
            sign_off=self._value("pf-sign-off"),
        )
        if isinstance(tone, str):
            app.settings.default_tone = tone
        app.save_settings()
        # The main screen renders again as it comes back: the signature changed, not the draft.
        self.dismiss()

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss()

    @on(Input.Changed, "#pf-email")
    def _email_edited(self, event: Input.Changed) -> None:
        event.input.remove_class("-invalid")
        self.query_one("#pf-error").display = False

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#pf-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#pf-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
