"""`check --fix` writes fixes into the file as written, invisible characters and all."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # A soft hyphen inside the variant itself: the whole span is replaced.
        ("Crowds filled Jala-\u00adabad on Monday.", "Crowds filled Jalal-Abad on Monday."),
        # A zero-width space elsewhere in the line is the author's and stays.
        (
            "Crowds filled Jala-abad and O\u200bsh on Monday.",
            "Crowds filled Jalal-Abad and O\u200bsh on Monday.",
        ),
        # Nothing invisible: the plain case.
        ("Crowds filled Jala-abad on Monday.", "Crowds filled Jalal-Abad on Monday."),
    ],
)
def test_fix_maps_positions_back_to_the_file_as_written(
    tmp_path: Path, written: str, expected: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(written + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--fix"])
    assert result.exit_code == 0, result.output
    fixed = (tmp_path / "a.fixed.txt").read_text(encoding="utf-8")
    assert fixed == expected + "\n"
