"""What a user installs: the wheel carries the themes and templates, and the command exists."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_themes_and_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("followup_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "themes").glob("*.toml")}
    assert len(shipped) >= 3
    assert {f"followup_tui/themes/{name}" for name in shipped} <= names
    assert "followup_tui/templates/thank-you/warm.j2" in names
    assert "followup_tui/app/app.tcss" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "followup-tui = followup_tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_themes_are_found_from_the_source_tree() -> None:
    from followup_tui.paths import shipped_themes_dir

    assert shipped_themes_dir().resolve() == (ROOT / "themes").resolve()
