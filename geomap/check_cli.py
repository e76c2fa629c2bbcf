"""The `geomap check` command: parse options, call geomap.check, write the report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from geomap.cli_shared import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, GazetteerOption, fail

__all__ = ["OutputFormat", "check_command"]

# For check, 1 always means findings: an input it cannot read or fix is a usage error (2).
EXIT_CLEAN, EXIT_FINDINGS = EXIT_OK, EXIT_PARTIAL


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def check_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (.txt, .html, .jsonl) to check; - for stdin."),
    ],
    style: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional at runtime on 3.10
        typer.Option("--style", "-s", help="House-style TOML file.", dir_okay=False),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.TEXT,
    fix: Annotated[
        bool, typer.Option("--fix", help="Write corrected copies (NAME.fixed.EXT, or into -o).")
    ] = False,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Correct the input files themselves, atomically.")
    ] = False,
    output_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Folder for --fix copies.", file_okay=False),
    ] = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """Check place-name spellings: variants, inconsistencies, typos and ambiguous names.

    Prints one `path:line:col: message` line per finding, then a summary.

    Exit codes: 0 clean; 1 findings (with --fix/--in-place: some left unfixed); 2 bad input.

    Example:
        geomap check seeds/
        geomap check article.txt --style house-style.toml --format json
        geomap check seeds/ --fix -o fixed/
    """
    from gazetteer import Gazetteer, GazetteerError
    from geomap.check import (
        check_paths,
        findings_json,
        findings_text,
        plan_fixes,
        summary,
        write_fixes,
    )
    from geomap.errors import GeomapError
    from geomap.style import DEFAULT_STYLE, load_style

    if fix and in_place:
        raise fail("use either --fix or --in-place, not both")
    if output_dir is not None and not fix:
        raise fail("--output only applies to --fix")
    try:
        house_style = load_style(style) if style else DEFAULT_STYLE
        gaz = Gazetteer(gazetteer) if gazetteer else Gazetteer.default()
        run = check_paths(paths, gaz, house_style)
        plan = None
        if fix or in_place:
            out = str(output_dir) if output_dir is not None else None
            plan = plan_fixes(run, in_place=in_place, out_dir=out)
            write_fixes(plan, out)
    except (GeomapError, GazetteerError) as error:
        raise fail(str(error)) from None
    for problem in (*run.problems, *(plan.problems if plan else ())):
        typer.echo(f"geomap: {problem}", err=True)
    if output_format is OutputFormat.JSON:
        typer.echo(findings_json(run.findings), nl=False)
        typer.echo(summary(run, plan), err=True)
    else:
        typer.echo(findings_text(run.findings) + summary(run, plan))
    for written in plan.files if plan else ():
        typer.echo(f"geomap: wrote {written.target} ({written.fixes} fixed)", err=True)
    if run.problems or (plan and plan.problems):
        raise typer.Exit(EXIT_USAGE)
    fixed = sum(f.fixes for f in plan.files) if plan else 0
    raise typer.Exit(EXIT_FINDINGS if len(run.findings) > fixed else EXIT_CLEAN)
