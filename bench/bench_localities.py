"""How many event places of our held-out reports the gazetteer can place, with and without
the postal localities (gazetteer/localities.py).

Every place a set's gold codes as an event place (required or optional) is looked up by
its gold name: it is placeable when a gazetteer reading of that name in the gold's
country lies within 25 km of the gold's point (the scorer's radius), and else placeable by
the localities when a postal locality of that name in that country does. The baseline,
measured in the same run, is the gazetteer alone.

    python bench/bench_localities.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.localities import Localities  # noqa: E402
from geomap.places import great_circle_km as _km  # noqa: E402

RADIUS_KM = 25.0


def _event_places(gold: dict) -> set[str]:
    return {
        place
        for article in gold["articles"].values()
        for place, _type in [*article["required"], *article["optional"]]
    }


def main() -> int:
    gaz = Gazetteer.default()
    localities = Localities.default()
    total = by_gazetteer = by_localities = 0
    found_only_by_localities: list[str] = []
    for gold_path in sorted((ROOT / "bench").glob("fresh*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for name in sorted(_event_places(gold)):
            point = gold["places"].get(name)
            if not point or not point.get("cc"):
                continue
            lat, lon, cc = point["lat"], point["lon"], point["cc"]
            total += 1
            readings = [c.place for c in gaz.lookup(name, limit=25, fuzzy=False)]
            if any(
                p.country_code == cc and _km(lat, lon, p.lat, p.lon) <= RADIUS_KM for p in readings
            ):
                by_gazetteer += 1
            elif any(
                _km(lat, lon, t.lat, t.lon) <= RADIUS_KM
                for t in localities.find(name, frozenset({cc}))
            ):
                by_localities += 1
                found_only_by_localities.append(f"{name} ({cc}, {gold_path.parent.name})")
    missing = total - by_gazetteer - by_localities
    print(f"gold event places in bench/fresh*: {total}")
    print(
        f"placeable by the gazetteer alone (baseline): {by_gazetteer} ({by_gazetteer / total:.1%})"
    )
    print(
        f"placeable with the postal localities: {by_gazetteer + by_localities} "
        f"({(by_gazetteer + by_localities) / total:.1%}); added {by_localities}"
    )
    print(f"placeable by neither: {missing}")
    print("added: " + ", ".join(found_only_by_localities))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
