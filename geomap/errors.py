"""geomap's exceptions: one root, specific subclasses that carry data."""

from __future__ import annotations

__all__ = ["GeocoderError", "GeomapError", "InputError", "OutputError", "RenderError"]


class GeomapError(Exception):
    """Root of every error geomap raises."""


class InputError(GeomapError, ValueError):
    """An input file cannot be read or decoded; names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class OutputError(GeomapError, OSError):
    """An output file cannot be written."""


class RenderError(GeomapError, ValueError):
    """Events cannot be drawn (for example, a GeoJSON file that breaks the contract)."""


class GeocoderError(GeomapError):
    """An online geocoder failed for one place; the batch goes on."""
