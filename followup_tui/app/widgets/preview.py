"""The preview pane: the email as it will be sent, and its editor."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static, TextArea

from followup_tui.app.widgets.email_body import EmailBody
from followup_tui.model import Email


class Preview(Vertical):
    """Shows To, Subject and Body live; in edit mode the subject and body are editable."""

    @dataclass
    class Edited(Message):
        """The user changed the email by hand."""

        subject: str
        body: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: dict[str, str] = {}
        self._loaded: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        # The editor ("#edit") is mounted beside "#view" the first time it is needed
        # (`start_editing`); the "-editing" class shows one or the other.
        with Vertical(id="view"):
            # markup=False: an email is text, and "[Ana]" must stay "[Ana]"
            yield Static("", id="p-to", markup=False)
            yield Static("", id="p-subject", markup=False)
            # A key changes one paragraph: only its lines are wrapped and drawn again (a
            # TextArea draws every line in view after any change).
            yield EmailBody(id="p-body")
        yield Static("", id="p-meta", markup=False)

    @property
    def editing(self) -> bool:
        """True while the editor is shown instead of the email."""
        return self.has_class("-editing")

    def show(self, email: Email | None, meta: str, error: str = "") -> None:
        """Put an email (or a template error) on screen without re-laying out the pane."""
        if error:
            self._put("#p-to", "")
            self._put("#p-subject", "Template error")
            self._put_body(error)
            self._put("#p-meta", meta)
            return
        assert email is not None
        self._put("#p-to", f"To: {email.to or '(no address yet)'}")
        self._put("#p-subject", f"Subject: {email.subject}")
        self._put_body(email.body)
        self._put("#p-meta", meta)

    def _put(self, selector: str, text: str) -> None:
        # Static.update repaints even for the same text; most keys change only the body.
        if self._shown.get(selector) == text:
            return
        self._shown[selector] = text
        self._set(self.query_one(selector, Static), text)

    def _set(self, line: Static, text: str) -> None:
        before = line.content_size.height
        # A layout re-arranges the whole screen: needed only when the line's height changes
        # (the word count changes at every space typed; it rarely wraps differently).
        line.update(text, layout=False)
        width = line.content_size.width
        if not width or line.get_content_height(self.size, self.app.size, width) != before:
            line.refresh(layout=True)

    def _put_body(self, text: str) -> None:
        self.query_one(EmailBody).show(text)

    def start_editing(self, email: Email) -> None:
        """Switch to the editor, filled with the email as it stands."""
        if self.query_children("#edit"):
            subject = self.query_one("#e-subject", Input)
            body = self.query_one("#e-body", TextArea)
            subject.value = email.subject
            body.load_text(email.body)
        else:
            # Built on first use: most sessions never edit by hand.
            subject = Input(email.subject, id="e-subject", compact=True)
            body = TextArea(
                email.body, id="e-body", soft_wrap=True, compact=True, highlight_cursor_line=False
            )
            editor = Vertical(Label("Subject"), subject, Label("Body"), body, id="edit")
            self.mount(editor, after="#view")
        self.add_class("-editing")
        # A new editor can take the focus once it is mounted, after this refresh.
        self.call_after_refresh(body.focus)
        # Filling the editor posts Changed events later; they match this and are dropped.
        self._loaded = (email.subject, email.body)

    def stop_editing(self) -> None:
        """Back to the read-only preview."""
        self.remove_class("-editing")

    def _current(self) -> tuple[str, str]:
        return self.query_one("#e-subject", Input).value, self.query_one("#e-body", TextArea).text

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "e-subject":
            self._edited(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "e-body":
            self._edited(event)

    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        if not self.editing:
            return
        subject, body = self._current()
        if (subject, body) == self._loaded:
            return
        self._loaded = (subject, body)
        self.post_message(self.Edited(subject, body))
