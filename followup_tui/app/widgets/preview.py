"""The preview pane: the email as it will be sent, and its editor."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import ContentSwitcher, Input, Label, Static, TextArea

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
        self.editing = False
        self._shown: dict[str, str] = {}
        self._loaded: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="view", id="preview-switcher"):
            with VerticalScroll(id="view"):
                # markup=False: an email is text, and "[Ana]" must stay "[Ana]"
                yield Static("", id="p-to", markup=False)
                yield Static("", id="p-subject", markup=False)
                yield Static("", id="p-body", markup=False)
            with Vertical(id="edit"):
                yield Label("Subject")
                yield Input(id="e-subject", compact=True)
                yield Label("Body")
                yield TextArea(
                    id="e-body", soft_wrap=True, compact=True, highlight_cursor_line=False
                )
        yield Static("", id="p-meta", markup=False)

    def show(self, email: Email | None, meta: str, error: str = "") -> None:
        """Put an email (or a template error) on screen without re-laying out the pane."""
        if error:
            self._put("#p-to", "", layout=False)
            self._put("#p-subject", "Template error", layout=False)
            self._put_body(error)
            self._put("#p-meta", meta, layout=False)
            return
        assert email is not None
        self._put("#p-to", f"To: {email.to or '(no address yet)'}", layout=False)
        self._put("#p-subject", f"Subject: {email.subject}", layout=False)
        self._put_body(email.body)
        self._put("#p-meta", meta, layout=False)

    def _put(self, selector: str, text: str, layout: bool = True) -> None:
        # Static.update repaints even for the same text; most keys change only the body.
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(text, layout=layout)

    def _put_body(self, text: str) -> None:
        """The body, laid out again only when its wrapped height changes.

        A layout re-arranges every widget on the screen; most keys change a word or two of
        the body without changing how many lines it wraps to, and then a repaint is enough.
        """
        if self._shown.get("#p-body") == text:
            return
        self._shown["#p-body"] = text
        body = self.query_one("#p-body", Static)
        before = body.content_size.height
        body.update(text, layout=False)
        width = body.content_size.width
        if not width or body.get_content_height(self.size, self.app.size, width) != before:
            body.refresh(layout=True)

    def start_editing(self, email: Email) -> None:
        """Switch to the editor, filled with the email as it stands."""
        self.editing = True
        subject = self.query_one("#e-subject", Input)
        body = self.query_one("#e-body", TextArea)
        subject.value = email.subject
        body.load_text(email.body)
        self.query_one(ContentSwitcher).current = "edit"
        self.add_class("-editing")
        body.focus()
        # Filling the editor posts Changed events later; they match this and are dropped.
        self._loaded = (email.subject, email.body)

    def stop_editing(self) -> None:
        """Back to the read-only preview."""
        self.editing = False
        self.query_one(ContentSwitcher).current = "view"
        self.remove_class("-editing")

    def _current(self) -> tuple[str, str]:
        return self.query_one("#e-subject", Input).value, self.query_one("#e-body", TextArea).text

    @on(Input.Changed, "#e-subject")
    @on(TextArea.Changed, "#e-body")
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        if not self.editing:
            return
        subject, body = self._current()
        if (subject, body) == self._loaded:
            return
        self._loaded = (subject, body)
        self.post_message(self.Edited(subject, body))
