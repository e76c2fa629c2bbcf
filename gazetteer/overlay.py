"""Human-edited corrections applied on top of a gazetteer file.

An overlay is a tab-separated file; `#` starts a comment line. Columns:

    action  geonameid  name  source  [country_code  lat  lon  kind  population  admin1]

Actions:
- `display`:  make `name` the place's display name (the old one stays a spelling);
- `add_name`: add `name` as a spelling of the place;
- `drop_name`: stop `name` leading to the place (a misleading alternate name);
- `add_place`: add a place the data lacks (the extra columns are then required);
- `population`: set the place's population to the number in `name` (GeoNames gives some
  district seats 0, which ranks them below hamlets of the same name).

Every row needs a `source` note saying why the correction is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.errors import OverlayError
from gazetteer.model import Kind, Place

__all__ = ["DEFAULT_OVERLAY", "Overlay", "parse_overlay", "read_overlay"]

DEFAULT_OVERLAY = Path(__file__).parent / "data" / "overlay.tsv"
_ACTIONS = {"display", "add_name", "drop_name", "add_place", "population"}


@dataclass(frozen=True)
class Overlay:
    """Corrections keyed by geonameid, merged from one or more overlay files."""

    display: dict[int, str] = field(default_factory=dict)
    added_names: dict[int, tuple[str, ...]] = field(default_factory=dict)
    dropped_names: dict[int, frozenset[str]] = field(default_factory=dict)
    added_places: dict[int, Place] = field(default_factory=dict)
    population: dict[int, int] = field(default_factory=dict)

    def merged(self, other: Overlay) -> Overlay:
        """Rows of `other` win over rows of `self` (a user's overlay over the default)."""
        names = dict(self.added_names)
        for gid, extra in other.added_names.items():
            names[gid] = names.get(gid, ()) + extra
        dropped = dict(self.dropped_names)
        for gid, gone in other.dropped_names.items():
            dropped[gid] = dropped.get(gid, frozenset()) | gone
        return Overlay(
            {**self.display, **other.display},
            names,
            dropped,
            {**self.added_places, **other.added_places},
            {**self.population, **other.population},
        )


def read_overlay(path: Path) -> Overlay:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverlayError(str(path), 0, f"cannot read overlay: {exc}") from exc
    return parse_overlay(text, str(path))


def parse_overlay(text: str, path: str = "<overlay>") -> Overlay:
    display: dict[int, str] = {}
    added: dict[int, list[str]] = {}
    dropped: dict[int, set[str]] = {}
    places: dict[int, Place] = {}
    population: dict[int, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 4:
            raise OverlayError(path, number, "expected action, geonameid, name and source")
        action, gid_text, name, source = cols[:4]
        if action not in _ACTIONS:
            raise OverlayError(path, number, f"unknown action {action!r}")
        if action == "action":  # a header row
            continue
        try:
            gid = int(gid_text)
        except ValueError:
            raise OverlayError(path, number, f"geonameid {gid_text!r} is not a number") from None
        if not name:
            raise OverlayError(path, number, "empty name")
        if not source:
            raise OverlayError(path, number, "every row needs a source note")
        if action == "display":
            display[gid] = name
        elif action == "add_name":
            added.setdefault(gid, []).append(name)
        elif action == "drop_name":
            dropped.setdefault(gid, set()).add(name)
        elif action == "population":
            if not name.isdigit():
                raise OverlayError(path, number, f"population {name!r} is not a whole number")
            population[gid] = int(name)
        else:
            places[gid] = _place_from(cols, gid, name, path, number)
    return Overlay(
        display,
        {gid: tuple(names) for gid, names in added.items()},
        {gid: frozenset(names) for gid, names in dropped.items()},
        places,
        population,
    )


def _place_from(cols: list[str], gid: int, name: str, path: str, number: int) -> Place:
    if len(cols) < 9:
        raise OverlayError(
            path, number, "add_place needs country_code, lat, lon, kind and population"
        )
    country, lat, lon, kind, population = cols[4:9]
    admin1 = cols[9] if len(cols) > 9 else ""
    try:
        lat_value, lon_value = float(lat), float(lon)
        population_value = int(population or 0)
        kind_value = Kind(kind)
    except ValueError as exc:
        raise OverlayError(path, number, f"bad place column: {exc}") from None
    if not (-90 <= lat_value <= 90 and -180 <= lon_value <= 180):
        raise OverlayError(path, number, "lat/lon out of range")
    return Place(
        gid, name, kind_value, country.upper(), admin1, lat_value, lon_value, population_value
    )
