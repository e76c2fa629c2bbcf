"""The README and --help document every command, and the README's Python example runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from geomap.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _command_paths(group: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    click_group = typer.main.get_group(group)
    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            paths.append(path)
            return
        for name, child in sorted(children.items()):
            walk(child, (*path, name))

    walk(click_group, prefix)
    return paths


COMMANDS = _command_paths(app)


def test_the_command_list_is_not_empty_and_includes_subcommands() -> None:
    assert ("gazetteer", "import") in COMMANDS
    assert {("build",), ("extract",), ("check",), ("variants",)} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "<bool>" not in result.stdout  # flags take no value
    assert "{" not in result.stdout.split("\n", 3)[1]  # the usage line: PATHS..., not {paths}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_a_readme_section(command: tuple[str, ...]) -> None:
    heading = re.compile(rf"^### `geomap {' '.join(command)}[ `]", re.MULTILINE)
    assert heading.search(README), f"no README section for geomap {' '.join(command)}"


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    block = README.split("## Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    cwd = Path.cwd()
    os.chdir(ROOT)  # the example reads seeds/ as a user in a clone would
    try:
        namespace: dict[str, object] = {}
        exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert [p.source for p in namespace["batch"].problems] == ["missing/"]  # type: ignore[attr-defined]
    assert namespace["problems"] == []
    assert len(namespace["articles"]) == 3  # type: ignore[arg-type]
