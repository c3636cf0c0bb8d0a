"""A prose linter for follow-up emails: what a careful reader would stumble on.

Used twice: by the checklist (the `polished` practice) on the email as it will be sent, hand
edits included, and by the tests on every email the templates write. Each finding names what
is wrong and quotes the text.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from followup_tui.model import Draft, Email
from followup_tui.names import PersonName, is_honorific

# A thank-you longer than this is no longer short (the `brief` practice's target).
MAX_THANK_YOU_WORDS = 200
# Two emails of a panel more alike than this read as one letter with the name swapped.
MAX_LIKENESS = 0.9

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)
_PUNCT = re.compile(r"[!?]\.|(?<!\.)\.\.(?!\.)|[,;:]\.|\.[,;]|,,|\s[,.;:!?](?=\s|$)")
_LOWER_START = re.compile(r"(?:^|(?<!e\.g)(?<!i\.e)(?<!etc)(?<![Vv]s)[.!?]\s+)([a-z][\w'-]*)")
_LONE_I = re.compile(r"(?<![\w'\u2019.])i(?![\w.])|(?<![\w'\u2019])i(?=['\u2019](?:m|ve|d|ll)\b)")
_SPLICED = re.compile(
    r"\b(?:about|of|regarding|discussing|especially|including|learn(?:ing)?\s+about)\s+"
    r"(?:i|we|they|she|he)\s+(?!and\b|or\b)[a-z']+",
    re.IGNORECASE,
)
_REPORTING = (
    r"(?:said|says|mentioned|mentions|asked|was|is|seemed|thought|thinks|felt|feels|told|"
    r"explained|wanted|wants|worried)"
)
_GREETING = re.compile(r"^(?:dear|hi|hello|hey)\b[\s,]*(?P<rest>.*?)\s*[,:!]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the prose: a stable code, what is wrong, and the text quoted."""

    code: str
    message: str
    excerpt: str = ""

    def __str__(self) -> str:
        return f"{self.message}: {self.excerpt!r}" if self.excerpt else self.message


def lint(
    body: str,
    *,
    subject: str = "",
    reader: str = "",
    reader_title: str = "",
    single_reader: bool = False,
    stage: str = "",
) -> list[Finding]:
    """Every finding in one email's subject and body (see the module docstring).

    `reader` is the name of the person the email goes to, `reader_title` their job title;
    `single_reader` says a "she said" in the body can only mean the reader.
    """
    prose = [line for line in body.splitlines() if len(line.split()) >= 3]
    text = "\n".join(prose)
    findings = [f for line in (subject, *prose) if (f := _doubled(line)) is not None]
    for line in prose:
        findings.extend(_line_findings(line))
    findings.extend(_third_person(text, reader, single_reader))
    findings.extend(_greeting(body))
    if reader_title and (
        m := re.search(rf"\bas (?:the |a |an )?{re.escape(reader_title)}\b", text)
    ):
        findings.append(
            Finding("title-in-sentence", "a job title forced into a sentence", m.group(0))
        )
    words = len(body.split())
    if stage == "thank-you" and words > MAX_THANK_YOU_WORDS:
        findings.append(
            Finding("too-long", f"{words} words, over {MAX_THANK_YOU_WORDS} for a thank-you")
        )
    return findings


# A key changes one line of the email: the others are read as before. Findings are frozen.
@functools.lru_cache(maxsize=4096)
def _doubled(line: str) -> Finding | None:
    m = _DOUBLED.search(line)
    return None if m is None else Finding("doubled-word", "a word written twice", m.group(0))


@functools.lru_cache(maxsize=4096)
def _line_findings(line: str) -> tuple[Finding, ...]:
    """What is wrong within one line of prose, in the order `lint` reports it."""
    findings: list[Finding] = []
    if m := _PUNCT.search(line):
        findings.append(Finding("punctuation", "odd punctuation", _around(line, m)))
    for m in _LOWER_START.finditer(line):
        word = m.group(1)
        if not any(c.isupper() for c in word[1:]) and not _is_address(line, m.start(1)):
            findings.append(
                Finding("lower-case-start", "a sentence starts lower-case", _around(line, m))
            )
            break
    if m := _LONE_I.search(line):
        findings.append(Finding("lone-i", 'a lower-case "i"', _around(line, m)))
    if m := _SPLICED.search(line):
        findings.append(Finding("spliced-clause", "a clause pasted into a phrase", m.group(0)))
    return tuple(findings)


def _around(line: str, m: re.Match[str], width: int = 24) -> str:
    return line[max(0, m.start() - width) : m.end() + width].strip()


def _is_address(line: str, at: int) -> bool:
    word = line[at:].split()[0] if line[at:].split() else ""
    return "@" in word or "/" in word or word.startswith("www.")


def _third_person(text: str, reader: str, single_reader: bool) -> list[Finding]:
    name = PersonName.parse(reader)
    names = {n for n in (name.full, name.given, name.surname, name.formal()) if n}
    found: list[Finding] = []
    for n in sorted(names, key=len, reverse=True):
        pattern = re.escape(n).replace(r"\ ", r"\s+")
        if m := re.search(rf"\b{pattern}(?:['\u2019]s\b|\s+{_REPORTING}\b)", text):
            found.append(
                Finding("third-person-reader", "the reader named in the third person", m.group(0))
            )
            break
    if single_reader and (m := re.search(rf"\b(?:[Ss]he|[Hh]e)\s+{_REPORTING}\b", text)):
        found.append(Finding("third-person-reader", "the reader called he or she", m.group(0)))
    return found


def _greeting(body: str) -> list[Finding]:
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    m = _GREETING.match(first)
    if m is None:
        return []
    words = m.group("rest").split()
    if words and all(is_honorific(w) for w in words):
        return [Finding("honorific-greeting", "a greeting with a title and no name", first)]
    if len(words) >= 3 and is_honorific(words[0]):
        return [Finding("honorific-greeting", "a title with the full name in a greeting", first)]
    return []


def likeness(a: str, b: str, names: Iterable[str] = ()) -> float:
    """How alike two email bodies are (0 to 1), with the people's names set aside."""
    hidden = {part.casefold() for name in names for part in name.split()}

    def tokens(body: str) -> list[str]:
        return ["<name>" if w.casefold() in hidden else w.casefold() for w in _WORD.findall(body)]

    return difflib.SequenceMatcher(None, tokens(a), tokens(b), autojunk=False).ratio()


def lint_panel(bodies: Sequence[str], names: Iterable[str] = ()) -> list[Finding]:
    """A finding for each pair of a panel's emails more than MAX_LIKENESS alike."""
    names = list(names)
    found = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            ratio = likeness(bodies[i], bodies[j], names)
            if ratio > MAX_LIKENESS:
                found.append(
                    Finding("near-duplicate", f"emails {i + 1} and {j + 1} are {ratio:.0%} alike")
                )
    return found


def lint_email(email: Email, draft: Draft | None = None) -> list[Finding]:
    """The findings in one email as it will be sent, with its reader taken from the draft."""
    reader, title, single = "", "", False
    if draft is not None and 0 <= email.interviewer < len(draft.interviewers):
        person = draft.interviewers[email.interviewer]
        reader, title = person.name, person.title.strip()
        single = len(draft.interviewers) == 1
    return lint(
        email.body,
        subject=email.subject,
        reader=reader,
        reader_title=title,
        single_reader=single,
        stage=email.stage,
    )
