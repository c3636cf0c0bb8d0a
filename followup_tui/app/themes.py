"""Colour themes from TOML files: the shipped ones, then the user's own, each validated."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.theme import Theme

from followup_tui import paths
from followup_tui.errors import FileFormatError
from followup_tui.storage import read_regular

MAX_THEME_BYTES = 256 * 1024

COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
BOOL_FIELDS = ("dark", "ansi")
FLOAT_FIELDS = ("luminosity_spread", "text_alpha")
KNOWN_KEYS = frozenset(("name", "variables", *COLOUR_FIELDS, *BOOL_FIELDS, *FLOAT_FIELDS))

# The name becomes a CSS class (`-theme-<name>`) and a config value, so it must be an identifier.
_NAME = re.compile(r"[A-Za-z_-][A-Za-z0-9_-]*")
_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_PERCENT = re.compile(r"\d+(\.\d+)?%")


@dataclass
class ThemeLoad:
    """The themes that loaded, and one line per file that did not."""

    themes: list[Theme] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _line_of(text: str, key: str) -> int | None:
    """The first line that assigns `key`, so an error can point at it."""
    pattern = re.compile(rf"""\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _read_text(path: Path) -> str:
    # a regular file only: a FIFO or a device named *.toml would hang the start
    data = read_regular(path, MAX_THEME_BYTES)
    try:
        # utf-8-sig: a byte-order mark left by a Windows editor is harmless, so accept it
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(path, f"not UTF-8 text (bad byte at offset {exc.start})") from exc


def _parse_toml(path: Path, text: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        if where is None:
            raise FileFormatError(path, f"not valid TOML: {message}") from exc
        reason = f"not valid TOML: {_TOML_WHERE.sub('', message)} (column {where.group(2)})"
        raise FileFormatError(path, reason, int(where.group(1))) from exc
    except RecursionError:
        raise FileFormatError(path, "not valid TOML: nested too deeply") from None


def _check_colour(path: Path, text: str, key: str, value: str) -> None:
    try:
        Color.parse(value)
    except ColorParseError as exc:
        hint = f"; did you mean {exc.suggested_color!r}?" if exc.suggested_color else ""
        reason = f"{key} = {value!r} is not a colour (try '#RRGGBB' or 'rgb(r,g,b)'){hint}"
        raise FileFormatError(path, reason, _line_of(text, key)) from exc


def _check_variable(path: Path, text: str, key: str, value: str) -> None:
    """A variable holds a text style (`style` in its name) or a colour with optional alpha."""
    words = value.split()
    if words == ["initial"]:  # CSS "use the widget's default", valid for any property
        return
    if "style" in key.split("-"):
        bad = [word for word in words if word not in VALID_STYLE_FLAGS]
        if words and not bad:
            return
        reason = f"variables.{key} = {value!r} is not a text style (e.g. 'bold', 'reverse', 'none')"
        raise FileFormatError(path, reason, _line_of(text, key))
    if 1 <= len(words) <= 2 and (len(words) == 1 or _PERCENT.fullmatch(words[1])):
        if words[0] == "auto":
            return
        try:
            Color.parse(words[0])
        except ColorParseError:
            pass
        else:
            return
    reason = f"variables.{key} = {value!r} is not a colour (e.g. '#88C0D0' or '#88C0D0 35%')"
    raise FileFormatError(path, reason, _line_of(text, key))


def _theme_from_table(path: Path, text: str, table: dict[str, object]) -> Theme:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        listed = ", ".join(unknown)
        raise FileFormatError(path, f"unknown key(s): {listed}", _line_of(text, unknown[0]))
    for required in ("name", "primary"):
        if required not in table:
            raise FileFormatError(path, f"missing {required!r}")

    name = table["name"]
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        reason = f"name = {name!r} must be a string of letters, digits, '-' or '_'"
        raise FileFormatError(path, reason, _line_of(text, "name"))

    def wrong_type(key: str, wanted: str) -> FileFormatError:
        value = table[key]
        reason = f"{key} must be {wanted}, not {type(value).__name__} {value!r}"
        return FileFormatError(path, reason, _line_of(text, key))

    colours: dict[str, str] = {}
    for key in COLOUR_FIELDS:
        if key in table:
            value = table[key]
            if not isinstance(value, str):
                raise wrong_type(key, "a colour string")
            _check_colour(path, text, key, value)
            colours[key] = value
    flags: dict[str, bool] = {}
    for key in BOOL_FIELDS:
        if key in table:
            value = table[key]
            if not isinstance(value, bool):
                raise wrong_type(key, "true or false")
            flags[key] = value
    numbers: dict[str, float] = {}
    for key in FLOAT_FIELDS:
        if key in table:
            value = table[key]
            # bool is an int subclass; `text_alpha = true` is a mistake, not 1.0
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise wrong_type(key, "a number")
            if not 0.0 <= value <= 1.0:
                raise FileFormatError(
                    path, f"{key} = {value} must be between 0 and 1", _line_of(text, key)
                )
            numbers[key] = float(value)
    variables: dict[str, str] = {}
    raw_variables = table.get("variables", {})
    if not isinstance(raw_variables, dict):
        raise wrong_type("variables", "a table")
    for key, value in raw_variables.items():
        if not isinstance(value, str):
            reason = f"variables.{key} must be a string, not {type(value).__name__} {value!r}"
            raise FileFormatError(path, reason, _line_of(text, key))
        _check_variable(path, text, key, value)
        variables[key] = value

    theme = Theme(name=name, primary=colours["primary"], variables=variables)
    # Only what the file sets, so Textual's own defaults stay in one place: Theme itself.
    for key, setting in (colours | flags | numbers).items():
        setattr(theme, key, setting)
    # A theme registers whatever it holds but only fails when applied, so build its colours now.
    # Textual may raise anything from its own code here; report it against the file.
    try:
        theme.to_color_system().generate()
    except Exception as exc:
        raise FileFormatError(path, f"Textual cannot apply this theme: {exc}") from exc
    return theme


def load_theme_file(path: Path) -> Theme:
    """Read one theme file; raise FileFormatError naming the file, line and problem."""
    text = _read_text(path)
    return _theme_from_table(path, text, _parse_toml(path, text))


def default_theme_dirs() -> list[Path]:
    """Shipped themes first, then the user's, so the user's win."""
    return [paths.shipped_themes_dir(), paths.user_themes_dir()]


def load_themes(dirs: Sequence[Path] | None = None) -> ThemeLoad:
    """Load every `*.toml` in `dirs` (in order, sorted within each); later names override."""
    result = ThemeLoad()
    by_name: dict[str, Theme] = {}
    for folder in default_theme_dirs() if dirs is None else dirs:
        if not folder.is_dir():
            continue
        seen_here: dict[str, Path] = {}
        # Hidden files are editor droppings (.#theme.toml), never themes.
        for path in sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".")):
            try:
                theme = load_theme_file(path)
            except FileFormatError as exc:
                result.errors.append(str(exc))
                continue
            if theme.name in seen_here:
                first = seen_here[theme.name].name
                result.errors.append(f"{path}: theme {theme.name!r} is already defined in {first}")
                continue
            seen_here[theme.name] = path
            by_name[theme.name] = theme
    result.themes = list(by_name.values())
    return result
