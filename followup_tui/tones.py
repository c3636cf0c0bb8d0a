"""Which stages and tones have templates, shipped or the user's own, without loading Jinja2.

The app lists them in its drop-downs as it starts; `render` loads Jinja2 only to render.
"""

from __future__ import annotations

import re

from followup_tui import paths
from followup_tui.model import STAGES, TONES, Stage

SUFFIX = ".j2"
# \Z, not $: "$" also matches before a final newline, and "warm\n" is not a name
TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\Z")
"""A stage's or a tone's name, as a folder or a file name (without the suffix)."""


def available_stages() -> list[str]:
    """The follow-up stages that have at least one template, in the order they happen."""
    return [stage for stage in STAGES if available_tones(stage)]


def available_tones(stage: Stage) -> list[str]:
    """The tones of one stage, shipped and the user's own: formal, warm, concise, then the rest."""
    if not TEMPLATE_NAME.match(stage):
        return []
    names: set[str] = set()
    for root in (paths.user_templates_dir(), paths.shipped_templates_dir()):
        folder = root / stage
        if folder.is_dir():
            names.update(
                p.name[: -len(SUFFIX)]
                for p in folder.iterdir()
                if p.name.endswith(SUFFIX)
                and TEMPLATE_NAME.match(p.name[: -len(SUFFIX)])
                and p.is_file()
            )
    known = [t for t in TONES if t in names]
    return known + sorted(names.difference(TONES))


def offered_tones(stage: Stage, tone: str) -> list[str]:
    """The tones to offer at a stage: its templates' (or the shipped three), and `tone` too."""
    tones = available_tones(stage) or list(TONES)
    return tones if tone in tones else [*tones, tone]
