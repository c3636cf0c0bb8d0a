"""The checklist: the practices the guides agree on, and how one email is judged against each."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import pairwise

from followup_tui.model import Draft, Email, Profile
from followup_tui.names import HONORIFICS

__all__ = [
    "FILLER_PHRASES",
    "GLYPHS",
    "PRACTICES",
    "STATUSES",
    "Practice",
    "Result",
    "evaluate",
    "parse_plain_email",
    "summary",
]

STATUSES: tuple[str, ...] = ("pass", "warn", "fail", "n/a", "todo", "done")
# One glyph per status, always shown beside the status word (never colour alone).
GLYPHS: dict[str, str] = {
    "pass": "\u2713",  # check mark
    "warn": "!",
    "fail": "\u2717",  # ballot x
    "n/a": "-",
    "todo": "\u2610",  # ballot box
    "done": "\u2611",  # ballot box with check
}

_G0 = "guide 000: The Importance of Following Up After a Job Interview"
_G1 = "guide 001: Should I Follow Up After My Job Interview?"
_G2 = "guide 002: (untitled) why following up after a job interview matters"
_G3 = "guide 003: The Art of Following Up After a Job Interview"


@dataclass(frozen=True)
class Practice:
    """One item of the checklist."""

    id: str
    title: str
    guide: str
    manual: bool
    hint: str = ""


@dataclass(frozen=True)
class Result:
    """How one email fares on one practice."""

    id: str
    status: str
    reason: str
    guide: str


# fmt: off
PRACTICES: tuple[Practice, ...] = (
    Practice("timely", "Sent within 24-48 hours", _G1, False,
             "Send the thank-you the same day if you can, the next day at the latest."),
    Practice("greeting", "Greets the interviewer by name", _G3, False,
             'Open with their name ("Dear Priya,"), not "Dear Hiring Manager".'),
    Practice("gratitude", "Thanks them for their time", _G3, False,
             "Say thank you for the conversation and for being considered."),
    Practice("personal", "Recalls something specific from the talk", _G1, False,
             "Name one topic you discussed or an idea that stayed with you."),
    Practice("interest", "Says you still want the job", _G0, False,
             "Tell them plainly that the role and the company appeal to you."),
    Practice("qualifications", "Ties a strength to their needs", _G3, False,
             "Point to one skill or result of yours and how it helps their team."),
    Practice("concerns", "Answers a doubt they raised", _G2, False,
             "If they hesitated about something, meet it briefly and honestly."),
    Practice("missed", "Adds what you left out", _G3, False,
             "Fill the gap you noticed afterwards, or set a misunderstanding straight."),
    Practice("next-steps", "Asks about next steps", _G2, False,
             "Ask when they expect to decide or what the next stage is."),
    Practice("brief", "Short: about 200 words or fewer", _G1, False,
             "Cut repetition; a few short paragraphs are enough."),
    Practice("subject", "Subject names the role or company", _G2, False,
             "Put the role or the company in the subject so it is easy to find later."),
    Practice("placeholders", "No template blanks left", _G2, False,
             "Replace every [bracketed] or {{ braced }} blank before sending."),
    Practice("signature", "Signed with your name and contact", _G2, False,
             "End with a sign-off, your full name and a phone number or email."),
    Practice("polished", "Proofread, names spelled right", _G3, True,
             "Read it aloud once, compare names with your notes, then tick."),
    Practice("filler", "No stock phrases", _G1, False,
             "Swap stock lines for a sentence only you could have written."),
    Practice("distinct", "Each panel email is its own", _G3, False,
             "Give each interviewer a detail from your talk with them."),
)
# fmt: on

FILLER_PHRASES: tuple[str, ...] = (
    "just checking in",
    "touching base",
    "touch base",
    "circling back",
    "circle back",
    "per my last email",
    "just following up",
    "just wanted to follow up",
    "I wanted to follow up",
    "hope this email finds you well",
    "hope this message finds you well",
    "hope this finds you well",
    "reach out",
    "reaching out",
    "at your earliest convenience",
    "don't hesitate to",
    "do not hesitate to",
)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Straight quotes for curly ones, so one pattern fits both.
_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))

_WORD_RE = re.compile(r"[^\W_]+")
_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['.-][^\W\d_]+)*\.?")
_ITEM_SPLIT_RE = re.compile(r"[\n;]+|[.!?](?:\s+|$)")
# Each pattern comes with the substrings one of which any match starts with: a quick
# `str.find` on those lets a regex scan start late or not at all (a 300-word email is judged
# many times a second while the user types).
_PLACEHOLDERS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("[",), re.compile(r"\[[^\[\]\n]{1,80}\]")),
    (("{{",), re.compile(r"\{\{[^\n]{0,80}?\}\}")),
    (("{%",), re.compile(r"\{%[^\n]{0,80}?%\}")),
    (("{",), re.compile(r"\{[^\W\d][\w .'-]{0,40}\}")),
    (("TODO", "XXX", "FIXME"), re.compile(r"\b(?:TODO|XXX|FIXME)\b")),
    # <Your Name>, but not <name@example.com> or <https://...>
    (("<",), re.compile(r"<(?![a-zA-Z][\w+.-]*:)(?=[^<>@\n]*[A-Z ])[A-Za-z][^<>@\n]{0,60}>")),
)
_GREETING_RE = re.compile(
    r"^(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|to\s+whom\s+it\s+may\s+concern)\b[\s,:;!.-]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BARE_NAME_GREETING_RE = re.compile(r"^(?P<rest>[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3})\s*,$")
_GENERIC_ADDRESSEES = _wordset(
    "hiring manager managers team sir madam all everyone everybody recruiter recruiting there "
    "folks colleagues committee panel friends and or the to whom it may concern hr talent "
    "acquisition people interviewer interviewers search selection"
)
# These three run on the lower-cased body.
_GRATITUDE = (
    ("thank", "grat", "appreciat"),
    re.compile(r"\b(?:thank(?:s|ful|ing)?|grateful|gratitude|appreciat(?:e|ed|es|ing|ion|ive))\b"),
)
_INTEREST = (
    ("enthusias", "excit", "eager", "keen", "thrilled", "interest", "look"),
    re.compile(
        r"\b(?:enthusias\w*|excit(?:ed|ement)\b|eager\w*|keen\b|thrilled\b|interest(?:ed)?\s+in\b"
        r"|look(?:ing)?\s+forward\s+to\s+(?:joining|contributing|working)\b)"
    ),
)
_NEXT_STEPS = (
    ("next", "time", "hear", "decision", "update"),
    re.compile(
        r"\b(?:next\s+(?:steps?|stage|round)|timeline|time\s*frame|hear(?:ing)?\s+back"
        r"|hearing\s+from\s+you|decision|updates?\s+(?:on|regarding|about))\b"
    ),
)
_CLOSING_RE = re.compile(
    r"^(?:(?:with\s+)?(?:best|kind|kindest|warm|warmest|many)\s+(?:regards|wishes|thanks)"
    r"|best|regards|sincerely(?:\s+yours)?|yours\s+(?:sincerely|truly|faithfully)"
    r"|respectfully(?:\s+yours)?|thank\s+you(?:\s+(?:again|so\s+much|very\s+much))?"
    r"|thanks(?:\s+again|\s+so\s+much)?|cheers|warmly|all\s+the\s+best|take\s+care"
    r"|with\s+(?:appreciation|gratitude|thanks))"
    r"\s*[,.!:;-]*\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"\+?\d[\d \t().-]{5,}\d")
_URL_RE = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE
)
_DOMAIN_RE = re.compile(r"\w\.\w")
_SUBJECT_LINE_RE = re.compile(r"[ \t]*subject[ \t]*:[ \t]*(.*?)\s*$", re.IGNORECASE)
_LINK_PREFIX_RE = re.compile(r"^(?:https?://)?(?:www\.)?")
_FILLERS = tuple((p, " ".join(p.lower().split())) for p in FILLER_PHRASES)
_GENERIC_SUBJECT_WORDS = _wordset(
    "thank thanks you for the a an and of to my our your opportunity interview interviewing "
    "interviewed follow following followed up followup meeting today yesterday time "
    "conversation chat call re fwd fw after again note quick just checking in on with "
    "regarding about email message"
)
_STOPWORDS = _wordset(
    "about above after again against also although among another anything around asked "
    "because been before being below between both cannot could didn does doing done down "
    "during each either else enough even ever every felt from further gave give going great "
    "have having here hers herself himself into itself just know last least less like made "
    "make many maybe mention mentioned might more most much must myself need never next "
    "once only other ought ours ourselves over quite rather really said same seem seemed "
    "several should since some such sure tell than that their theirs them themselves then "
    "there these they thing things think this those though thought through told too under "
    "until upon very want wanted were what when where whether which while will wish with "
    "within without would your yours yourself forgot forget clarify discussed talked "
    "asked liked loved they'd"
)
# Lower-case words that are also first names: "will" in a sentence is not a misspelt "Will".
_NAME_WORDS = _wordset(
    "will may grace hope joy rose mark bill frank grant dean june april summer faith art pat "
    "sue rich guy drew chase hunter mason page long young bell king white brown black green "
    "wood hill stone price rice park lee rob jack sky ray dawn eve"
)
_COMMON_WORDS = _NAME_WORDS | _STOPWORDS
_PUNCT = ".,;:!?()[]{}<>\"'*_-"
_BRIEF_PASS, _BRIEF_WARN = 200, 250
# Practices that belong to the thank-you and make no sense in a later stage's email: a check-in
# is a short nudge, a feedback request follows a rejection, a keep-in-touch note is about later.
_NOT_FOR_STAGE: dict[str, frozenset[str]] = {
    "check-in": frozenset({"qualifications", "concerns", "missed"}),
    "feedback": frozenset({"interest", "qualifications", "concerns", "missed", "next-steps"}),
    "keep-in-touch": frozenset({"gratitude", "qualifications", "concerns", "missed", "next-steps"}),
}
_DISTINCT_WORDS = 400


class _Context:
    """One email under judgement, with what it is judged against; derived values computed once."""

    def __init__(
        self,
        email: Email,
        draft: Draft | None,
        profile: Profile | None,
        now: datetime,
        emails: Sequence[Email] | None,
    ) -> None:
        self.email = email
        self.draft = draft
        self.profile = profile
        self.now = now
        self.emails = emails
        self.subject = _normalise(email.subject)
        self.body = _normalise(email.body)

    @cached_property
    def lines(self) -> list[str]:
        """The body's non-empty lines, stripped."""
        return [s for s in (line.strip() for line in self.body.splitlines()) if s]

    @cached_property
    def lower_body(self) -> str:
        """The body lower-cased."""
        return self.body.lower()

    @cached_property
    def flat(self) -> str:
        """Subject and body lower-cased, every run of white space made one space."""
        return " ".join(f"{self.subject}\n{self.body}".lower().split())

    @cached_property
    def interviewer_name(self) -> str:
        """The name of the interviewer this email is for, from the draft; "" when unknown."""
        if self.draft is None:
            return ""
        people = self.draft.interviewers
        i = self.email.interviewer
        return " ".join(people[i].name.split()) if 0 <= i < len(people) else ""


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for curly, straight in _QUOTES:
            text = text.replace(curly, straight)
    return text


