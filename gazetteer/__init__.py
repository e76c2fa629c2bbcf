"""An offline, pip-installable gazetteer with spelling-variant matching."""

from gazetteer.errors import (
    GazetteerDataError,
    GazetteerError,
    OverlayError,
    PlaceNotFound,
)
from gazetteer.lookup import Gazetteer
from gazetteer.model import Candidate, Kind, MatchType, Place
from gazetteer.normalize import fold, skeleton, transliterate

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "Kind",
    "MatchType",
    "OverlayError",
    "Place",
    "PlaceNotFound",
    "fold",
    "skeleton",
    "transliterate",
]
