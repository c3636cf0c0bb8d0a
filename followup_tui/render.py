"""Turn a draft into the emails it stands for, through Jinja2 templates.

Templates live in `followup_tui/templates/<stage>/<tone>.j2`; a file of the same name under
`$XDG_CONFIG_HOME/followup-tui/templates/` overrides a shipped one, and a new name there adds
a tone (`thank-you/playful.j2` adds the tone "playful" to the thank-you stage).

A template's output is `Subject: ...`, a blank line, then the body. Afterwards trailing
spaces are dropped, doubled spaces inside a line become one, runs of blank lines become one
blank line, and blank lines at the start and end go. Templates run in Jinja2's sandbox with
strict undefined names: a typo is an error that names the file and line, never a silent gap.

Names a template can use (texts are plain strings, "" when unknown; built in
`followup_tui.context`):

- `stage`, `tone`: what is being rendered; `round`: for a check-in, 1 for the first, 2 for
  the second, 3 once two went unanswered (the closing keep-in-touch note).
- `company`, `role` (as typed, without a trailing "role" or "position"), `a_role` ("an HR
  Manager"), `format` ("video", "phone", "on-site" or "").
- `role_phrase`: "the Data Engineer role at Acme", "the Data Engineer role", "the role at
  Acme" or "the role"; `team_phrase`: "the Acme team" or "your team".
- `day`: weekday of the interview ("Tuesday"); `date`: "18 November"; `month`: "November";
  `when_phrase`: "today", "yesterday", "on Tuesday" or "on 18 November", relative to now;
  `late`: true for a thank-you more than 48 hours after the interview.
- `decision_by`: the decision date the user was told, as "Friday 5 December".
- `interviewer`: the person this email goes to, with `name`, `first_name`, `last_name`,
  `title`, `email`, `notes`.
- `greeting_name`: "Dr. Okafor" or "Helen Okafor" for the formal tone, "Helen" for the
  others; "" when no name is known (never a title alone).
- `index`: this interviewer's position in the panel, from 0; `variant`: 0 for the first,
  then 1, 2, 3 in turn, so the emails of a panel differ in structure; `count`: how many
  there are; `panel`: true when there is more than one; `others`, `others_text`: the other
  interviewers' names, as a list and joined "A, B and C".
- Notes, read (see `followup_tui.prose.notes`): each item is a `Note` with `phrase`,
  `clause` and `sentence` ("" when the item does not take that form); a Note is false when
  no form fits. `topic`, `point`, `skill`: one item of the topics, what resonated and the
  skills, picked by `index` so each member of a panel hears about something different;
  `own`: the first item of the note kept for this interviewer; `talk`: what this interviewer
  talked about as a phrase (their own note first, else a topic); `missed`: the first item of
  what the user forgot; lists of up to three: `topic_list`, `resonated_list`, `skill_list`,
  `missed_list`, `own_list`.
- `concern`: the first concern, with `note` (a Note), `answer` (the user's answer as
  sentences, or "") and `raised_by_reader`; `concern_list`: up to two; `concerns_noted`: true
  when the concerns note has any text, usable or not; `next_steps`: that note, one line.
- `topics`, `resonated`, `skills`, `concerns`: the usable items joined "a, b and c", for
  templates written before notes were read into forms.
- `profile`: the sender, with `name`, `email`, `phone`, `links` (a list) and `sign_off`.
- `signature`: a ready block: the sign-off and a comma, then the name, then the email,
  phone and links, one per line, leaving out what is empty.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from followup_tui import paths
from followup_tui.context import build_context, interviewer_at
from followup_tui.errors import FileFormatError, TemplateBudgetError
from followup_tui.model import Draft, Email, Interviewer, Profile, Stage
from followup_tui.sandbox import BudgetedSandbox, BudgetExceeded, render_within_budget
from followup_tui.text import clean, clean_line
from followup_tui.tones import SUFFIX, available_tones
from followup_tui.tones import TEMPLATE_NAME as _NAME

SHIPPED_DIR = paths.shipped_templates_dir()
# A template is a page of text; a bigger file is not one, and compiling it would stall the app.
MAX_TEMPLATE_BYTES = 256 * 1024
_SUBJECT = re.compile(r"^subject:[ \t]*(.*)$", re.IGNORECASE)
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")
# characters that force quoting of a display name in an address (RFC 5322 specials)
_ADDRESS_SPECIALS = frozenset('()<>@,;:\\".[]')


class UnknownTemplateError(ValueError):
    """No template exists for the asked stage and tone."""


def render_email(
    draft: Draft,
    profile: Profile,
    *,
    stage: Stage | None = None,
    tone: str | None = None,
    interviewer: int = 0,
    use_edits: bool = True,
    now: datetime | None = None,
) -> Email:
    """The email to one interviewer: the user's manual edit if any, else the rendered template."""
    stage = draft.stage if stage is None else stage
    tone = draft.tone if tone is None else tone
    person = interviewer_at(draft, interviewer)
    to = _address(person)
    if use_edits:
        edit = draft.edit_for(stage, interviewer)
        if edit is not None:
            subject, body = clean_line(edit.subject), clean(edit.body)
            return Email(to, subject, body, stage, tone, interviewer, edited=True)
    template = _template(stage, tone)
    context = build_context(
        draft, profile, stage=stage, tone=tone, interviewer=interviewer, now=now
    )
    # a template may write control characters ("{{ '\x1b' }}"): they never reach a screen
    subject, body = _split(clean(_render(template, context)), template)
    return Email(to, subject, body, stage, tone, interviewer)