def _search(text: str, hints: tuple[str, ...], pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of the pattern, tried only where one of its hints occurs."""
    best: re.Match[str] | None = None
    for hint in hints:
        i = text.find(hint)
        while i >= 0 and (best is None or i < best.start()):
            m = pattern.match(text, i)
            if m:
                best = m
                break
            i = text.find(hint, i + 1)
    return best


def _fold(text: str) -> str:
    """Lower case without accents, for lenient name matching."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    if not flat.isprintable():
        flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _quote(text: str, limit: int = 40) -> str:
    return f'"{_one_line(text, limit)}"'


def _stem(word: str) -> str:
    """A light stem, so "pipelines" meets "pipeline" and "moving" meets "move"."""
    n = len(word)
    if (n > 5 and word.endswith("ing")) or (n > 5 and word.endswith("ed")):
        word = word[: -3 if word.endswith("ing") else -2]
        if word[-1] == word[-2] and word[-1] not in "aeiouylsz":  # "shipped" -> "ship"
            word = word[:-1]
    elif n > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif n > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif n > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=512)
def _note_items(text: str) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """The items of a note (lines, sentences, ;-parts), each with the words worth looking for.

    A word is (stem, whole): short acronyms and numbers must appear as whole words; a stem may
    begin a longer word of the email ("partition" finds "partitioning"). Cached: notes change
    far less often than the email is judged.
    """
    items: list[tuple[str, tuple[tuple[str, bool], ...]]] = []
    for item in _ITEM_SPLIT_RE.split(text):
        words: list[tuple[str, bool]] = []
        for token in _WORD_RE.findall(item):
            lower = token.lower()
            if lower in _STOPWORDS:
                continue
            if len(lower) >= 4:
                word = (_stem(lower), False)
            elif len(token) >= 2 and (token.isupper() or any(ch.isdigit() for ch in token)):
                word = (lower, True)
            else:
                continue
            if word not in words:
                words.append(word)
        if words:
            items.append((item.strip(), tuple(words)))
    return tuple(items)


