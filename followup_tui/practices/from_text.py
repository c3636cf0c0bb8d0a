"""What a reader can judge from an email's text alone, with no notes to compare it with:
whether it recalls something specific from the talk, and whether it names a concrete result."""

from __future__ import annotations

import re

from followup_tui.practices.context import sentences, wordset
from followup_tui.practices.notes import STOPWORDS

# Words that point back at the conversation: "hearing how...", "your idea of...".
_RECALL = re.compile(
    r"\b(?:enjoyed|liked|loved|appreciated|valued|struck\s+by|stayed\s+with\s+me|stuck\s+with\s+me"
    r"|hearing|learning|talking|speaking|discussing|seeing|walk(?:ing)?\s+me\s+through"
    r"|show(?:ing|ed)?\s+me|(?:conversation|discussion|chat|talk|call)\s+(?:\w+\s+){0,3}"
    r"(?:about|on|of)|your\s+(?:idea|explanation|description|account|point|question|insight"
    r"|overview|plan|story|demo|example)|you\s+(?:mentioned|described|explained|said|shared"
    r"|showed|raised)|(?:overview|tour|demo|walk-?through)\s+of|tour|visit|demo|interesting|fascinating|impressive|inspiring)\b",
    re.IGNORECASE,
)
# Words that say nothing specific about the talk itself.
_GENERIC = STOPWORDS | wordset(
    "role position job company team opportunity opportunities chance interview interviews "
    "interviewing conversation discussion meeting meet talk talking chat call time today "
    "yesterday morning afternoon evening week weeks month months pleasure great good nice "
    "wonderful lovely learn learning hearing hear speaking speak spoke thank thanks enjoyed "
    "enjoy appreciated appreciate decision expected expect steps timeline soon date process "
    "everyone people organisation organization business work working details information "
    "insight insights experience kind helpful useful clear interesting impressive excited "
    "exciting thoughtful warm welcome welcoming meeting getting knowing inspiring fascinating "
    "today's also truly especially particularly much more taking spending giving look looking "
    "forward projects project culture mission values vision goals environment office"
)
# A template's blank says nothing specific, however specific its wording.
_BLANK_RE = re.compile(r"\[[^\[\]\n]*\]|\{\{[^\n]*?\}\}|\([^()\n]*\)")
_JUDGEMENTS = frozenset({"interesting", "fascinating", "impressive", "inspiring"})
_CONTENT_RE = re.compile(r"\b[a-z][a-z'-]{3,}\b")
_FIRST_PERSON = re.compile(r"\b(?:I|I've|I'd|my|My)\b")
_ACHIEVED = re.compile(
    r"\b(?:built|led|ran|cut|reduced|grew|designed|managed|wrote|trained|introduced|delivered"
    r"|launched|created|rebuilt|moved|increased|improved|saved|scheduled|filled|kept|wired|sold"
    r"|organi[sz]ed|taught|raised|lifted|halved|doubled|tripled|developed|implemented|automated"
    r"|shipped|migrated|redesigned|mentored|won|achieved|negotiated|streamlined|established"
    r"|founded|coordinated|oversaw|resolved|published|maintained|secured|closed|exceeded|beat"
    r"|trimmed|sped|shortened|hired|recruited)\b"
)
_FIGURE = re.compile(
    r"\d|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty"
    r"|hundred|thousand|million|half|third|quarter|dozen)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:experience|background|work|years)\s+(?:in|with|as|at|on)\s+\w{4,}",
    re.IGNORECASE,
)


def specific_recall(body: str) -> str:
    """A sentence that recalls something specific from the conversation, or ""."""
    for sentence in sentences(_BLANK_RE.sub(" _ ", body)):
        m = _RECALL.search(sentence)
        if not m:
            continue
        # "The new roaster was impressive": a judgement word follows what it judges; "I enjoyed
        # hearing how...": what was recalled follows the verb.
        judged = m.group().lower() in _JUDGEMENTS
        words = _CONTENT_RE.findall(sentence if judged else sentence[m.start() :])
        if any(w.lower() not in _GENERIC and w.lower().rstrip("s") not in _GENERIC for w in words):
            return sentence
    return ""


def concrete_result(body: str) -> str:
    """A sentence in which the writer names a skill or result of theirs, or ""."""
    for sentence in sentences(_BLANK_RE.sub(" _ ", body)):
        if not _FIRST_PERSON.search(sentence):
            continue
        if _ACHIEVED.search(sentence) or _FIGURE.search(sentence) or _BACKGROUND.search(sentence):
            return sentence
    return ""
