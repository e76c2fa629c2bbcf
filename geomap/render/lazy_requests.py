"""Import folium without running ``requests``, whose import creates and binds a socket.

folium.features imports requests at module level for one path geomap never takes (a GeoJson
or TopoJson layer given a URL). Importing requests imports urllib3, and
``urllib3.util.connection`` creates an IPv6 socket and binds it to ``::1`` at import time to
learn whether the machine has IPv6. No packet leaves the machine, but the default pipeline
promises to open no socket at all.

So folium is imported here, first, with a placeholder standing in for requests: folium keeps
a reference to the placeholder, which imports the real requests on its first attribute read
(a URL handed to folium) and forwards to it. The placeholder is taken out of ``sys.modules``
as soon as folium is imported, so every other ``import requests`` gets the real module, as if
this module did not exist. If requests or folium is already imported, nothing is deferred.

``importlib.util.LazyLoader`` cannot do this: the ``import requests`` statement itself reads
the module's ``__spec__``, which makes a lazy module load at once.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["DeferredModule", "deferred"]


class DeferredModule(types.ModuleType):
    """Stands in for a module not yet imported; the first attribute read imports it."""

    def __getattr__(self, attr: str) -> Any:  # called only for names the placeholder lacks
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # let the real import run instead of finding us
        return getattr(importlib.import_module(self.__name__), attr)


@contextmanager
def deferred(name: str) -> Iterator[None]:
    """While inside, ``import name`` gives a placeholder unless `name` is already imported."""
    if name in sys.modules:
        yield
        return
    placeholder = DeferredModule(name)
    sys.modules[name] = placeholder
    try:
        yield
    finally:
        if sys.modules.get(name) is placeholder:
            del sys.modules[name]


with deferred("requests"):
    import folium  # noqa: F401 - imported here first so that folium keeps the placeholder