def _has_word(text: str, stem: str, whole: bool) -> bool:
    """Whether a word of the text begins with the stem (or is it, when whole)."""
    if whole:
        return _has_phrase(text, stem)
    return next(_word_starts(text, stem), None) is not None


def _find_placeholder(text: str) -> str:
    """The first leftover placeholder in the text, or ""."""
    best: re.Match[str] | None = None
    for hints, pattern in _PLACEHOLDERS:
        m = _search(text, hints, pattern)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best.group() if best else ""


def _notes_match(c: _Context, text: str) -> tuple[bool, bool, str]:
    """(has items, some item found in the body, that item) for one or more note fields."""
    items = _note_items(text)
    for item, words in items:
        need = max(min(2, len(words)), (len(words) + 1) // 2)
        if sum(_has_word(c.lower_body, stem, whole) for stem, whole in words) >= need:
            return True, True, item
    return bool(items), False, ""


# --- the judges: each returns (status, reason) ---------------------------------------------

Verdict = tuple[str, str]


def _timely(c: _Context) -> Verdict:
    if c.email.stage != "thank-you":
        return "n/a", f"timing of a {_one_line(c.email.stage, 20)} email is shown with its due date"
    if c.draft is None:
        return "n/a", "no interview time to measure from"
    if any(s.stage == "thank-you" for s in c.draft.sent):
        return "done", "the thank-you is marked as sent"
    when = c.draft.interview.when
    if when is None:
        return "n/a", "the interview's date and time are not set"
    if (when.utcoffset() is None) != (c.now.utcoffset() is None):
        return "n/a", "the interview time has no time zone"
    hours = (c.now - when).total_seconds() / 3600
    if hours < 0:
        return "todo", "interview hasn't happened yet"
    ago = "under an hour" if hours < 1 else f"{int(hours)} h"
    if hours <= 24:
        return "pass", f"{ago} since the interview, inside the first day"
    if hours <= 48:
        return "warn", f"{ago} since the interview: send it today"
    local = c.now.astimezone(when.tzinfo) if when.tzinfo else c.now
    if (
        when.weekday() == 4
        and hours < 96
        and (local.weekday() in (5, 6) or (local.weekday() == 0 and local.hour < 12))
    ):
        return "warn", "Friday interview: Monday morning is still fine, but no later"
    days = f"{int(hours // 24)} days" if hours >= 72 else f"{int(hours)} h"
    return "fail", f"{days} since the interview, past the 48-hour window"


def _greeting_names(rest: str) -> list[str]:
    """The name-like words after a greeting word: "Ms. Chen" gives ["Chen"], "Hiring Manager" []."""
    names: list[str] = []
    for word in _NAME_WORD_RE.findall(rest):
        bare = word.rstrip(".")
        low = bare.lower()
        if low in HONORIFICS or low in _GENERIC_ADDRESSEES:
            continue
        if not bare[:1].isupper():
            break
        names.append(bare)
    return names


def _greeting_rest(line: str) -> str | None:
    """What follows the greeting word of a greeting line ("Dear Priya," or just "Priya,")."""
    m = _GREETING_RE.match(line)
    if not m and not _CLOSING_RE.match(line):
        m = _BARE_NAME_GREETING_RE.match(line)
    return m.group("rest") if m else None


def _greeting(c: _Context) -> Verdict:
    if not c.lines:
        return "fail", "the email is empty"
    line = c.lines[0]
    placeholder = _find_placeholder(line)
    if placeholder:
        return "fail", f"greeting has a placeholder {_quote(placeholder)}"
    rest = _greeting_rest(line)
    wanted = c.interviewer_name
    if rest is None:
        who = f" and {wanted.split()[0]}'s name" if wanted else " and their name"
        return "fail", f"no greeting line: open with Dear or Hi{who}"
    if wanted:
        parts = wanted.split()
        candidates = [parts[0], parts[-1]] if len(parts) > 1 else parts
        folded = set(_fold(w) for w in _NAME_WORD_RE.findall(line))
        folded |= {w.rstrip(".") for w in folded}
        for part in candidates:
            if _fold(part) in folded:
                return "pass", f"greets {_one_line(part, 40)} by name"
        return "fail", f"greeting does not name {_one_line(wanted, 40)}"
    names = _greeting_names(rest)
    if names:
        return "pass", f"greets {_one_line(names[0], 30)} by name"
    return "warn", "greeting names no one: use the interviewer's name"


def _gratitude(c: _Context) -> Verdict:
    if _search(c.lower_body, *_GRATITUDE):
        return "pass", "thanks them"
    return "fail", "no thanks for their time"


def _from_notes(c: _Context, text: str, *, none: Verdict, missing: Verdict, found: str) -> Verdict:
    if not text.strip():
        return none
    has_items, ok, item = _notes_match(c, text)
    if not has_items:
        return none
    if ok:
        return "pass", f"{found} {_quote(item.strip())}"
    return missing


def _in_panel(c: _Context, text: str, *, verdict: Verdict, done: str) -> Verdict:
    """A failed verdict turned into a pass when another email of the panel covers the note.

    In a panel the concern and the missed point belong in one email (usually the lead's), not
    in every one: this email need not repeat what a colleague's email already says.
    """
    if verdict[0] != "fail":
        return verdict
    for other in _others(c):
        seen = _Context(other, c.draft, c.profile, c.now, None)
        if _notes_match(seen, text)[1]:
            return "pass", f"{done} in {_email_to(c.draft, other)}"
    return verdict


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _email_to(draft: Draft | None, email: Email) -> str:
    """ "the email to Priya Raman", else "the first interviewer's email" (or the second's...)."""
    name = ""
    if draft is not None and 0 <= email.interviewer < len(draft.interviewers):
        name = " ".join(draft.interviewers[email.interviewer].name.split())
    if not name:
        # Imported here: email.utils costs more at start-up than the rest of this module.
        from email.utils import parseaddr

        display, address = parseaddr(email.to)
        name = " ".join(display.split()) or address.strip()
    if name:
        return f"the email to {_one_line(name, 40)}"
    n = email.interviewer
    if 0 <= n < len(_ORDINALS):
        return f"the {_ORDINALS[n]} interviewer's email"
    return f"the email to interviewer {n + 1}"


def _personal(c: _Context) -> Verdict:
    if c.draft is None:
        return "todo", "can't tell without notes: mention something specific from the conversation"
    notes = c.draft.notes
    return _from_notes(
        c,
        f"{notes.topics}\n{notes.resonated}",
        none=("warn", "no topics in the notes to mention"),
        missing=("fail", "none of the noted topics appear in the email"),
        found="mentions",
    )


def _interest(c: _Context) -> Verdict:
    if _search(c.lower_body, *_INTEREST):
        return "pass", "says you are keen on the role"
    return "fail", "does not say you still want the role"


def _qualifications(c: _Context) -> Verdict:
    if c.draft is None:
        return "todo", "can't tell without notes: name a skill that fits their needs"
    return _from_notes(
        c,
        c.draft.notes.skills,
        none=("warn", "no skills in the notes to highlight"),
        missing=("fail", "none of the noted skills appear in the email"),
        found="highlights",
    )


def _concerns(c: _Context) -> Verdict:
    if c.draft is None:
        return "n/a", "no notes, so no concern to answer"
    text = c.draft.notes.concerns
    verdict = _from_notes(
        c,
        text,
        none=("n/a", "no concerns noted"),
        missing=("fail", "the concern you noted is not answered"),
        found="answers",
    )
    return _in_panel(c, text, verdict=verdict, done="answered")


def _missed(c: _Context) -> Verdict:
    if c.draft is None:
        return "n/a", "no notes, so nothing noted as missed"
    text = c.draft.notes.missed
    verdict = _from_notes(
        c,
        text,
        none=("n/a", "nothing noted as missed"),
        missing=("fail", "what you noted as missed is not in the email"),
        found="adds",
    )
    return _in_panel(c, text, verdict=verdict, done="added")


def _next_steps(c: _Context) -> Verdict:
    if _search(c.lower_body, *_NEXT_STEPS):
        return "pass", "asks about next steps or the timeline"
    return "fail", "no question about next steps or the timeline"


def _brief(c: _Context) -> Verdict:
    n = len(c.body.split())
    if n <= _BRIEF_PASS:
        return "pass", f"{n} words"
    if n <= _BRIEF_WARN:
        return "warn", f"{n} words: aim for about {_BRIEF_PASS}"
    return "fail", f"{n} words: too long, aim for about {_BRIEF_PASS}"


def _subject(c: _Context) -> Verdict:
    subject = c.subject.strip()
    if not subject:
        return "fail", "no subject line"
    placeholder = _find_placeholder(subject)
    if placeholder:
        return "fail", f"subject has a placeholder {_quote(placeholder)}"
    words = [w.lower() for w in _WORD_RE.findall(subject)]
    if all(w in _GENERIC_SUBJECT_WORDS for w in words):
        return "warn", "generic subject: name the role or company"
    if c.draft is not None:
        named = [s for s in (c.draft.interview.role, c.draft.interview.company) if s.strip()]
        if named:
            low = " ".join(subject.casefold().split())
            for name in named:
                if " ".join(name.casefold().split()) in low:
                    return "pass", f"subject names {_quote(name)}"
            return "warn", "subject names neither the role nor the company"
    if len(words) >= 3:
        return "pass", "subject is specific"
    return "warn", "subject is very short: name the role or company"


def _placeholders(c: _Context) -> Verdict:
    found = _find_placeholder(c.subject) or _find_placeholder(c.body)
    if found:
        return "fail", f"leftover placeholder {_one_line(found, 50)}"
    return "pass", "no leftover placeholders"


def _signature_block(c: _Context) -> tuple[list[str], bool]:
    """(the lines from the sign-off on, name part of the sign-off line first), found."""
    tail = c.lines[-8:]
    for i in range(len(tail) - 1, -1, -1):
        m = _CLOSING_RE.match(tail[i])
        if not m:
            continue
        rest = m.group("rest").strip()
        if rest and not _is_name_line(rest, 1):
            continue
        return ([rest] if rest else []) + tail[i + 1 :], True
    # An own sign-off ("Thanks for your time,") counts when a name follows it.
    for i in range(len(tail) - 2, 0, -1):
        if tail[i].endswith(",") and _is_name_line(tail[i + 1], 1):
            return tail[i + 1 :], True
    return [], False


def _is_name_line(line: str, min_words: int) -> bool:
    if any(ch.isdigit() for ch in line) or "@" in line or "/" in line:
        return False
    words = line.rstrip(",.!").split()
    if not min_words <= len(words) <= 5:
        return False
    capital = sum(1 for w in words if w[:1].isupper() and _NAME_WORD_RE.fullmatch(w))
    return capital >= min_words and capital >= len(words) - 1


def _has_contact(line: str) -> bool:
    if _EMAIL_RE.search(line) or _URL_RE.search(line):
        return True
    return any(sum(ch.isdigit() for ch in m.group()) >= 7 for m in _PHONE_RE.finditer(line))


def _signature(c: _Context) -> Verdict:
    block, found = _signature_block(c)
    if not found:
        return "fail", 'no sign-off line such as "Best regards,"'
    text = "\n".join(block)
    placeholder = _find_placeholder(text)
    if placeholder:
        return "fail", f"placeholder in the signature: {_one_line(placeholder, 50)}"
    profile = c.profile
    if profile is not None and profile.name.strip():
        name = " ".join(profile.name.split())
        if _fold(name) not in _fold(" ".join(text.split())):
            return "fail", f"your name ({_one_line(name, 40)}) is not under the sign-off"
        contacts = _profile_contacts(profile)
        if not contacts:
            return "pass", "signed with your name"
        flat = _fold(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        for kind, value in contacts:
            if (kind == "phone" and value in digits) or (kind != "phone" and value in flat):
                return "pass", f"signed with your name and {kind}"
        return "warn", "no email or phone under your name"
    has_name = any(_is_name_line(line, 2) for line in block)
    has_contact = any(_has_contact(line) for line in block)
    if has_name and has_contact:
        return "pass", "signed with a full name and contact details"
    if has_name:
        return "warn", "no email, phone or link under your name"
    return "fail", "no full name under the sign-off"


def _profile_contacts(profile: Profile) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if profile.email.strip():
        out.append(("email", _fold(profile.email.strip())))
    digits = "".join(ch for ch in profile.phone if ch.isdigit())
    if len(digits) >= 7:
        out.append(("phone", digits[-7:]))
    for link in profile.links:
        bare = _LINK_PREFIX_RE.sub("", _fold(link.strip())).rstrip("/")
        if bare:
            out.append(("link", bare))
    return out


def _name_targets(draft: Draft) -> list[str]:
    """Company and interviewer names whose spelling the email should keep."""
    targets: list[str] = []
    company = " ".join(draft.interview.company.split())
    if len(company) >= 2:
        targets.append(company)
    for person in draft.interviewers:
        parts = person.name.split()
        for t in (" ".join(parts), *(parts[:1] + parts[-1:] if len(parts) > 1 else [])):
            if len(t) >= 2 and t not in targets:
                targets.append(t)
    return targets


def _bare_word(word: str) -> str:
    """A word without the punctuation around it or a possessive."""
    word = word.strip(_PUNCT)
    return word[:-2] if word.endswith("'s") else word


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside an email address or a link."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end]
    return "@" in token or "://" in token or bool(_DOMAIN_RE.search(token.strip(_PUNCT)))


def _word_starts(text: str, word: str) -> Iterator[int]:
    """Where the word begins a word of the text (found with str.find: far quicker than re)."""
    i = text.find(word)
    while i >= 0:
        if i == 0 or not text[i - 1].isalnum():
            yield i
        i = text.find(word, i + 1)


def _miscapitalised(text: str, targets: list[str]) -> str:
    """A reason naming a name written in other capitals than in the notes, or ""."""
    lower = text.lower()
    if len(lower) != len(text):  # lower() changed some lengths: positions would not line up
        return ""
    for target in targets:
        low_target = target.lower()
        for i in _word_starts(lower, low_target):
            j = i + len(target)
            seen = text[i:j]
            if seen == target or (j < len(text) and text[j].isalnum()):
                continue
            if _in_address(text, i, j):
                continue
            if " " not in target and seen.islower() and seen in _COMMON_WORDS:
                continue
            return f"{_quote(seen)} is written {_quote(target)} in your notes"
    return ""


def _near_miss(text: str, targets: list[str]) -> str:
    """A reason naming a likely misspelling of a name in the notes, or ""."""
    lowered = {t.casefold() for t in targets}
    checked: set[tuple[str, str]] = set()
    for target in targets:
        if len(target) < 4:
            continue
        k = len(target.split())
        low_target = target.casefold()
        # Only capitalised words can be names, and a slip rarely changes the first letter.
        for initial in {target[0].upper(), _fold(target[0]).upper()}:
            if not initial.isupper():
                continue
            for i in _word_starts(text, initial):
                window = " ".join(_bare_word(w) for w in text[i : i + len(target) + 16].split()[:k])
                low = window.casefold()
                key = (low, low_target)
                if abs(len(low) - len(low_target)) > 2 or low in lowered or key in checked:
                    continue
                checked.add(key)
                sm = difflib.SequenceMatcher(None, low, low_target)
                close = sm.real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8
                if close and sm.ratio() >= 0.8 and not _in_address(text, i, i + len(window)):
                    return f"{_quote(window)} looks like a misspelling of {_quote(target)}"
    return ""


def _misspelt_name(c: _Context, draft: Draft) -> str:
    """A reason naming a company or person written unlike the notes, or ""."""
    targets = _name_targets(draft)
    if not targets:
        return ""
    text = f"{c.subject}\n{c.body}"
    return _miscapitalised(text, targets) or _near_miss(text, targets)


def _doubled_word(text: str) -> str:
    """The first word written twice in a row on one line ("the the"), or ""."""
    for line in text.lower().splitlines():
        for a, b in pairwise(line.split()):
            if a == b.rstrip(_PUNCT) and a.isalpha():
                return f"{a} {a}"
    return ""


def _polished(c: _Context) -> Verdict:
    doubled = _doubled_word(c.subject) or _doubled_word(c.lower_body)
    if doubled:
        return "fail", f"doubled word {_quote(doubled)}"
    if c.draft is None:
        return "todo", "read it aloud once, then tick"
    problem = _misspelt_name(c, c.draft)
    if problem:
        return "warn", problem
    if c.draft.ticks.get("polished"):
        return "done", "proofread and ticked"
    return "todo", "read it aloud once, then tick"


def _has_phrase(text: str, phrase: str) -> bool:
    """Whether the phrase occurs in the text as whole words."""
    n = len(phrase)
    return any(i + n == len(text) or not text[i + n].isalnum() for i in _word_starts(text, phrase))


def _filler(c: _Context) -> Verdict:
    found = [p for p, low in _FILLERS if _has_phrase(c.flat, low)]
    if not found:
        return "pass", "no stock phrases"
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return "warn", f"stock phrase {_quote(found[0])}{more}"


def _others(c: _Context) -> list[Email]:
    """The interview's emails other than the one judged."""
    others = list(c.emails or [])
    for i, other in enumerate(others):
        if other is c.email:
            del others[i]
            return others
    if c.email in others:
        others.remove(c.email)
    return others


def _distinct(c: _Context) -> Verdict:
    if c.emails is None or len(c.emails) < 2:
        return "n/a", "only one email for this interview"
    others = _others(c)
    if not others:
        return "n/a", "only one email for this interview"
    # Names are swapped for a token first: two emails that differ only in the name are copies.
    names: set[str] = set()
    if c.draft is not None:
        for person in c.draft.interviewers:
            for part in person.name.split():
                names.update((part.casefold(), _fold(part)))
    for e in (c.email, *others):
        first = next((s for s in (ln.strip() for ln in e.body.splitlines()) if s), "")
        rest = _greeting_rest(first)
        for part in _greeting_names(rest or ""):
            names.update((part.casefold(), _fold(part)))

    def tokens(body: str) -> list[str]:
        # SequenceMatcher is quadratic at worst: the first words are plenty to spot a copy.
        words = (t.casefold() for t in _WORD_RE.findall(_normalise(body))[:_DISTINCT_WORDS])
        return ["<name>" if w in names else w for w in words]

    mine = tokens(c.email.body)
    closest: tuple[float, Email] | None = None
    for other in others:
        sm = difflib.SequenceMatcher(None, mine, tokens(other.body), autojunk=False)
        if sm.quick_ratio() < 0.9:
            continue
        ratio = sm.ratio()
        if ratio >= 0.9 and (closest is None or ratio > closest[0]):
            closest = (ratio, other)
    if closest is None:
        n = len(others)
        return "pass", f"differs from the other {n} email{'s' if n > 1 else ''}"
    who = _one_line(_recipient(c.draft, closest[1]), 40)
    return "warn", f"nearly the same as the email to {who} ({closest[0]:.0%} alike)"


def _recipient(draft: Draft | None, email: Email) -> str:
    if draft is not None and 0 <= email.interviewer < len(draft.interviewers):
        name = draft.interviewers[email.interviewer].name.strip()
        if name:
            return name
    return email.to.strip() or f"interviewer {email.interviewer + 1}"


_JUDGES: dict[str, Callable[[_Context], Verdict]] = {
    "timely": _timely,
    "greeting": _greeting,
    "gratitude": _gratitude,
    "personal": _personal,
    "interest": _interest,
    "qualifications": _qualifications,
    "concerns": _concerns,
    "missed": _missed,
    "next-steps": _next_steps,
    "brief": _brief,
    "subject": _subject,
    "placeholders": _placeholders,
    "signature": _signature,
    "polished": _polished,
    "filler": _filler,
    "distinct": _distinct,
}


def evaluate(
    email: Email,
    *,
    draft: Draft | None = None,
    profile: Profile | None = None,
    now: datetime,
    emails: Sequence[Email] | None = None,
) -> list[Result]:
    """Judge one email on every practice, in `PRACTICES` order.

    `draft` None means a plain email with no notes; `emails` are all the emails of the
    interview (one per interviewer of a panel), for the `distinct` practice.
    """
    c = _Context(email, draft, profile, now, emails)
    skip = _NOT_FOR_STAGE.get(email.stage, frozenset())
    results: list[Result] = []
    for practice in PRACTICES:
        if practice.id in skip:
            stage = _one_line(email.stage, 20)
            results.append(
                Result(practice.id, "n/a", f"not needed in a {stage} email", practice.guide)
            )
            continue
        status, reason = _JUDGES[practice.id](c)
        if (
            practice.manual
            and status == "todo"
            and draft is not None
            and draft.ticks.get(practice.id)
        ):
            status, reason = "done", "ticked by you"
        results.append(Result(practice.id, status, _one_line(reason) or status, practice.guide))
    return results


def parse_plain_email(text: str) -> Email:
    """An email from plain text: an optional "Subject: ..." first line, then the body."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    m = _SUBJECT_LINE_RE.match(first)
    if not m:
        return Email(to="", subject="", body=text)
    head, _, tail = rest.partition("\n")
    body = rest if head.strip() else tail  # one blank line after the subject is optional
    return Email(to="", subject=m.group(1), body=body)


def summary(results: Iterable[Result]) -> dict[str, int]:
    """How many results have each status, every status present, in `STATUSES` order."""
    counts = dict.fromkeys(STATUSES, 0)
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return counts
