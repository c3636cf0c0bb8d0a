"""Theme files: the shipped ones load and apply, bad user files are reported one line each."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.theme import Theme
from textual.widgets import Footer, Label

from followup_tui import paths
from followup_tui.app import themes
from followup_tui.app.themes import load_theme_file, load_themes
from followup_tui.errors import FileFormatError

GOOD = """\
name = "my-night"
primary = "#336699"
surface = "#101010"
dark = true

[variables]
"footer-key-foreground" = "#88C0D0"
"input-selection-background" = "#81a1c1 35%"
"block-cursor-text-style" = "b reverse"
"""

SHIPPED = ("followup-dusk", "followup-paper", "followup-terminal")


def user_dir() -> Path:
    folder = paths.user_themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_theme_fields_match_textual() -> None:
    """A Textual upgrade that adds or renames a Theme field must show up here."""
    assert {f.name for f in dataclasses.fields(Theme)} == themes.KNOWN_KEYS


def test_shipped_themes_load_cleanly() -> None:
    load = load_themes([paths.shipped_themes_dir()])
    assert load.errors == []
    names = [theme.name for theme in load.themes]
    assert len(names) == len(set(names))
    assert set(SHIPPED) <= set(names)
    assert all(name.startswith("followup-") for name in names)
    for theme in load.themes:
        assert theme.to_color_system().generate()


def test_default_dirs_without_user_themes() -> None:
    load = load_themes()
    assert load.errors == []
    assert {theme.name for theme in load.themes} >= set(SHIPPED)


def test_shipped_dark_flags() -> None:
    by_name = {t.name: t for t in load_themes([paths.shipped_themes_dir()]).themes}
    assert by_name["followup-dusk"].dark
    assert by_name["followup-terminal"].dark
    assert not by_name["followup-paper"].dark


def test_user_dir_good_and_bad_files() -> None:
    folder = user_dir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "bad-colour.toml").write_text(
        'name = "bad-colour"\nprimary = "notacolour"\n', encoding="utf-8"
    )
    (folder / "bad-syntax.toml").write_text(
        'name = "bad-syntax"\nprimary = "#123456"\nsurface = \n', encoding="utf-8"
    )
    (folder / "binary.toml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00\x10")
    (folder / "wrong-type.toml").write_text(
        'name = "wrong-type"\nprimary = "#123456"\ndark = "yes"\n', encoding="utf-8"
    )
    (folder / "unknown-key.toml").write_text(
        'name = "unknown-key"\nprimary = "#123456"\ncolour = "#000000"\n', encoding="utf-8"
    )

    load = load_themes()

    loaded = {theme.name for theme in load.themes}
    assert "my-night" in loaded
    assert loaded.isdisjoint({"bad-colour", "bad-syntax", "wrong-type", "unknown-key"})
    assert len(load.errors) == 5
    for stem in ("bad-colour", "bad-syntax", "binary", "wrong-type", "unknown-key"):
        lines = [e for e in load.errors if f"{stem}.toml" in e]
        assert len(lines) == 1, (stem, load.errors)
        assert "\n" not in lines[0]
    assert not any("good.toml" in e for e in load.errors)

    def error_for(stem: str) -> str:
        return next(e for e in load.errors if f"{stem}.toml" in e)

    assert f"{folder / 'bad-syntax.toml'}:3:" in error_for("bad-syntax")
    assert "notacolour" in error_for("bad-colour")
    assert "UTF-8" in error_for("binary")
    assert "dark" in error_for("wrong-type")
    assert "colour" in error_for("unknown-key")


def test_good_user_theme_values() -> None:
    folder = user_dir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    theme = load_theme_file(folder / "good.toml")
    assert theme.name == "my-night"
    assert theme.primary == "#336699"
    assert theme.dark is True
    assert theme.variables["input-selection-background"] == "#81a1c1 35%"


def test_user_theme_overrides_shipped_one_by_name() -> None:
    (user_dir() / "mine.toml").write_text(
        'name = "followup-dusk"\nprimary = "#FF00FF"\n', encoding="utf-8"
    )
    load = load_themes()
    assert load.errors == []
    dusk = [theme for theme in load.themes if theme.name == "followup-dusk"]
    assert len(dusk) == 1
    assert dusk[0].primary == "#FF00FF"


def test_duplicate_name_in_one_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('name = "twin"\nprimary = "#111111"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('name = "twin"\nprimary = "#222222"\n', encoding="utf-8")
    load = load_themes([tmp_path])
    assert [t.primary for t in load.themes] == ["#111111"]
    assert len(load.errors) == 1 and "b.toml" in load.errors[0]


def test_missing_folders_are_fine(tmp_path: Path) -> None:
    load = load_themes([tmp_path / "nope", tmp_path / "also-nope"])
    assert load.themes == [] and load.errors == []


@pytest.mark.parametrize(
    ("body", "expected_line", "fragment"),
    [
        ('primary = "#123456"\n', None, "missing 'name'"),
        ('name = "x"\n', None, "missing 'primary'"),
        ('name = "x"\nprimary = "#123456"\nzap = 1\nzip = 2\n', 3, "zap, zip"),
        ('name = "has space"\nprimary = "#123456"\n', 1, "name"),
        ('name = "x"\nprimary = 12\n', 2, "primary must be a colour string"),
        ('name = "x"\nprimary = "#123456"\nsurface = "#12345"\n', 3, "surface"),
        ('name = "x"\nprimary = "#123456"\ntext_alpha = true\n', 3, "text_alpha"),
        ('name = "x"\nprimary = "#123456"\ntext_alpha = 7\n', 3, "between 0 and 1"),
        ('name = "x"\nprimary = "#123456"\nvariables = 3\n', 3, "variables must be a table"),
        ('name = "x"\nprimary = "#123456"\n[variables]\n"border" = 5\n', 4, "variables.border"),
        ('name = "x"\nprimary = "#123456"\n[variables]\n"border" = "nope"\n', 4, "not a colour"),
        (
            'name = "x"\nprimary = "#123456"\n[variables]\n"link-style" = "wobbly"\n',
            4,
            "not a text style",
        ),
        ('name = "x"\nname = "y"\n', 2, "not valid TOML"),
    ],
)
def test_each_problem_names_file_and_line(
    tmp_path: Path, body: str, expected_line: int | None, fragment: str
) -> None:
    path = tmp_path / "t.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_theme_file(path)
    assert caught.value.path == path
    assert caught.value.line == expected_line
    assert fragment in str(caught.value)
    assert str(path) in str(caught.value)


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text('name = "x"\nprimary = "#123456"\n' + "#" * (300 * 1024), encoding="utf-8")
    with pytest.raises(FileFormatError, match="256 KB"):
        load_theme_file(path)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_theme_file(path).name == "my-night"


def test_textual_builtin_variables_pass_the_variable_check(tmp_path: Path) -> None:
    """Our variable check must accept every value Textual itself ships or generates."""
    from textual.theme import BUILTIN_THEMES

    values: dict[str, str] = {}
    for theme in BUILTIN_THEMES.values():
        values.update(theme.variables)
    values.update(BUILTIN_THEMES["nord"].to_color_system().generate())
    for key, value in values.items():
        themes._check_variable(tmp_path / "t.toml", "", key, value)


class ThemeApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("pass  warn  fail")
        yield Footer()


async def test_every_loaded_theme_applies() -> None:
    (user_dir() / "good.toml").write_text(GOOD, encoding="utf-8")
    load = load_themes()
    assert load.errors == []
    app = ThemeApp()
    for theme in load.themes:
        app.register_theme(theme)
    async with app.run_test() as pilot:
        for theme in load.themes:
            app.theme = theme.name
            await pilot.pause()
            assert app.current_theme.name == theme.name
