"""Plain values the gazetteer hands out: places and ranked candidates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

__all__ = ["Candidate", "Kind", "MatchType", "Place", "synthetic_geonameid"]


class Kind(str, Enum):
    """What sort of place a record is; used as a ranking prior."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"  # second-level divisions: districts, counties, raions
    CITY = "city"
    AIRPORT = "airport"  # airports with scheduled flights (airportsdata)
    REGION = "region"  # continents and other macro-regions


class MatchType(str, Enum):
    """How a query met a place's name, best first."""

    EXACT = "exact"  # the place's display name
    ALIAS = "alias"  # one of its alternate names, as written in that script
    TRANSLITERATED = "transliterated"  # only after transliteration or spelling-drift folding
    FUZZY = "fuzzy"  # a typo-tolerant match, with a score below 100
    # Not in the gazetteer at all: an online geocoder's answer (geomap.geocode). A lookup never
    # returns it; it ranks last, as the least checked reading of a name.
    GEOCODED = "geocoded"

    @property
    def rank(self) -> int:
        return _MATCH_RANK[self]


_MATCH_RANK = {
    MatchType.EXACT: 0,
    MatchType.ALIAS: 1,
    MatchType.TRANSLITERATED: 2,
    MatchType.FUZZY: 3,
    MatchType.GEOCODED: 4,
}


@dataclass(frozen=True)
class Place:
    """One gazetteer record. Coordinates are WGS84 degrees, named explicitly."""

    geonameid: int
    name: str
    kind: Kind
    country_code: str
    admin1: str  # first-level region name ("Jalal-Abad"), "" when unknown
    lat: float
    lon: float
    population: int
    admin1_code: str = ""  # GeoNames admin1 code ("03"), "" when unknown

    @property
    def is_geonames(self) -> bool:
        """Whether the id is GeoNames' own. Negative ids are geomap's, for the few regions
        that no GeoNames-derived package gives an id (Transnistria, Tanzania's newer regions)."""
        return self.geonameid > 0

    @property
    def place_id(self) -> str:
        if not self.is_geonames:
            return f"geomap:{-self.geonameid}"
        return f"geonames:{self.geonameid}"


@dataclass(frozen=True)
class Candidate:
    """A place that a query may mean, with how and how well it matched."""

    place: Place
    match_type: MatchType
    score: float  # 0..100: string similarity combined with priors; higher is better
    matched_name: str  # the stored spelling the query met
    similarity: float = 100.0  # pure string similarity, 0..100
    variants: tuple[str, ...] = field(default=(), compare=False)


def synthetic_geonameid(source_id: str) -> int:
    """A stable key for a record GeoNames gives no id (an OpenStreetMap node, a postal
    locality).

    Negative, so that it never meets a GeoNames id and ``Place.is_geonames`` is False; small
    enough to survive JSON numbers. It is no id to hand on: ``place_id`` is.
    """
    digest = hashlib.blake2b(source_id.encode("utf-8"), digest_size=6).digest()
    return -(int.from_bytes(digest, "big") + 1)
