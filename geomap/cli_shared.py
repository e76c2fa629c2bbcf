"""What every `geomap` command shares: exit codes, the one-line error and common options.

Both command modules (geomap.cli and geomap.check_cli) import these, so an exit code or
the --gazetteer option is defined once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = [
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "GazetteerOption",
    "fail",
    "open_gazetteer",
]

# 0 success; 1 some inputs failed (the rest written), findings (check) or no match
# (variants); 2 usage error; 3 not one input could be read, so nothing was written.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NO_INPUT = 0, 1, 2, 3

GazetteerOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional at runtime on 3.10
    typer.Option(
        "--gazetteer",
        envvar="GEOMAP_GAZETTEER",
        help="A gazetteer file made by `geomap gazetteer import` (default: the embedded one).",
        dir_okay=False,
    ),
]


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    typer.echo(f"geomap: {message}", err=True)
    return typer.Exit(code)


def open_gazetteer(path: Path | None) -> Gazetteer:
    """The gazetteer at `path`, or the embedded one; a bad file is a usage error."""
    from gazetteer import Gazetteer, GazetteerError

    try:
        return Gazetteer(path) if path else Gazetteer.default()
    except GazetteerError as exc:
        raise fail(str(exc)) from None
