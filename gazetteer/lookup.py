"""Name lookup: exact, alias, transliterated and fuzzy matches, ranked with priors."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import sqlite3
import threading
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from gazetteer.capitals import Capitals
from gazetteer.errors import GazetteerDataError, PlaceNotFound
from gazetteer.localities import DEFAULT_LOCALITIES, Localities
from gazetteer.model import Candidate, Kind, MatchType, Place
from gazetteer.normalize import fold, script_of, skeleton
from gazetteer.overlay import DEFAULT_OVERLAY, Overlay, read_overlay
from gazetteer.store import fuzzy_blocks, open_readonly

__all__ = ["DEFAULT_PATH", "ENV_GAZETTEER", "ENV_OVERLAY", "Gazetteer"]

DEFAULT_PATH = Path(__file__).parent / "data" / "places.sqlite"
ENV_GAZETTEER = "GEOMAP_GAZETTEER"
ENV_OVERLAY = "GEOMAP_OVERLAY"

# Ranking. A query's string evidence comes first, priors second: an exact match on a
# hamlet should not beat an alias of a capital ("Kiev"), so priors may outweigh the small
# gaps between match types, but never a poor fuzzy score.
_TYPE_PENALTY = {
    MatchType.EXACT: 0.0,
    MatchType.ALIAS: 3.0,
    MatchType.TRANSLITERATED: 6.0,
    MatchType.FUZZY: 10.0,
}
_POPULATION_WEIGHT = 0.85  # about 3 score points per tenfold population
# A name typed in Cyrillic most likely means a place where Cyrillic is written.
_CYRILLIC_COUNTRIES = frozenset(
    {
        "RU",
        "UA",
        "BY",
        "KZ",
        "KG",
        "TJ",
        "UZ",
        "TM",
        "AZ",
        "AM",
        "GE",
        "MD",
        "BG",
        "RS",
        "MK",
        "ME",
        "BA",
        "MN",
    }
)
_SCRIPT_BIAS = 0.15
_KIND_PRIOR = {
    Kind.COUNTRY: 0.45,
    Kind.REGION: 0.35,
    Kind.ADMIN1: 0.3,
    Kind.ADMIN2: 0.2,
    Kind.CITY: 0.0,
    Kind.AIRPORT: 0.0,  # no population: a town of the same name outranks it
}
_COUNTRY_BIAS = 0.5
FUZZY_CUTOFF = 80.0


def _closest(name: str, spellings: Sequence[str]) -> str:
    query = name.casefold()
    return max(spellings, key=lambda s: (fuzz.ratio(query, s.casefold()), s == name, s))


def _literal_similarity(name: str, spelling: str) -> float:
    """100 for the very spelling; a little less when only case, accents or hyphens differ.

    "Jalal-Abad" typed with its hyphen is better evidence for the place spelled that way
    than for "Jalālābād", although both fold to the same key.
    """
    if name == spelling:
        return 100.0
    return 90.0 + 0.08 * fuzz.ratio(name.casefold(), spelling.casefold())


# A town at least this large, spelled exactly so, is what a writer means by its name rather
# than a foreign region of that name, or a country that the name is only an alternate of.
_LARGE_TOWN = 100_000


def _prefer_seat_over_namesake_region(candidates: list[Candidate]) -> list[Candidate]:
    """A region or district sharing its name with a major city of its country ranks just
    below it.

    Writers name such regions explicitly ("Osh region", "Jalal-Abad oblast", "Washington
    State", "Sirjan County"); the bare name means the city. A city counts as major when it
    holds at least a tenth of the region's listed population, so Ontario, California does
    not demote the province of Ontario.
    """
    return _regions_below(
        candidates,
        lambda city, region: (
            city.place.country_code == region.place.country_code
            and city.place.population * 10 >= region.place.population
        ),
    )


def _prefer_large_town_over_foreign_region(candidates: list[Candidate]) -> list[Candidate]:
    """A region ranks just below a large town abroad that bears the name as its own and is
    at least as populous as the region.

    "Sofia" is Bulgaria's capital, not the Malagasy region, and "Gaza" the city, not
    Mozambique's Gaza Province; but "Berea", an old name of Aleppo, stays Lesotho's
    district.
    """
    return _regions_below(
        candidates,
        lambda city, region: (
            city.place.country_code != region.place.country_code
            and city.match_type is MatchType.EXACT
            and city.place.population >= max(region.place.population, _LARGE_TOWN)
        ),
    )


def _regions_below(
    candidates: list[Candidate], outweighs: Callable[[Candidate, Candidate], bool]
) -> list[Candidate]:
    """Each region or district ranked just below the cities that `outweighs` it."""
    cities = [c for c in candidates if c.place.kind is Kind.CITY]
    return [
        _just_below(c, [city for city in cities if outweighs(city, c)])
        if c.place.kind in (Kind.ADMIN1, Kind.ADMIN2)
        else c
        for c in candidates
    ]


def _prefer_own_name_over_borrowed(candidates: list[Candidate]) -> list[Candidate]:
    """A place met only through an alternate name ranks just below a national capital
    whose own name the query is; a country met so ranks below any town of 100,000 or more
    whose own name it is.

    GeoNames' alternate names carry historical names and translations: "Islamabad" was a
    Mughal name of Chittagong, "Tunis" an old name of Tunisia, "Aman" a transliteration of
    Oman, "Columbia" and "Gold Coast" older names of Colombia and Ghana. A writer who uses
    the name of a capital or a city means the place that bears it today. Old names of
    countries with no large namesake keep the country (Burma, Ceylon, Holland).
    """
    capitals = Capitals.default().national_capitals
    own = [c for c in candidates if c.match_type is MatchType.EXACT]
    own_capitals = [c for c in own if c.place.geonameid in capitals]
    large_towns = [
        c for c in own if c.place.kind is Kind.CITY and c.place.population >= _LARGE_TOWN
    ]
    out = []
    for c in candidates:
        if c.match_type in (MatchType.ALIAS, MatchType.TRANSLITERATED):
            c = _just_below(c, own_capitals + (large_towns if c.place.kind is Kind.COUNTRY else []))
        out.append(c)
    return out


def _just_below(candidate: Candidate, rivals: Sequence[Candidate]) -> Candidate:
    """The candidate, scored half a point below the best rival if it scored at least as well."""
    if not rivals:
        return candidate
    best = max(rival.score for rival in rivals)
    if candidate.score < best:
        return candidate
    return dataclasses.replace(candidate, score=round(best - 0.5, 2))


# Ranking rules after the scores, in order: each moves a candidate below another that a
# writer more likely means.
_RANKING_RULES = (
    _prefer_own_name_over_borrowed,
    _prefer_seat_over_namesake_region,
    _prefer_large_town_over_foreign_region,
)


def _prior(place: Place) -> float:
    population = min(1.0, math.log10(place.population + 1) / 7.0)
    return _POPULATION_WEIGHT * population + _KIND_PRIOR[place.kind]


class Gazetteer:
    """A read-only place index: a SQLite file plus curated overlays.

    Example:
        >>> gaz = Gazetteer.default()
        >>> gaz.lookup("Jala-abad")[0].place.name
        'Jalal-Abad'
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        path: Path = DEFAULT_PATH,
        overlays: Sequence[Path] = (),
        *,
        default_overlay: bool = True,
        localities: Path | None = None,
    ) -> None:
        if not Path(path).is_file():
            raise GazetteerDataError(f"{path}: gazetteer file not found")
        self.path = Path(path)
        # The postal-locality fallback (gazetteer.localities); None asks it nothing.
        self.localities = Localities(localities) if localities is not None else None
        try:
            self._con = open_readonly(self.path)
            self._admin1 = dict(self._con.execute("SELECT code, name FROM admin1"))
        except sqlite3.DatabaseError as exc:
            raise GazetteerDataError(f"{path}: not a geomap gazetteer ({exc})") from exc
        overlay = Overlay()
        for overlay_path in ([DEFAULT_OVERLAY] if default_overlay else []) + list(overlays):
            overlay = overlay.merged(read_overlay(Path(overlay_path)))
        self.overlay = overlay
        self._extra_keys: dict[str, set[int]] = defaultdict(set)
        self._extra_skeletons: dict[str, set[int]] = defaultdict(set)
        self._dropped_keys: dict[str, set[int]] = defaultdict(set)
        self._dropped_skeletons: dict[str, set[int]] = defaultdict(set)
        for gid, names in overlay.added_names.items():
            for name in names:
                self._add_key(name, gid)
        for gid, name in overlay.display.items():
            self._add_key(name, gid)
        for gid, place in overlay.added_places.items():
            self._add_key(place.name, gid)
        for gid, gone in overlay.dropped_names.items():
            for name in gone:
                self._dropped_keys[fold(name)].add(gid)
                self._dropped_skeletons[skeleton(fold(name))].add(gid)
        # Text corpora repeat the same names endlessly; caching makes a repeat ~free.
        self._place_cache = lru_cache(maxsize=200_000)(self._load_place)
        self._key_cache = lru_cache(maxsize=200_000)(self._load_key)
        self._spellings_cache = lru_cache(maxsize=100_000)(self._load_spellings)
        self._lookup_cache = lru_cache(maxsize=100_000)(self._lookup)

    def _add_key(self, name: str, gid: int) -> None:
        key = fold(name)
        if key:
            self._extra_keys[key].add(gid)
            self._extra_skeletons[skeleton(key)].add(gid)

    @classmethod
    def default(cls) -> Gazetteer:
        """The embedded gazetteer, or the file named by $GEOMAP_GAZETTEER, with the embedded
        postal localities; built once."""
        with cls._default_lock:
            if cls._default is None:
                path = Path(os.environ.get(ENV_GAZETTEER) or DEFAULT_PATH)
                extra = os.environ.get(ENV_OVERLAY)
                cls._default = cls(
                    path,
                    [Path(p) for p in extra.split(os.pathsep)] if extra else [],
                    localities=DEFAULT_LOCALITIES,
                )
            return cls._default

    # -- records -------------------------------------------------------------------------

    def place(self, geonameid: int) -> Place | None:
        return self._place_cache(geonameid)

    def _load_place(self, geonameid: int) -> Place | None:
        if geonameid in self.overlay.added_places:
            return self.overlay.added_places[geonameid]
        row = self._con.execute(
            "SELECT name, kind, country_code, admin1_code, lat, lon, population"
            " FROM places WHERE geonameid = ?",
            (geonameid,),
        ).fetchone()
        if row is None:
            return None
        name, kind, country, admin1_code, lat, lon, population = row
        return Place(
            geonameid=geonameid,
            name=self.overlay.display.get(geonameid, name),
            kind=Kind(kind),
            country_code=country,
            admin1=self._admin1.get(f"{country}.{admin1_code}", ""),
            lat=lat,
            lon=lon,
            population=self.overlay.population.get(geonameid, population),
            admin1_code=admin1_code,
        )

    def spellings(self, geonameid: int) -> tuple[str, ...]:
        """Every known spelling of a place, display name first, then sorted."""
        return self._spellings_cache(geonameid)

    def _load_spellings(self, geonameid: int) -> tuple[str, ...]:
        place = self.place(geonameid)
        if place is None:
            return ()
        names = {
            n
            for (n,) in self._con.execute(
                "SELECT name FROM names WHERE geonameid = ?", (geonameid,)
            )
        }
        names.update(self.overlay.added_names.get(geonameid, ()))
        gone = {fold(n) for n in self.overlay.dropped_names.get(geonameid, ())}
        if gone:  # few places lose a name; folding a country's hundreds of names finds none
            names = {n for n in names if fold(n) not in gone}
        names.discard(place.name)
        return (place.name, *sorted(names, key=lambda n: (fold(n), n)))

    # -- keys ----------------------------------------------------------------------------

    def places_for_key(self, key: str) -> tuple[int, ...]:
        """Places with a spelling whose fold() is `key` (overlay applied)."""
        return self._key_cache(key)

    def _load_key(self, key: str) -> tuple[int, ...]:
        gids = {
            gid for (gid,) in self._con.execute("SELECT geonameid FROM keys WHERE key = ?", (key,))
        }
        gids |= self._extra_keys.get(key, set())
        gids -= self._dropped_keys.get(key, set())
        return tuple(sorted(gid for gid in gids if self.place(gid) is not None))

    def _places_for_skeleton(self, skel: str) -> set[int]:
        gids = set(self.places_for_key(skel))
        gids |= {
            gid
            for (gid,) in self._con.execute(
                "SELECT geonameid FROM skeletons WHERE skel = ?", (skel,)
            )
        }
        gids |= self._extra_skeletons.get(skel, set())
        gids -= self._dropped_skeletons.get(skel, set())
        return {gid for gid in gids if self.place(gid) is not None}

    def _fuzzy_skeletons(self, skel: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        pool: set[str] = set()
        slack = max(2, len(skel) // 4)
        for block in fuzzy_blocks(skel):
            row = self._con.execute("SELECT skels FROM fuzzy WHERE block = ?", (block,)).fetchone()
            if row:
                pool.update(
                    s
                    for s in zlib.decompress(row[0]).decode().split("\n")
                    if abs(len(s) - len(skel)) <= slack
                )
        pool.update(s for s in self._extra_skeletons if abs(len(s) - len(skel)) <= slack)
        pool.discard(skel)
        hits = process.extract(
            skel, sorted(pool), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
        )
        return [(hit, float(score)) for hit, score, _ in hits]

    # -- lookup --------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        limit: int = 10,
        fuzzy: bool = True,
        fuzzy_cutoff: float = FUZZY_CUTOFF,
    ) -> list[Candidate]:
        """Ranked candidates for a name; empty when nothing matches.

        Fuzzy matches are only sought when nothing matches exactly, by alias or by
        transliteration: a real spelling should not be crowded out by near-misses.
        """
        return list(self._lookup_cache(name, country, limit, fuzzy, fuzzy_cutoff))

    def _lookup(
        self, name: str, country: str | None, limit: int, fuzzy: bool, fuzzy_cutoff: float
    ) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        query_script = script_of(name)
        found: dict[int, tuple[MatchType, float, str]] = {}
        for gid in self.places_for_key(key):
            found[gid] = self._classify(gid, name, key, query_script)
        spelled_out = _saint_spelled_out(name)
        if spelled_out is not None:
            # "St James" is also Saint James Parish, which sources list only in full
            long_key = fold(spelled_out)
            for gid in self.places_for_key(long_key):
                if gid not in found:
                    # weaker evidence than a spelling the sources list as written
                    _, similarity, spelling = self._classify(gid, name, long_key, query_script)
                    found[gid] = (
                        MatchType.TRANSLITERATED,
                        similarity - _SPELLED_OUT_PENALTY,
                        spelling,
                    )
        skel = skeleton(key)
        for gid in self._places_for_skeleton(skel):
            if gid not in found:
                spelling, similarity = self._skeleton_match(gid, name, skel)
                found[gid] = (MatchType.TRANSLITERATED, similarity, spelling)
        if not found and fuzzy:
            for hit, similarity in self._fuzzy_skeletons(skel, fuzzy_cutoff, limit=max(limit, 10)):
                for gid in self._places_for_skeleton(hit):
                    previous = found.get(gid)
                    if previous is None or previous[1] < similarity:
                        spelling, _ = self._skeleton_match(gid, name, hit)
                        found[gid] = (MatchType.FUZZY, similarity, spelling)
        return tuple(self._rank(found, country, limit, query_script))

    def _classify(
        self, gid: int, name: str, key: str, query_script: str
    ) -> tuple[MatchType, float, str]:
        place = self.place(gid)
        assert place is not None
        same_key = [s for s in self.spellings(gid) if fold(s) == key]
        if fold(place.name) == key and script_of(place.name) == query_script:
            # Exact on the display name; an alias written exactly as typed still counts
            # as the literal evidence ("Jalalabad" for Jalal-Abad).
            spelling = _closest(name, [place.name, *same_key])
            similarity = max(
                _literal_similarity(name, place.name), _literal_similarity(name, spelling)
            )
            return MatchType.EXACT, similarity, place.name
        same_script = [s for s in same_key if script_of(s) == query_script]
        if same_script:
            spelling = _closest(name, same_script)
            return MatchType.ALIAS, _literal_similarity(name, spelling), spelling
        spelling = _closest(name, same_key or [place.name])
        return MatchType.TRANSLITERATED, _literal_similarity(name, spelling), spelling

    def _skeleton_match(self, gid: int, name: str, target: str) -> tuple[str, float]:
        """The place's spelling nearest the query among those folding to `target`."""
        spellings = [s for s in self.spellings(gid) if skeleton(fold(s)) == target]
        place = self.place(gid)
        spelling = _closest(name, spellings or [place.name if place else target])
        # Drift folding is weaker evidence than a literal alias; literal closeness orders
        # the survivors (Jalal-Abbad is nearer Jalal-Abad than Jalālābād).
        return spelling, 90.0 + 0.06 * fuzz.ratio(name.casefold(), spelling.casefold())

    def _rank(
        self,
        found: dict[int, tuple[MatchType, float, str]],
        country: str | None,
        limit: int,
        query_script: str = "latin",
    ) -> list[Candidate]:
        bias = (country or "").upper()
        scored = []
        for gid, (match_type, similarity, matched) in found.items():
            place = self.place(gid)
            assert place is not None
            prior = _prior(place) + (_COUNTRY_BIAS if bias and place.country_code == bias else 0.0)
            if query_script == "cyrillic" and place.country_code in _CYRILLIC_COUNTRIES:
                prior += _SCRIPT_BIAS
            score = min(100.0, 0.75 * (similarity - _TYPE_PENALTY[match_type]) + 25.0 * prior)
            scored.append(
                Candidate(place, match_type, round(score, 2), matched, round(similarity, 1))
            )
        for rule in _RANKING_RULES:
            scored = rule(scored)
        scored.sort(
            key=lambda c: (-c.score, c.match_type.rank, -c.place.population, c.place.geonameid)
        )
        return scored[:limit]

    def best(self, name: str, *, country: str | None = None) -> Candidate:
        """The top candidate, or PlaceNotFound carrying did-you-mean suggestions."""
        found = self.lookup(name, country=country, limit=1)
        if not found:
            raise PlaceNotFound(name, self.suggest(name))
        return found[0]

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Display names of places whose spelling is near `name` (for did-you-mean)."""
        found = self.lookup(name, limit=limit, fuzzy_cutoff=60.0)
        return tuple(dict.fromkeys(f"{c.place.name} ({c.place.country_code})" for c in found))

    def with_variants(self, candidate: Candidate) -> Candidate:
        return Candidate(
            candidate.place,
            candidate.match_type,
            candidate.score,
            candidate.matched_name,
            candidate.similarity,
            self.spellings(candidate.place.geonameid),
        )

    def iter_places(self, geonameids: Iterable[int]) -> list[Place]:
        return [p for p in (self.place(g) for g in geonameids) if p is not None]


# "St Paul" is Saint Paul, Minnesota (listed as "St. Paul") before Saint Paul Parish,
# Antigua, which only the written-out spelling reaches.
_SPELLED_OUT_PENALTY = 10.0
_SAINT_ABBREVIATION_RE = re.compile(r"^(St|Ste|Sta)\.?(?=[\s-])")
_SAINT_WORDS = {"St": "Saint", "Ste": "Sainte", "Sta": "Santa"}


def _saint_spelled_out(name: str) -> str | None:
    """ "St James" written out: "Saint James" (an abbreviation sources do not list)."""
    match = _SAINT_ABBREVIATION_RE.match(name)
    return None if match is None else _SAINT_WORDS[match.group(1)] + name[match.end() :]
