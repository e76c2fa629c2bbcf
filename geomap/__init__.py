"""geomap: news reports of protests to place-resolved events and trustworthy maps."""

__version__ = "0.1.0"
