"""The `geomap` command line: a thin adapter over the library.

Exit codes: 0 success; 1 some inputs failed, findings were reported, or nothing matched;
2 usage error (bad option, unreadable style or gazetteer file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from gazetteer import Candidate, Gazetteer

__all__ = ["app", "main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news reports of protests into place-resolved events and maps.",
)
gazetteer_app = typer.Typer(no_args_is_help=True, help="Manage gazetteer files.")
app.add_typer(gazetteer_app, name="gazetteer")

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
    from gazetteer import Gazetteer, GazetteerError

    try:
        return Gazetteer(path) if path else Gazetteer.default()
    except GazetteerError as exc:
        raise fail(str(exc)) from None


def _candidate_json(candidate: Candidate) -> dict[str, object]:
    place = candidate.place
    return {
        "name": place.name,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "population": place.population,
        "kind": place.kind.value,
        "match_type": candidate.match_type.value,
        "matched_name": candidate.matched_name,
        "score": candidate.score,
    }


@app.command()
def variants(
    name: Annotated[str, typer.Argument(help="A place name in any spelling or script.")],
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--country", "-c", help="Prefer places in this ISO country code."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Candidates to list.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    gazetteer: GazetteerOption = None,
) -> None:
    """Look up a place name: the best match, other candidates and all known spellings.

    Example:
        geomap variants Jala-abad
        geomap variants Jalalabad --country KG --json
    """
    gaz = open_gazetteer(gazetteer)
    found = gaz.lookup(name, country=country, limit=limit)
    if not found:
        hints = gaz.suggest(name)
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        raise fail(f"no place matches {name!r}{hint}", EXIT_PARTIAL)
    best = gaz.with_variants(found[0])
    if as_json:
        document = {
            "best": {**_candidate_json(best), "variants": list(best.variants)},
            "candidates": [_candidate_json(c) for c in found],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    place = best.place
    typer.echo(
        f"{place.name} ({place.kind.value}, {place.admin1 + ', ' if place.admin1 else ''}"
        f"{place.country_code}) {place.lat:.5f}, {place.lon:.5f}  geonames:{place.geonameid}"
        f"  population {place.population:,}  {best.match_type.value} via {best.matched_name!r}"
        f"  score {best.score}"
    )
    typer.echo(f"spellings: {', '.join(best.variants)}")
    if len(found) > 1:
        typer.echo("other candidates:")
        for c in found[1:]:
            p = c.place
            typer.echo(
                f"  {p.name} ({p.kind.value}, {p.country_code}) {p.lat:.4f}, {p.lon:.4f}"
                f"  {c.match_type.value} via {c.matched_name!r}  score {c.score}"
            )


def main() -> None:
    """Console-script entry point; keeps tracebacks for bugs, never for user mistakes."""
    try:
        app()
    except BrokenPipeError:  # e.g. `geomap places x --json | head`
        sys.stderr.close()
        sys.exit(EXIT_PARTIAL)


if __name__ == "__main__":
    main()
