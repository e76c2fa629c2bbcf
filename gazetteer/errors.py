"""The gazetteer's exceptions: one root, specific subclasses carrying data."""

from __future__ import annotations

__all__ = [
    "GazetteerDataError",
    "GazetteerError",
    "OverlayError",
    "PlaceNotFound",
]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class PlaceNotFound(GazetteerError, LookupError):
    """No place matches a name; `suggestions` holds did-you-mean spellings."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no place matches {name!r}{hint}")


class GazetteerDataError(GazetteerError, ValueError):
    """A gazetteer file or GeoNames dump is missing or malformed."""


class OverlayError(GazetteerDataError):
    """A row of an overlay file cannot be applied; carries path and line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}")
