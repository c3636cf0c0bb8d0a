"""Checking the key strings of a `[keymap]` before Textual is given them."""

from __future__ import annotations

from textual.keys import Keys, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# The named keys Textual sends ("f1", "pageup", "tab"...), without its internal markers.
NAMED_KEYS = frozenset(k.value for k in Keys if "+" not in k.value and not k.value.startswith("<"))


def key_problem(key: str) -> str:
    """Why one key string ("ctrl+y") is not a key Textual can bind, or "" when it is."""
    if key in ("+", ","):
        return ""
    *modifiers, name = key.split("+")
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier (use {', '.join(sorted(MODIFIERS))})"
    if len(set(modifiers)) != len(modifiers):
        return "a modifier is given twice"
    if not name:
        return "no key after the last +"
    if name in NAMED_KEYS or (len(name) == 1 and name.isprintable() and not name.isspace()):
        return ""
    if key_to_character(name) is not None:  # a character by name: "question_mark"
        return ""
    if name.lower() != name and key_problem(key.lower()) == "":
        return f"{name!r}: key names are lower case ({name.lower()!r})"
    return f"{name!r} is not a key name"


def keys_problem(keys: str) -> str:
    """Why a keymap value (one key, or several separated by commas) cannot be bound, or ""."""
    if not keys.strip():
        return "no key given"
    for key in keys.split(","):
        problem = key_problem(key.strip())
        if problem:
            return problem
    return ""


def usable_keymap(keymap: dict[str, str], known: set[str]) -> tuple[dict[str, str], list[str]]:
    """The entries that can be bound, and a line for each that cannot (kept at its default)."""
    usable, problems = {}, []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(
                f"[keymap] {binding_id}: no such key to change (known: {', '.join(sorted(known))})"
            )
        elif problem := keys_problem(keys):
            problems.append(f"[keymap] {binding_id} = {keys!r}: {problem}; kept the default")
        else:
            usable[binding_id] = keys
    return usable, problems
