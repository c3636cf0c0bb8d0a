"""Turning a remark about the reader ("she was worried I...") into one to them ("you were...")."""

from __future__ import annotations

import re

# the verb after a third-person singular subject, as it reads after "you"
_AGREE = {
    "is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
    "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "'s": "'re",
    "\u2019s": "\u2019re",
}  # fmt: skip
_NOT_VERBS = frozenset({"always", "also", "really", "never", "often", "just", "still"})
_OBJECT = {
    "him": "you", "them": "you", "his": "your", "their": "your", "theirs": "yours",
    "himself": "yourself", "herself": "yourself", "themselves": "yourselves",
}  # fmt: skip
_PREPOSITIONS = frozenset(
    {"to", "with", "for", "about", "from", "by", "at", "on", "of", "and", "or", "than", "like"}
)
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f'\u2019-]+|[^A-Za-z\u00c0-\u024f'\u2019-]+")


def _agree(verb: str) -> str:
    """The present-tense verb after "he" or "she" made to follow "you" ("worries" -> "worry")."""
    low = verb.lower()
    if low in _AGREE:
        return _AGREE[low]
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return verb[:-1]
    return verb


def to_you(clause: str, *, singular: bool) -> str:
    """The clause with its he/she/they subject, objects and possessives as "you" and "your".

    `singular` says the clause's subject is "he" or "she", whose verb changes ("she is" ->
    "you are"); "they" takes the same verb as "you".
    """
    tokens = _WORD.findall(clause)
    out: list[str] = []
    subject_done = False
    fix_verb = False
    for i, token in enumerate(tokens):
        low = token.lower()
        if not token.strip() or not token[0].isalpha() and token[0] not in "'\u2019":
            out.append(token)
            continue
        if fix_verb:
            if low in _NOT_VERBS:
                out.append(token)
                continue
            out.append(_agree(token))
            fix_verb = False
            continue
        m = re.fullmatch(r"(she|he|they)(['\u2019](?:s|re|d|ll|ve))?", low)
        if m and not subject_done:
            tail = m.group(2) or ""
            if tail[1:] == "s":
                tail = tail[0] + "re"
            out.append(("You" if i == 0 else "you") + tail)
            subject_done = True
            fix_verb = singular and not tail
            continue
        if m:  # a later he/she/they: another clause about the same person
            out.append("you" + (m.group(2) or ""))
            fix_verb = singular and not m.group(2)
            continue
        if low == "her":
            nxt = next((t for t in tokens[i + 1 :] if t.strip()), "")
            is_object = not nxt or not nxt[0].isalpha() or nxt.lower() in _PREPOSITIONS
            out.append("you" if is_object else "your")
            continue
        if low in _OBJECT:
            out.append(_OBJECT[low])
            continue
        out.append(token)
    return "".join(out)


def name_to_you(text: str, names: list[str]) -> str:
    """The reader's own name in a note made "you"/"your" ("Helen's view" -> "your view")."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        pattern = re.escape(name).replace(r"\ ", r"\s+")
        text = re.sub(rf"\b{pattern}['\u2019]s\b", "your", text)
        text = re.sub(
            rf"\b{pattern}\b(\s+)(\w+)",
            lambda m: "you" + m.group(1) + _agree(m.group(2)),
            text,
        )
        text = re.sub(rf"\b{pattern}\b", "you", text)
    return text