def render_all(
    draft: Draft,
    profile: Profile,
    *,
    stage: Stage | None = None,
    tone: str | None = None,
    use_edits: bool = True,
    now: datetime | None = None,
) -> list[Email]:
    """One email per interviewer (one email to nobody in particular when none is known)."""
    return [
        render_email(
            draft, profile, stage=stage, tone=tone, interviewer=i, use_edits=use_edits, now=now
        )
        for i in range(max(1, len(draft.interviewers)))
    ]


# --- templates ---------------------------------------------------------------------------


class _TemplateLoader(FileSystemLoader):
    """Refuses what cannot be a template (a huge or binary file) before Jinja compiles it."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            candidate = Path(folder, *split_template_path(template))
            if candidate.is_file():
                size = candidate.stat().st_size
                if size > MAX_TEMPLATE_BYTES:
                    limit = MAX_TEMPLATE_BYTES // 1024
                    reason = f"file is {size:,} bytes, too big to be a template (limit {limit} KB)"
                    raise FileFormatError(candidate, reason)
                break
        source, filename, uptodate = super().get_source(environment, template)
        if "\x00" in source:
            raise FileFormatError(filename, "not a text file (it holds NUL bytes)")
        return source, filename, uptodate


@functools.lru_cache(maxsize=8)
def _environment(user_dir: str) -> BudgetedSandbox:
    """One environment per user template folder, so a process compiles each template once."""
    loader = ChoiceLoader([_TemplateLoader(user_dir), _TemplateLoader(str(SHIPPED_DIR))])
    return BudgetedSandbox(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
    )


def _template(stage: Stage, tone: str) -> Template:
    if not (_NAME.match(stage) and _NAME.match(tone)):
        raise UnknownTemplateError(f"no such stage or tone: {stage!r} / {tone!r}")
    user_dir = paths.user_templates_dir()
    env = _environment(str(user_dir))
    name = f"{stage}/{tone}{SUFFIX}"
    user_file = user_dir / stage / f"{tone}{SUFFIX}"
    source_file = user_file if user_file.is_file() else SHIPPED_DIR / stage / f"{tone}{SUFFIX}"
    try:
        template = env.get_template(name)
        # Jinja notices a changed or deleted file, but not a new user file that now shadows a
        # shipped one it has cached: drop the cache then.
        if template.filename != str(source_file) and user_file.is_file():
            if env.cache is not None:
                env.cache.clear()
            template = env.get_template(name)
    except TemplateSyntaxError as exc:
        raise FileFormatError(
            exc.filename or source_file, f"template syntax: {exc.message}", exc.lineno
        ) from None
    except TemplateNotFound:
        tones = ", ".join(available_tones(stage)) or "none"
        raise UnknownTemplateError(
            f"no template for stage {stage!r} in tone {tone!r} (tones for this stage: {tones})"
        ) from None
    except UnicodeDecodeError:
        raise FileFormatError(source_file, "template is not UTF-8 text") from None
    except OSError as exc:
        raise FileFormatError(source_file, f"cannot read template: {exc.strerror}") from None
    except (FileFormatError, UnknownTemplateError):
        raise
    except Exception as exc:
        # Compiling can fail in other ways: {{ 10**5000 }} folded to a number too long to
        # print, parentheses nested past Python's recursion limit, MemoryError...
        reason = _reason(exc).removeprefix("template failed: ")
        raise FileFormatError(source_file, f"template cannot be compiled: {reason}") from None
    return template


def _render(template: Template, context: dict[str, Any]) -> str:
    """Render, turning every failure into a FileFormatError with file and line."""
    path = template.filename or template.name or "template"
    try:
        return render_within_budget(template, context)
    except BudgetExceeded as exc:
        where, line = _template_frame(exc, path)
        raise TemplateBudgetError(where, f"{exc.message}; stopped", line) from None
    except TemplateSyntaxError as exc:  # an included or imported template
        raise FileFormatError(
            exc.filename or path, f"template syntax: {exc.message}", exc.lineno
        ) from None
    except FileFormatError:  # an included template that cannot be one
        raise
    except Exception as exc:  # a template must never crash the app with a traceback
        where, line = _template_frame(exc, path)
        raise FileFormatError(where, _reason(exc), line) from None


def _reason(exc: Exception) -> str:
    if isinstance(exc, SecurityError):
        return f"refused by the sandbox: {exc.message or 'unsafe operation'}"
    if isinstance(exc, UndefinedError):
        return f"template uses an unknown name: {exc.message}"
    if isinstance(exc, TemplateNotFound):
        return f"template not found: {exc.name}"
    detail = str(exc)
    return f"template failed: {type(exc).__name__}" + (f": {detail}" if detail else "")


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The innermost traceback frame that belongs to a template (Jinja rewrites them so)."""
    import traceback  # only on this error path: it is slow to import

    roots = (str(SHIPPED_DIR), str(paths.user_templates_dir()))
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == fallback or frame.filename.startswith(roots):
            return frame.filename, frame.lineno
    return fallback, None


def _split(text: str, template: Template) -> tuple[str, str]:
    """Subject and body of a rendered template, tidied."""
    lines = [_INNER_SPACES.sub(" ", line.rstrip()) for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    match = _SUBJECT.match(lines[0]) if lines else None
    if match is None:
        raise FileFormatError(
            template.filename or template.name or "template",
            "the output must start with a 'Subject: ...' line",
        )
    subject = " ".join(match.group(1).split())
    body = _BLANK_RUNS.sub("\n\n", "\n".join(lines[1:])).strip("\n")
    return subject, body


def _address(person: Interviewer) -> str:
    if person.name and person.email:
        name = person.name
        if any(c in _ADDRESS_SPECIALS for c in name):
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"{name} <{person.email}>"
    return person.email or person.name
